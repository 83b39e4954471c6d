"""The one place a mock is served from in the foreground (`offcloud-mock`): `serve_forever` runs the
chosen server, a strategy, until Ctrl-C or SIGTERM, and says which of the two came.

Each strategy takes the same request (`Foreground`) and keeps the same promises: OSError when the
address cannot be had, `on_ready(base_url)` once it listens, a graceful stop on either signal, the
same limits (`MockConfig.max_connections`, `idle_timeout_s`, `max_body_bytes`). They differ in how:

- granian (the default, the faster, measured): one worker process that builds its own app from the
  config (granian_server);
- waitress: the given app, on `threads` request threads in this process (waitress_server, whose
  `serve_forever` also serves any WSGI app, e.g. the drift tools' proxy).

A server's module is imported only when it is chosen: granian is an optional dependency.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask

from offcloud_mock.settings import MockConfig

__all__ = ["DEFAULT_SERVER", "SERVERS", "Foreground", "serve_forever"]


@dataclass(frozen=True, slots=True)
class Foreground:
    """What to serve, where, and how: the same for every server."""

    app: Flask  # the app waitress serves (the CLI builds it for its banner); granian builds its own
    config: MockConfig  # how the app was built, and the serving limits
    host: str
    port: int  # 0: a port free at start-up
    threads: int  # waitress's request threads; granian runs the app on its event loop's one thread
    on_ready: Callable[[str], None]  # called with the base URL once the server accepts connections


def _granian(foreground: Foreground) -> str:
    from offcloud_mock.serving import granian_server  # ImportError when granian is not installed

    return granian_server.run(
        foreground.config, foreground.host, foreground.port, on_ready=foreground.on_ready
    )


def _waitress(foreground: Foreground) -> str:
    from offcloud_mock.serving import waitress_server

    config = foreground.config
    return waitress_server.serve_forever(
        foreground.app,
        foreground.host,
        foreground.port,
        threads=foreground.threads,
        on_ready=foreground.on_ready,
        max_connections=config.max_connections,
        idle_timeout_s=config.idle_timeout_s,
    )


_STRATEGIES: dict[str, Callable[[Foreground], str]] = {"granian": _granian, "waitress": _waitress}
SERVERS = tuple(_STRATEGIES)
DEFAULT_SERVER = "granian"


def serve_forever(
    app: Flask,
    host: str,
    port: int,
    *,
    server: str,
    config: MockConfig,
    threads: int,
    on_ready: Callable[[str], None],
) -> str:
    """Serve on `server` until Ctrl-C or SIGTERM; which of the two came ("SIGINT" or "SIGTERM").

    OSError when the address cannot be had; ImportError when granian is chosen and not installed;
    RuntimeError (granian_server.WorkerDied) when granian's worker dies on its own; ValueError for a
    server that is not one of SERVERS."""
    strategy = _STRATEGIES.get(server)
    if strategy is None:
        raise ValueError(f"server must be one of {', '.join(SERVERS)}, not {server[:40]!r}")
    return strategy(Foreground(app, config, host, port, threads, on_ready))
