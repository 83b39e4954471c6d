"""The backend's history, removal and 2026 reading: plain Python, no HTTP."""

import pytest

from offcloud_mock.backend import AccountBackend, MockBackend
from offcloud_mock.backend.clock import MockClock
from offcloud_mock.backend.errors import NotFound
from tests.mock_backend.world import (
    ALWAYS_FAILS_URL,
    FAILS_ONCE_URL,
    FOLDER_URL,
    SINGLE_URL,
    UNCACHED_PACK_HASH,
)


def test_history_is_newest_first_and_per_account_and_kind(alice: AccountBackend, bob: AccountBackend) -> None:
    first = alice.add_cloud(SINGLE_URL).request_id
    second = alice.add_cloud(FOLDER_URL).request_id
    alice.add_instant(SINGLE_URL)
    bob.add_instant(FOLDER_URL)  # bob has no cloud add-on
    assert [snapshot.request_id for snapshot in alice.history("cloud")] == [second, first]
    assert len(alice.history("instant")) == 1
    assert alice.history("remote") == []


def test_removal_forgets_the_download_and_re_adding_makes_a_new_one(
    alice: AccountBackend, backend: MockBackend
) -> None:
    request_id = alice.add_cloud(SINGLE_URL).request_id
    count = backend.download_count()
    alice.remove(request_id, "cloud")
    assert backend.download_count() == count - 1
    with pytest.raises(NotFound):
        alice.cloud_status(request_id)
    with pytest.raises(NotFound):
        alice.remove(request_id, "cloud")
    assert alice.add_cloud(SINGLE_URL).request_id != request_id


def test_remove_many_skips_what_is_not_the_accounts(alice: AccountBackend, bob: AccountBackend) -> None:
    mine, theirs = alice.add_cloud(SINGLE_URL).request_id, bob.add_instant(SINGLE_URL).request_id
    alice.remove_many([theirs, mine, "0" * 24], "cloud")
    assert alice.history("cloud") == []
    assert [snapshot.request_id for snapshot in bob.history("instant")] == [theirs]


@pytest.mark.parametrize("url", [SINGLE_URL, FOLDER_URL, f"magnet:?xt=urn:btih:{UNCACHED_PACK_HASH}"])
def test_the_2026_reading_grows_until_it_is_null(alice: AccountBackend, clock: MockClock, url: str) -> None:
    request_id = alice.add_cloud(url).request_id
    fractions: list[float] = []
    for _ in range(400):
        reading = alice.cloud_status(request_id).reading()
        if reading.progress is None:
            assert (reading.status, reading.message) == ("downloaded", None)
            break
        assert reading.status == alice.cloud_status(request_id).status
        assert reading.message
        fractions.append(reading.progress)
        clock.advance(0.25)
    else:
        pytest.fail("the download never finished")
    assert fractions == sorted(fractions)
    assert all(0 <= fraction < 1 for fraction in fractions)
    assert fractions[-1] > 0.5


def test_the_2026_reading_of_a_failure_and_of_its_retry(alice: AccountBackend, clock: MockClock) -> None:
    request_id = alice.add_cloud(FAILS_ONCE_URL).request_id
    clock.advance(600)
    failed = alice.cloud_status(request_id).reading()
    assert (failed.status, failed.progress) == ("error", None)
    assert failed.message
    alice.retry_cloud(request_id)
    assert alice.cloud_status(request_id).reading().progress == 0.0  # a new attempt starts again at 0
    always = alice.add_cloud(ALWAYS_FAILS_URL).request_id
    clock.advance(600)
    assert alice.cloud_status(always).reading().progress is None
