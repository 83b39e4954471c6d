"""The pytest fixture's apps: one per configuration for the whole session, made new again for every test.

Building an app (spec, validators, routes) costs about 15 ms; what a test can change lives in two
places of it, and both are replaced before each test, a fraction of a millisecond:

* the backend (downloads, accounts, sessions, device codes and tokens, the clock, faults, journal,
  the seed and scenario a test chose through the controls): a new one, built as `create_app` builds
  it, from the configuration's scenario (a scenario file is read once, and again only when it changes);
* the settings the control plane changes at run time (era, request and response validation): back to
  the configuration's, through the same `MockRuntime.change` the control plane uses.

Cookies live in the clients, which the fixture makes per test. A live app is served once, by waitress
in a thread of this process, on its own free port, and stopped when the session ends. Each pytest
process (each xdist worker) has its own apps. A test that changes the app object itself (its routes,
its `wsgi_app`) changes it for the tests after it: the fixture's controls are the way to steer it.
"""

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from offcloud_mock.backend import MockBackend
from offcloud_mock.backend.scenario import Scenario, demo_scenario, load_scenario
from offcloud_mock.http.app import build_backend, create_app
from offcloud_mock.http.runtime import runtime
from offcloud_mock.serving.waitress_server import RunningServer, serve_in_thread
from offcloud_mock.settings import MockConfig

if TYPE_CHECKING:
    from flask import Flask

__all__ = ["SessionApp", "SessionApps"]

# What tells a scenario file's content changed without reading it: where it is, its size and its time.
_FileStamp = tuple[str, int, int] | None


def _stamp(scenario: Path | str | None) -> _FileStamp:
    if scenario is None:
        return None
    path = Path(scenario).resolve()
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)  # load_scenario says what is wrong with it
    return (str(path), stat.st_size, stat.st_mtime_ns)


@dataclass(eq=False)
class SessionApp:
    """One app of the session: its configuration, its scenario as read, its server when live."""

    config: MockConfig
    app: "Flask"
    scenario: Scenario
    stamp: _FileStamp
    server: RunningServer | None = None

    def fresh(self) -> MockBackend:
        """Make the app as a new one would be; its new backend."""
        stamp = _stamp(self.config.scenario)
        if stamp != self.stamp:  # the file changed (or moved under a relative path): read it again
            self.scenario, self.stamp = _read_scenario(self.config), stamp
        state = runtime(self.app)
        if state.config != self.config:
            state.change(
                **{item.name: getattr(self.config, item.name) for item in dataclasses.fields(self.config)}
            )
        state.backend = build_backend(self.config, scenario=self.scenario)
        return state.backend


def _read_scenario(config: MockConfig) -> Scenario:
    return demo_scenario() if config.scenario is None else load_scenario(config.scenario)


@dataclass(eq=False)
class SessionApps:
    """The apps of one pytest process, by configuration and mode; `close()` stops the live ones."""

    _apps: dict[tuple[MockConfig, bool], SessionApp] = field(default_factory=dict)

    def get(self, config: MockConfig, *, live: bool) -> SessionApp:
        """The app of this configuration and mode, built on first use; ScenarioError for a broken file."""
        found = self._apps.get((config, live))
        if found is None:
            stamp = _stamp(config.scenario)
            scenario = _read_scenario(config)
            app = create_app(config, backend=build_backend(config, scenario=scenario))
            found = SessionApp(config, app, scenario, stamp)
            if live:
                found.server = serve_in_thread(app)
            self._apps[(config, live)] = found
        return found

    def close(self) -> None:
        for served in self._apps.values():
            if served.server is not None:
                served.server.stop()
        self._apps.clear()

    def __len__(self) -> int:
        return len(self._apps)
