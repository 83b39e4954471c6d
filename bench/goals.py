"""The issue's goals, judged PASS or MISS against a run's results (reported, never asserted).

Each goal reads the results as written to JSON, so a saved run can be judged again. A goal whose
numbers were not measured in this run (a section left out, Prism not installed) is N/A.
"""

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["Verdict", "judge", "lookup"]


@dataclass(frozen=True, slots=True)
class Verdict:
    goal: str
    verdict: str  # PASS, MISS, N/A or INFO (a number to state, with no bar to clear)
    measured: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def lookup(results: Any, *keys: str) -> float | None:
    """results[k1][k2]... as a number, None when any step is missing or the value is not a number."""
    value = results
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        return None
    return float(value)


def _ratio_goal(
    results: Any,
    goal: str,
    path: tuple[str, ...],
    passes: Callable[[float], bool],
    show: Callable[[float], str],
    short: Callable[[float], str] | None = None,
) -> Verdict:
    median = lookup(results, *path, "median")
    if median is None:
        return Verdict(goal, "N/A", "not measured in this run")
    low, high = lookup(results, *path, "low"), lookup(results, *path, "high")
    measured = show(median)
    if low is not None and high is not None and lookup(results, *path, "runs") not in (None, 1.0):
        # A cost falls as the ratio rises, so its range is written from the high ratio to the low one.
        brief = short or show
        first, last = (high, low) if short else (low, high)
        measured += f" (runs {brief(first)} to {brief(last)})"
    return Verdict(goal, "PASS" if passes(median) else "MISS", measured)


def _times(value: float) -> str:
    return f"{value:.2f}x"


def _cost_only(value: float) -> str:
    return f"{(1 - value) * 100:+.0f}%"


def _cost(value: float) -> str:
    # A negative cost is the noise of a busy machine: validation cannot make the mock faster.
    return f"cost {_cost_only(value)} (on/off {value:.2f}x)"


def _share(value: float) -> str:
    return f"{value * 100:.0f}%"


# The servers the throughput goals are judged for: (the bench's name, its name in the goal, its
# bare-WSGI ceiling). "mock" is the CLI as a user starts it, so it follows the CLI's default server.
SERVERS = (
    ("mock", "default server", "bare-wsgi"),
    ("mock-waitress", "--server waitress", "bare-wsgi-waitress"),
)


def _server_goals(results: Any, name: str, label: str, ceiling: str) -> list[Verdict]:
    ratios = ("http", "ratios")
    add = "@add"
    return [
        _ratio_goal(
            results,
            f"{label}: >= 1.5x Prism's req/s at 8 connections, the mix",
            (*ratios, f"{name}/prism rps", "8"),
            lambda r: r >= 1.5,
            _times,
        ),
        _ratio_goal(
            results,
            f"{label}: p99 no higher than Prism's at 8 connections, the mix (its p99/Prism's)",
            (*ratios, f"{name}/prism p99", "8"),
            lambda r: r <= 1.0,
            _times,
        ),
        _ratio_goal(
            results,
            f"{label}: >= 1.5x Prism's req/s at 8 connections, POST /api/cloud alone",
            (*ratios, f"{name}{add}/prism{add} rps", "8"),
            lambda r: r >= 1.5,
            _times,
        ),
        _ratio_goal(
            results,
            f"{label}: p99 no higher than Prism's at 8 connections, POST /api/cloud alone",
            (*ratios, f"{name}{add}/prism{add} p99", "8"),
            lambda r: r <= 1.0,
            _times,
        ),
        *(
            _ratio_goal(
                results,
                f"{label}: no fewer req/s than Prism at {count} connection{'s' if count > 1 else ''}, the mix",
                (*ratios, f"{name}/prism rps", str(count)),
                lambda r: r >= 1.0,
                _times,
            )
            for count in (1, 32)
        ),
        _ratio_goal(
            results,
            f"{label}: >= 60% of the bare-WSGI ceiling on the same server, 8 connections",
            (*ratios, f"{name}/{ceiling} rps", "8"),
            lambda r: r >= 0.6,
            _share,
        ),
    ]


def _idle_cpu(results: Any) -> list[Verdict]:
    """An idle server's CPU use, each server of the run (the bar: it rests, under 2% of a core)."""
    found = results.get("http", {}).get("idle_cpu_percent", {}) if isinstance(results, dict) else {}
    verdicts = []
    for name, numbers in found.items():
        high = lookup(numbers, "high")
        if high is not None:
            verdicts.append(
                Verdict(
                    f"{name} idle: under 2% of one core",
                    "PASS" if high < 2 else "MISS",
                    f"at most {high:.1f}%",
                )
            )
    return verdicts


def _endpoint_lines(results: Any) -> list[Verdict]:
    found = results.get("endpoints")
    if not isinstance(found, dict):
        return []
    lines = []
    for era, items in found["eras"].items():
        medians = sorted(item["us_per_call"]["median"] for item in items)
        worst = max(items, key=lambda item: item["us_per_call"]["median"])
        lines.append(
            Verdict(
                f"every {era} operation timed in-process (no bar): slowest, and the median of all",
                "INFO",
                f"{len(items)} operations; {worst['operation']} {worst['us_per_call']['median']:.0f} us, "
                f"median {medians[len(medians) // 2]:.0f} us",
            )
        )
    return lines


def _fixture_goals(results: Any) -> list[Verdict]:
    cost = ("fixture", "cost_ms")
    verdicts = [
        _ratio_goal(
            results,
            "the offcloud_mock fixture costs <= 1 ms per test in-process (median, over a plain test)",
            (*cost, "offcloud offcloud_mock"),
            lambda ms: ms <= 1.0,
            lambda ms: f"{ms:.3f} ms",
        )
    ]
    ours = lookup(results, *cost, "offcloud offcloud_mock", "median")
    theirs = lookup(results, *cost, "httpx httpx_mock", "median")
    live = lookup(results, *cost, "offcloud offcloud_mock live", "median")
    if ours is not None and theirs is not None:
        verdicts.append(
            Verdict(
                "beside pytest-httpx on this machine (no bar): offcloud_mock; httpx_mock; offcloud_mock live",
                "INFO",
                f"{ours:.3f} ms; {theirs:.3f} ms; {live if live is not None else float('nan'):.3f} ms",
            )
        )
    return verdicts


def judge(results: Any) -> list[Verdict]:
    ratios = ("http", "ratios")
    verdicts = [
        goal for name, label, ceiling in SERVERS for goal in _server_goals(results, name, label, ceiling)
    ]
    verdicts += [
        _ratio_goal(
            results,
            "request validation costs <= 15% of throughput at 8 connections",
            (*ratios, "mock/mock-novalidation rps", "8"),
            lambda r: r >= 0.85,
            _cost,
            _cost_only,
        ),
        _ratio_goal(
            results,
            "generated-client call <= 1.3x the raw httpx call (medians)",
            ("inprocess", "client", "ratio"),
            lambda r: r <= 1.3,
            _times,
        ),
        _ratio_goal(
            results,
            "status poll p50 at 100,000 downloads within 10% of that at 100",
            ("scale", "largest_over_smallest_p50"),
            lambda r: r <= 1.10,
            _times,
        ),
    ]
    verdicts += _fixture_goals(results)
    verdicts += _idle_cpu(results)
    flask = lookup(results, "http", "ratios", "mock/flask-minimal rps", "8", "median")
    floor = lookup(results, "http", "ratios", "flask-minimal/bare-wsgi rps", "8", "median")
    if flask is not None and floor is not None:
        verdicts.append(
            Verdict(
                "ceiling context, 8 connections: minimal Flask app / bare WSGI; mock / minimal Flask app",
                "INFO",
                f"{floor * 100:.0f}%; {flask * 100:.0f}%",
            )
        )
    cpu = lookup(results, "scale", "largest_over_smallest_cpu_p50", "median")
    if cpu is not None:
        verdicts.append(
            Verdict(
                "status poll CPU time at 100,000 over that at 100 (no bar; the check on the wall figure)",
                "INFO",
                _times(cpu),
            )
        )
    shipped = lookup(results, "profile", "variants", "as shipped", "best_us_per_request")
    unvalidated = lookup(results, "profile", "variants", "request validation off", "best_us_per_request")
    if shipped and unvalidated is not None:
        verdicts.append(
            Verdict(
                "request validation's share of a request's CPU time, in-process (no bar; steadier than HTTP)",
                "INFO",
                f"{(shipped - unvalidated) / shipped * 100:+.0f}% ({shipped:.0f} vs {unvalidated:.0f} us, best passes)",
            )
        )
    verdicts += _endpoint_lines(results)
    per_download = lookup(results, "scale", "bytes_per_download")
    verdicts.append(
        Verdict(
            "memory per download (RSS growth / downloads, at 100,000)",
            "INFO" if per_download is not None else "N/A",
            f"{per_download:,.0f} bytes" if per_download is not None else "not measured in this run",
        )
    )
    return verdicts
