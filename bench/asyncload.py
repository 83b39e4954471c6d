"""The fallback load generator when wrk cannot be installed: asyncio over raw keep-alive sockets.

Closed loop like wrk: each connection sends the next request of the cycle as soon as the previous
answer is in. Raw sockets rather than httpx because httpx's per-request cost (~0.3 ms) would make the
generator, not the server, the bottleneck. Bounded: a deadline, a per-request timeout and a cap on the
number of requests.
"""

import asyncio
import itertools
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bench.load import LoadResult
from bench.mix import MixRequest, render
from bench.stats import percentile

__all__ = ["GENERATOR", "build_request", "read_response", "run_async_load"]

GENERATOR = "asyncio (raw sockets)"
_MAX_REQUESTS = 2_000_000
_TIMEOUT_S = 5.0


def build_request(request: MixRequest, host: str, token: str) -> bytes:
    path, body = render(request, token)
    lines = [f"{request.method} {path} HTTP/1.1", f"Host: {host}"]
    if request.content_type:
        lines.append(f"Content-Type: {request.content_type}")
    encoded = body.encode("utf-8")
    if encoded or request.method == "POST":
        lines.append(f"Content-Length: {len(encoded)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + encoded


async def read_response(reader: asyncio.StreamReader) -> int:
    """Read one response (Content-Length or chunked) and return its status."""
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    status = int(status_line.split(" ", 2)[1])
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)  # the chunk and its CRLF
            if size == 0:
                break
    return status


@dataclass(slots=True)
class _Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    socket_errors: int = 0
    sent: int = 0


async def _connection(
    host: str, port: int, requests: Iterator[bytes], deadline: float, tally: _Tally
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < deadline and tally.sent < _MAX_REQUESTS:
            payload = next(requests)
            tally.sent += 1
            started = time.perf_counter()
            try:
                writer.write(payload)
                status = await asyncio.wait_for(read_response(reader), _TIMEOUT_S)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                tally.errors += 1
                tally.socket_errors += 1
                return  # the connection is in an unknown state; wrk would reconnect, we stop
            tally.latencies.append(time.perf_counter() - started)
            if status >= 400:
                tally.errors += 1
    finally:
        writer.close()


def _requests(cycle: Sequence[MixRequest], host: str, nonce: str) -> Iterator[bytes]:
    built = [None if r.unique else build_request(r, host, "") for r in cycle]
    counter = itertools.count(1)
    for index in itertools.cycle(range(len(cycle))):
        prebuilt = built[index]
        yield (
            prebuilt
            if prebuilt is not None
            else build_request(cycle[index], host, f"{nonce}-{next(counter)}")
        )


def run_async_load(
    base_url: str, cycle: Sequence[MixRequest], *, connections: int, duration_s: float, nonce: str
) -> LoadResult:
    parts = urlsplit(base_url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    tally = _Tally()
    requests = _requests(cycle, f"{host}:{port}", nonce)

    async def main() -> float:
        started = time.perf_counter()
        deadline = started + duration_s
        tasks = [_connection(host, port, requests, deadline, tally) for _ in range(connections)]
        await asyncio.gather(*tasks, return_exceptions=True)
        return time.perf_counter() - started

    elapsed = asyncio.run(main())
    latencies = tally.latencies or [0.0]
    return LoadResult(
        generator=GENERATOR,
        connections=connections,
        duration_s=elapsed,
        requests=len(tally.latencies),
        p50_ms=percentile(latencies, 50) * 1000,
        p99_ms=percentile(latencies, 99) * 1000,
        errors=tally.errors,
        error_kinds={"socket": tally.socket_errors, "status": tally.errors - tally.socket_errors},
    )
