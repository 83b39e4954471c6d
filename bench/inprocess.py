"""Section 4, in-process (no sockets): schemathesis over each era's operations, and the generated client's cost.

schemathesis: every operation of each era, positive cases only, a fixed number of examples per operation,
seeded (derandomize) so every run generates the same cases; each case is called over WSGI against a mock
of the operation's era (both eras' when both answer it) and its response checked. Cases per second
include generating the data, which is most of the time; the time inside call+check is reported beside it.

Generated client versus raw httpx: the same status poll of the same app over the same
httpx.WSGITransport, in alternating blocks so that drift hits both alike; per-call medians.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from bench import DEMO_KEY, REPO_ROOT
from bench.stats import percentile, ratio

__all__ = ["client_versus_raw", "schemathesis_rate"]

_BLOCK = 100


@dataclass(slots=True)
class _Tally:
    cases: int = 0
    failing_checks: int = 0
    seconds_in_calls: float = 0.0
    statuses: dict[str, int] = field(default_factory=dict)
    failing_operations: set[str] = field(default_factory=set)


def _exercise(operation: Any, examples: int, tally: _Tally, era: str) -> None:
    """Run `examples` generated cases of one operation against the bound app (a mock of `era`)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

    # Left to the contract tests, which know what these checks cannot read from the spec: which
    # refusals of schema-valid data are right (an unknown remoteOptionId: 400), and the legacy server's
    # way of refusing a missing key (HTTP 200 `{"error": "NOAUTH"}`).
    excluded = [positive_data_acceptance, *([ignored_auth] if era == "legacy" else [])]

    @given(operation.as_strategy(query={"key": DEMO_KEY}))
    @settings(
        max_examples=examples,
        database=None,  # no .hypothesis/ written, no replay of earlier failures: same work every run
        deadline=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def one(case: Any) -> None:
        started = time.perf_counter()
        response = case.call()
        try:
            case.validate_response(response, excluded_checks=excluded)
        except (Exception, BaseExceptionGroup):
            # A check's verdict (schemathesis' FailureGroup is a BaseExceptionGroup), not a crash: counted
            # here; the contract tests own correctness.
            tally.failing_checks += 1
            tally.failing_operations.add(f"{era}: {operation.label}")
        tally.seconds_in_calls += time.perf_counter() - started
        tally.cases += 1
        status = str(response.status_code)
        tally.statuses[status] = tally.statuses.get(status, 0) + 1

    one()


def _in_era(operation: Any, era: str) -> bool:
    """Whether the server of `era` answers the operation (`x-offcloud-eras`; absent: every era)."""
    return era in operation.definition.raw.get("x-offcloud-eras", (era,))


def schemathesis_rate(examples_per_operation: int) -> dict[str, object]:
    """Each era's operations against a mock of that era: an operation another era answers would only
    meet this era's unknown-route page, and count as a failed check that says nothing."""
    import schemathesis
    from schemathesis.core.result import Ok

    from offcloud_mock.eras import ERAS
    from offcloud_mock.http.app import create_app
    from offcloud_mock.settings import MockConfig

    # Loaded and built before the clock starts: the rate is of cases alone. One schema an era, as
    # schemathesis keeps the operations it made, each with the app the schema had then.
    schemas = {}
    for era in ERAS:
        schemas[era] = schemathesis.openapi.from_path(str(REPO_ROOT / "openapi.yaml"))
        schemas[era].app = create_app(MockConfig(era=era))
    tally = _Tally()
    started = time.perf_counter()
    unloadable = 0
    for era, schema in schemas.items():
        for result in schema.get_all_operations():
            if not isinstance(result, Ok):  # one schemathesis cannot read: the spec tests report it
                unloadable += 1
            elif _in_era(result.ok(), era):
                _exercise(result.ok(), examples_per_operation, tally, era)
    elapsed = time.perf_counter() - started
    return {
        "examples_per_operation": examples_per_operation,
        "operations_not_loaded": unloadable,
        "cases": tally.cases,
        "seconds": elapsed,
        "cases_per_s": tally.cases / elapsed if elapsed else 0.0,
        "seconds_in_call_and_checks": tally.seconds_in_calls,
        "statuses": dict(sorted(tally.statuses.items())),
        "cases_failing_checks": tally.failing_checks,
        "operations_failing_checks": sorted(tally.failing_operations),
    }


def _timed(call: Callable[[], object], count: int, into: list[float]) -> None:
    for _ in range(count):
        started = time.perf_counter_ns()
        call()
        into.append((time.perf_counter_ns() - started) / 1000)


def client_versus_raw(calls: int) -> dict[str, object]:
    from offcloud_client import Client
    from offcloud_client.api.cloud import get_cloud_status
    from offcloud_client.models import RequestIdForm

    from offcloud_mock.http.app import create_app

    app = create_app()
    base = "http://mock.test"
    raw = httpx.Client(transport=httpx.WSGITransport(app=app), base_url=base)
    generated = Client(
        base_url=base, api_key=DEMO_KEY, httpx_args={"transport": httpx.WSGITransport(app=app)}
    )
    added = raw.post("/api/cloud", params={"key": DEMO_KEY}, data={"url": "https://files.example.com/a.bin"})
    request_id = added.json()["requestId"]
    form = RequestIdForm(request_id=request_id)

    def call_generated() -> object:
        response = get_cloud_status.sync_detailed(client=generated, body=form)
        if response.status_code != 200:
            raise RuntimeError(f"generated client call answered {response.status_code}")
        return response.parsed

    def call_raw() -> object:
        response = raw.post("/api/cloud/status", params={"key": DEMO_KEY}, data={"requestId": request_id})
        if response.status_code != 200:
            raise RuntimeError(f"raw call answered {response.status_code}")
        return response.json()  # the raw caller decodes too: the comparison is client versus no client

    generated_us: list[float] = []
    raw_us: list[float] = []
    _timed(call_generated, _BLOCK, [])  # warm-up of both, not kept
    _timed(call_raw, _BLOCK, [])
    while len(generated_us) < calls:
        _timed(call_generated, _BLOCK, generated_us)
        _timed(call_raw, _BLOCK, raw_us)
    raw.close()
    medians = {
        name: percentile(values, 50) for name, values in (("generated", generated_us), ("raw", raw_us))
    }
    return {
        "calls_each": len(generated_us),
        "generated_us": {"p50": medians["generated"], "p99": percentile(generated_us, 99)},
        "raw_us": {"p50": medians["raw"], "p99": percentile(raw_us, 99)},
        "ratio": ratio(medians["generated"], medians["raw"]),
    }
