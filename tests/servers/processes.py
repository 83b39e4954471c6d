"""The mock as a real process under each server it offers, and what a test reads from such a process."""

import contextlib
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.proc_cpu import tree_cpu_s

ROOT = Path(__file__).resolve().parents[2]
SERVERS = ("waitress", "granian")
DEMO_KEY = "demo-key-0123456789abcdef"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class MockProcess:
    process: subprocess.Popen[str]
    base_url: str
    port: int

    def cpu_s(self) -> float:
        found = tree_cpu_s(self.process.pid)
        assert found is not None, "no /proc entry for the server"
        return found

    def stop(self, timeout: float) -> tuple[int, float]:
        """SIGTERM; the exit code and how long the process took to end."""
        started = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=timeout)
        return code, time.monotonic() - started


def _banner(process: subprocess.Popen[str], timeout: float) -> str:
    assert process.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    stdout = process.stdout

    def pump() -> None:
        for line in iter(stdout.readline, ""):
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    seen = ""
    deadline = time.monotonic() + timeout
    while "Ctrl-C to stop" not in seen:
        try:
            seen += lines.get(timeout=max(deadline - time.monotonic(), 0.01))
        except queue.Empty:
            raise AssertionError(f"no banner within {timeout} s: {seen!r}") from None
    return seen


@contextmanager
def mock_process(server: str, *args: str) -> Iterator[MockProcess]:
    """`python -m offcloud_mock --server <server>` on a free loopback port; killed at the end if still up."""
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "offcloud_mock", "--server", server, "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    try:
        banner = _banner(process, timeout=30)
        match = re.search(r"listening on (http://\S+)", banner)
        assert match, banner
        yield MockProcess(process, match.group(1), port)
    finally:
        # The whole session: granian's worker is a child process that would outlive its parent.
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # a worker left behind after its parent exited
