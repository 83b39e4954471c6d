"""`make drift` against the mock on 127.0.0.1: clean, drifted in planted ways, unreachable, refused."""

import importlib.util
import socket
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from offcloud_drift.patch import apply_patch
from offcloud_drift.spec_view import SpecView
from tests.drift.drifting import EXPECTED
from tests.drift.runs import UpstreamFactory, run
from tests.drift.values import PLANTED_KEY, PLANTED_PASSWORD


def test_the_undrifted_mock_gives_exit_0_and_an_empty_report(
    upstream: UpstreamFactory, tmp_path: Path
) -> None:
    outcome = run(upstream(), tmp_path)
    assert outcome.code == 0, outcome.messages
    assert outcome.report["drift"] is False
    assert outcome.items == set()
    assert outcome.report["patch"] == []
    assert outcome.report["unreached"] == []  # reads and writes reach every operation of the spec
    assert "Verdict: no drift" in (tmp_path / "drift-report.md").read_text()


def test_every_planted_drift_is_reported_item_by_item(upstream: UpstreamFactory, tmp_path: Path) -> None:
    outcome = run(upstream(EXPECTED), tmp_path)
    assert outcome.code == 1
    assert outcome.items == set(EXPECTED.values())
    markdown = (tmp_path / "drift-report.md").read_text()
    for operation, kind, where in EXPECTED.values():
        assert f"## {operation}" in markdown
        assert f"### {kind}: `{where}`" in markdown


@pytest.mark.parametrize("drift", sorted(EXPECTED))
def test_each_drift_alone_is_named_with_a_suggested_change(
    upstream: UpstreamFactory, tmp_path: Path, drift: str
) -> None:
    outcome = run(
        upstream([drift]), tmp_path, allow_writes=drift in ("renamed-field", "new-status", "url-wording")
    )
    assert outcome.code == 1
    assert outcome.items == {EXPECTED[drift]}
    (finding,) = [f for op in outcome.report["operations"] for f in op["findings"]]
    assert finding["suggested_patch"], "every planted drift gets a JSON Patch"
    assert finding["suggested_yaml"]
    assert finding["count"] >= 1
    assert finding["example"]["status"] in (200, 400, 404, 500)


def test_the_suggested_patch_makes_the_drift_go_away(upstream: UpstreamFactory, tmp_path: Path) -> None:
    base_url = upstream(EXPECTED)
    first = run(base_url, tmp_path / "first")
    assert first.code == 1
    patched = apply_patch(SpecView.load().document, first.report["patch"])
    spec_path = tmp_path / "patched.yaml"
    spec_path.write_text(yaml.safe_dump(patched, sort_keys=False), encoding="utf-8")
    second = run(base_url, tmp_path / "second", spec_path=spec_path)
    assert second.items == set()
    assert second.code == 0


def test_a_planted_key_and_password_are_in_no_written_file(upstream: UpstreamFactory, tmp_path: Path) -> None:
    # The legacy era: the one whose server still has login and getApiKey, the flows that carry a password.
    outcome = run(upstream(EXPECTED, era="legacy"), tmp_path, era="legacy")
    assert outcome.code == 1  # so the key was accepted and every flow ran, login and getApiKey included
    files = outcome.written_files()
    names = {path.name for path in files}
    assert {"drift-report.json", "drift-report.md"} <= names
    assert any(name.endswith("-login-200.json") for name in names)
    assert any(name.endswith("-getApiKey-200.json") for name in names)
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert PLANTED_KEY not in text, path
        assert PLANTED_PASSWORD not in text, path
        assert PLANTED_KEY.lower() not in text.lower(), path
    assert not any(PLANTED_KEY in message or PLANTED_PASSWORD in message for message in outcome.messages)


def test_an_unreachable_server_exits_2(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, never listening: connections are refused
        outcome = run(f"http://127.0.0.1:{port}", tmp_path)
    assert outcome.code == 2
    assert "unreachable" in " ".join(outcome.messages)
    assert not (tmp_path / "drift-report.json").exists()


def test_a_refused_key_exits_2(upstream: UpstreamFactory, tmp_path: Path) -> None:
    outcome = run(upstream(), tmp_path, api_key="not-the-key-of-anyone-0000")
    assert outcome.code == 2
    assert "refused the API key" in " ".join(outcome.messages)


def test_a_missing_key_exits_2(tmp_path: Path) -> None:
    assert run("http://127.0.0.1:9", tmp_path, api_key="").code == 2


def test_the_legacy_mock_matches_the_legacy_era(upstream: UpstreamFactory, tmp_path: Path) -> None:
    outcome = run(upstream(era="legacy"), tmp_path, era="legacy")
    assert outcome.code == 0, outcome.items


def test_the_legacy_mock_is_the_other_era_under_2026(upstream: UpstreamFactory, tmp_path: Path) -> None:
    outcome = run(upstream(era="legacy"), tmp_path, allow_writes=False)
    assert outcome.code == 1
    kinds = {kind for _, kind, _ in outcome.items}
    # Errors with 200, the legacy-only routes answering, the 2026-only ones missing: the other era, whole.
    assert kinds == {"other-era", "not-in-era", "undocumented-status"}
    assert ("getCloudStatus", "other-era", "status 200") in outcome.items
    assert any(item[:2] == ("getAccountStats", "not-in-era") for item in outcome.items)
    assert any(item[:2] == ("getAccountInfo", "undocumented-status") for item in outcome.items)


def test_the_contract_suite_runs_as_make_contract_does(
    upstream: UpstreamFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[list[str]] = []

    def fake_run(command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
        started.append(command)
        assert options["env"]["OFFCLOUD_BASE_URL"].startswith("http://127.0.0.1:")  # through the proxy
        return subprocess.CompletedProcess(command, 0, stdout="3 passed in 0.1s\n", stderr="")

    monkeypatch.setattr(subprocess, "run", fake_run)  # the module run.py calls
    outcome = run(upstream(), tmp_path, contract=True)
    assert outcome.code == 0, outcome.messages
    ((_, flag, module, *_),) = started
    assert (flag, module) == ("-m", "offcloud_contract")
    assert importlib.util.find_spec(f"{module}.__main__") is not None  # runnable with -m
    assert "contract suite through the proxy: exit code 0" in outcome.report["notes"]
