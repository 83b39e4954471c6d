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

__all__ = ["CallOptions", "Core", "WaitOptions", "listed", "poll_options", "same"]

T = TypeVar("T")


class CallOptions(TypedDict, total=False):
    """Per-call overrides, accepted as keywords by every method of Offcloud and AsyncOffcloud."""

    timeout: float | httpx.Timeout | None  # this request's timeout (None: no limit)
    max_retries: int  # retries of transient failures for this call
    retry_unsafe: bool  # also retry an operation that creates something (addCloudDownload...)


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


class Core:
    """One generated Client and the retry settings, which every operation's steps are made with."""

    def __init__(
        self,
        raw: Client,
        *,
        policy: RetryPolicy,
        retry_unsafe: bool,
        clock: Callable[[], float],
        random: Callable[[], float],
    ) -> None:
        self.raw = raw
        self.policy = policy
        self.retry_unsafe = retry_unsafe
        self.clock = clock
        self.random = random

    def settings(self, options: CallOptions) -> CallSettings:
        unknown = set(options) - set(CallOptions.__annotations__)
        if unknown:
            raise TypeError(f"unknown call option(s): {', '.join(sorted(unknown))}")
        max_retries = options.get("max_retries", self.policy.max_retries)
        if max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, not {max_retries}")
        return CallSettings(
            timeout=options.get("timeout", httpx.USE_CLIENT_DEFAULT),
            max_retries=max_retries,
            retry_unsafe=options.get("retry_unsafe", self.retry_unsafe),
        )

    def perform(self, plan: Plan[T], options: CallOptions) -> Steps[T]:
        """The steps of sending `plan` with these options: retries, classification, the result."""
        return execute(plan, self.raw, self.settings(options), self.policy, self.random)

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
