"""The application factory, in the Flask tutorial's shape: nothing happens at import time.

    app = create_app()                                   # the demo scenario, the 2026 era
    app = create_app(MockConfig(era="legacy", validate_responses=True))
    app = create_app(backend=my_backend)                 # around a backend built by hand

The mock's state is reachable as `offcloud_mock.http.runtime.runtime(app)` (also `app.extensions["offcloud_mock"]`),
its backend as `runtime(app).backend`.
"""

import functools
from pathlib import Path

from flask import Flask
from flask.json.provider import DefaultJSONProvider

from offcloud_mock.backend import MockBackend
from offcloud_mock.backend.clock import MockClock
from offcloud_mock.backend.scenario import Scenario, demo_scenario, load_scenario
from offcloud_mock.eras import ERAS
from offcloud_mock.http import control_plane, docs, routes
from offcloud_mock.http.error_handlers import register_error_handlers
from offcloud_mock.http.request_log import enable_request_log
from offcloud_mock.http.runtime import EXTENSION_KEY, MockRuntime, runtime
from offcloud_mock.http.validation import request_validators
from offcloud_mock.settings import MockConfig
from offcloud_mock.spec import Operation, operations

__all__ = ["API_BLUEPRINTS", "build_backend", "create_app", "runtime"]

# The blueprints whose endpoints are `<blueprint>.<operationId>` of openapi.yaml.
API_BLUEPRINTS = frozenset({"api"})


class _JsonProvider(DefaultJSONProvider):
    sort_keys = False  # keep the real server's field order (the presenters build answers in it)
    compact = True


class _MockFlask(Flask):
    json_provider_class = _JsonProvider


@functools.cache
def _demo() -> Scenario:
    # A Scenario is immutable, so one parse serves every app of the process (tests build hundreds).
    return demo_scenario()


def build_backend(config: MockConfig, *, scenario: Scenario | None = None) -> MockBackend:
    """The backend a config asks for; ScenarioError when its scenario file is broken.

    `scenario`: the config's scenario already read, so that a caller that builds many backends of one
    config (the pytest fixture, one per test) parses its file once."""
    if scenario is None:
        scenario = _demo() if config.scenario is None else load_scenario(config.scenario)
    # Frozen from the first instant, so a frozen mock always starts at exactly the scenario's start.
    clock = MockClock(scenario.start, config.clock_speed, frozen=config.frozen_clock)
    return MockBackend(scenario, seed=config.seed, clock=clock, max_downloads=config.max_downloads)


def _check_routes(app: Flask, specified: tuple[Operation, ...]) -> None:
    """Fail at start-up, not per request, if the routes (`routes/`) and openapi.yaml disagree."""
    routed = {
        (rule.endpoint.partition(".")[2], method, rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.endpoint.partition(".")[0] in API_BLUEPRINTS
        for method in rule.methods or ()
        if method not in ("HEAD", "OPTIONS")
    }
    expected = {(op.operation_id, op.method, op.flask_rule) for op in specified}
    if routed != expected:
        raise RuntimeError(
            f"routes and openapi.yaml disagree: only routed {sorted(routed - expected)}, "
            f"only specified {sorted(expected - routed)}"
        )


def create_app(config: MockConfig | None = None, *, backend: MockBackend | None = None) -> Flask:
    config = config or MockConfig()
    app = _MockFlask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    specified = operations()
    app.extensions[EXTENSION_KEY] = MockRuntime(
        config=config,
        backend=backend if backend is not None else build_backend(config),
        operations={op.operation_id: op for op in specified},
        request_validators={era: request_validators(era) for era in ERAS},
    )
    register_error_handlers(app)
    app.register_blueprint(routes.bp)
    app.register_blueprint(control_plane.bp)
    app.register_blueprint(control_plane.device_bp)
    docs.register_docs(app)
    if config.log_requests:
        enable_request_log(app)
    if config.replay is not None:
        from offcloud_mock.replay import ReplayMiddleware  # only when asked for

        # Around wsgi_app, so the app object, its extensions and its server stay as they are.
        app.wsgi_app = ReplayMiddleware(app.wsgi_app, Path(config.replay))  # type: ignore[method-assign]
    _check_routes(app, specified)
    return app
