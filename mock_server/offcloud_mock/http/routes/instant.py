"""The spec's `instant` operations: instant downloads, their history and removal (legacy)."""

from flask import Response, jsonify

from offcloud_mock.http.auth import current_account
from offcloud_mock.http.routes.common import bp, era, optional_text, text

__all__: list[str] = []


@bp.post("/api/instant", endpoint="addInstantDownload")
@bp.post("/api/instant/download", endpoint="addInstantDownloadAlias")  # the legacy path alias
def add_instant_download() -> Response:
    return jsonify(era().added(current_account().add_instant(text("url"), optional_text("proxyId"))))


@bp.get("/api/instant/history", endpoint="getInstantHistory")
def get_instant_history() -> Response:
    return jsonify(era().instant_history(current_account().history("instant")))


@bp.get("/instant/remove/<requestId>", endpoint="removeInstantDownloadSiteRoot")
def remove_instant_download_site_root(requestId: str) -> Response:
    current_account().remove(requestId, "instant")
    return jsonify(era().removed())
