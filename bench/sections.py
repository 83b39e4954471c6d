"""Running the chosen sections with the chosen sizes; each returns the JSON-ready dict of its results."""

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench import tools
from bench.endpoints import run_endpoints
from bench.fixture import run_fixture
from bench.generation import run_generation
from bench.http_load import ADD_ONLY, HttpOutcome, LoadFn, make_load_fn, run_servers
from bench.inprocess import client_versus_raw, schemathesis_rate
from bench.lineup import (
    BARE,
    BARE_WAITRESS,
    FLASK,
    MOCK,
    MOCK_WAITRESS,
    NOVALIDATION,
    PRISM,
    comparison_specs,
    main_specs,
)
from bench.profiling import run_profile
from bench.scale import run_scale
from bench.stats import spread

__all__ = ["DEFAULT_SECTIONS", "SECTIONS", "Options", "run_section"]

SECTIONS = ("http", "inprocess", "endpoints", "fixture", "scale", "generate", "profile", "servers")
# `servers` (the mock under other servers, for the recommendations) takes as long as `http`: opt-in.
DEFAULT_SECTIONS = ("http", "inprocess", "endpoints", "fixture", "scale", "generate", "profile")


@dataclass(frozen=True, slots=True)
class Options:
    runs: int
    duration_s: float
    connections: tuple[int, ...]
    examples_per_operation: int
    client_calls: int
    scale_polls: int
    profile_requests: int
    profile_passes: int
    endpoint_calls: int
    fixture_tests: int

    @classmethod
    def make(
        cls, quick: bool, runs: int | None, duration_s: float | None, connections: tuple[int, ...]
    ) -> "Options":
        return cls(
            runs=runs or (1 if quick else 3),
            duration_s=duration_s or (2.0 if quick else 5.0),
            connections=connections,
            examples_per_operation=5 if quick else 20,
            client_calls=500 if quick else 2000,
            scale_polls=500 if quick else 2000,
            profile_requests=500 if quick else 1000,
            profile_passes=5 if quick else 15,
            endpoint_calls=50 if quick else 300,
            fixture_tests=100 if quick else 400,
        )


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _load_fn() -> tuple[LoadFn, str]:
    wrk = tools.ensure_wrk()
    if wrk is None:
        _log("wrk unavailable: using the asyncio load generator")
        return make_load_fn(None, "")
    return make_load_fn(wrk, tools.wrk_version(wrk))


def _ratios(
    outcome: HttpOutcome, pairs: list[tuple[str, str, str]], connections: tuple[int, ...]
) -> dict[str, object]:
    found: dict[str, object] = {}
    for numerator, denominator, metric in pairs:
        per_connections = {}
        for count in connections:
            paired = outcome.paired_ratio(numerator, denominator, count, metric)
            if paired is not None:
                per_connections[str(count)] = paired.as_dict()
        found[f"{numerator}/{denominator} {metric.removesuffix('_ms')}"] = per_connections
    return found


def _http(options: Options) -> dict[str, object]:
    load, generator = _load_fn()
    prism = tools.ensure_prism()
    outcome = run_servers(
        main_specs(prism),
        load,
        runs=options.runs,
        concurrencies=options.connections,
        duration_s=options.duration_s,
    )
    pairs = [(MOCK, PRISM, "rps"), (MOCK, PRISM, "p99_ms"), (MOCK, NOVALIDATION, "rps"), (MOCK, BARE, "rps")]
    pairs += [(MOCK, FLASK, "rps"), (FLASK, BARE, "rps")]
    pairs += [(MOCK_WAITRESS, MOCK, "rps"), (MOCK_WAITRESS, PRISM, "rps"), (MOCK_WAITRESS, PRISM, "p99_ms")]
    pairs += [(MOCK_WAITRESS, BARE_WAITRESS, "rps")]
    # POST /api/cloud alone, each mock server against Prism
    pairs += [
        (server + ADD_ONLY, PRISM + ADD_ONLY, metric)
        for server in (MOCK, MOCK_WAITRESS)
        for metric in ("rps", "p99_ms")
    ]
    return {
        **outcome.to_json(),
        "generator": generator,
        "prism_version": tools.prism_version() if prism else None,
        "ratios": _ratios(outcome, pairs, options.connections),
    }


def _servers(options: Options) -> dict[str, object]:
    load, generator = _load_fn()
    extras = tools.ensure_extras()
    specs = comparison_specs(extras, tools.ensure_prism())
    outcome = run_servers(
        specs, load, runs=options.runs, concurrencies=options.connections, duration_s=options.duration_s
    )
    others = [spec.name for spec in specs if spec.name not in (MOCK, PRISM)]
    ceilings = (BARE, FLASK, "wsgi-flask", "wsgi-bare")
    pairs = [(name, MOCK, "rps") for name in others if name not in ceilings]
    # Each way of serving against its own ceilings: what a bare app and any Flask app reach served alike.
    pairs += [(MOCK, BARE, "rps"), (FLASK, BARE, "rps"), (MOCK, FLASK, "rps")]
    pairs += [(name, "wsgi-bare", "rps") for name in ("granian-wsgi-2", "granian-wsgi-1", "wsgi-flask")]
    pairs += [(name, "wsgi-flask", "rps") for name in ("granian-wsgi-2", "granian-wsgi-1")]
    pairs += [(name, FLASK, "rps") for name in ("granian-tuned", "granian-bound") if name in others]
    # Against Prism too: would serving the mock this way meet the Prism goals?
    pairs += [
        (name, PRISM, metric)
        for name in (MOCK, *others)
        if name not in ceilings
        for metric in ("rps", "p99_ms")
    ]
    return {
        **outcome.to_json(),
        "generator": generator,
        "ratios": _ratios(outcome, pairs, options.connections),
    }


def _inprocess(options: Options) -> dict[str, object]:
    rates = [schemathesis_rate(options.examples_per_operation) for _ in range(options.runs)]
    clients = [client_versus_raw(options.client_calls) for _ in range(options.runs)]

    def numbers(items: list[dict[str, object]], *path: str) -> list[float]:
        values = []
        for item in items:
            value: object = item
            for key in path:
                value = value[key] if isinstance(value, dict) else None
            if isinstance(value, int | float):
                values.append(float(value))
        return values

    return {
        "schemathesis": {"cases_per_s": spread(numbers(rates, "cases_per_s")).as_dict(), "runs": rates},
        "client": {
            "ratio": spread(numbers(clients, "ratio")).as_dict(),
            "generated_p50_us": spread(numbers(clients, "generated_us", "p50")).as_dict(),
            "raw_p50_us": spread(numbers(clients, "raw_us", "p50")).as_dict(),
            "runs": clients,
        },
    }


def _profile(options: Options) -> dict[str, object]:
    extras = tools.ensure_extras()
    if extras is not None and str(extras) not in sys.path:
        sys.path.append(str(extras))  # appended: nothing there may shadow a package of the venv
    return run_profile(options.profile_requests, options.profile_passes, orjson=extras is not None)


_RUNNERS: dict[str, Callable[[Options], dict[str, object]]] = {
    "http": _http,
    "servers": _servers,
    "inprocess": _inprocess,
    "endpoints": lambda options: run_endpoints(options.runs, options.endpoint_calls),
    "fixture": lambda options: run_fixture(options.runs, options.fixture_tests),
    "scale": lambda options: run_scale(options.runs, options.scale_polls),
    "generate": lambda options: run_generation(options.runs),
    "profile": _profile,
}


def run_section(name: str, options: Options) -> dict[str, object]:
    """Run one section; its results with how long it took and the machine's load around it."""
    load_before = os.getloadavg()
    started = time.monotonic()
    _log(f"section {name}")
    found = _RUNNERS[name](options)
    return {
        **found,
        "section_seconds": time.monotonic() - started,
        "loadavg_1min_before_after": [load_before[0], os.getloadavg()[0]],
    }
