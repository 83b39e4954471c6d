"""Percentiles, medians and spread: the arithmetic every section shares, kept pure so it is tested."""

import math
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass

__all__ = ["Spread", "percentile", "ratio", "spread"]


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation between closest ranks (numpy's default).

    Interpolation rather than nearest-rank so that p99 of a few hundred samples does not jump between
    two samples as one more arrives.
    """
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"q must be within 0..100, not {q}")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    lower = math.floor(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


@dataclass(frozen=True, slots=True)
class Spread:
    """How one quantity came out over several runs: the median and how far the runs lay apart."""

    median: float
    low: float
    high: float
    rel_stdev: float  # sample stdev / mean; 0 for a single run
    runs: int

    def as_dict(self) -> dict[str, float]:
        return {key: float(value) for key, value in asdict(self).items()}

    def describe(self, fmt: str = "{:,.0f}") -> str:
        """`1,234 (1,100-1,300)`: the median, then min-max when there was more than one run."""
        text = fmt.format(self.median)
        if self.runs > 1:
            text += f" ({fmt.format(self.low)}-{fmt.format(self.high)})"
        return text


def spread(values: Sequence[float]) -> Spread:
    if not values:
        raise ValueError("spread of no values")
    mean = statistics.fmean(values)
    stdev = statistics.stdev(values) if len(values) > 1 else 0.0
    return Spread(
        median=statistics.median(values),
        low=min(values),
        high=max(values),
        rel_stdev=stdev / mean if mean else 0.0,
        runs=len(values),
    )


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, NaN (shown as n/a) when the denominator is zero or not a number."""
    if not denominator or math.isnan(denominator) or math.isnan(numerator):
        return math.nan
    return numerator / denominator
