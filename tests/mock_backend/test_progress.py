"""The 2026 `progress` and `message`: properties over random timelines, and the readings at known moments."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offcloud_mock.backend.progress import (
    DEFAULT_ERROR_MESSAGE,
    FINISHED,
    TRANSFER_SHARE,
    WORKING_MESSAGES,
    Phase,
    Timeline,
    fraction_done,
    reading_at,
    standard_timeline,
)

seconds = st.floats(min_value=0, max_value=1e6, allow_nan=False)
maybe_failure = st.none() | seconds


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    return standard_timeline(
        created_seconds=draw(seconds),
        queued_seconds=draw(seconds),
        transfer_seconds=draw(seconds),
        processing_seconds=draw(st.sampled_from([0.0, 2.0]) | seconds),
        uploading_seconds=draw(st.sampled_from([0.0, 3.0]) | seconds),
        fails_after=draw(maybe_failure),
        error_message=draw(st.sampled_from(["Bad link", DEFAULT_ERROR_MESSAGE])),
    )


moments = st.lists(st.floats(min_value=-10, max_value=5e6, allow_nan=False), min_size=1, max_size=30)


@given(timelines(), moments)
def test_progress_never_goes_back_and_stays_in_0_1(timeline: Timeline, times: list[float]) -> None:
    readings = [reading_at(timeline, moment) for moment in sorted(times)]
    numbers = [reading.progress for reading in readings if reading.progress is not None]
    assert all(0 <= number < 1 for number in numbers)
    assert numbers == sorted(numbers)
    # once finished, always finished (and the same way)
    finished = [reading for reading in readings if reading.status in FINISHED]
    assert readings[len(readings) - len(finished) :] == finished
    assert len({reading.status for reading in finished}) <= 1


@given(timelines(), moments)
def test_progress_and_message_are_null_exactly_when_finished(timeline: Timeline, times: list[float]) -> None:
    for moment in times:
        reading = reading_at(timeline, moment)
        assert (reading.progress is None) == (reading.status in FINISHED)
        if reading.status == "error":
            assert reading.message == timeline.error_message
        elif reading.status in FINISHED:
            assert reading.message is None
        else:
            assert reading.message == WORKING_MESSAGES[reading.status]


@given(timelines(), moments)
def test_fraction_done_is_monotone_and_reaches_1_exactly_when_downloaded(
    timeline: Timeline, times: list[float]
) -> None:
    ordered = sorted(times)
    fractions = [fraction_done(timeline, moment) for moment in ordered]
    assert fractions == sorted(fractions)
    for moment, fraction in zip(ordered, fractions, strict=True):
        assert 0 <= fraction <= 1
        assert (fraction == 1) == (reading_at(timeline, moment).status == "downloaded")


@given(timelines())
def test_every_attempt_finishes_unless_a_phase_lasts_forever(timeline: Timeline) -> None:
    assert reading_at(timeline, 1e7).status in FINISHED


def test_the_usual_download_at_known_moments() -> None:
    # 1 s created, 2 s queued, 10 s of bytes, 2 s processing: progress 0 until the bytes flow.
    timeline = standard_timeline(
        created_seconds=1, queued_seconds=2, transfer_seconds=10, processing_seconds=2
    )
    expected = [
        (0.0, "created", 0.0, "Loading..."),
        (1.0, "queued", 0.0, "Queued..."),
        (3.0, "downloading", 0.0, "Downloading..."),
        (8.0, "downloading", TRANSFER_SHARE / 2, "Downloading..."),
        (13.0, "processing", TRANSFER_SHARE, "Processing..."),
        (14.0, "processing", TRANSFER_SHARE + (1 - TRANSFER_SHARE) / 2, "Processing..."),
        (15.0, "downloaded", None, None),
    ]
    for moment, status, progress, message in expected:
        reading = reading_at(timeline, moment)
        assert (reading.status, reading.message) == (status, message)
        assert reading.progress == (None if progress is None else pytest.approx(progress))


def test_without_later_phases_the_bytes_are_the_whole_bar() -> None:
    timeline = standard_timeline(created_seconds=0, queued_seconds=0, transfer_seconds=4)
    assert reading_at(timeline, 3).progress == pytest.approx(0.75)
    assert reading_at(timeline, 4 - 1e-9).progress < 1  # type: ignore[operator]
    assert reading_at(timeline, 4).progress is None


def test_a_failure_stops_the_bar_and_says_why() -> None:
    timeline = standard_timeline(
        created_seconds=1, queued_seconds=0, transfer_seconds=10, fails_after=6, error_message="Bad link"
    )
    assert reading_at(timeline, 5.9).status == "downloading"
    failed = reading_at(timeline, 6)
    assert (failed.status, failed.progress, failed.message) == ("error", None, "Bad link")
    assert fraction_done(timeline, 100) == pytest.approx(0.5)


def test_a_failure_planned_after_the_end_never_happens() -> None:
    timeline = standard_timeline(created_seconds=1, queued_seconds=1, transfer_seconds=1, fails_after=50)
    assert reading_at(timeline, 60).status == "downloaded"


def test_a_zombie_magnet_loads_forever() -> None:
    timeline = Timeline((Phase("created", math.inf, 0.0),))
    for moment in (0, 1e9, math.inf):
        reading = reading_at(timeline, moment)
        assert (reading.status, reading.progress, reading.message) == ("created", 0.0, "Loading...")


def test_cached_content_is_finished_at_once() -> None:
    reading = reading_at(Timeline(()), 0)
    assert (reading.status, reading.progress, reading.message) == ("downloaded", None, None)
    assert fraction_done(Timeline(()), 0) == 1.0


def test_a_canceled_outcome_is_finished_without_a_message() -> None:
    timeline = Timeline((Phase("downloading", 10, 1.0),), outcome="canceled")
    assert reading_at(timeline, 10).message is None
    assert reading_at(timeline, 10).progress is None


@pytest.mark.parametrize(
    "phases",
    [
        (Phase("downloading", -1, 0.5),),
        (Phase("downloading", 1, 1.5),),
        (Phase("downloading", 1, 0.6), Phase("processing", 1, 0.6)),
        (Phase("downloading", math.nan, 0.5),),
    ],
)
def test_impossible_timelines_are_refused(phases: tuple[Phase, ...]) -> None:
    with pytest.raises(ValueError, match=r"phases|shares"):
        Timeline(phases)


def test_an_unknown_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="number"):
        reading_at(Timeline(()), math.nan)


def test_a_negative_failure_time_is_refused() -> None:
    with pytest.raises(ValueError, match="fails_after"):
        Timeline((), fails_after=-1)
