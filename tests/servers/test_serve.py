"""offcloud_mock.serving.serve: the one place a mock is served from, each server a strategy of it."""

import socket

import pytest

from offcloud_mock.http.app import create_app
from offcloud_mock.serving.serve import DEFAULT_SERVER, SERVERS, serve_forever
from offcloud_mock.settings import MockConfig

pytestmark = [pytest.mark.live, pytest.mark.timeout(60)]


def test_the_servers_and_the_default() -> None:
    assert SERVERS == ("granian", "waitress")
    assert DEFAULT_SERVER == "granian"


@pytest.mark.parametrize("server", SERVERS)
def test_every_server_refuses_an_address_in_use_with_an_os_error(server: str) -> None:
    config = MockConfig()
    ready: list[str] = []
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        with pytest.raises(OSError, match="in use"):
            serve_forever(
                create_app(config),
                "127.0.0.1",
                port,
                server=server,
                config=config,
                threads=2,
                on_ready=ready.append,
            )
    assert ready == []


def test_an_unknown_server_is_refused_by_name() -> None:
    config = MockConfig()
    with pytest.raises(ValueError, match="server must be one of granian, waitress, not 'uvicorn'"):
        serve_forever(
            create_app(config), "127.0.0.1", 0, server="uvicorn", config=config, threads=2, on_ready=print
        )
