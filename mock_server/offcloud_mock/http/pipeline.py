"""What happens around every API handler, in this order:

1. the operation is known from the endpoint name (the operationId); one the current era does not serve
   (`x-offcloud-eras`) answers the era's unknown-route page (`unknown_routes`) and nothing else happens;
2. an injected fault for it is taken and applied (before anything else: a broken upstream answers
   whatever the request);
3. the body is read (bad JSON or an unread Content-Type: 400; too large: 413);
4. the caller is authenticated as the operation's `security` asks (401 NOAUTH);
5. path parameters, query parameters and body are validated against the spec (400 naming the
   parameter; the legacy era's 200 error), unless request validation is off;
then the handler runs. Afterwards the answer is checked against the spec when response validation is on
(an answer outside it becomes a loud 500), and the request is written to the journal.
"""

from flask import Flask, Request, Response, current_app, g, request
from flask.ctx import _AppCtxGlobals

from offcloud_mock.backend.errors import DomainError
from offcloud_mock.backend.secret_fields import is_secret
from offcloud_mock.http.auth import authenticate, identify
from offcloud_mock.http.bodies import BodyKind, read_body
from offcloud_mock.http.error_handlers import json_error, mark_outside_contract
from offcloud_mock.http.injection import DROPPED_STATUS, fault_response
from offcloud_mock.http.runtime import runtime
from offcloud_mock.http.unknown_routes import in_era, not_found_page
from offcloud_mock.http.validation import RequestValidator

__all__ = ["after_api_request", "before_api_request", "params"]


def params() -> dict[str, object]:
    """The validated parameters of the current request (path parameters and body fields)."""
    validated: dict[str, object] = g.params
    return validated


def _read(req: Request, validator: RequestValidator) -> tuple[BodyKind, dict[str, object]]:
    try:
        return read_body(req, validator.array_fields)
    except DomainError as error:
        if validator.body_validators:
            raise validator.unreadable(error) from None
        # An operation without a request body takes no parameters, and the spec gives it no 400
        # answer: a body it cannot read is ignored (only a `key` in it would have mattered).
        return "form", {}


def _context() -> tuple[Request, _AppCtxGlobals, Flask]:
    """The objects behind the `request`, `g` and `current_app` proxies.

    Every use of a proxy looks its object up again in a context variable; the hooks fetch them once.
    """
    req: Request = request._get_current_object()  # type: ignore[attr-defined]
    ctx: _AppCtxGlobals = g._get_current_object()
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    return req, ctx, app


def before_api_request() -> Response | None:
    req, ctx, app = _context()
    if req.method == "OPTIONS":  # let Flask answer with the Allow header
        return None
    state = runtime(app)
    operation_id = (req.endpoint or "").partition(".")[2]
    if not in_era(state, operation_id):  # not journaled: the era's server has no such route
        mark_outside_contract()
        return not_found_page(state)
    ctx.operation_id = operation_id
    path_args: dict[str, object] = dict(req.view_args or {})
    ctx.params = path_args
    fault = state.backend.faults.take(operation_id)
    if fault is not None:
        ctx.fault = fault
        answer = fault_response(fault, req.environ)
        if answer is not None:
            ctx.account = identify(state.backend, req, {})
            return answer
    validator = state.request_validators[state.config.era][operation_id]
    kind, body = _read(req, validator)
    ctx.params = {**body, **path_args}
    ctx.account = authenticate(state.backend, state.operations[operation_id].auth, req, body)
    if state.validate_requests:
        validator.validate(path_args, kind, body, req.args)
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
    # The path, not full_path: the query carries the API key.
    current_app.logger.error("%s (%s %s)", message, request.method, request.path)
    return json_error(500, message)


def after_api_request(response: Response) -> Response:
    _, ctx, app = _context()
    operation_id: str | None = ctx.get("operation_id")
    if operation_id is None:
        return response
    state = runtime(app)
    if state.validate_responses:
        response = _checked(operation_id, response)
    fault = ctx.get("fault")
    status = DROPPED_STATUS if fault is not None and fault.drop else response.status_code
    account = ctx.get("account")
    logged = {name: value for name, value in ctx.get("params", {}).items() if not is_secret(name)}
    state.backend.journal.record(operation_id, account.email if account else None, logged, status)
    return response
