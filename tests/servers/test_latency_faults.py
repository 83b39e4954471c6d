"""An injected latency holds up its own answer only, on waitress as on granian: no request thread sleeps
through it, so requests waiting out latencies never keep `/_mock/` (or anything else) from answering.

Sixteen requests held by 5 s latencies used to take all eight of waitress's threads, the control plane's
requests included, for the whole 5 s.
"""

import socket
import time
from contextlib import ExitStack

import httpx
import pytest

from offcloud_mock.http.app import create_app
from offcloud_mock.serving.waitress_server import serve_in_thread
from tests.servers.processes import DEMO_KEY

pytestmark = [pytest.mark.live, pytest.mark.timeout(60)]

_LATENCY_S = 2.0


def _add_request(url: str) -> bytes:
    body = f"url={url}".encode()
    return (
        f"POST /api/cloud?key={DEMO_KEY} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def _add_fault(base_url: str, **fault: object) -> None:
    answer = httpx.post(
        f"{base_url}/_mock/faults", json={"operation": "addCloudDownload", **fault}, timeout=5
    )
    assert answer.status_code == 200, answer.text


def _status_and_time(client: socket.socket) -> tuple[bytes, float]:
    client.settimeout(_LATENCY_S + 5)
    head = client.recv(4096)
    return head[9:12], time.monotonic()


def test_requests_waiting_out_latencies_hold_no_waitress_thread() -> None:
    with serve_in_thread(create_app()) as running, ExitStack() as stack:
        _add_fault(running.base_url, latency=_LATENCY_S, count=16)
        started = time.monotonic()
        held = []
        for index in range(16):  # twice waitress's 8 threads
            client = stack.enter_context(socket.create_connection(("127.0.0.1", running.port), timeout=5))
            client.sendall(_add_request(f"https://files.example.com/held/{index}.bin"))
            held.append(client)
        time.sleep(0.3)  # they are all in their waits
        health = httpx.get(f"{running.base_url}/_mock/health", timeout=5)
        assert health.status_code == 200
        assert time.monotonic() - started < 1.5, "the control plane waited for the latencies"
        answered = [_status_and_time(client) for client in held]
        assert all(status == b"200" for status, _ in answered), answered
        # each still waited out its latency, all at once rather than eight at a time
        assert all(at - started >= _LATENCY_S for _, at in answered)
        assert max(at for _, at in answered) - started < 2 * _LATENCY_S


def test_a_latency_holds_later_answers_of_its_connection_in_order() -> None:
    with (
        serve_in_thread(create_app()) as running,
        socket.create_connection(("127.0.0.1", running.port), timeout=5) as client,
    ):
        _add_fault(running.base_url, latency=0.5)
        started = time.monotonic()
        client.sendall(
            _add_request("https://files.example.com/first.bin") + b"GET /_mock/health HTTP/1.1\r\n\r\n"
        )
        received = b""
        while received.count(b"HTTP/1.1 ") < 2:
            received += client.recv(4096)
        assert time.monotonic() - started >= 0.5
        first, second = received.split(b"HTTP/1.1 ")[1:3]
        assert first.startswith(b"200 ")
        assert b"requestId" in first
        assert second.startswith(b"200 ")


def test_a_dropped_connection_waits_out_its_latency_first() -> None:
    with (
        serve_in_thread(create_app()) as running,
        socket.create_connection(("127.0.0.1", running.port), timeout=5) as client,
    ):
        _add_fault(running.base_url, latency=0.5, drop=True)
        started = time.monotonic()
        client.sendall(_add_request("https://files.example.com/dropped.bin"))
        assert client.recv(4096) == b""
        assert time.monotonic() - started >= 0.5
