"""The final test of a session: every operation is in the spec, the client and the mock, was reached by
the stateless, stateful and client-vs-mock suites of this session, and the mock gave every one of its
response examples (it runs last, see conftest); and the examples column's own rule."""

import pytest

from offcloud_contract.conftest import suites_collected
from offcloud_contract.support.coverage.matrix import gaps, matrix, render
from offcloud_contract.support.coverage.reach import REACH, SUITES


@pytest.mark.coverage_matrix
def test_no_gaps(request: pytest.FixtureRequest) -> None:
    missing_suites = set(SUITES) - suites_collected(request.node)
    if missing_suites:
        pytest.skip(f"partial run: the {', '.join(sorted(missing_suites))} tests were not collected")
    rows = matrix(REACH.snapshot())
    table = render(rows)
    print("\n" + table)
    holes = gaps(rows)
    assert not holes, "coverage gaps:\n  " + "\n  ".join(holes) + "\n\n" + table


def test_an_example_the_mock_did_not_give_is_a_gap() -> None:
    """listProxies has two examples in 2026 (its list, and the shared NOAUTH answer it names)."""
    (row,) = (row for row in matrix({}, ("2026",)) if row.operation_id == "listProxies")
    assert row.examples == 2
    half = {"examples": {"inprocess:2026": {"listProxies": {200: 1, 0: 1}}}}
    (row,) = (row for row in matrix(half, ("2026",)) if row.operation_id == "listProxies")
    assert gaps([row], ("examples",)) == ["listProxies (2026): 1 of its 2 examples not given by the mock"]
    assert "1/2" in render([row])
    every = {"examples": {"inprocess:2026": {"listProxies": {200: 2}}}}
    (row,) = (row for row in matrix(every, ("2026",)) if row.operation_id == "listProxies")
    assert gaps([row], ("examples",)) == []
