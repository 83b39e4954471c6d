"""The old paths of documented operations that kept working for years (legacy; openapi.yaml, DOC history).

One handler per alias, each delegating to its original in `routes`: same fields, same answers, same
errors. Registered on `routes.bp`; the pipeline authenticates and validates each by its own operation
(its `security` and body in the spec), and the era gating answers them only in the legacy era.
"""

from flask import Response

from mock_server.http import routes
from mock_server.http.pipeline import params
from mock_server.http.routes import bp

__all__: list[str] = []


@bp.post("/api/login/classic", endpoint="loginClassic")
def login_classic() -> Response:
    return routes.login()


@bp.get("/api/login/check", endpoint="checkLoginAlias")
def check_login_alias() -> Response:
    return routes.check_login()


@bp.post("/api/account/get", endpoint="getApiKeyAlias")
def get_api_key_alias() -> Response:
    return routes.get_api_key()


@bp.post("/api/instant/download", endpoint="addInstantDownloadAlias")
def add_instant_download_alias() -> Response:
    return routes.add_instant_download()


@bp.post("/api/cloud/download", endpoint="addCloudDownloadAlias")
def add_cloud_download_alias() -> Response:
    return routes.add_cloud_download()


@bp.post("/api/remote/download", endpoint="addRemoteDownloadAlias")
def add_remote_download_alias() -> Response:
    return routes.add_remote_download()


@bp.post("/api/proxy/list", endpoint="listProxiesAlias")
def list_proxies_alias() -> Response:
    return routes.list_proxies()


@bp.post("/api/remote-account/list", endpoint="listRemoteAccountsAlias")
def list_remote_accounts_alias() -> Response:
    return routes.list_remote_accounts()


@bp.post("/api/cloud/explore", endpoint="exploreCloudDownloadAlias")
def explore_cloud_download_alias() -> Response:
    request_id = params()["requestId"]
    assert isinstance(request_id, str)  # the spec says so, and the request was validated against it
    return routes.explore_cloud_download(request_id)
