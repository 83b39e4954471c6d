"""What one mock app holds: its backend, its settings that can change at run time, its compiled spec.

Kept in `app.extensions["offcloud_mock"]`; `runtime()` is the typed way to reach it, from a request
(`runtime()`) or from outside one (`runtime(app)`).
"""

import threading
from dataclasses import dataclass, field
from typing import cast

from flask import Flask, current_app

from mock_server.backend import MockBackend
from mock_server.config import ERROR_MODES, ErrorMode, MockConfig
from mock_server.exceptions import BadRequest
from mock_server.spec import Operation
from mock_server.validation import RequestValidator, ResponseValidator, response_validator

__all__ = ["EXTENSION_KEY", "MockRuntime", "runtime"]

EXTENSION_KEY = "offcloud_mock"


@dataclass(slots=True, eq=False)
class MockRuntime:
    config: MockConfig
    backend: MockBackend
    error_mode: ErrorMode
    validate_requests: bool
    validate_responses: bool
    operations: dict[str, Operation]  # by operationId
    request_validators: dict[str, RequestValidator]  # by operationId
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def response_validator(self) -> ResponseValidator:
        # Compiled on first use: most apps (benchmarks, the CLI by default) never validate responses.
        return response_validator()

    def set_error_mode(self, mode: str) -> None:
        if mode not in ERROR_MODES:
            raise BadRequest(f"error_mode must be one of {', '.join(ERROR_MODES)}, not {mode!r}")
        with self._lock:
            self.error_mode = cast(ErrorMode, mode)  # checked just above

    def set_validate_requests(self, on: bool) -> None:
        with self._lock:
            self.validate_requests = bool(on)

    def set_validate_responses(self, on: bool) -> None:
        with self._lock:
            self.validate_responses = bool(on)

    def settings(self) -> dict[str, object]:
        return {
            "error_mode": self.error_mode,
            "validate_requests": self.validate_requests,
            "validate_responses": self.validate_responses,
            "string_numbers": self.backend.string_numbers,
            "max_body_bytes": self.config.max_body_bytes,
        }


def runtime(app: Flask | None = None) -> MockRuntime:
    """The mock state of `app`, or of the app handling the current request."""
    target = current_app if app is None else app
    state = target.extensions.get(EXTENSION_KEY)
    if not isinstance(state, MockRuntime):
        raise RuntimeError("this Flask app was not built by mock_server.app.create_app")
    return state
