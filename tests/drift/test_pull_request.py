"""`drift pr --dry-run` and `drift apply` on the command line: the pull request's parts written locally,
the real spec untouched, nothing secret anywhere; nothing to open when nothing drifted."""

import shutil
from pathlib import Path

import pytest

from offcloud_drift.cli import main
from offcloud_drift.pull_request import NOTHING_TO_OPEN
from offcloud_mock.spec import spec_path
from tests.drift.drifting import EXPECTED
from tests.drift.runs import PlantedRun
from tests.drift.values import PLANTED_KEY, PLANTED_PASSWORD


def test_a_dry_run_writes_the_pull_request_with_the_report(planted_run: PlantedRun, tmp_path: Path) -> None:
    spec_before = spec_path().read_bytes()
    out = tmp_path / "pr"
    code = main(["drift", "pr", str(planted_run.report_path), str(out), "--dry-run"])
    assert code == 0
    assert spec_path().read_bytes() == spec_before  # a dry run changes only its copy
    title = (out / "pr-title.txt").read_text()
    assert title.startswith("API drift: 9 changes to openapi.yaml (")
    assert (out / "pr-labels.txt").read_text().split() == [
        "api-drift",
        "needs-descriptions",
        "needs-mock-changes",
    ]
    body = (out / "pr-body.md").read_text()
    assert "## What still needs a person" in body
    assert "## The drift report" in body
    for operation, kind, where in EXPECTED.values():
        assert f"### {kind}: `{where}`" in body, (operation, kind)
    assert "Left out (no change of the spec can say these)" in body
    assert "era2026.py Era2026.status_body" in body  # the mock told, with the file to edit
    patch = (out / "openapi.patch").read_text()
    assert patch.startswith("--- a/openapi.yaml\n+++ b/openapi.yaml\n")
    assert "+        country:" in patch
    for path in out.iterdir():
        text = path.read_text()
        assert PLANTED_KEY not in text, path
        assert PLANTED_PASSWORD not in text, path


def test_no_drift_opens_nothing(clean_run: PlantedRun, tmp_path: Path) -> None:
    out = tmp_path / "pr"
    assert main(["drift", "pr", str(clean_run.report_path), str(out), "--dry-run"]) == NOTHING_TO_OPEN
    assert not (out / "pr-body.md").exists()
    assert (out / "openapi.patch").read_text() == ""


def test_drift_apply_on_the_command_line_twice(
    planted_run: PlantedRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "openapi.yaml"
    shutil.copyfile(spec_path(), target)
    command = ["drift", "apply", str(planted_run.report_path), "--spec", str(target), "--no-mock-told"]
    assert main(command) == 0
    first = capsys.readouterr().out
    assert f"{target}: 9 drift(s) applied" in first
    assert "Client: not regenerated: the generator reads openapi.yaml of the kit" in first
    changed = target.read_bytes()
    assert main(command) == 0
    assert "nothing to apply, the spec already says all of it" in capsys.readouterr().out
    assert target.read_bytes() == changed


def test_drift_apply_refuses_a_file_that_is_no_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "report.json"
    bad.write_text("not json")
    assert main(["drift", "apply", str(bad), "--spec", str(tmp_path / "x.yaml")]) == 2
    assert "is not JSON" in capsys.readouterr().err
