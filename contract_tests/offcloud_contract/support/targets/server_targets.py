"""What the server-facing tests run against: a mock in this process, a mock server process, or a server
named by the environment (OFFCLOUD_BASE_URL / OFFCLOUD_API_KEY, e.g. from `make contract`).

A `Target` hands out everything a test needs to talk to it: a base URL, for an in-process mock the WSGI
app (schemathesis and httpx call it without sockets), the accounts to act as, and for a mock its controls
(reset, clock, journal). A real server has no controls: tests that need them skip there.
"""

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast
from urllib.parse import urlsplit

import httpx
import offcloud_client
from flask import Flask

from offcloud_contract.support.mock_handles import (
    DEFAULT_ERA,
    ControlError,
    Era,
    HttpControls,
    InProcessControls,
    MockConfig,
    MockControls,
    WSGITransport,
    create_app,
    demo,
)

__all__ = [
    "DEMO",
    "FREE",
    "Credentials",
    "Target",
    "TargetKind",
    "external_target",
    "inprocess_era_target",
    "inprocess_target",
    "is_loopback",
    "remote_target",
]

TargetKind = Literal["inprocess", "live", "external"]
BASE_URL_ENV = "OFFCLOUD_BASE_URL"
API_KEY_ENV = "OFFCLOUD_API_KEY"
EMAIL_ENV = "OFFCLOUD_EMAIL"
PASSWORD_ENV = "OFFCLOUD_PASSWORD"  # noqa: S105 - the name of a variable, not a password
ALLOW_WRITES_ENV = "OFFCLOUD_ALLOW_WRITES"
ERA_ENV = "OFFCLOUD_ERA"  # the era of the server OFFCLOUD_BASE_URL names (default DEFAULT_ERA, today's)
_INPROCESS_BASE_URL = "http://mock.offcloud.test"


@dataclass(frozen=True, slots=True)
class Credentials:
    api_key: str
    email: str | None = None  # with the password: for login and getApiKey
    password: str | None = None

    def with_key(self, api_key: str) -> "Credentials":
        return replace(self, api_key=api_key)


# The accounts of the mock's demo scenario (mock_server/offcloud_mock/demo_scenario.yaml).
DEMO = Credentials(demo.DEMO_KEY, demo.DEMO_EMAIL, demo.DEMO_PASSWORD)
FREE = Credentials(demo.FREE_KEY, demo.FREE_EMAIL, demo.FREE_PASSWORD)


def is_loopback(base_url: str) -> bool:
    host = (urlsplit(base_url).hostname or "").lower()
    return host in ("localhost", "127.0.0.1", "::1") or host.startswith("127.")


@dataclass(slots=True)
class Target:
    kind: TargetKind
    base_url: str
    account: Credentials  # the account the suite acts as
    other_account: Credentials | None = None  # a second account (the mock's free one), if any
    app: Flask | None = None  # an in-process mock
    controls: MockControls | None = None  # a mock's controls; None for a real server
    allow_writes: bool = True  # False: only operations that change nothing on the server
    era: str = DEFAULT_ERA  # the server it plays (a mock) or is taken to be (OFFCLOUD_ERA for a real one)
    _clients: list[httpx.Client] = field(default_factory=list)

    @property
    def is_mock(self) -> bool:
        return self.controls is not None

    @property
    def label(self) -> str:
        """What the coverage matrix records answers under: the kind and the era, e.g. `inprocess:legacy`."""
        return f"{self.kind}:{self.era}"

    def transport(self) -> httpx.BaseTransport | None:
        return WSGITransport(self.app) if self.app is not None else None

    def http(self) -> httpx.Client:
        """The target's plain httpx client (one per target, closed with it); it keeps no cookies."""
        if not self._clients:
            transport = self.transport()
            client = (
                httpx.Client(base_url=self.base_url, transport=transport, timeout=30)
                if transport is not None
                else httpx.Client(base_url=self.base_url, timeout=30)
            )
            self._clients.append(client)
        self._clients[0].cookies.clear()
        return self._clients[0]

    def client(
        self,
        api_key: str | None = None,
        *,
        on_response: Callable[[httpx.Response], None] | None = None,
        **kwargs: Any,
    ) -> offcloud_client.Client:
        """The generated client, talking to this target with `api_key` (default: the account's key; "" for
        none); `on_response` sees every answer (an httpx event hook)."""
        httpx_args: dict[str, object] = {}
        transport = self.transport()
        if transport is not None:
            httpx_args["transport"] = transport
        if on_response is not None:
            httpx_args["event_hooks"] = {"response": [on_response]}
        key = self.account.api_key if api_key is None else api_key
        return offcloud_client.Client(
            base_url=self.base_url, api_key=key or None, httpx_args=httpx_args, **kwargs
        )

    def require_controls(self) -> MockControls:
        if self.controls is None:
            raise LookupError(f"the {self.kind} target at {self.base_url} is not a mock: no controls")
        return self.controls

    def close(self) -> None:
        for client in self._clients:
            client.close()
        self._clients.clear()
        if isinstance(self.controls, HttpControls):
            self.controls.close()


def inprocess_target(config: MockConfig | None = None, app: Flask | None = None) -> Target:
    """A fresh mock app in this process (the demo scenario unless `config` says otherwise)."""
    config = config or MockConfig()
    app = app if app is not None else create_app(config)
    return Target(
        "inprocess",
        _INPROCESS_BASE_URL,
        DEMO,
        FREE,
        app=app,
        controls=InProcessControls(app),
        era=config.era,
    )


def inprocess_era_target(era: str) -> Target:
    """A fresh in-process mock playing `era` (one of ERAS) with the demo scenario."""
    return inprocess_target(MockConfig(era=cast(Era, era)))


def remote_target(
    kind: TargetKind, base_url: str, account: Credentials, *, allow_writes: bool, era: str = DEFAULT_ERA
) -> Target:
    """A server over the network; a mock (it answers /_mock/health) gets its controls and second account,
    and is told to play `era`."""
    base_url = base_url.rstrip("/")
    controls: HttpControls | None = HttpControls(base_url)
    try:
        assert controls is not None
        controls.health()
    except (ControlError, httpx.HTTPError, ValueError):
        assert controls is not None
        controls.close()
        controls = None
    other = FREE if controls is not None and account.api_key == DEMO.api_key else None
    if controls is not None:
        controls.set_era(era)
    return Target(kind, base_url, account, other, controls=controls, allow_writes=allow_writes, era=era)


def external_target() -> Target | None:
    """The server the environment names (OFFCLOUD_BASE_URL, OFFCLOUD_API_KEY), or None."""
    base_url = os.environ.get(BASE_URL_ENV, "").strip()
    api_key = os.environ.get(API_KEY_ENV, "").strip()
    if not base_url or not api_key:
        return None
    account = Credentials(api_key, os.environ.get(EMAIL_ENV) or None, os.environ.get(PASSWORD_ENV) or None)
    allow_writes = os.environ.get(ALLOW_WRITES_ENV, "") == "1"
    era = os.environ.get(ERA_ENV, "").strip() or DEFAULT_ERA
    return remote_target("external", base_url, account, allow_writes=allow_writes, era=era)


@contextmanager
def closing(target: Target) -> Iterator[Target]:
    try:
        yield target
    finally:
        target.close()
