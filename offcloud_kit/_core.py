"""What every operation shares: the generated Client, the retry settings, and how a call becomes steps.

The operations themselves live in `_operations/`, one module per resource of openapi.yaml (its tags:
account, instant, cloud, remote, proxies, cache, oauth). Each is a function of a Core that builds the
request with the generated module's `_get_kwargs()`, says which parsed type is the success and how to
present it, and returns the steps (see _steps) of `Core.call()`. The facades, Offcloud and AsyncOffcloud,
only perform the steps, so an operation's behaviour is defined once.
"""

from collections.abc import Callable
from typing import Any, TypedDict, TypeVar

import httpx
from offcloud_client import Client

from offcloud_kit._classify import Plan
from offcloud_kit._steps import CallSettings, Steps, execute
from offcloud_kit.retry import RetryPolicy

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_RESPONSE_SIZE",
    "CallOptions",
    "Core",
    "WaitOptions",
    "check_bounds",
    "listed",
    "poll_options",
    "same",
]

T = TypeVar("T")

# Every call ends within this many seconds, its retries and their waits included. `timeout=` bounds
# each connect and each read (30 s by default), not how long a server may take to drip a whole answer;
# two minutes leave room for a slow answer and its retries, and stop a server that never finishes.
DEFAULT_DEADLINE = 120.0
# The largest answer read, in bytes, counted on the wire and again once decompressed. The largest
# Offcloud answers (a long cloud history, the links of a torrent of thousands of files, cache info with
# files for 1,000 links) are a few MB; 16 MiB is several times that, and bounds what one call can make
# the process hold (the bytes, then the parsed JSON, several times their size).
DEFAULT_MAX_RESPONSE_SIZE = 16 * 1024 * 1024


class CallOptions(TypedDict, total=False):
    """Per-call overrides, accepted as keywords by every method of Offcloud and AsyncOffcloud."""

    timeout: float | httpx.Timeout | None  # each connect and read of this call (None: no limit)
    max_retries: int  # retries of transient failures for this call
    retry_unsafe: bool  # also retry an operation that creates something (addCloudDownload...)
    deadline: float | None  # seconds for the whole call, retries and waits included (None: no limit)
    max_response_size: int  # bytes of answer accepted, on the wire and decompressed


class WaitOptions(TypedDict, total=False):
    """Overrides for the status requests a wait_for_*() sends."""

    request_timeout: float | httpx.Timeout | None
    max_retries: int


def poll_options(options: WaitOptions) -> CallOptions:
    """The CallOptions of each status request a wait sends."""
    call: CallOptions = {}
    if "request_timeout" in options:
        call["timeout"] = options["request_timeout"]
    if "max_retries" in options:
        call["max_retries"] = options["max_retries"]
    return call


def check_bounds(deadline: float | None, max_response_size: int) -> None:
    if deadline is not None and not deadline > 0:
        raise ValueError(f"deadline must be above 0 seconds, or None, not {deadline}")
    if not max_response_size > 0:
        raise ValueError(f"max_response_size must be above 0 bytes, not {max_response_size}")


class Core:
    """One generated Client and the retry settings, which every operation's steps are made with."""

    def __init__(
        self,
        raw: Client,
        *,
        policy: RetryPolicy,
        retry_unsafe: bool,
        deadline: float | None,
        max_response_size: int,
        clock: Callable[[], float],
        random: Callable[[], float],
    ) -> None:
        check_bounds(deadline, max_response_size)
        self.raw = raw
        self.policy = policy
        self.retry_unsafe = retry_unsafe
        self.deadline = deadline
        self.max_response_size = max_response_size
        self.clock = clock
        self.random = random

    def settings(self, options: CallOptions) -> CallSettings:
        unknown = set(options) - set(CallOptions.__annotations__)
        if unknown:
            raise TypeError(f"unknown call option(s): {', '.join(sorted(unknown))}")
        max_retries = options.get("max_retries", self.policy.max_retries)
        if max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, not {max_retries}")
        deadline = options.get("deadline", self.deadline)
        max_response_size = options.get("max_response_size", self.max_response_size)
        check_bounds(deadline, max_response_size)
        return CallSettings(
            timeout=options.get("timeout", httpx.USE_CLIENT_DEFAULT),
            max_retries=max_retries,
            retry_unsafe=options.get("retry_unsafe", self.retry_unsafe),
            deadline=deadline,
            max_response_size=max_response_size,
        )

    def perform(self, plan: Plan[T], options: CallOptions) -> Steps[T]:
        """The steps of sending `plan` with these options: retries, classification, the result."""
        return execute(plan, self.raw, self.settings(options), self.policy, self.random, self.clock)

    def call(
        self,
        operation: str,
        module: Any,
        success: type[Any],
        convert: Callable[[Any], T],
        options: CallOptions,
        **kwargs: Any,
    ) -> Steps[T]:
        """The steps of one operation of the generated `module`, called with `kwargs`.

        A parsed answer of type `success` is handed to `convert` for the caller's result.
        """
        plan = Plan(operation, module._get_kwargs(**kwargs), module._build_response, success, convert)
        return self.perform(plan, options)


def same(value: T) -> T:
    """The converter of an operation whose parsed answer is the caller's result."""
    return value


def listed(items: Any) -> list[Any]:
    """The converter of an operation whose parsed answer is a sequence: a list of it."""
    return list(items)
