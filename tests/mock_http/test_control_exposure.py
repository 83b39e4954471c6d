"""The control plane is closed to web pages and, beyond loopback, to anyone without the token: every
route under /_mock/, the device-login controls included, found by walking the app's route table."""

import io
import re
from contextlib import redirect_stderr

import pytest
from flask import Flask
from flask.testing import FlaskClient

from offcloud_mock import cli, listening
from offcloud_mock.controls import ControlError, HttpControls
from offcloud_mock.http.app import create_app
from offcloud_mock.http.control_guard import TOKEN_HEADER, is_loopback
from offcloud_mock.http.runtime import runtime
from offcloud_mock.serving.waitress_server import serve_in_thread
from offcloud_mock.settings import MockConfig
from tests.mock_http.values import key

TOKEN = "test-control-token-0123"  # noqa: S105 - a test value


@pytest.fixture
def guarded() -> Flask:
    return create_app(MockConfig(frozen_clock=True, control_token=TOKEN))


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8080", "rebind.attacker.com", "localhost.evil.example"]
)
def test_a_foreign_host_header_is_refused(client: FlaskClient, host: str) -> None:
    for method, path in (("GET", "/_mock/journal"), ("POST", "/_mock/reset"), ("GET", "/_mock/health")):
        response = client.open(
            path, method=method, headers={"Host": host}, json={} if method == "POST" else None
        )
        assert response.status_code == 403, (method, path, host)
        assert "Host" in response.get_json()["error"]


@pytest.mark.parametrize(
    "host", ["localhost", "localhost:8080", "127.0.0.1:8080", "[::1]:8080", "10.1.2.3", "offcloud-mock.test"]
)
def test_loopback_names_addresses_and_test_names_are_accepted(client: FlaskClient, host: str) -> None:
    assert client.get("/_mock/health", headers={"Host": host}).status_code == 200


def test_an_allowed_host_name_is_accepted() -> None:
    app = create_app(MockConfig(allowed_hosts=("mock.internal",)))
    client = app.test_client()
    assert client.get("/_mock/health", headers={"Host": "mock.internal:8080"}).status_code == 200
    assert client.get("/_mock/health", headers={"Host": "other.internal"}).status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://localhost:3000"},  # another origin on the same machine
        {"Sec-Fetch-Site": "cross-site"},
    ],
)
def test_cross_origin_requests_are_refused(client: FlaskClient, headers: dict[str, str]) -> None:
    client.post(f"/api/cloud{key()}", data={"url": "https://example.com/report.pdf"})
    response = client.post("/_mock/reset", json={}, headers=headers)
    assert response.status_code == 403
    assert "Cross-origin" in response.get_json()["error"]
    assert client.get("/_mock/journal", headers=headers).status_code == 403
    assert len(client.get("/_mock/journal").get_json()) == 1  # the reset did not happen


def test_same_origin_requests_are_served(client: FlaskClient) -> None:
    headers = {"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"}
    assert client.post("/_mock/reset", json={}, headers=headers).status_code == 200


@pytest.mark.parametrize(
    ("path", "content_type", "data"),
    [
        ("/_mock/reset", "text/plain", "{}"),
        ("/_mock/faults", "text/plain", '{"operation": "*", "status": 503}'),
        ("/_mock/settings", "application/x-www-form-urlencoded", "era=legacy"),
        ("/_mock/scenario", "text/plain", "accounts: [{email: a@b.test, password: p, api_key: k}]"),
        ("/_mock/scenario", "multipart/form-data; boundary=x", "--x--"),
        ("/_mock/clock", None, '{"advance": 5}'),  # a body without a type
    ],
)
def test_writes_must_be_json(client: FlaskClient, path: str, content_type: str | None, data: str) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    response = client.post(path, data=data, headers=headers)
    assert response.status_code == 415
    assert "application/json" in response.get_json()["error"]
    assert client.get("/_mock/faults").get_json() == []
    assert client.get("/_mock/settings").get_json()["era"] == "2026"
    assert client.get("/_mock/clock").get_json()["elapsed"] == 0


def test_an_empty_write_without_a_type_is_served(client: FlaskClient) -> None:
    assert client.post("/_mock/reset").status_code == 200
    assert client.delete("/_mock/faults").status_code == 200


def test_the_token_is_required_except_for_health(guarded: Flask) -> None:
    client = guarded.test_client()
    refused = client.get("/_mock/journal")
    assert refused.status_code == 401
    assert "X-Mock-Token" in refused.get_json()["error"]
    assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/_mock/journal", headers={"X-Mock-Token": "wrong-token-000"}).status_code == 401
    assert client.post("/_mock/reset", json={}).status_code == 401
    assert client.get("/_mock/journal", headers={"X-Mock-Token": TOKEN}).status_code == 200
    assert client.get("/_mock/journal", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert client.get("/_mock/health").status_code == 200  # container health checks
    assert TOKEN not in client.get("/_mock/health").get_data(as_text=True)
    assert TOKEN not in repr(MockConfig(control_token=TOKEN))


def test_http_controls_send_the_token(guarded: Flask) -> None:
    with serve_in_thread(guarded) as server:
        with _controls(server.base_url, TOKEN) as controls:
            assert controls.journal() == []
            controls.add_fault("listProxies", status=503)
            assert len(controls.faults()) == 1
        with _controls(server.base_url, None) as anonymous:
            with pytest.raises(ControlError) as refused:
                anonymous.faults()
            assert refused.value.status == 401
            assert anonymous.health()["status"] == "ok"


def test_faults_are_capped(client: FlaskClient) -> None:
    from offcloud_mock.backend.faults import MAX_LATENCY, MAX_PENDING

    assert client.post("/_mock/faults", json={"operation": "*", "latency": MAX_LATENCY}).status_code == 200
    assert (
        client.post("/_mock/faults", json={"operation": "*", "latency": MAX_LATENCY + 1}).status_code == 400
    )
    client.delete("/_mock/faults")
    for _ in range(MAX_PENDING):
        assert (
            client.post("/_mock/faults", json={"operation": "listProxies", "status": 503}).status_code == 200
        )
    too_many = client.post("/_mock/faults", json={"operation": "listProxies", "status": 503})
    assert too_many.status_code == 400
    assert "at most" in too_many.get_json()["error"]


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True), ("0.0.0.0", False)],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_the_cli_generates_a_token_and_warns_beyond_loopback() -> None:
    stderr = io.StringIO()
    with redirect_stderr(stderr):
        token, generated = listening.control_token("0.0.0.0", None)
    assert token is not None
    assert generated == token
    assert len(token) >= 24
    assert "warning" in stderr.getvalue()
    assert "X-Mock-Token" in stderr.getvalue()
    with redirect_stderr(io.StringIO()) as quiet:
        assert listening.control_token("127.0.0.1", None) == (None, None)
        assert listening.control_token("0.0.0.0", "given-token-123") == ("given-token-123", None)
    assert "given-token-123" not in quiet.getvalue()
    app = create_app(MockConfig(control_token=token))
    banner = listening.banner(app, "http://192.0.2.1:8080", MockConfig(control_token=token), generated)
    assert token in banner  # the only way to learn a generated token


class _controls:
    def __init__(self, base_url: str, token: str | None) -> None:
        self._controls = HttpControls(base_url, token=token)

    def __enter__(self) -> HttpControls:
        return self._controls

    def __exit__(self, *exc: object) -> None:
        self._controls.close()


def test_the_cli_allows_its_host_name_and_each_allow_host() -> None:
    assert listening.allowed_hosts("127.0.0.1", []) == ()
    assert listening.allowed_hosts("0.0.0.0", ["Mock", "mock."]) == ("mock",)
    assert listening.allowed_hosts("mock.lan", ["api"]) == ("api", "mock.lan")
    assert cli.parser().parse_args(["--allow-host", "a", "--allow-host", "b"]).allow_host == ["a", "b"]


# --- Every /_mock/ route behind the one guard ---------------------------------------------------------

_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _control_routes(app: Flask) -> list[tuple[str, str]]:
    """(method, path) of every rule of the app under /_mock/, its variables filled in."""
    return sorted(
        (method, re.sub(r"<[^>]+>", "ABCD-EFGH", rule.rule))
        for rule in app.url_map.iter_rules()
        if rule.rule == "/_mock" or rule.rule.startswith("/_mock/")
        for method in rule.methods or ()
        if method not in ("HEAD", "OPTIONS")
    )


def test_the_route_table_has_the_control_routes_the_guard_must_hold(guarded: Flask) -> None:
    routes = _control_routes(guarded)
    assert ("POST", "/_mock/reset") in routes
    assert ("GET", "/_mock/device-codes") in routes
    assert ("POST", "/_mock/device-codes/ABCD-EFGH/approve") in routes
    assert ("POST", "/_mock/device-codes/ABCD-EFGH/deny") in routes
    listed = guarded.test_client().get("/_mock/", headers={TOKEN_HEADER: TOKEN}).get_json()["routes"]
    assert len(listed) == len(routes)  # the control index lists every one of them


def test_every_control_route_refuses_a_foreign_host_and_origin(guarded: Flask) -> None:
    client = guarded.test_client()
    for method, path in _control_routes(guarded):
        for headers in ({"Host": "evil.example"}, {"Origin": "http://evil.example"}):
            response = client.open(path, method=method, headers={TOKEN_HEADER: TOKEN, **headers}, json={})
            assert response.status_code == 403, (method, path, headers)


def test_every_control_route_but_health_needs_the_token(guarded: Flask) -> None:
    client = guarded.test_client()
    for method, path in _control_routes(guarded):
        response = client.open(path, method=method, json={})
        expected = 200 if (method, path) == ("GET", "/_mock/health") else 401
        assert response.status_code == expected, (method, path)


def test_every_control_write_must_be_json(guarded: Flask) -> None:
    client = guarded.test_client()
    writes = [(method, path) for method, path in _control_routes(guarded) if method in _WRITES]
    assert writes
    for method, path in writes:
        response = client.open(
            path, method=method, data="{}", headers={TOKEN_HEADER: TOKEN, "Content-Type": "text/plain"}
        )
        assert response.status_code == 415, (method, path)


@pytest.fixture
def pending(guarded: Flask) -> str:
    """The user code of a device login waiting for the user's decision."""
    response = guarded.test_client().post("/oauth/device/code", json={})
    assert response.status_code == 200
    return str(response.get_json()["user_code"])


def _still_pending(app: Flask, user_code: str) -> bool:
    return user_code in runtime(app).backend.device_codes()


_REFUSALS = [
    pytest.param({}, 401, id="no-token"),  # a token is required: the mock listens beyond loopback
    pytest.param({TOKEN_HEADER: TOKEN, "Host": "evil.example"}, 403, id="foreign-host"),
    pytest.param({TOKEN_HEADER: TOKEN, "Origin": "http://evil.example"}, 403, id="foreign-origin"),
]


@pytest.mark.parametrize(("headers", "status"), _REFUSALS)
@pytest.mark.parametrize("decision", ["approve", "deny"])
def test_a_device_login_is_not_decided_past_the_guard(
    guarded: Flask, pending: str, headers: dict[str, str], status: int, decision: str
) -> None:
    client = guarded.test_client()
    path = f"/_mock/device-codes/{pending}/{decision}"
    assert client.post(path, headers=headers, json={}).status_code == status
    assert _still_pending(guarded, pending)
    assert client.post(path, headers={TOKEN_HEADER: TOKEN}, json={}).status_code == 200
    assert not _still_pending(guarded, pending)


@pytest.mark.parametrize("decision", ["approve", "deny"])
def test_a_device_login_is_not_decided_by_a_text_plain_write(
    guarded: Flask, pending: str, decision: str
) -> None:
    client = guarded.test_client()
    path = f"/_mock/device-codes/{pending}/{decision}"
    refused = client.post(path, data="{}", headers={TOKEN_HEADER: TOKEN, "Content-Type": "text/plain"})
    assert refused.status_code == 415
    assert _still_pending(guarded, pending)


@pytest.mark.parametrize(("headers", "status"), _REFUSALS)
def test_the_pending_device_codes_are_not_listed_past_the_guard(
    guarded: Flask, pending: str, headers: dict[str, str], status: int
) -> None:
    client = guarded.test_client()
    refused = client.get("/_mock/device-codes", headers=headers)
    assert refused.status_code == status
    assert pending not in refused.get_data(as_text=True)
    assert client.get("/_mock/device-codes", headers={TOKEN_HEADER: TOKEN}).get_json() == [pending]
