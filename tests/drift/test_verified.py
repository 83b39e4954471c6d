"""What a drift run verified: value drift (an error's wording) next to shape drift, the schema nodes no
answer populated (so a clean report says what it did not prove), and probes that can be overridden."""

import json
from pathlib import Path
from typing import Any

import pytest

from offcloud_drift.checks import Checker
from offcloud_drift.cli import main
from offcloud_drift.coverage import Coverage
from offcloud_drift.spec_examples import READING_OPERATIONS, example_calls
from offcloud_drift.spec_view import SpecView
from tests.drift.drifting import NEW_URL_WORDING, NEW_WORDING
from tests.drift.runs import PlantedRun, UpstreamFactory, run
from tests.drift.values import PLANTED_KEY

SPEC = SpecView.load()


def check(checker: Checker, path: str, status: int, body: Any) -> list[tuple[str, str]]:
    _, findings = checker.check("POST", path, status, "application/json", json.dumps(body).encode())
    return [(finding.kind, finding.where) for finding in findings]


def unpopulated(coverage: Coverage, operation: str) -> set[tuple[str, str]]:
    return {(node.kind, node.where) for node in coverage.unpopulated() if node.operation == operation}


def test_an_always_empty_array_is_listed_until_an_answer_fills_it() -> None:
    coverage = Coverage()
    checker = Checker(SPEC, "2026", coverage)
    assert check(checker, "/api/cache", 200, {"cachedItems": []}) == []
    assert ("items", "body.cachedItems[]") in unpopulated(coverage, "checkCache")
    assert ("status", "status 401") in unpopulated(coverage, "checkCache")
    check(checker, "/api/cache", 200, {"cachedItems": ["0123456789abcdef0123456789abcdef01234567"]})
    assert ("items", "body.cachedItems[]") not in unpopulated(coverage, "checkCache")


def test_optional_fields_enum_values_and_alternatives_never_seen_are_listed() -> None:
    coverage = Coverage()
    checker = Checker(SPEC, "2026", coverage)
    status = {
        "requestId": "5f1b2c3d4e5f60718293a4b7",
        "status": "downloading",
        "fileName": "x",
        "progress": 0.5,
        "message": "Downloading",
    }
    assert check(checker, "/api/cloud/status", 200, {"status": status}) == []
    nodes = {(node.kind, node.where, node.detail) for node in coverage.unpopulated()}
    assert ("property", "body.status.errorMessage", "") in nodes  # an optional field never present
    assert ("enum-value", "body.status.status", "canceled") in nodes
    assert ("enum-value", "body.status.status", "downloading") not in nodes
    assert ("branch", "body (ErrorBody)", "") in nodes  # the legacy error answer, never taken
    assert ("property", "body.status.progress", "") not in nodes


def test_error_wordings_are_checked_only_while_switched_on() -> None:
    checker = Checker(SPEC, "2026")
    reworded = {"error": NEW_WORDING}
    assert check(checker, "/api/cloud/status", 404, reworded) == []  # e.g. the contract suite's requests
    checker.check_wordings = True
    assert check(checker, "/api/cloud/status", 404, reworded) == [("error-wording", "status 404")]
    assert check(checker, "/api/cloud/status", 404, {"error": "Request not found"}) == []
    # A wording the spec gives elsewhere is no evidence of change: responses document one of several.
    assert check(checker, "/api/cloud/status", 404, {"error": "Bad archive"}) == []


def test_a_reworded_error_is_named_with_both_wordings(upstream: UpstreamFactory, tmp_path: Path) -> None:
    outcome = run(upstream(["error-wording"]), tmp_path, allow_writes=False)
    assert outcome.code == 1
    (finding,) = [f for op in outcome.report["operations"] for f in op["findings"]]
    assert finding["kind"] == "error-wording"
    assert f"answered 404 '{NEW_WORDING}', a wording no example of the spec gives" in finding["message"]
    assert "'Request not found'" in finding["message"]  # what the answer's examples say


def test_a_changed_array_item_type_is_named(upstream: UpstreamFactory, tmp_path: Path) -> None:
    outcome = run(upstream(["item-type"]), tmp_path, allow_writes=False)
    assert outcome.items == {("listSites", "type-mismatch", "body[].aliases[]")}
    (finding,) = [f for op in outcome.report["operations"] for f in op["findings"]]
    assert "body[].aliases[] is dict {'host': 'rg.to'}" in finding["message"]


def test_the_clean_report_says_nothing_drifted_and_what_it_did_not_prove(clean_run: PlantedRun) -> None:
    report = clean_run.report
    assert report["drift"] is False
    nodes = {(node["operation"], node["kind"], node["where"]) for node in report["never_populated"]}
    assert ("getCloudStatus", "branch", "body (ErrorBody)") in nodes
    assert ("getCloudStatus", "status", "status 401") in nodes
    markdown = clean_run.report_path.with_suffix(".md").read_text()
    assert "**Verdict: no drift.**" in markdown
    assert "## What the answers never showed" in markdown
    assert "- `getCloudStatus`: status never answered: `status 400`, `status 401`" in markdown


def test_the_probes_can_be_overridden(
    upstream: UpstreamFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFCLOUD_API_KEY", PLANTED_KEY)
    monkeypatch.delenv("OFFCLOUD_ALLOW_WRITES", raising=False)
    monkeypatch.setenv("DRIFT_PROBE_HASHES", "1111111111111111111111111111111111111111")
    base_url = upstream()
    probe = "cb2b4cfedce06e72a7792bfdfd05549df4ca5452"
    for name, extra in (("by-option", ["--probe-hash", probe]), ("by-environment", [])):
        folder = tmp_path / name
        command = ["drift", "--base-url", base_url, "--no-contract", "--record", str(folder)]
        assert main([*command, "--report", str(folder / "report"), *extra]) == 0
        # The spec's examples are asked first (with their own hashes), then the scripted flows' probe.
        recording = sorted(folder.glob("*-checkCache-*.json"))[-1]
        body = json.loads(recording.read_text())["request"]["body"]
        wanted = probe if extra else "1111111111111111111111111111111111111111"
        assert body == [["hashes", wanted]], name


def test_the_default_probes_are_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["drift", "--help"])
    shown = capsys.readouterr().out
    assert "default probes (each overridable)" in shown
    assert "dd8255ecdc7ca55fb0bbf81323d87062db1f6d1c" in shown
    assert "DRIFT_PROBE_HASHES" in shown


@pytest.mark.parametrize("era", ["2026", "legacy"])
def test_the_spec_examples_are_asked_and_a_mock_answers_each_as_written(
    upstream: UpstreamFactory, tmp_path: Path, era: str
) -> None:
    outcome = run(upstream(era=era), tmp_path, era=era)
    assert outcome.code == 0, outcome.messages
    examples = outcome.report["examples"]
    calls, _ = example_calls(SPEC, era, allow_writes=True)
    assert examples["asked"] == len(calls) > 5
    assert examples["as_written"] == examples["asked"], examples["otherwise"]
    assert sum(examples["left_out"].values()) > 0  # those with preconditions, said so
    markdown = (tmp_path / "drift-report.md").read_text()
    assert f"{examples['asked']} examples' requests sent" in markdown
    assert "needs the demo scenario's state or settings" in markdown


def test_a_read_only_run_asks_only_the_examples_of_reading_operations() -> None:
    assert {op.operation_id for op in SPEC.operations} >= READING_OPERATIONS
    for era in ("2026", "legacy"):
        reading, _ = example_calls(SPEC, era, allow_writes=False)
        writing, _ = example_calls(SPEC, era, allow_writes=True)
        assert reading
        assert {call.label.split(":")[0] for call in reading} <= READING_OPERATIONS
        extra = [call for call in writing if call not in reading]
        assert extra, "with writes allowed, the writing operations' refusals are asked too"
        assert all(set(call.value) == {"error"} for call in extra)  # refusals only: nothing is added


def test_a_reworded_refusal_only_an_example_asks_for_is_named(
    upstream: UpstreamFactory, tmp_path: Path
) -> None:
    # The scripted flows never send a url that is no link; the example `incorrectUrl` does.
    outcome = run(upstream(["url-wording"]), tmp_path)
    assert outcome.code == 1
    assert outcome.items == {("addCloudDownload", "error-wording", "status 400")}
    otherwise = outcome.report["examples"]["otherwise"]
    assert {
        "example": "addCloudDownload:400:incorrectUrl",
        "expected": "400 'Incorrect url'",
        "answered": f"400 {NEW_URL_WORDING!r}",
    } in otherwise
    markdown = (tmp_path / "drift-report.md").read_text()
    assert (
        f"`addCloudDownload:400:incorrectUrl`: 400 'Incorrect url' in the spec, 400 '{NEW_URL_WORDING}' here"
        in markdown
    )
