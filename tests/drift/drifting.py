"""TEST ONLY: a WSGI middleware that makes the mock drift from openapi.yaml in planted, known ways.

Each drift is one entry of DRIFTS, so a test can plant all of them or any subset; `EXPECTED` is what the
drift report must name for each: (operation, kind, where).
"""

import json
from collections.abc import Callable, Iterable
from typing import Any

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
Answer = tuple[int, list[tuple[str, str]], bytes]

HTML_PAGE = b"<!DOCTYPE html><html><body><h1>Maintenance</h1></body></html>"

EXPECTED: dict[str, tuple[str, str, str]] = {
    "renamed-field": ("getCloudStatus", "renamed-field", "body.status.fileName"),
    "extra-field": ("listProxies", "unknown-field", "body.list[].country"),
    "changed-type": ("listRemoteAccounts", "type-mismatch", "body.data[].port"),
    "new-status": ("addCloudDownload", "enum-value", "body.status"),
    "undocumented-500": ("checkCache", "undocumented-status", "status"),
    "html": ("exploreCloudDownload", "undocumented-content-type", "status 200"),
    "other-era": ("getRemoteStatus", "other-era", "status 200"),
    "item-type": ("listSites", "type-mismatch", "body[].aliases[]"),  # an array's items change type
    "error-wording": ("getCloudStatus", "error-wording", "status 404"),  # value drift: same shape
    # value drift of a refusal only the spec's examples ask for (the scripted flows send valid urls)
    "url-wording": ("addCloudDownload", "error-wording", "status 400"),
}
NEW_WORDING = "Download not found"
NEW_URL_WORDING = "Invalid URL"


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return None


def _as_json(status: int, value: Any) -> Answer:
    return status, [("Content-Type", "application/json")], json.dumps(value).encode()


def _drift(drifts: frozenset[str], method: str, path: str, answer: Answer) -> Answer:
    status, _, body = answer
    value = _json(body)
    if (
        "renamed-field" in drifts
        and path == "/api/cloud/status"
        and status == 200
        and isinstance(value, dict)
    ):
        inner = value.get("status")
        if isinstance(inner, dict) and "fileName" in inner:
            inner["filename"] = inner.pop("fileName")
            return _as_json(status, value)
    if "extra-field" in drifts and path == "/api/proxy" and isinstance(value, dict) and "list" in value:
        for proxy in value["list"]:
            proxy["country"] = "FR"
        return _as_json(status, value)
    if (
        "changed-type" in drifts
        and path == "/api/remote/accounts"
        and isinstance(value, dict)
        and "data" in value
    ):
        for account in value["data"]:
            account["port"] = str(account.get("port", 0))
        return _as_json(status, value)
    if "new-status" in drifts and path == "/api/cloud" and isinstance(value, dict) and "status" in value:
        value["status"] = "pending"
        return _as_json(status, value)
    if "undocumented-500" in drifts and path == "/api/cache":
        return _as_json(500, {"error": "Internal Server Error"})
    if "html" in drifts and path.startswith("/api/cloud/explore/"):
        return 200, [("Content-Type", "text/html; charset=utf-8")], HTML_PAGE
    if "other-era" in drifts and path == "/api/remote/status" and status == 404:
        return _as_json(200, value)
    if "item-type" in drifts and path == "/api/sites" and isinstance(value, list):
        for site in value:
            if isinstance(site, dict) and "aliases" in site:
                site["aliases"] = [{"host": alias} for alias in site["aliases"]]
        return _as_json(status, value)
    if (
        "error-wording" in drifts
        and path == "/api/cloud/status"
        and status == 404
        and isinstance(value, dict)
    ):
        return _as_json(status, {"error": NEW_WORDING})
    if "url-wording" in drifts and path == "/api/cloud" and value == {"error": "Incorrect url"}:
        return _as_json(status, {"error": NEW_URL_WORDING})
    return answer


class DriftingMiddleware:
    """Wraps the mock app; answers pass through `_drift` on their way out."""

    def __init__(self, app: WsgiApp, drifts: Iterable[str] = EXPECTED) -> None:
        self.app = app
        self.drifts = frozenset(drifts)
        unknown = self.drifts - set(EXPECTED)
        if unknown:
            raise ValueError(f"unknown drifts: {sorted(unknown)}")

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        captured: dict[str, Any] = {}

        def capture(
            status: str, headers: list[tuple[str, str]], exc_info: Any = None
        ) -> Callable[[bytes], None]:
            captured["status"], captured["headers"] = int(status.split()[0]), headers
            return lambda data: None

        chunks = self.app(environ, capture)
        try:
            body = b"".join(chunks)
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()
        answer = (captured["status"], list(captured["headers"]), body)
        status, headers, body = _drift(self.drifts, environ["REQUEST_METHOD"], environ["PATH_INFO"], answer)
        kept = [(n, v) for n, v in headers if n.lower() not in ("content-length", "content-type")]
        content_type = next((v for n, v in headers if n.lower() == "content-type"), "application/json")
        kept += [("Content-Type", content_type), ("Content-Length", str(len(body)))]
        start_response(f"{status} DRIFTED", kept)
        return [body]
