"""The client's bounds: a deadline per call, a cap on the answer's size (before and after decompression),
and answers nested too deep to read. Each ends in a typed error whose text names the bound and the
option that moves it, and shows no key.

Dripping servers are real sockets on 127.0.0.1 (drip_server); the rest are httpx.MockTransports.
"""

import asyncio
import contextlib
import json
import threading
import time
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest

from offcloud_kit import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_SIZE,
    APITimeoutError,
    AsyncOffcloud,
    Offcloud,
    OffcloudError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    UnexpectedResponseError,
)

from .drip_server import drip_server, elapsed_since
from .fake_offcloud import FakeTime, example
from .helpers import UNKNOWN_ID
from .secret_fakes import KEY, exposures

MIB = 1024 * 1024
FLAVOURS = ("sync", "async")


def _call(flavour: str, make: Callable[[type[Any]], Any], **options: Any) -> OffcloudError:
    """cloud_status() on a client `make` builds, sync or async; the OffcloudError it raised."""
    if flavour == "sync":
        with make(Offcloud) as client, pytest.raises(OffcloudError) as caught:
            client.cloud_status(UNKNOWN_ID, **options)
        return caught.value

    async def run() -> OffcloudError:
        async with make(AsyncOffcloud) as client:
            with pytest.raises(OffcloudError) as caught:
                await client.cloud_status(UNKNOWN_ID, **options)
            return caught.value

    return asyncio.run(run())


def _clean(error: OffcloudError) -> None:
    """No key anywhere in `error`, and what was sent is known with the key masked."""
    assert exposures(error) == []
    assert error.request is not None
    assert error.request.url.endswith("/api/cloud/status?key=***"), error.request.url


def _status(file_name: str = "a.bin") -> dict[str, Any]:
    answer: dict[str, Any] = example("getCloudStatus", name="modernDownloaded")
    answer["status"]["fileName"] = file_name
    return answer


def _on(handler: Callable[[httpx.Request], httpx.Response], **settings: Any) -> Callable[[type[Any]], Any]:
    def make(cls: type[Any]) -> Any:
        transport = httpx.MockTransport(handler)
        return cls(KEY, base_url="http://fake.test", httpx_args={"transport": transport}, **settings)

    return make


# --- the deadline ----------------------------------------------------------------------------------------
SLOW_HEADERS = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 2000  # never ends its headers
SLOW_BODY_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n"


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_dripping_server_is_given_up_at_the_deadline(flavour: str, where: str) -> None:
    # A byte every 20 ms keeps every read well inside `timeout=1`: only a deadline on the whole call
    # ends it. getCloudStatus is repeated after a timeout, so the deadline must also stop the retries.
    head, answer = (b"", SLOW_HEADERS) if where == "headers" else (SLOW_BODY_HEAD, b" " * 2000)
    with drip_server(answer, head=head, pause=0.02) as url:

        def make(cls: type[Any]) -> Any:
            return cls(KEY, base_url=url, timeout=1.0, deadline=0.4, max_retries=3)

        start = time.monotonic()
        error = _call(flavour, make)
        took = elapsed_since(start)
    assert type(error) is APITimeoutError
    assert 0.35 < took < 1.5, took
    assert "deadline of 0.4 s" in str(error)
    assert "deadline=" in str(error)
    _clean(error)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_the_deadline_bounds_the_wait_for_a_free_connection(flavour: str) -> None:
    # The pool has one connection, held by a call the server answers slowly (for 3 s, its deadline).
    # The next call waits for it no longer than its own deadline; the pool's timeout (timeout=30) alone
    # would have it wait until the first call let go.
    with drip_server(b" " * 2000, head=SLOW_BODY_HEAD, pause=0.01) as url:
        settings: dict[str, Any] = {
            "base_url": url,
            "timeout": 30.0,
            "max_retries": 0,
            "httpx_args": {"limits": httpx.Limits(max_connections=1)},
        }
        if flavour == "sync":
            with Offcloud(KEY, **settings) as client:

                def hold() -> None:
                    with contextlib.suppress(OffcloudError):
                        client.cloud_status(UNKNOWN_ID, deadline=3.0)

                holder = threading.Thread(target=hold)
                holder.start()
                time.sleep(0.3)  # the holder has the connection and is reading its slow answer
                start = time.monotonic()
                with pytest.raises(APITimeoutError) as caught:
                    client.cloud_status(UNKNOWN_ID, deadline=0.4)
                took = elapsed_since(start)
                holder.join()
        else:

            async def run() -> tuple[APITimeoutError, float]:
                async with AsyncOffcloud(KEY, **settings) as client:

                    async def hold() -> None:
                        with contextlib.suppress(OffcloudError):
                            await client.cloud_status(UNKNOWN_ID, deadline=3.0)

                    holder = asyncio.create_task(hold())
                    await asyncio.sleep(0.3)
                    start = time.monotonic()
                    with pytest.raises(APITimeoutError) as caught:
                        await client.cloud_status(UNKNOWN_ID, deadline=0.4)
                    took = elapsed_since(start)
                    await holder
                    return caught.value, took

            error, took = asyncio.run(run())
    if flavour == "sync":
        error = caught.value
    assert 0.35 < took < 1.5, took
    assert "deadline of 0.4 s" in str(error)
    _clean(error)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_the_deadline_holds_without_a_socket(flavour: str) -> None:
    # A transport of the caller's (here a MockTransport whose body trickles) has no socket to bound:
    # the client checks the deadline between the pieces of the body it reads.
    def pieces() -> Iterator[bytes]:
        for _ in range(100):
            time.sleep(0.02)
            yield b" "

    async def apieces() -> AsyncIterator[bytes]:
        for _ in range(100):
            await asyncio.sleep(0.02)
            yield b" "

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=pieces() if flavour == "sync" else apieces())

    start = time.monotonic()
    error = _call(flavour, _on(handler, max_retries=0), deadline=0.3)
    assert type(error) is APITimeoutError, error
    assert elapsed_since(start) < 1.2
    _clean(error)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_the_deadline_spans_the_retries_and_their_waits(flavour: str) -> None:
    fake = FakeTime()
    sent: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(fake.now)
        return httpx.Response(503, json={"error": "busy"})

    policy = RetryPolicy(max_retries=10, initial_delay=1.0, max_delay=1.0, jitter=0.0)
    sleep = fake.sleep if flavour == "sync" else fake.asleep
    make = _on(handler, retry_policy=policy, clock=fake.clock, sleep=sleep, deadline=2.5)
    start = fake.now
    error = _call(flavour, make)
    # Attempts at 0, 1 and 2 s; a fourth would start at 3 s, past the deadline, so the call ends with
    # the failure it has instead of waiting for it.
    assert [moment - start for moment in sent] == [0.0, 1.0, 2.0]
    assert fake.sleeps == [1.0, 1.0]
    assert type(error) is ServerError


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_retry_after_past_the_deadline_is_not_waited_for(flavour: str) -> None:
    fake = FakeTime()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, json={"error": "slow down"}, headers={"Retry-After": "30"})

    sleep = fake.sleep if flavour == "sync" else fake.asleep
    error = _call(flavour, _on(handler, clock=fake.clock, sleep=sleep), deadline=10.0)
    assert type(error) is RateLimitError
    assert fake.sleeps == []


def test_the_bounds_are_checked() -> None:
    for bad in ({"deadline": 0}, {"deadline": -1.0}, {"max_response_size": 0}):
        with pytest.raises(ValueError, match="must be"):
            Offcloud(KEY, **bad)
    with Offcloud(KEY, base_url="http://fake.test") as client, pytest.raises(ValueError, match="must be"):
        client.cloud_status(UNKNOWN_ID, deadline=0)
    assert DEFAULT_DEADLINE == 120.0
    assert DEFAULT_MAX_RESPONSE_SIZE == 16 * MIB


# --- the size of an answer ---------------------------------------------------------------------------
class Trickle:
    """A body of `total` bytes in 64 KiB pieces that counts the pieces the client took."""

    def __init__(self, total: int, fill: bytes = b" ") -> None:
        self.pieces = total // (64 * 1024)
        self.piece = fill * (64 * 1024)
        self.taken = 0

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(self.pieces):
            self.taken += 1
            yield self.piece

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self:
            yield piece


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_an_answer_over_the_cap_is_not_read_to_its_end(flavour: str) -> None:
    body = Trickle(64 * MIB)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body if flavour == "sync" else body.__aiter__())

    error = _call(flavour, _on(handler), max_response_size=MIB)
    assert type(error) is UnexpectedResponseError
    assert "1048576 bytes" in str(error)
    assert "max_response_size=" in str(error)
    assert body.taken <= 17, body.taken  # 16 pieces make the cap; the 17th passes it
    _clean(error)


def test_the_default_cap_is_16_mib() -> None:
    body = Trickle(64 * MIB)
    error = _call("sync", _on(lambda request: httpx.Response(200, content=body)))
    assert type(error) is UnexpectedResponseError
    assert f"{16 * MIB} bytes" in str(error)
    assert body.taken <= 16 * 16 + 1


def test_the_cap_is_set_on_the_client_and_moved_per_call() -> None:
    answer = _status("x" * 2000)
    handler = _on(lambda request: httpx.Response(200, json=answer), max_response_size=1000)
    with handler(Offcloud) as client:
        with pytest.raises(UnexpectedResponseError, match="1000 bytes"):
            client.cloud_status(UNKNOWN_ID)
        assert client.cloud_status(UNKNOWN_ID, max_response_size=10_000).file_name == "x" * 2000


async def _async_pieces(pieces: list[bytes]) -> AsyncIterator[bytes]:
    for piece in pieces:
        yield piece


def _bomb(encoding: str, size: int) -> bytes:
    """`size` zero bytes compressed (about 1,000 to 1): a decompression bomb."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31 if encoding == "gzip" else 15)
    block = b"\0" * MIB
    return b"".join(packer.compress(block) for _ in range(size // MIB)) + packer.flush()


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_compressed_answer_is_capped_once_decompressed(flavour: str, encoding: str) -> None:
    bomb = _bomb(encoding, 64 * MIB)
    assert len(bomb) < 100_000

    def handler(request: httpx.Request) -> httpx.Response:
        # A body in pieces, as off a socket: given whole, httpx.Response would decompress it at once.
        pieces = [bomb[start : start + 16384] for start in range(0, len(bomb), 16384)]
        content = iter(pieces) if flavour == "sync" else _async_pieces(pieces)
        return httpx.Response(200, content=content, headers={"Content-Encoding": encoding})

    tracemalloc.start()
    try:
        error = _call(flavour, _on(handler), max_response_size=MIB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert type(error) is UnexpectedResponseError
    assert "decompressed" in str(error)
    assert "max_response_size=" in str(error)
    assert peak < 8 * MIB, peak  # the whole answer is 64 MiB once decompressed
    _clean(error)


def test_a_compressed_answer_is_capped_on_the_wire_too() -> None:
    # A gzip stream of nothing followed by junk decompresses to nothing: only the count of the bytes
    # received stops it.
    junk = Trickle(64 * MIB)

    def pieces() -> Iterator[bytes]:
        yield zlib.compress(b"", wbits=31)
        yield from junk

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=pieces(), headers={"Content-Encoding": "gzip"})

    error = _call("sync", _on(handler), max_response_size=MIB)
    assert type(error) is UnexpectedResponseError
    assert "larger than the cap of 1048576 bytes (pass" in str(error)  # counted as received
    assert junk.taken <= 17, junk.taken


def test_a_compressed_answer_under_the_cap_is_read() -> None:
    packed = zlib.compress(json.dumps(_status("y" * 5000)).encode(), wbits=31)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=packed, headers={"Content-Encoding": "gzip"})

    with _on(handler)(Offcloud) as client:
        assert client.cloud_status(UNKNOWN_ID).file_name == "y" * 5000


# --- answers nested too deep ----------------------------------------------------------------------------
@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("status", [200, 400])
@pytest.mark.parametrize("shape", ["array", "object"])
def test_an_answer_nested_too_deep_is_an_unexpected_response(flavour: str, status: int, shape: str) -> None:
    depth = 100_000
    text = "[" * depth + "]" * depth if shape == "array" else '{"a":' * depth + "1" + "}" * depth

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=text.encode(), headers={"Content-Type": "application/json"})

    error = _call(flavour, _on(handler, max_retries=0))
    assert type(error) is UnexpectedResponseError
    assert "nested too deep" in str(error)
    _clean(error)
