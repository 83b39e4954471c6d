"""Many threads at once."""

import sys
import threading
from collections.abc import Callable, Iterator

import pytest

from offcloud_mock.backend import AccountBackend, MockBackend
from offcloud_mock.backend.errors import BadRequest
from offcloud_mock.backend.faults import FaultRegistry

from .world import ALICE_REMOTE, SINGLE_URL


@pytest.fixture(autouse=True)
def frequent_thread_switches() -> Iterator[None]:
    """Switch threads every microsecond instead of every 5 ms, so that races show up in a short test."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(previous)


def run_threads(count: int, work: Callable[[int], None]) -> None:
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def start(number: int) -> None:
        barrier.wait()  # all threads start together, to make races likely
        try:
            work(number)
        except BaseException as error:  # reported below: an exception in a thread is otherwise lost
            errors.append(error)

    threads = [threading.Thread(target=start, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_threads_adding_the_same_and_distinct_urls_get_one_download_each(
    backend: MockBackend, alice: AccountBackend
) -> None:
    shared_ids: list[object] = []
    own_ids: list[object] = []

    def work(number: int) -> None:
        for round_number in range(50):
            shared_ids.append(alice.add_cloud(SINGLE_URL).request_id)
            own = alice.add_cloud(f"https://files.test.example/thread-{number}/{round_number % 5}.bin")
            own_ids.append(own.request_id)
            alice.cloud_status(own.request_id)

    run_threads(16, work)
    assert len(shared_ids) == 16 * 50
    assert len(set(shared_ids)) == 1
    assert len(set(own_ids)) == 16 * 5
    assert backend.download_count() == 1 + 16 * 5


def test_threads_adding_remote_downloads_respect_the_in_progress_limit(
    backend: MockBackend, alice: AccountBackend
) -> None:
    refused: list[int] = []

    def work(number: int) -> None:
        for round_number in range(10):
            try:
                alice.add_remote(f"https://files.test.example/{number}-{round_number}.bin", ALICE_REMOTE)
            except BadRequest:
                refused.append(number)

    run_threads(16, work)
    assert backend.download_count() == 100
    assert len(refused) == 16 * 10 - 100


def test_threads_taking_faults_use_each_exactly_count_times() -> None:
    faults = FaultRegistry()
    faults.add("*", status=500, count=300)
    taken: list[object] = []

    def work(_: int) -> None:
        for _round in range(50):
            fault = faults.take("cloud_status")
            if fault is not None:
                taken.append(fault)

    run_threads(16, work)
    assert len(taken) == 300
