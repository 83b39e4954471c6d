"""`offcloud-mock`: run the Offcloud API mock as a real HTTP server (also `python -m mock_server`).

    offcloud-mock [--host 127.0.0.1] [--port 8080] [--scenario FILE] [--seed N] [--clock-speed X]
                  [--era 2026|legacy] [--no-validate-requests] [--validate-responses]
                  [--string-numbers] [--threads N] [--server waitress|granian]

waitress (the default) is the server of the pytest fixture's live mode too; `--server granian` is the
faster one (mock_server.granian_server): one process, its --threads blocking threads, a port other than 0.

Exit codes: 0 after Ctrl-C or SIGTERM; 2 for bad arguments, a broken scenario file or a port that cannot
be had; 1 when granian's worker process dies (one line on stderr, no traceback).
"""

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import cast

from flask import Flask

from mock_server.backend.errors import ScenarioError
from mock_server.http.app import create_app
from mock_server.http.runtime import runtime
from mock_server.server import DEFAULT_THREADS, serve_forever
from mock_server.settings import ERAS, Era, MockConfig, era_of_error_mode

__all__ = ["main", "parser"]

_PROG = "offcloud-mock"
GRANIAN_THREADS = 2  # granian's blocking threads: 2 measured best on 2 cores (python -m bench)
SERVERS = ("waitress", "granian")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=_PROG, description="A stateful mock of the Offcloud.com API.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    p.add_argument(
        "--port", type=int, default=8080, help="port to listen on, 0 for any (default: %(default)s)"
    )
    p.add_argument("--scenario", metavar="FILE", help="a scenario YAML file (default: the demo scenario)")
    p.add_argument(
        "--seed", type=int, help="seed of ids and random choices (default: the scenario's, else 0)"
    )
    p.add_argument("--clock-speed", type=float, default=1.0, metavar="X", help="mock seconds per real second")
    p.add_argument(
        "--era",
        choices=ERAS,
        help="the server to play: 2026 (default, today's) or legacy (2014-2025: errors with 200, old routes)",
    )
    # Deprecated for one release: --error-mode modern|legacy, the former name of --era.
    p.add_argument("--error-mode", choices=("modern", "legacy"), help=argparse.SUPPRESS)
    p.add_argument(
        "--no-validate-requests",
        dest="validate_requests",
        action="store_false",
        help="do not check requests against openapi.yaml (a request outside it may then get a 500)",
    )
    p.add_argument(
        "--validate-responses", action="store_true", help="answer 500 when an answer strays from openapi.yaml"
    )
    p.add_argument("--string-numbers", action="store_true", help="legacy quirk: byte counts as strings")
    p.add_argument(
        "--threads",
        type=int,
        help=f"request threads (default: {DEFAULT_THREADS} under waitress, {GRANIAN_THREADS} under granian)",
    )
    p.add_argument(
        "--server",
        choices=SERVERS,
        default="waitress",
        help="waitress (default) or granian: faster, one process, needs a port other than 0",
    )
    return p


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _banner(app: Flask, base_url: str, config: MockConfig) -> str:
    first = runtime(app).backend.accounts()[0]
    scenario = config.scenario or "demo scenario"
    return "\n".join(
        [
            f"Offcloud API mock listening on {base_url}  ({scenario}, era {config.era})",
            f"  API key:   {first.api_key}    e.g. curl -X POST '{base_url}/api/proxy?key={first.api_key}'",
            f"  login:     {first.email} / {first.account.password}",
            f"  docs:      {base_url}/docs/   spec: {base_url}/openapi.yaml",
            f"  controls:  {base_url}/_mock/   (health, reset, clock, faults, journal, ...)",
            "  Ctrl-C to stop",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        if args.threads is None:
            args.threads = GRANIAN_THREADS if args.server == "granian" else DEFAULT_THREADS
        if args.threads < 1:
            raise ValueError(f"--threads must be at least 1, not {args.threads}")
        if args.server == "granian" and args.port == 0:
            raise ValueError("--server granian needs a port other than 0 (it cannot tell which one it got)")
        era = cast(Era, args.era or (era_of_error_mode(args.error_mode) if args.error_mode else "2026"))
        config = MockConfig(
            scenario=args.scenario,
            seed=args.seed,
            clock_speed=args.clock_speed,
            era=era,
            validate_requests=args.validate_requests,
            validate_responses=args.validate_responses,
            string_numbers=args.string_numbers,
        )
        app = create_app(config)
    except (ScenarioError, ValueError) as error:
        print(f"{_PROG}: {_one_line(error)}", file=sys.stderr)
        return 2

    def ready(base_url: str) -> None:
        print(_banner(app, base_url, config), flush=True)

    try:
        if args.server == "granian":
            try:
                from mock_server import granian_server  # imported only when asked for
            except ImportError as error:
                print(f"{_PROG}: --server granian needs granian installed: {error}", file=sys.stderr)
                return 2
            reason = granian_server.serve_forever(
                config, args.host, args.port, threads=args.threads, on_ready=ready
            )
        else:
            reason = serve_forever(app, args.host, args.port, threads=args.threads, on_ready=ready)
    except OSError as error:
        print(
            f"{_PROG}: cannot listen on {args.host}:{args.port}: {error.strerror or error}", file=sys.stderr
        )
        return 2
    except RuntimeError as error:  # granian_server.WorkerDied
        print(f"{_PROG}: {_one_line(error)}", file=sys.stderr)
        return 1
    print(f"{_PROG}: stopped ({reason})", flush=True)
    return 0
