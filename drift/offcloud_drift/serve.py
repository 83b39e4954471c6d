"""Serving the proxy (or any WSGI app) with waitress: in a thread for `make drift` and tests, or in the
foreground for `offcloud-mock proxy`. Kept here rather than borrowed from the mock, whose modules move."""

import contextlib
import logging
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import Any

from waitress import wasyncore
from waitress.server import create_server

__all__ = ["Served", "serve_forever", "serve_in_thread"]

WsgiApp = Callable[..., Any]


def _create(app: WsgiApp, host: str, port: int, threads: int) -> Any:
    # asyncore_loop_timeout is cast with int(): 1 s, not 0.5 (which becomes 0, a busy loop that never rests).
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    return create_server(
        app, host=host, port=port, threads=threads, ident="offcloud-drift", asyncore_loop_timeout=1
    )


def _url(server: Any) -> str:
    return f"http://{server.effective_host}:{server.effective_port}"


@dataclass(eq=False)
class Served:
    server: Any
    thread: threading.Thread
    base_url: str

    def stop(self) -> None:
        """Close the listener and every connection from the loop's own thread; safe to call twice."""
        if self.thread.is_alive():
            # OSError: the loop closed its trigger already, so it is stopping or stopped.
            with contextlib.suppress(OSError):
                self.server.trigger.pull_trigger(lambda: wasyncore.close_all(self.server._map))
            self.thread.join(timeout=10)
        self.server.task_dispatcher.shutdown(timeout=5)


def serve_in_thread(app: WsgiApp, host: str = "127.0.0.1", port: int = 0, threads: int = 8) -> Served:
    """Serve from a daemon thread; port 0 takes a free port (see `.base_url`)."""
    server = _create(app, host, port, threads)
    thread = threading.Thread(target=server.run, name="offcloud-drift", daemon=True)
    thread.start()
    return Served(server, thread, _url(server))


def serve_forever(
    app: WsgiApp, host: str, port: int, on_ready: Callable[[str], None], threads: int = 8
) -> None:
    """Serve until Ctrl-C or SIGTERM; OSError when the address cannot be had."""
    server = _create(app, host, port, threads)

    def stop(number: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt  # waitress's loop re-raises only this one

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        on_ready(_url(server))
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.task_dispatcher.shutdown(timeout=5)
        wasyncore.close_all(server._map)
