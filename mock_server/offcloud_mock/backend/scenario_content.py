"""The scenario's records for the endpoints beyond the documentation: an account's plan (premium flag,
expiry date, limits), the supported sites and their health, the device-login timings, and how the 2026
server explores a single-file download (unverified, so a setting).

Read by `scenario.parse_scenario` with the same `Fields` reader, so a bad value is refused with the file
and the path of the field, e.g. `demo.yaml: sites[0].health: 'ok' is not one of healthy, ...`.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal, cast

from offcloud_mock.backend.scenario_reader import Fields

__all__ = [
    "SINGLE_FILE_EXPLORE",
    "SITE_HEALTH",
    "AccountLimits",
    "DeviceFlowTiming",
    "Site",
    "read_device_flow",
    "read_expiration_date",
    "read_limits",
    "read_single_file_explore",
    "read_site",
]

# How the 2026 server answers explore of a finished single-file download (openapi.yaml
# exploreCloudDownload: clients disagree and no live transcript shows it). `plain_list`, the spec's
# choice: plain explore a one-element list, `format=detailed` "Bad archive"; `bad_archive`: "Bad archive"
# from both; `lists`: a list from both. The legacy server answers "Bad archive" whatever the setting.
SingleFileExplore = Literal["plain_list", "bad_archive", "lists"]
SINGLE_FILE_EXPLORE: Final[tuple[SingleFileExplore, ...]] = ("plain_list", "bad_archive", "lists")

# The legacy server's words for a host's health (GAIA, JD), in the scenario's spelling.
SITE_HEALTH = ("healthy", "fragile", "limited", "dead", "cloud only")


@dataclass(frozen=True, slots=True)
class AccountLimits:
    """What the legacy /api/account/stats reports under `limits`; `cloud` and `proxy` are bytes."""

    links: int = 0
    premium: int = 0
    torrent: int = 0
    streaming: int = 0
    cloud: int = 0
    proxy: int = 0


@dataclass(frozen=True, slots=True)
class Site:
    """A supported file host. `hosts[0]` is its 2026 name, the others its aliases."""

    name: str
    hosts: tuple[str, ...]
    display_name: str
    health: str = "healthy"
    instant: bool = True  # legacy `noInstantDownload` is its negation
    video_streaming: bool = False
    max_amount_per_user: int | None = None  # None: "unlimited"
    max_chunks: int = 1
    max_chunks_global: int = 8


@dataclass(frozen=True, slots=True)
class DeviceFlowTiming:
    """What POST /oauth/device/code answers: seconds the codes live, seconds between two polls."""

    expires_in: int = 600
    interval: int = 5


_SITE_KEYS = (
    "name",
    "hosts",
    "display_name",
    "health",
    "instant",
    "video_streaming",
    "max_amount_per_user",
    "max_chunks",
    "max_chunks_global",
)


def read_expiration_date(fields: Fields) -> dt.date | None:
    value = fields.raw("expiration_date")
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            fields.fail("expiration_date", f"{value!r} is not a date (YYYY-MM-DD)")
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        fields.fail("expiration_date", f"expected a date (YYYY-MM-DD), got {value!r}")
    return value


def read_limits(fields: Fields, link_limit: int) -> AccountLimits:
    """`limits` of an account; `links` defaults to the account's `link_limit`."""
    data = fields.raw("limits")
    if data is None:
        return AccountLimits(links=link_limit)
    limits = fields.child("limits", data)
    limits.allow(("links", "premium", "torrent", "streaming", "cloud", "proxy"))
    return AccountLimits(
        links=limits.integer("links", link_limit),
        premium=limits.integer("premium", 0),
        torrent=limits.integer("torrent", 0),
        streaming=limits.integer("streaming", 0),
        cloud=limits.integer("cloud", 0),
        proxy=limits.integer("proxy", 0),
    )


def read_site(fields: Fields) -> Site:
    fields.allow(_SITE_KEYS)
    name = fields.text("name")
    hosts = tuple(_texts(fields, "hosts"))
    if not hosts:
        fields.fail("hosts", "at least one host name is needed")
    amount = fields.raw("max_amount_per_user")
    if amount == "unlimited":
        amount = None
    if amount is not None and (not isinstance(amount, int) or isinstance(amount, bool) or amount < 0):
        fields.fail("max_amount_per_user", f"expected a number of at least 0 or 'unlimited', got {amount!r}")
    return Site(
        name=name,
        hosts=hosts,
        display_name=fields.text("display_name", name.capitalize()),
        health=fields.choice("health", SITE_HEALTH, "healthy"),
        instant=fields.boolean("instant", True),
        video_streaming=fields.boolean("video_streaming", False),
        max_amount_per_user=amount,
        max_chunks=fields.integer("max_chunks", 1),
        max_chunks_global=fields.integer("max_chunks_global", 8),
    )


def read_device_flow(top: Fields) -> DeviceFlowTiming:
    data = top.raw("device_flow")
    if data is None:
        return DeviceFlowTiming()
    fields = top.child("device_flow", data)
    fields.allow(("expires_in", "interval"))
    defaults = DeviceFlowTiming()
    return DeviceFlowTiming(
        expires_in=fields.integer("expires_in", defaults.expires_in, minimum=1),
        interval=fields.integer("interval", defaults.interval, minimum=1),
    )


def read_single_file_explore(top: Fields) -> SingleFileExplore:
    return cast(SingleFileExplore, top.choice("single_file_explore", SINGLE_FILE_EXPLORE, "plain_list"))


def _texts(fields: Fields, key: str) -> list[str]:
    values = fields.raw(key)
    if values is None:
        return []
    if not isinstance(values, list) or not all(isinstance(value, str) and value for value in values):
        fields.fail(key, f"expected a list of non-empty strings, got {values!r}")
    return list(values)
