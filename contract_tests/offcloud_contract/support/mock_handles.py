"""Every name the contract tests take from `mock_server`, in one place.

The suite talks to the mock over HTTP (or WSGI) and through its controls; only these things reach
further in, and they are named here so that a move inside `mock_server` is fixed in this one module:

* the eras a mock can play (`ERAS`, `DEFAULT_ERA`, the `Era` type), as the mock names them once;
* building a mock (`create_app`, `MockConfig`), reaching it in-process (`WSGITransport`) and steering
  it (the controls classes);
* the mock's own lifecycle (`Download.status_at` and what a `Download` is built from), which
  `test_reference_model.py` runs beside the suite's reference model;
* the internals `defects/planted.py`, `defects/planted_eras.py` and `defects/planted_values.py` patch to
  plant a defect (`AccountBackend`, `Download`, `NotFound`, `DeviceFlow` and its `PollResult`/`PollState`,
  the 2026 era's presenter `Era2026`, the app's `runtime`).
"""

from pathlib import Path

import offcloud_mock
from offcloud_mock.backend import demo
from offcloud_mock.backend.accounts import AccountBackend
from offcloud_mock.backend.device_flow import DeviceFlow, PollResult, PollState
from offcloud_mock.backend.downloads import Download
from offcloud_mock.backend.errors import NotFound
from offcloud_mock.backend.fake_internet import Content
from offcloud_mock.backend.scenario import ResourceFile, Timing
from offcloud_mock.controls import ControlError, HttpControls, InProcessControls, MockControls
from offcloud_mock.eras import DEFAULT_ERA, ERAS, Era
from offcloud_mock.http.app import API_BLUEPRINTS, create_app
from offcloud_mock.http.presenters import Era2026
from offcloud_mock.http.runtime import runtime
from offcloud_mock.settings import MockConfig
from offcloud_mock.spec import spec_path
from offcloud_mock.transports import WSGITransport

__all__ = [
    "API_BLUEPRINTS",
    "DEFAULT_ERA",
    "DEMO_SCENARIO_PATH",
    "ERAS",
    "AccountBackend",
    "Content",
    "ControlError",
    "DeviceFlow",
    "Download",
    "Era",
    "Era2026",
    "HttpControls",
    "InProcessControls",
    "MockConfig",
    "MockControls",
    "NotFound",
    "PollResult",
    "PollState",
    "ResourceFile",
    "Timing",
    "WSGITransport",
    "create_app",
    "demo",
    "runtime",
    "spec_path",
]

# The scenario a mock plays unless told otherwise; the suite reads it as data (demo_data).
DEMO_SCENARIO_PATH = Path(offcloud_mock.__file__).resolve().parent / "demo_scenario.yaml"
