"""The ONE place the drift package reaches into the stateful mock: its scenario loader and its app factory.

Both imports are lazy, so the proxy, recorder and report run without the mock; when the mock's modules
move, only the import lines below change.
"""

from pathlib import Path
from typing import Any

import yaml

__all__ = ["check_scenario", "mock_app"]


def check_scenario(text: str, source: str = "<scenario-from>") -> None:
    """Load the YAML with the mock's own scenario loader; ValueError naming the field when it would not."""
    from offcloud_mock.backend.errors import ScenarioError
    from offcloud_mock.backend.scenario import parse_scenario

    try:
        parse_scenario(yaml.safe_load(text), source)
    except ScenarioError as error:
        raise ValueError(str(error)) from error


def mock_app(scenario: Path | None = None, **settings: Any) -> Any:
    """A stateful mock app, i.e. a Flask app (MockConfig fields as keywords), for `replay --mock` to fall
    through to. Typed Any so that this package needs no Flask types."""
    from offcloud_mock.http.app import create_app
    from offcloud_mock.settings import MockConfig

    return create_app(MockConfig(scenario=scenario, **settings))
