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
from importlib.metadata import version
from pathlib import Path
from typing import IO

import httpx
import pytest

from offcloud_mock import cli
from offcloud_mock.backend.demo import DEMO_KEY
from tests.mock_http.values import REPORT_URL

pytestmark = pytest.mark.live

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "offcloud_mock", *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=30,
        check=False,
    )


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
    result = _run("--scenario", str(scenario), "--port", "0")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"offcloud-mock: {scenario}: ")
    assert expected in lines[0]
    assert '"<unicode string>"' not in lines[0]  # PyYAML's name for a text it was handed


def test_a_port_in_use_exits_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _run("--port", str(port))
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


def test_help_shows_the_commands_and_the_options_in_groups() -> None:
    result = _run("--help")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for command in ("serve", "proxy", "replay", "scenario-from", "drift"):
        assert re.search(rf"^    {command} ", text, flags=re.MULTILINE), command
    for group in (
        "server:",
        "what the mock plays:",
        "checks against openapi.yaml:",
        "control plane (/_mock/):",
    ):
        assert f"\n{group}\n" in text, group
    assert "--version" in text
    assert _run("serve", "--help").stdout.count("\nserver:\n") == 1


def test_version_is_the_package_version() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"offcloud-mock {version('offcloud-kit')}"


def test_serve_is_the_default_command(capsys: pytest.CaptureFixture[str]) -> None:
    from offcloud_mock.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        for command in ([], ["serve"]):
            assert main([*command, "--server", "waitress", "--port", str(port)]) == 2
            assert (
                capsys.readouterr().err
                == f"offcloud-mock: cannot listen on 127.0.0.1:{port}: Address already in use\n"
            )


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["--era", "ancient"], "offcloud-mock serve: argument --era: invalid choice: 'ancient'"),
        (["srve"], "offcloud-mock: unrecognized arguments: srve"),
        (["--port", "eighty"], "offcloud-mock serve: argument --port: invalid int value: 'eighty'"),
        (["proxy"], "offcloud-mock proxy: the following arguments are required: --upstream"),
        (["scenario-from"], "offcloud-mock scenario-from: the following arguments are required: directory"),
    ],
)
def test_a_misuse_is_one_line(arguments: list[str], expected: str) -> None:
    result = _run(*arguments)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(expected), lines[0]
    assert lines[0].endswith("--help)")  # where to read on


def test_the_port_can_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from offcloud_mock.cli import parser

    monkeypatch.setenv("OFFCLOUD_MOCK_PORT", "9123")
    assert parser().parse_args(["serve"]).port == 9123
    assert parser().parse_args(["serve", "--port", "9000"]).port == 9000
    monkeypatch.setenv("OFFCLOUD_MOCK_PORT", "nine")
    with pytest.raises(SystemExit) as caught:
        parser().parse_args(["serve"])
    assert caught.value.code == 2


@pytest.mark.parametrize("command", ["scenario-from", "replay"])
def test_an_empty_recordings_folder_is_refused(tmp_path: Path, command: str) -> None:
    (tmp_path / "notes.txt").write_text("not a recording")
    result = _run(command, str(tmp_path), *(["--port", "0"] if command == "replay" else []))
    assert result.returncode == 2
    assert result.stdout == ""  # no placeholder scenario
    assert result.stderr.strip().splitlines() == [
        f"offcloud-mock: {tmp_path}: no recordings in it (files such as 0001-listProxies-200.json, "
        f"written by `offcloud-mock proxy --upstream URL --record {tmp_path}`)"
    ]
    missing = _run(command, str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"offcloud-mock: {tmp_path / 'nowhere'}: not a directory"


# The modules of the [mock] extra made unimportable, as on `pip install offcloud-kit` without it.
_CLIENT_ONLY = (
    "import sys\n"
    "for name in ('flask', 'waitress', 'flask_swagger_ui', 'yaml', 'jsonschema_rs', 'jsonref', 'granian'):\n"
    "    sys.modules[name] = None\n"
    "from offcloud_mock.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


@pytest.mark.parametrize("arguments", [[], ["--port", "9000"], ["proxy", "--upstream", "http://127.0.0.1:9"]])
def test_without_the_mock_extra_the_cli_names_it(arguments: list[str]) -> None:
    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-c", _CLIENT_ONLY, *arguments],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "offcloud-mock: the mock server and its tools need the [mock] extra: pip install 'offcloud-kit[mock]' "
        "(missing: flask, waitress, flask_swagger_ui, yaml, jsonschema_rs, jsonref)"
    ]


def test_without_the_mock_extra_help_and_version_still_answer() -> None:
    for flag, expected in (("--help", "scenario-from"), ("--version", "offcloud-mock ")):
        result = subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-c", _CLIENT_ONLY, flag],
            capture_output=True,
            text=True,
            env=_env(),
            timeout=30,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert expected in result.stdout


def test_the_banner_shows_an_address_a_person_can_open() -> None:
    from offcloud_mock.http.app import create_app
    from offcloud_mock.listening import banner, shown_base_url
    from offcloud_mock.settings import MockConfig

    assert shown_base_url("http://0.0.0.0:9000") == "http://127.0.0.1:9000"
    assert shown_base_url("http://[::]:9000") == "http://[::1]:9000"
    assert shown_base_url("http://127.0.0.1:9000") == "http://127.0.0.1:9000"
    config = MockConfig()
    text = banner(create_app(config), "http://0.0.0.0:9000", config, None)
    assert "listening on http://127.0.0.1:9000 " in text
    assert "every address of this machine (0.0.0.0:9000): open http://127.0.0.1:9000" in text
    assert "http://0.0.0.0" not in text
    assert "docs:      http://127.0.0.1:9000/docs/" in text


def test_make_help_names_mock_args() -> None:
    make = ["make", "-s", "help"]  # make from PATH, as a person types it
    result = subprocess.run(make, cwd=ROOT, capture_output=True, text=True, timeout=30, check=True)  # noqa: S603
    assert 'make mock MOCK_ARGS="--port 9000 --era legacy"' in result.stdout


def test_the_defaults_the_help_shows_are_those_the_mock_uses() -> None:
    # cli.py writes them out so that --help needs no [mock] extra; they must not drift from their sources.
    from offcloud_mock.serving import serve, waitress_server
    from offcloud_mock.settings import DEFAULT_IDLE_TIMEOUT_S, DEFAULT_MAX_CONNECTIONS, MockConfig

    options = cli.parser().parse_args(["serve"])
    assert set(cli.SERVERS) == set(serve.SERVERS)
    assert options.server == serve.DEFAULT_SERVER
    assert cli._DEFAULT_THREADS == waitress_server.DEFAULT_THREADS
    assert options.max_connections == DEFAULT_MAX_CONNECTIONS == MockConfig().max_connections
    assert options.idle_timeout == DEFAULT_IDLE_TIMEOUT_S == MockConfig().idle_timeout_s
