"""Slow and stalled clients cannot starve the mock: a fresh client is answered within a second while they
hang, on every server it offers (and the fixture's in-thread server); and waitress times them out.

Slow clients are raw sockets on 127.0.0.1 that send part of a request and then nothing: a header without
its end, or a POST whose body stops short of its Content-Length.
"""

import json
import socket
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import httpx
import pytest

from offcloud_mock.http.app import create_app
from offcloud_mock.serving.waitress_server import serve_in_thread
from tests.servers.processes import DEMO_KEY, SERVERS, mock_process

pytestmark = [pytest.mark.live, pytest.mark.timeout(120)]

_FRESH_WITHIN_S = 1.0
_SLOW_HEADER = b"GET /_mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
_STALLED_BODY = (
    b"POST /api/cloud HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
    b"Content-Length: 200\r\n\r\nurl=https%3A%2F%2F"
)


@contextmanager
def _slow_clients(port: int, count: int, start: bytes) -> Iterator[list[socket.socket]]:
    with ExitStack() as stack:
        clients = []
        for _ in range(count):
            client = stack.enter_context(socket.create_connection(("127.0.0.1", port), timeout=5))
            client.sendall(start)
            clients.append(client)
        time.sleep(0.3)  # let the server take them all in
        yield clients


def _fresh_client_answered_within(base_url: str, seconds: float) -> float:
    started = time.monotonic()
    answer = httpx.post(
        f"{base_url}/api/cloud",
        params={"key": DEMO_KEY},
        data={"url": "https://files.example.com/docs/annual-report-2025.pdf"},
        timeout=seconds + 4,
    )
    took = time.monotonic() - started
    assert answer.status_code == 200, answer.text
    assert took <= seconds, f"a fresh client waited {took:.2f} s"
    return took


def _read_all(client: socket.socket) -> bytes:
    answer = b""
    while chunk := client.recv(4096):
        answer += chunk
    return answer


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.parametrize("start", [_SLOW_HEADER, _STALLED_BODY], ids=["slow-headers", "stalled-bodies"])
def test_a_fresh_client_is_answered_while_slow_clients_hang(server: str, start: bytes) -> None:
    # 40: five times waitress's threads (two stalled bodies once froze granian's WSGI interface).
    with mock_process(server) as mock, _slow_clients(mock.port, 40, start):
        _fresh_client_answered_within(mock.base_url, _FRESH_WITHIN_S)
        _fresh_client_answered_within(mock.base_url, _FRESH_WITHIN_S)
        # and it still stops, slow clients and all (granian kills its worker after 5 s at most)
        code, took = mock.stop(timeout=15)
        assert code == 0
        assert took <= 7.0


def test_waitress_makes_room_past_its_connection_limit() -> None:
    # 513 slow-header connections used to lock every other client out of waitress (limit 512).
    with mock_process("waitress") as mock, _slow_clients(mock.port, 600, _SLOW_HEADER):
        _fresh_client_answered_within(mock.base_url, _FRESH_WITHIN_S)


@pytest.mark.parametrize("start", [_SLOW_HEADER, _STALLED_BODY], ids=["slow-headers", "stalled-bodies"])
def test_waitress_answers_a_request_that_does_not_arrive_in_time_408(start: bytes) -> None:
    with (
        serve_in_thread(create_app(), request_timeout_s=1.0) as running,
        _slow_clients(running.port, 3, start) as clients,
    ):
        _fresh_client_answered_within(running.base_url, _FRESH_WITHIN_S)
        for client in clients:
            client.settimeout(5)
            started = time.monotonic()
            answer = _read_all(client)
            assert time.monotonic() - started < 4  # deadline 1 s, looked for every second
            head, _, body = answer.partition(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.1 408 "), answer
            assert b"application/json" in head
            assert "did not arrive within 1 s" in json.loads(body)["error"]


def test_the_in_thread_server_answers_fresh_clients_while_slow_ones_hang() -> None:
    with serve_in_thread(create_app()) as running, ExitStack() as stack:
        stack.enter_context(_slow_clients(running.port, 20, _SLOW_HEADER))
        stack.enter_context(_slow_clients(running.port, 20, _STALLED_BODY))
        _fresh_client_answered_within(running.base_url, _FRESH_WITHIN_S)


def test_granian_serves_fresh_clients_while_many_bodies_stall() -> None:
    # Bodies are awaited on granian's event loop (offcloud_mock.serving.rsgi_bridge), holding no thread: 150 is
    # more than the 62 waiting threads that bounded stalled bodies under its WSGI interface.
    with mock_process("granian") as mock, _slow_clients(mock.port, 150, _STALLED_BODY):
        _fresh_client_answered_within(mock.base_url, _FRESH_WITHIN_S)


def test_granian_times_out_headers_and_bodies_that_do_not_arrive() -> None:
    # Headers: granian's own timeout, set to the mock's 10 s (its default is 30 s); it closes, no answer.
    # A body: the bridge's deadline, as long again from the end of the headers; answered 408, as JSON.
    with (
        mock_process("granian") as mock,
        _slow_clients(mock.port, 1, _SLOW_HEADER) as (header_client,),
        _slow_clients(mock.port, 1, _STALLED_BODY) as (body_client,),
    ):
        started = time.monotonic()
        header_client.settimeout(14)
        assert header_client.recv(4096) == b""
        assert 8 < time.monotonic() - started < 12
        body_client.settimeout(14)
        head, _, body = _read_all(body_client).partition(b"\r\n\r\n")
        assert 8 < time.monotonic() - started < 13
        assert head.startswith(b"HTTP/1.1 408 "), head
        assert b"application/json" in head
        assert "did not arrive within 10 s" in json.loads(body)["error"]


def test_waitress_serves_fresh_clients_while_pipelining_clients_never_read() -> None:
    # 8 connections pipelining GET /openapi.json (166 KB) without reading held all 8 request threads,
    # each waiting for its client to take the answers (waitress's outbuf_high_watermark): everyone else
    # waited 30 s or more. A connection whose answers pile up now waits with no thread.
    pipelined = b"GET /openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" * 300
    with serve_in_thread(create_app()) as running, ExitStack() as stack:
        for _ in range(8):
            client = stack.enter_context(socket.create_connection(("127.0.0.1", running.port), timeout=5))
            client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            client.sendall(pipelined)
        time.sleep(1.0)  # the answers pile up
        _fresh_client_answered_within(running.base_url, _FRESH_WITHIN_S)
        _fresh_client_answered_within(running.base_url, _FRESH_WITHIN_S)


def test_a_pipelining_client_that_reads_slowly_still_gets_every_answer_in_order() -> None:
    count = 120  # 20 MB of answers: past the point where the connection waits for its client
    pipelined = b"".join(
        f"GET /_mock/health?n={n} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /openapi.json HTTP/1.1\r\nHost: x\r\n\r\n".encode()
        for n in range(count)
    )
    with (
        serve_in_thread(create_app()) as running,
        socket.create_connection(("127.0.0.1", running.port), timeout=10) as client,
    ):
        client.sendall(pipelined)
        time.sleep(0.5)
        received = bytearray()
        while received.count(b"HTTP/1.1 200 ") < 2 * count:
            chunk = client.recv(1 << 20)
            assert chunk, "the connection closed before every answer came"
            received += chunk
        assert received.count(b"HTTP/1.1 200 ") == 2 * count


@contextmanager
def _idle_keep_alive(port: int, count: int) -> Iterator[list[socket.socket]]:
    """`count` connections that each send one request, then nothing, never closing."""
    with ExitStack() as stack:
        clients = []
        for _ in range(count):
            client = stack.enter_context(socket.create_connection(("127.0.0.1", port), timeout=5))
            client.sendall(b"GET /_mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            clients.append(client)
        time.sleep(0.5)
        yield clients


@pytest.mark.parametrize("server", SERVERS)
def test_a_fresh_client_is_answered_beside_1100_idle_keep_alive_connections(server: str) -> None:
    # granian held at most 1,024 connections (its backpressure) and closed idle ones only after its
    # header timeout: 1,100 idle keep-alive connections locked new clients out (0 of 4 answered in 12 s).
    with mock_process(server) as mock, _idle_keep_alive(mock.port, 1100):
        for _ in range(4):
            _fresh_client_answered_within(mock.base_url, _FRESH_WITHIN_S)


@pytest.mark.parametrize("server", SERVERS)
def test_an_idle_keep_alive_connection_closes_after_the_idle_timeout(server: str) -> None:
    with mock_process(server, "--idle-timeout", "1") as mock, _idle_keep_alive(mock.port, 1) as (client,):
        client.settimeout(5)
        answer = b""
        started = time.monotonic()
        while chunk := client.recv(4096):
            answer += chunk
        assert answer.startswith(b"HTTP/1.1 200 ")
        assert time.monotonic() - started < 3.5  # 1 s idle, found within a second or two


def test_granian_making_room_spares_an_answer_waiting_out_a_latency() -> None:
    with mock_process("granian", "--max-connections", "16") as mock:
        fault = {"operation": "addCloudDownload", "latency": 2.0}
        assert httpx.post(f"{mock.base_url}/_mock/faults", json=fault, timeout=5).status_code == 200
        body = b"url=https%3A%2F%2Ffiles.example.com%2Fpatient.bin"
        with socket.create_connection(("127.0.0.1", mock.port), timeout=8) as patient:
            patient.sendall(
                f"POST /api/cloud?key={DEMO_KEY} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
            time.sleep(0.3)  # quiet, in its wait, while the connections pile up past the limit
            with _idle_keep_alive(mock.port, 40):
                _fresh_client_answered_within(mock.base_url, _FRESH_WITHIN_S)
                assert patient.recv(4096).startswith(b"HTTP/1.1 200 ")
