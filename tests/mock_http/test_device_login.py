"""The 2026 OAuth device login: codes, every poll answer, the control plane and the Python
controls as the user, and the granted token used as the account's API key."""

import pytest
from flask import Flask
from flask.testing import FlaskClient

from offcloud_mock.backend.demo import DEMO_EMAIL, FREE_EMAIL
from offcloud_mock.controls import ControlError
from offcloud_mock.http.runtime import runtime
from tests.mock_http.targets import Target

GRANT = "urn:ietf:params:oauth:grant-type:device_code"


def _code(client: FlaskClient) -> dict[str, object]:
    response = client.post("/oauth/device/code", json={})
    assert response.status_code == 200
    body = response.json
    assert isinstance(body, dict)
    return body


def _poll(client: FlaskClient, device_code: object) -> tuple[int, object]:
    response = client.post("/oauth/token", json={"grant_type": GRANT, "device_code": device_code})
    return response.status_code, response.json


def _advance(app: Flask, seconds: float) -> None:
    runtime(app).backend.clock.advance(seconds)


def test_a_device_code_has_the_scenario_timings(client: FlaskClient) -> None:
    code = _code(client)
    assert set(code) == {
        "device_code",
        "user_code",
        "verification_uri",
        "verification_uri_complete",
        "expires_in",
        "interval",
    }
    assert (code["expires_in"], code["interval"]) == (600, 5)
    assert code["verification_uri"] == "https://offcloud.com/activate"
    assert code["verification_uri_complete"] == f"https://offcloud.com/activate?code={code['user_code']}"


def test_an_empty_body_is_accepted(client: FlaskClient) -> None:
    assert client.post("/oauth/device/code").status_code == 200


def test_pending_then_slow_down_then_the_token_after_approval(app: Flask, client: FlaskClient) -> None:
    code = _code(client)
    assert _poll(client, code["device_code"]) == (400, {"error": "authorization_pending"})
    assert _poll(client, code["device_code"]) == (400, {"error": "slow_down"})  # at once: too fast
    _advance(app, 10)  # the interval grew to 10 s
    assert _poll(client, code["device_code"]) == (400, {"error": "authorization_pending"})
    runtime(app).backend.approve_device(str(code["user_code"]))
    _advance(app, 10)
    status, token = _poll(client, code["device_code"])
    assert status == 200
    assert isinstance(token, dict)
    assert token["token_type"] == "Bearer"  # noqa: S105 - the OAuth token type
    access = token["access_token"]
    # The token is the account's key, as Bearer and as ?key=.
    info = client.get("/api/account/info", headers={"Authorization": f"Bearer {access}"})
    assert (info.status_code, info.json["email"]) == (200, DEMO_EMAIL)  # type: ignore[index]
    assert client.get(f"/api/account/info?key={access}").json["email"] == DEMO_EMAIL  # type: ignore[index]
    # Spent: polling again is the same as an expired code.
    _advance(app, 10)
    assert _poll(client, code["device_code"])[1]["error"] == "expired_token"  # type: ignore[index]


def test_a_code_expires(app: Flask, client: FlaskClient) -> None:
    code = _code(client)
    _advance(app, 600)
    assert _poll(client, code["device_code"]) == (
        400,
        {"error": "expired_token", "error_description": "The device code has expired."},
    )


def test_a_denied_code_answers_access_denied(app: Flask, client: FlaskClient) -> None:
    code = _code(client)
    runtime(app).backend.deny_device(str(code["user_code"]))
    assert _poll(client, code["device_code"]) == (
        400,
        {"error": "access_denied", "error_description": "The user denied the request."},
    )


def test_an_unknown_device_code_is_expired(client: FlaskClient) -> None:
    assert _poll(client, "never-issued")[1]["error"] == "expired_token"  # type: ignore[index]


def test_a_poll_without_device_code_is_an_invalid_request(client: FlaskClient) -> None:
    """An OAuth error, as openapi.yaml words it (DeviceTokenForm's x-offcloud-invalid)."""
    response = client.post("/oauth/token", json={"grant_type": GRANT})
    assert (response.status_code, response.json) == (
        400,
        {
            "error": "invalid_request",
            "error_description": "The body must be a JSON object with grant_type and device_code.",
        },
    )


def test_tokens_are_forgotten_at_reset(app: Flask, client: FlaskClient) -> None:
    code = _code(client)
    runtime(app).backend.approve_device(str(code["user_code"]))
    access = _poll(client, code["device_code"])[1]["access_token"]  # type: ignore[index]
    runtime(app).backend.reset()
    assert client.get(f"/api/account/info?key={access}").status_code == 401


def test_the_controls_list_approve_and_deny_codes(target: Target, app: Flask) -> None:
    first = target.http.post("/oauth/device/code").json()
    second = target.http.post("/oauth/device/code").json()
    controls = target.controls
    assert controls.device_codes() == [first["user_code"], second["user_code"]]
    # People type codes by hand: case and hyphen do not matter.
    approved = controls.approve_device(first["user_code"].lower().replace("-", ""), FREE_EMAIL)
    assert approved == {
        "user_code": first["user_code"].lower().replace("-", ""),
        "account": FREE_EMAIL,
        "approved": True,
    }
    assert controls.deny_device(second["user_code"])["approved"] is False
    assert controls.device_codes() == []
    token = target.http.post("/oauth/token", json={"grant_type": GRANT, "device_code": first["device_code"]})
    assert token.status_code == 200
    info = target.http.get("/api/account/info", params={"key": token.json()["access_token"]})
    assert info.json()["email"] == FREE_EMAIL
    with pytest.raises(ControlError) as decided:
        controls.approve_device(second["user_code"])
    assert decided.value.status == 409
    with pytest.raises(ControlError) as unknown:
        controls.deny_device("BBBB-CCCC")
    assert unknown.value.status == 404
    with pytest.raises(ControlError) as no_account:
        controls.approve_device(target.http.post("/oauth/device/code").json()["user_code"], "nobody@x.test")
    assert no_account.value.status == 404


def test_the_control_plane_routes(client: FlaskClient) -> None:
    code = _code(client)
    assert client.get("/_mock/device-codes").json == [code["user_code"]]
    approved = client.post(f"/_mock/device-codes/{code['user_code']}/approve", json={"account": DEMO_EMAIL})
    assert (approved.status_code, approved.json["account"]) == (200, DEMO_EMAIL)  # type: ignore[index]
    again = client.post(f"/_mock/device-codes/{code['user_code']}/deny")
    assert again.status_code == 409
    assert "already approved or denied" in again.json["error"]  # type: ignore[index]
    bad = client.post(f"/_mock/device-codes/{code['user_code']}/approve", json={"account": 3})
    assert (bad.status_code, bad.json) == (400, {"error": "'account' must be an e-mail address"})


def test_the_journal_never_shows_a_device_code(app: Flask, client: FlaskClient) -> None:
    code = _code(client)
    _poll(client, code["device_code"])
    entry = runtime(app).backend.journal.entries()[-1]
    assert entry["operation"] == "requestDeviceToken"
    assert str(code["device_code"]) not in repr(entry)
