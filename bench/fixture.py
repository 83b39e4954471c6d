"""What the pytest fixture costs a user's test, beside pytest-httpx's `httpx_mock`, timed the same way.

A throw-away project holds `tests` tests of each kind, interleaved (one of each kind, then the next),
run by one `python -m pytest` process; a conftest times each test's whole protocol (setup, call,
teardown) with `perf_counter`:

* `plain`: no fixture: what pytest itself costs a test, subtracted from the others;
* `offcloud_mock`: the fixture, in-process, nothing else; `offcloud_mock live`: the same, live;
* `offcloud_mock + 1 request`: the fixture and one POST /api/proxy through `offcloud_mock.http()`;
* `httpx_mock`: pytest-httpx's fixture, nothing else; `httpx_mock + 1 request`: one mocked answer
  registered and requested through an `httpx.Client`, as a pytest-httpx user does.

The offcloud kinds and the httpx kinds run in two processes (pytest-httpx only in the second: it is a
bench-only package, installed into .cache/, never into the venv), each with its own plain tests. A
kind's cost is its median per-test time minus the plain median of the same process; the mean cost
(of every test but the first) and the first test are reported too: the first test of a kind pays the
imports and the building of the app (or the start of the server) once for the session.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import tools
from bench.stats import spread

__all__ = ["KINDS", "run_fixture", "test_file"]

_CONFTEST = """
import json, os, time
from pathlib import Path

import pytest

TIMES = {}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    started = time.perf_counter()
    try:
        return (yield)
    finally:
        TIMES[item.name] = time.perf_counter() - started


def pytest_sessionfinish(session):
    Path(os.environ["BENCH_FIXTURE_TIMES"]).write_text(json.dumps(TIMES))
"""

# group -> kind -> (slug, the test's text): each test is named test_<number>_<slug>.
KINDS: dict[str, dict[str, tuple[str, str]]] = {
    "offcloud": {
        "plain": ("plain", "def test_{n}_plain():\n    pass\n"),
        "offcloud_mock": ("offcloud", "def test_{n}_offcloud(offcloud_mock):\n    pass\n"),
        "offcloud_mock live": (
            "live",
            "@pytest.mark.offcloud_mock(live=True)\ndef test_{n}_live(offcloud_mock):\n    pass\n",
        ),
        "offcloud_mock + 1 request": (
            "offcloud_request",
            "def test_{n}_offcloud_request(offcloud_mock):\n"
            "    answer = offcloud_mock.http().post('/api/proxy', params={{'key': offcloud_mock.api_key}})\n"
            "    assert answer.status_code == 200\n",
        ),
    },
    "httpx": {
        "plain": ("plain", "def test_{n}_plain():\n    pass\n"),
        "httpx_mock": ("httpx", "def test_{n}_httpx(httpx_mock):\n    pass\n"),
        "httpx_mock + 1 request": (
            "httpx_request",
            "def test_{n}_httpx_request(httpx_mock):\n"
            "    httpx_mock.add_response(url='http://mock.test/api/proxy', json={{'list': []}})\n"
            "    with httpx.Client(verify=False) as client:\n"
            "        assert client.post('http://mock.test/api/proxy').status_code == 200\n",
        ),
    },
}


def test_file(group: str, tests: int) -> str:
    """The test module of one group: `tests` tests of each of its kinds, interleaved."""
    parts = ["import httpx\nimport pytest\n"]
    for n in range(tests):
        parts += [template.format(n=f"{n:05d}") for _, template in KINDS[group].values()]
    return "\n\n".join(parts)


def _kind_of(test_name: str, group: str) -> str:
    slug = test_name.split("_", 2)[2]
    return next(kind for kind, (known, _) in KINDS[group].items() if known == slug)


def _run_group(group: str, tests: int, extra_path: Path | None) -> dict[str, list[float]]:
    """Per-test seconds by kind, in test order."""
    with tempfile.TemporaryDirectory(prefix="bench-fixture-") as folder:
        project = Path(folder)
        (project / "conftest.py").write_text(_CONFTEST, encoding="utf-8")
        (project / "test_cost.py").write_text(test_file(group, tests), encoding="utf-8")
        times_path = project / "times.json"
        env = {**os.environ, "BENCH_FIXTURE_TIMES": str(times_path)}
        if extra_path is not None:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), str(extra_path)]))
        argv = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly"]
        done = subprocess.run(  # noqa: S603 - this interpreter, a project written above
            [*argv, "test_cost.py"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"the {group} tests failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
        times: dict[str, float] = json.loads(times_path.read_text(encoding="utf-8"))
    found: dict[str, list[float]] = {kind: [] for kind in KINDS[group]}
    for name, seconds in times.items():  # in the order the tests ran
        found[_kind_of(name, group)].append(seconds)
    return found


def _costs(found: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    plain_median = statistics.median(found["plain"])
    plain_mean = statistics.fmean(found["plain"][1:])
    return {
        kind: {
            "median_ms": statistics.median(seconds) * 1000,
            "cost_ms": (statistics.median(seconds) - plain_median) * 1000,
            "mean_cost_ms": (statistics.fmean(seconds[1:]) - plain_mean) * 1000,
            "first_ms": seconds[0] * 1000,
        }
        for kind, seconds in found.items()
    }


def run_fixture(runs: int, tests: int) -> dict[str, object]:
    """Per kind: the cost per test over `runs` runs (median and spread), and each run's figures."""
    pytest_httpx = tools.ensure_pytest_httpx()
    per_run: list[dict[str, dict[str, float]]] = []
    for _ in range(runs):
        costs = {f"offcloud {k}": v for k, v in _costs(_run_group("offcloud", tests, None)).items()}
        if pytest_httpx is not None:
            costs |= {f"httpx {k}": v for k, v in _costs(_run_group("httpx", tests, pytest_httpx)).items()}
        per_run.append(costs)
    kinds = [kind for kind in per_run[0] if not kind.endswith(" plain")]
    return {
        "tests_per_kind": tests,
        "pytest_httpx": tools.PYTEST_HTTPX_VERSION if pytest_httpx is not None else None,
        "cost_ms": {kind: spread([run[kind]["cost_ms"] for run in per_run]).as_dict() for kind in kinds},
        "mean_cost_ms": {
            kind: spread([run[kind]["mean_cost_ms"] for run in per_run]).as_dict() for kind in kinds
        },
        "first_ms": {kind: spread([run[kind]["first_ms"] for run in per_run]).as_dict() for kind in kinds},
        "plain_median_ms": {
            group: spread(
                [run[f"{group} plain"]["median_ms"] for run in per_run if f"{group} plain" in run]
            ).as_dict()
            for group in ("offcloud", "httpx")
            if f"{group} plain" in per_run[0]
        },
        "runs": per_run,
    }
