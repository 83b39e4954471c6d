"""pytest plugin (entry point `offcloud_mock`): a fresh Offcloud API mock per test.

    def test_wait(offcloud_mock):
        oc = offcloud_mock.kit()                        # an offcloud_kit.Offcloud on the mock, demo key
        item = oc.add_cloud("https://files.example.com/docs/annual-report-2025.pdf")
        assert oc.wait_for_cloud(item.request_id).status == "downloaded"  # waits move the mock's clock

    async def test_async(offcloud_mock):                # in-process through AsyncWSGITransport, or live
        async with offcloud_mock.async_kit() as oc:
            assert await oc.check_cache([...]) == [...]

    def test_add(offcloud_mock):
        client = offcloud_mock.client()                 # a generated offcloud_client.Client, ready
        created = add_cloud_download.sync(client=client, body=CloudDownloadForm(url=...))
        offcloud_mock.controls.advance(60)              # the clock is frozen: move it by hand
        assert offcloud_mock.controls.journal()[-1]["operation"] == "getCloudStatus"

    @pytest.mark.offcloud_mock(live=True, era="legacy", scenario="tests/my-scenario.yaml")
    def test_over_sockets(offcloud_mock): ...

Fixtures (function-scoped): `offcloud_mock` (in-process unless the marker or `--offcloud-mock-live` says
live) and `offcloud_mock_live` (always live). Each gets a new app and backend: the demo scenario (or the
marker's / `--offcloud-mock-scenario`), a FROZEN clock, response validation ON (an answer outside
openapi.yaml is a 500 that fails the test), the 2026 era (or `--offcloud-mock-era`).

In-process, requests go through `offcloud_mock.transports.WSGITransport` straight into the app: no
socket, no thread, fast. Live, the same app is served by waitress on a free port in a thread of the
test process (milliseconds to start, no port races since waitress binds port 0 itself; real HTTP
parsing, real sockets, real concurrency and dropped connections); the CLI as a subprocess is tested
separately. Controls go through
/_mock/ over HTTP when live, so both paths of the control plane are used.

The kit's clients from `.kit()` and `.async_kit()` never sleep: their `sleep` (poll intervals, retry
backoff) advances the mock's clock and their `clock` reads it, so a wait of ten mock minutes takes
milliseconds. The plugin imports only httpx and pytest at load time: a project that installed
offcloud-kit without the `[mock]` extra gets a clear error from the fixture, not from every pytest run.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from offcloud_mock.eras import DEFAULT_ERA, ERAS

if TYPE_CHECKING:  # the plugin is loaded by every pytest run: import the mock only when a test uses it
    from flask import Flask

    from offcloud_kit import AsyncOffcloud, Offcloud
    from offcloud_mock.backend import MockBackend
    from offcloud_mock.controls import MockControls
    from offcloud_mock.serving.waitress_server import RunningServer

__all__ = ["IN_PROCESS_BASE_URL", "MARKER", "OffcloudMock"]

MARKER = "offcloud_mock"
IN_PROCESS_BASE_URL = "http://offcloud-mock.test"
# What the fixture needs beyond httpx: the modules of the `[mock]` extra.
_MOCK_EXTRA_MODULES = ("flask", "waitress", "flask_swagger_ui", "yaml", "jsonschema_rs", "jsonref")
_MARKER_ARGS = frozenset(
    {
        "live",
        "scenario",
        "era",
        "error_mode",
        "seed",
        "validate_responses",
        "frozen",
        "string_numbers",
        "max_downloads",
    }
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("offcloud-mock", "Offcloud API mock")
    group.addoption(
        "--offcloud-mock-live",
        action="store_true",
        help="serve every offcloud_mock fixture over real sockets",
    )
    group.addoption(
        "--offcloud-mock-scenario", metavar="FILE", help="scenario file for offcloud_mock fixtures"
    )
    group.addoption(
        "--offcloud-mock-era",
        choices=ERAS,
        help="the server era offcloud_mock fixtures play (default 2026)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(live=False, scenario=None, era='2026', seed=None, validate_responses=True, "
        "frozen=True, string_numbers=False, max_downloads=None): configure the offcloud_mock fixture of this test",
    )


@dataclass(eq=False)
class OffcloudMock:
    """One mock for one test: its app, where to reach it, how to log in, and its controls."""

    app: "Flask"
    base_url: str
    api_key: str
    login: tuple[str, str]  # (e-mail, password) of the scenario's first account
    controls: "MockControls"
    backend: "MockBackend"  # the live server runs in this process too, so its backend is reachable
    live: bool
    _httpx_clients: list[httpx.Client] = field(default_factory=list, repr=False)
    _kits: list["Offcloud"] = field(default_factory=list, repr=False)

    def transport(self) -> httpx.BaseTransport | None:
        """The transport that reaches this mock: the app itself in-process, None (the network) live."""
        from offcloud_mock.transports import WSGITransport

        return None if self.live else WSGITransport(self.app)

    def http(self, **kwargs: Any) -> httpx.Client:
        """A plain httpx.Client on the mock's base URL (closed after the test)."""
        transport = self.transport()
        if transport is not None:
            kwargs.setdefault("transport", transport)
        kwargs.setdefault("verify", False)  # plain http: loading the CA bundle would cost ~50 ms per client
        client = httpx.Client(base_url=self.base_url, **kwargs)
        self._httpx_clients.append(client)
        return client

    def client(self, **kwargs: Any) -> Any:
        """A generated `offcloud_client.Client` for this mock, with the demo API key unless overridden."""
        import offcloud_client  # lazily: the generated package is optional for the plugin

        kwargs.setdefault("api_key", self.api_key)
        transport = self.transport()
        if transport is not None:
            kwargs["httpx_args"] = {"transport": transport, **kwargs.get("httpx_args", {})}
        return offcloud_client.Client(base_url=self.base_url, **kwargs)

    def kit(self, **kwargs: Any) -> "Offcloud":
        """An `offcloud_kit.Offcloud` on this mock with the demo key; it waits on the mock's clock.

        Keywords go to Offcloud (`api_key=`, `max_retries=`, `auth_style=`...); closed after the test.
        """
        from offcloud_kit import Offcloud

        oc = Offcloud(**self._kit_settings(kwargs, self.transport()))
        self._kits.append(oc)
        return oc

    def async_kit(self, **kwargs: Any) -> "AsyncOffcloud":
        """An `offcloud_kit.AsyncOffcloud` on this mock (use it as `async with`); waits on the mock's clock.

        In-process its requests run the app in a worker thread (AsyncWSGITransport); live they use sockets.
        """
        from offcloud_kit import AsyncOffcloud
        from offcloud_mock.transports import AsyncWSGITransport

        transport = None if self.live else AsyncWSGITransport(self.app)
        return AsyncOffcloud(**self._kit_settings(kwargs, transport))

    def sleep(self, seconds: float) -> None:
        """What the kit's clients do instead of sleeping: move the mock's clock forward."""
        if seconds > 0:
            self.controls.advance(seconds)

    def clock(self) -> float:
        """The kit's clients' clock: seconds on the mock's clock (so wait timeouts are mock time too)."""
        return float(self.controls.clock_state()["elapsed"])

    def _kit_settings(self, kwargs: dict[str, Any], transport: Any) -> dict[str, Any]:
        if "raw" not in kwargs:
            kwargs.setdefault("api_key", self.api_key)
            kwargs.setdefault("base_url", self.base_url)
            httpx_args = {"verify": False, **kwargs.get("httpx_args", {})}  # plain http: skip the CA bundle
            if transport is not None:
                httpx_args.setdefault("transport", transport)
            kwargs["httpx_args"] = httpx_args
        kwargs.setdefault("sleep", self.sleep)
        kwargs.setdefault("clock", self.clock)
        return kwargs

    def close(self) -> None:
        for client in self._httpx_clients:
            client.close()
        for oc in self._kits:
            oc.close()


def _settings(request: pytest.FixtureRequest) -> dict[str, Any]:
    options = request.config.option
    settings: dict[str, Any] = {
        "live": bool(getattr(options, "offcloud_mock_live", False)),
        "scenario": getattr(options, "offcloud_mock_scenario", None),
        "era": getattr(options, "offcloud_mock_era", None) or DEFAULT_ERA,
        "seed": None,
        "validate_responses": True,
        "frozen": True,
        "string_numbers": False,
        "max_downloads": None,
    }
    for marker in reversed(list(request.node.iter_markers(MARKER))):  # the closest marker wins
        unknown = set(marker.kwargs) - _MARKER_ARGS
        if unknown or marker.args:
            raise pytest.UsageError(f"@pytest.mark.{MARKER} takes only {sorted(_MARKER_ARGS)} as keywords")
        settings.update(marker.kwargs)
    return settings


def _require_mock_extra() -> None:
    import importlib.util

    missing = [name for name in _MOCK_EXTRA_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        pytest.fail(
            f"the offcloud_mock fixture needs the mock extra: pip install 'offcloud-kit[mock]' "
            f"(missing: {', '.join(missing)})",
            pytrace=False,
        )


def _start(request: pytest.FixtureRequest, *, force_live: bool) -> Iterator[OffcloudMock]:
    _require_mock_extra()
    from offcloud_mock.controls import HttpControls, InProcessControls
    from offcloud_mock.http.app import create_app
    from offcloud_mock.http.runtime import runtime
    from offcloud_mock.serving.waitress_server import serve_in_thread
    from offcloud_mock.settings import MockConfig

    settings = _settings(request)
    config = MockConfig(
        scenario=settings["scenario"],
        seed=settings["seed"],
        era=settings["era"],
        error_mode=settings.get("error_mode"),  # deprecated marker keyword: wins over era when given
        validate_responses=settings["validate_responses"],
        string_numbers=settings["string_numbers"],
        frozen_clock=settings["frozen"],
        max_downloads=settings["max_downloads"],
    )
    app = create_app(config)
    backend = runtime(app).backend
    first = backend.accounts()[0]
    live = force_live or bool(settings["live"])
    server: RunningServer | None = serve_in_thread(app) if live else None
    controls: MockControls = HttpControls(server.base_url) if server is not None else InProcessControls(app)
    mock = OffcloudMock(
        app=app,
        base_url=server.base_url if server is not None else IN_PROCESS_BASE_URL,
        api_key=first.api_key,
        login=(first.email, first.account.password),
        controls=controls,
        backend=backend,
        live=live,
    )
    try:
        yield mock
    finally:
        mock.close()
        if isinstance(controls, HttpControls):
            controls.close()
        if server is not None:
            server.stop()


@pytest.fixture
def offcloud_mock(request: pytest.FixtureRequest) -> Iterator[OffcloudMock]:
    """A fresh mock: in-process, unless `@pytest.mark.offcloud_mock(live=True)` or --offcloud-mock-live."""
    yield from _start(request, force_live=False)


@pytest.fixture
def offcloud_mock_live(request: pytest.FixtureRequest) -> Iterator[OffcloudMock]:
    """A fresh mock served by waitress on a free port (see `.base_url`)."""
    yield from _start(request, force_live=True)
