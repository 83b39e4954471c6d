"""The RSGI bridge granian serves the mock through (offcloud_mock.serving.rsgi_bridge), driven without granian: an
RSGI scope and protocol stand-in, on an asyncio loop of this test. The same requests through Flask's test
client are the reference: the bridge must hand the app the same request and send back its answer."""

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from granian._granian import RSGIProtocolClosed

from offcloud_mock.controls import InProcessControls
from offcloud_mock.http.app import create_app
from offcloud_mock.http.runtime import runtime
from offcloud_mock.serving.rsgi_bridge import WSGIOverRSGI, wsgi_environ
from offcloud_mock.settings import MockConfig

DEMO_KEY = "demo-key-0123456789abcdef"
LIMIT = 1000


class Headers:
    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.pairs = pairs

    def items(self) -> list[tuple[str, str]]:
        return list(self.pairs)

    def get(self, key: str, default: Any = None) -> Any:
        return next((value for name, value in self.pairs if name == key), default)

    def __contains__(self, key: str) -> bool:
        return any(name == key for name, _ in self.pairs)


@dataclass
class Scope:
    method: str
    path: str
    query_string: str = ""
    header_pairs: list[tuple[str, str]] = field(default_factory=list)
    proto: str = "http"
    http_version: str = "1.1"
    server: str = "127.0.0.1:8080"
    client: str = "127.0.0.1:50000"
    scheme: str = "http"
    authority: str | None = None

    @property
    def headers(self) -> Headers:
        return Headers(self.header_pairs)


class Protocol:
    """What granian hands the app: the body (whole or in chunks, or never: `stall`), and the answer."""

    def __init__(self, chunks: list[bytes] = [], *, stall: bool = False, gone: bool = False) -> None:  # noqa: B006
        self.chunks, self.stall, self.gone = chunks, stall, gone
        self.read = False
        self.answer: tuple[int, list[tuple[str, str]], bytes] | None = None

    async def _wait(self) -> None:
        if self.gone:
            raise RSGIProtocolClosed("the client went away")
        self.read = True
        if self.stall:
            await asyncio.Event().wait()

    async def __call__(self) -> bytes:
        await self._wait()
        return b"".join(self.chunks)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        await self._wait()
        for chunk in self.chunks:
            yield chunk

    def response_bytes(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        self.answer = (status, headers, body)


@pytest.fixture
def app() -> Any:
    return create_app(MockConfig(max_body_bytes=LIMIT))


def _bridge(app: Any, body_timeout_s: float = 5.0) -> WSGIOverRSGI:
    return WSGIOverRSGI(app, max_body_bytes=LIMIT, body_timeout_s=body_timeout_s)


def _serve(bridge: WSGIOverRSGI, scope: Scope, protocol: Protocol) -> tuple[int, dict[str, str], bytes]:
    asyncio.run(bridge.__rsgi__(scope, protocol))  # type: ignore[arg-type]
    assert protocol.answer is not None, "no answer was sent"
    status, headers, body = protocol.answer
    return status, {name.lower(): value for name, value in headers}, body


def _form_post(url: str, *, chunked: bool = False) -> tuple[Scope, bytes]:
    body = f"url={url}".encode()
    framing = ("transfer-encoding", "chunked") if chunked else ("content-length", str(len(body)))
    headers = [("host", "127.0.0.1:8080"), ("content-type", "application/x-www-form-urlencoded"), framing]
    return Scope("POST", "/api/cloud", f"key={DEMO_KEY}", headers), body


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_request_gets_the_answer_flask_gives_it(app: Any, chunked: bool) -> None:
    url = "https://files.example.com/bridge/report.pdf"
    scope, body = _form_post(url, chunked=chunked)
    status, headers, data = _serve(_bridge(app), scope, Protocol([body[:5], body[5:]]))
    assert status == 200
    assert headers["content-type"] == "application/json"
    # the same request again, through Flask's own client: the download already exists, same answer
    reference = app.test_client().post(f"/api/cloud?key={DEMO_KEY}", data={"url": url})
    assert reference.status_code == 200
    assert json.loads(data) == reference.get_json()


def test_the_environ_is_pep_3333() -> None:
    scope = Scope(
        "GET",
        "/caf\u00e9/x",
        "a=1&b=%20",
        [("x-many", "one"), ("x-many", "two"), ("cookie", "a=1"), ("cookie", "b=2"), ("content-type", "t/x")],
        server="[::1]:8080",
        client="[::1]:50000",
        authority="example.test:8080",
    )
    environ = wsgi_environ(scope, b"", None)  # type: ignore[arg-type]
    assert environ["PATH_INFO"] == "/caf\u00c3\u00a9/x"  # UTF-8 bytes read as latin-1
    assert environ["QUERY_STRING"] == "a=1&b=%20"  # raw, as sent
    assert environ["HTTP_X_MANY"] == "one,two"
    assert environ["HTTP_COOKIE"] == "a=1; b=2"
    assert environ["CONTENT_TYPE"] == "t/x"
    assert "CONTENT_LENGTH" not in environ
    assert environ["HTTP_HOST"] == "example.test:8080"  # no Host header: the request target's authority
    assert (environ["SERVER_NAME"], environ["SERVER_PORT"], environ["REMOTE_ADDR"]) == ("::1", "8080", "::1")
    assert environ["SERVER_PROTOCOL"] == "HTTP/1.1"


def test_a_body_that_does_not_arrive_in_time_is_answered_408(app: Any) -> None:
    scope, _ = _form_post("https://files.example.com/stalled.bin")
    status, headers, data = _serve(_bridge(app, body_timeout_s=0.2), scope, Protocol(stall=True))
    assert status == 408
    assert headers["connection"] == "close"
    assert json.loads(data) == {"error": "Request Timeout: the request body did not arrive within 0.2 s"}


def test_a_body_declared_too_large_is_refused_unread(app: Any) -> None:
    scope = Scope(
        "POST",
        "/api/cloud",
        f"key={DEMO_KEY}",
        [("content-type", "application/x-www-form-urlencoded"), ("content-length", str(LIMIT + 1))],
    )
    protocol = Protocol([b"x" * (LIMIT + 1)])
    status, headers, data = _serve(_bridge(app), scope, protocol)
    assert status == 413
    assert "at most 1000 bytes" in json.loads(data)["error"]
    assert not protocol.read
    assert headers["connection"] == "close"  # the body is left unread: the connection cannot go on


def test_a_content_length_that_is_no_number_gets_an_answer(app: Any) -> None:
    scope = Scope("POST", "/api/cloud", f"key={DEMO_KEY}", [("content-length", "5, 5")])
    status, _, data = _serve(_bridge(app), scope, Protocol([b"url=x"]))
    assert status == 400
    assert json.loads(data) == {"error": "Missing required parameter: url"}


def test_a_chunked_body_too_large_is_refused(app: Any) -> None:
    scope, _ = _form_post("", chunked=True)
    status, headers, data = _serve(
        _bridge(app), scope, Protocol([b"url=" + b"a" * 600, b"b" * 600, b"c" * 600])
    )
    assert status == 413
    assert "at most 1000 bytes" in json.loads(data)["error"]
    assert headers["connection"] == "close"


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_body_that_breaks_off_is_a_400_the_app_answers_and_journals(app: Any, chunked: bool) -> None:
    # granian raises RSGIProtocolClosed when the client closes its side before the body's end; the
    # connection can still carry the answer (it used to be granian's own 500, empty and unlogged).
    scope, _ = _form_post("https://files.example.com/cut-short.bin", chunked=chunked)
    before = runtime(app).backend.download_count()
    status, headers, data = _serve(_bridge(app), scope, Protocol(gone=True))
    assert status == 400
    assert headers["connection"] == "close"
    assert json.loads(data)["error"].startswith("The request body ended before its ")
    assert runtime(app).backend.download_count() == before
    assert runtime(app).backend.journal.entries()[-1]["status"] == 400


def test_a_latency_fault_holds_up_only_its_own_answer(app: Any) -> None:
    InProcessControls(app).add_fault("addCloudDownload", latency=0.5)
    bridge = _bridge(app)
    slow_scope, slow_body = _form_post("https://files.example.com/slow.bin")
    fast_scope, fast_body = _form_post("https://files.example.com/fast.bin")
    finished: list[str] = []

    async def both() -> float:
        loop = asyncio.get_running_loop()
        started = loop.time()

        async def one(name: str, scope: Scope, body: bytes) -> None:
            await bridge.__rsgi__(scope, Protocol([body]))  # type: ignore[arg-type]
            finished.append(name)

        slow = asyncio.create_task(one("slow", slow_scope, slow_body))
        await asyncio.sleep(0.05)  # the slow one is in its wait
        await one("fast", fast_scope, fast_body)
        assert finished == ["fast"], "the fast request waited for the slow one's latency"
        await slow
        return loop.time() - started

    took = asyncio.run(both())
    assert finished == ["fast", "slow"]
    assert took >= 0.5


def test_an_injected_drop_is_a_500_without_a_body(app: Any) -> None:
    InProcessControls(app).add_fault("addCloudDownload", drop=True)
    scope, body = _form_post("https://files.example.com/dropped.bin")
    status, _, data = _serve(_bridge(app), scope, Protocol([body]))
    assert (status, data) == (500, b"")
