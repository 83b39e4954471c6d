"""Instant downloads: adding one, the history, removal."""

from offcloud_client.api.instant import (
    add_instant_download,
    get_instant_history,
    remove_instant_download_site_root,
)
from offcloud_client.models import HistoryItem, InstantDownload, InstantDownloadForm, RemoveResult
from offcloud_client.types import UNSET

from offcloud_kit._core import CallOptions, Core, listed, same
from offcloud_kit._steps import Steps

__all__ = ["add_instant", "instant_history", "remove_instant"]


def add_instant(core: Core, url: str, proxy_id: str | None, options: CallOptions) -> Steps[InstantDownload]:
    body = InstantDownloadForm(url=url, proxy_id=UNSET if proxy_id is None else proxy_id)
    return core.call("addInstantDownload", add_instant_download, InstantDownload, same, options, body=body)


def instant_history(core: Core, options: CallOptions) -> Steps[list[HistoryItem]]:
    return core.call("getInstantHistory", get_instant_history, list, listed, options)


def remove_instant(core: Core, request_id: str, options: CallOptions) -> Steps[bool]:
    return core.call(
        "removeInstantDownloadSiteRoot",
        remove_instant_download_site_root,
        RemoveResult,
        lambda result: result.success,
        options,
        request_id=request_id,
    )
