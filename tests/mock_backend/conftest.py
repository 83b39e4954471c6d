"""Fixtures of the backend tests: a backend on the small test scenario, with a frozen clock."""

import pytest

from offcloud_mock.backend import AccountBackend, MockBackend
from offcloud_mock.backend.clock import MockClock
from offcloud_mock.backend.scenario import Scenario, parse_scenario

from .world import ALICE_KEY, BOB_KEY, world_data


@pytest.fixture
def scenario() -> Scenario:
    return parse_scenario(world_data())


@pytest.fixture
def clock(scenario: Scenario) -> MockClock:
    # Frozen: time moves only by advance(), so every expected value is exact.
    return MockClock(scenario.start, frozen=True)


@pytest.fixture
def backend(scenario: Scenario, clock: MockClock) -> MockBackend:
    return MockBackend(scenario, seed=7, clock=clock)


@pytest.fixture
def alice(backend: MockBackend) -> AccountBackend:
    """Every add-on."""
    return backend.account_for_key(ALICE_KEY)


@pytest.fixture
def bob(backend: MockBackend) -> AccountBackend:
    """No add-on, a link limit of 3."""
    return backend.account_for_key(BOB_KEY)
