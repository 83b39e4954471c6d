"""Fixtures of the HTTP layer's tests: a fresh app per test, its test client, its controls. The values
they send are in values.py, the two ways of reaching an app in targets.py."""

from collections.abc import Iterator

import httpx
import pytest
from flask import Flask
from flask.testing import FlaskClient

from offcloud_mock import pytest_plugin
from offcloud_mock.backend import MockBackend
from offcloud_mock.controls import InProcessControls
from offcloud_mock.http.app import create_app
from offcloud_mock.http.runtime import runtime
from offcloud_mock.pytest_plugin import offcloud_mock, offcloud_mock_live
from offcloud_mock.settings import MockConfig
from tests.mock_http.targets import Target, reach

# The plugin's fixtures, until the package (and so its pytest11 entry point) is installed; once it is,
# these names simply shadow the plugin's identical fixtures.
__all__ = ["offcloud_mock", "offcloud_mock_live"]


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


@pytest.fixture(
    params=[pytest.param(False, id="in-process"), pytest.param(True, id="live", marks=pytest.mark.live)]
)
def target(request: pytest.FixtureRequest, app: Flask) -> Iterator[Target]:
    """The same test twice: in-process with InProcessControls, and live with HttpControls."""
    with reach(app, live=request.param) as reached:
        yield reached
