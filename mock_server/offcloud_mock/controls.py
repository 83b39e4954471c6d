"""The mock's controls as a Python API, the same in-process and over HTTP.

    controls = InProcessControls(app)            # calls the backend of an app in this process
    controls = HttpControls("http://127.0.0.1:8080")  # calls /_mock/ of a running mock

Both implement `MockControls`, with the same method names, answers and errors (`ControlError`, carrying
the status the control plane answers), so a test written against one runs against the other. The
control plane's HTTP routes (`offcloud_mock.http.control_plane`) are themselves thin wrappers over InProcessControls.
Over 300 lines on purpose: the two twins side by side, so a method added to one is seen missing in the other.
"""

import abc
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack
from urllib.parse import quote

import httpx

from offcloud_mock.backend.device_flow import CodeAlreadyDecided, DeviceFlowError, UnknownUserCode
from offcloud_mock.backend.errors import DomainError, NotFound, ScenarioError, shown
from offcloud_mock.backend.faults import ANY_OPERATION
from offcloud_mock.backend.scenario import load_scenario, parse_scenario
from offcloud_mock.http.runtime import MockRuntime, runtime
from offcloud_mock.settings import era_of_error_mode
from offcloud_mock.spec import operations

if TYPE_CHECKING:
    from flask import Flask

__all__ = ["ControlError", "FaultOptions", "HttpControls", "InProcessControls", "MockControls", "mask_key"]

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


class InProcessControls(MockControls):
    def __init__(self, app: "Flask") -> None:
        self._state: MockRuntime = runtime(app)

    def _call(self, action: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return action(*args, **kwargs)
        except DomainError as error:  # the backend's checks, with the backend's message
            raise ControlError(error.message, 404 if isinstance(error, NotFound) else 400) from None
        except ScenarioError as error:
            raise ControlError(" ".join(str(error).split()), 400) from None
        except ValueError as error:  # a setting refused by MockConfig
            raise ControlError(str(error), 400) from None

    def health(self) -> dict[str, Any]:
        backend = self._state.backend
        return {
            "status": "ok",
            "accounts": len(backend.accounts()),
            "downloads": backend.download_count(),
            "clock": backend.clock.state(),
            "settings": self._state.settings(),
        }

    def reset(self, seed: int | None = None) -> None:
        self._call(self._state.backend.reset, seed=seed)

    def load_scenario(self, scenario: ScenarioSource) -> None:
        if isinstance(scenario, str | Path):
            self._state.backend.reset(scenario=self._call(load_scenario, scenario))
        else:
            self.load_scenario_data(dict(scenario), "<scenario>")

    def load_scenario_data(self, data: object, source: str) -> None:
        """A scenario already read from JSON or YAML (by the control plane); `source` names it in errors."""
        self._state.backend.reset(scenario=self._call(parse_scenario, data, source))

    def clock_state(self) -> dict[str, Any]:
        return self._state.backend.clock.state()

    def set_clock(
        self, *, freeze: bool | None = None, advance: float | None = None, speed: float | None = None
    ) -> dict[str, Any]:
        clock = self._state.backend.clock
        if speed is not None:
            self._call(clock.set_speed, speed)
        if freeze is True:
            clock.freeze()
        elif freeze is False:
            clock.unfreeze()
        if advance is not None:
            self._call(clock.advance, advance)
        return clock.state()

    def download(self, request_id: str) -> dict[str, Any]:
        snapshot = self._call(self._state.backend.download_snapshot, request_id)
        return self._state.era.download_view(snapshot)

    def force_status(self, request_id: str, status: str) -> dict[str, Any]:
        snapshot = self._call(self._state.backend.force_status, request_id, status)
        return self._state.era.status_body(snapshot)

    def add_fault(self, operation: str, **options: Unpack[FaultOptions]) -> dict[str, Any]:
        known = {op.operation_id for op in operations()}
        if operation != ANY_OPERATION and operation not in known:
            raise ControlError(
                f"Unknown operation {shown(operation)}: give an operationId of openapi.yaml or '*'"
            )
        fault: dict[str, Any] = self._call(self._state.backend.faults.add, operation, **options)
        return fault

    def faults(self) -> list[dict[str, Any]]:
        return self._state.backend.faults.list()

    def clear_faults(self) -> None:
        self._state.backend.faults.clear()

    def journal(self, limit: int | None = None) -> list[dict[str, Any]]:
        if limit is not None and limit < 0:
            raise ControlError(f"limit must be at least 0, not {limit}")
        return self._state.backend.journal.entries(limit)

    def clear_journal(self) -> None:
        self._state.backend.journal.clear()

    def settings(self) -> dict[str, Any]:
        return self._state.settings()

    def set_era(self, era: str) -> dict[str, Any]:
        self._call(self._state.change, era=era)
        return self._state.settings()

    def set_validate_requests(self, on: bool) -> dict[str, Any]:
        self._state.change(validate_requests=bool(on))
        return self._state.settings()

    def set_validate_responses(self, on: bool) -> dict[str, Any]:
        self._state.change(validate_responses=bool(on))
        return self._state.settings()

    def accounts(self) -> list[dict[str, Any]]:
        return [
            {
                "email": account.email,
                "userId": account.user_id,
                "addons": sorted(account.addons),
                "apiKey": mask_key(account.api_key),
            }
            for account in self._state.backend.accounts()
        ]

    def device_codes(self) -> list[str]:
        return self._state.backend.device_codes()

    def approve_device(self, user_code: str, account: str | None = None) -> dict[str, Any]:
        approved = self._device_call(self._state.backend.approve_device, user_code, account)
        return {"user_code": user_code, "account": approved.email, "approved": True}

    def deny_device(self, user_code: str) -> dict[str, Any]:
        self._device_call(self._state.backend.deny_device, user_code)
        return {"user_code": user_code, "approved": False}

    def _device_call(self, action: Any, *args: Any) -> Any:
        try:
            return self._call(action, *args)
        except UnknownUserCode as error:
            raise ControlError(str(error), 404) from None
        except CodeAlreadyDecided as error:
            raise ControlError(str(error), 409) from None
        except DeviceFlowError as error:  # pragma: no cover - no other error reaches approve or deny
            raise ControlError(str(error), 400) from None


class HttpControls(MockControls):
    """The same controls over a running mock's /_mock/ routes.

    `token`: the mock's control token (`--control-token`, or the one it printed at start-up), sent as
    the X-Mock-Token header; needed when the mock listens beyond loopback.
    """

    def __init__(
        self,
        base_url: str,
        *,
        client: httpx.Client | None = None,
        timeout: float = 10.0,
        token: str | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        # Plain http needs no certificates; loading them costs ~50 ms per client.
        self._client = client or httpx.Client(timeout=timeout, verify=not self.base_url.startswith("http://"))
        self._headers = {} if token is None else {"X-Mock-Token": token}

    def close(self) -> None:
        self._client.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        headers = {**self._headers, **kwargs.pop("headers", {})}
        response = self._client.request(method, f"{self.base_url}/_mock{path}", headers=headers, **kwargs)
        if response.status_code >= 400:
            try:
                message = str(response.json()["error"])
            except (ValueError, KeyError, TypeError):
                message = response.text
            raise ControlError(message, response.status_code)
        return response.json() if response.content else None

    def health(self) -> dict[str, Any]:
        return dict(self._request("GET", "/health"))

    def reset(self, seed: int | None = None) -> None:
        self._request("POST", "/reset", json={} if seed is None else {"seed": seed})

    def load_scenario(self, scenario: ScenarioSource) -> None:
        if isinstance(scenario, str | Path):
            text = Path(scenario).read_text(encoding="utf-8")
            self._request("POST", "/scenario", content=text, headers={"Content-Type": "application/yaml"})
        else:
            self._request("POST", "/scenario", json=dict(scenario))

    def clock_state(self) -> dict[str, Any]:
        return dict(self._request("GET", "/clock"))

    def set_clock(
        self, *, freeze: bool | None = None, advance: float | None = None, speed: float | None = None
    ) -> dict[str, Any]:
        changes = {"freeze": freeze, "advance": advance, "speed": speed}
        return dict(self._request("POST", "/clock", json={k: v for k, v in changes.items() if v is not None}))

    def download(self, request_id: str) -> dict[str, Any]:
        return dict(self._request("GET", f"/downloads/{request_id}"))

    def force_status(self, request_id: str, status: str) -> dict[str, Any]:
        return dict(self._request("POST", f"/downloads/{request_id}/status", json={"status": status}))

    def add_fault(self, operation: str, **options: Unpack[FaultOptions]) -> dict[str, Any]:
        return dict(self._request("POST", "/faults", json={"operation": operation, **options}))

    def faults(self) -> list[dict[str, Any]]:
        return list(self._request("GET", "/faults"))

    def clear_faults(self) -> None:
        self._request("DELETE", "/faults")

    def journal(self, limit: int | None = None) -> list[dict[str, Any]]:
        return list(self._request("GET", "/journal", params={} if limit is None else {"limit": limit}))

    def clear_journal(self) -> None:
        self._request("DELETE", "/journal")

    def settings(self) -> dict[str, Any]:
        return dict(self._request("GET", "/settings"))

    def set_era(self, era: str) -> dict[str, Any]:
        return dict(self._request("POST", "/settings", json={"era": era}))

    def set_validate_requests(self, on: bool) -> dict[str, Any]:
        return dict(self._request("POST", "/settings", json={"validate_requests": on}))

    def set_validate_responses(self, on: bool) -> dict[str, Any]:
        return dict(self._request("POST", "/settings", json={"validate_responses": on}))

    def accounts(self) -> list[dict[str, Any]]:
        return list(self._request("GET", "/accounts"))

    def device_codes(self) -> list[str]:
        return list(self._request("GET", "/device-codes"))

    def approve_device(self, user_code: str, account: str | None = None) -> dict[str, Any]:
        body = {} if account is None else {"account": account}
        return dict(self._request("POST", f"/device-codes/{quote(user_code, safe='')}/approve", json=body))

    def deny_device(self, user_code: str) -> dict[str, Any]:
        return dict(self._request("POST", f"/device-codes/{quote(user_code, safe='')}/deny", json={}))
