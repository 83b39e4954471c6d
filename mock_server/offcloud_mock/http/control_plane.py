"""The control plane: steer a running mock over HTTP, under /_mock/ (not part of openapi.yaml).

JSON in and out. Bad input answers 400 `{"error": "..."}` naming the problem; an unknown download 404.
These routes keep their statuses in both error eras. Who may call them (Host, Origin, token, JSON-only
writes: 403, 401, 415) is decided first, by `control_guard`, the one guard in front of every route under
/_mock/ (each blueprint of `CONTROL_BLUEPRINTS` runs it first; a test walks the app's route table to hold
every /_mock/ route to it). Every route is a thin wrapper over `InProcessControls`
(`offcloud_mock.http.in_process_controls`, public as `offcloud_mock.controls.InProcessControls`);
`HttpControls` calls them from Python.

    GET    /_mock/                            {"routes": [...]}: this list, briefly
    GET    /_mock/health                      {"status": "ok", "accounts", "downloads", "clock", "settings"}
    POST   /_mock/reset                       {"seed": 7}?  back to the scenario's initial state (same
                                              seed: same ids); clears downloads, sessions, faults, journal
    POST   /_mock/scenario                    a scenario as JSON (Content-Type: application/json) or YAML
                                              text (application/yaml, text/yaml; no aliases, 128 KiB at
                                              most); loads it and resets; 400 names the
                                              bad field, e.g. "<scenario>: accounts[0].email: ..."
    GET    /_mock/clock                       {"now", "elapsed", "speed", "frozen"}
    POST   /_mock/clock                       {"speed": 10, "freeze": true, "advance": 30}, each optional,
                                              applied in that order; answers the new clock state (speed
                                              at most 1e6, mock time at most a century past the start)
    GET    /_mock/downloads/<requestId>       any account's download: kind, owner, attempt, forced status
                                              and its status body as of now
    POST   /_mock/downloads/<requestId>/status  {"status": "error"}  pin a status (until a retry)
    POST   /_mock/faults                      {"operation": "<operationId>" | "*", "status": 503,
                                              "retry_after": 2, "latency": 0.5, "html": false,
                                              "drop": false, "count": 1}  misbehave on the next `count`
                                              requests of that operation (a status, an HTML page with
                                              an optional status from 200, or a drop; latency with any,
                                              at most 30 s; count at most 10,000; 1,000 pending);
                                              answers the fault with its "id"
                                              and "operation_id"
    GET    /_mock/faults                      the pending faults, in the order they will be used
    DELETE /_mock/faults                      forget them all
    GET    /_mock/journal?limit=N             the last N API requests (all without limit), oldest first:
                                              {"seq", "time", "operation", "account", "params", "status"};
                                              keys and passwords never appear; status 0 = dropped
    DELETE /_mock/journal                     empty it
    GET    /_mock/settings                    {"era", "validate_requests", "validate_responses", ...}
    POST   /_mock/settings                    {"era": "2026" | "legacy", "validate_requests": false,
                                              "validate_responses": true}, each optional
    GET    /_mock/accounts                    [{"email", "userId", "addons", "apiKey": "****...cdef"}]
    GET    /_mock/device-codes                ["ABCD-EFGH", ...]: device logins waiting for the user
    POST   /_mock/device-codes/<code>/approve {"account": "<e-mail>"}?  approve it for that account (by
                                              default the scenario's first); 404 unknown, 409 decided
    POST   /_mock/device-codes/<code>/deny    deny it; the next poll answers access_denied
"""

import json
import re
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from offcloud_mock.backend.errors import ScenarioError
from offcloud_mock.backend.scenario_yaml import ScenarioYamlError, load_scenario_yaml
from offcloud_mock.control_interface import ControlError
from offcloud_mock.http.control_guard import guard_control_request
from offcloud_mock.http.in_process_controls import InProcessControls
from offcloud_mock.http.limits import loads_bounded
from offcloud_mock.settings import era_of_error_mode

__all__ = ["CONTROL_BLUEPRINTS", "PREFIX", "bp", "device_bp"]

PREFIX = "/_mock"
bp = Blueprint("control", __name__, url_prefix=PREFIX)
# The device-login routes: a blueprint of its own, which the app factory registers beside `bp`.
device_bp = Blueprint("control_device", __name__, url_prefix=f"{PREFIX}/device-codes")
# Every blueprint with routes under /_mock/; each runs the guard before any of its routes.
CONTROL_BLUEPRINTS = (bp, device_bp)
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,9}")


def _controls() -> InProcessControls:
    return InProcessControls(current_app)


def _ok(body: object = None) -> Response:
    return jsonify({} if body is None else body)


def _refused(error: ControlError) -> Response:
    response = jsonify({"error": error.message})
    response.status_code = error.status
    return response


for _blueprint in CONTROL_BLUEPRINTS:
    _blueprint.before_request(guard_control_request)
    _blueprint.register_error_handler(ControlError, _refused)


def _body() -> dict[str, Any]:
    data = request.get_data(cache=True)
    if not data.strip():
        return {}
    try:
        value = loads_bounded(data)
    except (ValueError, RecursionError) as error:
        raise ControlError(f"The body must be a JSON object: {str(error)[:200]}") from None
    if not isinstance(value, dict):
        raise ControlError("The body must be a JSON object")
    return value


def _number(body: dict[str, Any], name: str) -> float | None:
    value = body.get(name)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise ControlError(f"'{name}' must be a number, not {json.dumps(value)[:40]}")
    return value


def _integer(body: dict[str, Any], name: str) -> int | None:
    value = body.get(name)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise ControlError(f"'{name}' must be an integer, not {json.dumps(value)[:40]}")
    return value


def _flag(body: dict[str, Any], name: str) -> bool | None:
    value = body.get(name)
    if value is not None and not isinstance(value, bool):
        raise ControlError(f"'{name}' must be true or false, not {json.dumps(value)[:40]}")
    return value


def _text(body: dict[str, Any], name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str):
        raise ControlError(f"'{name}' is required and must be a string")
    return value


@bp.get("/")
def index() -> Response:
    routes = sorted(
        f"{method} {rule.rule}"
        for rule in current_app.url_map.iter_rules()
        if rule.rule.startswith(f"{PREFIX}/")
        for method in rule.methods or ()
        if method not in ("HEAD", "OPTIONS")
    )
    return _ok({"routes": routes, "docs": "the docstring of offcloud_mock.http.control_plane"})


@bp.get("/health")
def health() -> Response:
    return _ok(_controls().health())


@bp.post("/reset")
def reset() -> Response:
    _controls().reset(seed=_integer(_body(), "seed"))
    return _ok(_controls().health())


@bp.post("/scenario")
def scenario() -> Response:
    if request.mimetype == "application/json":
        data: object = _body()
    else:
        try:
            data = load_scenario_yaml(request.get_data(as_text=True), "<scenario>")
        except ScenarioYamlError as error:
            raise ControlError(f"The scenario is not valid YAML: {error.reason}") from None
        except ScenarioError as error:
            raise ControlError(str(error)) from None
    _controls().load_scenario_data(data, "<scenario>")
    return _ok(_controls().health())


@bp.get("/clock")
def clock() -> Response:
    return _ok(_controls().clock_state())


@bp.post("/clock")
def set_clock() -> Response:
    body = _body()
    freeze, advance, speed = _flag(body, "freeze"), _number(body, "advance"), _number(body, "speed")
    return _ok(_controls().set_clock(freeze=freeze, advance=advance, speed=speed))


@bp.get("/downloads/<request_id>")
def download(request_id: str) -> Response:
    return _ok(_controls().download(request_id))


@bp.post("/downloads/<request_id>/status")
def force_status(request_id: str) -> Response:
    return _ok(_controls().force_status(request_id, _text(_body(), "status")))


@bp.post("/faults")
def add_fault() -> Response:
    body = _body()
    latency, count = _number(body, "latency"), _integer(body, "count")
    fault = _controls().add_fault(
        _text(body, "operation"),
        status=_integer(body, "status"),
        retry_after=_number(body, "retry_after"),
        latency=0.0 if latency is None else latency,
        html=bool(_flag(body, "html")),
        drop=bool(_flag(body, "drop")),
        count=1 if count is None else count,
    )
    return _ok(fault)


@bp.get("/faults")
def faults() -> Response:
    return _ok(_controls().faults())


@bp.delete("/faults")
def clear_faults() -> Response:
    _controls().clear_faults()
    return _ok()


@bp.get("/journal")
def journal() -> Response:
    limit = request.args.get("limit")
    if limit is not None and not _WHOLE_NUMBER.fullmatch(limit):
        raise ControlError(f"limit must be a whole number, not {limit[:40]!r}")
    return _ok(_controls().journal(None if limit is None else int(limit)))


@bp.delete("/journal")
def clear_journal() -> Response:
    _controls().clear_journal()
    return _ok()


@bp.get("/settings")
def settings() -> Response:
    return _ok(_controls().settings())


@bp.post("/settings")
def change_settings() -> Response:
    body = _body()
    era = body.get("era")
    requests, responses = _flag(body, "validate_requests"), _flag(body, "validate_responses")
    if era is not None and not isinstance(era, str):
        raise ControlError('\'era\' must be "2026" or "legacy"')
    mode = body.get("error_mode")  # deprecated (one release): the former name, "modern" for "2026"
    if era is None and mode is not None:
        if not isinstance(mode, str):
            raise ControlError('\'error_mode\' must be "modern" or "legacy"')
        try:
            era = era_of_error_mode(mode)
        except ValueError as error:
            raise ControlError(str(error)) from None
    controls = _controls()
    if era is not None:
        controls.set_era(era)
    if requests is not None:
        controls.set_validate_requests(requests)
    if responses is not None:
        controls.set_validate_responses(responses)
    return _ok(controls.settings())


@bp.get("/accounts")
def accounts() -> Response:
    return _ok(_controls().accounts())


# The 2026 OAuth device login: the test plays the user who approves or denies a pending code.
@device_bp.get("")
def device_codes() -> Response:
    return _ok(_controls().device_codes())


@device_bp.post("/<user_code>/approve")
def approve_device(user_code: str) -> Response:
    account = _body().get("account")
    if account is not None and not isinstance(account, str):
        raise ControlError("'account' must be an e-mail address")
    return _ok(_controls().approve_device(user_code, account))


@device_bp.post("/<user_code>/deny")
def deny_device(user_code: str) -> Response:
    return _ok(_controls().deny_device(user_code))
