"""`drift apply`: the report's changes written into a copy of the real openapi.yaml, reviewably.

The diff touches only the drifted nodes (every other line byte-identical, comments kept), a second run
changes nothing, what no spec change can say is left out and listed, and the changed spec describes the
drifting server: a second drift run against it finds nothing but what was left out.
"""

import datetime as dt
import difflib
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from generator import generate
from offcloud_drift.apply import apply_report, read_report
from offcloud_drift.patch import edit_from_json, seen_note
from offcloud_drift.spec_edit import RoundTrip
from offcloud_mock.spec import spec_path
from tests.drift.runs import PlantedRun, run

SPEC = spec_path()


def copy_of_spec(tmp_path: Path) -> Path:
    target = tmp_path / "openapi.yaml"
    shutil.copyfile(SPEC, target)
    return target


def report_edits(report: dict[str, Any]) -> list[Any]:
    return [
        edit_from_json(data)
        for operation in report["operations"]
        for finding in operation["findings"]
        for data in finding["edits"]
    ]


def span(document: Any, pointer: str) -> tuple[int, int]:
    """The 0-based lines [first, last) the node at `pointer` takes in the file, its key line included."""
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
    parents = [document]
    for token in tokens:
        parents.append(parents[-1][int(token) if isinstance(parents[-1], list) else token])
    first = parents[-2].lc.key(tokens[-1])[0]
    # The node ends where the next key of its parent (or of an ancestor) starts.
    for depth in range(len(tokens) - 1, -1, -1):
        parent, keys = parents[depth], list(parents[depth])
        index = keys.index(tokens[depth])
        if index + 1 < len(keys):
            return first, parent.lc.key(keys[index + 1])[0]
    return first, 10**9


def test_an_untouched_spec_round_trips_byte_for_byte() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert RoundTrip(text).text() == text


def test_the_ways_openapi_yaml_writes_things_round_trip() -> None:
    text = (
        "# a comment\n"
        "a:\n"
        "  given: [setup, {advance: 3}]  # a one-key mapping in a flow list keeps its braces\n"
        "  quoted: '^[0-9]+$'\n"
        '  double: "2026.11"\n'
        "  nothing: null\n"
        "  list:\n"
        "    - {type: string}\n"
        "  block: |\n"
        "    two\n"
        "    lines\n"
    )
    assert RoundTrip(text).text() == text


def test_the_diff_touches_only_the_drifted_nodes(planted_run: PlantedRun, tmp_path: Path) -> None:
    target = copy_of_spec(tmp_path)
    before = target.read_text(encoding="utf-8")
    applied = apply_report(planted_run.report, target)
    after = target.read_text(encoding="utf-8")
    assert applied.changed

    original = RoundTrip(before).document
    spans = [span(original, edit.pointer) for edit in report_edits(planted_run.report)]
    old, new = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    changed_lines = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changed_lines += max(i2 - i1, j2 - j1)
        # Every removed or replaced line, and every insertion point, lies inside a drifted node.
        assert any(first <= i1 and i2 <= last for first, last in spans), (old[i1:i2], new[j1:j2])
    assert 0 < changed_lines <= 80, changed_lines  # eight drifts, a few lines each
    # Comments kept: every comment line of the spec is still there, in the same order.
    comments = [line for line in old if line.lstrip().startswith("#")]
    assert [line for line in new if line.lstrip().startswith("#")] == comments
    validate(yaml.safe_load(after))  # still a valid OpenAPI 3.1 document


def test_new_and_changed_nodes_carry_the_seen_value_and_a_note(
    planted_run: PlantedRun, tmp_path: Path
) -> None:
    target = copy_of_spec(tmp_path)
    apply_report(planted_run.report, target)
    spec = yaml.safe_load(target.read_text(encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    note = seen_note(dt.date.fromisoformat(planted_run.report["date"]))
    assert schemas["Proxy"]["properties"]["country"] == {
        "description": note,
        "type": "string",
        "example": "FR",
    }
    renamed = schemas["CloudDownloadStatus"]["properties"]["filename"]
    assert renamed["description"] == f"Renamed from `fileName`. {note}"
    assert "fileName" not in schemas["CloudDownloadStatus"]["properties"]
    assert "filename" in schemas["CloudDownloadStatus"]["required"]
    assert "pending" in schemas["CloudDownloadState"]["enum"]
    assert f"`pending`: {note}" in schemas["CloudDownloadState"]["description"]
    alias = schemas["Site"]["properties"]["aliases"]["items"]["anyOf"]
    assert alias[0] == {"type": "string"}  # the documented type stays an alternative
    assert alias[1]["example"] == {"host": "rg.to"}
    assert alias[1]["description"] == note
    responses = spec["paths"]["/api/cache"]["post"]["responses"]
    assert responses["500"]["description"] == note
    not_found = spec["components"]["responses"]["NotFound"]["content"]["application/json"]["examples"]
    assert {example["value"]["error"] for example in not_found.values()} == {
        "Request not found",
        "Download not found",
    }


def test_applying_twice_changes_nothing_the_second_time(planted_run: PlantedRun, tmp_path: Path) -> None:
    target = copy_of_spec(tmp_path)
    first = apply_report(planted_run.report, target)
    once = target.read_bytes()
    second = apply_report(planted_run.report, target)
    assert first.changed
    assert first.applied
    assert not second.changed
    assert second.applied == []
    assert sorted(second.already) == sorted(first.applied)
    assert target.read_bytes() == once


def test_an_html_page_is_left_out_and_listed(planted_run: PlantedRun, tmp_path: Path) -> None:
    target = copy_of_spec(tmp_path)
    applied = apply_report(planted_run.report, target)
    (line,) = applied.left_out
    assert line.startswith("exploreCloudDownload: undocumented-content-type")
    assert "HTML page" in line
    explore = yaml.safe_load(target.read_text())["paths"]["/api/cloud/explore/{requestId}"]["get"]
    assert list(explore["responses"]["200"]["content"]) == ["application/json"]


def test_an_upstream_failure_is_left_out_and_listed(tmp_path: Path) -> None:
    report = {"operations": [], "upstream_failure_examples": ["upstream timed out (ReadTimeout)"]}
    applied = apply_report(report, copy_of_spec(tmp_path))
    assert applied.left_out == ["upstream failure, not the API: upstream timed out (ReadTimeout)"]
    assert not applied.changed


def test_the_undrifted_report_changes_nothing(clean_run: PlantedRun, tmp_path: Path) -> None:
    target = copy_of_spec(tmp_path)
    applied = apply_report(read_report(clean_run.report_path), target)
    assert not applied.changed
    assert applied.applied == []
    assert applied.left_out == []
    assert target.read_bytes() == SPEC.read_bytes()


def test_the_applied_spec_describes_the_drifting_server(planted_run: PlantedRun, tmp_path: Path) -> None:
    target = copy_of_spec(tmp_path)
    apply_report(planted_run.report, target)
    again = run(planted_run.base_url, tmp_path / "again", spec_path=target)
    # Only what was left out (the HTML page) still drifts.
    assert again.items == {("exploreCloudDownload", "undocumented-content-type", "status 200")}


def test_a_report_that_is_not_one_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}')
    with pytest.raises(ValueError, match="not a drift report"):
        read_report(bad)


def test_the_regenerated_client_changes_only_the_drifted_models_and_type_checks(
    planted_run: PlantedRun, tmp_path: Path
) -> None:
    target = copy_of_spec(tmp_path)
    apply_report(planted_run.report, target)
    fresh = generate.generate_into(tmp_path / "out", spec=target)  # a temp dir, never generated_client/
    changed = {difference.path for difference in generate.compare_trees(fresh, generate.OUTPUT)}
    drifted = {
        "offcloud_client/api/cache/check_cache.py",  # the new 500
        "offcloud_client/models/__init__.py",  # the new alternative's model is exported
        "offcloud_client/models/cloud_download.py",  # carries CloudDownloadState's description
        "offcloud_client/models/cloud_download_state.py",
        "offcloud_client/models/cloud_download_status.py",
        "offcloud_client/models/proxy.py",
        "offcloud_client/models/remote_account.py",
        "offcloud_client/models/site.py",
        "offcloud_client/models/site_aliases_item_type_1.py",
    }
    assert changed == drifted
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--config-file", str(config)]
    command += ["--cache-dir", str(tmp_path / "mypy-cache"), str(fresh / "offcloud_client")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)  # noqa: S603
    assert done.returncode == 0, done.stdout + done.stderr
