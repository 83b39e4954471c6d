"""Error answers of the HTTP layer.

* Domain errors of the faked API (`backend.errors.DomainError`) are answered as the current era says
  (`presenters`: status and body).
* An unknown route (404) or a wrong method (405) of the API is the era's own page (`unknown_routes`);
  other framework errors (413) and the control plane's errors are JSON with their status in both
  eras: the real server's era mapping only ever covered its API answers.
* Anything unexpected is a 500 `{"error": "Internal mock error"}`; Flask logs the traceback, the body
  never carries it.
"""

from http import HTTPStatus

from flask import Flask, Response, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError

from offcloud_mock.backend.errors import DomainError
from offcloud_mock.http.presenters import ServerEra
from offcloud_mock.http.runtime import runtime
from offcloud_mock.http.unknown_routes import era_page

__all__ = ["api_error_response", "json_error", "mark_outside_contract", "register_error_handlers"]

_MAX_PATH = 200


# The control plane and the API docs are the mock's, not the faked server's: their errors stay JSON.
_THE_MOCKS_OWN = ("/_mock/", "/docs")


def json_error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    response = jsonify({"error": message})
    response.status_code = status
    if headers:
        response.headers.update(headers)
    return response


def api_error_response(error: DomainError, era: ServerEra) -> Response:
    response = jsonify(era.error_body(error))
    response.status_code = era.error_status(error)
    return response


def mark_outside_contract() -> None:
    """This answer is not the API's (a framework error, an injected fault): don't hold it to the spec."""
    g.outside_contract = True


def _api_error(error: DomainError) -> Response:
    return api_error_response(error, runtime().era)


def _path() -> str:
    # Echoed back: bounded like every echoed input (waitress accepts request lines of 256 KB).
    path = request.path
    return path if len(path) <= _MAX_PATH else path[: _MAX_PATH - 3] + "..."


def _message(error: HTTPException) -> str:
    if error.code == 404:
        return f"Not found: {_path()}"
    if error.code == 405:
        return f"Method {request.method[:16]} not allowed on {_path()}"
    if error.code == 413:
        return f"Request body too large (at most {current_app.config['MAX_CONTENT_LENGTH']} bytes)"
    return error.description or HTTPStatus(error.code or 500).phrase


def _framework_error(error: HTTPException) -> Response:
    mark_outside_contract()
    if not request.path.startswith(_THE_MOCKS_OWN):
        page = era_page(current_app, runtime(), request, error)
        if page is not None:
            return page
    status = error.code or 500
    # Keep the headers werkzeug computed (Allow on a 405) but not its HTML content type.
    headers = {name: value for name, value in error.get_headers() if name.lower() != "content-type"}
    return json_error(status, _message(error), headers)


def _internal_error(error: InternalServerError) -> Response:
    # Flask has already logged the original exception with its traceback (Flask.log_exception).
    mark_outside_contract()
    return json_error(500, "Internal mock error")


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(DomainError, _api_error)
    app.register_error_handler(InternalServerError, _internal_error)
    app.register_error_handler(HTTPException, _framework_error)
