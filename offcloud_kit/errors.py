"""Every failure of an Offcloud call, as one hierarchy under OffcloudError.

    OffcloudError
    ├── APIStatusError            the server answered, and the answer is a refusal or not understood
    │   ├── AuthenticationError   NOAUTH, HTTP 401, wrong e-mail or password
    │   │   └── DeviceLoginError  a device login ended without a token (.error, .description)
    │   │       ├── DeviceAccessDeniedError  the user denied it (`access_denied`)
    │   │       └── DeviceCodeExpiredError   not approved in time (`expired_token`)
    │   ├── NotAvailableError     {"not_available": "<add-on>"}: the account needs an add-on (.addon)
    │   ├── BadRequestError       HTTP 400, or a legacy HTTP 200 {"error": ...} not classified otherwise
    │   ├── NotFoundError         HTTP 404, or a "not found" message
    │   ├── RateLimitError        HTTP 429 (.retry_after)
    │   ├── ServerError           HTTP 5xx (standard codes)
    │   └── UnexpectedResponseError  anything openapi.yaml does not describe: an undocumented or
    │                             non-standard status (520), HTML where JSON was due, a body of no
    │                             documented shape
    ├── APIConnectionError        no answer: refused or dropped connection, protocol error
    │   └── APITimeoutError       no answer in time
    ├── DownloadFailedError       a waited-for download ended in `error` or `canceled`
    └── WaitTimeoutError          a waited-for download did not finish in time

Every error carries `operation` (the operationId), `status` (the HTTP status, None without an answer),
`body` (the parsed JSON body or the raw bytes, credentials masked) and `request` (a RedactedRequest:
method and URL with the key masked; None for errors of no single request). Messages and reprs go
through redact(), so they never show the API key, the login password or a token.

No error holds a raw httpx Request or Response (their URLs carry `?key=`), neither itself nor through
`__cause__`/`__context__`: a chained httpx or generated-client error is scrubbed in place, left without
its request and traceback, its text redacted (see redact.scrub_exception).
"""

from dataclasses import dataclass
from typing import Any

import httpx

from offcloud_kit.redact import redact

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "DeviceAccessDeniedError",
    "DeviceCodeExpiredError",
    "DeviceLoginError",
    "DownloadFailedError",
    "NotAvailableError",
    "NotFoundError",
    "OffcloudError",
    "RateLimitError",
    "RedactedRequest",
    "ServerError",
    "UnexpectedResponseError",
    "WaitTimeoutError",
    "error_for_message",
]


@dataclass(frozen=True)
class RedactedRequest:
    """What was sent, safe to log: the method and the URL with every credential masked (`key=***`)."""

    method: str
    url: str

    @classmethod
    def of(cls, request: httpx.Request) -> "RedactedRequest":
        return cls(method=request.method, url=redact(str(request.url)))

    def __str__(self) -> str:
        return f"{self.method} {self.url}"


class OffcloudError(Exception):
    """Base class of every error this package raises."""

    # Set by the client for an error about one request (all but DownloadFailedError, WaitTimeoutError).
    request: RedactedRequest | None = None

    def __init__(
        self, message: str, *, operation: str | None = None, status: int | None = None, body: Any = None
    ) -> None:
        self.message = redact(message)
        self.operation = operation
        self.status = status
        self.body = body
        super().__init__(self.message)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, operation={self.operation!r}, status={self.status!r})"
        )


class APIStatusError(OffcloudError):
    """The server answered, but not with the documented success."""


class AuthenticationError(APIStatusError):
    """Missing, wrong or revoked API key (NOAUTH, HTTP 401), wrong login credentials, no session."""


class DeviceLoginError(AuthenticationError):
    """A device login that ended without a token; `error` is the OAuth error code, `description` its text."""

    def __init__(
        self,
        message: str,
        *,
        error: str,
        description: str | None = None,
        operation: str | None = "requestDeviceToken",
        status: int | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(message, operation=operation, status=status, body=body)
        self.error = error
        self.description = description


class DeviceCodeExpiredError(DeviceLoginError):
    """The user did not approve in time (`expired_token`, or `expires_in` passed while pending)."""


class DeviceAccessDeniedError(DeviceLoginError):
    """The user denied the login (`access_denied`)."""


class NotAvailableError(APIStatusError):
    """The download needs an add-on the account lacks: `addon` is premium, links, proxy, cloud or video."""

    def __init__(
        self,
        message: str,
        *,
        addon: str,
        operation: str | None = None,
        status: int | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(message, operation=operation, status=status, body=body)
        self.addon = addon


class BadRequestError(APIStatusError):
    """The server refused the parameters (HTTP 400, or an error body with HTTP 200 from a legacy server)."""


class NotFoundError(APIStatusError):
    """Unknown request id (HTTP 404 or a "not found" message), or a retired endpoint."""


class RateLimitError(APIStatusError):
    """HTTP 429. `retry_after` is the server's Retry-After in seconds, or None when it sent none."""

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | None,
        operation: str | None = None,
        status: int | None = 429,
        body: Any = None,
    ) -> None:
        super().__init__(message, operation=operation, status=status, body=body)
        self.retry_after = retry_after


class ServerError(APIStatusError):
    """HTTP 500 or above (a standard code; Cloudflare's 520 and the like are UnexpectedResponseError).

    `retry_after` is the server's Retry-After in seconds (503 may carry one), or None.
    """

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | None = None,
        operation: str | None = None,
        status: int | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(message, operation=operation, status=status, body=body)
        self.retry_after = retry_after


class UnexpectedResponseError(APIStatusError):
    """An answer openapi.yaml does not describe; `reason` says how it differs."""

    def __init__(
        self,
        message: str,
        *,
        reason: str,
        operation: str | None = None,
        status: int | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(message, operation=operation, status=status, body=body)
        self.reason = redact(reason)


class APIConnectionError(OffcloudError):
    """The request got no answer: the connection failed, was dropped, or broke the HTTP protocol."""


class APITimeoutError(APIConnectionError):
    """The request got no answer within its timeout (connect, read, write or pool)."""


class DownloadFailedError(OffcloudError):
    """A waited-for download ended in `error` or `canceled`.

    `download` is the last status model, `state` its status, `error_message` the server's errorMessage
    (None when it sent none), `request_id` the download's id.
    """

    def __init__(
        self,
        message: str,
        *,
        request_id: str,
        state: str,
        error_message: str | None,
        download: Any,
        operation: str | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(message, operation=operation, status=200, body=body)
        self.request_id = request_id
        self.state = state
        self.error_message = None if error_message is None else redact(error_message)
        self.download = download


class WaitTimeoutError(OffcloudError):
    """A waited-for download was still unfinished after `timeout` seconds; `last` is its last status."""

    def __init__(
        self, message: str, *, request_id: str, timeout: float, last: Any, operation: str | None = None
    ) -> None:
        super().__init__(message, operation=operation, status=None, body=None)
        self.request_id = request_id
        self.timeout = timeout
        self.last = last


# The ONE place that maps error messages to classes. Legacy servers sent every error with HTTP 200, so
# the message is all there is; the 2026 server sends the same bodies with 400/401/404, and the same
# message must give the same class in both eras. Keys are compared case-insensitively.
_MESSAGE_CLASSES: dict[str, type[APIStatusError]] = {
    "noauth": AuthenticationError,
    "the credentials entered are wrong.": AuthenticationError,
    "user not authorized": AuthenticationError,
    "request not found": NotFoundError,
}
# Messages containing one of these are NotFoundError whatever else they say.
_NOT_FOUND_MARKERS = ("not found",)
# When the message is not recognised, the HTTP status decides; anything else is a bad request.
_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    401: AuthenticationError,
    403: AuthenticationError,
    404: NotFoundError,
}


def error_for_message(message: str, status: int) -> type[APIStatusError]:
    """The class for an `{"error": message}` body received with HTTP `status` (200, 400, 401, 404...)."""
    folded = message.strip().casefold()
    known = _MESSAGE_CLASSES.get(folded)
    if known is not None:
        return known
    if any(marker in folded for marker in _NOT_FOUND_MARKERS):
        return NotFoundError
    return _STATUS_CLASSES.get(status, BadRequestError)
