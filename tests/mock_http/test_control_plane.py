"""The /_mock/ routes, one by one, and their answers to bad input."""

import json
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.mock_http.values import DEMO_KEY, REPORT_URL, UNKNOWN_ID, key

SCENARIO_YAML = """
accounts:
  - email: solo@offcloud.test
    password: solo-password
    api_key: solo-key-0000
    addons: [cloud]
"""


def _json(response: TestResponse) -> Any:
    """The JSON body, untyped: these tests index into it freely."""
    return response.get_json()


def test_index_and_health(client: FlaskClient) -> None:
    index = client.get("/_mock/").json
    assert index is not None
    assert "POST /_mock/faults" in index["routes"]
    # The device-login controls are control routes like the others, listed with them.
    assert {
        "GET /_mock/device-codes",
        "POST /_mock/device-codes/<user_code>/approve",
        "POST /_mock/device-codes/<user_code>/deny",
    } <= set(index["routes"])
    health = client.get("/_mock/health").json
    assert health is not None
    assert health["status"] == "ok"
    assert health["accounts"] == 2
    assert health["settings"]["era"] == "2026"


def test_reset_forgets_downloads_and_replays_the_same_ids(client: FlaskClient) -> None:
    first = client.post(f"/api/cloud{key()}", data={"url": REPORT_URL}).json
    assert _json(client.get("/_mock/health"))["downloads"] == 1
    reset = client.post("/_mock/reset")
    assert reset.status_code == 200
    assert reset.json is not None
    assert reset.json["downloads"] == 0
    again = client.post(f"/api/cloud{key()}", data={"url": REPORT_URL}).json
    assert first is not None
    assert again is not None
    assert again["requestId"] == first["requestId"]
    client.post("/_mock/reset", json={"seed": 99})
    reseeded = client.post(f"/api/cloud{key()}", data={"url": REPORT_URL}).json
    assert reseeded is not None
    assert reseeded["requestId"] != first["requestId"]


@pytest.mark.parametrize("body", [{"seed": "1"}, {"seed": 1.5}, {"seed": True}, [1]])
def test_reset_refuses_a_bad_seed(client: FlaskClient, body: object) -> None:
    response = client.post("/_mock/reset", json=body)
    assert response.status_code == 400
    assert "error" in _json(response)


def test_scenario_as_yaml_and_json(client: FlaskClient) -> None:
    response = client.post("/_mock/scenario", data=SCENARIO_YAML, content_type="application/yaml")
    assert response.status_code == 200, response.json
    assert client.post(f"/api/proxy{key()}").status_code == 401  # the demo account is gone
    assert client.post("/api/proxy?key=solo-key-0000").status_code == 200
    as_json = {"accounts": [{"email": "j@offcloud.test", "password": "p", "api_key": "json-key"}]}
    assert client.post("/_mock/scenario", json=as_json).status_code == 200
    assert client.post("/api/proxy?key=json-key").status_code == 200


@pytest.mark.parametrize(
    ("data", "content_type", "named"),
    [
        ("accounts: [{email: nope, password: p, api_key: k}]", "application/yaml", "accounts[0].email"),
        ("accounts: []", "text/yaml", "accounts"),
        ("surprise: 1\naccounts: []", "application/yaml", "surprise"),
        ("key: [unclosed", "application/yaml", "not valid YAML"),
        ("[1, 2", "application/json", "JSON object"),
        ("just text", "text/x-yaml", "<scenario>"),
    ],
)
def test_a_broken_scenario_is_a_400_naming_the_problem(
    client: FlaskClient, data: str, content_type: str, named: str
) -> None:
    response = client.post("/_mock/scenario", data=data, content_type=content_type)
    assert response.status_code == 400
    assert response.json is not None
    assert named in response.json["error"]
    assert "\n" not in response.json["error"]
    assert client.post(f"/api/proxy{key()}").status_code == 200  # the old scenario still runs


def test_clock(client: FlaskClient) -> None:
    state = client.get("/_mock/clock").json
    assert state is not None
    assert state["frozen"] is True
    assert state["now"] == "2026-01-01T00:00:00.000Z"
    moved = client.post("/_mock/clock", json={"advance": 90, "speed": 2}).json
    assert moved is not None
    assert moved["now"] == "2026-01-01T00:01:30.000Z"
    assert moved["speed"] == 2
    running = client.post("/_mock/clock", json={"freeze": False}).json
    assert running is not None
    assert running["frozen"] is False


@pytest.mark.parametrize(
    "body",
    [
        {"advance": -1},
        {"advance": "10"},
        {"advance": 1e300},
        {"speed": 0},
        {"speed": 1e300},
        {"speed": True},
        {"freeze": "yes"},
        {"freeze": 1},
    ],
)
def test_clock_refuses_bad_input(client: FlaskClient, body: dict[str, object]) -> None:
    response = client.post("/_mock/clock", json=body)
    assert response.status_code == 400, response.json
    assert "error" in _json(response)
    assert client.post(f"/api/proxy{key()}").status_code == 200  # the mock still works


def test_downloads_can_be_read_and_forced(client: FlaskClient) -> None:
    added = client.post(f"/api/cloud{key()}", data={"url": REPORT_URL}).json
    assert added is not None
    request_id = added["requestId"]
    seen = client.get(f"/_mock/downloads/{request_id}").json
    assert seen is not None
    assert (seen["kind"], seen["forcedStatus"], seen["status"]["status"]) == ("cloud", None, "created")
    forced = client.post(f"/_mock/downloads/{request_id}/status", json={"status": "error"})
    assert forced.status_code == 200
    assert forced.json is not None
    assert forced.json["status"] == "error"
    status = client.post(f"/api/cloud/status{key()}", data={"requestId": request_id}).json
    assert status is not None
    assert status["status"]["status"] == "error"


def test_download_controls_refuse_bad_input(client: FlaskClient) -> None:
    assert client.get(f"/_mock/downloads/{UNKNOWN_ID}").status_code == 404
    unknown = client.post(f"/_mock/downloads/{UNKNOWN_ID}/status", json={"status": "error"})
    assert unknown.status_code == 404
    added = client.post(f"/api/cloud{key()}", data={"url": REPORT_URL}).json
    assert added is not None
    path = f"/_mock/downloads/{added['requestId']}/status"
    assert client.post(path, json={"status": "exploded"}).status_code == 400
    assert client.post(path, json={}).status_code == 400
    assert client.post(path, data="status=error").status_code == 415  # a write must be JSON (control_guard)


def test_faults_routes(client: FlaskClient) -> None:
    added = client.post("/_mock/faults", json={"operation": "listProxies", "status": 503, "count": 2})
    assert added.status_code == 200
    assert added.json is not None
    assert added.json["count"] == 2
    assert [f["operation_id"] for f in _json(client.get("/_mock/faults"))] == ["listProxies"]
    assert client.delete("/_mock/faults").status_code == 200
    assert client.get("/_mock/faults").json == []


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"operation": "noSuchOperation", "status": 503},
        {"operation": "listProxies"},  # no effect
        {"operation": "listProxies", "status": 200},
        {"operation": "listProxies", "status": 503, "drop": True},
        {"operation": "listProxies", "status": "503"},
        {"operation": "listProxies", "latency": -1},
        {"operation": "listProxies", "drop": "yes"},
        {"operation": "listProxies", "status": 503, "count": 0},
        {"operation": "listProxies", "retry_after": 3},
    ],
)
def test_faults_refuse_bad_input(client: FlaskClient, body: dict[str, object]) -> None:
    response = client.post("/_mock/faults", json=body)
    assert response.status_code == 400, response.json
    assert response.json is not None
    assert response.json["error"]


def test_journal_routes(client: FlaskClient) -> None:
    client.post("/_mock/settings", json={"era": "legacy"})  # /api/login is the legacy server's
    client.post("/api/login", data={"username": "demo@offcloud.test", "password": "demo-password"})
    client.post(f"/api/cloud{key()}", data={"url": REPORT_URL, "key": DEMO_KEY})
    entries = client.get("/_mock/journal").json
    assert entries is not None
    assert [e["operation"] for e in entries] == ["login", "addCloudDownload"]
    assert entries[0]["params"] == {"username": "demo@offcloud.test"}  # never the password
    assert entries[1]["params"] == {"url": REPORT_URL}  # never the key
    assert DEMO_KEY not in json.dumps(entries)
    assert "demo-password" not in json.dumps(entries)
    assert len(_json(client.get("/_mock/journal?limit=1"))) == 1
    assert client.get("/_mock/journal?limit=-1").status_code == 400
    assert client.get("/_mock/journal?limit=²").status_code == 400
    assert client.get("/_mock/journal?limit=" + "9" * 5000).status_code == 400
    assert client.delete("/_mock/journal").status_code == 200
    assert client.get("/_mock/journal").json == []


def test_control_requests_are_not_journaled(client: FlaskClient) -> None:
    client.get("/_mock/health")
    assert client.get("/_mock/journal").json == []


def test_settings(client: FlaskClient) -> None:
    changed = client.post("/_mock/settings", json={"era": "legacy", "validate_responses": False}).json
    assert changed is not None
    assert (changed["era"], changed["validate_responses"]) == ("legacy", False)
    assert client.post("/api/proxy").status_code == 200  # NOAUTH, legacy style
    assert client.get("/_mock/settings").json == changed
    for bad in ({"era": "ancient"}, {"era": 2026}, {"error_mode": 1}, {"validate_responses": "on"}):
        assert client.post("/_mock/settings", json=bad).status_code == 400


def test_accounts_show_keys_masked(client: FlaskClient) -> None:
    accounts = client.get("/_mock/accounts").json
    assert accounts is not None
    demo = accounts[0]
    assert demo["email"] == "demo@offcloud.test"
    assert demo["apiKey"] == "*" * (len(DEMO_KEY) - 4) + DEMO_KEY[-4:]
    assert demo["addons"] == sorted(["premium", "links", "proxy", "cloud", "video"])
    assert accounts[1]["addons"] == []


def test_scenario_from_a_file_with_python_controls(client: FlaskClient, tmp_path: Path) -> None:
    from offcloud_mock.controls import InProcessControls

    path = tmp_path / "solo.yaml"
    path.write_text(SCENARIO_YAML)
    InProcessControls(client.application).load_scenario(path)
    assert client.post("/api/proxy?key=solo-key-0000").status_code == 200
