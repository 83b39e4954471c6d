"""The heap of a process that serves one mock: what it builds at start-up is set aside from the garbage
collector's full passes, and under granian the full passes wait for a quiet moment.

The app built at start-up (the parsed spec, its validators, Flask, the demo state: some 54,000 objects)
lives as long as the process, yet each full collection walked all of it again: 40-80 ms with every
request thread stopped, a few times in each few seconds of load, and the slowest percentile of a
benchmark at 1 connection was mostly those pauses. `gc.freeze()` moves what exists now into a
generation the collector never scans (as CPython's docs advise for pre-forked servers); what the mock
creates afterwards is collected as usual.

Only for a process that does nothing else (the CLI's servers): in a test process it would keep every
earlier app's cycles alive for good.
"""

import asyncio
import gc
import time
from collections.abc import Callable

__all__ = ["QuietFullCollections", "freeze_startup_heap"]


def freeze_startup_heap() -> None:
    """Collect start-up's garbage, then exempt everything still alive from later collections."""
    gc.collect()
    gc.freeze()


# A C int: the number of young-generation passes before a full one, i.e. never by count.
_NEVER = 2**31 - 1


class QuietFullCollections:
    """Full collections of a served mock wait for a quiet second, or at most `at_most_every_s` under load.

    What the mock creates while it serves stays alive too: every added download is four tracked objects
    kept for the life of the state, so a full collection walks more each time (80 ms at 40,000 downloads)
    and comes every few seconds of `POST /api/cloud` load. A load generator that corrects for coordinated
    omission (wrk) then counts each stall as many slow requests: two stalls in six seconds made the p99
    30-80 ms. Young collections, which reclaim nearly all of a request's cyclic garbage, run as usual;
    the full one runs on a tick of the event loop once no request has come for a second (or has been
    put off for `at_most_every_s`), so garbage that reaches the old generation is still reclaimed.
    """

    def __init__(
        self,
        requests_served: Callable[[], int],
        *,
        quiet_s: float = 1.0,
        at_most_every_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        collect: Callable[[], object] = gc.collect,
    ) -> None:
        self._served = requests_served
        self.quiet_s = quiet_s
        self.at_most_every_s = at_most_every_s
        self._clock = clock
        self._collect = collect
        self._served_at_tick = requests_served()
        self._served_at_full = self._served_at_tick
        self._full_at = clock()

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        """Stop full collections by count and check, every `quiet_s` on `loop`, whether one is due."""
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, _NEVER)

        def tick() -> None:
            self.tick()
            loop.call_later(self.quiet_s, tick)

        loop.call_later(self.quiet_s, tick)

    def tick(self) -> bool:
        """Collect in full when requests came since the last full collection and now none for a while
        (or it has been put off too long); whether it did."""
        served, now = self._served(), self._clock()
        quiet = served == self._served_at_tick
        self._served_at_tick = served
        due = served != self._served_at_full
        if not due or not (quiet or now - self._full_at >= self.at_most_every_s):
            return False
        self._collect()
        self._served_at_full, self._full_at = served, self._clock()
        return True
