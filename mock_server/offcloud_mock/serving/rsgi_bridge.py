"""The mock's Flask app (any WSGI app) served through granian's RSGI interface, on granian's event loop.

granian's WSGI interface runs each request on one of its blocking threads: the environ is built there,
the body read there (holding that thread, without the GIL, for as long as a client stalls) and the app
called there. On two cores, threads taking turns at the GIL cost more than the app itself: a
`POST /api/cloud` cost ~660 µs of server CPU under load against ~280 µs in-process, and ~450 µs with
one thread doing all the Python (measured: bench/README.md). Here:

* the body is awaited on the event loop, holding no thread: any number of clients can stall their
  bodies, and a body that has not arrived within `body_timeout_s` is answered 408, as waitress does;
  one that breaks off (the client closes its side first) is the app's 400 (`truncated_body`); an
  answer to a body left unread (too large, broken off) closes the connection;
* the app then runs to its answer on the loop's thread, the one thread that runs requests' Python, so
  no request waits for the GIL behind another;
* a latency the app asks for (an injected fault, through `SLEEP_ENVIRON_KEY`) is waited out on the
  loop once the answer is built, so a slow answer holds up no other request;
* the garbage collector's full passes wait for a quiet second (process_heap.QuietFullCollections);
* at the connection limit, the quietest idle connections are closed (granian_room.ConnectionRoom).

The environ is PEP 3333's, as granian's WSGI interface builds it, with one difference: granian hands an
RSGI app the path decoded as UTF-8 (bytes that are not UTF-8 become U+FFFD), so PATH_INFO is those
characters' UTF-8 bytes read as latin-1 (the same as WSGI for every UTF-8 path).
"""

import asyncio
import io
import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

from granian._granian import RSGIHTTPProtocol as HTTPProtocol  # granian.rsgi re-exports it untyped
from granian._granian import RSGIProtocolClosed, RSGIProtocolError
from granian.rsgi import Scope

from offcloud_mock.http.injection import SLEEP_ENVIRON_KEY, ConnectionDropped
from offcloud_mock.serving.granian_room import ConnectionRoom
from offcloud_mock.serving.process_heap import QuietFullCollections
from offcloud_mock.serving.truncated_body import TruncatedBody

__all__ = ["WSGIOverRSGI"]

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
Answer = tuple[int, list[tuple[str, str]], bytes]
_JSON = ("content-type", "application/json")
_CLOSE = ("connection", "close")


class WSGIOverRSGI:
    """An RSGI application (granian calls `__rsgi__` per request) that answers with a WSGI app."""

    def __init__(
        self, app: WSGIApp, *, max_body_bytes: int, body_timeout_s: float, max_connections: int | None = None
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.body_timeout_s = body_timeout_s
        self.requests_seen = 0
        # The clients ("host:port") whose answers wait out a latency fault: their connections are busy.
        self.in_flight: set[str] = set()
        self.room = None if max_connections is None else ConnectionRoom(max_connections, self.in_flight)

    def __rsgi_init__(self, loop: asyncio.AbstractEventLoop) -> None:
        """granian calls this in its worker once the event loop exists."""
        QuietFullCollections(lambda: self.requests_seen).start(loop)
        if self.room is not None:
            self.room.start(loop)

    async def __rsgi__(self, scope: Scope, protocol: HTTPProtocol) -> None:
        self.requests_seen += 1
        if scope.proto != "http":
            return  # the mock has no websockets; granian refuses the upgrade
        headers = scope.headers
        declared = headers.get("content-length")
        body: bytes | None
        try:
            async with asyncio.timeout(self.body_timeout_s):
                body, whole = await self._body(protocol, declared, "transfer-encoding" in headers)
        except TimeoutError:
            error = f"Request Timeout: the request body did not arrive within {self.body_timeout_s:g} s"
            protocol.response_bytes(408, [_JSON, _CLOSE], json.dumps({"error": error}).encode())
            return
        except (RSGIProtocolClosed, RSGIProtocolError):
            # The body broke off: the client closed its side (or the connection) before its end. The
            # app answers it (a 400, journaled and logged); a client still there reads it.
            body, whole = None, False
        environ = wsgi_environ(scope, body or b"", declared)
        if body is None:
            environ["wsgi.input"] = TruncatedBody(declared)
        waits: list[float] = []
        environ[SLEEP_ENVIRON_KEY] = waits.append
        status, answer_headers, data = self._answer(environ)
        if not whole:
            # A body left unread (too large, or broken off) ends the connection: hyper would close it
            # anyway, and a client told nothing would send its next request into the closing socket.
            answer_headers = [*answer_headers, _CLOSE]
        if waits:
            self.in_flight.add(scope.client)
            try:
                await asyncio.sleep(sum(waits))
            finally:
                self.in_flight.discard(scope.client)
        protocol.response_bytes(status, answer_headers, data)

    async def _body(self, protocol: HTTPProtocol, declared: str | None, chunked: bool) -> tuple[bytes, bool]:
        """The request's body, and whether it was read whole; past `max_body_bytes`, only as much as
        tells the app it is too large."""
        if declared is not None:
            if not declared.isdigit():  # granian refuses most; the app answers what it sees, unread
                return b"", False
            if int(declared) > self.max_body_bytes:
                return b"", False  # the app refuses it by its Content-Length (413), unread
            return await protocol(), True
        if not chunked:
            return b"", True
        chunks, size = [], 0
        async for chunk in protocol:
            chunks.append(chunk)
            size += len(chunk)
            if size > self.max_body_bytes:
                return b"".join(chunks), False  # one byte too many is enough for the app's 413
        return b"".join(chunks), True

    def _answer(self, environ: dict[str, Any]) -> Answer:
        found: list[tuple[str, list[tuple[str, str]]]] = []

        def start_response(status: str, headers: list[tuple[str, str]], exc_info: object = None) -> None:
            found.append((status, headers))

        iterable = self.app(environ, start_response)
        try:
            data = b"".join(iterable)
        except ConnectionDropped:
            # An injected drop: granian cannot close a connection without an answer; 500, empty.
            return 500, [], b""
        finally:
            close = getattr(iterable, "close", None)
            if close is not None:
                close()
        status, headers = found[-1]
        return int(status[:3]), headers, data


def wsgi_environ(scope: Scope, body: bytes, declared: str | None) -> dict[str, Any]:
    """The PEP 3333 environ of an RSGI request whose body has been read."""
    server_host, _, server_port = scope.server.rpartition(":")
    path = scope.path
    environ: dict[str, Any] = {
        "REQUEST_METHOD": scope.method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path if path.isascii() else path.encode("utf-8").decode("latin-1"),
        "QUERY_STRING": scope.query_string,
        "SERVER_NAME": server_host.strip("[]"),
        "SERVER_PORT": server_port,
        "SERVER_PROTOCOL": f"HTTP/{scope.http_version}",
        "REMOTE_ADDR": scope.client.rpartition(":")[0].strip("[]"),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.scheme,
        "wsgi.input": io.BytesIO(body),
        "wsgi.input_terminated": True,  # the whole body is in: werkzeug reads to its end, within its limit
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    for name, value in scope.headers.items():
        if name == "transfer-encoding":
            continue  # the body is read whole; its length is CONTENT_LENGTH, as waitress does it
        if name == "content-type":
            key = "CONTENT_TYPE"
        elif name == "content-length":
            key = "CONTENT_LENGTH"
        else:
            key = "HTTP_" + name.upper().replace("-", "_")
        if key in environ:  # a repeated header: one value, as granian's WSGI interface joins them
            environ[key] += ("; " if key == "HTTP_COOKIE" else ",") + value
        else:
            environ[key] = value
    if "HTTP_HOST" not in environ and scope.authority:
        environ["HTTP_HOST"] = scope.authority
    if declared is None and body:  # a chunked body, read above
        environ["CONTENT_LENGTH"] = str(len(body))
    return environ
