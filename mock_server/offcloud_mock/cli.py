"""`offcloud-mock`: run the Offcloud API mock as a real HTTP server (also `python -m mock_server`).

    offcloud-mock [--host 127.0.0.1] [--port 8080] [--scenario FILE] [--seed N] [--clock-speed X]
                  [--era 2026|legacy] [--no-validate-requests] [--validate-responses]
                  [--string-numbers] [--threads N] [--server waitress|granian]
                  [--control-token TOKEN] [--allow-host NAME]... [--max-downloads N] [--log-requests]
                  [--max-connections N] [--idle-timeout S] [--replay DIR]
    offcloud-mock proxy|drift|scenario-from|replay ...   (the drift tools: drift/offcloud_drift/cli.py)

Listening on anything but loopback (e.g. --host 0.0.0.0), the control plane /_mock/ needs a token: the
one given with --control-token (or $OFFCLOUD_MOCK_CONTROL_TOKEN), else one generated and printed in the
banner; a warning on stderr says so. The banner shows credentials only for the built-in demo scenario.

granian (the default, offcloud_mock.serving.granian_server) is the faster server, measured (python -m bench): one
process, the app run on its event loop's thread; `--server waitress` is the pure-Python one (--threads
request threads), also the server of the pytest fixture's live mode.

Exit codes: 0 after Ctrl-C or SIGTERM; 2 for bad arguments, a broken scenario file or a port that cannot
be had; 1 when granian's worker process dies (one line on stderr, no traceback).
"""

import argparse
import ipaddress
import logging
import os
import secrets
import sys
from collections.abc import Sequence
from typing import cast

from flask import Flask

from offcloud_mock.backend.errors import ScenarioError
from offcloud_mock.eras import DEFAULT_ERA, ERAS, Era
from offcloud_mock.http.app import create_app
from offcloud_mock.http.control_guard import TOKEN_HEADER, is_loopback
from offcloud_mock.http.request_log import LOGGER_NAME
from offcloud_mock.http.runtime import runtime
from offcloud_mock.serving.serve import DEFAULT_SERVER, SERVERS, serve_forever
from offcloud_mock.serving.waitress_server import DEFAULT_THREADS
from offcloud_mock.settings import (
    DEFAULT_IDLE_TIMEOUT_S,
    DEFAULT_MAX_CONNECTIONS,
    MockConfig,
    era_of_error_mode,
)

__all__ = ["main", "parser"]

_PROG = "offcloud-mock"


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
        help=f"waitress's request threads (default: {DEFAULT_THREADS}); granian runs the app on one thread",
    )
    p.add_argument(
        "--server",
        choices=SERVERS,
        default=DEFAULT_SERVER,
        help="granian (default: the faster, measured) or waitress (pure Python)",
    )
    # --- exposure (who may reach the control plane), budgets, and the request log ----------------------
    p.add_argument(
        "--control-token",
        metavar="TOKEN",
        default=os.environ.get("OFFCLOUD_MOCK_CONTROL_TOKEN"),
        help=f"token /_mock/ requires ({TOKEN_HEADER} header); generated when listening beyond loopback",
    )
    p.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a Host name /_mock/ accepts besides localhost and addresses (e.g. a compose service name)",
    )
    p.add_argument(
        "--max-downloads",
        type=int,
        metavar="N",
        help="hold at most N downloads (about 1 KB each; each file of an uploaded torrent takes one "
        "place too); more adds get a 400 (default: no cap)",
    )
    p.add_argument(
        "--max-connections",
        type=int,
        default=DEFAULT_MAX_CONNECTIONS,
        metavar="N",
        help="connections held at once; at the limit the quietest idle ones close (default: %(default)s)",
    )
    p.add_argument(
        "--idle-timeout",
        type=float,
        default=DEFAULT_IDLE_TIMEOUT_S,
        metavar="S",
        help="close a keep-alive connection after S seconds without a request (default: %(default)g)",
    )
    p.add_argument(
        "--replay",
        metavar="DIR",
        help="answer requests recorded in DIR (offcloud-mock proxy --record) as recorded; the mock the rest",
    )
    p.add_argument(
        "--log-requests",
        action="store_true",
        help="log one line per request: method, path, operationId, status, ms, masked account",
    )
    return p


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _banner(app: Flask, base_url: str, config: MockConfig, generated_token: str | None) -> str:
    scenario = config.scenario or "demo scenario"
    lines = [f"Offcloud API mock listening on {base_url}  ({scenario}, era {config.era})"]
    if config.scenario is None:  # the demo's credentials are public (README); a scenario's are not
        first = runtime(app).backend.accounts()[0]
        lines += [
            f"  API key:   {first.api_key}    e.g. curl -X POST '{base_url}/api/proxy?key={first.api_key}'",
            f"  login:     {first.email} / {first.account.password}",
        ]
    else:
        lines.append("  accounts:  those of the scenario file (GET /_mock/accounts lists them, keys masked)")
    lines += [
        f"  docs:      {base_url}/docs/   spec: {base_url}/openapi.yaml",
        f"  controls:  {base_url}/_mock/   (health, reset, clock, faults, journal, ...)",
    ]
    if generated_token is not None:
        lines.append(f"  control token (send as {TOKEN_HEADER}): {generated_token}")
    elif config.control_token is not None:
        lines.append(f"  control token: the one given (send as {TOKEN_HEADER})")
    lines.append("  Ctrl-C to stop")
    return "\n".join(lines)


def _control_token(host: str, given: str | None) -> tuple[str | None, str | None]:
    """(the token /_mock/ requires, the same if generated here to be printed); warns beyond loopback."""
    if is_loopback(host):
        return given, None
    generated = None if given else secrets.token_urlsafe(24)
    print(
        f"{_PROG}: warning: listening on {host}, reachable from other machines: /_mock/ requires "
        f"the control token ({TOKEN_HEADER} header){', printed below' if generated else ''}; "
        "the API accepts the scenario's keys from anyone who can reach the port",
        file=sys.stderr,
        flush=True,
    )
    return given or generated, generated


def _allowed_hosts(host: str, extra: list[str]) -> tuple[str, ...]:
    """The names /_mock/ accepts in Host besides the always-accepted ones: --allow-host and --host's."""
    names = [name.lower().rstrip(".") for name in extra]
    if not (is_loopback(host) or _is_address(host)):
        names.append(host.lower().rstrip("."))
    return tuple(dict.fromkeys(names))


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


# Commands of the drift tools (mock_server/offcloud_mock/drift), given as the first argument: `offcloud-mock proxy ...`.
DRIFT_COMMANDS = ("proxy", "drift", "scenario-from", "replay")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and arguments[0] in DRIFT_COMMANDS:
        from offcloud_drift.cli import main as drift_main  # only when asked for

        return drift_main(arguments)
    args = parser().parse_args(arguments)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.log_requests:
        logging.getLogger(LOGGER_NAME).setLevel(logging.INFO)
    try:
        if args.threads is not None and args.server == "granian":
            raise ValueError("--threads is for --server waitress: granian runs the app on one thread")
        if args.threads is None:
            args.threads = DEFAULT_THREADS
        if args.threads < 1:
            raise ValueError(f"--threads must be at least 1, not {args.threads}")
        token, generated_token = _control_token(args.host, args.control_token)
        era = cast(Era, args.era or (era_of_error_mode(args.error_mode) if args.error_mode else DEFAULT_ERA))
        config = MockConfig(
            scenario=args.scenario,
            seed=args.seed,
            clock_speed=args.clock_speed,
            era=era,
            validate_requests=args.validate_requests,
            validate_responses=args.validate_responses,
            string_numbers=args.string_numbers,
            control_token=token,
            allowed_hosts=_allowed_hosts(args.host, args.allow_host),
            max_downloads=args.max_downloads,
            max_connections=args.max_connections,
            idle_timeout_s=args.idle_timeout,
            log_requests=args.log_requests,
            replay=args.replay,
        )
        app = create_app(config)
    except (ScenarioError, ValueError) as error:
        print(f"{_PROG}: {_one_line(error)}", file=sys.stderr)
        return 2

    def ready(base_url: str) -> None:
        print(_banner(app, base_url, config, generated_token), flush=True)

    try:
        reason = serve_forever(
            app, args.host, args.port, server=args.server, config=config, threads=args.threads, on_ready=ready
        )
    except ImportError as error:
        print(f"{_PROG}: --server {args.server} needs it installed: {error}", file=sys.stderr)
        return 2
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
