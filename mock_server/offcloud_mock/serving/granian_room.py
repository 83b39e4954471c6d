"""Room for fresh clients under granian: at its connection limit, the quietest idle connections are
closed, as waitress_guards does for waitress.

granian holds at most `backpressure` connections (a semaphore taken per accepted connection): past
it, new clients wait in the kernel's backlog until one closes, and idle keep-alive connections close
only after hyper's header-read timeout. 1,100 idle keep-alive connections locked every new client
out. granian offers no way to close a connection from Python, so this looks at the worker's own
sockets (Linux: /proc/self/fd) on a tick of the event loop; once the connections reach the limit less
one batch, it shuts down the reading side of the quietest idle ones (a duplicate of the descriptor,
so granian's own stays valid and granian closes it): hyper reads the end of the stream on an idle
connection and closes it, as a server closing an idle keep-alive connection would.

Idle: no answer waiting in a latency fault (the bridge's `in_flight`), nothing unsent in the socket,
and nothing received for at least _QUIET_S; the quietest (by the kernel's own times) go first. A
connection whose body stalls is not protected: waitress would not protect it either.

Elsewhere than Linux nothing is done: the limit and the idle timeout still hold.
"""

import asyncio
import contextlib
import fcntl
import os
import socket
import struct
import sys
import termios
from collections.abc import Callable, Collection
from dataclasses import dataclass

__all__ = ["ConnectionRoom"]

_FDS = "/proc/self/fd"
_CHECK_EVERY_S = 0.25
_AGAIN_S = 0.005  # after connections were closed: the next check, once granian has accepted others
_QUIET_S = 0.1  # a connection this recently active may have a request on its way
# struct tcp_info (linux/tcp.h): ms since the last data was sent and received, at these offsets.
_TCP_INFO_TIMES = struct.Struct("=I4xI")  # tcpi_last_data_sent, (last_ack_sent), tcpi_last_data_recv
_TCP_INFO_TIMES_OFFSET = 44
_TCP_INFO_SIZE = 104


@dataclass(frozen=True, slots=True)
class _Connection:
    fd: int
    peer: str  # "host:port", as granian's scope.client names it
    quiet_ms: int


class ConnectionRoom:
    """Checks every `check_every_s` on the loop; closes up to `batch` idle connections at a time."""

    def __init__(
        self,
        limit: int,
        in_flight: Collection[str],
        *,
        check_every_s: float = _CHECK_EVERY_S,
        descriptors: Callable[[], list[str]] = lambda: os.listdir(_FDS),
    ) -> None:
        self.limit = limit
        self.batch = max(1, limit // 16)
        self.in_flight = in_flight
        self.check_every_s = check_every_s
        self._descriptors = descriptors
        self._baseline = 0  # descriptors that are not connections: counted once, at start
        self.closed = 0  # connections closed to make room, for tests and the curious

    @staticmethod
    def supported() -> bool:
        return sys.platform == "linux" and os.path.isdir(_FDS)

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        if not self.supported():
            return
        self._baseline = len(self._descriptors())

        def tick() -> None:
            # Under a flood, again at once: the clients waiting in the backlog get in a batch at a time.
            loop.call_later(_AGAIN_S if self.tick() else self.check_every_s, tick)

        loop.call_later(self.check_every_s, tick)

    def tick(self) -> int:
        """Make room if the connections are near the limit; how many were closed."""
        # The cheap check first: one listing of the descriptors, against the count at start.
        if len(self._descriptors()) - self._baseline < self.limit - self.batch:
            return 0
        connections = _connections()
        if len(connections) < self.limit - self.batch:
            return 0
        idle = [
            connection
            for connection in connections
            if connection.peer not in self.in_flight and connection.quiet_ms >= _QUIET_S * 1000
        ]
        idle.sort(key=lambda connection: connection.quiet_ms, reverse=True)
        closed = sum(_shut_reading(connection) for connection in idle[: self.batch])
        self.closed += closed
        return closed


def _connections() -> list[_Connection]:
    """The TCP connections this process accepted that have nothing unsent, with how quiet each is."""
    found: list[_Connection] = []
    listening: set[int] = set()
    accepted: list[tuple[int, int, str, int]] = []  # fd, local port, peer, quiet ms
    for name in os.listdir(_FDS):
        with contextlib.suppress(OSError, ValueError):
            fd = int(name)
            if not os.readlink(f"{_FDS}/{name}").startswith("socket:"):
                continue
            with socket.socket(fileno=os.dup(fd)) as sock:
                if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.type != socket.SOCK_STREAM:
                    continue
                port = sock.getsockname()[1]
                if sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN):
                    listening.add(port)
                    continue
                if _unsent(sock):
                    continue
                host, peer_port = sock.getpeername()[:2]
                peer = f"{host}:{peer_port}" if sock.family == socket.AF_INET else f"[{host}]:{peer_port}"
                accepted.append((fd, port, peer, _quiet_ms(sock)))
    for fd, port, peer, quiet_ms in accepted:
        if port in listening:  # not a connection this process made itself
            found.append(_Connection(fd, peer, quiet_ms))
    return found


def _unsent(sock: socket.socket) -> int:
    """Bytes of an answer still in the socket's send queue."""
    queued = fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, b"\0\0\0\0")
    value: int = struct.unpack("=i", queued)[0]
    return value


def _quiet_ms(sock: socket.socket) -> int:
    info = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, _TCP_INFO_SIZE)
    sent, received = _TCP_INFO_TIMES.unpack_from(info, _TCP_INFO_TIMES_OFFSET)
    return int(min(sent, received))


def _shut_reading(connection: _Connection) -> int:
    """Shut the reading side of the connection, if its descriptor is still that connection."""
    try:
        with socket.socket(fileno=os.dup(connection.fd)) as sock:
            host, port = sock.getpeername()[:2]
            if connection.peer not in (f"{host}:{port}", f"[{host}]:{port}"):
                return 0  # closed meanwhile, its number given to another connection
            sock.shutdown(socket.SHUT_RD)
            return 1
    except OSError:
        return 0
