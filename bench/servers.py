"""Starting a server under test as a subprocess on a free loopback port, and stopping it again.

Each server runs in its own session (process group), so stopping it ends exactly the processes it
started (Node may fork) and nothing else. Its output goes to a log file that is shown when it fails.
"""

import os
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench import REPO_ROOT

__all__ = ["RunningServer", "ServerSpec", "free_port", "rss_kb", "start_server"]

_START_TIMEOUT_S = 60.0
_STOP_TIMEOUT_S = 10.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def rss_kb(pid: int) -> int | None:
    """Resident memory of a process, from /proc (Linux); None when it cannot be read."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


@dataclass(frozen=True, slots=True)
class ServerSpec:
    """How to start one server: `argv(port)` is the command line for a given port."""

    name: str
    label: str  # what the table calls it
    argv: Callable[[int], Sequence[str]]
    env: dict[str, str] | None = None


@dataclass(frozen=True, slots=True)
class RunningServer:
    spec: ServerSpec
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def rss_kb(self) -> int | None:
        return rss_kb(self.process.pid)


def _wait_ready(server: RunningServer) -> None:
    deadline = time.monotonic() + _START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        try:
            httpx.get(server.base_url + "/", timeout=2)  # any HTTP answer means it is serving
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    output = server.log.read_text(encoding="utf-8", errors="replace")[-3000:]
    raise RuntimeError(f"{server.spec.name} did not start on port {server.port}:\n{output}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    group = os.getpgid(process.pid)  # the session we created for it: only its own processes
    os.killpg(group, signal.SIGTERM)
    try:
        process.wait(_STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(group, signal.SIGKILL)
        process.wait(_STOP_TIMEOUT_S)


@contextmanager
def start_server(spec: ServerSpec) -> Iterator[RunningServer]:
    port = free_port()
    with tempfile.TemporaryDirectory(prefix=f"bench-{spec.name}-") as folder:
        log = Path(folder) / "server.log"
        with log.open("wb") as sink:
            process = subprocess.Popen(  # noqa: S603 - argv is ours
                list(spec.argv(port)),
                cwd=REPO_ROOT,
                env={**os.environ, **(spec.env or {})},
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        server = RunningServer(spec, process, port, log)
        try:
            _wait_ready(server)
            yield server
        finally:
            _stop(process)
