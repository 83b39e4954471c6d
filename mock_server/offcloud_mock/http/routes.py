"""The faked Offcloud API: one thin handler per operation of openapi.yaml, named by its operationId.

Each handler reads its validated parameters, calls ONE backend method and hands its domain answer to the
era's presenter (`presenters`), which alone decides its shape; the rules live in the backend,
auth/validation/faults/journal in `pipeline`, error answers in `error_handlers`.
`create_app` checks at start-up that these routes and the spec's operations are the same set.
"""

from collections.abc import Callable

from flask import Blueprint, Response, jsonify, request

from offcloud_mock.backend import MockBackend
from offcloud_mock.backend.downloads import DownloadSnapshot
from offcloud_mock.backend.errors import BadRequest
from offcloud_mock.http.auth import SESSION_COOKIE, current_account, session_id
from offcloud_mock.http.pipeline import after_api_request, before_api_request, params
from offcloud_mock.http.presenters import ServerEra
from offcloud_mock.http.runtime import runtime

__all__ = ["bp"]

bp = Blueprint("api", __name__)
bp.before_request(before_api_request)
bp.after_request(after_api_request)


def _backend() -> MockBackend:
    return runtime().backend


def _present() -> ServerEra:
    return runtime().era


def _json(body: object) -> Response:
    return jsonify(body)


def _text(name: str) -> str:
    value = params()[name]
    assert isinstance(value, str)  # the spec says so, and the request was validated against it
    return value


def _optional_text(name: str) -> str | None:
    value = params().get(name)
    assert value is None or isinstance(value, str)
    return value


def _request_id() -> str:
    if "requestId" not in params():  # RequestIdForm requires it unless `requestIds` is given
        raise BadRequest("Missing required parameter: requestId")
    return _text("requestId")


def _status(status_of: Callable[[str], DownloadSnapshot]) -> Response:
    """One status by `requestId` or, where the era takes them (legacy), several by `requestIds`."""
    present = _present()
    if "requestIds" in params() and "requestId" not in params() and present.takes_request_ids:
        return _json(present.statuses([status_of(request_id) for request_id in _texts("requestIds")]))
    # The 2026 server refuses `requestIds` alone as a missing `requestId`.
    return _json(present.status(status_of(_request_id())))


def _texts(name: str) -> list[str]:
    value = params()[name]
    assert isinstance(value, list)
    return [str(item) for item in value]


@bp.post("/api/login", endpoint="login")
def login() -> Response:
    session, account = _backend().login(_text("username"), _text("password"))
    response = _json(_present().login(account.email, account.user_id))
    response.set_cookie(SESSION_COOKIE, session, httponly=True, path="/")
    return response


@bp.get("/api/check", endpoint="checkLogin")
def check_login() -> Response:
    return _json(_present().logged_in(_backend().is_logged_in(session_id())))


@bp.post("/api/key", endpoint="getApiKey")
def get_api_key() -> Response:
    account = current_account()
    return _json(_present().api_key(account.email, account.api_key))


@bp.post("/api/instant", endpoint="addInstantDownload")
def add_instant_download() -> Response:
    return _json(_present().added(current_account().add_instant(_text("url"), _optional_text("proxyId"))))


@bp.post("/api/cloud", endpoint="addCloudDownload")
def add_cloud_download() -> Response:
    return _json(_present().added(current_account().add_cloud(_text("url"))))


@bp.post("/api/remote", endpoint="addRemoteDownload")
def add_remote_download() -> Response:
    account = current_account()
    added = account.add_remote(_text("url"), _text("remoteOptionId"), _optional_text("folderId"))
    return _json(_present().added(added))


@bp.post("/api/proxy", endpoint="listProxies")
def list_proxies() -> Response:
    return _json(_present().proxies(current_account().list_proxies()))


@bp.post("/api/cloud/status", endpoint="getCloudStatus")
def get_cloud_status() -> Response:
    return _status(current_account().cloud_status)


@bp.post("/api/remote/status", endpoint="getRemoteStatus")
def get_remote_status() -> Response:
    return _status(current_account().remote_status)


@bp.post("/api/cache", endpoint="checkCache")
def check_cache() -> Response:
    return _json(_present().cached(current_account().check_cache(_texts("hashes"))))


@bp.get("/api/cloud/explore/<requestId>", endpoint="exploreCloudDownload")
def explore_cloud_download(requestId: str) -> Response:
    if request.args.get("format") == "detailed" and _present().serves_detailed_explore:
        return _json(_present().explored_detailed(current_account().explore_detailed(requestId)))
    return _json(_present().explored(current_account().explore(requestId)))


@bp.get("/api/cloud/list/<requestId>", endpoint="listCloudDownloadLinks")
def list_cloud_download_links(requestId: str) -> Response:
    return Response(_present().link_list(current_account().list_links(requestId)), mimetype="text/plain")


@bp.post("/api/remote/accounts", endpoint="listRemoteAccounts")
def list_remote_accounts() -> Response:
    return _json(_present().remote_accounts(current_account().remote_accounts()))


@bp.get("/api/cloud/retry/<requestId>", endpoint="retryCloudDownload")
def retry_cloud_download(requestId: str) -> Response:
    return _json(_present().retried(current_account().retry_cloud(requestId)))


@bp.get("/api/remote/retry/<requestId>", endpoint="retryRemoteDownload")
def retry_remote_download(requestId: str) -> Response:
    return _json(_present().retried(current_account().retry_remote(requestId)))
