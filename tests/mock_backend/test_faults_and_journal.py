"""Fault registry (count, "*", order, validation) and request journal (masking, bounds)."""

import json
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from offcloud_mock.backend import MockBackend
from offcloud_mock.backend.clock import MockClock, iso_millis
from offcloud_mock.backend.errors import BadRequest
from offcloud_mock.backend.faults import FaultRegistry
from offcloud_mock.backend.journal import MASK, MAX_ITEMS, MAX_STRING_CHARS, MAX_TEXT_CHARS, Journal


def test_a_fault_is_taken_count_times_then_gone() -> None:
    faults = FaultRegistry()
    added = faults.add("cloud_status", status=503, retry_after=2, count=2)
    assert added == {
        "id": 1,
        "operation_id": "cloud_status",
        "status": 503,
        "retry_after": 2,
        "latency": 0.0,
        "html": False,
        "drop": False,
        "count": 2,
    }
    assert faults.take("cloud_add") is None
    first = faults.take("cloud_status")
    assert first is not None
    assert (first.status, first.retry_after) == (503, 2)
    assert faults.list()[0]["count"] == 1
    assert faults.take("cloud_status") == first
    assert faults.take("cloud_status") is None
    assert faults.list() == []


def test_star_matches_any_operation_and_faults_go_in_the_order_added() -> None:
    faults = FaultRegistry()
    faults.add("*", drop=True)
    faults.add("cloud_status", html=True)
    taken = faults.take("remote_add")
    assert taken is not None
    assert taken.drop
    second = faults.take("cloud_status")
    assert second is not None
    assert second.html
    assert faults.take("anything") is None


def test_latency_combines_with_an_effect_or_stands_alone() -> None:
    faults = FaultRegistry()
    faults.add("login", latency=1.5)
    faults.add("login", latency=0.5, status=500)
    slow = faults.take("login")
    assert slow is not None
    assert (slow.latency, slow.status) == (1.5, None)


@pytest.mark.parametrize(
    "arguments",
    [
        {"status": 500, "drop": True},
        {"status": 199, "html": True},
        {"html": True, "drop": True},
        {},
        {"status": 200},
        {"status": 600},
        {"retry_after": 3.0},
        {"status": 429, "retry_after": -1.0},
        {"latency": -1.0},
        {"status": 500, "count": 0},
    ],
)
def test_faults_that_make_no_sense_are_refused(arguments: dict[str, object]) -> None:
    faults = FaultRegistry()
    with pytest.raises(BadRequest):
        faults.add("cloud_status", **arguments)  # type: ignore[arg-type]
    assert faults.list() == []


def test_clear_removes_every_fault() -> None:
    faults = FaultRegistry()
    faults.add("*", status=500, count=10)
    faults.clear()
    assert faults.take("cloud_status") is None


START = datetime(2026, 1, 1, tzinfo=UTC)


def _clock() -> float:
    return 5.0  # mock seconds since START


def _at(elapsed: float) -> datetime:
    return START + timedelta(seconds=elapsed)


def test_journal_records_with_sequence_and_mock_time() -> None:
    journal = Journal(now=_clock, at=_at)
    journal.record("cloud_add", "alice@test.example", {"url": "https://x.example/a"}, 200)
    journal.record("cloud_status", None, {"requestId": "abc"}, 401)
    assert journal.entries() == [
        {
            "seq": 1,
            "time": "2026-01-01T00:00:05.000Z",
            "operation": "cloud_add",
            "account": "alice@test.example",
            "params": {"url": "https://x.example/a"},
            "status": 200,
        },
        {
            "seq": 2,
            "time": "2026-01-01T00:00:05.000Z",
            "operation": "cloud_status",
            "account": None,
            "params": {"requestId": "abc"},
            "status": 401,
        },
    ]
    assert [entry["seq"] for entry in journal.entries(limit=1)] == [2]
    assert journal.entries(limit=0) == []


def test_journal_never_stores_secrets() -> None:
    journal = Journal(now=_clock, at=_at)
    params: dict[str, object] = {
        "key": "secret-1",
        "apiKey": "secret-2",
        "apikey": "secret-3",
        "password": "secret-4",
        "nested": {"Password": "secret-5", "hashes": ["a", "b"]},
        "username": "alice@test.example",
        "device_code": "secret-6",  # the OAuth names: the same list as validation's and the pipeline's
        "refresh_token": "secret-7",
        "Authorization": "secret-8",
    }
    journal.record("login", None, params, 200)
    stored = journal.entries()[0]["params"]
    assert stored == {
        "key": MASK,
        "apiKey": MASK,
        "apikey": MASK,
        "password": MASK,
        "nested": {"Password": MASK, "hashes": ["a", "b"]},
        "username": "alice@test.example",
        "device_code": MASK,
        "refresh_token": MASK,
        "Authorization": MASK,
    }
    assert "secret" not in repr(journal.entries())
    assert params["key"] == "secret-1"  # the caller's mapping is left alone


def test_journal_is_bounded_and_keeps_the_newest() -> None:
    journal = Journal(maxlen=3, now=_clock, at=_at)
    for number in range(10):
        journal.record("cloud_status", None, {"n": number}, 200)
    assert [entry["seq"] for entry in journal.entries()] == [8, 9, 10]


def test_journal_entries_cannot_be_changed_by_readers() -> None:
    journal = Journal(now=_clock, at=_at)
    journal.record("cache", None, {"hashes": ["a"]}, 200)
    params = journal.entries()[0]["params"]
    assert isinstance(params, dict)
    params["hashes"].append("b")
    assert journal.entries()[0]["params"] == {"hashes": ["a"]}


def test_clear_empties_the_journal_and_restarts_the_sequence() -> None:
    journal = Journal(now=_clock, at=_at)
    journal.record("cache", None, {}, 200)
    journal.clear()
    assert journal.entries() == []
    journal.record("cache", None, {}, 200)
    assert journal.entries()[0]["seq"] == 1


def test_journal_stores_raw_time_and_formats_it_when_read() -> None:
    moments = iter([0.0, 1.2345, 61.9996])
    journal = Journal(now=lambda: next(moments), at=_at)
    for _ in range(3):
        journal.record("cache", None, {}, 200)
    assert [entry["time"] for entry in journal.entries()] == [
        "2026-01-01T00:00:00.000Z",
        "2026-01-01T00:00:01.234Z",  # milliseconds are cut, as iso_millis always did
        "2026-01-01T00:01:01.999Z",
    ]


def test_journal_defaults_to_unix_time() -> None:
    journal = Journal()
    before = datetime.now(UTC)
    journal.record("cache", None, {}, 200)
    written = datetime.strptime(str(journal.entries()[0]["time"]), "%Y-%m-%dT%H:%M:%S.%f%z")
    assert before - timedelta(seconds=1) <= written <= datetime.now(UTC)


def test_backend_journal_times_follow_the_mock_clock(backend: MockBackend, clock: MockClock) -> None:
    clock.freeze()
    clock.advance(90.5)
    backend.journal.record("cache", None, {}, 200)
    assert backend.journal.entries()[0]["time"] == iso_millis(clock.now_datetime())
    clock.advance(30)  # reading later does not move an entry's time
    assert backend.journal.entries()[0]["time"] == iso_millis(clock.at(90.5))


# --- the journal's memory: a bounded summary per entry ---------------------------------------------

# The figures of docs/leaving-it-running.md: an everyday entry costs about 0.5 KB, none more than 4 KB.
BYTES_PER_ENTRY_BUDGET = 512
BYTES_PER_ENTRY_AT_MOST = 4096


def _bytes_per_entry(params_of: Callable[[int], dict[str, object]], count: int) -> float:
    journal = Journal(maxlen=count, now=_clock, at=_at)
    journal.record("addCloudDownload", "demo@offcloud.test", params_of(-1), 200)  # first-use caches
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for index in range(count):
            journal.record("addCloudDownload", "demo@offcloud.test", params_of(index), 400)
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return (after - before) / count


def bytes_per_everyday_entry(count: int = 5000) -> float:
    """An add with a ~45-character URL, as the download budget counts it."""
    return _bytes_per_entry(lambda index: {"url": f"https://files.test.example/bulk/{index:08d}.bin"}, count)


def _huge(index: int) -> dict[str, object]:
    """About 1 MB of parameters, as a refused add can carry (each string within the body's limits)."""
    return {
        **{f"field{number}": f"{index}-" + "x" * 60_000 for number in range(16)},
        "hashes": [f"{number:040x}" for number in range(1000)],
        "nested": [[[[[[str(index)]]]]]],
    }


def bytes_per_huge_entry(count: int = 20) -> float:
    return _bytes_per_entry(_huge, count)


def test_an_everyday_entry_stays_within_its_memory_budget() -> None:
    assert bytes_per_everyday_entry(2000) <= BYTES_PER_ENTRY_BUDGET


def test_a_huge_request_keeps_a_bounded_summary() -> None:
    # The whole parameters used to be kept: 1.2 MB for a refused 1 MB add, 10 GB at the 10,000 cap.
    assert bytes_per_huge_entry() <= BYTES_PER_ENTRY_AT_MOST


def test_the_summary_says_what_was_cut() -> None:
    journal = Journal(now=_clock, at=_at)
    journal.record("check", None, {"url": "u" * 70_000, "hashes": list(range(25)), "key": "k" * 300}, 400)
    params = journal.entries()[0]["params"]
    assert isinstance(params, dict)
    assert params["url"] == "u" * MAX_STRING_CHARS + "... (70000 characters)"
    assert params["hashes"] == [*range(MAX_ITEMS), "... 5 more items"]
    assert params["key"] == MASK  # masked, not cut: nothing of a secret is kept
    deep = Journal(now=_clock, at=_at)
    deep.record("check", None, {"a": [[[[1]]]], **{f"f{n}": n for n in range(30)}}, 400)
    summary = deep.entries()[0]["params"]
    assert isinstance(summary, dict)
    assert summary["a"] == [[[["... 1 more items"]]]]  # at MAX_DEPTH, only the count
    assert summary["..."] == "11 more fields"
    assert len(json.dumps(summary)) < MAX_TEXT_CHARS + 1000


if __name__ == "__main__":
    print(
        f"{bytes_per_everyday_entry():.0f} bytes per everyday journal entry (budget {BYTES_PER_ENTRY_BUDGET})"
    )
    print(
        f"{bytes_per_huge_entry():.0f} bytes per entry of ~1 MB of parameters (at most {BYTES_PER_ENTRY_AT_MOST})"
    )


def test_everyday_parameters_are_kept_as_they_are_with_their_secrets_masked() -> None:
    journal = Journal(now=_clock, at=_at)
    params: dict[str, object] = {"url": "https://x.test/a", "key": "secret", "n": 3, "on": True, "none": None}
    journal.record("addCloudDownload", None, params, 200)
    assert journal.entries()[0]["params"] == {
        "url": "https://x.test/a",
        "key": MASK,
        "n": 3,
        "on": True,
        "none": None,
    }
    journal.record("addCloudDownload", None, {"Password": "p", "big": 2**70}, 200)
    assert journal.entries()[1]["params"] == {
        "Password": MASK,
        "big": "11805916207174113034... (22 characters)",
    }
