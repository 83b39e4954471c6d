"""Bytes that are not HTTP/1.x get a prompt answer, as JSON where the server lets us (waitress; granian
answers its own parse errors with an empty body, which nothing of ours can change).

waitress used to wait for a blank line that never came: a TLS handshake, or headers ending in a bare
LF, held the connection for its 120 s idle timeout.
"""

import json
import socket
import time

import pytest

from offcloud_mock.http.app import create_app
from offcloud_mock.serving.waitress_server import serve_in_thread
from tests.servers.processes import mock_process

pytestmark = [pytest.mark.live, pytest.mark.timeout(60)]

_TLS_HELLO = bytes.fromhex("16030100f2010000ee0303") + bytes(32)
_BARE_LF = b"GET /_mock/health HTTP/1.1\nHost: 127.0.0.1\n\n"
_BAD_START = b"HELLO\r\n\r\n"
_CASES = {"tls": _TLS_HELLO, "bare-lf": _BARE_LF, "bad-start-line": _BAD_START}


def _exchange(port: int, data: bytes) -> tuple[bytes, float]:
    """What the server answers to `data` until it closes, and how long that took."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
        client.sendall(data)
        started = time.monotonic()
        answer = b""
        try:
            while chunk := client.recv(4096):
                answer += chunk
        except TimeoutError:
            pytest.fail(f"no answer and no close within 5 s; got {answer!r}")
        return answer, time.monotonic() - started


@pytest.mark.parametrize("data", _CASES.values(), ids=_CASES.keys())
def test_waitress_answers_at_once_with_a_json_400(data: bytes) -> None:
    with serve_in_thread(create_app()) as running:
        answer, took = _exchange(running.port, data)
    assert took < 1.0
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith((b"HTTP/1.1 400 ", b"HTTP/1.0 400 ")), answer
    assert b"Content-Type: application/json" in head
    assert b"Connection: close" in head
    assert json.loads(body)["error"].startswith("Bad Request")


def test_waitress_answers_its_other_protocol_errors_as_json() -> None:
    with serve_in_thread(create_app()) as running:
        answer, _ = _exchange(running.port, b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.0 400 ")  # waitress answers its parse errors in HTTP/1.0
    assert json.loads(body) == {"error": "Bad Request: Invalid header"}


def test_granian_answers_or_closes_at_once() -> None:
    # granian (hyper) takes bare LF line ends as HTTP and answers; the rest it refuses (400, no body).
    with mock_process("granian") as mock:
        for data in _CASES.values():
            with socket.create_connection(("127.0.0.1", mock.port), timeout=1) as client:
                client.sendall(data)
                first = client.recv(4096)  # TimeoutError after 1 s: neither an answer nor a close
            assert first == b"" or first.startswith(b"HTTP/1.1 "), first


def _status_of(port: int, request: bytes) -> bytes:
    answer, _ = _exchange(port, request)
    return answer.split(b" ", 2)[1]


@pytest.mark.parametrize("version", [b"HTTP/1.0", b"HTTP/1.1"])
def test_a_request_without_a_host_header_gets_the_same_answer_on_both_servers(version: bytes) -> None:
    # waitress named itself "waitress.invalid" in SERVER_NAME, the Host werkzeug falls back on, and the
    # control plane refused that name (403) where granian's bridge named the address it listens on (200).
    request = b"GET /_mock/health " + version + b"\r\nConnection: close\r\n\r\n"
    statuses = {}
    for server in ("waitress", "granian"):
        with mock_process(server) as mock:
            statuses[server] = _status_of(mock.port, request)
    assert statuses == {"waitress": b"200", "granian": b"200"}
