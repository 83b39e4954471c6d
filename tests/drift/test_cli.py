"""The command line: `python -m offcloud_drift proxy` as a real process, and `drift` through main()."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from offcloud_drift.cli import main
from tests.drift.runs import UpstreamFactory
from tests.drift.values import BUNNY_MAGNET, PLANTED_KEY, ROOT


def test_the_proxy_command_forwards_records_and_reports_on_sigterm(
    upstream: UpstreamFactory, tmp_path: Path
) -> None:
    base_url = upstream(["extra-field"])
    command = [sys.executable, "-m", "offcloud_drift", "proxy", "--upstream", base_url, "--port", "0"]
    command += ["--record", str(tmp_path / "rec"), "--report", str(tmp_path / "report")]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and package
        command, cwd=ROOT, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    try:
        assert process.stderr is not None
        banner = process.stderr.readline()
        assert "drift proxy on http://127.0.0.1:" in banner, banner
        proxy_url = banner.split(" on ")[1].split()[0]
        answer = httpx.post(f"{proxy_url}/api/proxy", params={"key": PLANTED_KEY}, timeout=30)
        assert answer.status_code == 200
        assert answer.json()["list"][0]["country"] == "FR"  # the upstream's answer, as it was
        line = process.stderr.readline()
        assert "listProxies: 1 finding(s)" in line
        assert PLANTED_KEY not in line
    finally:
        process.send_signal(signal.SIGTERM)
        rest = process.communicate(timeout=30)[1]
    assert process.returncode == 0, rest
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["drift_items"] == 1
    assert [p.name for p in (tmp_path / "rec").iterdir()] == ["0001-listProxies-200.json"]
    for path in [*tmp_path.rglob("*.json"), tmp_path / "report.md"]:
        assert PLANTED_KEY not in path.read_text()


def test_drift_reads_its_settings_from_the_environment(
    upstream: UpstreamFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFCLOUD_API_KEY", PLANTED_KEY)
    monkeypatch.setenv("DRIFT_REPORT", str(tmp_path / "nightly"))
    monkeypatch.delenv("OFFCLOUD_ALLOW_WRITES", raising=False)
    code = main(["drift", "--base-url", upstream(), "--no-contract", "--write-url", BUNNY_MAGNET])
    assert code == 0
    report = json.loads((tmp_path / "nightly.json").read_text())
    assert report["notes"] == ["scripted flows: read-only"]
    # Read-only: nothing was added, so the writing operations were never reached.
    assert {"addCloudDownload", "retryCloudDownload", "removeCloudDownload"} <= set(report["unreached"])


def test_drift_without_a_key_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("OFFCLOUD_API_KEY", raising=False)
    assert main(["drift", "--base-url", "http://127.0.0.1:9", "--no-contract"]) == 2
    assert "OFFCLOUD_API_KEY" in capsys.readouterr().err


def test_a_bad_spec_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["proxy", "--upstream", "http://127.0.0.1:9", "--spec", str(tmp_path / "none.yaml")]) == 2
    assert "none.yaml" in capsys.readouterr().err
