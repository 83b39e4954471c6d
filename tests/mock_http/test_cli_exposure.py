"""`offcloud-mock` with the issue-13 options as a real process: --control-token, --max-downloads,
--log-requests, and a banner without a scenario's credentials."""

import json
import re
import signal
from pathlib import Path

import httpx
import pytest

from tests.mock_http.test_cli import _start, _Stdout

pytestmark = pytest.mark.live

PLANTED_KEY = "planted-cli-KEY-51e0"
PLANTED_PASSWORD = "planted-cli-PASS-9a3c"  # noqa: S105 - a test value
TOKEN = "cli-control-token-77"  # noqa: S105 - a test value


def test_the_options_work_end_to_end(tmp_path: Path) -> None:
    scenario = tmp_path / "planted.json"
    accounts = [
        {
            "email": "cli@offcloud.test",
            "password": PLANTED_PASSWORD,
            "api_key": PLANTED_KEY,
            "addons": ["cloud"],
        }
    ]
    scenario.write_text(json.dumps({"accounts": accounts}), encoding="utf-8")
    process = _start(
        "--port",
        "0",
        "--scenario",
        str(scenario),
        "--control-token",
        TOKEN,
        "--max-downloads",
        "1",
        "--log-requests",
    )
    stdout = _Stdout(process)
    try:
        banner = stdout.banner()
        base_url = re.search(r"listening on (http://\S+)", banner)
        assert base_url, banner
        url = base_url.group(1)
        params = {"key": PLANTED_KEY}
        assert (
            httpx.post(
                f"{url}/api/cloud", params=params, data={"url": "https://example.com/a.pdf"}
            ).status_code
            == 200
        )
        refused = httpx.post(f"{url}/api/cloud", params=params, data={"url": "https://example.com/b.pdf"})
        assert refused.status_code == 400
        assert "max" in refused.json()["error"]
        assert httpx.get(f"{url}/_mock/journal").status_code == 401
        assert httpx.get(f"{url}/_mock/journal", headers={"X-Mock-Token": TOKEN}).status_code == 200
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)
    err = process.stderr.read() if process.stderr else ""
    assert process.returncode == 0, err
    for secret in (PLANTED_KEY, PLANTED_PASSWORD, TOKEN):
        assert secret not in banner
        assert secret not in err
    assert "control token: the one given" in banner
    request_lines = [line for line in err.splitlines() if "offcloud_mock.requests" in line]
    assert len(request_lines) == 4, err
    assert "POST /api/cloud addCloudDownload 400" in request_lines[1]
    assert "account=cl***@offcloud.test" in request_lines[1]
    assert "GET /_mock/journal control.journal 401" in request_lines[2]
