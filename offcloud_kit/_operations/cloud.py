"""Cloud downloads: adding (a link, or an uploaded .torrent), status, waiting, the files and links of a
finished one, retrying, the history and removal."""

import io
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from offcloud_client.api.cloud import (
    add_cloud_download,
    explore_cloud_download,
    get_cloud_history,
    get_cloud_status,
    list_cloud_download_links,
    remove_cloud_download,
    remove_cloud_download_site_root,
    remove_cloud_downloads,
    retry_cloud_download,
    upload_torrent,
)
from offcloud_client.models import (
    CloudDownload,
    CloudDownloadForm,
    CloudDownloadStatus,
    CloudStatusResult,
    DetailedExploreResult,
    ExploredFile,
    HistoryItem,
    RemoveManyForm,
    RemoveResult,
    RequestIdForm,
    RetryResult,
    TorrentUploadForm,
    TorrentUploadResult,
)
from offcloud_client.types import File

from offcloud_kit._classify import Plan
from offcloud_kit._core import CallOptions, Core, WaitOptions, listed, poll_options, same
from offcloud_kit._steps import Steps
from offcloud_kit.waiting import Progress, follow

__all__ = [
    "REMOVE_BATCH_SIZE",
    "TORRENT_MIME_TYPE",
    "add_cloud",
    "cloud_history",
    "cloud_status",
    "explore",
    "explore_detailed",
    "list_links",
    "remove_cloud",
    "remove_cloud_many",
    "retry_cloud",
    "upload_torrent_file",
    "wait_for_cloud",
]

# openapi.yaml's RemoveManyForm allows at most 200 ids per request; longer lists are split.
REMOVE_BATCH_SIZE = 200
TORRENT_MIME_TYPE = "application/x-bittorrent"


def _strings(items: list[Any]) -> list[str]:
    return [str(item) for item in items]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _removed(result: RemoveResult) -> bool:
    return result.success


def add_cloud(core: Core, url: str, options: CallOptions) -> Steps[CloudDownload]:
    body = CloudDownloadForm(url=url)
    return core.call("addCloudDownload", add_cloud_download, CloudDownload, same, options, body=body)


def cloud_status(core: Core, request_id: str, options: CallOptions) -> Steps[CloudDownloadStatus]:
    body = RequestIdForm(request_id=request_id)
    # The real server wraps the status in {"status": {...}}; callers want what is inside.
    return core.call(
        "getCloudStatus", get_cloud_status, CloudStatusResult, lambda r: r.status, options, body=body
    )


def wait_for_cloud(
    core: Core,
    request_id: str,
    timeout: float | None,
    poll_interval: float,
    on_progress: Callable[[Progress], object] | None,
    options: WaitOptions,
) -> Steps[CloudDownloadStatus]:
    call = poll_options(options)
    return follow(
        request_id,
        lambda: cloud_status(core, request_id, call),
        operation="getCloudStatus",
        timeout=timeout,
        poll_interval=poll_interval,
        clock=core.clock,
        on_progress=on_progress,
    )


def explore(core: Core, request_id: str, options: CallOptions) -> Steps[list[str]]:
    return core.call(
        "exploreCloudDownload", explore_cloud_download, list, _strings, options, request_id=request_id
    )


def explore_detailed(core: Core, request_id: str, options: CallOptions) -> Steps[list[ExploredFile]]:
    return core.call(
        "exploreCloudDownload",
        explore_cloud_download,
        DetailedExploreResult,
        lambda result: list(result.files),
        options,
        request_id=request_id,
        format_="detailed",
    )


def list_links(core: Core, request_id: str, options: CallOptions) -> Steps[list[str]]:
    return core.call(
        "listCloudDownloadLinks", list_cloud_download_links, str, _lines, options, request_id=request_id
    )


def retry_cloud(core: Core, request_id: str, options: CallOptions) -> Steps[RetryResult]:
    return core.call(
        "retryCloudDownload", retry_cloud_download, RetryResult, same, options, request_id=request_id
    )


def cloud_history(core: Core, options: CallOptions) -> Steps[list[HistoryItem]]:
    return core.call("getCloudHistory", get_cloud_history, list, listed, options)


def remove_cloud(core: Core, request_id: str, site_root: bool, options: CallOptions) -> Steps[bool]:
    # /api/cloud/remove/{id} is the 2026 route (live-verified); the site-root one is the legacy route,
    # which a 2026 client (MFpy) still calls.
    if site_root:
        return core.call(
            "removeCloudDownloadSiteRoot",
            remove_cloud_download_site_root,
            RemoveResult,
            _removed,
            options,
            request_id=request_id,
        )
    return core.call(
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
        batch = yield from core.call(
            "removeCloudDownloads", remove_cloud_downloads, RemoveResult, _removed, options, body=body
        )
        success = success and batch
    return success


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
    plan = Plan("uploadTorrent", request, upload_torrent._build_response, TorrentUploadResult, same)
    return core.perform(plan, options)
