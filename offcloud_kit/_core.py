"""Every operation as steps (see _steps), shared by Offcloud and AsyncOffcloud.

Each method builds the request with the generated module's `_get_kwargs()` and says which parsed type
is the success and how to present it; `_steps.execute` does the rest. The facades only perform the
steps, so an operation's behaviour is defined here once.
"""

from collections.abc import Callable, Iterable
from typing import Any, TypedDict, TypeVar

import httpx
from offcloud_client import Client
from offcloud_client.api.account import check_login, get_api_key, login
from offcloud_client.api.cache import check_cache
from offcloud_client.api.cloud import (
    add_cloud_download,
    explore_cloud_download,
    get_cloud_status,
    list_cloud_download_links,
    retry_cloud_download,
)
from offcloud_client.api.instant import add_instant_download
from offcloud_client.api.proxies import list_proxies
from offcloud_client.api.remote import (
    add_remote_download,
    get_remote_status,
    list_remote_accounts,
    retry_remote_download,
)
from offcloud_client.models import (
    ApiKeyInfo,
    CacheCheckForm,
    CacheCheckResult,
    CloudDownload,
    CloudDownloadForm,
    CloudDownloadStatus,
    CloudStatusResult,
    InstantDownload,
    InstantDownloadForm,
    LoginCheck,
    LoginForm,
    LoginResult,
    Proxy,
    ProxyList,
    RemoteAccount,
    RemoteAccountList,
    RemoteDownload,
    RemoteDownloadForm,
    RemoteDownloadStatus,
    RemoteStatusResult,
    RequestIdForm,
    RetryResult,
)
from offcloud_client.types import UNSET

from offcloud_kit._classify import Plan
from offcloud_kit._steps import CallSettings, Steps, execute
from offcloud_kit.redact import register_secret
from offcloud_kit.retry import RetryPolicy
from offcloud_kit.waiting import Progress, follow

__all__ = ["CACHE_BATCH_SIZE", "CallOptions", "Core", "WaitOptions"]

T = TypeVar("T")

# openapi.yaml's CacheCheckForm allows at most 1000 hashes per request; longer lists are split.
CACHE_BATCH_SIZE = 1000


class CallOptions(TypedDict, total=False):
    """Per-call overrides, accepted as keywords by every method of Offcloud and AsyncOffcloud."""

    timeout: float | httpx.Timeout | None  # this request's timeout (None: no limit)
    max_retries: int  # retries of transient failures for this call
    retry_unsafe: bool  # also retry an operation that creates something (addCloudDownload...)


class WaitOptions(TypedDict, total=False):
    """Overrides for the status requests a wait_for_*() sends."""

    request_timeout: float | httpx.Timeout | None
    max_retries: int


def _same(value: T) -> T:
    return value


def _strings(items: list[Any]) -> list[str]:
    return [str(item) for item in items]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _api_key(info: ApiKeyInfo) -> ApiKeyInfo:
    register_secret(info.api_key)  # a key we have just been told is one more to keep out of logs
    return info


class Core:
    """The operations, bound to one generated Client and the retry settings."""

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

    def _run(
        self,
        operation: str,
        module: Any,
        success: type[Any],
        convert: Callable[[Any], T],
        options: CallOptions,
        **kwargs: Any,
    ) -> Steps[T]:
        plan = Plan(operation, module._get_kwargs(**kwargs), module._build_response, success, convert)
        return execute(plan, self.raw, self.settings(options), self.policy, self.random)

    def login(self, email: str, password: str, options: CallOptions) -> Steps[LoginResult]:
        # Servers echo what they refuse (the mock quotes the start of an over-long password in its 400):
        # the password is masked in every message, body and log line from now on.
        register_secret(password)
        body = LoginForm(username=email, password=password)
        return self._run("login", login, LoginResult, _same, options, body=body)

    def is_logged_in(self, options: CallOptions) -> Steps[bool]:
        return self._run("checkLogin", check_login, LoginCheck, lambda c: c.logged_in == 1, options)

    def get_api_key(self, options: CallOptions) -> Steps[ApiKeyInfo]:
        return self._run("getApiKey", get_api_key, ApiKeyInfo, _api_key, options)

    def add_instant(self, url: str, proxy_id: str | None, options: CallOptions) -> Steps[InstantDownload]:
        body = InstantDownloadForm(url=url, proxy_id=UNSET if proxy_id is None else proxy_id)
        return self._run(
            "addInstantDownload", add_instant_download, InstantDownload, _same, options, body=body
        )

    def add_cloud(self, url: str, options: CallOptions) -> Steps[CloudDownload]:
        body = CloudDownloadForm(url=url)
        return self._run("addCloudDownload", add_cloud_download, CloudDownload, _same, options, body=body)

    def add_remote(
        self, url: str, remote_option_id: str, folder_id: str | None, options: CallOptions
    ) -> Steps[RemoteDownload]:
        body = RemoteDownloadForm(
            url=url, remote_option_id=remote_option_id, folder_id=UNSET if folder_id is None else folder_id
        )
        return self._run("addRemoteDownload", add_remote_download, RemoteDownload, _same, options, body=body)

    def list_proxies(self, options: CallOptions) -> Steps[list[Proxy]]:
        return self._run("listProxies", list_proxies, ProxyList, lambda r: list(r.list_), options)

    def cloud_status(self, request_id: str, options: CallOptions) -> Steps[CloudDownloadStatus]:
        body = RequestIdForm(request_id=request_id)
        # The real server wraps the status in {"status": {...}}; callers want what is inside.
        return self._run(
            "getCloudStatus", get_cloud_status, CloudStatusResult, lambda r: r.status, options, body=body
        )

    def remote_status(self, request_id: str, options: CallOptions) -> Steps[RemoteDownloadStatus]:
        body = RequestIdForm(request_id=request_id)
        return self._run(
            "getRemoteStatus", get_remote_status, RemoteStatusResult, lambda r: r.status, options, body=body
        )

    def check_cache(self, hashes: Iterable[str], options: CallOptions) -> Steps[list[str]]:
        # A lone string is one hash, not 40 one-character hashes.
        wanted = [hashes] if isinstance(hashes, str) else list(hashes)
        cached: list[str] = []
        for start in range(0, len(wanted), CACHE_BATCH_SIZE):
            body = CacheCheckForm(hashes=wanted[start : start + CACHE_BATCH_SIZE])
            batch = yield from self._run(
                "checkCache",
                check_cache,
                CacheCheckResult,
                lambda r: list(r.cached_items),
                options,
                body=body,
            )
            cached.extend(batch)
        return cached

    def explore(self, request_id: str, options: CallOptions) -> Steps[list[str]]:
        return self._run(
            "exploreCloudDownload", explore_cloud_download, list, _strings, options, request_id=request_id
        )

    def list_links(self, request_id: str, options: CallOptions) -> Steps[list[str]]:
        return self._run(
            "listCloudDownloadLinks", list_cloud_download_links, str, _lines, options, request_id=request_id
        )

    def remote_accounts(self, options: CallOptions) -> Steps[list[RemoteAccount]]:
        return self._run(
            "listRemoteAccounts", list_remote_accounts, RemoteAccountList, lambda r: list(r.data), options
        )

    def retry_cloud(self, request_id: str, options: CallOptions) -> Steps[RetryResult]:
        return self._run(
            "retryCloudDownload", retry_cloud_download, RetryResult, _same, options, request_id=request_id
        )

    def retry_remote(self, request_id: str, options: CallOptions) -> Steps[RetryResult]:
        return self._run(
            "retryRemoteDownload", retry_remote_download, RetryResult, _same, options, request_id=request_id
        )

    @staticmethod
    def _poll_options(options: WaitOptions) -> CallOptions:
        call: CallOptions = {}
        if "request_timeout" in options:
            call["timeout"] = options["request_timeout"]
        if "max_retries" in options:
            call["max_retries"] = options["max_retries"]
        return call

    def wait_for_cloud(
        self,
        request_id: str,
        timeout: float | None,
        poll_interval: float,
        on_progress: Callable[[Progress], object] | None,
        options: WaitOptions,
    ) -> Steps[CloudDownloadStatus]:
        call = self._poll_options(options)
        return follow(
            request_id,
            lambda: self.cloud_status(request_id, call),
            operation="getCloudStatus",
            timeout=timeout,
            poll_interval=poll_interval,
            clock=self.clock,
            on_progress=on_progress,
        )

    def wait_for_remote(
        self,
        request_id: str,
        timeout: float | None,
        poll_interval: float,
        on_progress: Callable[[Progress], object] | None,
        options: WaitOptions,
    ) -> Steps[RemoteDownloadStatus]:
        call = self._poll_options(options)
        return follow(
            request_id,
            lambda: self.remote_status(request_id, call),
            operation="getRemoteStatus",
            timeout=timeout,
            poll_interval=poll_interval,
            clock=self.clock,
            on_progress=on_progress,
        )
