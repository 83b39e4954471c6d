"""Replay: a WSGI middleware that answers recorded requests as recorded and passes anything else on.

    app.wsgi_app = ReplayMiddleware(app.wsgi_app, Path("recordings/"))   # in front of the stateful mock

The mock's own feature (`MockConfig.replay`, `offcloud-mock --replay DIR`), reused by the drift tools'
`replay` command. Plain WSGI: it knows nothing of Flask, and reads the files of `offcloud_mock.recordings`.

Matching (see `recordings.match_key`): method, path, the query without secret-named parameters, sorted,
and the body without secret-named fields, canonical. The API key therefore never takes part: a recording
answers whatever key the client sends. When the same request was recorded several times (a status polled
while a download progressed) the recordings answer in their recorded order, and the last one repeats.
Answers are replayed as recorded: status, content type, body (redacted; a body cut at the size cap is
replayed cut), `Retry-After`/`Location`, and Set-Cookie with its redacted value. Upstream failures (our
502s) are not replayed. Every replayed answer carries `X-Offcloud-Replay: <seq>`.
"""

import io
import json
import threading
from collections.abc import Callable, Iterable
from http import HTTPStatus
from pathlib import Path
from typing import Any, Protocol

from offcloud_mock.recordings import match_key, read_recordings

__all__ = ["ReplayMiddleware", "install_replay", "not_recorded_app"]

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
_REPLAYED_HEADERS = ("content-type", "retry-after", "location", "set-cookie", "allow", "www-authenticate")


def _body_bytes(response: dict[str, Any]) -> bytes:
    kind, body = response.get("body_kind"), response.get("body")
    if kind == "json":
        return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
    if kind == "none" or body is None:
        return b""
    return str(body).encode()


def not_recorded_app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    """The fall-through of a replay without a mock behind it: 404 JSON."""
    body = json.dumps(
        {"error": f"not recorded: {environ.get('REQUEST_METHOD')} {environ.get('PATH_INFO')}"}
    ).encode()
    start_response(
        "404 Not Found", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]


class ReplayMiddleware:
    def __init__(self, app: WsgiApp, directory: Path) -> None:
        self.app = app
        self._answers: dict[str, list[dict[str, Any]]] = {}
        for record in read_recordings(directory):
            if record.get("upstream_error") or "match_key" not in record:
                continue
            self._answers.setdefault(str(record["match_key"]), []).append(record)
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()

    @property
    def recorded(self) -> int:
        return sum(len(answers) for answers in self._answers.values())

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        body = environ["wsgi.input"].read(length) if length > 0 else b""
        # The wrapped app reads the body again.
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        path = str(environ.get("PATH_INFO", "")).encode("latin-1").decode("utf-8", "replace")
        key = match_key(
            str(environ.get("REQUEST_METHOD", "GET")),
            path,
            str(environ.get("QUERY_STRING", "")),
            body,
            str(environ.get("CONTENT_TYPE", "")),
        )
        answers = self._answers.get(key)
        if not answers:
            return self.app(environ, start_response)
        with self._lock:
            index = self._served.get(key, 0)
            self._served[key] = index + 1
        record = answers[min(index, len(answers) - 1)]
        response = record["response"]
        payload = _body_bytes(response)
        headers = [
            (n.title(), str(v)) for n, v in (response.get("headers") or {}).items() if n in _REPLAYED_HEADERS
        ]
        headers += [("Content-Length", str(len(payload))), ("X-Offcloud-Replay", str(record["seq"]))]
        status = int(response["status"])
        try:
            reason = HTTPStatus(status).phrase
        except ValueError:
            reason = "Unknown"
        start_response(f"{status} {reason}", headers)
        return [payload]


class _HasWsgiApp(Protocol):
    wsgi_app: Any


def install_replay(app: _HasWsgiApp, directory: Path) -> ReplayMiddleware:
    """`offcloud-mock --replay DIR`: put the recordings in front of a Flask app (its `wsgi_app`, so the
    app object, its extensions and its server stay as they are). ValueError for a bad directory."""
    middleware = ReplayMiddleware(app.wsgi_app, directory)
    app.wsgi_app = middleware
    return middleware
