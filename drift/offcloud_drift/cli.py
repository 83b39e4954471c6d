"""The drift tools' command line: `python -m offcloud_drift COMMAND ...` (and, once wired, the same
commands of `offcloud-mock`).

    proxy --upstream URL [--host H] [--port N] [--era 2026|legacy] [--record DIR] [--report PREFIX]
    drift --base-url URL [--era ...] [--report PREFIX] [--record DIR] [--no-contract] [--request-id ID]...
    scenario-from DIR                      (the scenario YAML on stdout)
    replay DIR [--host H] [--port N] [--mock]  (recorded answers; anything else 404, or the mock with --mock)

`drift` reads the key from OFFCLOUD_API_KEY (never from the command line, where `ps` would show it),
writes only with OFFCLOUD_ALLOW_WRITES=1, logs in with OFFCLOUD_EMAIL/OFFCLOUD_PASSWORD when given, and
takes the report prefix from DRIFT_REPORT when --report is not given. Exit codes: see `run`; the other
commands answer 0, or 2 with one line on stderr for bad input.
"""

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from offcloud_drift.checks import Checker
from offcloud_drift.collect import Collector
from offcloud_drift.commands import COMMANDS
from offcloud_drift.flows import DEFAULT_WRITE_URL
from offcloud_drift.proxy import DriftProxy
from offcloud_drift.recorder import Recorder, read_recordings
from offcloud_drift.redact import Redactor
from offcloud_drift.replay import ReplayMiddleware, not_recorded_app
from offcloud_drift.report import build_report, write_report
from offcloud_drift.run import DriftSettings, public_url, run_drift
from offcloud_drift.scenario_from import scenario_from_records
from offcloud_drift.serve import serve_forever
from offcloud_drift.spec_view import ERAS, SpecView

__all__ = ["main", "parser"]

_PROG = "offcloud-mock"


def _say(message: str) -> None:
    print(f"{_PROG}: {message}", file=sys.stderr, flush=True)


class _Parser(argparse.ArgumentParser):
    """argparse, with a misuse told on one line that says where to read on (the usage is in --help)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog=_PROG, description="Drift tools: validating proxy, report, replay, scenarios.")
    commands = p.add_subparsers(dest="command", required=True)

    proxy = commands.add_parser("proxy", help=COMMANDS["proxy"])
    proxy.add_argument(
        "--upstream", required=True, help="the server to forward to, e.g. https://offcloud.com"
    )
    proxy.add_argument("--host", default="127.0.0.1")
    proxy.add_argument("--port", type=int, default=8081)
    _common(proxy)
    proxy.add_argument("--report", metavar="PREFIX", help="write PREFIX.md and PREFIX.json when stopped")

    drift = commands.add_parser("drift", help=COMMANDS["drift"])
    drift.add_argument(
        "--base-url", default=os.environ.get("OFFCLOUD_BASE_URL", ""), help="the server to check"
    )
    _common(drift)
    drift.add_argument("--report", metavar="PREFIX", default=os.environ.get("DRIFT_REPORT") or "drift-report")
    drift.add_argument("--no-contract", dest="contract", action="store_false", help="scripted flows only")
    drift.add_argument("--request-id", action="append", default=[], help="an existing download to read too")
    drift.add_argument("--write-url", default=DEFAULT_WRITE_URL, help="what the writing flows add")
    drift.add_argument("--polls", type=int, default=5, help="status polls of each added download")

    scenario = commands.add_parser("scenario-from", help=COMMANDS["scenario-from"])
    scenario.add_argument("directory", type=Path)

    replay = commands.add_parser("replay", help=COMMANDS["replay"])
    replay.add_argument("directory", type=Path)
    replay.add_argument("--host", default="127.0.0.1")
    replay.add_argument("--port", type=int, default=8080)
    replay.add_argument(
        "--mock", action="store_true", help="fall through to the stateful mock (demo scenario)"
    )
    return p


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--era", choices=ERAS, default="2026", help="the server era to hold answers to")
    command.add_argument("--record", metavar="DIR", type=Path, help="write each exchange, redacted, into DIR")
    command.add_argument("--spec", type=Path, help="the OpenAPI file (default: openapi.yaml of the kit)")
    command.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the upstream")


def _proxy(args: argparse.Namespace) -> int:
    spec = SpecView.load(args.spec)
    redactor = Redactor([os.environ.get("OFFCLOUD_API_KEY", "")])
    collector = Collector(redactor)
    recorder = Recorder(args.record) if args.record else None
    proxy = DriftProxy(
        args.upstream,
        Checker(spec, args.era),
        redactor,
        collector,
        recorder,
        timeout=args.timeout,
        on_exchange=_say,
    )

    def ready(base_url: str) -> None:
        _say(f"drift proxy on {base_url} -> {public_url(args.upstream)} ({args.era} era); Ctrl-C to stop")

    try:
        serve_forever(proxy, args.host, args.port, on_ready=ready)
    except OSError as error:
        _say(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}")
        return 2
    finally:
        proxy.close()
    if args.report:
        report = build_report(spec, args.era, collector.snapshot(), public_url(args.upstream))
        json_path, md_path = write_report(report, args.report, redactor)
        _say(f"{report['drift_items']} drift items: {md_path} and {json_path}")
    return 0


def _drift(args: argparse.Namespace) -> int:
    settings = DriftSettings(
        upstream=args.base_url.strip(),
        api_key=os.environ.get("OFFCLOUD_API_KEY", "").strip(),
        era=args.era,
        report_prefix=args.report,
        record_dir=args.record,
        allow_writes=os.environ.get("OFFCLOUD_ALLOW_WRITES") == "1",
        email=os.environ.get("OFFCLOUD_EMAIL", ""),
        password=os.environ.get("OFFCLOUD_PASSWORD", ""),
        request_ids=tuple(args.request_id),
        write_url=args.write_url,
        polls=args.polls,
        contract=args.contract,
        spec_path=args.spec,
        timeout=args.timeout,
    )
    return run_drift(settings, _say)


def _no_recordings(directory: Path) -> ValueError:
    return ValueError(
        f"{directory}: no recordings in it (files such as 0001-listProxies-200.json, "
        f"written by `{_PROG} proxy --upstream URL --record {directory}`)"
    )


def _scenario_from(args: argparse.Namespace) -> int:
    records = read_recordings(args.directory)
    if not records:  # a scenario of placeholders alone would look like a success
        raise _no_recordings(args.directory)
    text = scenario_from_records(records)
    sys.stdout.write(text)
    return 0


def _replay(args: argparse.Namespace) -> int:
    if args.mock:
        from offcloud_drift.mock_bridge import mock_app

        fallback = mock_app()
    else:
        fallback = not_recorded_app
    app = ReplayMiddleware(fallback, args.directory)
    if app.recorded == 0:
        raise _no_recordings(args.directory)

    def ready(base_url: str) -> None:
        _say(f"replaying {app.recorded} recorded answers from {args.directory} on {base_url}; Ctrl-C to stop")

    try:
        serve_forever(app, args.host, args.port, on_ready=ready)
    except OSError as error:
        _say(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}")
        return 2
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    handlers = {"proxy": _proxy, "drift": _drift, "scenario-from": _scenario_from, "replay": _replay}
    try:
        return handlers[args.command](args)
    except (ValueError, OSError) as error:  # a bad spec, directory or recording: one line, no traceback
        redactor = Redactor([os.environ.get("OFFCLOUD_API_KEY", ""), os.environ.get("OFFCLOUD_PASSWORD", "")])
        _say(redactor.text(" ".join(str(error).split())))
        return 2
