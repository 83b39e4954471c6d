"""The offcloud_mock fixtures, in-process and live, with markers and command-line options."""

import asyncio
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import httpx
import pytest

import offcloud_mock
from offcloud_mock.backend.demo import DEMO_EMAIL, DEMO_KEY, DEMO_PASSWORD
from offcloud_mock.controls import HttpControls, InProcessControls
from offcloud_mock.pytest_plugin import IN_PROCESS_BASE_URL, OffcloudMock
from tests.mock_http.values import REPORT_URL

ROOT = Path(__file__).resolve().parents[2]
DEMO_SCENARIO = str(Path(offcloud_mock.__file__).with_name("demo_scenario.yaml"))


def _exercise(mock: OffcloudMock) -> None:
    http = mock.http()
    added = http.post("/api/cloud", params={"key": mock.api_key}, data={"url": REPORT_URL})
    assert added.status_code == 200
    request_id = added.json()["requestId"]
    status = http.post("/api/cloud/status", params={"key": mock.api_key}, json={"requestId": request_id})
    assert status.json()["status"]["status"] == "created"  # frozen: still created
    mock.controls.advance(120)
    status = http.post("/api/cloud/status", params={"key": mock.api_key}, json={"requestId": request_id})
    assert status.json()["status"]["status"] == "downloaded"
    history = http.get("/api/cloud/history", headers={"Authorization": f"Bearer {mock.api_key}"})
    assert [item["requestId"] for item in history.json()] == [request_id]
    assert (
        http.post("/api/login", data=dict(zip(("username", "password"), mock.login, strict=True))).status_code
        == 404
    )
    assert [entry["operation"] for entry in mock.controls.journal()] == [
        "addCloudDownload",
        "getCloudStatus",
        "getCloudStatus",
        "getCloudHistory",
    ]


def test_in_process_by_default(offcloud_mock: OffcloudMock) -> None:
    assert offcloud_mock.live is False
    assert offcloud_mock.base_url == IN_PROCESS_BASE_URL
    assert isinstance(offcloud_mock.controls, InProcessControls)
    assert offcloud_mock.api_key == DEMO_KEY
    assert offcloud_mock.login == (DEMO_EMAIL, DEMO_PASSWORD)
    assert offcloud_mock.controls.clock_state()["frozen"] is True
    assert offcloud_mock.controls.settings()["validate_responses"] is True
    _exercise(offcloud_mock)


@pytest.mark.live
@pytest.mark.offcloud_mock(live=True)
def test_live_by_marker(offcloud_mock: OffcloudMock) -> None:
    assert offcloud_mock.live is True
    assert offcloud_mock.base_url.startswith("http://127.0.0.1:")
    assert isinstance(offcloud_mock.controls, HttpControls)
    _exercise(offcloud_mock)


@pytest.mark.live
def test_live_fixture(offcloud_mock_live: OffcloudMock) -> None:
    assert offcloud_mock_live.live is True
    _exercise(offcloud_mock_live)


@pytest.mark.offcloud_mock(era="legacy", scenario=DEMO_SCENARIO, seed=3, frozen=False)
def test_marker_settings(offcloud_mock: OffcloudMock) -> None:
    settings = offcloud_mock.controls.settings()
    assert settings["era"] == "legacy"
    assert offcloud_mock.controls.clock_state()["frozen"] is False
    assert offcloud_mock.backend.seed == 3
    assert offcloud_mock.http().post("/api/proxy").status_code == 200  # NOAUTH with HTTP 200


@pytest.mark.parametrize("live", [False, pytest.param(True, marks=pytest.mark.live)])
def test_generated_client(request: pytest.FixtureRequest, live: bool) -> None:
    pytest.importorskip("offcloud_client")
    from offcloud_client.api.cloud import add_cloud_download
    from offcloud_client.api.proxies import list_proxies
    from offcloud_client.models import CloudDownloadForm

    mock: OffcloudMock = request.getfixturevalue("offcloud_mock_live" if live else "offcloud_mock")
    client: Any = mock.client()
    proxies: Any = list_proxies.sync(client=client)
    assert [proxy.id for proxy in proxies.list_] == ["fr-1", "us-1", "sg-1"]
    added: Any = add_cloud_download.sync(client=client, body=CloudDownloadForm(url=REPORT_URL))
    assert added.file_name == "annual-report-2025.pdf"
    assert mock.controls.journal()[-1]["operation"] == "addCloudDownload"


PLUGIN_USER = """
import httpx
import pytest

def test_default_follows_the_option(offcloud_mock):
    assert offcloud_mock.live is True
    assert offcloud_mock.controls.settings()["era"] == "legacy"
    assert offcloud_mock.http().get("/api/check").json() == {"loggedIn": 0}

@pytest.mark.offcloud_mock(live=False)
def test_marker_beats_the_option(offcloud_mock):
    assert offcloud_mock.live is False

@pytest.mark.offcloud_mock(colour="blue")
def test_unknown_marker_argument(offcloud_mock):
    pass
"""


def _run_pytest(folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    # -p no:offcloud_mock: the installed entry point, if any, must not register the plugin a second time.
    command = [sys.executable, "-m", "pytest", "-p", "no:offcloud_mock", "-p", "offcloud_mock.pytest_plugin"]
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [*command, "-p", "no:cacheprovider", "--strict-markers", "-q", *options, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
        timeout=120,
        check=False,
    )


@pytest.mark.live
def test_plugin_options_in_a_separate_pytest_run(tmp_path: Path) -> None:
    (tmp_path / "test_user.py").write_text(textwrap.dedent(PLUGIN_USER))
    result = _run_pytest(tmp_path, "--offcloud-mock-live", "--offcloud-mock-era", "legacy")
    assert "2 passed, 1 error" in result.stdout, result.stdout + result.stderr
    assert "takes only" in result.stdout


@pytest.mark.parametrize("live", [False, True])
def test_non_ascii_paths_answer_alike_in_process_and_live(request: pytest.FixtureRequest, live: bool) -> None:
    # httpx's own WSGITransport hands the path over decoded: in-process, é was read as U+FFFD and a
    # character outside latin-1 raised UnicodeEncodeError in the test instead of an answer.
    mock = request.getfixturevalue("offcloud_mock_live" if live else "offcloud_mock")
    http = mock.http()
    bad_id = http.get("/api/cloud/explore/été", params={"key": mock.api_key})
    assert bad_id.status_code == 400
    assert "été" in bad_id.json()["error"]
    for path in ("/api/cloud/explore/\U00082c0d", "/nowhere/中"):
        answer = http.get(path, params={"key": mock.api_key})
        assert answer.status_code in (400, 404), (path, answer.text)
    unknown = http.get("/nowhere/中")
    assert unknown.status_code == 404


def test_the_async_transport_hands_over_pep_3333_paths() -> None:
    from offcloud_mock.transports import AsyncWSGITransport

    seen: list[str] = []

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        seen.append(environ["PATH_INFO"])
        start_response("204 No Content", [])
        return []

    async def call() -> int:
        async with httpx.AsyncClient(transport=AsyncWSGITransport(app), base_url="http://app.test") as client:
            return (await client.get("/é/中")).status_code

    assert asyncio.run(call()) == 204
    assert seen == ["/é/中".encode().decode("latin-1")]


@pytest.mark.live
def test_a_test_never_sees_what_the_test_before_changed(tmp_path: Path) -> None:
    # One app per configuration serves the whole session: each kind of state a test can change is
    # changed by one test and must be gone in the next, on the same app, in-process and live.
    pairs = Path(__file__).with_name("fixture_isolation_pairs.py").read_text(encoding="utf-8")
    (tmp_path / "test_pairs.py").write_text(pairs, encoding="utf-8")
    (tmp_path / "scenario.json").write_text(
        '{"accounts": [{"email": "first@example.test", "password": "pw-123456",'
        ' "api_key": "scenario-key-0123456789"}]}',
        encoding="utf-8",
    )
    result = _run_pytest(tmp_path, "-p", "no:randomly")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "40 passed" in result.stdout, result.stdout


def test_a_broken_scenario_errs_its_test_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("accounts: [unclosed\n", encoding="utf-8")
    (tmp_path / "test_user.py").write_text(
        textwrap.dedent(
            """
            import pytest

            @pytest.mark.offcloud_mock(scenario="broken.yaml")
            def test_broken(offcloud_mock):
                pass

            def test_plain():
                pass
            """
        ),
        encoding="utf-8",
    )
    result = _run_pytest(tmp_path)
    assert "1 passed, 1 error" in result.stdout, result.stdout + result.stderr
    assert "offcloud_mock: broken.yaml: not valid YAML" in result.stdout
    assert '"<unicode string>"' not in result.stdout
    assert "During handling" not in result.stdout


XDIST_USER = """
import json, os
from pathlib import Path

import pytest

REPORT = "https://files.example.com/docs/annual-report-2025.pdf"


@pytest.mark.parametrize("live", [False, True])
@pytest.mark.parametrize("round", range(6))
def test_each_worker_meets_a_new_mock(request, live, round):
    mock = request.getfixturevalue("offcloud_mock_live" if live else "offcloud_mock")
    assert mock.controls.journal() == []
    assert mock.controls.clock_state()["elapsed"] == 0
    http = mock.http()
    added = http.post("/api/cloud", params={"key": mock.api_key}, data={"url": REPORT})
    assert added.json()["requestId"] == FIRST_ID or not FIRST_ID
    mock.controls.advance(60)
    seen = {"worker": os.environ.get("PYTEST_XDIST_WORKER"), "live": live, "app": id(mock.app),
            "base_url": mock.base_url, "id": added.json()["requestId"]}
    with Path("seen.jsonl").open("a") as out:
        out.write(json.dumps(seen) + "\\n")


FIRST_ID = ""
"""


@pytest.mark.live
def test_the_fixture_on_two_xdist_workers(tmp_path: Path) -> None:
    pytest.importorskip("xdist")
    (tmp_path / "test_workers.py").write_text(textwrap.dedent(XDIST_USER), encoding="utf-8")
    result = _run_pytest(tmp_path, "-n", "2", "-p", "xdist")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "12 passed" in result.stdout, result.stdout
    seen = [json.loads(line) for line in (tmp_path / "seen.jsonl").read_text().splitlines()]
    assert {entry["worker"] for entry in seen} == {"gw0", "gw1"}
    assert len({entry["id"] for entry in seen}) == 1  # every test made the first download of a new mock
    for worker in ("gw0", "gw1"):
        for live in (False, True):
            mine = [entry for entry in seen if (entry["worker"], entry["live"]) == (worker, live)]
            # one app (and when live one server) per worker and mode, reused by each of its tests
            assert len({(entry["app"], entry["base_url"]) for entry in mine}) <= 1, mine
