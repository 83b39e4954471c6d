"""No planted key or password appears in anything the mock writes (finding 8, the mock's side).

A scenario plants an API key with characters URL-encoding changes and a password; the test then drives
the mock through successes and failures with them, and greps everything captured: the logs at DEBUG
(with `--log-requests` on), every error body, the journal, the control plane's answers, the start-up
banner and the messages of refused scenarios. Only the answer of getApiKey may carry the key: that is
what the operation is for.
"""

import json
import logging
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest
from flask.testing import FlaskClient

from offcloud_mock import listening
from offcloud_mock.backend.demo import DEMO_KEY
from offcloud_mock.backend.errors import ScenarioError
from offcloud_mock.backend.scenario import parse_scenario
from offcloud_mock.http.app import create_app
from offcloud_mock.settings import MockConfig

PLANTED_KEY = "planted-KEY+/=&é 7c1d9e"
PLANTED_PASSWORD = "planted-PASS-4b8a2f"  # noqa: S105 - a test value
EMAIL = "victim@offcloud.test"
SCENARIO = {
    "accounts": [{"email": EMAIL, "password": PLANTED_PASSWORD, "api_key": PLANTED_KEY, "addons": ["cloud"]}]
}


def _forms(secret: str) -> list[str]:
    """The secret as it may appear: raw, URL-encoded both ways, JSON-escaped, and its first 12 chars."""
    return [secret, quote(secret, safe=""), quote_plus(secret), json.dumps(secret)[1:-1], secret[:12]]


def _assert_clean(name: str, text: str) -> None:
    for secret in (PLANTED_KEY, PLANTED_PASSWORD):
        for form in _forms(secret):
            assert form not in text, f"{name} holds {form!r}"


def _drive(client: FlaskClient) -> list[str]:
    """Requests with the planted secrets, right and wrong; the error bodies (and every control answer)."""
    k = {"key": PLANTED_KEY}
    captured: list[str] = []
    responses = [
        client.post("/api/proxy", query_string=k),
        client.post("/api/proxy", data=k),
        client.post("/api/proxy", json=k),
        client.post("/api/proxy", headers={"Authorization": f"Bearer {PLANTED_KEY}"}),
        client.post("/api/cloud", query_string=k, data={"url": "ftp://not-allowed"}),
        client.post(
            "/api/cloud", query_string=k, json={"url": "https://example.com/a.pdf", "key": PLANTED_KEY}
        ),
        client.post("/api/cloud/status", query_string={"key": PLANTED_KEY + "x"}, data={"requestId": "x"}),
        client.post("/api/login", data={"username": EMAIL, "password": PLANTED_PASSWORD}),
        client.post("/api/login", data={"username": EMAIL, "password": PLANTED_PASSWORD + "-wrong"}),
        client.post("/api/login", data={"username": EMAIL, "password": PLANTED_PASSWORD * 100}),  # too long
        client.post("/api/login", json={"username": EMAIL, "password": [PLANTED_PASSWORD]}),  # wrong type
        client.post("/api/login", json={"username": "not-an-email", "password": PLANTED_PASSWORD}),
        client.get("/_mock/journal"),
        client.get("/_mock/accounts"),
        client.get("/_mock/health"),
        client.get("/_mock/settings"),
    ]
    assert responses[0].status_code == 200  # the planted key works
    for response in responses:
        text = response.get_data(as_text=True)
        if response.status_code >= 400 or "error" in text or response.request.path.startswith("/_mock/"):
            captured.append(f"{response.request.path} {response.status_code} {text}")
    return captured


def test_no_planted_secret_in_anything_captured(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    scenario_file = tmp_path / "planted.yaml"
    scenario_file.write_text(json.dumps(SCENARIO), encoding="utf-8")
    caplog.set_level(logging.DEBUG)
    config = MockConfig(scenario=str(scenario_file), validate_responses=True, log_requests=True)
    app = create_app(config)
    client = app.test_client()
    captured = _drive(client)
    assert any("/_mock/journal" in text for text in captured)
    assert "account=vi***@offcloud.test" in caplog.text  # the request log ran, masked
    captured.append(caplog.text)
    captured.append(listening.banner(app, "http://127.0.0.1:8080", config, None))
    for index, text in enumerate(captured):
        _assert_clean(f"capture {index}", text)


@pytest.mark.parametrize(
    "account",
    [
        {"email": EMAIL, "password": [PLANTED_PASSWORD], "api_key": "k"},
        {"email": EMAIL, "password": "p", "api_key": {"nested": PLANTED_KEY}},
        {"email": EMAIL, "password": PLANTED_PASSWORD * 300, "api_key": "k"},  # too long
    ],
)
def test_a_refused_scenario_quotes_no_secret(account: dict[str, object]) -> None:
    with pytest.raises(ScenarioError) as refused:
        parse_scenario({"accounts": [account]})
    _assert_clean("scenario error", str(refused.value))


def test_a_repeated_key_is_named_not_quoted(client: FlaskClient) -> None:
    twice = {
        "accounts": [
            {"email": "a@b.test", "password": "p", "api_key": PLANTED_KEY},
            {"email": "c@d.test", "password": "p", "api_key": PLANTED_KEY},
        ]
    }
    response = client.post("/_mock/scenario", json=twice)
    assert response.status_code == 400
    assert "api_key" in response.get_json()["error"]
    _assert_clean("repeated key", response.get_data(as_text=True))


def test_the_banner_shows_credentials_of_the_demo_only() -> None:
    demo = MockConfig()
    banner = listening.banner(create_app(demo), "http://127.0.0.1:8080", demo, None)
    assert DEMO_KEY in banner  # the demo's credentials are public (README)
    assert "demo@offcloud.test / demo-password" in banner


def test_a_short_key_is_masked_whole() -> None:
    from offcloud_mock.controls import mask_key

    assert mask_key("abcd") == "****"
    assert mask_key("demo-key-0123456789abcdef") == "*" * 21 + "cdef"
