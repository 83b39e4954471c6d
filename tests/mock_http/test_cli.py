"""`offcloud-mock` / `python -m offcloud_mock` as a real process: banner, answers, clean exits."""

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
from pathlib import Path
from typing import IO

import httpx
import pytest

from offcloud_mock.backend.demo import DEMO_KEY
from tests.mock_http.values import REPORT_URL

pytestmark = pytest.mark.live

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "offcloud_mock", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
        cwd=ROOT,
    )


class _Stdout:
    """The process's stdout, read by a thread (readline() has no timeout)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        self._lines: queue.Queue[str] = queue.Queue()
        stdout = process.stdout
        self._thread = threading.Thread(target=self._pump, args=(stdout,), daemon=True)
        self._thread.start()
        self._process = process

    def _pump(self, stdout: IO[str]) -> None:
        for line in iter(stdout.readline, ""):
            self._lines.put(line)

    def banner(self, timeout: float = 20) -> str:
        seen: list[str] = []
        deadline = time.monotonic() + timeout
        while not seen or "Ctrl-C to stop" not in seen[-1]:
            try:
                seen.append(self._lines.get(timeout=max(deadline - time.monotonic(), 0.01)))
            except queue.Empty:
                self._process.kill()
                raise AssertionError(f"no banner in {timeout} s; got {seen!r}") from None
        return "".join(seen)

    def rest(self) -> str:
        """Everything after the banner; call once the process has ended."""
        self._thread.join(timeout=10)
        return "".join(self._lines.queue)


@pytest.fixture
def running() -> Iterator[tuple[subprocess.Popen[str], _Stdout, str]]:
    process = _start("--port", "0")
    stdout = _Stdout(process)
    try:
        banner = stdout.banner()
        match = re.search(r"listening on (http://\S+)", banner)
        assert match, banner
        yield process, stdout, match.group(1)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_starts_answers_and_stops_on_sigterm(running: tuple[subprocess.Popen[str], _Stdout, str]) -> None:
    process, stdout, base_url = running
    assert httpx.get(f"{base_url}/api/check", timeout=5).status_code == 404  # legacy only
    proxies = httpx.post(f"{base_url}/api/proxy?key={DEMO_KEY}", timeout=5)
    assert proxies.status_code == 200
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=15)
    err = process.stderr.read() if process.stderr else ""
    assert process.returncode == 0, err
    assert stdout.rest().strip().splitlines() == ["offcloud-mock: stopped (SIGTERM)"]
    assert "Traceback" not in err


def test_banner_names_key_login_and_docs() -> None:
    process = _start("--port", "0", "--era", "legacy")
    stdout = _Stdout(process)
    try:
        banner = stdout.banner()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=15)
    err = process.stderr.read() if process.stderr else ""
    out = stdout.rest()
    assert DEMO_KEY in banner
    assert "demo@offcloud.test / demo-password" in banner
    assert "/docs/" in banner
    assert "/openapi.yaml" in banner
    assert "/_mock/" in banner
    assert "era legacy" in banner
    assert process.returncode == 0, err
    assert "stopped (SIGINT)" in out
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("accounts: [{email: nope, password: p, api_key: k}]\n", "accounts[0].email"),
        ("accounts: [unclosed\n", "not valid YAML"),
        (None, "cannot read the file"),
    ],
)
def test_a_broken_scenario_exits_2_with_one_line(tmp_path: Path, content: str | None, expected: str) -> None:
    scenario = tmp_path / "broken.yaml"
    if content is not None:
        scenario.write_text(content)
    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "offcloud_mock", "--scenario", str(scenario), "--port", "0"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("offcloud-mock: ")
    assert expected in lines[0]


def test_a_port_in_use_exits_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "offcloud_mock", "--port", str(port)],
            capture_output=True,
            text=True,
            env=_env(),
            timeout=30,
            check=False,
        )
    assert result.returncode == 2
    assert (
        result.stderr.strip() == f"offcloud-mock: cannot listen on 127.0.0.1:{port}: Address already in use"
    )


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    from offcloud_mock.cli import main

    with pytest.raises(SystemExit) as caught:
        main(["--era", "ancient"])
    assert caught.value.code == 2
    assert main(["--clock-speed", "0"]) == 2
    assert main(["--server", "waitress", "--threads", "0"]) == 2
    assert "--threads must be at least 1, not 0" in capsys.readouterr().err
    # granian runs the app on its event loop: a thread count would be silently ignored
    assert main(["--threads", "4"]) == 2
    assert "--threads is for --server waitress" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_granian_serves_one_stateful_process_and_stops_on_sigterm() -> None:
    port = _free_port()
    process = _start("--server", "granian", "--port", str(port))
    stdout = _Stdout(process)
    try:
        banner = stdout.banner()
        base_url = f"http://127.0.0.1:{port}"
        assert f"listening on {base_url}  (demo scenario, era 2026)" in banner
        assert httpx.get(f"{base_url}/api/check", timeout=5).status_code == 404  # legacy only
        api = f"{base_url}/api/cloud?key={DEMO_KEY}"
        added = httpx.post(api, data={"url": REPORT_URL}, timeout=5).json()
        # The same id found again: the request reached the process that holds the first one's state.
        for _ in range(3):
            status = httpx.post(
                f"{base_url}/api/cloud/status?key={DEMO_KEY}",
                json={"requestId": added["requestId"]},
                timeout=5,
            )
            assert status.status_code == 200, status.text
            assert status.json()["status"]["requestId"] == added["requestId"]
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    err = process.stderr.read() if process.stderr else ""
    assert process.returncode == 0, err
    assert stdout.rest().strip().splitlines() == ["offcloud-mock: stopped (SIGTERM)"]
    assert "Traceback" not in err
    assert "demo-key" not in err  # no access log


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "offcloud_mock", *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=30,
        check=False,
    )


def test_granian_on_a_port_in_use_exits_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _run("--server", "granian", "--port", str(port))
    assert result.returncode == 2
    assert (
        result.stderr.strip() == f"offcloud-mock: cannot listen on 127.0.0.1:{port}: Address already in use"
    )


def test_granian_refuses_a_broken_scenario(tmp_path: Path) -> None:
    # (granian takes --port 0 now, as the default server: `running` above starts it that way.)
    scenario = tmp_path / "broken.yaml"
    scenario.write_text("accounts: [unclosed\n")
    result = _run("--server", "granian", "--port", str(_free_port()), "--scenario", str(scenario))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "not valid YAML" in lines[0]
