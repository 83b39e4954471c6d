"""The spec's `cache` operations: which content is cached (both eras, and the legacy torrent check),
the 2026 cache info and the direct links of cached content."""

from flask import Response, jsonify

from offcloud_mock.backend.errors import BadRequest
from offcloud_mock.http.auth import current_account
from offcloud_mock.http.pipeline import params
from offcloud_mock.http.routes.common import bp, checked_texts, era, texts

__all__: list[str] = []


@bp.post("/api/cache", endpoint="checkCache")
def check_cache() -> Response:
    return jsonify(era().cached(current_account().check_cache(texts("hashes"))))


@bp.post("/api/torrent/check", endpoint="checkTorrentCache")
def check_torrent_cache() -> Response:
    return jsonify(era().cached(current_account().check_cache(checked_texts("hashes"))))


@bp.post("/api/cache/info", endpoint="getCacheInfo")
def get_cache_info() -> Response:
    include_files = params().get("includeFiles") is True
    answers = current_account().cache_info(checked_texts("urls"), include_files=include_files)
    return jsonify(era().cache_info(answers))


@bp.post("/api/cache/download", endpoint="getCachedDownloadLinks")
def get_cached_download_links() -> Response:
    url = params().get("url")
    if not isinstance(url, str):  # reached only with request validation off
        raise BadRequest("Missing required parameter: url")
    return jsonify(era().cached_links(current_account().cache_download(url)))
