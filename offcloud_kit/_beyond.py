"""The operations real clients call beyond the public documentation, as steps (see _steps, _core).

History, removal, account info and stats, sites, the 2026 cache endpoints, detailed explore and the
site-root torrent upload. Each is a function of the shared Core, so Offcloud and AsyncOffcloud perform
the same steps. Which of them are repeated after a transient failure is retry.SAFE_OPERATIONS' say:
the reads are; removal, upload and cache download are not (cache download may add a cloud item).
`openapi.yaml` says which era of the server answers each (`x-offcloud-eras`).
"""

import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from offcloud_client.api.account import get_account_info, get_account_stats, list_sites
from offcloud_client.api.cache import get_cache_info, get_cached_download_links
from offcloud_client.api.cloud import (
    explore_cloud_download,
    get_cloud_history,
    remove_cloud_download,
    remove_cloud_download_site_root,
    remove_cloud_downloads,
    upload_torrent,
)
from offcloud_client.api.instant import get_instant_history, remove_instant_download_site_root
from offcloud_client.models import (
    AccountInfo,
    AccountStats,
    CachedFileLink,
    CacheDownloadForm,
    CacheInfoForm,
    CacheInfoItem,
    DetailedExploreResult,
    ExploredFile,
    HistoryItem,
    RemoveManyForm,
    RemoveResult,
    Site,
    TorrentUploadForm,
    TorrentUploadResult,
)
from offcloud_client.types import File

from offcloud_kit._classify import Plan
from offcloud_kit._core import CallOptions, Core
from offcloud_kit._steps import Steps, execute

__all__ = [
    "CACHE_INFO_BATCH_SIZE",
    "REMOVE_BATCH_SIZE",
    "TORRENT_MIME_TYPE",
    "account_info",
    "account_stats",
    "cache_download",
    "cache_info",
    "cloud_history",
    "explore_detailed",
    "instant_history",
    "remove_cloud",
    "remove_cloud_many",
    "remove_instant",
    "sites",
    "upload_torrent_file",
]

# openapi.yaml's limits per request (RemoveManyForm, CacheInfoForm); longer lists are split.
REMOVE_BATCH_SIZE = 200
CACHE_INFO_BATCH_SIZE = 1000
TORRENT_MIME_TYPE = "application/x-bittorrent"


def _list(items: Any) -> list[Any]:
    return list(items)


def _removed(result: RemoveResult) -> bool:
    return result.success


def cloud_history(core: Core, options: CallOptions) -> Steps[list[HistoryItem]]:
    return core._run("getCloudHistory", get_cloud_history, list, _list, options)


def instant_history(core: Core, options: CallOptions) -> Steps[list[HistoryItem]]:
    return core._run("getInstantHistory", get_instant_history, list, _list, options)


def remove_cloud(core: Core, request_id: str, site_root: bool, options: CallOptions) -> Steps[bool]:
    # /api/cloud/remove/{id} is the 2026 route (live-verified); the site-root one is the legacy route,
    # which a 2026 client (MFpy) still calls.
    if site_root:
        return core._run(
            "removeCloudDownloadSiteRoot",
            remove_cloud_download_site_root,
            RemoveResult,
            _removed,
            options,
            request_id=request_id,
        )
    return core._run(
        "removeCloudDownload", remove_cloud_download, RemoveResult, _removed, options, request_id=request_id
    )


def remove_cloud_many(core: Core, request_ids: Iterable[str], options: CallOptions) -> Steps[bool]:
    # A lone string is one id, not 24 one-character ids.
    wanted = [request_ids] if isinstance(request_ids, str) else list(request_ids)
    if not wanted:
        return True
    success = True
    for start in range(0, len(wanted), REMOVE_BATCH_SIZE):
        body = RemoveManyForm(requests=wanted[start : start + REMOVE_BATCH_SIZE])
        batch = yield from core._run(
            "removeCloudDownloads", remove_cloud_downloads, RemoveResult, _removed, options, body=body
        )
        success = success and batch
    return success


def remove_instant(core: Core, request_id: str, options: CallOptions) -> Steps[bool]:
    return core._run(
        "removeInstantDownloadSiteRoot",
        remove_instant_download_site_root,
        RemoveResult,
        _removed,
        options,
        request_id=request_id,
    )


def account_info(core: Core, options: CallOptions) -> Steps[AccountInfo]:
    return core._run("getAccountInfo", get_account_info, AccountInfo, lambda info: info, options)


def account_stats(core: Core, options: CallOptions) -> Steps[AccountStats]:
    return core._run("getAccountStats", get_account_stats, AccountStats, lambda stats: stats, options)


def sites(core: Core, options: CallOptions) -> Steps[list[Site]]:
    return core._run("listSites", list_sites, list, _list, options)


def cache_info(
    core: Core, urls: Iterable[str], include_files: bool, options: CallOptions
) -> Steps[list[CacheInfoItem]]:
    wanted = [urls] if isinstance(urls, str) else list(urls)
    answers: list[CacheInfoItem] = []
    for start in range(0, len(wanted), CACHE_INFO_BATCH_SIZE):
        body = CacheInfoForm(urls=wanted[start : start + CACHE_INFO_BATCH_SIZE], include_files=include_files)
        batch = yield from core._run("getCacheInfo", get_cache_info, list, _list, options, body=body)
        answers.extend(batch)
    return answers


def cache_download(core: Core, url: str, options: CallOptions) -> Steps[list[CachedFileLink]]:
    body = CacheDownloadForm(url=url)
    return core._run("getCachedDownloadLinks", get_cached_download_links, list, _list, options, body=body)


def explore_detailed(core: Core, request_id: str, options: CallOptions) -> Steps[list[ExploredFile]]:
    return core._run(
        "exploreCloudDownload",
        explore_cloud_download,
        DetailedExploreResult,
        lambda result: list(result.files),
        options,
        request_id=request_id,
        format_="detailed",
    )


def _torrent_bytes(torrent: bytes | str | os.PathLike[str], file_name: str | None) -> tuple[bytes, str]:
    if isinstance(torrent, bytes):
        return torrent, file_name or "upload.torrent"
    path = Path(torrent)
    return path.read_bytes(), file_name or path.name


def upload_torrent_file(
    core: Core, torrent: bytes | str | os.PathLike[str], file_name: str | None, options: CallOptions
) -> Steps[TorrentUploadResult]:
    data, name = _torrent_bytes(torrent, file_name)
    form = TorrentUploadForm(file=File(payload=io.BytesIO(data), file_name=name, mime_type=TORRENT_MIME_TYPE))
    request = upload_torrent._get_kwargs(body=form)
    # The generated form carries a stream, which a resent request (retry_unsafe=True) would find spent;
    # bytes can be sent any number of times.
    request["files"] = [("file", (name, data, TORRENT_MIME_TYPE))]
    plan = Plan("uploadTorrent", request, upload_torrent._build_response, TorrentUploadResult, lambda r: r)
    return execute(plan, core.raw, core.settings(options), core.policy, core.random)
