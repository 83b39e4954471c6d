"""`python -m bench.serve`: serve a variant of the mock, or a ceiling app, as a real server.

    python -m bench.serve --app mock --patch nojournal --port 8081      the journal off (a bound)
    python -m bench.serve --app bare --port 8082                       the ceiling: same waitress settings
    python -m bench.serve --app flask-minimal --port 8083              a one-route Flask app (Flask's floor)
    python -m bench.serve --app mock --server granian --json orjson --port 8084
    python -m bench.serve --app mock --server granian-wsgi --threads 2 --port 8085

The mock itself is measured as `python -m offcloud_mock` (its own CLI); this module exists for what the CLI
cannot do. Patches are those of `bench.tweaks`, applied to this process only. Under waitress, every app
is served by `offcloud_mock.serving.waitress_server.serve_forever`, so with exactly the mock's waitress settings; under
`granian`, the way the CLI serves the mock (its RSGI bridge, event loop and heap settings); under
`granian-wsgi`, by granian's WSGI interface with --threads blocking threads (the CLI's way until
December 2026).
"""

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

from flask import Flask
from granian import Granian
from granian.constants import Interfaces

from bench.tweaks import PATCHES, minimal_flask_app, patched, use_orjson
from offcloud_mock.serving.granian_server import event_loop
from offcloud_mock.serving.process_heap import freeze_startup_heap
from offcloud_mock.serving.rsgi_bridge import WSGIOverRSGI
from offcloud_mock.serving.waitress_guards import REQUEST_TIMEOUT_S
from offcloud_mock.settings import DEFAULT_MAX_BODY_BYTES

__all__ = ["bare_app", "build_app", "main"]

APPS = ("mock", "bare", "flask-minimal")
_BARE_BODY = b'{"status":{"requestId":"5f1b2c3d4e5f60718293a4b6","status":"downloaded"}}'
StartResponse = Callable[[str, list[tuple[str, str]]], object]


def bare_app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    """The ceiling: a WSGI app that reads the body (as any app must) and answers a fixed small JSON."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    if length:
        environ["wsgi.input"].read(length)
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(_BARE_BODY)))])
    return [_BARE_BODY]


def build_app(name: str, json_library: str) -> Any:
    """The WSGI app of a variant; patches are applied by the caller, for the life of the process."""
    if name == "bare":
        return bare_app
    if name == "flask-minimal":
        app = minimal_flask_app()
    else:
        from offcloud_mock.http.app import create_app

        app = create_app()
    if json_library == "orjson":
        use_orjson(app)
    return app


def _environment_patches() -> tuple[str, ...]:
    return tuple(filter(None, os.environ.get("BENCH_PATCHES", "").split(",")))


def granian_factory() -> Any:
    """granian imports the app by name in its worker process: the variant comes through the environment."""
    # Entered and never left: the patches hold for the life of the worker.
    contextlib.ExitStack().enter_context(patched(_environment_patches()))
    app = build_app(os.environ["BENCH_APP"], os.environ.get("BENCH_JSON", "stdlib"))
    if os.environ["BENCH_INTERFACE"] == "wsgi":
        return app
    bridge = WSGIOverRSGI(app, max_body_bytes=DEFAULT_MAX_BODY_BYTES, body_timeout_s=REQUEST_TIMEOUT_S)
    freeze_startup_heap()  # as the mock's own factory does
    return bridge


def _serve_granian(args: argparse.Namespace) -> None:
    interface = "wsgi" if args.server == "granian-wsgi" else "rsgi"
    os.environ.update(
        BENCH_APP=args.app,
        BENCH_JSON=args.json,
        BENCH_PATCHES=",".join(args.patch),
        BENCH_INTERFACE=interface,
    )
    # ONE worker: the mock's state is in memory.
    settings: dict[str, Any] = (
        {"interface": Interfaces.WSGI, "blocking_threads": args.threads}
        if interface == "wsgi"
        else {"interface": Interfaces.RSGI, "loop": event_loop()}
    )
    Granian(
        "bench.serve:granian_factory",
        address="127.0.0.1",
        port=args.port,
        workers=1,
        factory=True,
        log_enabled=False,
        **settings,
    ).serve()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serve")
    parser.add_argument("--app", choices=APPS, required=True)
    parser.add_argument("--patch", choices=PATCHES, action="append", default=[], help="a bench.tweaks patch")
    parser.add_argument("--server", choices=("waitress", "granian", "granian-wsgi"), default="waitress")
    parser.add_argument("--json", choices=("stdlib", "orjson"), default="stdlib")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--threads", type=int, default=None, help="waitress's, granian-wsgi's (default 8)")
    parser.add_argument("--extras", help="a folder appended to sys.path (orjson)")
    args = parser.parse_args(argv)
    if args.extras:
        sys.path.append(args.extras)  # appended: nothing there may shadow a package of the venv
        # granian's worker is a new interpreter: it finds the extras (and bench) through PYTHONPATH.
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), args.extras]))
    from offcloud_mock.serving.waitress_server import DEFAULT_THREADS, serve_forever

    args.threads = args.threads or DEFAULT_THREADS
    if args.server.startswith("granian"):
        _serve_granian(args)
        return 0
    with patched(tuple(args.patch)):
        app = build_app(args.app, args.json)
        serve_forever(cast(Flask, app), "127.0.0.1", args.port, threads=args.threads)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
