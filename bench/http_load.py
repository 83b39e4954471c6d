"""Sections 1-3 (and the server comparison): servers under load on loopback, one load at a time.

Loads are interleaved: in each round every server runs (fresh, all at once, idle but for the one under
load), and each load (the mix at each concurrency, then POST /api/cloud alone) is run on every server back
to back, each round starting one server further on. A change of speed of a shared machine then hits the
loads a paired ratio compares alike: they are seconds apart. Each server gets its downloads created over
HTTP, a one-request preflight of each kind (a 4xx there would make the load meaningless, and is
reported), its idle CPU sampled, and one second of warm-up before the round's loads.
"""

import dataclasses
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field

import httpx

from bench.asyncload import GENERATOR as ASYNC_GENERATOR
from bench.asyncload import run_async_load
from bench.load import LoadResult
from bench.mix import INVALID, MixRequest, build_add_cycle, build_cycle, preflight, prepare
from bench.proc_cpu import tree_cpu_s
from bench.servers import RunningServer, ServerSpec, start_server
from bench.stats import Spread, ratio, spread
from bench.wrk import run_wrk

__all__ = ["ADD_ONLY", "Cell", "HttpOutcome", "LoadFn", "make_load_fn", "run_servers"]

LoadFn = Callable[[str, Sequence[MixRequest], int, float, str], LoadResult]
_WARMUP_S = 1.0
_IDLE_S = 1.5  # how long each server's idle CPU is sampled, before its warm-up
ADD_ONLY = "@add"  # suffix of a server's cells under the `POST /api/cloud` alone workload
ADD_ONLY_CONNECTIONS = 8


def make_load_fn(wrk: str | None, wrk_label: str) -> tuple[LoadFn, str]:
    """wrk when it is there, else the asyncio generator; and the name of the one chosen."""
    if wrk is not None:

        def with_wrk(
            base: str, cycle: Sequence[MixRequest], conns: int, secs: float, nonce: str
        ) -> LoadResult:
            return run_wrk(wrk, wrk_label, base, cycle, connections=conns, duration_s=secs, nonce=nonce)

        return with_wrk, wrk_label

    def with_asyncio(
        base: str, cycle: Sequence[MixRequest], conns: int, secs: float, nonce: str
    ) -> LoadResult:
        return run_async_load(base, cycle, connections=conns, duration_s=secs, nonce=nonce)

    return with_asyncio, ASYNC_GENERATOR


@dataclass(slots=True)
class Cell:
    """One server at one concurrency, over the runs."""

    server: str
    connections: int
    results: dict[int, LoadResult] = field(default_factory=dict)  # by run, so runs pair up across servers

    def summary(self) -> dict[str, object]:
        results = list(self.results.values())
        return {
            "server": self.server,
            "connections": self.connections,
            "generator": sorted({r.generator for r in results}),
            "rps": spread([r.rps for r in results]).as_dict(),
            "p50_ms": spread([r.p50_ms for r in results]).as_dict(),
            "p99_ms": spread([r.p99_ms for r in results]).as_dict(),
            "server_cpu_us": _spread_of([r.server_cpu_us for r in results]),
            "errors": sum(r.errors for r in results),
            "error_kinds": _summed([r.error_kinds for r in results]),
            "runs": {run: r.as_dict() for run, r in self.results.items()},
        }


@dataclass(slots=True)
class HttpOutcome:
    cells: dict[tuple[str, int], Cell] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    preflight: dict[str, dict[str, int]] = field(default_factory=dict)
    rss_kb: dict[str, list[int]] = field(default_factory=dict)  # server's RSS after each round
    idle_cpu_percent: dict[str, list[float]] = field(default_factory=dict)  # of one core, per round
    skipped: dict[str, str] = field(default_factory=dict)

    def result(self, server: str, connections: int, run: int) -> LoadResult | None:
        cell = self.cells.get((server, connections))
        return cell.results.get(run) if cell else None

    def paired_ratio(
        self, numerator: str, denominator: str, connections: int, metric: str = "rps"
    ) -> Spread | None:
        """numerator/denominator of one metric, run by run (runs of one round are minutes apart at most,
        so a change of machine load cancels out), over the runs where both were measured."""
        ratios = []
        for run, top in cell.results.items() if (cell := self.cells.get((numerator, connections))) else ():
            bottom = self.result(denominator, connections, run)
            if bottom is not None:
                ratios.append(ratio(_metric(top, metric), _metric(bottom, metric)))
        return spread(ratios) if ratios else None

    def to_json(self) -> dict[str, object]:
        return {
            "servers": self.labels,
            "cells": [cell.summary() for cell in self.cells.values()],
            "preflight": self.preflight,
            "server_rss_kb": self.rss_kb,
            "idle_cpu_percent": {
                name: spread(values).as_dict() for name, values in self.idle_cpu_percent.items() if values
            },
            "skipped": self.skipped,
        }


def _summed(counts: list[dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for one in counts:
        for kind, count in one.items():
            total[kind] = total.get(kind, 0) + count
    return total


def _spread_of(values: list[float | None]) -> dict[str, float] | None:
    known = [value for value in values if value is not None]
    return spread(known).as_dict() if known else None


def _metric(result: LoadResult, metric: str) -> float:
    return {"rps": result.rps, "p50_ms": result.p50_ms, "p99_ms": result.p99_ms}[metric]


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _measured(
    server: RunningServer,
    load: LoadFn,
    cycle: Sequence[MixRequest],
    connections: int,
    secs: float,
    nonce: str,
) -> LoadResult:
    """One load, with the server's CPU time per request."""
    before = tree_cpu_s(server.process.pid)
    result = load(server.base_url, cycle, connections, secs, nonce)
    after = tree_cpu_s(server.process.pid)
    if before is None or after is None or not result.requests:
        return result
    return dataclasses.replace(result, server_cpu_us=(after - before) / result.requests * 1e6)


def _idle_cpu_percent(server: RunningServer) -> float | None:
    before = tree_cpu_s(server.process.pid)
    time.sleep(_IDLE_S)
    after = tree_cpu_s(server.process.pid)
    return None if before is None or after is None else (after - before) / _IDLE_S * 100


@dataclass(frozen=True, slots=True)
class _Ready:
    spec: ServerSpec
    server: RunningServer
    cycle: list[MixRequest]


def _ready(spec: ServerSpec, server: RunningServer, run: int, load: LoadFn, outcome: HttpOutcome) -> _Ready:
    """Downloads created, one request of each kind checked, idle CPU sampled, one second of warm-up."""
    with httpx.Client(base_url=server.base_url, timeout=10) as client:
        cycle = build_cycle(prepare(client))
        statuses = preflight(client, cycle)
    outcome.preflight[spec.name] = statuses
    if any(status >= 400 for kind, status in statuses.items() if kind != INVALID):
        _log(f"{spec.name}: preflight answered {statuses}; its numbers include error answers")
    idle = _idle_cpu_percent(server)
    if idle is not None:
        outcome.idle_cpu_percent.setdefault(spec.name, []).append(idle)
    load(server.base_url, cycle, 8, _WARMUP_S, f"warm{run}")
    return _Ready(spec, server, cycle)


def _round(
    specs: Sequence[ServerSpec],
    run: int,
    load: LoadFn,
    concurrencies: Sequence[int],
    duration_s: float,
    outcome: HttpOutcome,
) -> None:
    """Every server started at once (idle, each uses no CPU: the bench reports it), then each load run
    on every server back to back, so the loads a paired ratio compares are seconds apart, not minutes:
    on a machine whose speed drifts (a shared host), the ratios of one round stay comparable."""
    with ExitStack() as stack:
        ready: list[_Ready] = []
        for spec in specs:
            if spec.name in outcome.skipped:
                continue
            try:
                server = stack.enter_context(start_server(spec))
                ready.append(_ready(spec, server, run, load, outcome))
            except (RuntimeError, OSError, httpx.HTTPError) as error:
                # One server that cannot start must not sink the others' numbers: say so and go on.
                outcome.skipped[spec.name] = str(error)[-500:]
                _log(f"{spec.name} skipped: {error}")
        loads = [("mix", connections) for connections in concurrencies] + [("add", ADD_ONLY_CONNECTIONS)]
        for workload, connections in loads:
            for one in ready:
                name = one.spec.name + (ADD_ONLY if workload == "add" else "")
                requests = build_add_cycle() if workload == "add" else one.cycle
                nonce = f"r{run}c{connections}{workload}"
                result = _measured(one.server, load, requests, connections, duration_s, nonce)
                cell = outcome.cells.setdefault((name, connections), Cell(name, connections))
                cell.results[run] = result
                _log(
                    f"run {run + 1} {name:<26} c={connections:<3} {result.rps:8,.0f} req/s "
                    f"p50 {result.p50_ms:6.2f} ms p99 {result.p99_ms:7.2f} ms errors {result.errors} "
                    f"server CPU {result.server_cpu_us or 0:5.0f} us/req"
                )
        for one in ready:
            rss = one.server.rss_kb()
            if rss is not None:
                outcome.rss_kb.setdefault(one.spec.name, []).append(rss)


def run_servers(
    specs: Sequence[ServerSpec],
    load: LoadFn,
    *,
    runs: int,
    concurrencies: Sequence[int],
    duration_s: float,
) -> HttpOutcome:
    outcome = HttpOutcome(labels={spec.name: spec.label for spec in specs})
    for run in range(runs):
        started = time.monotonic()
        # Each round starts one server further on, so that no server always goes first in a load or
        # always right after Prism; the paired ratios then carry no position bias.
        _round(
            [*specs[run % len(specs) :], *specs[: run % len(specs)]],
            run,
            load,
            concurrencies,
            duration_s,
            outcome,
        )
        _log(f"run {run + 1} took {time.monotonic() - started:.0f} s")
    return outcome
