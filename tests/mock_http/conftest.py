"""Fixtures of the HTTP layer's tests: a fresh app per test, its test client, its controls."""

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from flask import Flask
from flask.testing import FlaskClient

from offcloud_mock import pytest_plugin
from offcloud_mock.backend import MockBackend
from offcloud_mock.backend.demo import (
    BROKEN_URL,
    BUNNY_HASH,
    DEMO_EMAIL,
    DEMO_KEY,
    DEMO_PASSWORD,
    FLAKY_URL,
    FREE_KEY,
    GDRIVE_OPTION,
    REPORT_URL,
    SINTEL_HASH,
    TEARS_HASH,
)
from offcloud_mock.controls import HttpControls, InProcessControls, MockControls
from offcloud_mock.http.app import create_app
from offcloud_mock.http.runtime import runtime
from offcloud_mock.pytest_plugin import offcloud_mock, offcloud_mock_live
from offcloud_mock.serving.waitress_server import serve_in_thread
from offcloud_mock.settings import MockConfig

# The plugin's fixtures, until the package (and so its pytest11 entry point) is installed; once it is,
# these names simply shadow the plugin's identical fixtures.
__all__ = [
    "BROKEN_URL",
    "BUNNY_HASH",
    "DEMO_KEY",
    "FLAKY_URL",
    "FREE_KEY",
    "GDRIVE_OPTION",
    "REPORT_URL",
    "SINTEL_HASH",
    "TEARS_HASH",
    "offcloud_mock",
    "offcloud_mock_live",
]

DEMO_LOGIN = {"username": DEMO_EMAIL, "password": DEMO_PASSWORD}
BUNNY_MAGNET = f"magnet:?xt=urn:btih:{BUNNY_HASH}&dn=Big+Buck+Bunny"
SINTEL_MAGNET = f"magnet:?xt=urn:btih:{SINTEL_HASH}"
TEARS_MAGNET = f"magnet:?xt=urn:btih:{TEARS_HASH}&dn=Tears+of+Steel"
UNKNOWN_ID = "0123456789abcdef01234567"


def pytest_configure(config: pytest.Config) -> None:
    pytest_plugin.pytest_configure(config)  # the marker, for --strict-markers, until the entry point is wired


@pytest.fixture
def app() -> Flask:
    # What the contract needs: responses held to the spec, time moving only when a test says so.
    return create_app(MockConfig(validate_responses=True, frozen_clock=True))


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def controls(app: Flask) -> InProcessControls:
    return InProcessControls(app)


@pytest.fixture
def backend(app: Flask) -> MockBackend:
    return runtime(app).backend


@pytest.fixture
def http(app: Flask) -> Iterator[httpx.Client]:
    """httpx straight into the app (what the generated client uses in-process)."""
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock.test") as client:
        yield client


def key(api_key: str = DEMO_KEY) -> str:
    return f"?key={api_key}"


@dataclass
class Target:
    """A mock reached one way or the other: in-process through httpx's WSGI transport, or over sockets."""

    http: httpx.Client
    controls: MockControls
    live: bool


@contextlib.contextmanager
def reach(app: Flask, *, live: bool) -> Iterator[Target]:
    """`app` reached in-process (InProcessControls) or served by waitress (HttpControls)."""
    if not live:
        with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock.test") as client:
            yield Target(client, InProcessControls(app), live=False)
        return
    with (
        serve_in_thread(app) as server,
        # Plain http: verify=False only skips loading the CA bundle (50 ms a client).
        httpx.Client(base_url=server.base_url, timeout=10, verify=False) as client,  # noqa: S501
    ):
        controls = HttpControls(server.base_url)
        try:
            yield Target(client, controls, live=True)
        finally:
            controls.close()


@pytest.fixture(
    params=[pytest.param(False, id="in-process"), pytest.param(True, id="live", marks=pytest.mark.live)]
)
def target(request: pytest.FixtureRequest, app: Flask) -> Iterator[Target]:
    """The same test twice: in-process with InProcessControls, and live with HttpControls."""
    with reach(app, live=request.param) as reached:
        yield reached
