"""The drift report: `<prefix>.json` for machines, `<prefix>.md` for people, from what the proxy collected.

Per operation: each drift with how often it was seen, a redacted minimal example, and a suggested change
to openapi.yaml as a JSON Patch (RFC 6902, against the spec as it is) and as the YAML the changed node
would read, and the edits it is made of (what `drift apply` replays); then the operations of the era
the run never reached, the schema nodes no answer populated (what a clean report did not prove), and
every suggestion as one patch. Everything is passed through the redactor once more before it is written.
"""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

from offcloud_drift.collect import Collected, Item
from offcloud_drift.coverage import Coverage, Unpopulated, describe
from offcloud_drift.patch import Edit, apply_patch, edits_to_patch
from offcloud_drift.redact import Redactor
from offcloud_drift.spec_examples import ExampleOutcome
from offcloud_drift.spec_view import SpecView
from offcloud_mock.spec import escape_pointer, pointer_get

__all__ = ["build_report", "render_markdown", "write_report"]


class _Dumper(yaml.SafeDumper):
    """Multi-line strings as `|` blocks, as openapi.yaml writes its descriptions."""


def _str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _str)


def _shown_pointer(edit: Edit) -> str:
    if edit.action in ("add-response", "add-content", "add-operation"):
        return f"{edit.pointer}/{escape_pointer(edit.name)}"
    return edit.pointer


def _yaml_after(spec: SpecView, edits: tuple[Edit, ...], patch: list[dict[str, Any]]) -> str:
    """The nodes the change touches, as they would read in openapi.yaml afterwards."""
    try:
        after = apply_patch(spec.document, patch)
    except ValueError:
        return ""
    shown: dict[str, Any] = {}
    for edit in edits:
        pointer = _shown_pointer(edit)
        try:
            shown[pointer] = pointer_get(after, pointer)
        except (KeyError, IndexError, TypeError):
            continue
    return yaml.dump(shown, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100) if shown else ""


def _finding_entry(spec: SpecView, item: Item) -> dict[str, Any]:
    finding = item.finding
    patch = edits_to_patch(spec.document, list(finding.edits))
    return {
        "kind": finding.kind,
        "where": finding.where,
        "message": finding.message,
        "count": item.count,
        "example": item.example,
        "suggested_patch": patch,
        "suggested_yaml": _yaml_after(spec, finding.edits, patch),
        "edits": [edit.to_json() for edit in finding.edits],
    }


def build_report(
    spec: SpecView,
    era: str,
    collected: Collected,
    upstream: str,
    notes: list[str] | None = None,
    coverage: Coverage | None = None,
    examples: tuple[list[ExampleOutcome], dict[str, int]] | None = None,
) -> dict[str, Any]:
    order = {op.operation_id: index for index, op in enumerate(spec.operations)}
    by_operation: dict[str, list[Item]] = {}
    for item in collected.items:
        by_operation.setdefault(item.finding.operation, []).append(item)
    names = sorted(set(by_operation) | set(collected.reached), key=lambda n: (order.get(n, len(order)), n))
    operations = [
        {
            "operation": name,
            "statuses": {str(status): count for status, count in collected.reached.get(name, {}).items()},
            "findings": [_finding_entry(spec, item) for item in by_operation.get(name, [])],
        }
        for name in names
    ]
    in_era = [op.operation_id for op in spec.operations if op.in_era(era)]
    every_edit = [edit for item in collected.items for edit in item.finding.edits]
    unpopulated = coverage.unpopulated() if coverage is not None else []
    return {
        "upstream": upstream,
        "era": era,
        "date": dt.datetime.now(dt.UTC).date().isoformat(),
        "exchanges": collected.exchanges,
        "upstream_failures": len(collected.upstream_failures),
        "upstream_failure_examples": sorted(set(collected.upstream_failures))[:5],
        "drift": bool(collected.items),
        "drift_items": len(collected.items),
        "operations": operations,
        "unreached": sorted((op for op in in_era if op not in collected.reached), key=lambda n: order[n]),
        "patch": edits_to_patch(spec.document, every_edit),
        "notes": notes or [],
        "coverage_checked": coverage is not None,
        "never_populated": [node.to_json() for node in unpopulated],
        "examples": _examples_entry(examples),
    }


def _examples_entry(examples: tuple[list[ExampleOutcome], dict[str, int]] | None) -> dict[str, Any] | None:
    if examples is None:
        return None
    outcomes, left_out = examples
    return {
        "asked": len(outcomes),
        "as_written": sum(outcome.as_written for outcome in outcomes),
        "otherwise": [
            {"example": o.label, "expected": o.expected, "answered": o.answered}
            for o in outcomes
            if not o.as_written
        ],
        "left_out": dict(sorted(left_out.items())),
    }


def _fence(kind: str, text: str) -> list[str]:
    return [f"```{kind}", text.rstrip("\n"), "```"]


def render_markdown(report: dict[str, Any]) -> str:
    drifted = [op for op in report["operations"] if op["findings"]]
    lines = [
        f"# Drift report: {report['upstream']} against openapi.yaml ({report['era']} era)",
        "",
        f"{report['exchanges']} exchanges, {len(report['operations'])} operations seen, "
        f"{report['drift_items']} drift items in {len(drifted)} operations, "
        f"{report['upstream_failures']} upstream failures.",
        "",
        "**Verdict: the server drifted from the spec.**" if report["drift"] else "**Verdict: no drift.**",
        "",
    ]
    lines += [f"- {note}" for note in report["notes"]] + ([""] if report["notes"] else [])
    for op in drifted:
        statuses = ", ".join(f"{status} x{count}" for status, count in op["statuses"].items()) or "none"
        lines += [f"## {op['operation']}", "", f"Answers seen: {statuses}.", ""]
        for finding in op["findings"]:
            lines += [
                f"### {finding['kind']}: `{finding['where']}` (seen {finding['count']}x)",
                "",
                finding["message"],
                "",
                "Example (redacted):",
                "",
                *_fence("json", json.dumps(finding["example"], indent=2, sort_keys=True)),
                "",
            ]
            if finding["suggested_patch"]:
                lines += ["Suggested change to `openapi.yaml` (JSON Patch):", ""]
                lines += [*_fence("json", json.dumps(finding["suggested_patch"], indent=2)), ""]
            if finding["suggested_yaml"]:
                lines += ["which makes these nodes read (pointer: YAML):", ""]
                lines += [*_fence("yaml", finding["suggested_yaml"]), ""]
    lines += ["## Operations never reached", ""]
    lines += [f"- `{name}`" for name in report["unreached"]] or [
        "None: every operation of the era was reached."
    ]
    lines.append("")
    lines += _examples_asked(report)
    lines += _not_proven(report)
    if report["upstream_failure_examples"]:
        failures = [f"- {text}" for text in report["upstream_failure_examples"]]
        lines += ["## Upstream failures", "", *failures, ""]
    if report["patch"]:
        lines += ["## Every suggested change as one JSON Patch", ""]
        lines += [*_fence("json", json.dumps(report["patch"], indent=2)), ""]
        lines += [
            "`make drift-apply` (`offcloud-mock drift apply drift-report.json`) applies them to `openapi.yaml`, "
            "keeping its comments and layout, regenerates the client and says which parts of the mock no "
            "longer match; then describe the new nodes, `make test`, and commit the spec and the client together.",
            "",
        ]
    return "\n".join(lines)


def _examples_asked(report: dict[str, Any]) -> list[str]:
    """The spec's examples whose requests were sent, and those answered otherwise than written."""
    examples = report.get("examples")
    if not examples:
        return []
    lines = [
        "## The spec's examples asked",
        "",
        f"{examples['asked']} examples' requests sent (`x-offcloud-request`); {examples['as_written']} "
        "answered as the example shows (its status and, for an error, its wording).",
        "",
    ]
    if examples["otherwise"]:
        lines += [
            "Answered otherwise (not drift by itself: this account is not the demo scenario's; a wording "
            "the spec does not know is listed above as `error-wording`):",
            "",
            *[
                f"- `{item['example']}`: {item['expected']} in the spec, {item['answered']} here"
                for item in examples["otherwise"]
            ],
            "",
        ]
    if examples["left_out"]:
        lines += ["Not sent, the server cannot be asked them as written:", ""]
        lines += [f"- {count} {reason}" for reason, count in examples["left_out"].items()]
        lines.append("")
    return lines


def _not_proven(report: dict[str, Any]) -> list[str]:
    """The nodes no answer populated, one line per operation and kind: what a clean report did not prove."""
    if not report.get("coverage_checked"):
        return []
    nodes = [Unpopulated(**node) for node in report.get("never_populated", [])]
    lines = ["## What the answers never showed", ""]
    if not nodes:
        return [*lines, "Every field, array, alternative, enum value and status met was populated.", ""]
    lines += [
        "The answers fit the spec, but these nodes of the answers seen were never populated, so the run "
        "says nothing about them:",
        "",
    ]
    grouped: dict[str, dict[str, list[str]]] = {}
    for node in nodes:
        shown = f"`{node.where}`" + (f" `{node.detail}`" if node.kind == "enum-value" else "")
        grouped.setdefault(node.operation, {}).setdefault(node.kind, []).append(shown)
    for operation, kinds in grouped.items():
        parts = [f"{describe(kind)}: {', '.join(items)}" for kind, items in kinds.items()]
        lines.append(f"- `{operation}`: " + "; ".join(parts))
    return [*lines, ""]


def write_report(report: dict[str, Any], prefix: str, redactor: Redactor) -> tuple[Path, Path]:
    clean = redactor.strings(report)
    json_path, md_path = Path(f"{prefix}.json"), Path(f"{prefix}.md")
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(
        json.dumps(clean, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    md_path.write_text(redactor.text(render_markdown(clean)) + "\n", encoding="utf-8")
    return json_path, md_path
