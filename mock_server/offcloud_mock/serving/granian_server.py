"""Running the mock under granian (`offcloud-mock`'s default server): a Rust HTTP server, faster than waitress.
`run` is granian's strategy of offcloud_mock.serving.serve, the one place a mock is served from.

The mock's state lives in memory, so granian runs ONE worker process. The worker imports its app by
name: the config reaches it as JSON in the environment variable OFFCLOUD_MOCK_CONFIG, read by the
factory `create_from_env`, which serves the Flask app through granian's RSGI interface on its event loop
(offcloud_mock.serving.rsgi_bridge: bodies awaited without holding a thread, the app run on the loop's thread).
waitress (`--server waitress`) is the other choice, and the only server of `serve_in_thread`
(offcloud_mock.serving.waitress_server).

Against slow clients: headers must arrive within the idle timeout (`idle_timeout_s`, by default 10 s;
granian closes the connection), which also closes a keep-alive connection idle that long; a body must
arrive within REQUEST_TIMEOUT_S (answered 408); at `max_connections` the quietest idle connections are
closed to make room (granian_room); a stop lets requests in flight finish and kills the worker
after _KILL_AFTER_S if one still holds it. What granian cannot do: answer its own protocol errors (400
with an empty body) as JSON.
"""

import contextlib
import ctypes
import dataclasses
import importlib.util
import json
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

from granian import Granian
from granian.constants import Interfaces, Loops
from granian.http import HTTP1Settings

from offcloud_mock.http.app import create_app
from offcloud_mock.serving.process_heap import freeze_startup_heap
from offcloud_mock.serving.rsgi_bridge import WSGIOverRSGI
from offcloud_mock.serving.waitress_guards import REQUEST_TIMEOUT_S
from offcloud_mock.settings import MockConfig

__all__ = ["CONFIG_ENV", "WorkerDied", "create_from_env", "event_loop", "run"]

CONFIG_ENV = "OFFCLOUD_MOCK_CONFIG"
_TARGET = "offcloud_mock.serving.granian_server:create_from_env"
_READY_TIMEOUT_S = 60.0
# A graceful stop lets requests in flight finish; a worker still busy after this long is killed, so a
# stop never hangs (granian's default is to wait for ever).
_KILL_AFTER_S = 5


class WorkerDied(RuntimeError):
    """granian's worker process ended without being asked to (it could not bind, or load the app)."""


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


def create_from_env() -> WSGIOverRSGI:
    """The factory granian's worker calls: the app of the config the CLI put in the environment."""
    _die_with_parent()
    config = MockConfig(**json.loads(os.environ[CONFIG_ENV]))
    bridge = WSGIOverRSGI(
        create_app(config),
        max_body_bytes=config.max_body_bytes,
        body_timeout_s=REQUEST_TIMEOUT_S,
        max_connections=config.max_connections,
    )
    freeze_startup_heap()
    return bridge


def event_loop() -> Loops:
    """uvloop where it is installed (a dependency of the kit but on Windows): ~15% less CPU a request
    than asyncio's own loop, measured. Not granian's `auto`, which prefers rloop when present, slower here."""
    return Loops.uvloop if importlib.util.find_spec("uvloop") else Loops.asyncio


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


def run(
    config: MockConfig,
    host: str,
    port: int,
    *,
    on_ready: Callable[[str], None] = lambda base_url: None,
) -> str:
    """Serve in the foreground until Ctrl-C or SIGTERM; answers which one ("SIGINT" or "SIGTERM").

    OSError when the address cannot be bound, WorkerDied when the worker ends on its own. Port 0 takes a
    port that is free at start-up. on_ready gets the base URL once the worker listens.
    """
    port = _check_port(host, port)
    os.environ[CONFIG_ENV] = _config_json(config)
    server = Granian(
        _TARGET,
        address=host,
        port=port,
        interface=Interfaces.RSGI,
        workers=1,  # ONE process: the state is in memory
        loop=event_loop(),
        factory=True,
        log_enabled=False,  # granian's own log; its access log (off by default) would show every API key
        log_access=False,
        # granian holds this many connections at once (a semaphore per connection; its default is its
        # backlog, 1,024); the bridge makes room at the limit (granian_room).
        backpressure=config.max_connections,
        # hyper's one timer for a request's headers, which also closes a keep-alive connection that has
        # waited that long for its next request: the idle timeout (granian's default: 30 s). A body's
        # deadline is the bridge's.
        http1_settings=HTTP1Settings(header_read_timeout=int(config.idle_timeout_s * 1000)),
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
    if not received:
        raise WorkerDied("the granian worker stopped unexpectedly (see above)")
    return received[0]
