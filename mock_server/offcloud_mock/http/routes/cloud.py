"""The spec's `cloud` operations: cloud downloads, their status, files, retry, history and removal, and
the legacy torrent upload."""

from flask import Response, jsonify, request

from offcloud_mock.backend.errors import BadRequest
from offcloud_mock.http.auth import current_account
from offcloud_mock.http.routes.common import backend, bp, era, number, status_answer, text, texts

__all__: list[str] = []


@bp.post("/api/cloud", endpoint="addCloudDownload")
@bp.post("/api/cloud/download", endpoint="addCloudDownloadAlias")  # the legacy path alias
def add_cloud_download() -> Response:
    return jsonify(era().added(current_account().add_cloud(text("url"))))


@bp.post("/api/cloud/status", endpoint="getCloudStatus")
def get_cloud_status() -> Response:
    return status_answer(current_account().cloud_status)


@bp.get("/api/cloud/explore/<requestId>", endpoint="exploreCloudDownload")
def explore_cloud_download(requestId: str) -> Response:
    now, account = era(), current_account()
    setting = backend().scenario.single_file_explore  # how the 2026 server explores a single file
    if request.args.get("format") == "detailed" and now.serves_detailed_explore:
        single_file = now.explores_single_file(setting, detailed=True)
        return jsonify(now.explored_detailed(account.explore_detailed(requestId, single_file=single_file)))
    single_file = now.explores_single_file(setting, detailed=False)
    links = account.explore(requestId, single_file=single_file, cdn_links=now.explores_cdn_links)
    return jsonify(now.explored(links))


@bp.post("/api/cloud/explore", endpoint="exploreCloudDownloadAlias")
def explore_cloud_download_by_body() -> Response:
    """The legacy path alias names the download in its body, not in its path."""
    return explore_cloud_download(text("requestId"))


@bp.get("/api/cloud/list/<requestId>", endpoint="listCloudDownloadLinks")
def list_cloud_download_links(requestId: str) -> Response:
    return Response(era().link_list(current_account().list_links(requestId)), mimetype="text/plain")


@bp.get("/api/cloud/retry/<requestId>", endpoint="retryCloudDownload")
def retry_cloud_download(requestId: str) -> Response:
    return jsonify(era().retried(current_account().retry_cloud(requestId)))


@bp.get("/api/cloud/history", endpoint="getCloudHistory")
def get_cloud_history() -> Response:
    return jsonify(era().history(current_account().history("cloud")))


@bp.post("/cloud/history", endpoint="getCloudHistoryPage")
def get_cloud_history_page() -> Response:
    items, is_end = current_account().history_page("cloud", number("page"))
    return jsonify(era().history_page(items, is_end))


@bp.get("/cloud/remove/<requestId>", endpoint="removeCloudDownloadSiteRoot")
def remove_cloud_download_site_root(requestId: str) -> Response:
    current_account().remove(requestId, "cloud")
    return jsonify(era().removed())


@bp.get("/api/cloud/remove/<requestId>", endpoint="removeCloudDownload")
def remove_cloud_download(requestId: str) -> Response:
    current_account().remove(requestId, "cloud")
    return jsonify(era().removed())


@bp.post("/api/cloud/remove", endpoint="removeCloudDownloads")
def remove_cloud_downloads() -> Response:
    current_account().remove_many(texts("requests"), "cloud")
    return jsonify(era().removed())


@bp.post("/torrent/upload", endpoint="uploadTorrent")
def upload_torrent() -> Response:
    upload = request.files.get("file")
    if upload is None:  # reached only with request validation off: the spec requires the part
        raise BadRequest("Missing required parameter: file")
    account = current_account()
    torrent = account.upload_torrent(upload.read())
    return jsonify(era().uploaded(account.upload_url(torrent), torrent.name))
