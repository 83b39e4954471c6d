"""A body over the limit is refused as it streams in, never buffered whole first, on both servers; the
413 closes the connection, so a client's next request goes on a fresh one.

waitress once read a 315 MB body into a temporary file before the app's 413; granian's 413 sometimes
kept the connection open while hyper, finding the body unread, closed it under the client's next request.
"""

import json
import select
import socket
import time

import pytest

from offcloud_mock.http.app import create_app
from offcloud_mock.serving.waitress_server import serve_in_thread
from offcloud_mock.settings import MockConfig
from tests.servers.processes import DEMO_KEY, mock_process

pytestmark = [pytest.mark.live, pytest.mark.timeout(60)]

_LIMIT = 1024 * 1024  # the default max_body_bytes


def _head(length: str) -> bytes:
    return (
        f"POST /api/cloud?key={DEMO_KEY} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\n{length}\r\n\r\n"
    ).encode()


def _answer(client: socket.socket) -> bytes:
    """Everything the server sends until it closes (TimeoutError if it neither answers nor closes)."""
    answer = b""
    while chunk := client.recv(65536):
        answer += chunk
    return answer


def _is_413_json(answer: bytes) -> None:
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413 "), answer[:200]
    assert b"application/json" in head.lower()
    assert f"at most {_LIMIT} bytes" in json.loads(body)["error"]


def test_waitress_refuses_a_declared_length_over_the_limit_before_its_body() -> None:
    with (
        serve_in_thread(create_app()) as running,
        socket.create_connection(("127.0.0.1", running.port), timeout=3) as client,
    ):
        client.sendall(_head(f"Content-Length: {_LIMIT + 1}"))  # and not one byte of the body
        _is_413_json(_answer(client))


def test_waitress_takes_a_body_of_exactly_the_limit() -> None:
    body = b"url=https%3A%2F%2Ffiles.example.com%2Fa.bin"
    while len(body) < _LIMIT:  # fields of at most 60,000 characters: a string's own limit is 64 Ki
        field = b"&p%d=" % len(body)
        body += field + b"x" * min(60_000, _LIMIT - len(body) - len(field))
    assert len(body) == _LIMIT
    with (
        serve_in_thread(create_app()) as running,
        socket.create_connection(("127.0.0.1", running.port), timeout=5) as client,
    ):
        client.sendall(_head(f"Content-Length: {len(body)}") + body)
        assert client.recv(4096).startswith(b"HTTP/1.1 200 ")


def test_waitress_refuses_a_chunked_body_once_it_passes_the_limit() -> None:
    chunk = b"x" * 65536
    framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    with (
        serve_in_thread(create_app()) as running,
        socket.create_connection(("127.0.0.1", running.port), timeout=3) as client,
    ):
        client.sendall(_head("Transfer-Encoding: chunked"))
        sent = 0
        # A body with no end, sent until the server answers: only a refusal can answer it. Sending no
        # more once it has answered keeps the kernel from resetting the connection under the answer.
        while not select.select([client], [], [], 0.05)[0]:
            assert sent <= _LIMIT + len(chunk), "no refusal once the body passed the limit"
            client.sendall(framed)
            sent += len(chunk)
        _is_413_json(_answer(client))


def test_waitress_refuses_an_endless_body_without_buffering_it() -> None:
    """The body keeps coming; the answer comes once the limit is passed, not when the client stops."""
    with (
        serve_in_thread(create_app(MockConfig(max_body_bytes=1000))) as running,
        socket.create_connection(("127.0.0.1", running.port), timeout=3) as client,
    ):
        client.sendall(_head(f"Content-Length: {50 * 1024 * 1024}"))
        started = time.monotonic()
        head = client.recv(4096)
        assert head.startswith(b"HTTP/1.1 413 "), head
        assert time.monotonic() - started < 1.0


def test_waitress_answers_a_client_that_sends_its_whole_body_before_reading() -> None:
    """As most clients do: the body is read and dropped after the refusal (a lingering close), so the
    413 reaches the client, not a connection reset."""
    with (
        serve_in_thread(create_app()) as running,
        socket.create_connection(("127.0.0.1", running.port), timeout=5) as client,
    ):
        client.sendall(_head(f"Content-Length: {2 * _LIMIT}") + b"x" * (2 * _LIMIT))
        _is_413_json(_answer(client))


@pytest.mark.parametrize("server", ["waitress", "granian"])
def test_a_413_closes_its_connection(server: str) -> None:
    with mock_process(server) as mock:
        for _ in range(20):
            with socket.create_connection(("127.0.0.1", mock.port), timeout=5) as client:
                client.sendall(_head(f"Content-Length: {_LIMIT + 1}") + b"x" * 4096)
                head = client.recv(65536).partition(b"\r\n\r\n")[0].lower()
                assert head.startswith(b"http/1.1 413 "), head
                assert b"connection: close" in head, head
