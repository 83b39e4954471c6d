"""Every error answer of the mock is rendered here, and only here.

* Typed backend errors (`MockApiError`) of the faked API follow the error era: `http_status()` is the one
  place that maps an error to its HTTP status (modern: the error's own 400/401/404; legacy: 200, as the
  2014-2025 server answered; add-on refusals are 200 in both).
* Framework errors (unknown route 404, 405, 413) and the control plane's errors keep their status
  in both eras: the real server's era mapping only ever covered its API answers.
* Anything unexpected is a 500 `{"error": "Internal mock error"}`; Flask logs the traceback, the body
  never carries it.
"""

from http import HTTPStatus

from flask import Flask, Response, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError

from mock_server.config import ErrorMode
from mock_server.exceptions import MockApiError
from mock_server.runtime import runtime

__all__ = [
    "api_error_response",
    "http_status",
    "json_error",
    "mark_outside_contract",
    "register_error_handlers",
]


def http_status(error: MockApiError, mode: ErrorMode) -> int:
    """THE era mapping: the HTTP status an API error is answered with."""
    return 200 if mode == "legacy" else error.status


def json_error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    response = jsonify({"error": message})
    response.status_code = status
    if headers:
        response.headers.update(headers)
    return response


def api_error_response(error: MockApiError, mode: ErrorMode) -> Response:
    response = jsonify(error.body())
    response.status_code = http_status(error, mode)
    return response


def mark_outside_contract() -> None:
    """This answer is not the API's (a framework error, an injected fault): don't hold it to the spec."""
    g.outside_contract = True


def _api_error(error: MockApiError) -> Response:
    return api_error_response(error, runtime().error_mode)


def _message(error: HTTPException) -> str:
    if error.code == 404:
        return f"Not found: {request.path}"
    if error.code == 405:
        return f"Method {request.method} not allowed on {request.path}"
    if error.code == 413:
        return f"Request body too large (at most {current_app.config['MAX_CONTENT_LENGTH']} bytes)"
    return error.description or HTTPStatus(error.code or 500).phrase


def _framework_error(error: HTTPException) -> Response:
    mark_outside_contract()
    status = error.code or 500
    # Keep the headers werkzeug computed (Allow on a 405) but not its HTML content type.
    headers = {name: value for name, value in error.get_headers() if name.lower() != "content-type"}
    return json_error(status, _message(error), headers)


def _internal_error(error: InternalServerError) -> Response:
    # Flask has already logged the original exception with its traceback (Flask.log_exception).
    mark_outside_contract()
    return json_error(500, "Internal mock error")


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(MockApiError, _api_error)
    app.register_error_handler(InternalServerError, _internal_error)
    app.register_error_handler(HTTPException, _framework_error)
