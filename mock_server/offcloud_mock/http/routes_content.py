"""The content endpoints beyond the documentation (issue 10): account info and stats, sites, the 2026
cache endpoints, the legacy torrent upload and torrent check. Thin handlers, as in `routes`: validated
parameters in, ONE backend method, the era's presenter out. Endpoints are named by operationId.
"""

from flask import Response, jsonify, request

from offcloud_mock.backend.errors import BadRequest
from offcloud_mock.http.auth import current_account
from offcloud_mock.http.pipeline import params
from offcloud_mock.http.routes import bp
from offcloud_mock.http.runtime import runtime

__all__: list[str] = []


@bp.get("/api/account/info", endpoint="getAccountInfo")
def get_account_info() -> Response:
    return jsonify(runtime().era.account_info(current_account().account_summary()))


@bp.get("/api/account/stats", endpoint="getAccountStats")
def get_account_stats() -> Response:
    return jsonify(runtime().era.account_stats(current_account().account_summary()))


@bp.get("/api/sites", endpoint="listSites")
def list_sites() -> Response:
    return jsonify(runtime().era.sites(current_account().sites()))


@bp.post("/torrent/upload", endpoint="uploadTorrent")
def upload_torrent() -> Response:
    upload = request.files.get("file")
    if upload is None:  # reached only with request validation off: the spec requires the part
        raise BadRequest("Missing required parameter: file")
    account = current_account()
    torrent = account.upload_torrent(upload.read())
    return jsonify(runtime().era.uploaded(account.upload_url(torrent), torrent.name))


@bp.post("/api/torrent/check", endpoint="checkTorrentCache")
def check_torrent_cache() -> Response:
    return jsonify(runtime().era.cached(current_account().check_cache(_texts("hashes"))))


@bp.post("/api/cache/info", endpoint="getCacheInfo")
def get_cache_info() -> Response:
    include_files = params().get("includeFiles") is True
    answers = current_account().cache_info(_texts("urls"), include_files=include_files)
    return jsonify(runtime().era.cache_info(answers))


@bp.post("/api/cache/download", endpoint="getCachedDownloadLinks")
def get_cached_download_links() -> Response:
    url = params().get("url")
    if not isinstance(url, str):  # reached only with request validation off
        raise BadRequest("Missing required parameter: url")
    return jsonify(runtime().era.cached_links(current_account().cache_download(url)))


def _texts(name: str) -> list[str]:
    value = params().get(name)
    if not isinstance(value, list):  # reached only with request validation off
        raise BadRequest(f"Missing required parameter: {name}")
    return [str(item) for item in value]
