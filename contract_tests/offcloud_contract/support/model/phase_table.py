"""The reference lifecycle of a download: a table of phases and their durations, written from the rules.

The rules, as the field notes (docs/evidence.md), openapi.yaml (`CloudDownloadState`,
`RemoteDownloadState`) and the comments of mock_server/offcloud_mock/demo_scenario.yaml (`timing`) state them:

    phase        lasts                                     amount                 for
    created      timing.created_seconds                    0                      every attempt
    queued       timing.queued_seconds                     0                      every attempt
    downloading  size / speed (speed: the content's, else  bytes done, growing    every attempt
                 timing.default_speed)
    error        for ever (until a retry)                  floor(size * fail_after_fraction)
                                                                                  a failing attempt, once
                                                                                  that many bytes are done
    processing   timing.processing_seconds                 size                   multi-file content
    uploading    timing.uploading_seconds                  size                   remote downloads
    downloaded   for ever                                  size                   every attempt that works

Two shortcuts: cached content added to the cloud is `downloaded` at once (no phase before it), and an
instant download stays `created`. A retry starts a new attempt from `created`.

Times are exact (`Fraction`), so the table says what the rules say, not what a floating-point computation
of them gives. The mock computes in floats; the two agree wherever the mock's arithmetic is exact, which is
why the suite moves the clock on a dyadic grid (`GRID`), see `on_grid`.
"""

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

__all__ = [
    "ADVANCES",
    "GRID",
    "PROGRESS_ORDER",
    "Expected",
    "Kind",
    "LifeRules",
    "Phase",
    "expected_at",
    "on_grid",
    "phase_table",
]

Kind = Literal["instant", "cloud", "remote"]
PROGRESS_ORDER = ("created", "queued", "downloading", "processing", "uploading", "downloaded")
# Clock steps are multiples of this (exact in binary floating point, and sums of them stay exact), so
# the mock's float arithmetic on times gives the exact answer the table gives.
GRID = Fraction(1, 1024)
# The fixed amounts the state machines move the clock by (mock seconds, on the grid).
ADVANCES = (0.5, 1.0, 2.5, 4.0, 10.0, 60.0, 600.0)


@dataclass(frozen=True, slots=True)
class LifeRules:
    """What the table needs to know of one attempt: the content, how it was added, the scenario's timing."""

    kind: Kind
    size: int
    multi_file: bool
    cached: bool
    failing: bool  # this attempt is one of the content's failing ones
    speed: int  # bytes per second
    created_seconds: Fraction
    queued_seconds: Fraction
    processing_seconds: Fraction
    uploading_seconds: Fraction
    fail_after_fraction: Fraction


@dataclass(frozen=True, slots=True)
class Phase:
    status: str
    start: Fraction  # seconds into the attempt
    end: Fraction | None  # None: for ever

    def holds(self, elapsed: Fraction) -> bool:
        return self.start <= elapsed and (self.end is None or elapsed < self.end)

    @property
    def duration(self) -> Fraction | None:
        return None if self.end is None else self.end - self.start


@dataclass(frozen=True, slots=True)
class Expected:
    """Every time-dependent field of a status answer."""

    status: str
    amount: int
    speed: int | None = None  # downloadingSpeed: only while downloading
    downloading_ms: int | None = None  # downloadingTime: only while downloading
    failed: bool = False  # errorMessage: only on error


def phase_table(rules: LifeRules) -> tuple[Phase, ...]:
    """The phases of one attempt, in order, each non-empty; the last lasts for ever."""
    if rules.kind == "instant":
        return (Phase("created", Fraction(0), None),)
    if rules.kind == "cloud" and rules.cached:
        return (Phase("downloaded", Fraction(0), None),)
    durations: list[tuple[str, Fraction | None]] = [
        ("created", rules.created_seconds),
        ("queued", rules.queued_seconds),
    ]
    if rules.failing:
        durations += [("downloading", Fraction(failed_amount(rules), rules.speed)), ("error", None)]
    else:
        durations.append(("downloading", Fraction(rules.size, rules.speed)))
        if rules.multi_file:
            durations.append(("processing", rules.processing_seconds))
        if rules.kind == "remote":
            durations.append(("uploading", rules.uploading_seconds))
        durations.append(("downloaded", None))
    phases: list[Phase] = []
    start = Fraction(0)
    for status, duration in durations:
        end = None if duration is None else start + duration
        if end is None or end > start:  # a phase of no length is never seen
            phases.append(Phase(status, start, end))
        if end is not None:
            start = end
    return tuple(phases)


def failed_amount(rules: LifeRules) -> int:
    """The bytes a failing attempt shows when it turns `error`."""
    return math.floor(rules.size * rules.fail_after_fraction)


def expected_at(rules: LifeRules, elapsed: Fraction) -> Expected:
    """Where an attempt stands `elapsed` seconds after it started."""
    phase = next(phase for phase in phase_table(rules) if phase.holds(elapsed))
    if phase.status in ("created", "queued"):
        return Expected(phase.status, 0)
    if phase.status == "downloading":
        into = elapsed - phase.start
        return Expected(
            "downloading",
            min(rules.size, math.floor(into * rules.speed)),
            rules.speed,
            math.floor(into * 1000),
        )
    if phase.status == "error":
        return Expected("error", failed_amount(rules), failed=True)
    return Expected(phase.status, rules.size)


def on_grid(moment: Fraction, lower: Fraction, upper: Fraction | None) -> Fraction | None:
    """A point of the clock's grid in [lower, upper) at or just before `moment`, or None.

    The grid is refined for phases shorter than a step of `GRID`, so a step can land inside any phase
    (down to 2**-20 s: finer times would make the mock's float products inexact).
    """
    step = GRID
    while step >= Fraction(1, 2**20):
        point = max(math.floor(moment / step) * step, math.ceil(lower / step) * step)
        if upper is None or point < upper:
            return point
        step /= 2
    return None
