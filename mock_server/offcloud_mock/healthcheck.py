"""`python -m offcloud_mock.healthcheck`: exit 0 when the mock of this container answers its health check.

The container's health check (Dockerfile HEALTHCHECK). It probes GET /_mock/health (open without the
control token) on 127.0.0.1, at the port the mock was started with: `--port N` (or `--port=N`) on the
mock's command line (that of process `--pid`, 1 in a container: `docker run IMAGE --port 9000` passes
it there), else $OFFCLOUD_MOCK_PORT (the CLI's default too), else 8080. Standard library only; one
line on stderr when unhealthy.
"""

import argparse
import json
import os
import sys
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path

from offcloud_mock.listening import DEFAULT_PORT, PORT_VARIABLE

__all__ = ["healthy", "main", "port_of"]


def port_of(command_line: Sequence[str], environ: Mapping[str, str]) -> int:
    """The port a mock started with this command line and environment listens on (as the CLI reads them)."""
    port: str | None = None
    for index, argument in enumerate(command_line):  # the last one wins, as with argparse
        if argument == "--port" and index + 1 < len(command_line):
            port = command_line[index + 1]
        elif argument.startswith("--port="):
            port = argument.removeprefix("--port=")
    return int(port or environ.get(PORT_VARIABLE) or DEFAULT_PORT)


def _command_line(pid: int) -> list[str]:
    raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    return [part.decode("utf-8", "replace") for part in raw.split(b"\0") if part]


def healthy(port: int, timeout: float = 2.0) -> bool:
    """Whether the mock on 127.0.0.1:`port` answers its health check with status ok."""
    url = f"http://127.0.0.1:{port}/_mock/health"
    with urllib.request.urlopen(url, timeout=timeout) as answer:
        return bool(answer.status == 200 and json.load(answer).get("status") == "ok")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m offcloud_mock.healthcheck", description=__doc__)
    parser.add_argument("--pid", type=int, default=1, help="the mock's process (default: 1, a container's)")
    parser.add_argument("--port", type=int, help="probe this port instead of finding it")
    args = parser.parse_args(argv)
    try:
        port = args.port if args.port is not None else port_of(_command_line(args.pid), os.environ)
        if healthy(port):
            return 0
        reason = "it did not answer status ok"
    except (OSError, ValueError) as error:  # no such process, nothing listening, not JSON, a bad port
        reason = " ".join(str(error).split())
    print(f"offcloud-mock health check: unhealthy: {reason}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
