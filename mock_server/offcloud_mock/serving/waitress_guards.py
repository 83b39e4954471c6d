"""waitress, guarded against slow and broken clients, and able to stop gracefully.

waitress reads every request (headers and body) in its event-loop thread before a worker thread sees it,
so a slow client never holds a worker; what it can hold is a connection, and waitress as shipped lets
it do so for ever (its idle timeout restarts with every byte) and stops accepting anyone once
`connection_limit` connections are open. The server here (with its connections, waitress_channel) adds:

- a deadline for a whole request to arrive (headers and body): a request still incomplete
  REQUEST_TIMEOUT_S after its first byte is answered 408 and its connection closed;
- room for fresh clients: at the connection limit, the connections that have gone quiet longest and
  have no request being served are closed (a fresh client sends its request at once and is served);
- a body over the limit (waitress's `max_request_body_size`) refused as it streams in;
- no request thread waits for a client to read: waitress made a thread wait while a connection's
  unsent answers passed its `outbuf_high_watermark`, so eight clients pipelining requests without
  reading held all eight threads; here such a connection is set aside with its requests ("parked",
  no thread) and taken up again once its client has read its answers down;
- a drain mode for a graceful stop: no new connections, every response from then on says
  `Connection: close`, and connections close once their requests are answered (see `drain`).
"""

import heapq
import threading
import time
from collections.abc import Callable
from typing import Any

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.server import TcpWSGIServer

from offcloud_mock.serving.waitress_channel import LINGER_S, GuardedChannel, RequestTimeout

__all__ = ["REQUEST_TIMEOUT_S", "GuardedServer", "drain"]

REQUEST_TIMEOUT_S = 10.0  # from a request's first byte to its last; the mock's requests are small
_ACCEPTS_PER_PASS = 64  # connections accepted in one pass of the loop, below the limit
_QUIET_BEFORE_CLOSE_S = 0.1  # while draining: a connection quiet this long has no request on its way


class GuardedServer(TcpWSGIServer):  # type: ignore[misc]
    """waitress's server with the guards above, and a stop in order: the loop ends (`stopping`), its
    connections close, the request threads finish, and only then does the trigger close.

    The trigger is the pipe through which request threads wake the loop, at the end of every request.
    waitress's own way to stop, closing everything from the loop thread, closed it while request threads
    could still pull it: a late pull wrote to a closed descriptor (EBADF) or to whatever had been given
    its number since. Here pulls and the close take one lock, and a pull after the close does nothing.
    """

    channel_class = GuardedChannel
    next_channel_cleanup: float = 0.0
    draining = False
    stopping = False  # set (then pull_trigger) to end `run`
    trigger_closed = False
    request_timeout_s = REQUEST_TIMEOUT_S
    idle_timeout_s = 30.0  # a keep-alive connection with no request for this long is closed
    max_body_bytes = 0  # what create_guarded was given

    def add_task(self, channel: GuardedChannel) -> None:
        """Serve the channel's next request, unless its client lags behind its answers (then the
        channel waits, parked, with no thread, and is queued once they have been read down)."""
        if not channel.park_if_behind():
            self.queue(channel)

    def queue(self, channel: GuardedChannel) -> None:
        super().add_task(channel)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.trigger_lock = threading.RLock()  # re-entrant: a signal handler pulls it in the main thread
        self.wakes: list[float] = []  # a heap of time.monotonic() moments a held answer is due
        self.wakes_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def wake_at(self, moment: float) -> None:
        """Have the loop look at its connections again at `moment` (a held answer is due then)."""
        with self.wakes_lock:
            heapq.heappush(self.wakes, moment)
        self.pull_trigger()  # the loop may be in a poll that would outlast the moment

    def poll_timeout(self) -> float:
        """How long the next poll may wait: until the next held answer is due, at most the loop timeout."""
        timeout = float(self.adj.asyncore_loop_timeout)
        if self.wakes:
            with self.wakes_lock:
                now = time.monotonic()
                while self.wakes and self.wakes[0] <= now:
                    heapq.heappop(self.wakes)
                if self.wakes:
                    timeout = min(timeout, self.wakes[0] - now)
        return timeout

    def pull_trigger(self) -> None:
        with self.trigger_lock:
            if not self.trigger_closed:
                self.trigger.pull_trigger()

    def run(self) -> None:
        """Serve until `stopping`, then close every connection and the listener (from this thread, the
        loop's: closing sockets from another would race its poll). The trigger stays: `close_trigger`."""
        self.run_until(lambda: self.stopping)
        self.close_connections()

    def run_until(self, stopped: Callable[[], bool]) -> None:
        """waitress's loop, one poll at a time, until `stopped()`; a pull of the trigger wakes the poll."""
        while not stopped():
            wasyncore.loop(timeout=self.poll_timeout(), map=self._map, use_poll=True, count=1)

    def close_connections(self) -> None:
        """Close the listener and every connection; not the trigger, which request threads may pull."""
        for dispatcher in list(self._map.values()):
            if dispatcher is self:
                wasyncore.dispatcher.close(self)  # waitress's close() would close the trigger too
            elif dispatcher is not self.trigger:
                dispatcher.close()

    def close_trigger(self) -> None:
        """Close the trigger, once no request thread can pull it any more (they have finished)."""
        with self.trigger_lock:
            if not self.trigger_closed:
                self.trigger_closed = True
                self.trigger.close()

    def readable(self) -> bool:
        # waitress's own readable(), but at the connection limit it makes room instead of only waiting.
        now = time.time()
        if now >= self.next_channel_cleanup:
            self.next_channel_cleanup = now + self.adj.cleanup_interval
            self.maintenance(now)
        if not self.accepting or self.draining:
            return False
        if len(self._map) >= self.adj.connection_limit:
            self._make_room()
            return False  # the chosen connections close in this loop pass; accept in the next one
        return True

    def _make_room(self) -> None:
        idle = [
            channel
            for channel in self.active_channels.values()
            if not channel.serving() or channel.parked  # a parked one waits for its client, not for us
        ]
        idle.sort(key=lambda channel: channel.last_activity)
        for channel in idle[: max(1, self.adj.connection_limit // 16)]:
            channel.will_close = True

    def handle_accept(self) -> None:
        # waitress accepts one connection per pass of its loop, and a pass polls every connection: behind
        # a flood of idle ones in the backlog, a fresh client waited a pass per connection ahead of it.
        for _ in range(_ACCEPTS_PER_PASS):
            if len(self._map) >= self.adj.connection_limit:
                return
            before = len(self._map)
            super().handle_accept()
            if len(self._map) == before:  # nobody was waiting (or the accept failed)
                return

    def maintenance(self, now: float) -> None:
        idle_cutoff = now - self.idle_timeout_s
        cutoff = now - self.request_timeout_s
        for channel in list(self.active_channels.values()):
            if not channel.requests and channel.last_activity < idle_cutoff and not channel.held():
                channel.will_close = True  # waitress's own: idle for channel_timeout (an answer held
                continue  # for a latency fault is not idle)
            if channel.lingering_since is not None and channel.lingering_since < now - LINGER_S:
                channel.will_close = True
                continue
            if channel.parked and channel.last_activity < idle_cutoff:
                channel.will_close = True  # its client took nothing for the idle timeout
                continue
            if channel.request is not None and not channel.requests and channel.request_started < cutoff:
                channel.refuse(
                    RequestTimeout(f"the request did not arrive within {self.request_timeout_s:g} s")
                )


def create_guarded(app: Any, host: str, port: int, *, max_body_bytes: int, **settings: Any) -> GuardedServer:
    """A bound, listening GuardedServer on the first address `host` resolves to.

    A body longer than `max_body_bytes` is refused (413) as soon as its Content-Length says so, or as a
    chunked body passes it (its chunk framing counted): never read whole first."""
    # waitress refuses a body of max_request_body_size bytes or more; the limit itself is allowed.
    adjustments = Adjustments(host=host, port=port, max_request_body_size=max_body_bytes + 1, **settings)
    server = GuardedServer(app, adj=adjustments, sockinfo=adjustments.listen[0])
    server.max_body_bytes = max_body_bytes
    # SERVER_NAME, the Host werkzeug falls back on for a request without one: the address listened on,
    # as under granian, rather than waitress's "waitress.invalid", a name the control plane refuses.
    server.server_name = str(server.effective_host)
    return server


def drain(server: GuardedServer, grace_s: float, cut_short: Callable[[], bool] = lambda: False) -> bool:
    """Stop gracefully: answer what is in flight, then close; True when nothing was cut off.

    Runs the event loop itself (call it after the loop has returned). No new connection is accepted;
    a connection closes once it has no request being served or sent and has been quiet briefly (a
    keep-alive client's next request is then read and answered with `Connection: close` rather than
    lost), and has no bytes waiting to be read; after `grace_s`, or once `cut_short()`, whatever remains
    is closed.
    """
    server.draining = True
    if server.socket is not None:
        server.del_channel()  # the listening socket leaves the loop; the trigger stays
        server.socket.close()
    deadline = time.monotonic() + grace_s
    while server.active_channels and time.monotonic() < deadline and not cut_short():
        quiet_since = time.time() - _QUIET_BEFORE_CLOSE_S
        for channel in list(server.active_channels.values()):
            if not channel.serving() and channel.last_activity < quiet_since and not channel.unread():
                channel.will_close = True
        wasyncore.loop(timeout=0.05, map=server._map, use_poll=server.adj.asyncore_use_poll, count=1)
    clean = not server.active_channels
    return clean
