"""The final test of a session: every operation is in the spec, the client and the mock, and was reached
by the stateless, stateful and client-vs-mock suites of this session (it runs last, see conftest)."""

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
