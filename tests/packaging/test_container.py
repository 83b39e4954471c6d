"""The container's pieces that can be tested without a Docker daemon: the Dockerfile's health check run
against a mock on another port than 8080, its entry point, and the compose example."""

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from offcloud_mock.healthcheck import port_of
from offcloud_mock.listening import PORT_VARIABLE, TOKEN_VARIABLE
from offcloud_mock.settings import MockConfig

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
COMPOSE = yaml.safe_load((ROOT / "examples" / "compose.yaml").read_text(encoding="utf-8"))


def _instruction(name: str) -> str:
    """The Dockerfile's (last) instruction `name`, its continuation lines joined."""
    text = DOCKERFILE.replace("\\\n", " ")
    found = re.findall(rf"^{name}\s+(.*)$", text, flags=re.MULTILINE)
    assert found, name
    return str(found[-1])


def _healthcheck_command() -> list[str]:
    command = _instruction("HEALTHCHECK").split(" CMD ", 1)[1]
    parsed: list[str] = json.loads(command)
    return parsed


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in (PORT_VARIABLE, TOKEN_VARIABLE)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**env, **extra}


def _mock(*arguments: str, env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    command = [sys.executable, "-m", "offcloud_mock", "--server", "waitress", *arguments]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    try:
        yield process
    finally:
        process.kill()
        process.wait()


def _check(pid: int, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The Dockerfile's health check command, pointed at process `pid` instead of a container's 1."""
    command = _healthcheck_command()
    assert command[0] == "python"
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, *command[1:], "--pid", str(pid)],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
        check=False,
    )


def _healthy_within(pid: int, env: dict[str, str], seconds: float = 20) -> subprocess.CompletedProcess[str]:
    deadline = time.monotonic() + seconds
    while True:
        result = _check(pid, env)
        if result.returncode == 0 or time.monotonic() > deadline:
            return result
        time.sleep(0.2)


def test_the_entry_point_leaves_the_port_to_the_container() -> None:
    entrypoint = json.loads(_instruction("ENTRYPOINT"))
    assert entrypoint[:3] == ["offcloud-mock", "--host", "0.0.0.0"]
    assert "--port" not in entrypoint  # `docker run IMAGE --port 9000` and OFFCLOUD_MOCK_PORT decide it
    assert _instruction("ENV") == f"{PORT_VARIABLE}=8080"
    assert _instruction("EXPOSE") == "8080"
    assert _healthcheck_command() == ["python", "-m", "offcloud_mock.healthcheck"]


def test_the_port_is_read_as_the_cli_reads_it() -> None:
    base = ["/usr/local/bin/python", "/usr/local/bin/offcloud-mock", "--host", "0.0.0.0"]
    assert port_of(base, {}) == 8080
    assert port_of(base, {PORT_VARIABLE: "9100"}) == 9100
    assert port_of([*base, "--port", "9000"], {PORT_VARIABLE: "9100"}) == 9000
    assert port_of([*base, "--port=9001"], {}) == 9001
    assert port_of([*base, "--port", "9000", "--port", "9002"], {}) == 9002  # the last one, as argparse


@pytest.mark.live
@pytest.mark.parametrize("given_by", ["argument", "environment"])
def test_the_health_check_follows_the_port(given_by: str) -> None:
    port = _free_port()
    assert port != 8080
    env = _env(**{PORT_VARIABLE: str(port)}) if given_by == "environment" else _env()
    arguments = ("--port", str(port)) if given_by == "argument" else ()
    for process in _mock(*arguments, env=env):
        result = _healthy_within(process.pid, env)
        assert result.returncode == 0, result.stderr
        process.kill()
        process.wait()
        stopped = _check(process.pid, env)  # the process is gone: nothing to read, nothing listening
        assert stopped.returncode == 1
        assert stopped.stderr.startswith("offcloud-mock health check: unhealthy: ")
        assert len(stopped.stderr.strip().splitlines()) == 1


def _resolved(value: str) -> str:
    """A compose value with ${NAME:-default} as compose reads it where NAME is not set."""
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)


def test_the_compose_example_sets_what_the_cli_reads() -> None:
    mock = COMPOSE["services"]["offcloud-mock"]
    assert (ROOT / "examples" / mock["build"] / "Dockerfile").is_file()
    environment = {name: _resolved(str(value)) for name, value in mock["environment"].items()}
    assert set(environment) == {PORT_VARIABLE, TOKEN_VARIABLE}
    MockConfig(control_token=environment[TOKEN_VARIABLE])  # a token the mock accepts (8 to 256 characters)
    assert mock["ports"] == [f"127.0.0.1:{environment[PORT_VARIABLE]}:{environment[PORT_VARIABLE]}"]
    client = COMPOSE["services"]["client"]
    assert client["depends_on"]["offcloud-mock"]["condition"] == "service_healthy"
    assert _resolved(client["environment"][TOKEN_VARIABLE]) == environment[TOKEN_VARIABLE]
    assert client["environment"]["OFFCLOUD_BASE_URL"] == f"http://offcloud-mock:{environment[PORT_VARIABLE]}"


@pytest.mark.live
def test_a_mock_started_as_compose_starts_it_takes_the_token() -> None:
    # The compose service's command and environment, on 127.0.0.1 and a free port instead of the
    # container's 0.0.0.0:8080: the token comes from the environment and the service name is accepted.
    mock = COMPOSE["services"]["offcloud-mock"]
    token = _resolved(mock["environment"][TOKEN_VARIABLE])
    port = _free_port()
    env = _env(**{TOKEN_VARIABLE: token, PORT_VARIABLE: str(port)})
    for process in _mock(*mock["command"], env=env):
        assert _healthy_within(process.pid, env).returncode == 0
        base_url = f"http://127.0.0.1:{port}"
        assert httpx.get(f"{base_url}/_mock/journal", timeout=5).status_code == 401
        headers = {"X-Mock-Token": token}
        assert httpx.get(f"{base_url}/_mock/journal", headers=headers, timeout=5).status_code == 200
        as_service = {**headers, "Host": f"offcloud-mock:{port}"}
        assert (
            httpx.post(f"{base_url}/_mock/reset", json={}, headers=as_service, timeout=5).status_code == 200
        )
