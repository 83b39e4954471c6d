"""wait_for_cloud / wait_for_remote, following the mock's downloads as its clock moves."""

import pytest
from offcloud_client.types import UNSET

from offcloud_kit import DownloadFailedError, Offcloud, Progress, WaitTimeoutError
from offcloud_kit.waiting import to_int
from offcloud_mock.pytest_plugin import OffcloudMock

from .helpers import (
    BROKEN_URL,
    CACHED_MULTI,
    GDRIVE_OPTION,
    PLAIN_URL,
    UNCACHED_MULTI,
    SleepRecorder,
    each_era,
    magnet,
    make_client,
    operations,
)

ORDER = ["created", "queued", "downloading", "processing", "uploading", "downloaded"]


def mock_time(mock: OffcloudMock) -> float:
    return float(mock.controls.clock_state()["elapsed"])


@pytest.fixture
def driven(offcloud_mock: OffcloudMock) -> tuple[Offcloud, SleepRecorder]:
    """A client whose sleeps move the (frozen) mock clock and whose clock reads it: no real waiting."""
    sleeps = SleepRecorder(then=offcloud_mock.controls.advance)
    client = make_client(offcloud_mock, sleep=sleeps, clock=lambda: mock_time(offcloud_mock))
    return client, sleeps


def distinct(statuses: list[str]) -> list[str]:
    """Consecutive repeats removed."""
    return [s for i, s in enumerate(statuses) if i == 0 or statuses[i - 1] != s]


@each_era
def test_wait_follows_a_download_to_completion(era: str, driven: tuple[Offcloud, SleepRecorder]) -> None:
    client, sleeps = driven
    item = client.add_cloud(magnet(UNCACHED_MULTI, "Tears+of+Steel"))
    assert item.status == "created"
    seen: list[Progress] = []
    done = client.wait_for_cloud(item.request_id, poll_interval=1.0, on_progress=seen.append)
    assert done.status == "downloaded"
    assert done.request_id == item.request_id
    # Every phase, in order, as the clock moved one second per poll.
    assert distinct([p.status for p in seen]) == [
        "created",
        "queued",
        "downloading",
        "processing",
        "downloaded",
    ]
    # The fraction done, in both eras: from the bytes (legacy) or the server's `progress` (2026).
    fractions = [p.fraction for p in seen]
    assert all(fraction is not None for fraction in fractions)
    assert fractions == sorted(fractions)  # type: ignore[type-var]  # never backwards
    assert len(set(fractions)) > 10  # and really moving
    assert fractions[0] == 0.0
    assert fractions[-1] == 1.0
    assert all(p.request_id == item.request_id for p in seen)
    assert all(p.speed is None for p in seen if p.status != "downloading")
    assert len(sleeps.delays) == len(seen) - 1
    assert set(sleeps.delays) == {1.0}
    if era == "legacy":  # bytes: amount of fileSize, and the speed
        assert to_int(done.amount) == to_int(done.file_size) == 262144000
        done_bytes = [p.bytes_done or 0 for p in seen]
        assert done_bytes == sorted(done_bytes)
        assert all(p.bytes_total == 262144000 for p in seen)
        assert {p.speed for p in seen if p.status == "downloading"} == {5242880}
        assert all(p.share is None and p.message is None for p in seen)
    else:  # 2026: no bytes, no speed; `progress` (kept as share) and `message`
        assert (done.amount, done.file_size) == (UNSET, UNSET)
        assert all(p.bytes_done is None and p.bytes_total is None and p.speed is None for p in seen)
        assert {p.message for p in seen if p.status == "downloading"} == {"Downloading..."}
        assert seen[-1].message is None
        assert all(p.share is not None and p.share < 1.0 for p in seen[:-1])


@each_era
def test_wait_with_longer_polls_sees_fewer_reports(era: str, driven: tuple[Offcloud, SleepRecorder]) -> None:
    client, _ = driven
    item = client.add_cloud(magnet(UNCACHED_MULTI))
    seen: list[Progress] = []
    client.wait_for_cloud(item.request_id, poll_interval=10.0, on_progress=seen.append)
    statuses = [p.status for p in seen]
    assert statuses[-1] == "downloaded"
    assert [ORDER.index(s) for s in statuses] == sorted(ORDER.index(s) for s in statuses)
    assert 5 <= len(seen) <= 8  # about 56 mock seconds at one poll per 10 s


@each_era
def test_cached_download_needs_one_poll(era: str, driven: tuple[Offcloud, SleepRecorder]) -> None:
    client, sleeps = driven
    item = client.add_cloud(magnet(CACHED_MULTI))
    assert item.status == "downloaded"
    seen: list[Progress] = []
    assert client.wait_for_cloud(item.request_id, on_progress=seen.append).status == "downloaded"
    assert len(seen) == 1
    assert sleeps.delays == []


@each_era
def test_failing_download_raises_download_failed(era: str, driven: tuple[Offcloud, SleepRecorder]) -> None:
    client, _ = driven
    item = client.add_cloud(BROKEN_URL)
    seen: list[Progress] = []
    with pytest.raises(DownloadFailedError) as caught:
        client.wait_for_cloud(item.request_id, poll_interval=1.0, on_progress=seen.append)
    error = caught.value
    assert error.state == "error"
    assert error.request_id == item.request_id
    assert error.error_message == "The file is not available on the server."
    assert error.error_message in str(error)
    assert error.download.status == "error"
    assert isinstance(error.body, dict)
    assert error.body["status"] == "error"
    assert seen[-1].status == "error"
    assert "downloading" in {p.status for p in seen}


@each_era
def test_canceled_download_raises_download_failed(
    era: str, driven: tuple[Offcloud, SleepRecorder], offcloud_mock: OffcloudMock
) -> None:
    client, _ = driven
    item = client.add_cloud(PLAIN_URL)
    offcloud_mock.controls.force_status(item.request_id, "canceled")
    with pytest.raises(DownloadFailedError) as caught:
        client.wait_for_cloud(item.request_id)
    assert caught.value.state == "canceled"
    assert caught.value.error_message is None


@each_era
def test_wait_times_out_on_the_mock_clock(
    era: str, driven: tuple[Offcloud, SleepRecorder], offcloud_mock: OffcloudMock
) -> None:
    client, sleeps = driven
    item = client.add_cloud(magnet(UNCACHED_MULTI))
    start = mock_time(offcloud_mock)
    with pytest.raises(WaitTimeoutError) as caught:
        client.wait_for_cloud(item.request_id, timeout=10.0, poll_interval=3.0)
    assert caught.value.request_id == item.request_id
    assert caught.value.timeout == 10.0
    assert caught.value.last.status in {"queued", "downloading"}
    # Polls at 0, 3, 6, 9 and 10: the last sleep is shortened to end exactly at the deadline.
    assert sleeps.delays == [3.0, 3.0, 3.0, 1.0]
    assert mock_time(offcloud_mock) - start == pytest.approx(10.0)
    assert len(operations(offcloud_mock, "getCloudStatus")) == 5


@each_era
def test_pinned_download_never_finishes(
    era: str, driven: tuple[Offcloud, SleepRecorder], offcloud_mock: OffcloudMock
) -> None:
    client, _ = driven
    item = client.add_cloud(PLAIN_URL)
    offcloud_mock.controls.force_status(item.request_id, "downloading")
    with pytest.raises(WaitTimeoutError) as caught:
        client.wait_for_cloud(item.request_id, timeout=600.0, poll_interval=60.0)
    assert caught.value.last.status == "downloading"


@each_era
def test_wait_for_remote_sees_the_upload(era: str, driven: tuple[Offcloud, SleepRecorder]) -> None:
    client, _ = driven
    item = client.add_remote(PLAIN_URL, GDRIVE_OPTION, folder_id="1AbCdEf")
    seen: list[Progress] = []
    done = client.wait_for_remote(item.request_id, poll_interval=1.0, on_progress=seen.append)
    assert done.status == "downloaded"
    assert distinct([p.status for p in seen]) == [
        "created",
        "queued",
        "downloading",
        "uploading",
        "downloaded",
    ]


@each_era
def test_transient_failures_during_a_wait_are_retried(
    era: str, driven: tuple[Offcloud, SleepRecorder], offcloud_mock: OffcloudMock
) -> None:
    client, _ = driven
    item = client.add_cloud(PLAIN_URL)
    offcloud_mock.controls.add_fault("getCloudStatus", status=503)
    offcloud_mock.controls.add_fault("getCloudStatus", drop=True)
    assert client.wait_for_cloud(item.request_id, poll_interval=2.0).status == "downloaded"
    statuses = [entry["status"] for entry in operations(offcloud_mock, "getCloudStatus")]
    assert statuses[:3] == [503, 0, 200]  # 0: the dropped connection


@pytest.mark.offcloud_mock(era="legacy", string_numbers=True)
def test_legacy_string_numbers_are_normalised(
    driven: tuple[Offcloud, SleepRecorder], offcloud_mock: OffcloudMock
) -> None:
    client, _ = driven
    item = client.add_cloud(PLAIN_URL)
    offcloud_mock.controls.advance(4)
    raw = client.cloud_status(item.request_id)
    assert raw.status == "downloading"
    assert isinstance(raw.file_size, str)
    assert isinstance(raw.downloading_speed, str)
    seen: list[Progress] = []
    client.wait_for_cloud(item.request_id, poll_interval=1.0, on_progress=seen.append)
    assert seen[0].bytes_total == 52428800
    assert seen[0].speed == 10485760
    assert all(isinstance(p.bytes_total, int) for p in seen)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(5, 5), ("5", 5), (" 42 ", 42), ("", None), ("4.5", None), ("-3", None), (None, None), (True, None)],
)
def test_to_int(value: object, expected: int | None) -> None:
    assert to_int(value) == expected


def test_progress_fraction() -> None:
    assert Progress("x", "downloading", 25, 100, None).fraction == 0.25
    assert Progress("x", "created", 0, 0, None).fraction is None
    assert Progress("x", "created", 0, None, None).fraction is None
    # 2026: no bytes; the server's share is the fraction, and unknown bytes are not zero bytes.
    assert Progress("x", "downloading", None, None, None, share=0.4).fraction == 0.4
    assert Progress("x", "downloading", None, 100, None).fraction is None
    assert Progress("x", "downloading", 50, 100, None, share=0.3).fraction == 0.3


def test_poll_interval_must_be_positive(oc: Offcloud) -> None:
    with pytest.raises(ValueError, match="poll_interval"):
        oc.wait_for_cloud("5f1b2c3d4e5f60718293a4b6", poll_interval=0)
