"""The mock's controls as a Python API, the same in-process and over HTTP.

    controls = InProcessControls(app)            # calls the backend of an app in this process
    controls = HttpControls("http://127.0.0.1:8080")  # calls /_mock/ of a running mock

Both implement `MockControls`, with the same method names, answers and errors (`ControlError`, carrying
the status the control plane answers), so a test written against one runs against the other. The
control plane's HTTP routes (`offcloud_mock.http.control_plane`) are themselves thin wrappers over
InProcessControls, which lives beside them in the HTTP layer; the interface both implement lives below
both (`offcloud_mock.control_interface`). This module is the public entry: import the names from here.
"""

from pathlib import Path
from typing import Any, Unpack
from urllib.parse import quote

import httpx

from offcloud_mock.control_interface import ControlError, FaultOptions, MockControls, ScenarioSource, mask_key
from offcloud_mock.http.in_process_controls import InProcessControls

__all__ = ["ControlError", "FaultOptions", "HttpControls", "InProcessControls", "MockControls", "mask_key"]


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
