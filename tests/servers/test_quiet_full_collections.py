"""A served mock's full garbage collections wait for a quiet second, or run at most a minute apart under
load (offcloud_mock.serving.process_heap.QuietFullCollections), driven by a fake clock and request counter."""

import asyncio
import gc
from collections.abc import Iterator

import pytest

from offcloud_mock.serving.process_heap import QuietFullCollections


class Served:
    def __init__(self) -> None:
        self.count = 0
        self.now = 0.0
        self.collections: list[float] = []

    def requests(self, count: int) -> None:
        self.count += count

    def collector(self) -> QuietFullCollections:
        return QuietFullCollections(
            lambda: self.count,
            quiet_s=1.0,
            at_most_every_s=60.0,
            clock=lambda: self.now,
            collect=lambda: self.collections.append(self.now),
        )


def test_a_quiet_second_after_requests_brings_one_full_collection() -> None:
    served = Served()
    collector = served.collector()
    assert not collector.tick()  # nothing served yet: nothing to collect
    served.requests(500)
    served.now = 1.0
    assert not collector.tick()  # requests came during this second: not quiet
    served.now = 2.0
    assert collector.tick()  # a quiet second after them
    for second in range(3, 10):  # still quiet: nothing new to collect
        served.now = float(second)
        assert not collector.tick()
    assert served.collections == [2.0]


def test_under_unbroken_load_a_full_collection_still_runs_every_minute() -> None:
    served = Served()
    collector = served.collector()
    for second in range(1, 181):
        served.requests(2000)
        served.now = float(second)
        collector.tick()
    assert served.collections == [60.0, 120.0, 180.0]


@pytest.fixture
def thresholds() -> Iterator[None]:
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


@pytest.mark.usefixtures("thresholds")
def test_started_on_a_loop_it_stops_full_collections_by_count_and_ticks() -> None:
    served = Served()
    collector = QuietFullCollections(
        lambda: served.count, quiet_s=0.05, collect=lambda: served.collections.append(0.0)
    )

    async def run() -> None:
        collector.start(asyncio.get_running_loop())
        served.requests(1)
        await asyncio.sleep(1.0)  # ticks at 0.05 (busy), 0.1 (quiet: collect), then nothing to do

    young, middle, _ = gc.get_threshold()
    asyncio.run(run())
    assert gc.get_threshold() == (young, middle, 2**31 - 1)
    assert served.collections == [0.0]
