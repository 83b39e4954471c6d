"""The mock told: which of its answers no longer match openapi.yaml, and where in its code each is built.

After the spec changes (by `drift apply`, or by hand), the mock of each era is driven with the drift
flows (reads and writes, on the demo scenario, in-process on 127.0.0.1) through the drift proxy, which
holds every answer to the changed spec. Two lists come out, grouped by era, operation and field, each
line naming the route handler and the presenter methods that build the answer
(`mock_server/offcloud_mock/http/presenters/`: `base.py`, `legacy.py`, `era2026.py`):

* **must change**: answers the spec now refuses (a new required field the mock does not send, a renamed
  field, a type the spec no longer allows);
* **the mock does not send this yet**: nodes the change added (given the report's edits) that no answer
  of the mock populated: a new optional field, an enum value it never uses, a new alternative of a
  type, a status it never answers.

Exit code of the command: 0 nothing must change, 1 something must, 2 the run could not happen.
"""

import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from offcloud_drift.coverage import describe
from offcloud_drift.mock_bridge import demo_account, mock_app
from offcloud_drift.mock_map import Builders, mock_map
from offcloud_drift.patch import Edit, bare_schema
from offcloud_drift.run import DriftSettings, run_drift
from offcloud_drift.spec_view import SpecView
from offcloud_mock.eras import ERAS
from offcloud_mock.serving.waitress_server import serve_in_thread
from offcloud_mock.spec import escape_pointer

__all__ = ["Told", "changed_nodes", "tell_mock"]


@dataclass(frozen=True, slots=True)
class Line:
    era: str
    operation: str
    where: str
    what: str
    builders: Builders
    status_node: bool = False  # a status or media type: the handler answers it, not a presenter

    def render(self) -> list[str]:
        places = ([str(self.builders.handler)] if self.status_node and self.builders.handler else []) or [
            str(place) for place in self.builders.presenters
        ]
        if not places and self.builders.handler is not None:
            places = [str(self.builders.handler)]
        shown = "; ".join(places) or "no route of the mock answers this operation"
        return [f"  - `{self.operation}` `{self.where}`: {self.what}", f"    edit: {shown}"]


@dataclass(slots=True)
class Told:
    must_change: list[Line] = field(default_factory=list)
    not_sent: list[Line] = field(default_factory=list)
    unreached: dict[str, list[str]] = field(default_factory=dict)  # era -> operations never answered
    failures: list[str] = field(default_factory=list)  # eras whose run could not happen

    def text(self) -> str:
        lines = ["The mock told (its answers held to the spec, era by era):"]
        if not (self.must_change or self.not_sent or self.failures):
            lines.append(
                "  nothing: every answer of the mock matches the spec, and it sends every changed node."
            )
        if self.must_change:
            lines.append("Must change (the spec refuses these answers of the mock):")
            lines += [text for line in self.must_change for text in _with_era(line)]
        if self.not_sent:
            lines.append("The mock does not send this yet (new in the spec, in none of its answers):")
            lines += [text for line in self.not_sent for text in _with_era(line)]
        for era, operations in self.unreached.items():
            if operations:
                lines.append(f"Never answered by the {era} mock: {', '.join(operations)}")
        lines += [f"Could not run: {failure}" for failure in self.failures]
        return "\n".join(lines)

    @property
    def code(self) -> int:
        if self.failures:
            return 2
        return 1 if self.must_change else 0


def _with_era(line: Line) -> list[str]:
    first, *rest = line.render()
    return [first.replace(f"`{line.operation}`", f"{line.era} `{line.operation}`", 1), *rest]


def changed_nodes(spec: SpecView, edits: Sequence[Edit]) -> list[tuple[str, str, str]]:
    """The coverage nodes (pointer, kind, detail) that the edits added to the spec."""
    nodes: list[tuple[str, str, str]] = []
    for edit in edits:
        p = edit.pointer
        if edit.action == "add-property":
            nodes.append((f"{p}/properties/{escape_pointer(edit.name)}", "property", ""))
        elif edit.action == "add-enum":
            value = edit.value if isinstance(edit.value, str) else json.dumps(edit.value)
            nodes.append((p, "enum-value", value))
        elif edit.action == "add-response":
            nodes.append((f"{p}/{escape_pointer(edit.name)}", "status", ""))
        elif edit.action == "add-content":
            nodes.append((f"{p}/{escape_pointer(edit.name)}", "content", ""))
        elif edit.action == "widen":
            node, pointer = spec.resolve(spec.get(p), p)
            branches = node.get("anyOf") if isinstance(node, dict) else None
            for index, branch in enumerate(branches or []):
                if bare_schema(branch) == bare_schema(edit.value):
                    nodes.append((f"{pointer}/anyOf/{index}", "branch", ""))
    return nodes


def _new_operations(spec: SpecView, edits: Sequence[Edit]) -> set[str]:
    """The operations the edits added, or added to an era: the mock should answer them now."""
    pointers = {edit.pointer for edit in edits if edit.action == "merge-list"}
    for edit in edits:
        if edit.action == "add-operation" and edit.pointer == "/paths":  # a new path, its methods
            methods = edit.value if isinstance(edit.value, dict) else {}
            pointers |= {f"/paths/{escape_pointer(edit.name)}/{method}" for method in methods}
        elif edit.action == "add-operation":  # a new method of a known path
            pointers.add(f"{edit.pointer}/{edit.name}")
    return {route.operation_id for route in spec.operations if route.pointer in pointers}


def _run_era(era: str, spec_path: Path | None, folder: Path, say: Callable[[str], None]) -> dict[str, Any]:
    demo = demo_account()
    served = serve_in_thread(mock_app(None, era=era, clock_speed=1000.0), threads=4)
    try:
        settings = DriftSettings(
            upstream=served.base_url,
            api_key=demo.api_key,
            era=era,
            report_prefix=str(folder / f"mock-{era}"),
            allow_writes=True,
            email=demo.email,
            password=demo.password,
            write_url=demo.magnet,
            poll_seconds=0.02,
            contract=False,
            spec_path=spec_path,
        )
        code = run_drift(settings, lambda message: None)
    finally:
        served.stop()
    report_path = folder / f"mock-{era}.json"
    if code == 2 or not report_path.exists():
        say(f"the {era} mock could not be driven (exit {code})")
        return {}
    report: dict[str, Any] = json.loads(report_path.read_text(encoding="utf-8"))
    return report


def tell_mock(
    spec_path: Path | None = None,
    edits: Sequence[Edit] = (),
    eras: Sequence[str] = ERAS,
    say: Callable[[str], None] = lambda message: None,
) -> Told:
    """Drive the mock of each era against `spec_path` (default: the kit's openapi.yaml)."""
    spec = SpecView.load(spec_path)
    # A renamed field is a finding of the run already (the mock sends the old name).
    wanted = changed_nodes(spec, [edit for edit in edits if edit.action != "rename-property"])
    new_operations = _new_operations(spec, edits)
    places = mock_map()
    told = Told()
    with tempfile.TemporaryDirectory(prefix="offcloud-mock-told-") as scratch:
        for era in eras:
            report = _run_era(era, spec_path, Path(scratch), say)
            if not report:
                told.failures.append(f"the {era} mock")
                continue
            for operation in report["operations"]:
                name = operation["operation"]
                for finding in operation["findings"]:
                    told.must_change.append(
                        Line(
                            era,
                            name,
                            finding["where"],
                            f"{finding['kind']}: {finding['message']}",
                            places.builders(name, era),
                            status_node=finding["where"].startswith("status"),
                        )
                    )
            for node in report.get("never_populated", []):
                if (node["pointer"], node["kind"], node["detail"]) in wanted:
                    what = describe(node["kind"])
                    told.not_sent.append(
                        Line(
                            era,
                            node["operation"],
                            node["where"],
                            f"{what}: `{node['detail']}`" if node["kind"] == "enum-value" else what,
                            places.builders(node["operation"], era),
                            status_node=node["kind"] in ("status", "content"),
                        )
                    )
            told.unreached[era] = [name for name in report.get("unreached", []) if name in new_operations]
    return told
