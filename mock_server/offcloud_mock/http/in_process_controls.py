"""The mock's controls on an app in this process: `MockControls` over the app's backend and settings.

The control plane's routes (`offcloud_mock.http.control_plane`) are thin wrappers over this class; users
reach it as `offcloud_mock.controls.InProcessControls`. A backend refusal becomes a `ControlError` with
the status the control plane answers (404 unknown, 409 decided, else 400).
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack

from offcloud_mock.backend.device_flow import CodeAlreadyDecided, DeviceFlowError, UnknownUserCode
from offcloud_mock.backend.errors import DomainError, NotFound, ScenarioError, shown
from offcloud_mock.backend.faults import ANY_OPERATION
from offcloud_mock.backend.scenario import load_scenario, parse_scenario
from offcloud_mock.control_interface import ControlError, FaultOptions, MockControls, ScenarioSource, mask_key
from offcloud_mock.http.runtime import MockRuntime, runtime
from offcloud_mock.spec import operations

if TYPE_CHECKING:
    from flask import Flask

__all__ = ["InProcessControls"]


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
