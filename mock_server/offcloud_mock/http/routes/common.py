"""What every handler of the faked API shares: the blueprint and the readers of validated parameters.

Each handler reads its validated parameters, calls ONE backend method and hands the domain answer to the
era playing now (`era()`, a `presenters.ServerEra`), which alone decides its shape and status; the rules
live in the backend, auth/validation/faults/journal in `pipeline`, error answers in `error_handlers`.
"""

from collections.abc import Callable

from flask import Blueprint, Response, jsonify

from offcloud_mock.backend import MockBackend
from offcloud_mock.backend.downloads import DownloadSnapshot
from offcloud_mock.backend.errors import BadRequest
from offcloud_mock.http.pipeline import after_api_request, before_api_request, params
from offcloud_mock.http.presenters import ServerEra
from offcloud_mock.http.runtime import runtime

__all__ = [
    "backend",
    "bp",
    "checked_texts",
    "era",
    "number",
    "optional_text",
    "status_answer",
    "text",
    "texts",
]

# Endpoints are `api.<operationId>` (app.API_BLUEPRINTS).
bp = Blueprint("api", __name__)
bp.before_request(before_api_request)
bp.after_request(after_api_request)


def era() -> ServerEra:
    return runtime().era


def backend() -> MockBackend:
    return runtime().backend


def text(name: str) -> str:
    value = params()[name]
    assert isinstance(value, str)  # the spec says so, and the request was validated against it
    return value


def optional_text(name: str) -> str | None:
    value = params().get(name)
    assert value is None or isinstance(value, str)
    return value


def texts(name: str) -> list[str]:
    value = params()[name]
    assert isinstance(value, list)  # the spec says so, and the request was validated against it
    return [str(item) for item in value]


def checked_texts(name: str) -> list[str]:
    """Like `texts`, but a missing array is a 400 even with request validation off."""
    value = params().get(name)
    if not isinstance(value, list):  # reached only with request validation off
        raise BadRequest(f"Missing required parameter: {name}")
    return [str(item) for item in value]


def number(name: str) -> int:
    value = params()[name]
    # JSON Schema's `integer` also admits 3.0 (validated already, so a float here has no fraction).
    assert isinstance(value, int | float)
    return int(value)


def _request_id() -> str:
    if "requestId" not in params():  # RequestIdForm requires it unless `requestIds` is given
        raise BadRequest("Missing required parameter: requestId")
    return text("requestId")


def status_answer(status_of: Callable[[str], DownloadSnapshot]) -> Response:
    """One status by `requestId` or, where the era takes them, several by `requestIds`."""
    now = era()
    if "requestIds" in params() and "requestId" not in params() and now.takes_request_ids:
        return jsonify(now.statuses([status_of(request_id) for request_id in texts("requestIds")]))
    # An era that does not take `requestIds` refuses them alone as a missing `requestId`.
    return jsonify(now.status(status_of(_request_id())))
