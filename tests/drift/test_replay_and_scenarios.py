"""Recordings of a mock run replayed in front of a fresh mock, and turned into a scenario that loads and serves."""

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from offcloud_drift.cli import main
from offcloud_drift.mock_bridge import check_scenario, mock_app
from offcloud_drift.scenario_from import PLACEHOLDER_KEY, scenario_from_records
from offcloud_mock.cli import main as cli_main
from offcloud_mock.http.app import create_app
from offcloud_mock.recordings import read_recordings
from offcloud_mock.replay import ReplayMiddleware, install_replay
from offcloud_mock.serving.waitress_server import serve_in_thread
from offcloud_mock.settings import MockConfig
from tests.drift.runs import UpstreamFactory, run
from tests.drift.values import BUNNY_MAGNET, PLANTED_KEY, PLANTED_PASSWORD


@pytest.fixture(scope="module")
def recordings(tmp_path_factory: pytest.TempPathFactory, planted_scenario: Path) -> Path:
    directory = tmp_path_factory.mktemp("recorded")
    app = mock_app(planted_scenario, clock_speed=1000.0)
    served = serve_in_thread(app, threads=4)
    try:
        outcome = run(served.base_url, directory)
    finally:
        served.stop()
    assert outcome.code == 0, outcome.messages
    return directory / "recordings"


def resend(client: httpx.Client, record: dict[str, Any], key: str = "any-key-at-all-123") -> httpx.Response:
    request = record["request"]
    params = [(n, key if v == "<redacted>" else v) for n, v in request["query"]]
    kwargs: dict[str, Any] = {"params": params}
    if request["body_kind"] == "form":
        form: dict[str, list[str]] = {}
        for name, value in request["body"]:
            form.setdefault(name, []).append(value)
        kwargs["data"] = form
    elif request["body_kind"] == "json":
        kwargs["json"] = request["body"]
    return client.request(request["method"], request["path"], **kwargs)


def replay_client(recordings: Path) -> httpx.Client:
    app = ReplayMiddleware(mock_app(seed=99), recordings)
    return httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://replay.test")


def test_recorded_requests_are_answered_as_recorded(recordings: Path) -> None:
    records = read_recordings(recordings)
    with replay_client(recordings) as client:
        for record in records:
            if record["operation"] in ("login", "getApiKey", "checkLogin"):
                continue  # session-bound: shown below with the cookie
            if record["request"]["body_kind"] not in ("form", "json", "none"):
                continue  # a multipart upload: resend() rebuilds form and JSON bodies only
            answer = resend(client, record)
            assert answer.status_code == record["response"]["status"], record["operation"]
            assert answer.headers["x-offcloud-replay"]
            if record["response"]["body_kind"] == "json":
                assert answer.json() is not None


def test_the_same_request_recorded_twice_answers_in_order(recordings: Path) -> None:
    records = read_recordings(recordings)
    by_key: dict[str, list[int]] = {}
    for record in records:
        by_key.setdefault(record["match_key"], []).append(record["seq"])
    key, seqs = next((k, s) for k, s in by_key.items() if len(s) >= 2)
    record = next(r for r in records if r["match_key"] == key)
    with replay_client(recordings) as client:
        served = [int(resend(client, record).headers["x-offcloud-replay"]) for _ in range(len(seqs) + 1)]
    assert served == [*seqs, seqs[-1]]


def test_anything_else_falls_through_to_the_mock(recordings: Path) -> None:
    with replay_client(recordings) as client:
        answer = client.post(
            "/api/cloud/status", params={"key": "demo-key-0123456789abcdef"}, data={"requestId": "ab" * 12}
        )
    assert "x-offcloud-replay" not in answer.headers
    assert answer.status_code == 404  # the stateful mock's answer: no such download


def test_install_replay_wraps_a_flask_app_in_place(recordings: Path) -> None:
    app = mock_app()
    middleware = install_replay(app, recordings)
    assert middleware.recorded == len(read_recordings(recordings))
    record = next(r for r in read_recordings(recordings) if r["operation"] == "listRemoteAccounts")
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock.test") as client:
        assert resend(client, record).headers["x-offcloud-replay"] == str(record["seq"])
        assert client.get("/_mock/health").status_code == 200  # the mock itself, behind


def test_the_replay_setting_puts_the_recordings_in_front_of_the_mock(recordings: Path) -> None:
    app = create_app(MockConfig(replay=str(recordings)))  # what `offcloud-mock --replay DIR` builds
    record = next(r for r in read_recordings(recordings) if r["operation"] == "listRemoteAccounts")
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock.test") as client:
        assert resend(client, record).headers["x-offcloud-replay"] == str(record["seq"])
        assert "x-offcloud-replay" not in client.get("/_mock/health").headers


def test_offcloud_mock_refuses_a_replay_folder_that_is_not_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["--replay", str(tmp_path / "missing"), "--port", "0"]) == 2
    assert "missing" in capsys.readouterr().err


def test_a_recorded_run_becomes_a_scenario_that_loads_and_serves(recordings: Path, tmp_path: Path) -> None:
    records = read_recordings(recordings)
    text = scenario_from_records(records)
    check_scenario(text)
    assert PLANTED_KEY not in text
    assert PLANTED_PASSWORD not in text
    assert "<redacted>" not in text
    path = tmp_path / "recorded.yaml"
    path.write_text(text)
    recorded_remotes = next(r for r in records if r["operation"] == "listRemoteAccounts")["response"]["body"]
    recorded_proxies = next(r for r in records if r["operation"] == "listProxies")["response"]["body"]
    app = mock_app(path)
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock.test") as client:
        key = {"key": PLACEHOLDER_KEY}
        assert client.post("/api/remote/accounts", params=key).json() == recorded_remotes
        assert client.post("/api/proxy", params=key).json() == recorded_proxies
        added = client.post("/api/cloud", params=key, data={"url": BUNNY_MAGNET}).json()
        assert added["fileName"] == "Big Buck Bunny"
        assert added["status"] == "downloaded"  # cached, as checkCache said
        files = client.get(f"/api/cloud/explore/{added['requestId']}", params=key).json()
        assert len(files) == 4
    added_ids = [
        record["response"]["body"]["requestId"]
        for record in records
        if record["operation"] == "addCloudDownload" and "requestId" in record["response"]["body"]
    ]  # the spec's examples' refusals (`Incorrect url`) add nothing
    assert added_ids
    for request_id in added_ids:
        assert request_id in text  # seeded as the account's downloads


def test_scenario_from_on_the_command_line(recordings: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenario-from", str(recordings)]) == 0
    assert capsys.readouterr().out == scenario_from_records(read_recordings(recordings))


def test_scenario_from_a_missing_directory_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scenario-from", str(tmp_path / "nope")]) == 2
    assert "not a directory" in capsys.readouterr().err


def test_two_runs_give_the_same_file_names(upstream: UpstreamFactory, tmp_path: Path) -> None:
    # A frozen clock: the number of status polls depends on how fast downloads move, not on the tools.
    first = run(upstream(frozen_clock=True), tmp_path / "a")
    second = run(upstream(frozen_clock=True), tmp_path / "b")
    assert first.code == second.code == 0
    names = [sorted(p.name for p in (d / "recordings").iterdir()) for d in (tmp_path / "a", tmp_path / "b")]
    assert names[0] == names[1]
    assert json.loads((tmp_path / "a" / "recordings" / names[0][0]).read_text())["seq"] == 1


@pytest.fixture(scope="module")
def seeded_recordings(
    tmp_path_factory: pytest.TempPathFactory, planted_scenario: Path
) -> list[dict[str, Any]]:
    """A recorded run, plus a listSites answer of the same mock (the scripted flows do not ask for sites).

    Only the recordings matter here, not the verdict: whether the mock drifts is test_drift_run's to say.
    """
    directory = tmp_path_factory.mktemp("seeded")
    app = mock_app(planted_scenario, clock_speed=1000.0)
    served = serve_in_thread(app, threads=4)
    try:
        outcome = run(served.base_url, directory)
        sites = httpx.get(f"{served.base_url}/api/sites", params={"key": PLANTED_KEY})
    finally:
        served.stop()
    assert outcome.code in (0, 1), outcome.messages
    records = read_recordings(directory / "recordings")
    assert sites.status_code == 200
    sites_record = {
        "seq": len(records) + 1,
        "operation": "listSites",
        "request": {"method": "GET", "path": "/api/sites", "query": [], "body_kind": "none", "body": None},
        "response": {"status": 200, "body_kind": "json", "body": sites.json()},
    }
    return [*records, sites_record]


def last_seen(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per requestId, the last name and status the server answered (add and status answers)."""
    seen: dict[str, dict[str, Any]] = {}
    for record in records:
        body = record["response"].get("body")
        if record["response"]["status"] != 200 or not isinstance(body, dict):
            continue
        if record["operation"] in ("addCloudDownload", "addInstantDownload", "addRemoteDownload"):
            item = body
        elif record["operation"] in ("getCloudStatus", "getRemoteStatus") and isinstance(
            body.get("status"), dict
        ):
            item = body["status"]
        else:
            continue
        if isinstance(item.get("requestId"), str):
            known = seen.setdefault(item["requestId"], {"operation": record["operation"]})
            known.update({k: item[k] for k in ("fileName", "status", "createdOn") if k in item})
    return seen


def test_the_mock_started_from_a_recording_answers_the_recorded_downloads(
    seeded_recordings: list[dict[str, Any]], tmp_path: Path
) -> None:
    text = scenario_from_records(seeded_recordings)
    check_scenario(text)
    assert PLANTED_KEY not in text
    assert PLANTED_PASSWORD not in text
    path = tmp_path / "seeded.yaml"
    path.write_text(text)
    seen = last_seen(seeded_recordings)
    kinds = {record["operation"] for record in seeded_recordings}
    assert {"addCloudDownload", "addInstantDownload", "addRemoteDownload"} <= kinds
    app = mock_app(path, frozen_clock=True)  # the statuses as the mock starts
    key = {"key": PLACEHOLDER_KEY}
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock.test") as client:
        for request_id, recorded in seen.items():
            operation = recorded["operation"]
            if operation == "addInstantDownload":  # no status route: a re-add answers the same download
                record = next(
                    r
                    for r in seeded_recordings
                    if r["response"].get("body", {})
                    and isinstance(r["response"]["body"], dict)
                    and r["response"]["body"].get("requestId") == request_id
                )
                answer = resend(client, record, PLACEHOLDER_KEY).json()
            else:
                route = "/api/remote/status" if "Remote" in operation else "/api/cloud/status"
                answer = client.post(route, params=key, data={"requestId": request_id}).json()["status"]
            assert answer["requestId"] == request_id
            assert answer["status"] == recorded["status"], request_id
            assert answer["fileName"] == recorded["fileName"], request_id
        cloud_id = next(i for i, r in seen.items() if r["operation"] == "addCloudDownload")
        assert client.get(f"/api/cloud/explore/{cloud_id}", params=key).status_code == 200
        added = client.post("/api/cloud", params=key, data={"url": BUNNY_MAGNET}).json()
        assert added["requestId"] == cloud_id  # the recorded download, not a new one
        assert added["createdOn"] == seen[cloud_id]["createdOn"]
        recorded_sites = seeded_recordings[-1]["response"]["body"]
        assert recorded_sites
        assert client.get("/api/sites", params=key).json() == recorded_sites


def test_scenario_from_skips_what_the_mock_cannot_start_with() -> None:
    def added(request_id: str, status: str, link: str) -> dict[str, Any]:
        body = {"requestId": request_id, "fileName": "f", "status": status, "originalLink": link}
        return {
            "operation": "addCloudDownload",
            "request": {"method": "POST", "path": "/api/cloud", "query": [], "body_kind": "form", "body": []},
            "response": {"status": 200, "body_kind": "json", "body": body},
        }

    text = scenario_from_records(
        [
            added("c0" * 12, "teleporting", "https://a.example/x"),  # a status the spec does not list
            added("c1" * 12, "downloaded", "ftp://a.example/x"),  # no link the mock can resolve
            added("c2" * 12, "downloaded", "https://a.example/y"),
        ]
    )
    check_scenario(text)
    assert f"not seeded (no link, or a status the mock lacks): {'c0' * 12}, {'c1' * 12}" in text
    assert f"requestId: {'c2' * 12}" in text
