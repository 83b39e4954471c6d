"""A WSGI middleware for granian: many threads may wait for bodies, few run the app.

granian hands a request to one of its blocking threads as soon as the headers are in, and the app's
`wsgi.input.read()` then waits, in Rust and without the GIL, for the body: a client that stalls its
body holds that thread until it goes away (granian has no body timeout, and a read cannot be cut
short from Python: reading in a helper thread instead stalls granian's other connections, measured).
So granian gets many blocking threads (room for slow clients), the body is read in full first, outside
the gate, and only then does the request take one of `concurrency` places to run the app: more threads
running Python on two cores would only contend for the GIL and lengthen the tail latency.
"""

import io
import threading
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["AppGate"]

StartResponse = Callable[[str, list[tuple[str, str]]], object]
WsgiApp = Callable[..., Iterable[bytes]]


class AppGate:
    """`app`, run by at most `concurrency` threads at once, each with its request body already read."""

    def __init__(self, app: WsgiApp, concurrency: int) -> None:
        self.app = app
        self._gate = threading.BoundedSemaphore(concurrency)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        length = environ.get("CONTENT_LENGTH") or "0"
        if length != "0" or "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            # A bad Content-Length is the app's to answer; granian refuses most before we see them.
            size = int(length) if length.isdigit() and length != "0" else None
            body: bytes = environ["wsgi.input"].read(size)
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
        # Flask's answer is a list of bytes: built here, under the gate; granian only sends it.
        with self._gate:
            return self.app(environ, start_response)
