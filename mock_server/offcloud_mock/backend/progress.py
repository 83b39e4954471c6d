"""The 2026 status rules: `progress` and `message` of one download attempt, as pure functions of time.

The 2026 status answer carries `progress` (a 0-1 fraction: RU multiplies it by 100, HA's README says
"0.0-1.0") and `message` (text while working, the error text on failure), both null once the download is
finished (DMM live). Beyond-docs section 8.

An attempt is a `Timeline`: working phases one after the other, each with its duration and its share of
the progress bar, then an outcome. `progress` is the shares of the phases already behind plus the part of
the current phase elapsed, so it grows with time, stays below 1 while working and becomes null (`None`)
exactly when the attempt finishes. A retry is a new attempt with a new timeline, starting again at 0.
"""

import math
from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "DEFAULT_ERROR_MESSAGE",
    "FINISHED",
    "TRANSFER_SHARE",
    "WORKING_MESSAGES",
    "FinishedStatus",
    "Phase",
    "Reading",
    "Timeline",
    "WorkingStatus",
    "fraction_done",
    "reading_at",
    "standard_timeline",
]

WorkingStatus = Literal["created", "queued", "downloading", "processing", "uploading"]
FinishedStatus = Literal["downloaded", "error", "canceled"]
FINISHED: Final = frozenset({"downloaded", "error", "canceled"})

# "Loading..." is what the live server shows for a magnet that stays `created` (DMM). The other texts
# are our choice: no client shows the message of a working download in another status.
WORKING_MESSAGES: Final[dict[str, str]] = {
    "created": "Loading...",
    "queued": "Queued...",
    "downloading": "Downloading...",
    "processing": "Processing...",
    "uploading": "Uploading...",
}
# Our choice: the bytes are most of the work; the phases after them share what is left.
TRANSFER_SHARE: Final = 0.9
DEFAULT_ERROR_MESSAGE: Final = "File will not be downloaded due to an error."  # seen on the real server
# The largest float below 1: `progress` never reads 1 while the download is still working.
_BELOW_ONE: Final = math.nextafter(1.0, 0.0)


@dataclass(frozen=True, slots=True)
class Phase:
    status: WorkingStatus
    seconds: float  # may be math.inf: a zombie that never leaves this phase
    share: float  # of the whole progress bar, 0-1; a timeline's shares add up to at most 1


@dataclass(frozen=True, slots=True)
class Timeline:
    """One attempt: `phases` from its start, then `outcome`; or a failure `fails_after` seconds in."""

    phases: tuple[Phase, ...]
    outcome: FinishedStatus = "downloaded"
    fails_after: float | None = None  # seconds after the start of the attempt
    error_message: str = DEFAULT_ERROR_MESSAGE

    def __post_init__(self) -> None:
        if any(not (phase.seconds >= 0 and 0 <= phase.share <= 1) for phase in self.phases):
            raise ValueError("phases need non-negative durations and shares between 0 and 1")
        if math.fsum(phase.share for phase in self.phases) > 1 + 1e-9:
            raise ValueError("the shares of a timeline's phases add up to more than 1")
        if self.fails_after is not None and not self.fails_after >= 0:
            raise ValueError("fails_after must be a non-negative number of seconds")


@dataclass(frozen=True, slots=True)
class Reading:
    """What a status request sees at one moment."""

    status: str
    progress: float | None  # 0 <= progress < 1 while working; None once finished
    message: str | None  # the working text, the error text on error; None once downloaded or canceled


def reading_at(timeline: Timeline, elapsed: float) -> Reading:
    """The status, `progress` and `message` `elapsed` seconds after the attempt started.

    Before the start (`elapsed` < 0) the attempt reads as just created. A failure planned after the
    last phase never happens: a download that finished stays finished.
    """
    fails_after = timeline.fails_after
    if (
        fails_after is not None
        and elapsed >= fails_after
        and _walk(timeline, fails_after).progress is not None
    ):
        return Reading("error", None, timeline.error_message)
    return _walk(timeline, elapsed)


def fraction_done(timeline: Timeline, elapsed: float) -> float:
    """Like `progress`, but 1.0 once downloaded (and held where it stopped on error) instead of None.

    For answers that want a number throughout, such as a history entry or the Python controls.
    """
    reading = reading_at(timeline, elapsed)
    if reading.progress is not None:
        return reading.progress
    if reading.status == "downloaded":
        return 1.0
    stop = timeline.fails_after if timeline.fails_after is not None else math.inf
    last = _walk(timeline, min(stop, elapsed)).progress
    return last if last is not None else _shares(timeline)


def standard_timeline(
    *,
    created_seconds: float,
    queued_seconds: float,
    transfer_seconds: float,
    processing_seconds: float = 0.0,
    uploading_seconds: float = 0.0,
    fails_after: float | None = None,
    error_message: str = DEFAULT_ERROR_MESSAGE,
) -> Timeline:
    """The mock's usual attempt: created, queued, the bytes, then processing/uploading if they last.

    Created and queued move no bytes, so they hold progress at 0; a phase of zero seconds is left out.
    `fails_after` counts from the start of the attempt, like the durations.
    """
    after = [Phase("processing", processing_seconds, 0.0), Phase("uploading", uploading_seconds, 0.0)]
    after = [phase for phase in after if phase.seconds > 0]
    transfer_share = (TRANSFER_SHARE if after else 1.0) if transfer_seconds > 0 else 0.0
    rest = (1.0 - transfer_share) / len(after) if after else 0.0
    phases = (
        Phase("created", created_seconds, 0.0),
        Phase("queued", queued_seconds, 0.0),
        Phase("downloading", transfer_seconds, transfer_share),
        *(Phase(phase.status, phase.seconds, rest) for phase in after),
    )
    kept = tuple(phase for phase in phases if phase.seconds > 0)
    return Timeline(kept, fails_after=fails_after, error_message=error_message)


def _walk(timeline: Timeline, elapsed: float) -> Reading:
    """The reading of the phases alone, ignoring a planned failure."""
    if math.isnan(elapsed):
        raise ValueError("elapsed time must be a number")
    done = 0.0
    left = max(elapsed, 0.0)
    for phase in timeline.phases:
        if left < phase.seconds or phase.seconds == math.inf:
            part = phase.share * (left / phase.seconds) if math.isfinite(phase.seconds) else 0.0
            return Reading(phase.status, min(done + part, _BELOW_ONE), WORKING_MESSAGES[phase.status])
        left -= phase.seconds
        done += phase.share
    if timeline.outcome == "error":
        return Reading("error", None, timeline.error_message)
    return Reading(timeline.outcome, None, None)


def _shares(timeline: Timeline) -> float:
    return min(math.fsum(phase.share for phase in timeline.phases), _BELOW_ONE)
