"""A waitress connection (channel) guarded against slow and broken clients, and the tasks it runs.

waitress reads every request in its event-loop thread before a request thread sees it; the channel here
adds what the server (waitress_guards.GuardedServer) builds on:

- a prompt JSON 400 for bytes that are not HTTP/1.x (TLS, binary) and for header lines ending in a bare
  LF, which waitress would otherwise wait on until its idle timeout;
- waitress's own protocol errors as JSON `{"error": ...}` like every other answer of the mock, a body
  over the limit worded as the app words its own 413, and after any refusal a lingering close (the rest
  of what the client sends is read and dropped, so the answer is not lost to a reset);
- a body cut short (the client closes its side first) handed to the app as a `TruncatedBody`, a 400;
- no request thread waiting for a client to read: a lagging connection is parked between two requests;
- a latency fault waited out with no thread: the answer is held in the connection until its time, so
  requests waiting out latencies never hold the request threads (nor keep `/_mock/` from answering);
- `Connection: close` on every answer while the server drains.
"""

import json
import re
import socket
import time
from typing import Any

from waitress.channel import HTTPChannel
from waitress.task import ErrorTask, WSGITask
from waitress.utilities import BadRequest, Error, RequestEntityTooLarge

from offcloud_mock.http.injection import SLEEP_ENVIRON_KEY
from offcloud_mock.serving.truncated_body import TruncatedBody

__all__ = ["LINGER_S", "GuardedChannel", "RequestTimeout"]

LINGER_S = 1.0  # how long the rest of a refused request is read and dropped before the close
_DETAIL_LIMIT = 200  # waitress's messages may quote the request; never echo much of it
# A request starts with a method (upper-case letters) or with blank lines (RFC 9112 section 2.2).
_REQUEST_START = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ\r\n")
_BARE_LF = re.compile(rb"(?<!\r)\n")


class RequestTimeout(Error):  # type: ignore[misc]  # waitress is untyped
    code = 408
    reason = "Request Timeout"


class JsonErrorTask(ErrorTask):  # type: ignore[misc]
    """waitress's own error answers (400, 408, 431, 500, ...) as the mock's JSON errors."""

    def execute(self) -> None:
        self.channel.linger_on_close = True  # the client may still be sending what was refused
        error = self.request.error
        detail = " ".join(str(error.body).split())[:_DETAIL_LIMIT]
        message = f"{error.reason}: {detail}" if detail else error.reason
        if isinstance(error, RequestEntityTooLarge):
            message = f"Request body too large (at most {self.channel.server.max_body_bytes} bytes)"
        body = json.dumps({"error": message}).encode()
        self.status = f"{error.code} {error.reason}"
        self.response_headers.append(("Content-Type", "application/json"))
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class GuardedTask(WSGITask):  # type: ignore[misc]
    """A request of a guarded channel: a latency the app asks for holds the connection's output, not
    this thread (`GuardedChannel.hold`); a request served while the server drains tells its client the
    connection closes after it; one whose body broke off gets a body that tells the app so (and its
    connection closes)."""

    def get_environment(self) -> dict[str, Any]:
        environ: dict[str, Any] = super().get_environment()
        environ[SLEEP_ENVIRON_KEY] = self.channel.hold
        if getattr(self.request, "truncated", False):
            environ["wsgi.input"] = TruncatedBody(environ.get("CONTENT_LENGTH"))
        return environ

    def build_response_header(self) -> bytes:
        if self.channel.server.draining or getattr(self.request, "truncated", False):
            self.set_close_on_finish()
        header: bytes = super().build_response_header()
        return header


class GuardedChannel(HTTPChannel):  # type: ignore[misc]
    task_class = GuardedTask
    error_task_class = JsonErrorTask
    request: Any = None  # waitress's: the request being read (typed here, waitress is untyped)
    will_close = False  # waitress's: close once the loop next looks at this connection
    request_started = 0.0  # time.time() of the first byte of the request being read
    read_closed = False  # the client closed its side in the middle of a body
    parked = False  # requests wait, with no thread, for the client to read the answers already sent
    hold_until = 0.0  # time.monotonic() before which nothing is sent (a latency fault's wait)
    linger_on_close = False  # a refusal was answered: close without resetting the connection
    lingering_since: float | None = None  # time.time() when the lingering close began

    def received(self, data: bytes) -> bool:
        if self.lingering_since is not None:
            return True  # what follows a refusal is read and dropped, never parsed or kept
        if self.request is None and data and not self.will_close:
            self.request_started = self.last_activity
            if data[0] not in _REQUEST_START:
                self.refuse(BadRequest("not an HTTP/1.x request (TLS, or binary data?)"))
                return True
        accepted: bool = super().received(data)
        request = self.request
        # Only while a header is incomplete, which a well-formed request seldom is after one read.
        if request is not None and request.body_rcv is None and _BARE_LF.search(request.header_plus):
            self.refuse(BadRequest("header lines must end with CRLF, not a bare LF"))
        return accepted

    def refuse(self, error: Any) -> None:
        """Answer `error` (then close) in place of the request being read."""
        with self.requests_lock:
            if self.will_close or self.close_when_flushed:
                return
            refused = self.parser_class(self.adj)
            refused.parse_header(b"GET / HTTP/1.1\r\n")  # what the error answer is built on
            refused.error = error
            refused.completed = True
            self.request = None
            self.requests.append(refused)
            if len(self.requests) == 1:
                self.server.add_task(self)

    def handle_close(self) -> None:
        """The end of the client's side while a body is on its way: the request goes to the app with a
        body that says it broke off (a 400 the app answers), the connection closing after the answer.

        After a refusal, a lingering close: the answer is followed by a FIN, and what the client still
        sends (the rest of a refused body) is read and dropped for up to LINGER_S, then the connection
        closes. Closed at once, the kernel would answer those bytes with a reset, and a client still
        sending would get the reset rather than the answer."""
        request = self.request
        if self.connected and not self.read_closed and request is not None and request.headers_finished:
            self.read_closed = True  # nothing more comes: never poll for reading again
            with self.requests_lock:
                request.truncated = True
                request.completed = True
                self.request = None
                self.requests.append(request)
                if len(self.requests) == 1:
                    self.server.add_task(self)
            return
        if self.linger_on_close and self.lingering_since is None and self.connected:
            try:
                self.socket.shutdown(socket.SHUT_WR)
            except OSError:
                pass
            else:
                self.lingering_since = time.time()
                self.will_close = False
                return
        super().handle_close()

    def hold(self, seconds: float) -> None:
        """Send nothing on this connection for `seconds`: a latency fault, waited out with no thread.

        The answer being built (and any after it on this connection) waits in the connection's buffer;
        the request thread goes on to other requests at once, and the loop sends the answer when its
        time has come. A dropped connection closes then too."""
        until = time.monotonic() + seconds
        self.hold_until = max(self.hold_until, until)
        self.server.wake_at(until)

    def held(self) -> bool:
        return self.hold_until > time.monotonic()

    def writable(self) -> bool:
        return not self.held() and bool(super().writable())

    def _flush_some(self, do_close: bool = True) -> bool:
        if self.held():
            return False
        flushed: bool = super()._flush_some(do_close=do_close)
        return flushed

    def _flush_outbufs_below_high_watermark(self) -> None:
        # waitress waits here, in a request thread, for the client to read; this only sends what the
        # socket takes now. A connection past the watermark is parked between requests instead.
        if self.total_outbufs_len > self.adj.outbuf_high_watermark:
            with self.outbuf_lock:
                self._flush_exception(self._flush_some, do_close=False)

    def park_if_behind(self) -> bool:
        """Park this connection (its next request waits, with no thread) when its client has not read
        the answers already sent down to the watermark; whether it was parked."""
        with self.outbuf_lock:
            self.parked = self.connected and self.total_outbufs_len > self.adj.outbuf_high_watermark
            return self.parked

    def handle_write(self) -> None:
        super().handle_write()
        resume = False
        with self.outbuf_lock:
            if self.parked and self.total_outbufs_len <= self.adj.outbuf_high_watermark // 2:
                self.parked, resume = False, True
        if resume and self.connected and self.requests:
            self.server.queue(self)

    def handle_read(self) -> None:
        # waitress's own, but the end of the client's side (recv calls handle_close, above) leaves the
        # connection open when a broken-off request still has its answer to get.
        try:
            data = self.recv(self.adj.recv_bytes)
        except OSError:
            self.handle_close()
            return
        if data:
            self.last_activity = time.time()
            self.received(data)
        elif not self.read_closed:
            self.connected = False

    def readable(self) -> bool:
        if self.lingering_since is not None:
            return True
        if self.read_closed:
            return False
        readable: bool = super().readable()
        return readable

    def serving(self) -> bool:
        """A request of this connection is queued, being served or being sent."""
        return bool(self.requests or self.total_outbufs_len)

    def unread(self) -> bool:
        """Bytes from the client wait in the socket (a request the loop has not read yet)."""
        try:
            return bool(self.socket.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT))
        except BlockingIOError:
            return False
        except OSError:
            return False
