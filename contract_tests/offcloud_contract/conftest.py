"""Hypothesis profiles, the targets the server-facing tests run against, and the coverage matrix's data.

Server-facing tests take the `target` fixture, which runs them against:

* `inprocess`: a fresh mock app in this process (schemathesis and httpx call it without sockets);
* `live` (marked `live`): the mock started as a real server process (`python -m offcloud_mock`) on a free
  loopback port, once per session, reset before each test;
* `external` (marked `real_server`): the server named by OFFCLOUD_BASE_URL with OFFCLOUD_API_KEY;
  skipped unless both are set, so the suite never talks to a non-loopback server by itself.
"""

import os
from collections.abc import Iterator

import pytest

from offcloud_contract.support import hypothesis_profiles
from offcloud_contract.support.coverage.reach import REACH
from offcloud_contract.support.mock_handles import DEFAULT_ERA
from offcloud_contract.support.targets.live_server import MockProcess
from offcloud_contract.support.targets.server_targets import (
    DEMO,
    Target,
    external_target,
    inprocess_era_target,
    remote_target,
)

PROFILE = hypothesis_profiles.load()
REVERSE_ENV = "CONTRACT_REVERSE"

TARGET_PARAMS = [
    pytest.param("inprocess", id="inprocess"),
    pytest.param("live", id="live", marks=pytest.mark.live),
    pytest.param("external", id="external", marks=pytest.mark.real_server),
]


def pytest_report_header(config: pytest.Config) -> list[str]:
    order = "reversed (CONTRACT_REVERSE=1)" if os.environ.get(REVERSE_ENV) == "1" else "as collected"
    return [
        f"contract: hypothesis profile {PROFILE!r} (HYPOTHESIS_PROFILE), "
        f"seed {hypothesis_profiles.seed()} of schemathesis and the state machines "
        f"(replay with CONTRACT_SEED={hypothesis_profiles.seed()}), tests {order}"
    ]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The coverage matrix test runs last, and only when every suite it reads was collected. With
    CONTRACT_REVERSE=1 every other test runs in the reverse of the collected order: no test may depend on
    what ran before it (`make contract-orders`)."""
    matrix = [item for item in items if item.get_closest_marker("coverage_matrix")]
    rest = [item for item in items if not item.get_closest_marker("coverage_matrix")]
    if os.environ.get(REVERSE_ENV) == "1":
        rest.reverse()
    items[:] = rest + matrix
    collected = {marker.args[0] for item in rest for marker in item.iter_markers("suite")}
    for item in matrix:
        item.stash[_SUITES_COLLECTED] = frozenset(collected)


_SUITES_COLLECTED = pytest.StashKey[frozenset[str]]()


def suites_collected(item: pytest.Item) -> frozenset[str]:
    return item.stash.get(_SUITES_COLLECTED, frozenset())


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "suite(name): the test feeds the coverage matrix column `name`")
    config.addinivalue_line("markers", "coverage_matrix: the final coverage matrix test")
    # Registered here too (the checkout's pyproject.toml has them) for runs from an installed wheel.
    config.addinivalue_line("markers", "live: runs against the mock started as a real server process")
    config.addinivalue_line("markers", "real_server: talks to a server named by OFFCLOUD_BASE_URL")


def pytest_sessionfinish(session: pytest.Session) -> None:
    if REACH.snapshot():
        REACH.save()


@pytest.fixture(scope="session")
def mock_server_process() -> Iterator[MockProcess]:
    process = MockProcess()
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture(scope="session")
def external() -> Iterator[Target]:
    target = external_target()
    if target is None:
        pytest.skip("set OFFCLOUD_BASE_URL and OFFCLOUD_API_KEY to run against a real server")
    try:
        yield target
    finally:
        target.close()


@pytest.fixture
def era() -> str:
    """The era the `target` plays: today's server, unless a test parametrizes `era` itself."""
    return DEFAULT_ERA


@pytest.fixture(params=TARGET_PARAMS)
def target(request: pytest.FixtureRequest, era: str) -> Iterator[Target]:
    """A target in its initial state (a fresh in-process app, or a reset mock process), playing `era`."""
    kind = request.param
    if kind == "inprocess":
        made = inprocess_era_target(era)
        yield made
        made.close()
    elif kind == "live":
        process: MockProcess = request.getfixturevalue("mock_server_process")
        made = remote_target("live", process.base_url, DEMO, allow_writes=True, era=era)
        made.require_controls().reset()
        yield made
        made.close()
    else:
        existing: Target = request.getfixturevalue("external")
        if existing.era != era:
            pytest.skip(
                f"the server of OFFCLOUD_BASE_URL is taken to be {existing.era} (OFFCLOUD_ERA), not {era}"
            )
        if existing.controls is not None and existing.allow_writes:
            existing.controls.reset()  # a mock the run may change (the one `make contract` starts)
        yield existing
