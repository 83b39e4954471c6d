"""Which servers are measured, and the exact command line of each.

Main section: the mock's own CLI as a user starts it (granian, request validation on), the same CLI
with `--no-validate-requests` and with `--server waitress` (the alternative), the bare ceiling app on
each server (on granian served as the CLI serves the mock: through its RSGI bridge), a minimal Flask app
on the default server, and Prism. The comparison section serves the mock other ways, from
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
    granian = ("--server", "granian")  # as the CLI serves the mock: granian, through its RSGI bridge
    specs = [
        ServerSpec(MOCK, "mock, validation on", lambda p: _python("-m", "offcloud_mock", "--port", str(p))),
        ServerSpec(
            NOVALIDATION,
            "mock, validation off",
            lambda p: _python("-m", "offcloud_mock", "--port", str(p), "--no-validate-requests"),
        ),
        ServerSpec(
            MOCK_WAITRESS,
            "mock (waitress)",
            lambda p: _python("-m", "offcloud_mock", "--port", str(p), "--server", "waitress"),
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
    """The mock served other ways, beside what a minimal Flask app and a bare app reach served the same
    way, and Prism, so that each way can be set against Prism and against its own ceiling in one run.
    The orjson ones only when .cache/bench-extras installed.

    `granian-wsgi-*`: granian's WSGI interface, the app run by its blocking threads (the CLI's way until
    December 2026, then with a gate and 62 more threads for stalled bodies): the comparison that
    chose the RSGI bridge. Left out after measuring (Nov 2026): waitress with 2 or 4 threads
    (0.85-0.9x the 8-thread throughput) and waitress with orjson (0.97x).
    """
    wsgi = ("--server", "granian-wsgi")
    specs = [
        ServerSpec(
            MOCK, "mock: granian RSGI (CLI)", lambda p: _python("-m", "offcloud_mock", "--port", str(p))
        ),
        ServerSpec(
            MOCK_WAITRESS,
            "mock: waitress 8 thr (CLI)",
            lambda p: _python("-m", "offcloud_mock", "--port", str(p), "--server", "waitress"),
        ),
        _variant("granian-wsgi-2", "mock: granian WSGI 2 thr", "--app", "mock", *wsgi, "--threads", "2"),
        _variant("granian-wsgi-1", "mock: granian WSGI 1 thr", "--app", "mock", *wsgi, "--threads", "1"),
        _variant(FLASK, "minimal Flask: granian RSGI", "--app", "flask-minimal", "--server", "granian"),
        _variant(BARE, "bare WSGI: granian RSGI", "--app", "bare", "--server", "granian"),
        _variant(
            "wsgi-flask", "minimal Flask: granian WSGI 2", "--app", "flask-minimal", *wsgi, "--threads", "2"
        ),
        _variant("wsgi-bare", "bare WSGI: granian WSGI 2", "--app", "bare", *wsgi, "--threads", "2"),
    ]
    if extras is not None:
        tuned = ("--app", "mock", "--server", "granian", "--json", "orjson")
        specs += [
            _variant("granian-tuned", "mock: granian RSGI + orjson", *tuned, extras=extras),
            _variant(
                "granian-bound",
                "mock: + orjson, journal off (bound)",
                *tuned,
                "--patch",
                "nojournal",
                extras=extras,
            ),
        ]
    return specs + ([_prism_spec(prism)] if prism is not None else [])
