"""The spec's `proxies` operations: the proxies an instant download may go through."""

from flask import Response, jsonify

from offcloud_mock.http.auth import current_account
from offcloud_mock.http.routes.common import bp, era

__all__: list[str] = []


@bp.post("/api/proxy", endpoint="listProxies")
@bp.post("/api/proxy/list", endpoint="listProxiesAlias")  # the legacy path alias
def list_proxies() -> Response:
    return jsonify(era().proxies(current_account().list_proxies()))
