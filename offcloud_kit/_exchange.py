"""Performing one Send (see _steps): an HTTP exchange held to the call's deadline and size cap.

The answer is streamed, never read whole first: its bytes are counted as they arrive, decompressed here
(gzip and deflate, the encodings the client asks for) at most one byte past the room left under the
cap, and the deadline is checked between pieces. An answer that passes the cap, compressed or not, is
dropped at once and becomes TooLarge; one that outlives the deadline, DeadlinePassed. A decompression
bomb (0.3 MB of gzip that is 680 MB of zeros) therefore costs the cap at most, not its whole size.

Socket operations are bounded by the deadline too (see _network), so a server that drips its headers
is stopped as surely as one that drips its body; so is the wait for a free connection of the pool (its
`pool` timeout is cut to what is left of the deadline), when other calls hold them all. `exchange` and `aexchange` are the same steps, with
httpx.Client and httpx.AsyncClient.
"""

import time
import zlib

import httpx

from offcloud_kit._classify import DeadlinePassed, TooLarge
from offcloud_kit._network import Deadline, bound, until
from offcloud_kit._steps import Send
from offcloud_kit.errors import RedactedRequest

__all__ = ["ACCEPT_ENCODING", "Body", "aexchange", "exchange"]

# The encodings the client decodes itself, within the cap; httpx would also offer br and zstd when
# their packages are installed, and decode them whole.
ACCEPT_ENCODING = "gzip, deflate"
_WBITS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}


class Body:
    """An answer's body as it arrives: counted, decompressed within `limit` bytes, and timed."""

    def __init__(self, response: httpx.Response, limit: int, ends: float | None) -> None:
        self._response = response
        self._request = RedactedRequest.of(response.request)
        self._limit = limit
        self._ends = ends
        codings = [
            name
            for name in (
                part.strip().lower() for part in response.headers.get("content-encoding", "").split(",")
            )
            if name and name != "identity"
        ]
        if len(codings) > 1 or (codings and codings[0] not in _WBITS):
            # Not what the client asked for: read as it is, the way httpx treats an encoding it lacks.
            codings = []
        self._coding = codings[0] if codings else None
        self._inflater = None if self._coding is None else zlib.decompressobj(_WBITS[self._coding])
        self._fresh = True  # nothing decompressed yet: a "deflate" answer may still prove raw deflate
        self._received = 0
        self._size = 0
        self._parts: list[bytes] = []

    def _too_large(self, decompressed: bool) -> TooLarge:
        return TooLarge(self._request, self._response.status_code, self._limit, decompressed)

    def _inflate(self, data: bytes) -> bytes:
        if self._inflater is None:
            return data
        room = self._limit - self._size + 1  # one byte past the room tells an answer over the cap
        fresh, self._fresh = self._fresh, False
        try:
            return self._inflater.decompress(data, room)
        except zlib.error as exc:
            if fresh and self._coding == "deflate":  # servers send raw deflate as "deflate" too
                self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                return self._inflate(data)
            message = f"{self._coding} answer undecodable: {exc}"
            raise httpx.DecodingError(message, request=self._response.request) from None

    def _keep(self, data: bytes) -> TooLarge | None:
        self._size += len(data)
        if self._size > self._limit:
            return self._too_large(decompressed=self._inflater is not None)
        self._parts.append(data)
        return None

    def feed(self, raw: bytes) -> TooLarge | DeadlinePassed | None:
        """Take the next piece off the wire; what stops the reading (the cap, the deadline), or None."""
        self._received += len(raw)
        if self._received > self._limit:
            return self._too_large(decompressed=False)
        stopped = self._keep(self._inflate(raw))
        if stopped is None and self._ends is not None and time.monotonic() >= self._ends:
            return DeadlinePassed(self._request)
        return stopped

    def feed_read(self, content: bytes) -> TooLarge | None:
        """Take a body the transport has already read and decompressed (an httpx.MockTransport's)."""
        self._inflater = None
        return self._keep(content)

    def outcome(self) -> httpx.Response | TooLarge:
        """The whole answer, decompressed, as a read httpx.Response (or TooLarge for its last bytes)."""
        if self._inflater is not None:
            stopped = self._keep(self._inflater.flush())
            if stopped is not None:
                return stopped
        original = self._response
        # The body is decompressed: the headers that described the wire form would mislead httpx.
        headers = [
            (name, value)
            for name, value in original.headers.multi_items()
            if name.lower() not in ("content-encoding", "content-length")
        ]
        return httpx.Response(
            original.status_code,
            headers=headers,
            content=b"".join(self._parts),
            request=original.request,
            extensions=original.extensions,
        )


def _request(client: httpx.Client | httpx.AsyncClient, send: Send, ends: float | None) -> httpx.Request:
    request = client.build_request(**send.request, timeout=send.timeout)
    request.headers["Accept-Encoding"] = ACCEPT_ENCODING
    if ends is not None:
        timeouts = dict(request.extensions.get("timeout") or {})
        left = max(ends - time.monotonic(), 0.0)
        pool = timeouts.get("pool")
        timeouts["pool"] = left if pool is None else min(pool, left)
        request.extensions["timeout"] = timeouts
    return request


def _passed(deadline: Deadline | None) -> bool:
    return deadline is not None and (deadline.hit or time.monotonic() >= deadline.ends)


def _failure(exc: httpx.RequestError, request: httpx.Request | None, deadline: Deadline | None) -> object:
    if isinstance(exc, httpx.TimeoutException) and _passed(deadline):
        return DeadlinePassed(None if request is None else RedactedRequest.of(request))
    return exc


def _read(response: httpx.Response, body: Body) -> object:
    if response.is_stream_consumed:  # a transport that read the body itself (httpx.MockTransport)
        return body.feed_read(response.content) or body.outcome()
    for piece in response.iter_raw():
        stopped = body.feed(piece)
        if stopped is not None:
            return stopped
    return body.outcome()


async def _aread(response: httpx.Response, body: Body) -> object:
    if response.is_stream_consumed:
        return body.feed_read(response.content) or body.outcome()
    async for piece in response.aiter_raw():
        stopped = body.feed(piece)
        if stopped is not None:
            return stopped
    return body.outcome()


def exchange(client: httpx.Client, send: Send) -> object:
    """Perform `send` on `client`: the outcome the steps expect (see the module docstring)."""
    bound(client)
    ends = None if send.deadline is None else time.monotonic() + send.deadline
    request: httpx.Request | None = None
    with until(ends) as deadline:
        try:
            request = _request(client, send, ends)
            response = client.send(request, stream=True)
            try:
                return _read(response, Body(response, send.max_size, ends))
            finally:
                response.close()
        except httpx.RequestError as exc:
            return _failure(exc, request, deadline)


async def aexchange(client: httpx.AsyncClient, send: Send) -> object:
    """exchange() on an httpx.AsyncClient."""
    bound(client)
    ends = None if send.deadline is None else time.monotonic() + send.deadline
    request: httpx.Request | None = None
    with until(ends) as deadline:
        try:
            request = _request(client, send, ends)
            response = await client.send(request, stream=True)
            try:
                return await _aread(response, Body(response, send.max_size, ends))
            finally:
                await response.aclose()
        except httpx.RequestError as exc:
            return _failure(exc, request, deadline)
