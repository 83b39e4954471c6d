"""The coverage matrix: for every operationId of the spec and every era, whether the spec gives it that
era (`x-offcloud-eras`), whether the generated client has it, whether a mock playing that era answers it
(and only then), which suites reached it against a server of that era (and how often it answered 2xx),
and how many of the spec's response examples of that operation and era the mock gave (all must be).
"""

import functools
import importlib.util
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offcloud_contract.support.coverage.reach import SUITES, ReachData, era_of_label
from offcloud_contract.support.mock_handles import ERAS
from offcloud_contract.support.spec.examples import spec_examples
from offcloud_contract.support.spec.openapi_document import SpecOperation, operations, operations_of_era

if TYPE_CHECKING:
    from offcloud_contract.support.targets.server_targets import Target

__all__ = [
    "Row",
    "answered_operations",
    "era_routes",
    "gaps",
    "matrix",
    "mock_operations",
    "render",
    "route_problems",
]

# What the client-vs-mock machine plays: only that era's operations are required of the `client` column.
CLIENT_ERAS = ("2026",)


@dataclass(frozen=True, slots=True)
class Row:
    operation_id: str
    era: str
    in_spec: bool  # the spec gives the operation this era
    in_client: bool
    in_mock: bool  # a mock playing this era answers it (not with the era's unknown-route page)
    reached: dict[str, tuple[int, int]]  # suite -> (2xx answers, all answers) against this era's servers
    examples: int = 0  # the spec's response examples of the operation in this era (`examples` must reach all)


def mock_operations() -> frozenset[str]:
    """The operationIds the mock routes in some era (its endpoints are `<API blueprint>.<operationId>`)."""
    from offcloud_contract.support.mock_handles import API_BLUEPRINTS, create_app

    app = create_app()
    return frozenset(
        rule.endpoint.partition(".")[2]
        for rule in app.url_map.iter_rules()
        if rule.endpoint.partition(".")[0] in API_BLUEPRINTS
    )


def _probe_path(operation: SpecOperation) -> str:
    return re.sub(r"\{[^}]+\}", "probe", operation.path)


def answered_operations(target: "Target") -> frozenset[str]:
    """The operations `target` answers: every operation of the spec is called once, and those answered
    with the era's unknown-route page (status and body of a path no era knows) are not routed there."""
    http = target.http()
    key = {"key": target.account.api_key}
    unknown = http.get("/no/such/route/anywhere", params=key)
    page = (unknown.status_code, unknown.content)
    answered = set()
    for operation in operations():
        response = http.request(operation.method, _probe_path(operation), params=key)
        if (response.status_code, response.content) != page:
            answered.add(operation.operation_id)
    return frozenset(answered)


def route_problems(target: "Target") -> list[str]:
    """Where a mock playing `target.era` disagrees with the spec's `x-offcloud-eras`: an operation of the
    era it does not answer, or one of another era it answers."""
    answered = answered_operations(target)
    given = {operation.operation_id for operation in operations_of_era(target.era)}
    return [
        *(
            f"{op} ({target.era}): not answered by a mock of the {target.era} era"
            for op in sorted(given - answered)
        ),
        *(
            f"{op} ({target.era}): answered by a mock of the {target.era} era, which the spec does not give it"
            for op in sorted(answered - given)
        ),
    ]


@functools.cache
def era_routes(era: str) -> frozenset[str]:
    """The operations a fresh mock playing `era` answers (see answered_operations)."""
    from offcloud_contract.support.targets.server_targets import inprocess_era_target

    target = inprocess_era_target(era)
    try:
        return answered_operations(target)
    finally:
        target.close()


def _client_has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def _examples_per_operation() -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for example in spec_examples():
        if example.operation is not None:
            for era in example.eras:
                key = (example.operation.operation_id, era)
                counts[key] = counts.get(key, 0) + 1
    return counts


def matrix(reach: ReachData, eras: tuple[str, ...] = ERAS) -> list[Row]:
    """A row per operation and era, for every era the spec gives it or a mock of that era answers it."""
    examples = _examples_per_operation()
    rows = []
    for era in eras:
        routed = era_routes(era)
        for operation in operations():
            in_spec = era in operation.eras
            if not in_spec and operation.operation_id not in routed:
                continue
            reached = {}
            for suite in SUITES:
                ok = every = 0
                for label, by_operation in reach.get(suite, {}).items():
                    if era_of_label(label) != era:
                        continue
                    for status, count in by_operation.get(operation.operation_id, {}).items():
                        every += count
                        ok += count if 200 <= status < 300 else 0
                reached[suite] = (ok, every)
            rows.append(
                Row(
                    operation.operation_id,
                    era,
                    in_spec,
                    _client_has(operation.client_module),
                    operation.operation_id in routed,
                    reached,
                    examples.get((operation.operation_id, era), 0),
                )
            )
    return rows


def _required(suite: str, era: str) -> bool:
    return suite != "client" or era in CLIENT_ERAS


def gaps(rows: list[Row], suites: tuple[str, ...] = SUITES) -> list[str]:
    """Every hole: an operation the client lacks, one a mock of its era does not answer or answers
    outside it, or one a suite never called against a server of that era."""
    found = []
    for row in rows:
        where = f"{row.operation_id} ({row.era})"
        if not row.in_spec:
            found.append(f"{where}: answered by a mock of the {row.era} era, which the spec does not give it")
            continue
        if not row.in_client:
            found.append(f"{where}: no module in the generated client")
        if not row.in_mock:
            found.append(f"{where}: not answered by a mock of the {row.era} era")
        found += [
            f"{where}: never called by the {suite} tests in the {row.era} era"
            for suite in suites
            if suite != "examples" and _required(suite, row.era) and row.reached[suite][1] == 0
        ]
        if "examples" in suites:
            reached = row.reached["examples"][0]
            if row.examples == 0:
                found.append(f"{where}: no response example in the spec for the {row.era} era")
            elif reached < row.examples:
                found.append(
                    f"{where}: {row.examples - reached} of its {row.examples} examples not given by the mock"
                )
    return found


def render(rows: list[Row]) -> str:
    """A text table; suite cells read `2xx answers/all answers`, `n/a` where a suite does not play the era;
    the `examples` cell `examples the mock gave/examples in the spec`."""
    header = ["operationId", "era", "spec", "client", "mock", *SUITES]
    body = [
        [
            row.operation_id,
            row.era,
            "yes" if row.in_spec else "NO",
            "yes" if row.in_client else "NO",
            "yes" if row.in_mock else "NO",
            *(_cell(row, suite) if _required(suite, row.era) else "n/a" for suite in SUITES),
        ]
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in [header, *body]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _cell(row: Row, suite: str) -> str:
    ok, every = row.reached[suite]
    if suite == "examples":
        return f"{ok}/{row.examples}"
    return f"{ok}/{every}" if every else "-"
