"""Section 5's memory figures beside bytes per download: a journal entry and an uploaded torrent.

Measured with tracemalloc in this process, through the backend's public API, as the tests that hold
their budgets measure them (tests/mock_backend/test_faults_and_journal.py, test_download_budget.py).
"""

import hashlib
import tracemalloc
from collections.abc import Callable

from offcloud_mock.backend import MockBackend
from offcloud_mock.backend.journal import Journal
from offcloud_mock.backend.scenario import demo_scenario
from tests.bencoding import bencode  # the tests' encoder: .torrent files for uploads

__all__ = ["memory_figures"]

_EMAIL = "demo@offcloud.test"


def _traced(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = work()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del kept
    return after - before


def _journal_bytes(params_of: Callable[[int], dict[str, object]], count: int) -> float:
    journal = Journal(maxlen=count)
    journal.record("addCloudDownload", _EMAIL, params_of(-1), 200)  # first-use caches are not per entry

    def record() -> None:
        # Each request's parameters made here, as a request makes them: what an entry keeps of them
        # (an everyday URL is kept, not copied) counts, what it drops does not.
        for index in range(count):
            journal.record("addCloudDownload", _EMAIL, params_of(index), 400)

    return _traced(record) / count


def _torrent(name: str, files: int) -> bytes:
    info = {
        "name": name,
        "piece length": 262144,
        "pieces": hashlib.sha1(name.encode(), usedforsecurity=False).digest(),
        "files": [{"length": 1000 + n, "path": ["folder", f"file-{n:06d}.bin"]} for n in range(files)],
    }
    return bencode({"announce": "udp://tracker.test.example:1337/announce", "info": info})


def _upload_bytes(files: int, count: int) -> float:
    scenario = demo_scenario()
    account = MockBackend(scenario).account_for_key(scenario.accounts[0].api_key)
    account.upload_torrent(_torrent("warm-up", 3))
    uploads = [_torrent(f"upload-{index}", files) for index in range(count)]

    def upload() -> None:
        for data in uploads:
            account.upload_torrent(data)

    return _traced(upload) / count


def memory_figures() -> dict[str, float]:
    """Bytes kept per journal entry (an everyday add; ~1 MB of refused parameters) and per upload."""
    huge = {f"field{n}": "x" * 60_000 for n in range(16)}
    return {
        "journal_entry_bytes": _journal_bytes(
            lambda i: {"url": f"https://files.example.com/{i:08d}.bin"}, 5000
        ),
        "journal_entry_of_1mb_bytes": _journal_bytes(lambda i: {**huge, "n": i}, 20),
        "upload_of_3_files_bytes": _upload_bytes(3, 200),
        "upload_file_of_1000_bytes": _upload_bytes(1000, 5) / 1000,
    }
