"""History and removal, beyond the documentation (openapi.yaml, tag `undocumented`): thin handlers.

Registered on `routes.bp`, so the pipeline (era gating, auth, validation, journal) runs around them as
around every API handler; which era serves which of them is the spec's `x-offcloud-eras`. The rules
(newest first, pages, what a removal deletes) are the backend's (`AccountBackend.history`, `.remove`),
the shapes each era's presenter's.
"""

from flask import Response, jsonify

from offcloud_mock.http.auth import current_account
from offcloud_mock.http.pipeline import params
from offcloud_mock.http.routes import bp
from offcloud_mock.http.runtime import runtime

__all__: list[str] = []


def _request_ids(name: str) -> list[str]:
    value = params()[name]
    assert isinstance(value, list)  # the spec says so, and the request was validated against it
    return [str(item) for item in value]


def _page() -> int:
    value = params()["page"]
    # JSON Schema's `integer` also admits 3.0 (validated already, so a float here has no fraction).
    assert isinstance(value, int | float)
    return int(value)


@bp.get("/api/cloud/history", endpoint="getCloudHistory")
def get_cloud_history() -> Response:
    return jsonify(runtime().era.history(current_account().history("cloud")))


@bp.get("/api/instant/history", endpoint="getInstantHistory")
def get_instant_history() -> Response:
    return jsonify(runtime().era.instant_history(current_account().history("instant")))


@bp.get("/api/remote/history", endpoint="getRemoteHistory")
def get_remote_history() -> Response:
    return jsonify(runtime().era.history(current_account().history("remote")))


@bp.post("/cloud/history", endpoint="getCloudHistoryPage")
def get_cloud_history_page() -> Response:
    items, is_end = current_account().history_page("cloud", _page())
    return jsonify(runtime().era.history_page(items, is_end))


@bp.get("/api/cloud/remove/<requestId>", endpoint="removeCloudDownload")
def remove_cloud_download(requestId: str) -> Response:
    current_account().remove(requestId, "cloud")
    return jsonify(runtime().era.removed())


@bp.post("/api/cloud/remove", endpoint="removeCloudDownloads")
def remove_cloud_downloads() -> Response:
    current_account().remove_many(_request_ids("requests"), "cloud")
    return jsonify(runtime().era.removed())


@bp.get("/cloud/remove/<requestId>", endpoint="removeCloudDownloadSiteRoot")
def remove_cloud_download_site_root(requestId: str) -> Response:
    current_account().remove(requestId, "cloud")
    return jsonify(runtime().era.removed())


@bp.get("/instant/remove/<requestId>", endpoint="removeInstantDownloadSiteRoot")
def remove_instant_download_site_root(requestId: str) -> Response:
    current_account().remove(requestId, "instant")
    return jsonify(runtime().era.removed())
