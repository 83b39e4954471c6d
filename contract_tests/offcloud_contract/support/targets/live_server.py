"""The mock as a real server process (`python -m offcloud_mock`) on a free loopback port."""

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx

__all__ = ["MockProcess", "mock_process"]

_LISTENING = re.compile(r"listening on (http://\S+)")
_ROOT = Path(__file__).resolve().parents[4]


class MockProcess:
    """A running `python -m offcloud_mock --port 0`; `base_url` is where it listens."""

    def __init__(self, args: Sequence[str] = (), startup_timeout: float = 20.0) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self._process = subprocess.Popen(  # noqa: S603 - this interpreter, our own module
            [sys.executable, "-m", "offcloud_mock", "--host", "127.0.0.1", "--port", "0", *args],
            cwd=_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.output: list[str] = []
        self.base_url = self._wait_for_banner(startup_timeout)
        self._drain = threading.Thread(target=self._read_rest, daemon=True)
        self._drain.start()
        self._wait_healthy(startup_timeout)

    @property
    def pid(self) -> int:
        return self._process.pid

    def _wait_for_banner(self, timeout: float) -> str:
        found: list[str] = []

        def read() -> None:
            assert self._process.stdout is not None
            for line in self._process.stdout:
                self.output.append(line)
                match = _LISTENING.search(line)
                if match:
                    found.append(match.group(1))
                    return

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(timeout)
        if not found:
            self.stop()
            raise RuntimeError(f"the mock process did not start within {timeout}s:\n{''.join(self.output)}")
        return found[0]

    def _read_rest(self) -> None:
        if self._process.stdout is None:
            return
        for line in self._process.stdout:
            self.output.append(line)

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if httpx.get(f"{self.base_url}/_mock/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or self._process.poll() is not None:
                self.stop()
                raise RuntimeError(
                    f"the mock at {self.base_url} never became healthy:\n{''.join(self.output)}"
                )
            time.sleep(0.05)

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(5)


@contextmanager
def mock_process(args: Sequence[str] = ()) -> Iterator[MockProcess]:
    process = MockProcess(args)
    try:
        yield process
    finally:
        process.stop()
