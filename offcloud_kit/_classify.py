"""Judging one HTTP answer: the documented result, or the OffcloudError that says why not.

Shared by the sync and async clients; nothing here does I/O. The order matters:

1. 429 and standard 5xx statuses first. openapi.yaml documents neither (they come from the server's
   front, often as HTML pages), and they must stay distinguishable so retries can act on them.
2. Then the generated `_build_response` parses the answer against openapi.yaml. What it cannot place
   (a non-standard status such as 520, HTML where JSON was due, a body of no documented shape) raises
   `offcloud_client.errors.UnexpectedResponse`, which becomes UnexpectedResponseError; an undocumented
   standard status comes back as `parsed=None`, which becomes one too.
3. Then the parsed body: `{"error": ...}` and `{"not_available": ...}` raise whatever the HTTP status
   (200 from legacy servers, 4xx from the 2026 one), through errors.error_for_message().

Secrets: an error carries a RedactedRequest, never the httpx Request or Response (their URLs hold
`?key=`); a chained httpx or generated-client error is scrubbed in place (redact.scrub_exception). The
frames on the raising path are in every traceback printed with its locals (pytest --showlocals,
Sentry), so the judging is done by _judge(), which returns the error rather than raising it, and
interpret() raises it from a frame whose locals show nothing secret.
"""

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx
from offcloud_client import Client
from offcloud_client.errors import UnexpectedResponse, is_standard_status
from offcloud_client.models import CloudNotAvailable, DownloadNotAvailable, ErrorBody
from offcloud_client.types import Response

from offcloud_kit.errors import (
    APIConnectionError,
    APITimeoutError,
    NotAvailableError,
    OffcloudError,
    RateLimitError,
    RedactedRequest,
    ServerError,
    UnexpectedResponseError,
    error_for_message,
)
from offcloud_kit.redact import RedactedDict, redact, redact_bytes, redact_json, scrub_exception
from offcloud_kit.retry import parse_retry_after

__all__ = [
    "DeadlinePassed",
    "Plan",
    "TooLarge",
    "body_of",
    "connection_error",
    "deadline_error",
    "interpret",
    "too_large_error",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Plan(Generic[T]):
    """One request of one operation, and how to turn its documented success into the caller's result.

    `request` is what the generated module's `_get_kwargs()` built (method, url, headers, body);
    `build_response` is that module's `_build_response`; a parsed body of type `success` is handed to
    `convert` (e.g. to unwrap `{"status": {...}}` or to split a text answer into lines).
    """

    operation: str
    request: dict[str, Any]
    build_response: Callable[..., Response[Any]]
    success: type[Any]
    convert: Callable[[Any], T]

    def __post_init__(self) -> None:
        # The request (a login form holds the password) is shown by tracebacks with locals, through the
        # Plan and the Send that carries it: its repr is redacted.
        if not isinstance(self.request, RedactedDict):
            object.__setattr__(self, "request", RedactedDict(self.request))


@dataclass(frozen=True)
class DeadlinePassed:
    """An attempt stopped by the call's deadline; `request` is what was being sent (None: nothing yet)."""

    request: RedactedRequest | None


@dataclass(frozen=True)
class TooLarge:
    """An answer stopped at the size cap: `limit` bytes, counted once decompressed when `decompressed`."""

    request: RedactedRequest
    status: int
    limit: int
    decompressed: bool


def deadline_error(operation: str, deadline: float | None, passed: DeadlinePassed) -> APITimeoutError:
    within = "its deadline" if deadline is None else f"the call's deadline of {deadline:g} s"
    error = APITimeoutError(
        f"{operation}: timed out: no answer within {within} (pass deadline= to the client or to the call "
        "to wait longer, or None for no deadline)",
        operation=operation,
    )
    error.request = passed.request
    return error


def too_large_error(operation: str, stopped: TooLarge) -> UnexpectedResponseError:
    reason = f"larger than the cap of {stopped.limit} bytes" + (
        " once decompressed" if stopped.decompressed else ""
    )
    error = UnexpectedResponseError(
        f"{operation}: unexpected response (HTTP {stopped.status}): the answer is {reason} (pass "
        "max_response_size= to the client or to the call to accept more)",
        reason=reason,
        operation=operation,
        status=stopped.status,
    )
    error.request = stopped.request
    return error


def body_of(content: bytes) -> Any:
    """The body for an error's `.body`: parsed JSON when it is JSON, else the bytes; credentials masked."""
    try:
        return redact_json(json.loads(content))
    except (ValueError, RecursionError):  # not JSON, undecodable, or nested too deep to walk
        return redact_bytes(content)


def _error_text(body: Any) -> str | None:
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        return str(body["error"])
    return None


def connection_error(operation: str, exc: httpx.RequestError) -> APIConnectionError:
    """The error for a request that got no answer.

    `exc` becomes its __cause__, so it is scrubbed in place first: no request, no traceback (whose httpx
    and httpcore frames hold the URL), redacted messages, along its own chain.
    """
    sent = getattr(exc, "_request", None)  # httpx's .request raises when unset
    request = RedactedRequest.of(sent) if isinstance(sent, httpx.Request) else None
    del sent
    # Called outside any handler of ours: what is being handled is the caller's, chained by Python.
    scrub_exception(exc, outside=sys.exc_info()[1])
    kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    what = "timed out" if kind is APITimeoutError else "connection failed"
    error = kind(
        f"{operation}: {what} ({type(exc).__name__}: {redact(str(exc)) or 'no details'})", operation=operation
    )
    error.request = request
    return error


def _status_error(operation: str, response: httpx.Response) -> RateLimitError | ServerError | None:
    status = response.status_code
    if status != 429 and not (status >= 500 and is_standard_status(status)):
        return None
    body = body_of(response.content)
    retry_after = parse_retry_after(response.headers.get("retry-after"))
    detail = _error_text(body)
    suffix = (f": {detail}" if detail else "") + (
        f"; retry after {retry_after:g} s" if retry_after is not None else ""
    )
    if status == 429:
        return RateLimitError(
            f"{operation}: rate limited (HTTP 429){suffix}",
            retry_after=retry_after,
            operation=operation,
            body=body,
        )
    return ServerError(
        f"{operation}: server error (HTTP {status}){suffix}",
        retry_after=retry_after,
        operation=operation,
        status=status,
        body=body,
    )


def _unexpected(operation: str, response: httpx.Response, reason: str) -> UnexpectedResponseError:
    return UnexpectedResponseError(
        f"{operation}: unexpected response (HTTP {response.status_code}): {reason}",
        reason=reason,
        operation=operation,
        status=response.status_code,
        body=body_of(response.content),
    )


def _json_error_beside_text(operation: str, response: httpx.Response) -> ErrorBody | OffcloudError:
    """The error a legacy server sent as JSON where the operation's answer is text/plain.

    openapi-python-client reads one media type per status, so listCloudDownloadLinks' documented
    `200 application/json` error (legacy era) would otherwise come back as a "line" of text.
    """
    body = body_of(response.content)
    if _error_text(body) is None:
        return _unexpected(operation, response, "a JSON body that is not an error where text was due")
    return ErrorBody.from_dict(body)


def _build(plan: Plan[Any], raw: Client, response: httpx.Response) -> Any:
    """The generated client's parse of `response`, or the UnexpectedResponseError it means."""
    outside = sys.exc_info()[1]  # the caller's exception, if it calls us while handling one
    try:
        return plan.build_response(client=raw, response=response).parsed
    except UnexpectedResponse as exc:
        # The generated error and what it chains (a JSONDecodeError holds the whole body) are scrubbed,
        # and become the __cause__ of an error raised later, outside this handler: raised inside it, the
        # error would also keep the unscrubbed original as __context__. (A body nested too deep for
        # Python's JSON reader is one of these too: the generated client's PARSE_ERRORS has RecursionError.)
        failure = _unexpected(plan.operation, response, exc.reason)
        failure.__cause__ = scrub_exception(exc, outside=outside)
        return failure


def _judge(plan: Plan[T], raw: Client, response: httpx.Response) -> T | OffcloudError:
    """The caller's result for `response`, or the OffcloudError it means (returned, not raised)."""
    operation = plan.operation
    early = _status_error(operation, response)
    if early is not None:
        return early
    parsed = _build(plan, raw, response)
    if isinstance(parsed, OffcloudError):
        return parsed
    status = response.status_code
    if parsed is None:
        return _unexpected(operation, response, "the status code is not documented for this operation")
    if isinstance(parsed, str) and response.headers.get("content-type", "").startswith("application/json"):
        parsed = _json_error_beside_text(operation, response)
        if isinstance(parsed, OffcloudError):
            return parsed
    if isinstance(parsed, ErrorBody):
        cls = error_for_message(parsed.error, status)
        message = f"{operation}: {parsed.error} (HTTP {status})"
        return cls(message, operation=operation, status=status, body=body_of(response.content))
    if isinstance(parsed, DownloadNotAvailable | CloudNotAvailable):
        addon = str(parsed.not_available)
        return NotAvailableError(
            f"{operation}: not available without the {addon!r} add-on (HTTP {status})",
            addon=addon,
            operation=operation,
            status=status,
            body=body_of(response.content),
        )
    if not isinstance(parsed, plan.success):
        return _unexpected(
            operation, response, f"a {type(parsed).__name__} where {plan.success.__name__} was due"
        )
    return plan.convert(parsed)


def interpret(plan: Plan[T], raw: Client, response: httpx.Response) -> T:
    """The caller's result for `response`, or raise the OffcloudError it means.

    The error is raised here, where the locals are the plan (redacted repr), the generated client (no
    key in its repr) and the error itself; the parsed body and message stay in _judge's finished frame.
    """
    outcome = _judge(plan, raw, response)
    if isinstance(outcome, OffcloudError):
        outcome.request = RedactedRequest.of(response.request)
        del response  # its .request.url holds the key
        raise outcome
    return outcome
