"""The coverage matrix: for every operationId of the spec, whether the generated client has it, the mock
implements it, and which suites reached it (and how often it answered 2xx there)."""

import importlib.util
from dataclasses import dataclass

from contract_tests.support.openapi_document import operations
from contract_tests.support.reach import SUITES, ReachData

__all__ = ["Row", "gaps", "matrix", "mock_operations", "render"]


@dataclass(frozen=True, slots=True)
class Row:
    operation_id: str
    in_client: bool
    in_mock: bool
    reached: dict[str, tuple[int, int]]  # suite -> (2xx answers, all answers)


def mock_operations() -> frozenset[str]:
    """The operationIds the mock routes (its endpoints are named `<API blueprint>.<operationId>`)."""
    from contract_tests.support.mock_handles import API_BLUEPRINTS, create_app

    app = create_app()
    return frozenset(
        rule.endpoint.partition(".")[2]
        for rule in app.url_map.iter_rules()
        if rule.endpoint.partition(".")[0] in API_BLUEPRINTS
    )


def _client_has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def matrix(reach: ReachData) -> list[Row]:
    routed = mock_operations()
    rows = []
    for operation in operations():
        reached = {}
        for suite in SUITES:
            ok = every = 0
            for by_operation in reach.get(suite, {}).values():
                for status, count in by_operation.get(operation.operation_id, {}).items():
                    every += count
                    ok += count if 200 <= status < 300 else 0
            reached[suite] = (ok, every)
        rows.append(
            Row(
                operation.operation_id,
                _client_has(operation.client_module),
                operation.operation_id in routed,
                reached,
            )
        )
    return rows


def gaps(rows: list[Row], suites: tuple[str, ...] = SUITES) -> list[str]:
    """Every hole: an operation the client or the mock lacks, or one a suite never called."""
    found = []
    for row in rows:
        if not row.in_client:
            found.append(f"{row.operation_id}: no module in the generated client")
        if not row.in_mock:
            found.append(f"{row.operation_id}: not implemented by the mock")
        found += [
            f"{row.operation_id}: never called by the {suite} tests"
            for suite in suites
            if row.reached[suite][1] == 0
        ]
    return found


def render(rows: list[Row]) -> str:
    """A text table; suite cells read `2xx answers/all answers`."""
    header = ["operationId", "spec", "client", "mock", *SUITES]
    body = [
        [
            row.operation_id,
            "yes",
            "yes" if row.in_client else "NO",
            "yes" if row.in_mock else "NO",
            *(f"{ok}/{every}" if every else "-" for ok, every in (row.reached[suite] for suite in SUITES)),
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
