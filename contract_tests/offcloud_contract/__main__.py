"""`python -m offcloud_contract` (`make contract`): the server-facing contract tests against one server.

    OFFCLOUD_BASE_URL=https://... OFFCLOUD_API_KEY=... python -m offcloud_contract [pytest options]

The server is the one OFFCLOUD_BASE_URL names, with OFFCLOUD_API_KEY (and optionally OFFCLOUD_EMAIL /
OFFCLOUD_PASSWORD for login and getApiKey). Only operations that change nothing run (status of unknown
ids, checkLogin, proxies, remote accounts, cache) unless OFFCLOUD_ALLOW_WRITES=1. Without
OFFCLOUD_BASE_URL a local mock process is started and used (never offcloud.com), with writes allowed:
it is thrown away afterwards. The coverage matrix of the run is printed at the end.
"""

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from offcloud_contract.support.coverage.matrix import matrix, render
from offcloud_contract.support.coverage.reach import REACH
from offcloud_contract.support.targets import server_targets
from offcloud_contract.support.targets.live_server import MockProcess


def _say(message: str) -> None:
    print(f"contract_tests: {message}", flush=True)


def _run(pytest_args: Sequence[str]) -> int:
    # The package's own folder, so this works from any directory, on a checkout or an installed wheel.
    suite = str(Path(__file__).resolve().parent)
    code = pytest.main(["-m", "real_server", "-p", "no:cacheprovider", "-q", suite, *pytest_args])
    print()
    _say("coverage matrix of this run (2xx answers/all answers per suite; examples given/in the spec)")
    print(render(matrix(REACH.snapshot())))
    return int(code)


def main(argv: Sequence[str] | None = None) -> int:
    pytest_args = list(sys.argv[1:] if argv is None else argv)
    base_url = os.environ.get(server_targets.BASE_URL_ENV, "").strip()
    if base_url:
        if not os.environ.get(server_targets.API_KEY_ENV, "").strip():
            _say(
                f"{server_targets.BASE_URL_ENV} is set but {server_targets.API_KEY_ENV} is not: give the API key too"
            )
            return 2
        writes = os.environ.get(server_targets.ALLOW_WRITES_ENV) == "1"
        _say(
            f"testing {base_url} ({'reads and writes' if writes else f'read-only; {server_targets.ALLOW_WRITES_ENV}=1 for all'})"
        )
        return _run(pytest_args)
    process = MockProcess()
    try:
        _say(
            f"no {server_targets.BASE_URL_ENV} given: started a local mock at {process.base_url} (pid {process.pid}) "
            "with its demo account; writes allowed, it is thrown away afterwards"
        )
        demo = server_targets.DEMO
        os.environ.update(
            {
                server_targets.BASE_URL_ENV: process.base_url,
                server_targets.API_KEY_ENV: demo.api_key,
                server_targets.EMAIL_ENV: demo.email or "",
                server_targets.PASSWORD_ENV: demo.password or "",
                server_targets.ALLOW_WRITES_ENV: "1",
            }
        )
        return _run(pytest_args)
    finally:
        process.stop()


if __name__ == "__main__":
    raise SystemExit(main())
