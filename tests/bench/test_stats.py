"""The bench's arithmetic: percentiles, spread over runs, ratios."""

import math

import pytest

from bench.stats import percentile, ratio, spread


def test_percentile_interpolates_between_closest_ranks() -> None:
    values = [4.0, 1.0, 3.0, 2.0]  # unsorted on purpose
    assert percentile(values, 0) == 1.0
    assert percentile(values, 100) == 4.0
    assert percentile(values, 50) == pytest.approx(2.5)
    assert percentile(values, 99) == pytest.approx(3.97)


def test_percentile_of_one_value_is_that_value() -> None:
    assert percentile([7.0], 99) == 7.0


@pytest.mark.parametrize("q", [-1, 101])
def test_percentile_rejects_out_of_range(q: float) -> None:
    with pytest.raises(ValueError, match=r"within 0\.\.100"):
        percentile([1.0], q)


def test_percentile_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)


def test_spread_reports_median_range_and_relative_stdev() -> None:
    found = spread([100.0, 110.0, 90.0])
    assert (found.median, found.low, found.high, found.runs) == (100.0, 90.0, 110.0, 3)
    assert found.rel_stdev == pytest.approx(0.1)
    assert found.describe() == "100 (90-110)"


def test_spread_of_one_run_has_no_range_text() -> None:
    found = spread([1234.0])
    assert found.rel_stdev == 0.0
    assert found.describe() == "1,234"


def test_ratio_is_nan_when_the_denominator_is_missing() -> None:
    assert ratio(3.0, 2.0) == 1.5
    assert math.isnan(ratio(3.0, 0.0))
    assert math.isnan(ratio(math.nan, 2.0))
