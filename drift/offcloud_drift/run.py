"""`make drift`: the proxy on a free 127.0.0.1 port in front of the server, the flows through it, the report.

Exit codes: 0 the server matches the spec; 1 anything drifted; 2 the run could not happen (no base URL or
key, the server unreachable, the key refused, or upstream failures during an otherwise clean run).
"""

import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

from offcloud_drift.checks import Checker
from offcloud_drift.collect import Collector
from offcloud_drift.coverage import Coverage
from offcloud_drift.flows import (
    DEFAULT_HASHES,
    DEFAULT_PLAIN_LINK,
    DEFAULT_WRITE_URL,
    FlowSettings,
    preflight,
    run_flows,
)
from offcloud_drift.proxy import DriftProxy
from offcloud_drift.recorder import Recorder
from offcloud_drift.redact import Redactor
from offcloud_drift.report import build_report, write_report
from offcloud_drift.spec_examples import ExampleOutcome, ask_examples, example_calls
from offcloud_drift.spec_view import SpecView
from offcloud_mock.serving.waitress_server import serve_in_thread

__all__ = ["DriftSettings", "public_url", "run_drift"]

_COUNTS = re.compile(r"\b\d+ (passed|failed)\b")
CONTRACT_MODULE = "offcloud_contract"  # `python -m offcloud_contract`, i.e. `make contract`


@dataclass(frozen=True, slots=True)
class DriftSettings:
    upstream: str
    api_key: str
    era: str = "2026"
    report_prefix: str = "drift-report"
    record_dir: Path | None = None
    allow_writes: bool = False
    email: str = ""
    password: str = ""
    request_ids: tuple[str, ...] = ()
    write_url: str = DEFAULT_WRITE_URL
    plain_link: str = DEFAULT_PLAIN_LINK
    hashes: tuple[str, ...] = DEFAULT_HASHES
    polls: int = 5
    poll_seconds: float = 1.0
    contract: bool = True
    contract_args: tuple[str, ...] = ()
    contract_timeout: float = 1800.0
    spec_path: Path | None = None
    timeout: float = 30.0
    extra_secrets: tuple[str, ...] = field(default=())


def public_url(url: str) -> str:
    """The URL without user info, query or fragment: what a report may show."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))


def _contract(base_url: str, s: DriftSettings, redactor: Redactor, say: Callable[[str], None]) -> int:
    env = {
        **os.environ,
        "OFFCLOUD_BASE_URL": base_url,
        "OFFCLOUD_API_KEY": s.api_key,
        "OFFCLOUD_ALLOW_WRITES": "1" if s.allow_writes else "",
    }
    say(
        f"running the contract suite through the proxy ({'reads and writes' if s.allow_writes else 'read-only'})"
    )
    try:
        done = subprocess.run(  # noqa: S603 - our own interpreter and package
            [sys.executable, "-m", CONTRACT_MODULE, *s.contract_args],
            env=env,
            capture_output=True,
            text=True,
            timeout=s.contract_timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        say(f"the contract suite did not finish in {s.contract_timeout:.0f} s; its exchanges so far count")
        return -1
    lines = (done.stdout + done.stderr).splitlines()
    # pytest's failures and its count line, then the coverage matrix the suite prints last.
    summary = [line for line in lines if re.match(r"^(FAILED|ERROR) ", line) or _COUNTS.search(line)]
    for line in [*summary[-20:], *lines[-16:]]:
        say("  " + redactor.text(line))
    return done.returncode


def run_drift(s: DriftSettings, say: Callable[[str], None]) -> int:
    if not s.upstream or not s.api_key:
        say("give the server (BASE_URL / --base-url) and its key (OFFCLOUD_API_KEY)")
        return 2
    spec = SpecView.load(s.spec_path)
    redactor = Redactor([s.api_key, s.password, *s.extra_secrets])
    collector = Collector(redactor)
    coverage = Coverage()
    checker = Checker(spec, s.era, coverage)
    recorder = Recorder(s.record_dir) if s.record_dir is not None else None
    proxy = DriftProxy(s.upstream, checker, redactor, collector, recorder, timeout=s.timeout)
    served = serve_in_thread(proxy)
    notes: list[str] = []
    asked: list[ExampleOutcome] = []
    left_out: dict[str, int] = {}
    try:
        with httpx.Client(base_url=served.base_url, timeout=s.timeout + 5, trust_env=False) as client:
            why = preflight(client, s.api_key)
        if why:
            say(f"cannot run against {public_url(s.upstream)}: {redactor.text(why)}")
            return 2
        say(f"proxy {served.base_url} -> {public_url(s.upstream)} ({s.era} era)")
        flows = FlowSettings(
            api_key=s.api_key,
            allow_writes=s.allow_writes,
            email=s.email,
            password=s.password,
            request_ids=s.request_ids,
            write_url=s.write_url,
            plain_link=s.plain_link,
            hashes=s.hashes,
            polls=s.polls,
            poll_seconds=s.poll_seconds,
        )
        # Error wordings are held to the examples only for the spec's examples' and the scripted flows'
        # requests, which are the documented ones; the contract suite sends invalid data on purpose.
        checker.check_wordings = True
        # The examples first, on a fresh client: the account as the run found it, no session cookie.
        calls, left_out = example_calls(spec, s.era, s.allow_writes)
        with httpx.Client(base_url=served.base_url, timeout=s.timeout + 5, trust_env=False) as client:
            asked = ask_examples(client, calls, s.api_key)
        run_flows(served.base_url, flows)
        checker.check_wordings = False
        notes.append(f"scripted flows: {'reads and writes' if s.allow_writes else 'read-only'}")
        if s.contract and importlib.util.find_spec(CONTRACT_MODULE) is None:
            notes.append("contract suite: not installed here (a source checkout has it); scripted flows only")
        elif s.contract:
            code = _contract(served.base_url, s, redactor, say)
            notes.append(f"contract suite through the proxy: exit code {code}")
    except httpx.HTTPError as error:
        say(f"the run broke off: {redactor.text(str(error))}")
        return 2
    finally:
        served.stop()
        proxy.close()
    collected = collector.snapshot()
    report = build_report(spec, s.era, collected, public_url(s.upstream), notes, coverage, (asked, left_out))
    json_path, md_path = write_report(report, s.report_prefix, redactor)
    say(
        f"{report['drift_items']} drift items, {len(report['unreached'])} operations never reached, "
        f"{len(report['never_populated'])} schema nodes never populated, "
        f"{report['upstream_failures']} upstream failures: {md_path} and {json_path}"
    )
    if report["drift"]:
        return 1
    return 2 if collected.upstream_failures else 0
