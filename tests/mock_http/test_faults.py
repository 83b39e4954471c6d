"""Injected faults, in-process and over real sockets: error statuses, latency, HTML pages, drops."""

import time

import httpx
import pytest
from flask import Flask
from flask.testing import FlaskClient

from offcloud_mock.controls import InProcessControls
from offcloud_mock.http.app import create_app
from offcloud_mock.http.injection import ConnectionDropped
from offcloud_mock.settings import MockConfig
from tests.mock_http.targets import Target
from tests.mock_http.values import DEMO_KEY

PROXY = f"/api/proxy?key={DEMO_KEY}"


@pytest.fixture
def app() -> Flask:
    """The legacy server: checkLogin, the one operation these tests use that needs no credentials, is its own."""
    return create_app(MockConfig(era="legacy", validate_responses=True, frozen_clock=True))


def test_status_with_retry_after(target: Target) -> None:
    target.controls.add_fault("listProxies", status=503, retry_after=2, count=2)
    for _ in range(2):
        response = target.http.post(PROXY)
        assert (response.status_code, response.json()) == (503, {"error": "Injected fault"})
        assert response.headers["Retry-After"] == "2"
    assert target.http.post(PROXY).status_code == 200
    statuses = [entry["status"] for entry in target.controls.journal()]
    assert statuses == [503, 503, 200]


def test_retry_after_is_whole_seconds_rounded_up(target: Target) -> None:
    target.controls.add_fault("listProxies", status=429, retry_after=0.2)
    assert target.http.post(PROXY).headers["Retry-After"] == "1"


def test_a_fault_applies_to_its_operation_only(target: Target) -> None:
    target.controls.add_fault("listRemoteAccounts", status=500)
    assert target.http.post(PROXY).status_code == 200
    assert target.http.post(f"/api/remote/accounts?key={DEMO_KEY}").status_code == 500


def test_any_operation_and_no_auth_needed(target: Target) -> None:
    target.controls.add_fault("*", status=502, count=2)
    assert target.http.get("/api/check").status_code == 502
    assert target.http.post("/api/proxy").status_code == 502  # a broken upstream answers before auth
    assert target.http.post("/api/proxy").json() == {"error": "NOAUTH"}  # legacy: with HTTP 200


def test_latency(target: Target) -> None:
    target.controls.add_fault("listProxies", latency=0.3)
    started = time.perf_counter()
    response = target.http.post(PROXY)
    assert time.perf_counter() - started >= 0.3
    assert response.status_code == 200


def test_latency_then_status(target: Target) -> None:
    target.controls.add_fault("listProxies", latency=0.2, status=504)
    started = time.perf_counter()
    assert target.http.post(PROXY).status_code == 504
    assert time.perf_counter() - started >= 0.2


def test_html_page(target: Target) -> None:
    target.controls.add_fault("listProxies", html=True)
    response = target.http.post(PROXY)
    assert response.status_code == 502
    assert response.headers["Content-Type"].startswith("text/html")
    assert "Page not found." in response.text


@pytest.mark.parametrize("status", [200, 404])
def test_html_page_with_a_status_where_json_was_due(target: Target, status: int) -> None:
    target.controls.add_fault("listProxies", html=True, status=status)
    response = target.http.post(PROXY)
    assert response.status_code == status
    assert response.headers["Content-Type"].startswith("text/html")
    assert "Page not found." in response.text


def test_drop(target: Target) -> None:
    target.controls.add_fault("listProxies", drop=True)
    with pytest.raises(httpx.RemoteProtocolError, match="Server disconnected without sending a response"):
        target.http.post(PROXY)
    assert target.http.post(PROXY).status_code == 200  # the next connection works
    journal = target.controls.journal()
    assert [(e["operation"], e["account"], e["status"]) for e in journal] == [
        ("listProxies", "demo@offcloud.test", 0),
        ("listProxies", "demo@offcloud.test", 200),
    ]


def test_drop_in_process_is_the_same_exception_type(target: Target) -> None:
    if target.live:
        pytest.skip("live drops are real closed sockets")
    target.controls.add_fault("checkLogin", drop=True)
    with pytest.raises(ConnectionDropped):
        target.http.get("/api/check")


def test_faulted_answers_are_not_held_to_the_spec(target: Target) -> None:
    # The app validates responses; an injected 503 is deliberately outside the spec and must stay a 503.
    assert target.controls.settings()["validate_responses"] is True
    target.controls.add_fault("checkLogin", status=503)
    assert target.http.get("/api/check").status_code == 503


def test_drop_through_flasks_test_client(client: FlaskClient) -> None:
    InProcessControls(client.application).add_fault("checkLogin", drop=True)
    with pytest.raises(ConnectionDropped):
        client.get("/api/check").get_data()


def test_head_and_options(client: FlaskClient) -> None:
    head = client.head("/api/check")
    assert head.status_code == 200
    assert head.get_data() == b""
    options = client.options("/api/cloud")
    assert options.status_code == 200
    assert set(options.headers["Allow"].replace(" ", "").split(",")) == {"POST", "OPTIONS"}
    assert [entry["operation"] for entry in InProcessControls(client.application).journal()] == ["checkLogin"]
