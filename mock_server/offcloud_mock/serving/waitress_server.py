"""Running the mock under waitress, a production WSGI server: in a thread (tests) or in the foreground (CLI).

Any WSGI app may be served so (the drift tools serve their proxy and replay with these same functions).

The mock's state lives in memory, so it must run as ONE process; waitress serves many requests at once
with threads (8 by default), and the backend takes its lock around every state change. The server is
waitress guarded against slow and broken clients (offcloud_mock.serving.waitress_guards).
"""

import logging
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any, Self

from offcloud_mock.serving.process_heap import freeze_startup_heap
from offcloud_mock.serving.waitress_guards import REQUEST_TIMEOUT_S, GuardedServer, create_guarded, drain
from offcloud_mock.settings import DEFAULT_IDLE_TIMEOUT_S, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_CONNECTIONS

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

__all__ = ["DEFAULT_THREADS", "DRAIN_S", "RunningServer", "serve_forever", "serve_in_thread"]

_logger = logging.getLogger(__name__)

DEFAULT_THREADS = 8
DRAIN_S = 5.0  # a graceful stop answers what is in flight for at most this long, then closes the rest
# waitress casts asyncore_loop_timeout with int(): 0.5 became 0, a select() that never waited, and an idle
# mock that burnt a whole core. Nothing waits on this timeout: stop() wakes the loop through its trigger,
# and a signal interrupts select(). It only paces the housekeeping below.
_LOOP_TIMEOUT_S = 1
_CLEANUP_INTERVAL_S = 1  # how often timed-out requests and idle connections are looked for
# Unsent answers a connection may pile up before its next request waits for the client to read them
# (waitress_guards: parked, with no thread). waitress's default is 16 MiB.
_OUTBUF_HIGH_WATERMARK = 1024 * 1024


def _max_body_bytes(app: Any) -> int:
    """The body limit of a Flask app (its MAX_CONTENT_LENGTH), the mock's default for any other app."""
    limit = getattr(app, "config", {}).get("MAX_CONTENT_LENGTH")
    return int(limit) if limit is not None else DEFAULT_MAX_BODY_BYTES


def _create(
    app: "WSGIApplication",
    host: str,
    port: int,
    *,
    threads: int,
    request_timeout_s: float,
    max_connections: int,
    idle_timeout_s: float,
) -> GuardedServer:
    """A bound, listening waitress server; OSError (e.g. EADDRINUSE) when the port cannot be had.

    It holds at most `max_connections` (waitress's default of 100 would queue a load test's), closing
    the quietest idle ones at the limit, and closes a keep-alive connection idle for `idle_timeout_s`."""
    # Under load a few requests wait for a free thread; waitress warns about it on every request, which
    # would bury the mock's own messages during a benchmark.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    server = create_guarded(
        app,
        host,
        port,
        max_body_bytes=_max_body_bytes(app),
        threads=threads,
        ident="offcloud-mock",
        connection_limit=max_connections,
        asyncore_loop_timeout=_LOOP_TIMEOUT_S,
        cleanup_interval=_CLEANUP_INTERVAL_S,
        outbuf_high_watermark=_OUTBUF_HIGH_WATERMARK,
        asyncore_use_poll=True,  # select() fails on descriptors above 1,023: a test process may have those
    )
    server.request_timeout_s = request_timeout_s
    server.idle_timeout_s = idle_timeout_s
    return server


def _base_url(server: Any) -> str:
    host = str(server.effective_host)
    return f"http://{f'[{host}]' if ':' in host else host}:{server.effective_port}"


@dataclass(eq=False)
class RunningServer:
    """A mock served by waitress in a background thread; a context manager that stops it on exit."""

    server: GuardedServer
    thread: threading.Thread
    base_url: str
    _stopped: bool = field(default=False, init=False)

    @property
    def port(self) -> int:
        return int(self.server.effective_port)

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        # The loop thread closes the connections (closing them from here would race its poll); the
        # trigger closes last, once the request threads that pull it have finished.
        self.server.stopping = True
        self.server.pull_trigger()
        self.thread.join(timeout=10)
        self.server.task_dispatcher.shutdown(timeout=5)
        self.server.close_trigger()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


def serve_in_thread(
    app: "WSGIApplication",
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    threads: int = DEFAULT_THREADS,
    request_timeout_s: float = REQUEST_TIMEOUT_S,
    max_connections: int = DEFAULT_MAX_CONNECTIONS,
    idle_timeout_s: float = DEFAULT_IDLE_TIMEOUT_S,
) -> RunningServer:
    """Serve `app` from a daemon thread; port 0 takes a free port (see `.base_url`)."""
    server = _create(
        app,
        host,
        port,
        threads=threads,
        request_timeout_s=request_timeout_s,
        max_connections=max_connections,
        idle_timeout_s=idle_timeout_s,
    )
    thread = threading.Thread(target=server.run, name=f"offcloud-mock:{server.effective_port}", daemon=True)
    thread.start()
    return RunningServer(server, thread, _base_url(server))


def serve_forever(
    app: "WSGIApplication",
    host: str,
    port: int,
    *,
    threads: int = DEFAULT_THREADS,
    on_ready: Callable[[str], None] = lambda base_url: None,
    max_connections: int = DEFAULT_MAX_CONNECTIONS,
    idle_timeout_s: float = DEFAULT_IDLE_TIMEOUT_S,
) -> str:
    """Serve in the foreground until Ctrl-C or SIGTERM; answers which one ("SIGINT" or "SIGTERM").

    OSError when the address cannot be bound. Both signals stop gracefully: no new connections, the
    requests in flight are answered (for at most DRAIN_S seconds), then everything closes. A second
    signal during that cuts it short.
    """
    server = _create(
        app,
        host,
        port,
        threads=threads,
        request_timeout_s=REQUEST_TIMEOUT_S,
        max_connections=max_connections,
        idle_timeout_s=idle_timeout_s,
    )
    freeze_startup_heap()  # this process serves this one app until it exits
    received: list[str] = []

    def on_signal(number: int, frame: FrameType | None) -> None:
        # Only note it and wake the loop. An exception raised from here would land wherever the main
        # thread happens to be, e.g. between queueing a request and waking a worker for it: that request
        # would then never be served, and the drain would wait its whole grace period for it.
        received.append(signal.Signals(number).name)
        server.pull_trigger()

    previous = {number: signal.signal(number, on_signal) for number in (signal.SIGTERM, signal.SIGINT)}
    try:
        on_ready(_base_url(server))
        server.run_until(lambda: bool(received))
        if not drain(server, DRAIN_S, cut_short=lambda: len(received) > 1):
            _logger.warning("graceful stop: connections still busy were closed (%s)", _busy(server))
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        # After a drain the threads are idle; a thread still in the app then (a long fault latency)
        # is a daemon thread, left behind rather than waited for: the stop stays within ~DRAIN_S + 1 s.
        server.task_dispatcher.shutdown(timeout=1)
        server.close_connections()
        server.close_trigger()
    return received[0] if received else "SIGINT"


def _busy(server: GuardedServer) -> str:
    channels = list(server.active_channels.values())
    serving = sum(1 for channel in channels if channel.serving())
    return f"{len(channels)} open, {serving} with a request being served or sent"
