"""Every operation of openapi.yaml, in each era that answers it, timed in-process: no endpoint gets slow
unnoticed.

The HTTP section measures a mix of four operations in the default era; this one covers the rest. For
each era and each of its operations, one request is built from the spec: its request example as the
body (the form when the operation takes one, else its first media type), path ids of downloads made first
(a cached multi-file torrent, so explore and list answer their working shape; a remote download for the remote
ids), the demo key, and for the session operations the cookie of a login. Each request is called
`calls` times through WSGI; the figure is CPU microseconds per call (this thread's CPU time, the
collector paused, as in `bench.profiling`). The status the mock answered is reported beside it: an
error path is timed too (an example may not fit the state, e.g. a removal already done), and it is
visible which one it was.
"""

import gc
import json
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
from flask import Flask
from werkzeug.test import EnvironBuilder

from bench.profiling import call
from bench.stats import spread
from offcloud_mock.backend.demo import BUNNY_HASH, DEMO_EMAIL, DEMO_KEY, DEMO_PASSWORD, GDRIVE_OPTION
from offcloud_mock.eras import ERAS
from offcloud_mock.http.app import create_app
from offcloud_mock.settings import MockConfig
from offcloud_mock.spec import AuthKind, Operation, load_spec, operations

__all__ = ["ERAS", "EndpointRequest", "build_requests", "run_endpoints"]

_UNKNOWN_ID = "0" * 24
_FORM = "application/x-www-form-urlencoded"
_SESSION_AUTH = (AuthKind.SESSION, AuthKind.OPTIONAL_SESSION)


@dataclass(frozen=True, slots=True)
class EndpointRequest:
    operation_id: str
    environ: dict[str, Any]
    body: bytes


def _ids(app: Flask) -> dict[str, str]:
    """requestIds of a cached (finished) torrent and of a remote download, made on `app` first."""
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock.test") as client:
        cloud = client.post(
            "/api/cloud", params={"key": DEMO_KEY}, data={"url": f"magnet:?xt=urn:btih:{BUNNY_HASH}"}
        )
        remote = client.post(
            "/api/remote",
            params={"key": DEMO_KEY},
            data={"url": f"magnet:?xt=urn:btih:{BUNNY_HASH}", "remoteOptionId": GDRIVE_OPTION},
        )
    found = {"cloud": _UNKNOWN_ID, "remote": _UNKNOWN_ID}
    for kind, answer in (("cloud", cloud), ("remote", remote)):
        if answer.status_code == 200 and isinstance(answer.json().get("requestId"), str):
            found[kind] = answer.json()["requestId"]
    return found


def _session_cookie(app: Flask) -> str | None:
    """The `connect.sid` of a legacy login (the 2026 server has no login: None)."""
    with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock.test") as client:
        answer = client.post("/api/login", data={"username": DEMO_EMAIL, "password": DEMO_PASSWORD})
        sid = answer.cookies.get("connect.sid") if answer.status_code == 200 else None
    return f"connect.sid={sid}" if sid else None


def _body(raw: dict[str, Any]) -> tuple[str | None, bytes]:
    """(content type, bytes) of the operation's request example; (None, b"") when it takes no body."""
    content = raw.get("requestBody", {}).get("content", {})
    if not content:
        return None, b""
    # The form when the operation takes one (the documented way, and what most clients send)
    media_type = _FORM if _FORM in content else next(iter(content))
    media = content[media_type]
    example = media.get("example", media.get("schema", {}).get("example"))
    if media_type == "application/json":
        return media_type, json.dumps(example).encode()
    if media_type == _FORM:
        return media_type, urlencode(example or {}, doseq=True).encode()
    # multipart (the torrent upload): the example names a file, not its bytes; a small file part
    boundary = "benchboundary"
    part = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.torrent"\r\n'
        f"Content-Type: application/x-bittorrent\r\n\r\nd4:infod4:name1:aee\r\n--{boundary}--\r\n"
    )
    return f"{media_type}; boundary={boundary}", part.encode()


def _path(operation: Operation, ids: dict[str, str]) -> str:
    remote = "/api/remote/" in operation.path
    return operation.path.replace("{requestId}", ids["remote" if remote else "cloud"])


def build_requests(app: Flask, era: str) -> list[EndpointRequest]:
    """One request per operation of `era`, built against `app` (which gets the downloads they name)."""
    spec = load_spec()
    ids = _ids(app)
    cookie = _session_cookie(app) if era == "legacy" else None
    built = []
    for operation in operations():
        if era not in operation.eras:
            continue
        raw = spec["paths"][operation.path][operation.method.lower()]
        content_type, body = _body(raw)
        headers = {"Cookie": cookie} if cookie and operation.auth in _SESSION_AUTH else {}
        query = {"key": DEMO_KEY} if operation.auth is AuthKind.ACCOUNT else {}
        builder = EnvironBuilder(
            path=_path(operation, ids),
            method=operation.method,
            query_string=urlencode(query),
            data=body or None,
            content_type=content_type,
            headers=list(headers.items()),
        )
        built.append(EndpointRequest(operation.operation_id, builder.get_environ(), body))
    return built


def _time_us(app: Flask, request: EndpointRequest, calls: int) -> tuple[float, str]:
    """CPU us per call over `calls` calls, and the status most of them got."""
    gc.collect()
    gc.disable()
    try:
        started = time.thread_time()
        statuses = Counter(call(app, request.environ, request.body) for _ in range(calls))
        took = time.thread_time() - started
    finally:
        gc.enable()
    return took / calls * 1e6, statuses.most_common(1)[0][0]


def _one_run(calls: int) -> dict[str, dict[str, tuple[float, str]]]:
    found: dict[str, dict[str, tuple[float, str]]] = {}
    for era in ERAS:
        app = create_app(MockConfig(era=era))
        found[era] = {
            request.operation_id: _time_us(app, request, calls) for request in build_requests(app, era)
        }
    return found


def run_endpoints(runs: int, calls: int) -> dict[str, object]:
    """Per era and operation: CPU us per call (median and spread over runs) and the answered status."""
    passes = [_one_run(calls) for _ in range(runs)]
    eras: dict[str, list[dict[str, object]]] = {}
    for era in ERAS:
        eras[era] = [
            {
                "operation": operation_id,
                "status": passes[0][era][operation_id][1],
                "us_per_call": spread([one[era][operation_id][0] for one in passes]).as_dict(),
            }
            for operation_id in passes[0][era]
        ]
    return {"calls_each": calls, "eras": eras}
