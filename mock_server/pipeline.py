"""What happens around every API handler, in this order:

1. the operation is known from the endpoint name (the operationId);
2. an injected fault for it is taken and applied (before anything else: a broken upstream answers
   whatever the request);
3. the body is read (bad JSON or an unread Content-Type: 400; too large: 413);
4. the caller is authenticated as the operation's `security` asks (401 NOAUTH);
5. path parameters and body are validated against the spec (400 naming the parameter);
then the handler runs. Afterwards the answer is checked against the spec when response validation is on
(an answer outside it becomes a loud 500), and the request is written to the journal.
"""

from flask import Response, current_app, g, request

from mock_server.auth import authenticate, identify
from mock_server.bodies import BodyKind, read_body
from mock_server.errors import json_error
from mock_server.exceptions import MockApiError
from mock_server.injection import DROPPED_STATUS, fault_response
from mock_server.runtime import runtime
from mock_server.validation import RequestValidator

__all__ = ["after_api_request", "before_api_request", "params"]

_SECRETS = frozenset({"key", "apikey", "apiKey", "password"})


def params() -> dict[str, object]:
    """The validated parameters of the current request (path parameters and body fields)."""
    validated: dict[str, object] = g.params
    return validated


def _read(validator: RequestValidator) -> tuple[BodyKind, dict[str, object]]:
    try:
        return read_body(request, validator.array_fields)
    except MockApiError:
        if validator.body_validators:
            raise
        # An operation without a request body takes no parameters, and the spec gives it no 400
        # answer: a body it cannot read is ignored (only a `key` in it would have mattered).
        return "form", {}


def before_api_request() -> Response | None:
    if request.method == "OPTIONS":  # let Flask answer with the Allow header
        return None
    state = runtime()
    operation_id = (request.endpoint or "").partition(".")[2]
    g.operation_id = operation_id
    path_args: dict[str, object] = dict(request.view_args or {})
    g.params = path_args
    fault = state.backend.faults.take(operation_id)
    if fault is not None:
        g.fault = fault
        answer = fault_response(fault, request.environ)
        if answer is not None:
            g.account = identify(state.backend, {})
            return answer
    validator = state.request_validators[operation_id]
    kind, body = _read(validator)
    g.params = {**body, **path_args}
    authenticate(state.backend, state.operations[operation_id].auth, body)
    validator.validate(path_args, kind, body)
    return None


def _checked(operation_id: str, response: Response) -> Response:
    state = runtime()
    if not state.validate_responses or g.get("outside_contract"):
        return response
    problem = state.response_validator.problem(
        operation_id, response.status_code, response.mimetype or "", response.get_data()
    )
    if problem is None:
        return response
    message = f"mock answered outside the spec: {operation_id} {response.status_code}: {problem}"
    current_app.logger.error("%s (%s %s)", message, request.method, request.full_path)
    return json_error(500, message)


def after_api_request(response: Response) -> Response:
    operation_id: str | None = g.get("operation_id")
    if operation_id is None:
        return response
    response = _checked(operation_id, response)
    fault = g.get("fault")
    status = DROPPED_STATUS if fault is not None and fault.drop else response.status_code
    account = g.get("account")
    logged = {name: value for name, value in g.get("params", {}).items() if name not in _SECRETS}
    runtime().backend.journal.record(operation_id, account.email if account else None, logged, status)
    return response
