"""login, checkLogin, getApiKey, and every way of presenting credentials."""

import pytest
from flask.testing import FlaskClient

from offcloud_mock.http.app import create_app
from offcloud_mock.settings import MockConfig
from tests.mock_http.values import DEMO_KEY, DEMO_LOGIN, FREE_KEY, REPORT_URL, key


@pytest.fixture
def legacy() -> FlaskClient:
    """The legacy server: login, checkLogin and getApiKey are its operations only (2026 answers 404),
    and its API errors come with HTTP 200."""
    return create_app(MockConfig(era="legacy", validate_responses=True, frozen_clock=True)).test_client()


def _login(client: FlaskClient) -> None:
    response = client.post("/api/login", data=DEMO_LOGIN)
    assert response.status_code == 200, response.json


def test_login_answers_the_account_and_sets_the_session_cookie(legacy: FlaskClient) -> None:
    response = legacy.post("/api/login", data=DEMO_LOGIN)
    assert response.status_code == 200
    assert response.json == {"email": "demo@offcloud.test", "userId": "5f3c2a1b9d8e7f6a5b4c3d2e"}
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("connect.sid=")
    assert "HttpOnly" in cookie
    assert "Path=/" in cookie


@pytest.mark.parametrize("style", ["form", "json", "multipart"])
def test_login_reads_every_body_style(legacy: FlaskClient, style: str) -> None:
    if style == "json":
        response = legacy.post("/api/login", json=DEMO_LOGIN)
    elif style == "multipart":
        response = legacy.post("/api/login", data=DEMO_LOGIN, content_type="multipart/form-data")
    else:
        response = legacy.post("/api/login", data=DEMO_LOGIN)
    assert response.status_code == 200
    assert response.json is not None
    assert response.json["email"] == "demo@offcloud.test"


def test_login_refuses_a_bad_email_and_a_wrong_password(legacy: FlaskClient) -> None:
    bad_email = legacy.post("/api/login", data={"username": "not-an-email", "password": "x"})
    assert (bad_email.status_code, bad_email.json) == (200, {"error": "Please enter a valid email address."})
    wrong = legacy.post("/api/login", data={"username": "demo@offcloud.test", "password": "nope"})
    assert (wrong.status_code, wrong.json) == (200, {"error": "The credentials entered are wrong."})
    assert "Set-Cookie" not in wrong.headers


def test_login_names_the_missing_parameter(legacy: FlaskClient) -> None:
    response = legacy.post("/api/login", data={"username": "demo@offcloud.test"})
    assert (response.status_code, response.json) == (200, {"error": "Missing required parameter: password"})


def test_check_reads_only_the_cookie(legacy: FlaskClient) -> None:
    assert legacy.get("/api/check").json == {"loggedIn": 0}
    assert legacy.get(f"/api/check{key()}").json == {"loggedIn": 0}  # a key is not a session
    _login(legacy)
    response = legacy.get("/api/check")
    assert response.json == {"loggedIn": 1}
    assert isinstance(response.json["loggedIn"], int)
    legacy.set_cookie("connect.sid", "forged", path="/")
    assert legacy.get("/api/check").json == {"loggedIn": 0}


def test_get_api_key_needs_the_session_cookie(legacy: FlaskClient) -> None:
    refused = legacy.post(f"/api/key{key()}")
    assert (refused.status_code, refused.json) == (200, {"error": "NOAUTH"})
    _login(legacy)
    response = legacy.post("/api/key")
    assert response.json == {"email": "demo@offcloud.test", "apiKey": DEMO_KEY}


@pytest.mark.parametrize(
    ("query", "headers", "body"),
    [
        (f"?key={DEMO_KEY}", {}, {}),
        (f"?apikey={DEMO_KEY}", {}, {}),
        (f"?apiKey={DEMO_KEY}", {}, {}),
        ("", {"Authorization": f"Bearer {DEMO_KEY}"}, {}),
        ("", {"Authorization": f"bearer   {DEMO_KEY}"}, {}),
        ("", {}, {"key": DEMO_KEY}),
    ],
    ids=["key", "apikey", "apiKey", "bearer", "bearer-lowercase", "body-key"],
)
def test_every_way_of_sending_the_key(
    client: FlaskClient, query: str, headers: dict[str, str], body: dict[str, str]
) -> None:
    response = client.post(f"/api/cloud{query}", data={"url": REPORT_URL, **body}, headers=headers)
    assert response.status_code == 200, response.json
    as_json = client.post(f"/api/proxy{query}", json=body, headers=headers)
    assert as_json.status_code == 200, as_json.json


def test_the_session_cookie_authenticates_api_calls(legacy: FlaskClient) -> None:
    assert legacy.post("/api/proxy").json == {"error": "NOAUTH"}
    _login(legacy)
    response = legacy.post("/api/proxy")
    assert response.status_code == 200
    assert response.json is not None
    assert response.json["list"][0]["name"] == "Main server (France)"


@pytest.mark.parametrize(
    ("query", "headers"),
    [
        ("", {}),
        ("?key=", {}),
        ("?key=wrong-key", {}),
        ("", {"Authorization": "Bearer wrong-key"}),
        ("", {"Authorization": "Basic ZGVtbzpkZW1v"}),
    ],
)
def test_missing_or_unknown_credentials_are_noauth(
    client: FlaskClient, query: str, headers: dict[str, str]
) -> None:
    response = client.post(f"/api/proxy{query}", headers=headers)
    assert (response.status_code, response.json) == (401, {"error": "NOAUTH"})


def test_an_unknown_key_is_refused_even_with_a_valid_cookie(legacy: FlaskClient) -> None:
    _login(legacy)
    response = legacy.post("/api/proxy?key=wrong-key")
    assert (response.status_code, response.json) == (200, {"error": "NOAUTH"})


def test_auth_comes_before_validation(client: FlaskClient) -> None:
    response = client.post("/api/cloud", data={})
    assert (response.status_code, response.json) == (401, {"error": "NOAUTH"})


def test_each_key_is_its_own_account(client: FlaskClient) -> None:
    demo = client.post(f"/api/cloud{key()}", data={"url": REPORT_URL}).json
    assert demo is not None
    other = client.post(f"/api/cloud/status{key(FREE_KEY)}", data={"requestId": demo["requestId"]})
    assert (other.status_code, other.json) == (404, {"error": "Request not found"})
