"""The memory budget of a download and of an uploaded torrent, the `max_downloads` cap that bounds
them together, and the cap on sessions.

.venv/bin/python -m tests.mock_backend.test_download_budget     # prints the measured bytes
"""

import hashlib
import tracemalloc
from typing import Any

import pytest

from offcloud_mock.backend import MockBackend
from offcloud_mock.backend.clock import MockClock
from offcloud_mock.backend.errors import BadRequest, DownloadCapReached, NoAuth
from offcloud_mock.backend.scenario import parse_scenario
from tests.bencoding import bencode

from .world import ALICE_EMAIL, ALICE_KEY, ALICE_PASSWORD, BOB_KEY, SINGLE_URL, world_data

# The stated budget (docs/leaving-it-running.md, "Memory"): bytes the backend holds per download added with a ~45-character
# URL, everything it keeps for it (the download, its content, its indexes, its ids), journal excluded.
BYTES_PER_DOWNLOAD_BUDGET = 1024


def _backend(max_downloads: int | None = None, **more: Any) -> MockBackend:
    scenario = parse_scenario(world_data())
    return MockBackend(
        scenario, seed=7, clock=MockClock(scenario.start, frozen=True), max_downloads=max_downloads, **more
    )


def _torrent(name: str, files: int) -> bytes:
    info = {
        "name": name,
        "piece length": 262144,
        "pieces": hashlib.sha1(name.encode(), usedforsecurity=False).digest(),
        "files": [
            {"length": 1000 + number, "path": ["folder", f"file-{number:06d}.bin"]} for number in range(files)
        ],
    }
    return bencode({"announce": "udp://tracker.test.example:1337/announce", "info": info})


def bytes_per_uploaded_file(files: int = 1000, count: int = 5) -> float:
    """What an uploaded torrent keeps, per file it lists (its files make nearly all of it)."""
    alice = _backend().account_for_key(ALICE_KEY)
    alice.upload_torrent(_torrent("warm-up", 10))
    uploads = [_torrent(f"upload-{index}", files) for index in range(count)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for upload in uploads:
            alice.upload_torrent(upload)
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return (after - before) / (files * count)


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


def test_an_uploaded_file_stays_within_the_budget_of_a_download() -> None:
    # An uploaded torrent takes one place under max_downloads per file it lists: each must cost no more.
    assert bytes_per_uploaded_file(1000, 3) <= BYTES_PER_DOWNLOAD_BUDGET
    assert bytes_per_uploaded_file(1, 50) <= 4 * BYTES_PER_DOWNLOAD_BUDGET  # its name, hash, trackers


def test_uploaded_torrents_take_places_under_the_cap_one_per_file() -> None:
    # Uploads were not counted at all: ~4.9 MB kept per 0.87 MB torrent, with no download anywhere.
    backend = _backend(max_downloads=10)
    alice = backend.account_for_key(ALICE_KEY)
    four = alice.upload_torrent(_torrent("four", 4))
    for index in range(6):
        alice.add_cloud(f"https://files.test.example/held/{index}.bin")
    with pytest.raises(DownloadCapReached):
        alice.add_cloud("https://files.test.example/held/one-too-many.bin")
    with pytest.raises(DownloadCapReached) as refused:
        alice.upload_torrent(_torrent("one", 1))
    assert "uploaded torrent" in refused.value.message
    assert alice.upload_torrent(_torrent("four", 4)) == four  # held already: answered again, not counted
    backend.reset()
    alice = backend.account_for_key(ALICE_KEY)
    alice.upload_torrent(_torrent("ten", 10))
    with pytest.raises(DownloadCapReached):
        alice.upload_torrent(_torrent("eleven", 11))


def test_an_upload_with_more_files_than_the_cap_is_refused_whole() -> None:
    alice = _backend(max_downloads=10).account_for_key(ALICE_KEY)
    with pytest.raises(DownloadCapReached) as refused:
        alice.upload_torrent(_torrent("too-many-files", 11))
    assert "lists 11 files" in refused.value.message


def test_sessions_are_capped_and_the_oldest_goes_first() -> None:
    # Every login made a session that lived until a reset: a client logging in per request grew without bound.
    backend = _backend(max_sessions=3)
    sessions = [backend.login(ALICE_EMAIL, ALICE_PASSWORD)[0] for _ in range(4)]
    assert not backend.is_logged_in(sessions[0])
    with pytest.raises(NoAuth):
        backend.account_for_session(sessions[0])
    assert all(backend.is_logged_in(session) for session in sessions[1:])


def test_device_login_tokens_are_capped_like_sessions() -> None:
    backend = _backend(max_sessions=2)
    tokens = []
    for _ in range(3):
        authorization = backend.request_device_code()
        backend.approve_device(authorization.user_code)
        grant = backend.poll_device_token(authorization.device_code).grant
        assert grant is not None
        tokens.append(grant.access_token)
    with pytest.raises(NoAuth):
        backend.account_for_key(tokens[0])
    assert backend.account_for_key(tokens[2]).email == backend.account_for_key(tokens[1]).email


def test_the_session_cap_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_sessions"):
        _backend(max_sessions=0)


if __name__ == "__main__":
    print(f"{bytes_per_download():.0f} bytes per download (budget {BYTES_PER_DOWNLOAD_BUDGET})")
    print(f"{bytes_per_uploaded_file():.0f} bytes per file of an uploaded torrent of 1,000 files")
