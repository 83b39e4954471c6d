"""The scenario's fields for the endpoints beyond the documentation: account plans, sites,
device-login timings; loaded as written, defaulted when absent, wrong values refused in one line."""

import datetime as dt
from typing import Any

import pytest

from offcloud_mock.backend.demo import DEMO_EXPIRATION_DATE, SITE_NAMES
from offcloud_mock.backend.scenario import AccountLimits, DeviceFlowTiming, demo_scenario, parse_scenario

from .test_scenario import error_of
from .world import world_data


def _data(**top: Any) -> dict[str, Any]:
    data = world_data()
    data.update(top)
    return data


def test_the_demo_scenario_has_plans_sites_and_device_timings() -> None:
    scenario = demo_scenario()
    demo, free = scenario.accounts
    assert (demo.premium, demo.expiration_date) == (True, dt.date.fromisoformat(DEMO_EXPIRATION_DATE))
    assert demo.limits == AccountLimits(500, 100, 100, 10, 1099511627776, 107374182400)
    assert (free.premium, free.expiration_date) == (False, None)
    assert free.limits == AccountLimits(links=3, torrent=3)
    assert tuple(site.name for site in scenario.sites) == SITE_NAMES
    assert [site.health for site in scenario.sites] == ["healthy", "fragile", "dead"]
    assert scenario.sites[1].max_amount_per_user == 50
    assert scenario.sites[0].max_amount_per_user is None
    assert scenario.device_flow == DeviceFlowTiming(expires_in=600, interval=5)


def test_defaults_when_absent() -> None:
    scenario = parse_scenario(world_data())
    alice = scenario.accounts[0]
    assert (alice.premium, alice.expiration_date, alice.limits) == (False, None, AccountLimits(links=100))
    assert scenario.sites == ()
    assert scenario.device_flow == DeviceFlowTiming()


def test_a_site_with_every_field_and_quoted_dates() -> None:
    data = _data(
        sites=[
            {
                "name": "mega",
                "hosts": ["mega.nz", "mega.co.nz"],
                "display_name": "MEGA",
                "health": "cloud only",
                "instant": False,
                "video_streaming": True,
                "max_amount_per_user": "unlimited",
                "max_chunks": 2,
                "max_chunks_global": 4,
            }
        ],
        device_flow={"expires_in": 30, "interval": 2},
    )
    data["accounts"][0].update(premium=True, expiration_date="2027-02-03")
    scenario = parse_scenario(data)
    site = scenario.sites[0]
    assert (site.display_name, site.health, site.instant, site.max_chunks) == ("MEGA", "cloud only", False, 2)
    assert scenario.accounts[0].expiration_date == dt.date(2027, 2, 3)
    assert scenario.device_flow == DeviceFlowTiming(30, 2)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"sites": [{"name": "x", "hosts": ["x.example"], "health": "ok"}]},
            "sites[0].health: 'ok' is not one of",
        ),
        ({"sites": [{"name": "x"}]}, "sites[0].hosts: at least one host name is needed"),
        (
            {"sites": [{"name": "x", "hosts": "x.example"}]},
            "sites[0].hosts: expected a list of non-empty strings",
        ),
        ({"sites": [{"name": "x", "hosts": ["x"], "helth": "dead"}]}, "sites[0].helth: unknown key"),
        (
            {"sites": [{"name": "x", "hosts": ["x"], "max_amount_per_user": "lots"}]},
            "sites[0].max_amount_per_user: expected a number of at least 0 or 'unlimited', got 'lots'",
        ),
        (
            {"sites": [{"name": "x", "hosts": ["x"]}, {"name": "x", "hosts": ["y"]}]},
            "sites[1].name: 'x' is used twice",
        ),
        ({"device_flow": {"interval": 0}}, "device_flow.interval: must be at least 1, got 0"),
        ({"device_flow": {"expires": 5}}, "device_flow.expires: unknown key"),
    ],
)
def test_wrong_top_level_values_are_refused_in_one_line(change: dict[str, Any], message: str) -> None:
    error = error_of(_data(**change))
    assert error.startswith(f"test.yaml: {message}")
    assert "\n" not in error


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"premium": "yes"}, "accounts[0].premium: expected true or false"),
        (
            {"expiration_date": "31-12-2026"},
            "accounts[0].expiration_date: '31-12-2026' is not a date (YYYY-MM-DD)",
        ),
        ({"expiration_date": 5}, "accounts[0].expiration_date: expected a date (YYYY-MM-DD), got 5"),
        ({"limits": {"cloud": -1}}, "accounts[0].limits.cloud: must be at least 0, got -1"),
        ({"limits": {"links": 1, "cloudd": 2}}, "accounts[0].limits.cloudd: unknown key"),
    ],
)
def test_wrong_account_values_are_refused_in_one_line(change: dict[str, Any], message: str) -> None:
    data = world_data()
    data["accounts"][0].update(change)
    error = error_of(data)
    assert error.startswith(f"test.yaml: {message}")
    assert "\n" not in error
