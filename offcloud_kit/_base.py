"""What Offcloud and AsyncOffcloud share: construction, the generated client, settings, repr."""

import dataclasses
import random as _random
import time
from collections.abc import Callable
from typing import Any, Literal

import httpx
from offcloud_client import Client
from offcloud_client.client import DEFAULT_TIMEOUT  # 5 s connect, 30 s read

from offcloud_kit._core import Core
from offcloud_kit.redact import install_log_redaction, register_secret
from offcloud_kit.retry import RetryPolicy

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_TIMEOUT", "ClientBase"]

DEFAULT_BASE_URL = "https://offcloud.com"


class ClientBase:
    """Builds (or adopts) the generated `offcloud_client.Client` and the shared Core.

    `sleep` (retry backoff, polls) defaults to the facade's `_default_sleep`: time.sleep or asyncio.sleep.
    """

    _default_sleep: Callable[[float], object]

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
        self._core = Core(raw, policy=policy, retry_unsafe=retry_unsafe, clock=clock, random=random)

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
            "clock": core.clock,
            "random": core.random,
        }

    def __repr__(self) -> str:
        raw = self._core.raw
        key = "***" if raw.api_key else None
        # The key is never shown, not even in part: reprs end up in logs and tracebacks.
        return (
            f"{type(self).__name__}(base_url={raw._base_url!r}, api_key={key}, auth_style={raw.auth_style!r})"
        )
