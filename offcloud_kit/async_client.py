"""AsyncOffcloud: the asynchronous client. Each method performs the steps its resource module defines
for it (offcloud_kit._operations), as Offcloud does.

The methods mirror Offcloud's one for one (same names, arguments and results, as coroutines).
"""

import asyncio
import inspect
import os
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar, Unpack, cast

from offcloud_client.models import (
    AccountInfo,
    AccountStats,
    ApiKeyInfo,
    CachedFileLink,
    CacheInfoItem,
    CloudDownload,
    CloudDownloadStatus,
    DeviceCode,
    ExploredFile,
    HistoryItem,
    InstantDownload,
    LoginResult,
    Proxy,
    RemoteAccount,
    RemoteDownload,
    RemoteDownloadStatus,
    RetryResult,
    Site,
    TorrentUploadResult,
)

from offcloud_kit._base import ClientBase
from offcloud_kit._core import CallOptions, WaitOptions
from offcloud_kit._exchange import aexchange
from offcloud_kit._operations import account, cache, cloud, instant, oauth, proxies, remote
from offcloud_kit._steps import Done, Notify, Send, Sleep, Steps, advance
from offcloud_kit.waiting import Progress

if TYPE_CHECKING:  # for the annotation only: the twin is built through ClientBase, never imported
    from offcloud_kit.client import Offcloud

__all__ = ["AsyncOffcloud"]

T = TypeVar("T")


async def _maybe_await(result: object) -> None:
    if inspect.isawaitable(result):
        await result


class AsyncOffcloud(ClientBase, is_async=True):
    """The Offcloud API, asynchronously::

        async with AsyncOffcloud(api_key="...") as oc:
            item = await oc.add_cloud("magnet:?xt=urn:btih:...")
            done = await oc.wait_for_cloud(item.request_id)

    As Offcloud; `sleep` may be a coroutine function (default asyncio.sleep) or a plain function, and
    `on_progress` callbacks may be either too.
    """

    _default_sleep = staticmethod(asyncio.sleep)

    async def _drive(self, steps: Steps[T]) -> T:
        step = advance(steps, None)
        while not isinstance(step, Done):
            outcome: object = None
            if isinstance(step, Send):
                outcome = await aexchange(self.raw.get_async_httpx_client(), step)
            elif isinstance(step, Sleep):
                await _maybe_await(self._sleep(step.seconds))
            elif isinstance(step, Notify):
                await _maybe_await(step.callback(step.value))
            step = advance(steps, outcome)
        return step.value

    def to_sync(self, *, sleep: Callable[[float], object] | None = None) -> "Offcloud":
        """An Offcloud on the same generated client: same key, settings and session cookie."""
        return cast("Offcloud", self._twin(is_async=False, sleep=sleep))

    async def aclose(self) -> None:
        """Close the connection pool of the async transport."""
        await self.raw.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    # --- account -----------------------------------------------------------------------------------
    async def login(self, email: str, password: str, **options: Unpack[CallOptions]) -> LoginResult:
        """Log in; the session cookie is then sent by every call of this client and its to_sync() twin."""
        steps = account.login(self._core, email, password, options)
        del password  # tracebacks printed with locals (pytest --showlocals, Sentry) show this frame
        return await self._drive(steps)

    async def is_logged_in(self, **options: Unpack[CallOptions]) -> bool:
        """Whether the session cookie belongs to a logged-in user (an API key does not count)."""
        return await self._drive(account.is_logged_in(self._core, options))

    async def get_api_key(self, **options: Unpack[CallOptions]) -> ApiKeyInfo:
        """The logged-in user's e-mail and API key (needs login() first)."""
        return await self._drive(account.get_api_key(self._core, options))

    async def account_info(self, **options: Unpack[CallOptions]) -> AccountInfo:
        """The account's identity, premium state and expiry (2026 server)."""
        return await self._drive(account.account_info(self._core, options))

    async def account_stats(self, **options: Unpack[CallOptions]) -> AccountStats:
        """The account's premium state, expiry and limits (legacy server)."""
        return await self._drive(account.account_stats(self._core, options))

    async def sites(self, **options: Unpack[CallOptions]) -> list[Site]:
        """The supported file hosts and their health (either era's item shape)."""
        return await self._drive(account.sites(self._core, options))

    # --- instant downloads -------------------------------------------------------------------------
    async def add_instant(
        self, url: str, proxy_id: str | None = None, **options: Unpack[CallOptions]
    ) -> InstantDownload:
        """Add an instant download (never repeated unless retry_unsafe)."""
        return await self._drive(instant.add_instant(self._core, url, proxy_id, options))

    async def instant_history(self, **options: Unpack[CallOptions]) -> list[HistoryItem]:
        """The account's instant downloads, newest first (legacy server)."""
        return await self._drive(instant.instant_history(self._core, options))

    async def remove_instant(self, request_id: str, **options: Unpack[CallOptions]) -> bool:
        """Remove an instant download (legacy site-root route)."""
        return await self._drive(instant.remove_instant(self._core, request_id, options))

    # --- cloud downloads ---------------------------------------------------------------------------
    async def add_cloud(self, url: str, **options: Unpack[CallOptions]) -> CloudDownload:
        """Add an http(s) URL, magnet link or .torrent URL; cached content comes back `downloaded`.
        Never repeated unless retry_unsafe."""
        return await self._drive(cloud.add_cloud(self._core, url, options))

    async def upload_torrent(
        self,
        torrent: bytes | str | os.PathLike[str],
        *,
        file_name: str | None = None,
        **options: Unpack[CallOptions],
    ) -> TorrentUploadResult:
        """Upload a .torrent (its bytes, or a path) to the legacy site-root /torrent/upload; add the
        answer's `url` with add_cloud(). Never repeated unless retry_unsafe."""
        return await self._drive(cloud.upload_torrent_file(self._core, torrent, file_name, options))

    async def cloud_status(self, request_id: str, **options: Unpack[CallOptions]) -> CloudDownloadStatus:
        """The status of a cloud download (unwrapped from the server's {"status": ...})."""
        return await self._drive(cloud.cloud_status(self._core, request_id, options))

    async def wait_for_cloud(
        self,
        request_id: str,
        *,
        timeout: float | None = 3600.0,
        poll_interval: float = 5.0,
        on_progress: Callable[[Progress], object] | None = None,
        **options: Unpack[WaitOptions],
    ) -> CloudDownloadStatus:
        """Poll until `downloaded` and return that status.

        Raises DownloadFailedError on `error`/`canceled`, WaitTimeoutError after `timeout` seconds of the
        client's clock (None: no limit). `on_progress` receives a Progress after every poll.
        """
        return await self._drive(
            cloud.wait_for_cloud(self._core, request_id, timeout, poll_interval, on_progress, options)
        )

    async def explore(self, request_id: str, **options: Unpack[CallOptions]) -> list[str]:
        """Download links of a finished multi-file download (BadRequestError "Bad archive" for one file)."""
        return await self._drive(cloud.explore(self._core, request_id, options))

    async def explore_detailed(self, request_id: str, **options: Unpack[CallOptions]) -> list[ExploredFile]:
        """The files of a finished download with names, sizes and paths (2026 `format=detailed`)."""
        return await self._drive(cloud.explore_detailed(self._core, request_id, options))

    async def list_links(self, request_id: str, **options: Unpack[CallOptions]) -> list[str]:
        """Download links of a finished cloud download (the text answer, one link per line)."""
        return await self._drive(cloud.list_links(self._core, request_id, options))

    async def retry_cloud(self, request_id: str, **options: Unpack[CallOptions]) -> RetryResult:
        return await self._drive(cloud.retry_cloud(self._core, request_id, options))

    async def cloud_history(self, **options: Unpack[CallOptions]) -> list[HistoryItem]:
        """The account's cloud downloads, newest first (either era's item shape)."""
        return await self._drive(cloud.cloud_history(self._core, options))

    async def remove_cloud(
        self, request_id: str, *, site_root: bool = False, **options: Unpack[CallOptions]
    ) -> bool:
        """Remove a cloud download: /api/cloud/remove/{id} (2026), or with `site_root` /cloud/remove/{id}
        (legacy). Never repeated unless retry_unsafe."""
        return await self._drive(cloud.remove_cloud(self._core, request_id, site_root, options))

    async def remove_cloud_many(self, request_ids: Iterable[str], **options: Unpack[CallOptions]) -> bool:
        """Remove several cloud downloads (2026), in batches of 200; True when every batch succeeded."""
        return await self._drive(cloud.remove_cloud_many(self._core, request_ids, options))

    # --- remote downloads --------------------------------------------------------------------------
    async def add_remote(
        self, url: str, remote_option_id: str, folder_id: str | None = None, **options: Unpack[CallOptions]
    ) -> RemoteDownload:
        """Add a remote download to a cloud storage account (never repeated unless retry_unsafe)."""
        return await self._drive(remote.add_remote(self._core, url, remote_option_id, folder_id, options))

    async def remote_status(self, request_id: str, **options: Unpack[CallOptions]) -> RemoteDownloadStatus:
        return await self._drive(remote.remote_status(self._core, request_id, options))

    async def wait_for_remote(
        self,
        request_id: str,
        *,
        timeout: float | None = 3600.0,
        poll_interval: float = 5.0,
        on_progress: Callable[[Progress], object] | None = None,
        **options: Unpack[WaitOptions],
    ) -> RemoteDownloadStatus:
        """wait_for_cloud() for a remote download."""
        return await self._drive(
            remote.wait_for_remote(self._core, request_id, timeout, poll_interval, on_progress, options)
        )

    async def remote_accounts(self, **options: Unpack[CallOptions]) -> list[RemoteAccount]:
        return await self._drive(remote.remote_accounts(self._core, options))

    async def retry_remote(self, request_id: str, **options: Unpack[CallOptions]) -> RetryResult:
        return await self._drive(remote.retry_remote(self._core, request_id, options))

    # --- proxies -----------------------------------------------------------------------------------
    async def list_proxies(self, **options: Unpack[CallOptions]) -> list[Proxy]:
        return await self._drive(proxies.list_proxies(self._core, options))

    # --- cache -------------------------------------------------------------------------------------
    async def check_cache(self, hashes: Iterable[str], **options: Unpack[CallOptions]) -> list[str]:
        """The cached ones among `hashes`; more than 1000 are sent in batches of 1000."""
        return await self._drive(cache.check_cache(self._core, hashes, options))

    async def cache_info(
        self, urls: Iterable[str], *, include_files: bool = False, **options: Unpack[CallOptions]
    ) -> list[CacheInfoItem]:
        """Whether each magnet is cached (2026), in input order, with its files if `include_files`."""
        return await self._drive(cache.cache_info(self._core, urls, include_files, options))

    async def cache_download(self, url: str, **options: Unpack[CallOptions]) -> list[CachedFileLink]:
        """Direct links to the files of cached content (2026). Never repeated unless retry_unsafe."""
        return await self._drive(cache.cache_download(self._core, url, options))

    # --- oauth -------------------------------------------------------------------------------------
    @classmethod
    async def login_with_device(
        cls,
        on_code: Callable[[DeviceCode], object],
        *,
        max_wait: float | None = None,
        call_options: CallOptions | None = None,
        **settings: Any,
    ) -> Self:
        """Log in through the 2026 device flow and return a client holding the token as its key.

        `on_code` (a plain or a coroutine function) receives the DeviceCode: show its `user_code` and `verification_uri` (or
        `verification_uri_complete`) to the user. Polls at the server's `interval`, 5 s slower after each
        `slow_down`; raises DeviceAccessDeniedError or DeviceCodeExpiredError. `settings` are the
        constructor's keywords (base_url, auth_style, timeout, sleep, clock, httpx_args...), used for the
        login and for the returned client.
        """
        helper, close_after = cls._device_login_helper(settings)
        try:
            token = await helper._drive(
                oauth.device_login(helper._core, on_code, max_wait=max_wait, options=call_options or {})
            )
        finally:
            if close_after:
                await helper.aclose()
        return cls(token.access_token, **settings)
