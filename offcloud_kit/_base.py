"""What Offcloud and AsyncOffcloud share: construction, the generated client, settings, repr."""

import dataclasses
import random as _random
import time
from collections.abc import Callable
from typing import Any, ClassVar, Literal, Self

import httpx
from offcloud_client import Client
from offcloud_client.client import DEFAULT_TIMEOUT  # 5 s connect, 30 s read

from offcloud_kit._core import DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_SIZE, Core
from offcloud_kit.redact import install_log_redaction, register_secret
from offcloud_kit.retry import RetryPolicy

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_RESPONSE_SIZE",
    "DEFAULT_TIMEOUT",
    "ClientBase",
]

DEFAULT_BASE_URL = "https://offcloud.com"


class ClientBase:
    """Builds (or adopts) the generated `offcloud_client.Client` and the shared Core.

    `sleep` (retry backoff, polls) defaults to the facade's `_default_sleep`: time.sleep or asyncio.sleep.
    """

    _default_sleep: Callable[[float], object]
    # The two facades, registered as they are defined (`class Offcloud(ClientBase, is_async=False)`):
    # to_async() and to_sync() build the twin from here, so neither facade's module imports the other.
    _facades: ClassVar[dict[bool, type["ClientBase"]]] = {}

    def __init_subclass__(cls, *, is_async: bool | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if is_async is not None:
            ClientBase._facades[is_async] = cls

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        auth_style: Literal["query", "bearer"] = "query",
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        retry_unsafe: bool = False,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
        sleep: Callable[[float], object] | None = None,
        clock: Callable[[], float] = time.monotonic,
        random: Callable[[], float] = _random.random,
        httpx_args: dict[str, Any] | None = None,
        raw: Client | None = None,
    ) -> None:
        install_log_redaction()
        self._sleep = type(self)._default_sleep if sleep is None else sleep
        policy = retry_policy or RetryPolicy()
        if max_retries is not None:
            policy = dataclasses.replace(policy, max_retries=max_retries)
        if raw is None:
            raw = Client(
                base_url=base_url,
                api_key=api_key,
                auth_style=auth_style,
                timeout=timeout,
                httpx_args=dict(httpx_args or {}),
            )
        elif api_key is not None:
            raise TypeError("give either api_key (and the other connection settings) or raw, not both")
        register_secret(raw.api_key)
        self._core = Core(
            raw,
            policy=policy,
            retry_unsafe=retry_unsafe,
            deadline=deadline,
            max_response_size=max_response_size,
            clock=clock,
            random=random,
        )

    @property
    def raw(self) -> Client:
        """The generated client, with the same base URL, key, cookies and timeouts.

        For the generated call styles: ``get_cloud_status.sync_detailed(client=oc.raw, body=...)``.
        """
        return self._core.raw

    @property
    def retry_policy(self) -> RetryPolicy:
        return self._core.policy

    def _shared_settings(self) -> dict[str, Any]:
        """Constructor arguments for a twin (sync <-> async) that shares the generated client and its jar."""
        core = self._core
        return {
            "raw": core.raw,
            "retry_policy": core.policy,
            "retry_unsafe": core.retry_unsafe,
            "deadline": core.deadline,
            "max_response_size": core.max_response_size,
            "clock": core.clock,
            "random": core.random,
        }

    def _twin(self, *, is_async: bool, sleep: Callable[[float], object] | None) -> "ClientBase":
        """The other facade on this generated client: same key, settings and session cookie."""
        return ClientBase._facades[is_async](**self._shared_settings(), sleep=sleep)

    @classmethod
    def _device_login_helper(cls, settings: dict[str, Any]) -> tuple[Self, bool]:
        """The client a device login runs on (built from the constructor's keywords, with no key), and
        whether to close it afterwards: not when the caller gave the transport, which stays open for the
        client login_with_device() returns."""
        if "api_key" in settings or "raw" in settings:
            raise TypeError("login_with_device() gets its key from the login; give no api_key or raw")
        close_after = "transport" not in (settings.get("httpx_args") or {})
        return cls(None, **settings), close_after

    def __repr__(self) -> str:
        raw = self._core.raw
        key = "***" if raw.api_key else None
        # The key is never shown, not even in part: reprs end up in logs and tracebacks.
        return (
            f"{type(self).__name__}(base_url={raw._base_url!r}, api_key={key}, auth_style={raw.auth_style!r})"
        )
