"""The proxy alone, in front of small WSGI upstreams: forwarding unchanged, 502s, recordings, redaction."""

import json
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from offcloud_drift.checks import Checker
from offcloud_drift.collect import Collector
from offcloud_drift.exchange import BODY_CAP
from offcloud_drift.proxy import DriftProxy
from offcloud_drift.recorder import Recorder
from offcloud_drift.redact import REDACTED, Redactor
from offcloud_drift.spec_view import SpecView
from offcloud_mock.recordings import read_recordings
from offcloud_mock.serving.waitress_server import RunningServer, serve_in_thread

SECRET = "S3CRET-key-abcdef123456"  # noqa: S105 - planted, to be searched for
SEEN: list[dict[str, Any]] = []


def echo(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """Answers what it received; sets a session cookie; /big answers more than the recording cap."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    received = {
        "method": environ["REQUEST_METHOD"],
        "path": environ["PATH_INFO"],
        "query": environ["QUERY_STRING"],
        "body": environ["wsgi.input"].read(length).decode() if length else "",
        "authorization": environ.get("HTTP_AUTHORIZATION", ""),
        "cookie": environ.get("HTTP_COOKIE", ""),
        "x_custom": environ.get("HTTP_X_CUSTOM", ""),
    }
    SEEN.append(received)
    if environ["PATH_INFO"] == "/slow":
        time.sleep(1.0)
    body = (
        ("x" * (BODY_CAP + 10)).encode() if environ["PATH_INFO"] == "/big" else json.dumps(received).encode()
    )
    start_response(
        "201 Created",
        [("Content-Type", "application/json"), ("Set-Cookie", f"connect.sid={SECRET}-sid; Path=/; HttpOnly")],
    )
    return [body]


@pytest.fixture
def proxied(tmp_path: Path) -> Iterator[Callable[..., tuple[str, Collector]]]:
    started: list[tuple[RunningServer, DriftProxy]] = []
    upstreams: list[RunningServer] = []

    def start(upstream_url: str | None = None, timeout: float = 5.0) -> tuple[str, Collector]:
        if upstream_url is None:
            upstream = serve_in_thread(echo, threads=2)
            upstreams.append(upstream)
            upstream_url = upstream.base_url
        redactor = Redactor()
        collector = Collector(redactor)
        proxy = DriftProxy(
            upstream_url,
            Checker(SpecView.load(), "2026"),
            redactor,
            collector,
            Recorder(tmp_path / "rec"),
            timeout=timeout,
        )
        served = serve_in_thread(proxy, threads=2)
        started.append((served, proxy))
        return served.base_url, collector

    yield start
    for served, proxy in started:
        served.stop()
        proxy.close()
    for upstream in upstreams:
        upstream.stop()


def test_requests_are_forwarded_unchanged(proxied: Callable[..., tuple[str, Collector]]) -> None:
    base_url, _ = proxied()
    SEEN.clear()
    answer = httpx.post(
        f"{base_url}/api/odd%20path/x?key={SECRET}&b=2&a=1",
        content=b"url=https%3A%2F%2Fexample.com&password=" + SECRET.encode(),
        headers={
            "Authorization": f"Bearer {SECRET}",
            "Cookie": f"connect.sid={SECRET}",
            "X-Custom": "kept",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    assert answer.status_code == 201
    (seen,) = SEEN
    assert seen["method"] == "POST"
    assert seen["path"] == "/api/odd path/x"
    assert seen["query"] == f"key={SECRET}&b=2&a=1"
    assert seen["body"] == f"url=https%3A%2F%2Fexample.com&password={SECRET}"
    assert seen["authorization"] == f"Bearer {SECRET}"
    assert seen["cookie"] == f"connect.sid={SECRET}"
    assert seen["x_custom"] == "kept"
    assert answer.json() == seen
    assert answer.headers["set-cookie"].startswith("connect.sid=")
    # The session the upstream set is the client's: the proxy does not send it on by itself.
    httpx.get(f"{base_url}/api/check")
    assert SEEN[1]["cookie"] == ""


def test_nothing_secret_is_recorded(proxied: Callable[..., tuple[str, Collector]], tmp_path: Path) -> None:
    base_url, collector = proxied()
    httpx.post(
        f"{base_url}/api/login?apiKey={SECRET}",
        json={"username": "a@b.test", "password": SECRET, "nested": {"token": SECRET}},
        headers={"Authorization": f"Bearer {SECRET}", "Cookie": f"connect.sid={SECRET}"},
    )
    files = sorted((tmp_path / "rec").iterdir())
    assert [path.name for path in files] == ["0001-login-201.json"]
    text = files[0].read_text()
    assert SECRET not in text
    record = json.loads(text)
    assert record["request"]["query"] == [["apiKey", "<redacted>"]]
    assert record["request"]["body"]["password"] == REDACTED
    assert record["response"]["headers"]["set-cookie"].startswith("connect.sid=<redacted>")
    assert "authorization" not in record["request"]["headers"]
    assert SECRET not in json.dumps([item.example for item in collector.snapshot().items])


def test_bodies_are_capped_in_recordings(
    proxied: Callable[..., tuple[str, Collector]], tmp_path: Path
) -> None:
    base_url, _ = proxied()
    assert len(httpx.get(f"{base_url}/big").content) == BODY_CAP + 10  # the client gets it whole
    (record,) = read_recordings(tmp_path / "rec")
    assert record["response"]["truncated"] is True
    assert len(record["response"]["body"]) == BODY_CAP


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_refused_upstream_answers_502_json(
    proxied: Callable[..., tuple[str, Collector]], tmp_path: Path
) -> None:
    base_url, collector = proxied(f"http://127.0.0.1:{_closed_port()}")
    answer = httpx.post(f"{base_url}/api/proxy?key={SECRET}")
    assert answer.status_code == 502
    assert answer.json()["error"].startswith("upstream unreachable")
    snapshot = collector.snapshot()
    assert len(snapshot.upstream_failures) == 1
    assert snapshot.items == []  # not drift
    assert SECRET not in (tmp_path / "rec" / "0001-upstream-error-502.json").read_text()


def test_a_slow_upstream_answers_502_json(proxied: Callable[..., tuple[str, Collector]]) -> None:
    upstream = serve_in_thread(echo, threads=2)
    try:
        base_url, _ = proxied(upstream.base_url, timeout=0.2)
        answer = httpx.get(f"{base_url}/slow")
        assert answer.status_code == 502
        assert "timed out" in answer.json()["error"]
    finally:
        upstream.stop()


def test_a_tls_failure_answers_502_json(proxied: Callable[..., tuple[str, Collector]]) -> None:
    # A server that answers plain HTTP to the TLS handshake: the handshake fails at once.
    listener = socket.create_server(("127.0.0.1", 0))

    def answer_plain_http() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(1024)
            connection.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

    thread = threading.Thread(target=answer_plain_http, daemon=True)
    thread.start()
    try:
        base_url, _ = proxied(f"https://127.0.0.1:{listener.getsockname()[1]}")
        answer = httpx.get(f"{base_url}/api/check")
        assert answer.status_code == 502
        assert answer.json()["error"].startswith("upstream unreachable")
    finally:
        thread.join(timeout=5)
        listener.close()


def test_concurrent_exchanges_get_distinct_sequence_numbers(
    proxied: Callable[..., tuple[str, Collector]], tmp_path: Path
) -> None:
    base_url, _ = proxied()
    threads = [threading.Thread(target=httpx.get, args=(f"{base_url}/api/check",)) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    records = read_recordings(tmp_path / "rec")
    assert [record["seq"] for record in records] == [1, 2, 3, 4, 5, 6]


def test_a_recorder_starts_from_an_empty_run_but_keeps_other_files(tmp_path: Path) -> None:
    (tmp_path / "0007-listProxies-200.json").write_text("{}")
    (tmp_path / "notes.txt").write_text("mine")
    Recorder(tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]
