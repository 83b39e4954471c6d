"""Calls as steps: the logic every call shares, written once for the sync and the async client.

A call is a generator that yields actions and receives their outcomes:

* `Send(request, timeout, deadline, max_size)`: perform an HTTP request within `deadline` seconds (None:
  no limit) reading at most `max_size` bytes of answer (see _exchange); the outcome is the
  httpx.Response, the httpx.RequestError it raised (passed in, not thrown, so the generator decides
  what it means), or DeadlinePassed or TooLarge when a bound stopped it;
* `Sleep(seconds)`: wait (for a retry's backoff, or between two polls of a download);
* `Notify(callback, value)`: call a progress callback (the async client awaits it if it is a coroutine).

The sync client performs them with httpx.Client and time.sleep, the async one with httpx.AsyncClient and
asyncio.sleep (both injectable). Retries, backoff, waiting and classification live here and in
_classify, waiting and retry, with no I/O of their own, so tests drive them with no network at all.
"""

import logging
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any, Generic, TypeAlias, TypeVar

import httpx
from httpx._client import UseClientDefault
from offcloud_client import Client

from offcloud_kit._classify import (
    DeadlinePassed,
    Plan,
    TooLarge,
    connection_error,
    deadline_error,
    interpret,
    too_large_error,
)
from offcloud_kit.errors import APIConnectionError, OffcloudError
from offcloud_kit.retry import SAFE_OPERATIONS, RetryPolicy

__all__ = [
    "Action",
    "CallSettings",
    "Done",
    "Notify",
    "Send",
    "Sleep",
    "Steps",
    "TimeoutArg",
    "advance",
    "execute",
]

T = TypeVar("T")
logger = logging.getLogger("offcloud_kit")

# What httpx accepts as a request's `timeout=`: seconds, an httpx.Timeout, None (no limit), or the
# client's default.
TimeoutArg: TypeAlias = float | httpx.Timeout | UseClientDefault | None


@dataclass(frozen=True)
class Send:
    request: dict[str, Any]
    timeout: TimeoutArg
    deadline: float | None  # seconds left for this attempt, None for no limit
    max_size: int  # bytes of answer, before and after decompression


@dataclass(frozen=True)
class Sleep:
    seconds: float


@dataclass(frozen=True)
class Notify:
    callback: Callable[[Any], object]
    value: Any


Action: TypeAlias = Send | Sleep | Notify
Steps: TypeAlias = Generator[Action, object, T]


@dataclass(frozen=True)
class Done(Generic[T]):
    """A finished call's result, as returned by advance()."""

    value: T


def advance(steps: Steps[T], outcome: object) -> Action | Done[T]:
    """Hand `outcome` to the call and get its next action, or Done with its result."""
    try:
        return steps.send(outcome)
    except StopIteration as stop:
        return Done(stop.value)


@dataclass(frozen=True)
class CallSettings:
    """One call's effective settings: the client's, with the caller's per-call overrides applied."""

    timeout: TimeoutArg
    max_retries: int
    retry_unsafe: bool
    deadline: float | None  # seconds for the whole call, retries and their waits included
    max_response_size: int


def _reason(error: OffcloudError) -> str:
    if isinstance(error, APIConnectionError):
        return type(error).__name__
    return f"HTTP {error.status}"


def _result(plan: Plan[T], raw: Client, settings: CallSettings, outcome: object) -> T:
    """The call's result for one attempt's outcome, or raise the OffcloudError it means."""
    if isinstance(outcome, httpx.RequestError):
        raise connection_error(plan.operation, outcome) from outcome
    if isinstance(outcome, DeadlinePassed):
        raise deadline_error(plan.operation, settings.deadline, outcome)
    if isinstance(outcome, TooLarge):
        raise too_large_error(plan.operation, outcome)
    if not isinstance(outcome, httpx.Response):
        raise TypeError(f"Send expects an httpx.Response, an httpx.RequestError or a bound, got {outcome!r}")
    return interpret(plan, raw, outcome)


def execute(
    plan: Plan[T],
    raw: Client,
    settings: CallSettings,
    policy: RetryPolicy,
    random: Callable[[], float],
    clock: Callable[[], float],
) -> Steps[T]:
    """Send `plan` and judge the answer, retrying transient failures where that is safe.

    With a deadline, each attempt gets the time left, and a retry whose wait would end at or past the
    deadline is not made: the call raises the failure it has (a deadline passed during an attempt is an
    APITimeoutError, never retried).
    """
    ends = None if settings.deadline is None else clock() + settings.deadline
    retries_done = 0
    while True:
        left = None if ends is None else ends - clock()
        if left is not None and left <= 0:
            raise deadline_error(plan.operation, settings.deadline, DeadlinePassed(request=None))
        outcome = yield Send(plan.request, settings.timeout, left, settings.max_response_size)
        try:
            return _result(plan, raw, settings, outcome)
        except OffcloudError as exc:
            error = exc
        repeatable = plan.operation in SAFE_OPERATIONS or settings.retry_unsafe
        if (
            retries_done >= settings.max_retries
            or not repeatable
            or isinstance(outcome, DeadlinePassed)
            or not policy.is_retryable(error)
        ):
            raise error
        delay = policy.delay(error, retries_done, random)
        if ends is not None and clock() + delay >= ends:
            raise error
        retries_done += 1
        reason = _reason(error)
        logger.info(
            "Retrying %s (attempt %d of %d) in %.3f s after %s",
            plan.operation,
            retries_done + 1,
            settings.max_retries + 1,
            delay,
            reason,
            extra={
                "operation": plan.operation,
                "attempt": retries_done + 1,
                "delay": delay,
                "reason": reason,
            },
        )
        yield Sleep(delay)
