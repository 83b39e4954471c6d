"""What every way of steering the mock offers, and what its answers and refusals look like.

`MockControls` is implemented twice: `offcloud_mock.http.in_process_controls.InProcessControls` (the
backend of an app in this process; the control plane's routes wrap it) and
`offcloud_mock.controls.HttpControls` (a running mock's /_mock/ routes). Both import this module, which
imports neither, so the HTTP layer and the public entry point `offcloud_mock.controls` both point down
to it. Users import these names from `offcloud_mock.controls`.
"""

import abc
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypedDict, Unpack

from offcloud_mock.settings import era_of_error_mode

__all__ = ["ControlError", "FaultOptions", "MockControls", "ScenarioSource", "mask_key"]

ScenarioSource = str | Path | Mapping[str, Any]


class FaultOptions(TypedDict, total=False):
    """What a fault does: a status, an HTML page (any status), or a drop; latency with any (faults.Fault)."""

    status: int | None  # answer this error status with {"error": "Injected fault"}
    retry_after: float | None  # seconds, sent as a Retry-After header (with a status only)
    latency: float  # seconds to wait first
    html: bool  # answer an HTML error page (502)
    drop: bool  # close the connection without an answer
    count: int  # how many requests misbehave (default 1)


class ControlError(Exception):
    """A control the mock refused; `status` is the control plane's HTTP status for it (400, 404...)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def mask_key(key: str) -> str:
    """The key's last 4 characters, to tell keys apart; a key too short to spare them is all masked."""
    if len(key) < 12:
        return "*" * len(key)
    return "*" * (len(key) - 4) + key[-4:]


class MockControls(abc.ABC):
    """Steer a mock: state, scenario, clock, downloads, faults, journal, settings."""

    @abc.abstractmethod
    def health(self) -> dict[str, Any]: ...
    @abc.abstractmethod
    def reset(self, seed: int | None = None) -> None: ...
    @abc.abstractmethod
    def load_scenario(self, scenario: ScenarioSource) -> None:
        """A scenario file's path, or the scenario itself as a mapping; the mock is reset to it."""

    @abc.abstractmethod
    def clock_state(self) -> dict[str, Any]: ...
    @abc.abstractmethod
    def set_clock(
        self, *, freeze: bool | None = None, advance: float | None = None, speed: float | None = None
    ) -> dict[str, Any]:
        """Change the clock (speed, then freezing, then advance); answers the clock's new state."""

    def freeze(self) -> dict[str, Any]:
        return self.set_clock(freeze=True)

    def unfreeze(self) -> dict[str, Any]:
        return self.set_clock(freeze=False)

    def advance(self, seconds: float) -> dict[str, Any]:
        return self.set_clock(advance=seconds)

    def set_speed(self, speed: float) -> dict[str, Any]:
        return self.set_clock(speed=speed)

    @abc.abstractmethod
    def download(self, request_id: str) -> dict[str, Any]: ...
    @abc.abstractmethod
    def force_status(self, request_id: str, status: str) -> dict[str, Any]: ...
    @abc.abstractmethod
    def add_fault(self, operation: str, **options: Unpack[FaultOptions]) -> dict[str, Any]:
        """Misbehave on the next `count` requests of `operation` (an operationId, or "*" for any)."""

    @abc.abstractmethod
    def faults(self) -> list[dict[str, Any]]: ...
    @abc.abstractmethod
    def clear_faults(self) -> None: ...
    @abc.abstractmethod
    def journal(self, limit: int | None = None) -> list[dict[str, Any]]: ...
    @abc.abstractmethod
    def clear_journal(self) -> None: ...
    @abc.abstractmethod
    def settings(self) -> dict[str, Any]: ...
    @abc.abstractmethod
    def set_era(self, era: str) -> dict[str, Any]:
        """Play another era from the next request on: "2026" or "legacy"."""

    def set_error_mode(self, mode: str) -> dict[str, Any]:
        """Deprecated (one release): the former name of set_era, "modern" meaning "2026"."""
        warnings.warn("set_error_mode is deprecated; use set_era", DeprecationWarning, stacklevel=2)
        try:
            era = era_of_error_mode(mode)
        except ValueError as error:
            raise ControlError(str(error)) from None
        return self.set_era(era)

    @abc.abstractmethod
    def set_validate_requests(self, on: bool) -> dict[str, Any]: ...
    @abc.abstractmethod
    def set_validate_responses(self, on: bool) -> dict[str, Any]: ...
    @abc.abstractmethod
    def accounts(self) -> list[dict[str, Any]]: ...

    # The 2026 OAuth device login: play the user who approves or denies a pending code.
    @abc.abstractmethod
    def device_codes(self) -> list[str]:
        """The user codes waiting for a decision, oldest first."""

    @abc.abstractmethod
    def approve_device(self, user_code: str, account: str | None = None) -> dict[str, Any]:
        """Approve the login for the account of that e-mail (by default the scenario's first)."""

    @abc.abstractmethod
    def deny_device(self, user_code: str) -> dict[str, Any]: ...
