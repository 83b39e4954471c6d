"""The old paths of documented operations that kept working for years (legacy; openapi.yaml, DOC history).

Each alias is its original's handler in `routes` at another path, under its own operationId: same
fields, same answers, same errors. Registered on `routes.bp`; the pipeline authenticates and validates
each by its own operation (its `security` and body in the spec), and the era gating answers them only
in the legacy era.
"""

from collections.abc import Callable

from flask import Response

from offcloud_mock.http import routes
from offcloud_mock.http.pipeline import params
from offcloud_mock.http.routes import bp

__all__: list[str] = []


def _explore_by_body() -> Response:
    """POST /api/cloud/explore names the download in its body, not in its path."""
    request_id = params()["requestId"]
    assert isinstance(request_id, str)  # the spec says so, and the request was validated against it
    return routes.explore_cloud_download(request_id)


# (path, method, the alias's operationId, the handler that answers it)
_ALIASES: tuple[tuple[str, str, str, Callable[[], Response]], ...] = (
    ("/api/login/classic", "POST", "loginClassic", routes.login),
    ("/api/login/check", "GET", "checkLoginAlias", routes.check_login),
    ("/api/account/get", "POST", "getApiKeyAlias", routes.get_api_key),
    ("/api/instant/download", "POST", "addInstantDownloadAlias", routes.add_instant_download),
    ("/api/cloud/download", "POST", "addCloudDownloadAlias", routes.add_cloud_download),
    ("/api/remote/download", "POST", "addRemoteDownloadAlias", routes.add_remote_download),
    ("/api/proxy/list", "POST", "listProxiesAlias", routes.list_proxies),
    ("/api/remote-account/list", "POST", "listRemoteAccountsAlias", routes.list_remote_accounts),
    ("/api/cloud/explore", "POST", "exploreCloudDownloadAlias", _explore_by_body),
)

for _path, _method, _operation_id, _handler in _ALIASES:
    bp.add_url_rule(_path, _operation_id, _handler, methods=[_method])
