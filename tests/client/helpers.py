"""Shared helpers of the offcloud_kit tests: the demo scenario's data, clients on a mock, a sleep recorder."""

from collections.abc import Callable
from typing import Any

import pytest

from offcloud_kit import AsyncOffcloud, Offcloud
from offcloud_mock.backend import demo
from offcloud_mock.eras import ERAS as ERAS  # re-exported: the era tests take it from here
from offcloud_mock.pytest_plugin import OffcloudMock

# The demo scenario's values, under the names these tests use.
DEMO_KEY = demo.DEMO_KEY
FREE_KEY = demo.FREE_KEY  # the account without add-ons, limit of 3 links
CACHED_MULTI = demo.BUNNY_HASH  # Big Buck Bunny, 4 files, cached
CACHED_SINGLE = demo.SINTEL_HASH  # Sintel, 1 file, cached
UNCACHED_MULTI = demo.TEARS_HASH  # Tears of Steel, 3 files, not cached
PLAIN_URL = demo.REPORT_URL
BROKEN_URL = demo.BROKEN_URL
GDRIVE_OPTION = demo.GDRIVE_OPTION

DEMO_LOGIN = (demo.DEMO_EMAIL, demo.DEMO_PASSWORD)
UNKNOWN_ID = "5f1b2c3d4e5f60718293a4b6"

# Runs a test once per era of the server, each with its own mock (`@pytest.mark.offcloud_mock(era=...)`
# on the parameter); the test takes `era: str` to assert what differs (legacy bytes, 2026 `progress`).
each_era = pytest.mark.parametrize(
    "era", [pytest.param(era, marks=pytest.mark.offcloud_mock(era=era), id=era) for era in ERAS]
)


def magnet(info_hash: str, name: str = "x") -> str:
    return f"magnet:?xt=urn:btih:{info_hash}&dn={name}"


class SleepRecorder:
    """A sleeper that records every delay instead of sleeping (and can move the mock's clock too)."""

    def __init__(self, then: Callable[[float], object] | None = None) -> None:
        self.delays: list[float] = []
        self._then = then

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        if self._then is not None:
            self._then(seconds)

    async def asleep(self, seconds: float) -> None:
        self(seconds)


def operations(mock: OffcloudMock, operation: str) -> list[dict[str, Any]]:
    """The journal entries of one operation, oldest first."""
    return [entry for entry in mock.controls.journal() if entry["operation"] == operation]


def make_client(mock: OffcloudMock, *, api_key: str | None = DEMO_KEY, **kwargs: Any) -> Offcloud:
    """An Offcloud on `mock` (through its in-process transport unless the mock is live)."""
    transport = mock.transport()
    if transport is not None:
        kwargs["httpx_args"] = {"transport": transport, **kwargs.get("httpx_args", {})}
    kwargs.setdefault("sleep", SleepRecorder())
    kwargs.setdefault("random", lambda: 0.5)
    return Offcloud(api_key, base_url=mock.base_url, **kwargs)


def make_async_client(mock: OffcloudMock, *, api_key: str | None = DEMO_KEY, **kwargs: Any) -> AsyncOffcloud:
    """An AsyncOffcloud on a live `mock` (httpx.WSGITransport cannot serve async requests)."""
    assert mock.live, "async clients need the live mock"
    kwargs.setdefault("sleep", SleepRecorder().asleep)
    kwargs.setdefault("random", lambda: 0.5)
    return AsyncOffcloud(api_key, base_url=mock.base_url, **kwargs)
