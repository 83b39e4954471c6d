"""The drift tools' command line: `python -m offcloud_drift COMMAND ...`, also `offcloud-mock COMMAND ...`.

    proxy --upstream URL [--host H] [--port N] [--era 2026|legacy] [--record DIR] [--report PREFIX]
    drift --base-url URL [--era ...] [--report PREFIX] [--record DIR] [--no-contract] [--request-id ID]...
          [--probe-hash HASH]... [--write-url URL] [--plain-link URL]
    drift apply REPORT.json [--spec FILE] [--no-generate] [--no-mock-told]
    drift tell-mock [--report REPORT.json] [--spec FILE]   (which answers of the mock the spec refuses)
    drift pr REPORT.json OUTDIR [--spec FILE] [--dry-run]  (the nightly pull request's parts)
    scenario-from DIR                      (the scenario YAML on stdout)
    replay DIR [--host H] [--port N] [--mock]  (recorded answers; anything else 404, or the mock with --mock)

`drift` reads the key from OFFCLOUD_API_KEY (never from the command line, where `ps` would show it),
writes only with OFFCLOUD_ALLOW_WRITES=1, logs in with OFFCLOUD_EMAIL/OFFCLOUD_PASSWORD when given, and
takes the report prefix from DRIFT_REPORT when --report is not given. Exit codes: see `run`,
`mock_told` (tell-mock) and `pull_request` (pr); the other commands answer 0, or 2 with one line on
stderr for bad input.
"""

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from offcloud_drift.apply import read_report
from offcloud_drift.checks import Checker
from offcloud_drift.collect import Collector
from offcloud_drift.flows import DEFAULT_HASHES, DEFAULT_PLAIN_LINK, DEFAULT_WRITE_URL
from offcloud_drift.loop import apply_and_tell, default_spec, render_applied
from offcloud_drift.mock_told import tell_mock
from offcloud_drift.patch import edit_from_json
from offcloud_drift.proxy import DriftProxy
from offcloud_drift.pull_request import prepare_pull_request
from offcloud_drift.recorder import Recorder
from offcloud_drift.redact import Redactor
from offcloud_drift.report import build_report, write_report
from offcloud_drift.run import DriftSettings, public_url, run_drift
from offcloud_drift.scenario_from import scenario_from_records
from offcloud_drift.spec_view import SpecView
from offcloud_mock.eras import ERAS
from offcloud_mock.recordings import read_recordings
from offcloud_mock.replay import ReplayMiddleware, not_recorded_app
from offcloud_mock.serving.waitress_server import serve_forever

__all__ = ["main", "parser"]

_PROG = "offcloud-mock"


def _say(message: str) -> None:
    print(f"{_PROG}: {message}", file=sys.stderr, flush=True)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=_PROG, description="Drift tools: validating proxy, report, replay, scenarios."
    )
    commands = p.add_subparsers(dest="command", required=True)

    proxy = commands.add_parser("proxy", help="a validating, recording proxy in front of a server")
    proxy.add_argument(
        "--upstream", required=True, help="the server to forward to, e.g. https://offcloud.com"
    )
    proxy.add_argument("--host", default="127.0.0.1")
    proxy.add_argument("--port", type=int, default=8081)
    _common(proxy)
    proxy.add_argument("--report", metavar="PREFIX", help="write PREFIX.md and PREFIX.json when stopped")

    drift = commands.add_parser(
        "drift",
        help="run flows through the proxy and report the drift; apply a report; tell the mock",
        description="Run the flows through the proxy and report the drift (no action), or: "
        "`apply` a report to openapi.yaml, `tell-mock` which answers of the mock the spec refuses, "
        "`pr` the nightly pull request's parts.",
        epilog=_PROBES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    drift.add_argument(
        "--base-url", default=os.environ.get("OFFCLOUD_BASE_URL", ""), help="the server to check"
    )
    _common(drift)
    drift.add_argument("--report", metavar="PREFIX", default=os.environ.get("DRIFT_REPORT") or "drift-report")
    drift.add_argument("--no-contract", dest="contract", action="store_false", help="scripted flows only")
    drift.add_argument("--request-id", action="append", default=[], help="an existing download to read too")
    drift.add_argument(
        "--probe-hash",
        action="append",
        metavar="HASH",
        help="an info hash the cache checks ask about (repeat; default: DRIFT_PROBE_HASHES, else two "
        "public-domain torrents)",
    )
    drift.add_argument(
        "--write-url",
        default=os.environ.get("DRIFT_WRITE_URL") or DEFAULT_WRITE_URL,
        help="what the writing flows add (default: DRIFT_WRITE_URL, else a public-domain magnet)",
    )
    drift.add_argument(
        "--plain-link",
        default=os.environ.get("DRIFT_PLAIN_LINK") or DEFAULT_PLAIN_LINK,
        help="the http(s) link instant downloads add (default: DRIFT_PLAIN_LINK, else a speed-test file)",
    )
    drift.add_argument("--polls", type=int, default=5, help="status polls of each added download")
    actions = drift.add_subparsers(dest="action", metavar="{apply,tell-mock,pr}")
    apply = actions.add_parser("apply", help="apply a drift report's changes to openapi.yaml")
    apply.add_argument("report_file", type=Path, metavar="REPORT.json")
    apply.add_argument("--spec", dest="target", type=Path, help="the file to change (default: the kit's)")
    apply.add_argument("--no-generate", dest="generate", action="store_false", help="skip `make generate`")
    apply.add_argument("--no-mock-told", dest="tell", action="store_false", help="skip telling the mock")
    tell = actions.add_parser("tell-mock", help="which answers of the mock the spec refuses, and where")
    tell.add_argument("--report", dest="report_file", type=Path, help="a report: also what it added")
    tell.add_argument("--spec", dest="target", type=Path, help="the spec (default: the kit's)")
    pr = actions.add_parser("pr", help="apply a report and write the pull request's parts to OUTDIR")
    pr.add_argument("report_file", type=Path, metavar="REPORT.json")
    pr.add_argument("out", type=Path, metavar="OUTDIR")
    pr.add_argument("--spec", dest="target", type=Path, help="the file to change (default: the kit's)")
    pr.add_argument("--dry-run", action="store_true", help="change only a copy of the spec, in OUTDIR")

    scenario = commands.add_parser("scenario-from", help="a mock scenario from recordings (YAML on stdout)")
    scenario.add_argument("directory", type=Path)

    replay = commands.add_parser("replay", help="serve recorded answers")
    replay.add_argument("directory", type=Path)
    replay.add_argument("--host", default="127.0.0.1")
    replay.add_argument("--port", type=int, default=8080)
    replay.add_argument(
        "--mock", action="store_true", help="fall through to the stateful mock (demo scenario)"
    )
    return p


_PROBES = f"""default probes (each overridable):
  cache checks   {", ".join(DEFAULT_HASHES)}
                 (Big Buck Bunny, Sintel: public-domain torrents)
  writes add     {DEFAULT_WRITE_URL}
  instant adds   {DEFAULT_PLAIN_LINK}
  status, explore and list also ask about an unknown request id (an error answer is contract too),
  and about every --request-id. Writes happen only with OFFCLOUD_ALLOW_WRITES=1."""


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
    if args.action == "apply":
        return _apply(args)
    if args.action == "tell-mock":
        return _tell_mock(args)
    if args.action == "pr":
        spec = args.target or default_spec()
        return prepare_pull_request(args.report_file, args.out, spec, dry_run=args.dry_run, say=print)
    hashes = args.probe_hash or [h for h in os.environ.get("DRIFT_PROBE_HASHES", "").split(",") if h.strip()]
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
        plain_link=args.plain_link,
        hashes=tuple(h.strip() for h in hashes) or DEFAULT_HASHES,
        polls=args.polls,
        contract=args.contract,
        spec_path=args.spec,
        timeout=args.timeout,
    )
    return run_drift(settings, _say)


def _apply(args: argparse.Namespace) -> int:
    spec = args.target or default_spec()
    outcome = apply_and_tell(args.report_file, spec, generate=args.generate, tell=args.tell, say=print)
    print(render_applied(outcome, spec))
    return 0


def _tell_mock(args: argparse.Namespace) -> int:
    edits = []
    if args.report_file is not None:
        report = read_report(args.report_file)
        for operation in report["operations"]:
            for finding in operation.get("findings") or []:
                edits += [edit_from_json(data) for data in finding.get("edits") or []]
    told = tell_mock(args.target, edits)
    print(told.text())
    return told.code


def _scenario_from(args: argparse.Namespace) -> int:
    text = scenario_from_records(read_recordings(args.directory))
    sys.stdout.write(text)
    return 0


def _replay(args: argparse.Namespace) -> int:
    if args.mock:
        from offcloud_drift.mock_bridge import mock_app

        fallback = mock_app()
    else:
        fallback = not_recorded_app
    app = ReplayMiddleware(fallback, args.directory)

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
