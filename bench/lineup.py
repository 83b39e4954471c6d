"""Which servers are measured, and the exact command line of each.

Main section: the mock's own CLI as a user starts it (granian, request validation on), the same CLI
with `--no-validate-requests` and with `--server waitress` (the alternative), the bare ceiling app on
each server, a minimal Flask app on the default server, and Prism. The comparison section serves the mock other ways, from
bench.serve, to put numbers on the changes it recommends.
"""

import sys
from pathlib import Path

from bench import REPO_ROOT
from bench.servers import ServerSpec

__all__ = [
    "BARE",
    "BARE_WAITRESS",
    "FLASK",
    "GRANIAN",
    "MOCK",
    "MOCK_WAITRESS",
    "NOVALIDATION",
    "PRISM",
    "comparison_specs",
    "main_specs",
]

MOCK = "mock"
NOVALIDATION = "mock-novalidation"
MOCK_WAITRESS = "mock-waitress"
BARE = "bare-wsgi"  # on the default server (granian), with the mock's settings
BARE_WAITRESS = "bare-wsgi-waitress"
PRISM = "prism"
FLASK = "flask-minimal"
GRANIAN = "granian"


def _python(*args: str) -> list[str]:
    return [sys.executable, *args]


def _serve(port: int, *args: str, extras: Path | None = None) -> list[str]:
    argv = _python("-m", "bench.serve", "--port", str(port), *args)
    return argv + (["--extras", str(extras)] if extras else [])


def _prism_spec(prism: Path) -> ServerSpec:
    # Static mode (the default), request validation on (Prism's default); its per-request info log is
    # turned down to errors so that logging to a pipe does not slow it: its best case.
    spec = str(REPO_ROOT / "openapi.yaml")
    return ServerSpec(
        PRISM,
        "Prism 5.16 (static)",
        lambda p: [str(prism), "mock", spec, "-h", "127.0.0.1", "-p", str(p), "-v", "error"],
    )


def main_specs(prism: Path | None) -> list[ServerSpec]:
    granian = ("--server", "granian", "--threads", "2")  # the CLI's default server and threads
    specs = [
        ServerSpec(MOCK, "mock, validation on", lambda p: _python("-m", "mock_server", "--port", str(p))),
        ServerSpec(
            NOVALIDATION,
            "mock, validation off",
            lambda p: _python("-m", "mock_server", "--port", str(p), "--no-validate-requests"),
        ),
        ServerSpec(
            MOCK_WAITRESS,
            "mock (waitress)",
            lambda p: _python("-m", "mock_server", "--port", str(p), "--server", "waitress"),
        ),
        ServerSpec(BARE, "bare WSGI (granian ceiling)", lambda p: _serve(p, "--app", "bare", *granian)),
        ServerSpec(BARE_WAITRESS, "bare WSGI (waitress ceiling)", lambda p: _serve(p, "--app", "bare")),
        # Not asked for: what any Flask app reaches on the same server, to read the ceiling ratio against.
        ServerSpec(FLASK, "minimal Flask app", lambda p: _serve(p, "--app", "flask-minimal", *granian)),
    ]
    return specs + ([_prism_spec(prism)] if prism is not None else [])


def _variant(name: str, label: str, *args: str, extras: Path | None = None) -> ServerSpec:
    return ServerSpec(name, label, lambda port: _serve(port, *args, extras=extras))


def comparison_specs(extras: Path | None, prism: Path | None) -> list[ServerSpec]:
    """The mock served other ways (granian and orjson ones only when .cache/bench-extras installed),
    beside what any Flask app and a bare app reach on the same servers, and Prism, so that each way
    can be set against Prism and against its own server's ceiling in the same run.

    Left out after measuring (python -m bench --only servers, 3 runs, Nov 2026): waitress with 2 or 4
    threads (0.85-0.9x the 8-thread throughput) and waitress with orjson (0.97x): waitress itself is
    the cost there, not the threads or the JSON encoder.
    """
    specs = [
        ServerSpec(
            MOCK,
            "mock: waitress 8 thr",
            lambda p: _python("-m", "mock_server", "--port", str(p), "--server", "waitress"),
        ),
        _variant(FLASK, "minimal Flask: waitress", "--app", "flask-minimal"),
        _variant(BARE, "bare WSGI: waitress", "--app", "bare"),
    ]
    if extras is not None:
        granian = ("--server", "granian")
        two = ("--threads", "2")  # two blocking threads: less GIL contention, shorter tails
        tuned = ("--json", "orjson")
        specs += [
            _variant(GRANIAN, "mock: granian 8 thr", "--app", "mock", *granian, extras=extras),
            _variant("granian-2", "mock: granian 2 thr", "--app", "mock", *granian, *two, extras=extras),
            _variant(
                "granian-tuned",
                "mock: granian 2 + orjson",
                *("--app", "mock", *granian, *two, *tuned),
                extras=extras,
            ),
            _variant(
                "granian-bound",
                "mock: tuned + journal off (bound)",
                *("--app", "mock", *granian, *two, *tuned, "--patch", "nojournal"),
                extras=extras,
            ),
            _variant(
                "granian-flask",
                "minimal Flask: granian 2",
                "--app",
                "flask-minimal",
                *granian,
                *two,
                extras=extras,
            ),
            _variant("granian-bare", "bare WSGI: granian 2", "--app", "bare", *granian, *two, extras=extras),
        ]
    return specs + ([_prism_spec(prism)] if prism is not None else [])
