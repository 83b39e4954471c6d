"""`drift pr REPORT.json OUTDIR`: what the nightly workflow's pull request is made of, written to OUTDIR.

It applies the report (`loop.apply_and_tell`: spec edited in place, client regenerated, mock told) and
writes the pull request's parts for the workflow to commit, push and hand to `gh`:

* `pr-title.txt`, `pr-body.md` (what was applied and left out, what still needs a person, then the drift
  report itself, all redacted once more), `pr-labels.txt` (one a line: `api-drift`, and
  `needs-descriptions` / `needs-mock-changes` for what a person must still do);
* `openapi.patch`: the spec's change as a unified diff, for reviewing without git.

`--dry-run` changes nothing outside OUTDIR: the report is applied to a copy of the spec in OUTDIR and
the client is not regenerated, so a test can check every part. Exit code 0 with a pull request to open,
3 when the report changed nothing (no pull request), 2 for a bad report.
"""

import difflib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from offcloud_drift.apply import read_report
from offcloud_drift.loop import Outcome, apply_and_tell, render_applied
from offcloud_drift.redact import Redactor
from offcloud_drift.report import render_markdown

__all__ = ["BODY_LIMIT", "NOTHING_TO_OPEN", "prepare_pull_request"]

BODY_LIMIT = 60_000  # GitHub refuses a pull request body over 65,536 characters
NOTHING_TO_OPEN = 3
LABEL_DRIFT = "api-drift"
LABEL_DESCRIPTIONS = "needs-descriptions"
LABEL_MOCK = "needs-mock-changes"


def labels(outcome: Outcome) -> list[str]:
    found = [LABEL_DRIFT]
    if outcome.applied.changed:
        found.append(LABEL_DESCRIPTIONS)  # every changed node says "Seen from the server ..., describe it"
    if outcome.told is not None and (outcome.told.must_change or outcome.told.not_sent):
        found.append(LABEL_MOCK)
    return found


def body(report: dict[str, object], outcome: Outcome, spec_name: str) -> str:
    parts = [
        "The nightly drift run found the server answering differently from `openapi.yaml`. This pull "
        f"request applies the suggested changes to `{spec_name}` (comments and layout kept) and "
        "regenerates the client.",
        "",
        "## What still needs a person",
        "",
        '- Describe every node marked "Seen from the server on DATE, describe it." (label '
        f"`{LABEL_DESCRIPTIONS}`).",
    ]
    if outcome.told is not None and (outcome.told.must_change or outcome.told.not_sent):
        parts.append(f"- Change the mock as listed below (label `{LABEL_MOCK}`).")
    parts += ["", "## Applied", "", "```text", render_applied(outcome, Path(spec_name)), "```", ""]
    report_text = render_markdown(report)
    room = BODY_LIMIT - sum(len(part) + 1 for part in parts) - 200
    if len(report_text) > room:
        report_text = (
            report_text[:room] + "\n\n(The report is cut here; the workflow's artifact has all of it.)"
        )
    parts += ["## The drift report", "", report_text.replace("\n# ", "\n### ", 1)]
    return "\n".join(parts) + "\n"


def prepare_pull_request(
    report_path: Path,
    out: Path,
    spec: Path,
    *,
    dry_run: bool = False,
    generate: bool = True,
    say: Callable[[str], None] = print,
) -> int:
    report = read_report(report_path)
    out.mkdir(parents=True, exist_ok=True)
    target = spec
    if dry_run:
        target = out / spec.name
        shutil.copyfile(spec, target)
    before = target.read_text(encoding="utf-8")
    outcome = apply_and_tell(report_path, target, generate=generate and not dry_run, say=say)
    after = target.read_text(encoding="utf-8")
    redactor = Redactor([os.environ.get("OFFCLOUD_API_KEY", ""), os.environ.get("OFFCLOUD_PASSWORD", "")])
    diff = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{spec.name}", f"b/{spec.name}"
    )
    (out / "openapi.patch").write_text(redactor.text("".join(diff)), encoding="utf-8")
    say(render_applied(outcome, target))
    if not outcome.applied.changed:
        for name in ("pr-title.txt", "pr-body.md", "pr-labels.txt"):
            (out / name).unlink(missing_ok=True)
        say("nothing to open: the report changes nothing in the spec")
        return NOTHING_TO_OPEN
    count = len(outcome.applied.applied)
    title = (
        f"API drift: {count} change{'s' if count != 1 else ''} to {spec.name} ({report.get('date', 'today')})"
    )
    (out / "pr-title.txt").write_text(title + "\n", encoding="utf-8")
    (out / "pr-body.md").write_text(redactor.text(body(report, outcome, spec.name)), encoding="utf-8")
    (out / "pr-labels.txt").write_text("\n".join(labels(outcome)) + "\n", encoding="utf-8")
    say(f"pull request parts in {out}: pr-title.txt, pr-body.md, pr-labels.txt, openapi.patch")
    return 0
