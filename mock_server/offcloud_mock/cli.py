"""`offcloud-mock`: the Offcloud API mock as a real HTTP server, and the drift tools (`python -m offcloud_mock`).

    offcloud-mock [serve] [--host 127.0.0.1] [--port 8080] [--era 2026|legacy] ...   the mock (the default)
    offcloud-mock proxy|replay|scenario-from|drift ...      the drift tools (drift/offcloud_drift/cli.py)
    offcloud-mock --help | --version

`serve` is the command when none is given, so `offcloud-mock --port 9000` is `offcloud-mock serve --port
9000`. Its options are in groups (`offcloud-mock --help`); --port defaults to $OFFCLOUD_MOCK_PORT, else
8080, and --control-token to $OFFCLOUD_MOCK_CONTROL_TOKEN (a compose file sets both).

Listening on anything but loopback (e.g. --host 0.0.0.0), the control plane /_mock/ needs a token: the
one given, else one generated and printed in the banner; a warning on stderr says so. The banner shows an
address a person can open (on 0.0.0.0, http://127.0.0.1:PORT), and credentials only for the built-in
demo scenario.

granian (the default, offcloud_mock.serving.granian_server) is the faster server, measured (python -m
bench): one process, the app run on its event loop's thread; `--server waitress` is the pure-Python one
(--threads request threads), also the server of the pytest fixture's live mode.

This module imports only the standard library (and the drift tools' list of commands) at load time:
`--help` and `--version` work on any install, and an install without the `[mock]` extra is told what to
install, never shown a traceback. The server's modules are imported when it starts.

Exit codes: 0 after Ctrl-C or SIGTERM; 2 for bad arguments, a broken scenario file, a port that cannot
be had or a missing `[mock]` extra (each one line on stderr); 1 when granian's worker process dies.
"""

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, NoReturn

from offcloud_drift.commands import COMMANDS as DRIFT_COMMANDS
from offcloud_mock.eras import DEFAULT_ERA, ERAS, Era
from offcloud_mock.extra import INSTALL_MOCK, missing_mock_modules
from offcloud_mock.listening import (
    DEFAULT_PORT,
    PORT_VARIABLE,
    PROG,
    TOKEN_HEADER,
    TOKEN_VARIABLE,
    allowed_hosts,
    banner,
    control_token,
    say,
)

if TYPE_CHECKING:
    from flask import Flask

    from offcloud_mock.backend.errors import ScenarioError
    from offcloud_mock.settings import MockConfig

__all__ = ["DRIFT_COMMANDS", "main", "parser", "scenario_error_line", "serve_forever"]

# Written here so that `--help` shows them without importing the servers or the settings (which need the
# [mock] extra); tests/mock_http/test_cli.py holds each to the value it stands for.
SERVERS = ("granian", "waitress")  # offcloud_mock.serving.serve.SERVERS
_DEFAULT_THREADS = 8  # offcloud_mock.serving.waitress_server.DEFAULT_THREADS
_DEFAULT_MAX_CONNECTIONS = 512  # offcloud_mock.settings.DEFAULT_MAX_CONNECTIONS
_DEFAULT_IDLE_TIMEOUT_S = 10.0  # offcloud_mock.settings.DEFAULT_IDLE_TIMEOUT_S


def package_version() -> str:
    try:
        return version("offcloud-kit")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


class _Parser(argparse.ArgumentParser):
    """argparse, with a misuse told on one line that says where to read on (the usage is in --help)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _serve_options(p: argparse.ArgumentParser) -> None:
    """The options of `serve`, in groups (also shown by `offcloud-mock --help`, serve being the default)."""
    listen = p.add_argument_group("server")
    listen.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    listen.add_argument(
        "--port",
        type=int,
        default=os.environ.get(PORT_VARIABLE) or str(DEFAULT_PORT),  # a string: argparse checks it as given
        help=f"port to listen on, 0 for any (default: ${PORT_VARIABLE}, else {DEFAULT_PORT})",
    )
    listen.add_argument(
        "--server",
        choices=SERVERS,
        default="granian",
        help="granian (default: the faster, measured) or waitress (pure Python)",
    )
    listen.add_argument(
        "--threads",
        type=int,
        help=f"waitress's request threads (default: {_DEFAULT_THREADS}); granian runs the app on one thread",
    )
    listen.add_argument(
        "--max-connections",
        type=int,
        default=_DEFAULT_MAX_CONNECTIONS,
        metavar="N",
        help="connections held at once; at the limit the quietest idle ones close (default: %(default)s)",
    )
    listen.add_argument(
        "--idle-timeout",
        type=float,
        default=_DEFAULT_IDLE_TIMEOUT_S,
        metavar="S",
        help="close a keep-alive connection after S seconds without a request (default: %(default)g)",
    )
    state = p.add_argument_group("what the mock plays")
    state.add_argument(
        "--era",
        choices=ERAS,
        help="the server to play: 2026 (default, today's) or legacy (2014-2025: errors with 200, old routes)",
    )
    # Deprecated for one release: --error-mode modern|legacy, the former name of --era.
    state.add_argument("--error-mode", choices=("modern", "legacy"), help=argparse.SUPPRESS)
    state.add_argument("--scenario", metavar="FILE", help="a scenario YAML file (default: the demo scenario)")
    state.add_argument(
        "--seed", type=int, help="seed of ids and random choices (default: the scenario's, else 0)"
    )
    state.add_argument(
        "--clock-speed", type=float, default=1.0, metavar="X", help="mock seconds per real second"
    )
    state.add_argument(
        "--max-downloads",
        type=int,
        metavar="N",
        help="hold at most N downloads (about 1 KB each; each file of an uploaded torrent takes one "
        "place too); more adds get a 400 (default: no cap)",
    )
    state.add_argument(
        "--replay",
        metavar="DIR",
        help="answer requests recorded in DIR (offcloud-mock proxy --record) as recorded; the mock the rest",
    )
    spec = p.add_argument_group("checks against openapi.yaml")
    spec.add_argument(
        "--no-validate-requests",
        dest="validate_requests",
        action="store_false",
        help="do not check requests (a request outside openapi.yaml may then get a 500)",
    )
    spec.add_argument(
        "--validate-responses", action="store_true", help="answer 500 when an answer strays from openapi.yaml"
    )
    spec.add_argument("--string-numbers", action="store_true", help="legacy quirk: byte counts as strings")
    control = p.add_argument_group("control plane (/_mock/)")
    control.add_argument(
        "--control-token",
        metavar="TOKEN",
        default=os.environ.get(TOKEN_VARIABLE),
        help=f"token /_mock/ requires ({TOKEN_HEADER} header; default: ${TOKEN_VARIABLE}); "
        "generated when listening beyond loopback",
    )
    control.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a Host name /_mock/ accepts besides localhost and addresses (e.g. a compose service name)",
    )
    logs = p.add_argument_group("logging")
    logs.add_argument(
        "--log-requests",
        action="store_true",
        help="log one line per request: method, path, operationId, status, ms, masked account",
    )


def parser() -> argparse.ArgumentParser:
    """The whole command line: `serve` and its options, the drift tools' commands, --version."""
    p = _Parser(
        prog=PROG,
        usage=f"{PROG} [serve] [options]\n       {PROG} {{{','.join(DRIFT_COMMANDS)}}} ...",
        description="A stateful mock of the Offcloud.com API, and tools to check it against the real one.",
        epilog=f"`{PROG} COMMAND --help` tells each command's options. Docs of a running mock: "
        "http://127.0.0.1:8080/docs/",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    commands = p.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    serve = commands.add_parser(
        "serve",
        prog=f"{PROG} serve",
        help="run the mock server (the default command)",
        description="Run the mock server.",
    )
    _serve_options(serve)
    for name, text in DRIFT_COMMANDS.items():
        commands.add_parser(name, help=text, add_help=False)  # parsed by offcloud_drift.cli
    _serve_options(p)  # accepted without `serve` too: main() puts it in front
    return p


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def scenario_error_line(error: "ScenarioError", scenario: object) -> str:
    """A broken scenario file's error on one line, naming the file where PyYAML names "<unicode string>"
    (it was handed the file's text, not the file)."""
    line = one_line(error)
    return line if scenario is None else line.replace('"<unicode string>"', f'"{scenario}"')


def serve_forever(
    app: "Flask",
    host: str,
    port: int,
    *,
    server: str,
    config: "MockConfig",
    threads: int,
    on_ready: Callable[[str], None],
) -> str:
    """offcloud_mock.serving.serve.serve_forever, imported when the mock starts (it needs the [mock] extra)."""
    from offcloud_mock.serving import serve

    return serve.serve_forever(
        app, host, port, server=server, config=config, threads=threads, on_ready=on_ready
    )


def _serve(args: argparse.Namespace) -> int:
    from typing import cast

    from offcloud_mock.backend.errors import ScenarioError
    from offcloud_mock.http.app import create_app
    from offcloud_mock.http.request_log import LOGGER_NAME
    from offcloud_mock.settings import MockConfig, era_of_error_mode

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.log_requests:
        logging.getLogger(LOGGER_NAME).setLevel(logging.INFO)
    try:
        if args.threads is not None and args.server == "granian":
            raise ValueError("--threads is for --server waitress: granian runs the app on one thread")
        if args.threads is None:
            args.threads = _DEFAULT_THREADS
        if args.threads < 1:
            raise ValueError(f"--threads must be at least 1, not {args.threads}")
        token, generated_token = control_token(args.host, args.control_token)
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
            allowed_hosts=allowed_hosts(args.host, args.allow_host),
            max_downloads=args.max_downloads,
            max_connections=args.max_connections,
            idle_timeout_s=args.idle_timeout,
            log_requests=args.log_requests,
            replay=args.replay,
        )
        app = create_app(config)
    except ScenarioError as error:
        say(scenario_error_line(error, args.scenario))
        return 2
    except ValueError as error:
        say(one_line(error))
        return 2

    def ready(base_url: str) -> None:
        print(banner(app, base_url, config, generated_token), flush=True)

    try:
        reason = serve_forever(
            app, args.host, args.port, server=args.server, config=config, threads=args.threads, on_ready=ready
        )
    except ImportError as error:
        say(f"--server {args.server} needs it installed: {error}")
        return 2
    except OSError as error:
        say(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}")
        return 2
    except RuntimeError as error:  # granian_server.WorkerDied
        say(one_line(error))
        return 1
    print(f"{PROG}: stopped ({reason})", flush=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or arguments[0] not in (*DRIFT_COMMANDS, "serve", "-h", "--help", "--version"):
        arguments.insert(0, "serve")  # the default command
    if arguments[0] in DRIFT_COMMANDS:
        if _missing_extra():
            return 2
        from offcloud_drift.cli import main as drift_main  # only when asked for

        return drift_main(arguments)
    args = parser().parse_args(arguments)  # exits after --help, --version or a misuse
    return 2 if _missing_extra() else _serve(args)


def _missing_extra() -> bool:
    """Whether the `[mock]` extra is missing; if so, says what to install."""
    missing = missing_mock_modules()
    if missing:
        say(
            f"the mock server and its tools need the [mock] extra: {INSTALL_MOCK} (missing: {', '.join(missing)})"
        )
    return bool(missing)
