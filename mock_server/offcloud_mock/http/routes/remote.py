"""The spec's `remote` operations: downloads to a remote account, their status, retry and history, and
the remote accounts."""

from flask import Response, jsonify

from offcloud_mock.http.auth import current_account
from offcloud_mock.http.routes.common import bp, era, optional_text, status_answer, text

__all__: list[str] = []


@bp.post("/api/remote", endpoint="addRemoteDownload")
@bp.post("/api/remote/download", endpoint="addRemoteDownloadAlias")  # the legacy path alias
def add_remote_download() -> Response:
    account = current_account()
    added = account.add_remote(text("url"), text("remoteOptionId"), optional_text("folderId"))
    return jsonify(era().added(added))


@bp.post("/api/remote/status", endpoint="getRemoteStatus")
def get_remote_status() -> Response:
    return status_answer(current_account().remote_status)


@bp.post("/api/remote/accounts", endpoint="listRemoteAccounts")
@bp.post("/api/remote-account/list", endpoint="listRemoteAccountsAlias")  # the legacy path alias
def list_remote_accounts() -> Response:
    return jsonify(era().remote_accounts(current_account().remote_accounts()))


@bp.get("/api/remote/retry/<requestId>", endpoint="retryRemoteDownload")
def retry_remote_download(requestId: str) -> Response:
    return jsonify(era().retried(current_account().retry_remote(requestId)))


@bp.get("/api/remote/history", endpoint="getRemoteHistory")
def get_remote_history() -> Response:
    return jsonify(era().history(current_account().history("remote")))
