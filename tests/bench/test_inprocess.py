"""The in-process schemathesis section sends each era's operations to a mock of that era."""

from bench.inprocess import schemathesis_rate


def test_each_era_meets_its_own_mock_and_no_case_fails() -> None:
    result = schemathesis_rate(examples_per_operation=1)
    failing = result["operations_failing_checks"]
    assert isinstance(failing, list)
    # A legacy operation sent to the 2026 mock meets its unknown-route page and fails a check.
    assert (result["cases_failing_checks"], failing) == (0, [])
    statuses = result["statuses"]
    assert isinstance(statuses, dict)
    assert statuses.get("200", 0) > 0
