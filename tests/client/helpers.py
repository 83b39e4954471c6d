"""Shared helpers of the offcloud_kit tests: the demo scenario's data, clients on a mock, a sleep recorder."""

from collections.abc import Callable
from typing import Any

from mock_server.pytest_plugin import OffcloudMock
from offcloud_kit import AsyncOffcloud, Offcloud

DEMO_KEY = "demo-key-0123456789abcdef"
FREE_KEY = "free-key-0123456789abcdef"  # the demo scenario's account without add-ons, limit of 3 links
DEMO_LOGIN = ("demo@offcloud.test", "demo-password")
CACHED_MULTI = "92b926e37e61e370e948cda081685a45731f9406"  # Big Buck Bunny, 4 files, cached
CACHED_SINGLE = "cb2b4cfedce06e72a7792bfdfd05549df4ca5452"  # Sintel, 1 file, cached
UNCACHED_MULTI = "2ce6ed1b37ab62d0b2a4b369cd2f36ff15cb2eae"  # Tears of Steel, 3 files, not cached
PLAIN_URL = "https://files.example.com/docs/annual-report-2025.pdf"
BROKEN_URL = "https://broken.example.net/missing/dataset.tar.gz"
UNKNOWN_ID = "5f1b2c3d4e5f60718293a4b6"
GDRIVE_OPTION = "6a1f0e2d3c4b5a6978877666"


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
