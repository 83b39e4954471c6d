"""Remote downloads (to a cloud storage account): adding, status, waiting, retrying, the accounts."""

from collections.abc import Callable

from offcloud_client.api.remote import (
    add_remote_download,
    get_remote_status,
    list_remote_accounts,
    retry_remote_download,
)
from offcloud_client.models import (
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

from offcloud_kit._core import CallOptions, Core, WaitOptions, poll_options, same
from offcloud_kit._steps import Steps
from offcloud_kit.waiting import Progress, follow

__all__ = ["add_remote", "remote_accounts", "remote_status", "retry_remote", "wait_for_remote"]


def add_remote(
    core: Core, url: str, remote_option_id: str, folder_id: str | None, options: CallOptions
) -> Steps[RemoteDownload]:
    body = RemoteDownloadForm(
        url=url, remote_option_id=remote_option_id, folder_id=UNSET if folder_id is None else folder_id
    )
    return core.call("addRemoteDownload", add_remote_download, RemoteDownload, same, options, body=body)


def remote_status(core: Core, request_id: str, options: CallOptions) -> Steps[RemoteDownloadStatus]:
    body = RequestIdForm(request_id=request_id)
    # The real server wraps the status in {"status": {...}}; callers want what is inside.
    return core.call(
        "getRemoteStatus", get_remote_status, RemoteStatusResult, lambda r: r.status, options, body=body
    )


def remote_accounts(core: Core, options: CallOptions) -> Steps[list[RemoteAccount]]:
    return core.call(
        "listRemoteAccounts", list_remote_accounts, RemoteAccountList, lambda r: list(r.data), options
    )


def retry_remote(core: Core, request_id: str, options: CallOptions) -> Steps[RetryResult]:
    return core.call(
        "retryRemoteDownload", retry_remote_download, RetryResult, same, options, request_id=request_id
    )


def wait_for_remote(
    core: Core,
    request_id: str,
    timeout: float | None,
    poll_interval: float,
    on_progress: Callable[[Progress], object] | None,
    options: WaitOptions,
) -> Steps[RemoteDownloadStatus]:
    call = poll_options(options)
    return follow(
        request_id,
        lambda: remote_status(core, request_id, call),
        operation="getRemoteStatus",
        timeout=timeout,
        poll_interval=poll_interval,
        clock=core.clock,
        on_progress=on_progress,
    )
