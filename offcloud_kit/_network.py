"""The call's deadline at the socket: every connect, read and write waits at most until it.

httpx bounds each socket operation (`timeout=`), never a whole exchange: a server that sends a byte a
second never trips a read timeout, in the headers as in the body. httpcore's connection pools take a
`network_backend`, the object that opens sockets and reads and writes them, but httpx builds its pools
with the default one and has no public way to choose another. So `bound(client)` wraps the backend of
each pool of an httpx client (its transport's and its mounts', reached through their private `_pool`
and `_network_backend`) in one that cuts every timeout down to the time left before the deadline of the
exchange under way, and raises httpcore's own timeout errors, which httpx turns into its own.

The deadline travels in a ContextVar set around the exchange (`until()`): each thread and each asyncio
task has its own, so concurrent calls on one client keep theirs, and a request made outside `until()`
(through the generated client, `oc.raw`) is not bounded. A pool it cannot reach (a transport of the
caller's, such as httpx.MockTransport or WSGITransport) is left alone: the exchange checks the deadline
between the pieces of the body it reads (see _exchange). Connections a pool opened before `bound()`
keep the backend they were opened with.
"""

import contextlib
import ssl
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

__all__ = ["Deadline", "bound", "until"]

_SocketOptions = Iterable[
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
]


@dataclass
class Deadline:
    """When the exchange under way must end (time.monotonic()), and whether a socket operation was cut
    short by it."""

    ends: float
    hit: bool = False

    def timeout(self, asked: float | None, error: type[httpcore.TimeoutException]) -> tuple[float, bool]:
        """The timeout to use instead of `asked`, and whether it is the deadline's; raises `error` when
        no time is left."""
        left = self.ends - time.monotonic()
        if left <= 0:
            self.hit = True
            raise error("the call's deadline has passed")
        if asked is not None and asked <= left:
            return asked, False
        return left, True


_current: ContextVar[Deadline | None] = ContextVar("offcloud_kit_deadline", default=None)


@contextlib.contextmanager
def until(ends: float | None) -> Iterator[Deadline | None]:
    """Bound every socket operation of the pools bound() wrapped, in this context, by `ends`."""
    deadline = None if ends is None else Deadline(ends)
    token = _current.set(deadline)
    try:
        yield deadline
    finally:
        _current.reset(token)


@contextlib.contextmanager
def _within(asked: float | None, error: type[httpcore.TimeoutException]) -> Iterator[float | None]:
    """The timeout a socket operation gets instead of `asked`: cut to the deadline under way, if any
    (`error` when none is left); notes on the deadline that a timeout it set went off."""
    deadline = _current.get()
    if deadline is None:
        yield asked
        return
    bounded, cut = deadline.timeout(asked, error)
    try:
        yield bounded
    except httpcore.TimeoutException:
        deadline.hit = deadline.hit or cut
        raise


class _Stream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with _within(timeout, httpcore.ReadTimeout) as bounded:
            return self._stream.read(max_bytes, bounded)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        with _within(timeout, httpcore.WriteTimeout) as bounded:
            return self._stream.write(buffer, bounded)

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        with _within(timeout, httpcore.ConnectTimeout) as bounded:
            return _Stream(self._stream.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: _SocketOptions | None = None,
    ) -> httpcore.NetworkStream:
        with _within(timeout, httpcore.ConnectTimeout) as bounded:
            return _Stream(self._backend.connect_tcp(host, port, bounded, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: _SocketOptions | None = None
    ) -> httpcore.NetworkStream:
        with _within(timeout, httpcore.ConnectTimeout) as bounded:
            return _Stream(self._backend.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with _within(timeout, httpcore.ReadTimeout) as bounded:
            return await self._stream.read(max_bytes, bounded)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        with _within(timeout, httpcore.WriteTimeout) as bounded:
            return await self._stream.write(buffer, bounded)

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        with _within(timeout, httpcore.ConnectTimeout) as bounded:
            return _AsyncStream(await self._stream.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: _SocketOptions | None = None,
    ) -> httpcore.AsyncNetworkStream:
        with _within(timeout, httpcore.ConnectTimeout) as bounded:
            stream = await self._backend.connect_tcp(host, port, bounded, local_address, socket_options)
            return _AsyncStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: _SocketOptions | None = None
    ) -> httpcore.AsyncNetworkStream:
        with _within(timeout, httpcore.ConnectTimeout) as bounded:
            return _AsyncStream(await self._backend.connect_unix_socket(path, bounded, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def bound(client: httpx.Client | httpx.AsyncClient) -> None:
    """Wrap the network backend of each connection pool of `client` (once; see the module docstring)."""
    for transport in (client._transport, *client._mounts.values()):
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, _Backend | _AsyncBackend) or pool is None:
            continue
        if isinstance(backend, httpcore.NetworkBackend):
            pool._network_backend = _Backend(backend)
        elif isinstance(backend, httpcore.AsyncNetworkBackend):
            pool._network_backend = _AsyncBackend(backend)
