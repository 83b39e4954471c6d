"""The stateful mock, for the drift commands that need it: its scenario loader and its app factory.

Imported lazily, inside the functions, because they bring in Flask and the whole HTTP layer, which the
proxy, the recorder and the report never need. The drift tools reach the mock only through its public
entry points; `tests/test_architecture.py` lists them.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = ["DemoAccount", "check_scenario", "demo_account", "mock_app"]


def check_scenario(text: str, source: str = "<scenario-from>") -> None:
    """Load the YAML with the mock's own scenario loader; ValueError naming the field when it would not."""
    from offcloud_mock.backend.scenario import parse_scenario

    try:
        parse_scenario(yaml.safe_load(text), source)
    except ValueError as error:  # the loader's ScenarioError is one
        raise ValueError(str(error)) from error


def mock_app(scenario: Path | None = None, **settings: Any) -> Any:
    """A stateful mock app, i.e. a Flask app (MockConfig fields as keywords), for `replay --mock` to fall
    through to. Typed Any so that this package needs no Flask types."""
    from offcloud_mock.http.app import create_app
    from offcloud_mock.settings import MockConfig

    return create_app(MockConfig(scenario=scenario, **settings))


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """What the drift flows need to drive the demo scenario's first account: its credentials, and a
    magnet link of a torrent the demo's fake internet has (so that adding it downloads something)."""

    api_key: str
    email: str
    password: str
    magnet: str


def demo_account() -> DemoAccount:
    from offcloud_mock.backend.scenario import demo_scenario

    scenario = demo_scenario()
    account = scenario.accounts[0]
    torrent = next(resource for resource in scenario.resources if resource.info_hash)
    magnet = f"magnet:?xt=urn:btih:{torrent.info_hash}"
    return DemoAccount(account.api_key, account.email, account.password, magnet)
