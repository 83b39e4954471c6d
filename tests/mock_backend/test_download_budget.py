"""The memory budget of a download (finding 9) and the `max_downloads` cap that bounds their number.

.venv/bin/python -m tests.mock_backend.test_download_budget     # prints the measured bytes
"""

import tracemalloc

import pytest

from offcloud_mock.backend import MockBackend
from offcloud_mock.backend.clock import MockClock
from offcloud_mock.backend.errors import BadRequest, DownloadCapReached
from offcloud_mock.backend.scenario import parse_scenario

from .world import ALICE_KEY, BOB_KEY, SINGLE_URL, world_data

# The stated budget (README, "Memory"): bytes the backend holds per download added with a ~45-character
# URL, everything it keeps for it (the download, its content, its indexes, its ids), journal excluded.
BYTES_PER_DOWNLOAD_BUDGET = 1024


def _backend(max_downloads: int | None = None) -> MockBackend:
    scenario = parse_scenario(world_data())
    return MockBackend(
        scenario, seed=7, clock=MockClock(scenario.start, frozen=True), max_downloads=max_downloads
    )


def bytes_per_download(count: int = 5000) -> float:
    backend = _backend()
    alice = backend.account_for_key(ALICE_KEY)
    alice.add_cloud("https://files.test.example/bulk/warm-up.bin")  # first-use caches are not per download
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for index in range(count):
            alice.add_cloud(f"https://files.test.example/bulk/{index:08d}.bin")
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert backend.download_count() == count + 1
    return (after - before) / count


def test_a_download_stays_within_its_memory_budget() -> None:
    assert bytes_per_download(2000) <= BYTES_PER_DOWNLOAD_BUDGET


def test_the_cap_refuses_new_downloads_but_answers_known_ones() -> None:
    backend = _backend(max_downloads=2)
    alice, bob = backend.account_for_key(ALICE_KEY), backend.account_for_key(BOB_KEY)
    first = alice.add_cloud(SINGLE_URL)
    alice.add_instant("https://files.test.example/other.bin")
    with pytest.raises(DownloadCapReached) as refused:
        bob.add_instant("https://files.test.example/third.bin")
    assert isinstance(refused.value, BadRequest)  # answered like any other refused add
    assert "maximum of 2 downloads" in refused.value.message
    assert alice.add_cloud(SINGLE_URL).request_id == first.request_id  # the same content, answered again
    assert backend.download_count() == 2
    backend.reset()
    backend.account_for_key(BOB_KEY).add_instant("https://files.test.example/third.bin")
    assert backend.download_count() == 1


if __name__ == "__main__":
    print(f"{bytes_per_download():.0f} bytes per download (budget {BYTES_PER_DOWNLOAD_BUDGET})")
