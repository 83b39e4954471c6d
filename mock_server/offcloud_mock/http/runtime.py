"""What one mock app holds: its backend, its current settings (and so the era it plays), its compiled spec.

Kept in `app.extensions["offcloud_mock"]`; `runtime()` is the typed way to reach it, from a request
(`runtime()`) or from outside one (`runtime(app)`).
"""

import threading
from dataclasses import dataclass, field

from flask import Flask, current_app

from offcloud_mock.backend import MockBackend
from offcloud_mock.eras import Era
from offcloud_mock.http.presenters import ServerEra, era_of
from offcloud_mock.http.validation import RequestValidator, ResponseValidator, response_validator
from offcloud_mock.settings import MockConfig
from offcloud_mock.spec import Operation

__all__ = ["EXTENSION_KEY", "MockRuntime", "runtime"]

EXTENSION_KEY = "offcloud_mock"


@dataclass(slots=True, eq=False)
class MockRuntime:
    config: MockConfig  # replaced as a whole when a setting changes at run time
    backend: MockBackend
    operations: dict[str, Operation]  # by operationId
    request_validators: dict[Era, dict[str, RequestValidator]]  # by era, then operationId
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def era(self) -> ServerEra:
        """The era the mock plays now: asked every question on which the eras differ.

        Derived from the settings, so the era is held once: a settings change changes it.
        """
        return era_of(self.config)

    @property
    def validate_requests(self) -> bool:
        return self.config.validate_requests

    @property
    def validate_responses(self) -> bool:
        return self.config.validate_responses

    @property
    def response_validator(self) -> ResponseValidator:
        # Compiled on first use: most apps (benchmarks, the CLI by default) never validate responses.
        return response_validator()

    def change(self, **changes: object) -> None:
        """Change settings at run time; ValueError (from MockConfig) names a bad value."""
        with self._lock:
            self.config = self.config.changed(**changes)

    def settings(self) -> dict[str, object]:
        config = self.config
        return {
            "era": config.era,
            "validate_requests": config.validate_requests,
            "validate_responses": config.validate_responses,
            "string_numbers": config.string_numbers,
            "max_body_bytes": config.max_body_bytes,
        }


def runtime(app: Flask | None = None) -> MockRuntime:
    """The mock state of `app`, or of the app handling the current request."""
    target = current_app if app is None else app
    state = target.extensions.get(EXTENSION_KEY)
    if not isinstance(state, MockRuntime):
        raise RuntimeError("this Flask app was not built by offcloud_mock.http.app.create_app")
    return state
