"""Run by one pytest process (tests/mock_http/test_pytest_plugin.py copies it as test_pairs.py).

Each kind of state a test can change gets a pair: `test_1_change` changes it and writes down what it
saw, then `test_2_check`, a later test on the SAME app object (checked), must see none of the change.
Each pair runs in-process and live. The app is reused between tests, so these are what stands between
one test's changes and the next test.
"""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from offcloud_mock.controls import ControlError
from offcloud_mock.pytest_plugin import OffcloudMock

REPORT = "https://files.example.com/docs/annual-report-2025.pdf"
SCENARIO = Path(__file__).with_name("scenario.json")  # written by the outer test, rewritten below
SEEN: dict[str, Any] = {}  # what the first test of a pair saw, by kind and mode


def _add(mock: OffcloudMock) -> str:
    answer = mock.http().post("/api/cloud", params={"key": mock.api_key}, data={"url": REPORT})
    assert answer.status_code == 200, answer.text
    request_id: str = answer.json()["requestId"]
    return request_id


def _status_code(mock: OffcloudMock, request_id: str) -> int:
    answer = mock.http().post(
        "/api/cloud/status", params={"key": mock.api_key}, json={"requestId": request_id}
    )
    return answer.status_code


def _device_token(mock: OffcloudMock) -> tuple[str, str]:
    """(an access token of an approved device login, the user code of another one left pending)."""
    http = mock.http()
    issued = http.post("/oauth/device/code").json()
    mock.controls.approve_device(issued["user_code"])
    grant = "urn:ietf:params:oauth:grant-type:device_code"
    token = http.post("/oauth/token", json={"grant_type": grant, "device_code": issued["device_code"]})
    assert token.status_code == 200, token.text
    pending = http.post("/oauth/device/code").json()["user_code"]
    return token.json()["access_token"], pending


def _proxies_with(mock: OffcloudMock, api_key: str) -> int:
    return mock.http().post("/api/proxy", params={"key": api_key}).status_code


def change_downloads(mock: OffcloudMock) -> Any:
    first = _add(mock)
    assert _status_code(mock, first) == 200
    return first


def check_downloads(mock: OffcloudMock, first: Any) -> None:
    assert mock.backend.download_count() == 0
    assert _add(mock) == first  # the ids start again from the seed: the first id again


def change_clock(mock: OffcloudMock) -> Any:
    before = mock.controls.clock_state()
    mock.controls.advance(3600)
    mock.controls.set_speed(50)
    mock.controls.unfreeze()
    return before


def check_clock(mock: OffcloudMock, before: Any) -> None:
    state = mock.controls.clock_state()
    assert state == before
    assert (state["frozen"], state["elapsed"], state["speed"]) == (True, 0, 1)


def change_faults(mock: OffcloudMock) -> Any:
    mock.controls.add_fault("*", status=503, count=100)
    assert _proxies_with(mock, mock.api_key) == 503


def check_faults(mock: OffcloudMock, _: Any) -> None:
    assert mock.controls.faults() == []
    assert _proxies_with(mock, mock.api_key) == 200


def change_journal(mock: OffcloudMock) -> Any:
    _proxies_with(mock, mock.api_key)
    assert mock.controls.journal()


def check_journal(mock: OffcloudMock, _: Any) -> None:
    assert mock.controls.journal() == []


def change_settings(mock: OffcloudMock) -> Any:
    before = mock.controls.settings()
    mock.controls.set_era("legacy")
    mock.controls.set_validate_requests(False)
    mock.controls.set_validate_responses(False)
    assert mock.controls.settings() != before
    return before


def check_settings(mock: OffcloudMock, before: Any) -> None:
    assert mock.controls.settings() == before
    assert before["era"] == "2026"
    assert mock.http().get("/api/check").status_code == 404  # a legacy-only route: the era is 2026


def change_device_codes(mock: OffcloudMock) -> Any:
    token, pending = _device_token(mock)
    assert _proxies_with(mock, token) == 200
    assert mock.controls.device_codes() == [pending]
    return token, pending


def check_device_codes(mock: OffcloudMock, seen: Any) -> None:
    token, pending = seen
    assert mock.controls.device_codes() == []
    assert _proxies_with(mock, token) == 401
    with pytest.raises(ControlError):
        mock.controls.approve_device(pending)


def change_sessions(mock: OffcloudMock) -> Any:
    http = mock.http()
    email, password = mock.login
    assert http.post("/api/login", data={"username": email, "password": password}).status_code == 200
    assert http.get("/api/check").json() == {"loggedIn": 1}
    return dict(http.cookies)


def check_sessions(mock: OffcloudMock, cookies: Any) -> None:
    assert cookies  # the login set a session cookie
    assert mock.http().get("/api/check").json() == {"loggedIn": 0}  # a new client has no cookie
    assert mock.http(cookies=cookies).get("/api/check").json() == {"loggedIn": 0}  # the old session is gone


def change_scenario(mock: OffcloudMock) -> Any:
    before = mock.controls.accounts()
    other = {
        "accounts": [
            {"email": "other@example.test", "password": "pw-123456", "api_key": "other-key-0123456789"}
        ]
    }
    mock.controls.load_scenario(other)
    assert mock.controls.accounts() != before
    return before


def check_scenario(mock: OffcloudMock, before: Any) -> None:
    assert mock.controls.accounts() == before
    assert _proxies_with(mock, mock.api_key) == 200


def change_seed(mock: OffcloudMock) -> Any:
    first = _add(mock)
    mock.controls.reset(seed=42)
    assert _add(mock) != first
    return first, mock.backend.seed


def check_seed(mock: OffcloudMock, seen: Any) -> None:
    first, changed_seed = seen
    assert mock.backend.seed != changed_seed
    assert _add(mock) == first


KINDS: dict[str, tuple[Callable[[OffcloudMock], Any], Callable[[OffcloudMock, Any], None]]] = {
    "downloads": (change_downloads, check_downloads),
    "clock": (change_clock, check_clock),
    "faults": (change_faults, check_faults),
    "journal": (change_journal, check_journal),
    "settings": (change_settings, check_settings),
    "device-codes": (change_device_codes, check_device_codes),
    "sessions": (change_sessions, check_sessions),
    "scenario": (change_scenario, check_scenario),
    "seed": (change_seed, check_seed),
}
_LEGACY_ONLY = {"sessions"}  # /api/login and /api/check are the legacy server's

each_kind = pytest.mark.parametrize(
    "kind",
    [
        pytest.param(kind, marks=[pytest.mark.offcloud_mock(era="legacy")] if kind in _LEGACY_ONLY else [])
        for kind in KINDS
    ],
)
each_mode = pytest.mark.parametrize(
    "live",
    [
        pytest.param(False, id="in-process"),
        pytest.param(True, id="live", marks=pytest.mark.offcloud_mock(live=True)),
    ],
)


@each_kind
@each_mode
def test_1_change(offcloud_mock: OffcloudMock, kind: str, live: bool) -> None:
    assert offcloud_mock.live is live
    change, _ = KINDS[kind]
    SEEN[f"{kind}-{live}"] = (id(offcloud_mock.app), change(offcloud_mock))


@each_kind
@each_mode
def test_2_check(offcloud_mock: OffcloudMock, kind: str, live: bool) -> None:
    app_id, seen = SEEN[f"{kind}-{live}"]
    assert id(offcloud_mock.app) == app_id  # the same app: what the first test changed was undone
    _, check = KINDS[kind]
    check(offcloud_mock, seen)


@pytest.mark.offcloud_mock(era="legacy", seed=5)
def test_3_a_configuration_gets_its_own_app(offcloud_mock: OffcloudMock) -> None:
    assert id(offcloud_mock.app) not in {app_id for app_id, _ in SEEN.values()}
    assert offcloud_mock.controls.settings()["era"] == "legacy"
    SEEN["configured"] = id(offcloud_mock.app)


@pytest.mark.offcloud_mock(seed=5, era="legacy")
def test_4_the_same_configuration_the_same_app(offcloud_mock: OffcloudMock) -> None:
    assert id(offcloud_mock.app) == SEEN["configured"]


def _scenario(email: str) -> str:
    key = "scenario-key-0123456789"
    return json.dumps({"accounts": [{"email": email, "password": "pw-123456", "api_key": key}]})


@pytest.mark.offcloud_mock(scenario=str(SCENARIO))
def test_5_a_scenario_file(offcloud_mock: OffcloudMock) -> None:
    assert offcloud_mock.login[0] == "first@example.test"
    SCENARIO.write_text(_scenario("second-address@example.test"))  # another size: seen as changed


@pytest.mark.offcloud_mock(scenario=str(SCENARIO))
def test_6_a_scenario_file_read_again_when_it_changed(offcloud_mock: OffcloudMock) -> None:
    assert offcloud_mock.login[0] == "second-address@example.test"
