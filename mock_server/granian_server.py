"""Running the mock under granian (`offcloud-mock`'s default server): a Rust HTTP server, faster than waitress.

The mock's state lives in memory, so granian runs ONE worker process, which serves requests from its
blocking threads (`--threads`). The worker imports its app by name: the config reaches it as JSON in the
environment variable OFFCLOUD_MOCK_CONFIG, read by the factory `create_from_env`. waitress
(`--server waitress`) is the other choice, and the only server of `serve_in_thread` (mock_server.server).

Against slow clients: headers must arrive within REQUEST_TIMEOUT_S; a stalled body holds one of many
waiting threads (AppGate), so fresh clients are still served; a stop lets requests in
flight finish and kills the worker after _KILL_AFTER_S if a stalled client still holds it. What granian
cannot do: time out a body, or answer its own protocol errors (400 with an empty body) as JSON.
"""

import contextlib
import ctypes
import dataclasses
import io
import json
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterable
from types import FrameType
from typing import TYPE_CHECKING, Any

from flask import Flask
from granian import Granian
from granian.constants import Interfaces
from granian.http import HTTP1Settings

from mock_server.http.app import create_app
from mock_server.process_heap import freeze_startup_heap
from mock_server.settings import MockConfig
from mock_server.waitress_guards import REQUEST_TIMEOUT_S

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

__all__ = ["CONFIG_ENV", "AppGate", "WorkerDied", "create_from_env", "serve_forever"]

CONFIG_ENV = "OFFCLOUD_MOCK_CONFIG"
THREADS_ENV = "OFFCLOUD_MOCK_THREADS"
# granian's blocking threads beyond --threads: a request waiting for its body holds one (without the GIL,
# until the client sends it or goes), so this many stalled clients can wait while others are served.
_WAITING_ROOM = 62
_TARGET = "mock_server.granian_server:create_from_env"
_READY_TIMEOUT_S = 60.0
# A graceful stop lets requests in flight finish; a worker still busy after this long is killed, so a
# stop never hangs (granian's default is to wait for ever).
_KILL_AFTER_S = 5


class WorkerDied(RuntimeError):
    """granian's worker process ended without being asked to (it could not bind, or load the app)."""


class AppGate:
    """`app`, run by at most `concurrency` threads at once, each with its request body already read.

    granian hands a request to one of its blocking threads as soon as the headers are in, and
    `wsgi.input.read()` then waits, in Rust and without the GIL, for the body: a client that stalls
    its body holds that thread until it goes away (granian has no body timeout, and a read cannot be
    cut short from Python: reading in a helper thread instead stalled granian's other connections,
    measured). So granian gets many blocking threads (room for slow clients), the body is read in full
    first, outside the gate, and only then does the request take one of `concurrency` places to run
    the app: more threads running Python on two cores only contend for the GIL and lengthen the tail.
    """

    def __init__(self, app: Flask, concurrency: int) -> None:
        self.app = app
        self._gate = threading.BoundedSemaphore(concurrency)

    def __call__(self, environ: "WSGIEnvironment", start_response: "StartResponse") -> Iterable[bytes]:
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


_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Linux: the worker gets SIGTERM when granian's main process dies, even by SIGKILL, rather than
    live on as an orphan that holds the port and the state. Elsewhere nothing is done."""
    if sys.platform != "linux":
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() == 1:  # the parent was gone before the line above
        os.kill(os.getpid(), signal.SIGTERM)


def create_from_env() -> AppGate:
    """The factory granian's worker calls: the app of the config the CLI put in the environment, run
    by at most `--threads` of granian's threads at once, the others left to wait for slow bodies."""
    _die_with_parent()
    gate = AppGate(create_app(MockConfig(**json.loads(os.environ[CONFIG_ENV]))), int(os.environ[THREADS_ENV]))
    freeze_startup_heap()
    return gate


def _config_json(config: MockConfig) -> str:
    fields = dataclasses.asdict(config)
    if fields["scenario"] is not None:
        fields["scenario"] = os.path.abspath(fields["scenario"])
    return json.dumps(fields)


def _check_port(host: str, port: int) -> int:
    """The port to serve on: `port`, or for 0 one that is free now (granian cannot report which one it
    got; the moment between this probe and granian's bind is the only race, on a port the kernel just
    handed out).

    OSError (EADDRINUSE) when the address is taken: granian binds with SO_REUSEPORT, so a second granian
    on the same port would otherwise share it, and split the mock's state between two processes."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers do: TIME_WAIT is no owner
        probe.bind((host, port))
        found: int = probe.getsockname()[1]
        return found


def _base_url(host: str, port: int) -> str:
    return f"http://{f'[{host}]' if ':' in host else host}:{port}"


def _announce_when_listening(
    address: tuple[Any, ...], family: int, on_ready: Callable[[], None], stop: threading.Event
) -> None:
    """Calls on_ready once the worker accepts connections (it binds after loading the app).

    Started before granian forks its worker, so it takes no lock the worker could inherit held: the
    address is resolved beforehand (getaddrinfo imports a codec, under the import lock)."""
    deadline = time.monotonic() + _READY_TIMEOUT_S
    while not stop.is_set() and time.monotonic() < deadline:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.settimeout(1)
            if probe.connect_ex(address) == 0:
                on_ready()
                return
        stop.wait(0.05)


def serve_forever(
    config: MockConfig,
    host: str,
    port: int,
    *,
    threads: int,
    on_ready: Callable[[str], None] = lambda base_url: None,
) -> str:
    """Serve in the foreground until Ctrl-C or SIGTERM; answers which one ("SIGINT" or "SIGTERM").

    OSError when the address cannot be bound, WorkerDied when the worker ends on its own. Port 0 takes a
    port that is free at start-up. on_ready gets the base URL once the worker listens.
    """
    port = _check_port(host, port)
    os.environ[CONFIG_ENV] = _config_json(config)
    os.environ[THREADS_ENV] = str(threads)
    server = Granian(
        _TARGET,
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=1,  # ONE process: the state is in memory
        blocking_threads=threads + _WAITING_ROOM,  # the app itself runs in `threads` of them at most
        factory=True,
        log_enabled=False,  # granian's own log; its access log (off by default) would show every API key
        log_access=False,
        # Headers must arrive within the mock's request deadline (granian's default: 30 s). granian has
        # no body timeout: a stalled body holds one of the waiting threads (AppGate).
        http1_settings=HTTP1Settings(header_read_timeout=int(REQUEST_TIMEOUT_S * 1000)),
        workers_kill_timeout=_KILL_AFTER_S,
    )
    received: list[str] = []
    stop = threading.Event()
    base_url = _base_url(host, port)

    def on_startup() -> None:
        # Hooks run after granian set its signal handlers: ours note which signal came, then hand over.
        for number in (signal.SIGTERM, signal.SIGINT):
            granian_handler = signal.getsignal(number)

            def on_signal(
                signum: int, frame: FrameType | None, granian_handler: Any = granian_handler
            ) -> None:
                received.append(signal.Signals(signum).name)
                stop.set()
                granian_handler(signum, frame)

            signal.signal(number, on_signal)
        probe_host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
        family, _, _, _, address = socket.getaddrinfo(probe_host, port, type=socket.SOCK_STREAM)[0]
        announcer = threading.Thread(
            target=_announce_when_listening,
            args=(address, family, lambda: on_ready(base_url), stop),
            name="offcloud-mock:ready",
            daemon=True,
        )
        announcer.start()

    server.on_startup(on_startup)
    try:
        server.serve()  # returns after a signal; SystemExit(1) when the worker died
    except SystemExit:
        if not received:
            raise WorkerDied("the granian worker stopped unexpectedly (see above)") from None
    finally:
        stop.set()
        os.environ.pop(CONFIG_ENV, None)
        os.environ.pop(THREADS_ENV, None)
    if not received:
        raise WorkerDied("the granian worker stopped unexpectedly (see above)")
    return received[0]
