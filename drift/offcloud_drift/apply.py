"""`offcloud-mock drift apply REPORT.json`: the report's suggested changes written into openapi.yaml.

Each finding's edits are replayed against the spec as it is now (not as it was when the report was
made), so a change already made makes no operation: applying a report twice changes nothing the second
time. The file is edited in place (`spec_edit`): comments, key order, quoting and layout kept. Every new
or changed node gets the value the server answered as its `example` and "Seen from the server on DATE,
describe it" in its description, for a person to replace with what it means.

Left out, and listed: what no change of the spec can say, i.e. an HTML page where JSON was due (the
server's front answering, e.g. a 503 maintenance page), an answer that was not JSON, and upstream
failures (timeouts, refused connections).
"""

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from offcloud_drift.patch import Edit, edit_from_json, ops_for, seen_note
from offcloud_drift.spec_edit import RoundTrip, add_note, plain
from offcloud_mock.spec import escape_pointer

__all__ = ["Applied", "apply_report", "read_report"]

_PAGE_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(slots=True)
class Applied:
    changed: bool = False
    applied: list[str] = field(default_factory=list)  # one line per finding written into the spec
    already: list[str] = field(default_factory=list)  # findings the spec already says
    left_out: list[str] = field(default_factory=list)  # findings no change of the spec can say
    edits: list[Edit] = field(default_factory=list)  # the edits that changed the spec


def read_report(path: Path) -> dict[str, Any]:
    """A drift report's JSON; ValueError when it is not one `make drift` wrote."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path} is not JSON: {error}") from error
    if not isinstance(report, dict) or not isinstance(report.get("operations"), list):
        raise ValueError(f"{path} is not a drift report (no operations)")
    return report


def _day(report: dict[str, Any]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(report.get("date", "")))
    except ValueError:
        return None


def _left_out_because(finding: dict[str, Any], edits: list[Edit]) -> str:
    example = finding.get("example") or {}
    media = str(example.get("content_type", ""))
    if media in _PAGE_TYPES or any(_adds_page(edit) for edit in edits):
        return f"an HTML page ({example.get('status', '?')}), the server's front rather than the API"
    if finding.get("kind") == "invalid-json":
        return "an answer that is not JSON"
    if not edits:
        return "no change of the spec says this"
    return ""


def _adds_page(edit: Edit) -> bool:
    if edit.action == "add-content":
        return edit.name in _PAGE_TYPES
    if edit.action == "add-response" and isinstance(edit.value, dict):
        return any(media in _PAGE_TYPES for media in edit.value.get("content") or {})
    return False


def _annotate(spec: RoundTrip, edit: Edit, note: str) -> None:
    """The changed node gets the seen value as its example and the note in its description."""
    p = edit.pointer
    if edit.action == "add-property":
        node = spec.get(f"{p}/properties/{escape_pointer(edit.name)}")
        add_note(node, note)
        _example(node, edit.seen)
    elif edit.action == "rename-property":
        node = spec.get(f"{p}/properties/{escape_pointer(edit.other)}")
        add_note(node, f"Renamed from `{edit.name}`. {note}")
        _example(node, edit.seen)
    elif edit.action == "add-enum":
        add_note(spec.get(p), f"`{edit.value}`: {note}")
    elif edit.action == "widen":
        node = spec.get(p)
        branches = node.get("anyOf") if isinstance(node, dict) else None
        if isinstance(branches, list) and branches:
            add_note(branches[-1], note)
            _example(branches[-1], edit.seen)


def _example(node: Any, seen: Any) -> None:
    if isinstance(node, dict) and seen is not None and "example" not in node:
        node["example"] = seen


def apply_report(report: dict[str, Any], spec_path: Path) -> Applied:
    """Write the report's changes into `spec_path` (only when something changes); what was done."""
    original = spec_path.read_text(encoding="utf-8")
    spec = RoundTrip(original)
    note = seen_note(_day(report))
    result = Applied()
    for operation in report["operations"]:
        for finding in operation.get("findings") or []:
            name = f"{operation['operation']}: {finding['kind']} at `{finding['where']}`"
            edits = [edit_from_json(data) for data in finding.get("edits") or []]
            why = _left_out_because(finding, edits)
            if why:
                result.left_out.append(f"{name}: {why}")
                continue
            changed = False
            for edit in edits:
                ops = ops_for(plain(spec.document), edit)
                if ops:
                    spec.apply(ops)
                    _annotate(spec, edit, note)
                    result.edits.append(edit)
                    changed = True
            (result.applied if changed else result.already).append(name)
    for failure in report.get("upstream_failure_examples") or []:
        result.left_out.append(f"upstream failure, not the API: {failure}")
    text = spec.text()
    if text != original:
        spec_path.write_text(text, encoding="utf-8")
        result.changed = True
    return result
