"""Who may use the control plane (/_mock/): the one guard, run before every route under /_mock/.

Every blueprint of the control plane runs it first (`control_plane.CONTROL_BLUEPRINTS`), the device-login
controls included: they decide who gets a working key from /oauth/token. A test walks the app's route
table and fails for any /_mock/ route that answers without it.

The control plane can reset the mock, replace its accounts and read its journal, so a web page open in the
developer's browser must not reach it, nor anyone on the network when the mock listens beyond loopback:

1. `Host` must be a loopback or reserved name (`localhost`, `*.localhost`, `*.test`), an IP address, or
   one of `MockConfig.allowed_hosts`: a DNS-rebinding page reaches the mock under its own domain name. 403.
2. A request from another origin is refused (`Origin` not the mock's own, or `Sec-Fetch-Site:
   cross-site`): browsers send these on every cross-site write. 403.
3. When `MockConfig.control_token` is set (the CLI sets one whenever it listens beyond loopback), every
   route but `GET /_mock/health` needs it, as `X-Mock-Token: <token>` or `Authorization: Bearer <token>`.
   Health stays open for container health checks; it shows counts and settings, nothing of an account. 401.
4. A write (POST, PUT, PATCH, DELETE) with a body or a Content-Type must be JSON (or YAML on /scenario):
   the "simple" types a page may send cross-site without asking (text/plain, form fields) are refused. 415.
"""

import hmac
import ipaddress
from urllib.parse import urlsplit

from flask import Request, Response, request

from offcloud_mock.http.error_handlers import json_error
from offcloud_mock.http.runtime import runtime

__all__ = ["TOKEN_HEADER", "guard_control_request", "is_loopback"]

TOKEN_HEADER = "X-Mock-Token"  # noqa: S105 - a header name
_RESERVED_SUFFIXES = (".localhost", ".test")  # RFC 6761: never resolved by public DNS
_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_YAML_TYPES = frozenset({"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})


def is_loopback(host: str) -> bool:
    """Whether an address to listen on is reachable from this machine only."""
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _hostname(host: str) -> str:
    """The name of a Host header (or an Origin's netloc) without its port, lowercase."""
    return (urlsplit(f"//{host}").hostname or "").rstrip(".")


def _host_allowed(name: str, allowed: tuple[str, ...]) -> bool:
    if name == "localhost" or name.endswith(_RESERVED_SUFFIXES):
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return name in allowed
    return True  # a page cannot rebind an address: it would be its own origin


def _same_origin(req: Request) -> bool:
    origin = req.headers.get("Origin")
    if origin is not None:
        parts = urlsplit(origin)
        if origin == "null" or parts.netloc.lower() != req.host.lower():
            return False
    return req.headers.get("Sec-Fetch-Site", "") not in ("cross-site", "same-site")


def _token_ok(req: Request, token: str) -> bool:
    given = req.headers.get(TOKEN_HEADER)
    if given is None:
        scheme, _, value = req.headers.get("Authorization", "").partition(" ")
        given = value.strip() if scheme.lower() == "bearer" else ""
    return hmac.compare_digest(given.encode(), token.encode())


def _write_type_ok(req: Request) -> bool:
    if req.method not in _WRITES:
        return True
    mimetype = req.mimetype
    if not mimetype:
        # Only an empty body may come without a type (curl -X POST .../reset); a browser always sends
        # an Origin with such a request, which rule 2 has checked.
        return not req.get_data(cache=True).strip()
    if mimetype == "application/json" or mimetype.endswith("+json"):
        return True
    return req.path.rstrip("/").endswith("/scenario") and mimetype in _YAML_TYPES


def guard_control_request() -> Response | None:
    """The refusal of a request the control plane must not serve, else None."""
    req: Request = request._get_current_object()  # type: ignore[attr-defined]
    config = runtime().config
    if not _host_allowed(_hostname(req.host), config.allowed_hosts):
        return json_error(403, "Host not allowed for /_mock/ (DNS rebinding?): use localhost or the address")
    if not _same_origin(req):
        return json_error(403, "Cross-origin requests to /_mock/ are refused")
    token = config.control_token
    exempt = req.method in ("GET", "HEAD") and req.path.rstrip("/").endswith("/_mock/health")
    if token is not None and not exempt and not _token_ok(req, token):
        answer = json_error(401, f"/_mock/ needs the control token: send it as {TOKEN_HEADER}: <token>")
        answer.headers["WWW-Authenticate"] = 'Bearer realm="offcloud-mock control plane"'
        return answer
    if not _write_type_ok(req):
        return json_error(
            415, "Writes to /_mock/ take application/json (a scenario also application/yaml or text/yaml)"
        )
    return None
