"""The mock's own clock: every time-dependent answer of the mock reads it, so tests can steer time.

Mock time runs at `speed` times real time, can be frozen, and can be moved forward by hand. Real time is
read from an injectable monotonic function, so tests drive the clock without sleeping.
"""

import math
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from offcloud_mock.backend.errors import BadRequest

__all__ = ["MAX_ELAPSED", "MAX_SPEED", "MockClock", "iso_millis"]


def iso_millis(moment: datetime) -> str:
    """ISO-8601 in UTC with milliseconds and a "Z", the shape of the real server's `createdOn`."""
    utc = moment.astimezone(UTC)
    return f"{utc:%Y-%m-%dT%H:%M:%S}.{utc.microsecond // 1000:03d}Z"


# Bounds that keep mock time writable as a date: past year 9999 every later answer (and the journal)
# would fail on it. A century of mock time still takes an hour of real time at the highest speed; a
# running clock stops there (it never passes MAX_ELAPSED), and a start must leave room for it.
MAX_ELAPSED = 100 * 365.25 * 24 * 3600
MAX_SPEED = 1_000_000.0


def _check_speed(speed: float) -> float:
    if not (math.isfinite(speed) and 0 < speed <= MAX_SPEED):
        raise BadRequest(f"speed must be a number above 0 and at most {MAX_SPEED:g}, not {speed!r}")
    return float(speed)


class MockClock:
    """Mock seconds elapsed since `start`; thread-safe.

    The clock keeps an anchor (mock seconds elapsed at some real instant). Freezing, unfreezing, advancing
    and changing speed move the anchor to "now" first, so none of them makes mock time jump.
    """

    def __init__(
        self,
        start: datetime,
        speed: float = 1.0,
        *,
        frozen: bool = False,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._start = self._check_start(start)
        self._speed = _check_speed(speed)
        self._frozen = frozen
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._elapsed_at_anchor = 0.0
        self._anchor = monotonic()

    @staticmethod
    def _check_start(start: datetime) -> datetime:
        if start.tzinfo is None:
            raise BadRequest("the clock's start must be an aware datetime (with a time zone)")
        try:
            start.astimezone(UTC) + timedelta(seconds=MAX_ELAPSED)
        except OverflowError:
            raise BadRequest(
                f"the clock's start must leave a century before year 9999, not {start.year}"
            ) from None
        return start.astimezone(UTC)

    def _elapsed_locked(self) -> float:
        if self._frozen:
            return self._elapsed_at_anchor
        return min(self._elapsed_at_anchor + (self._monotonic() - self._anchor) * self._speed, MAX_ELAPSED)

    def _reanchor_locked(self) -> None:
        self._elapsed_at_anchor = self._elapsed_locked()
        self._anchor = self._monotonic()

    @property
    def start(self) -> datetime:
        return self._start

    @property
    def frozen(self) -> bool:
        with self._lock:
            return self._frozen

    @property
    def speed(self) -> float:
        with self._lock:
            return self._speed

    def now(self) -> float:
        """Mock seconds since the start."""
        with self._lock:
            return self._elapsed_locked()

    def now_datetime(self) -> datetime:
        return self._start + timedelta(seconds=self.now())

    def at(self, elapsed: float) -> datetime:
        """The datetime of a moment given in mock seconds since the start."""
        return self._start + timedelta(seconds=elapsed)

    def freeze(self) -> None:
        with self._lock:
            self._reanchor_locked()
            self._frozen = True

    def unfreeze(self) -> None:
        with self._lock:
            self._reanchor_locked()
            self._frozen = False

    def advance(self, seconds: float) -> None:
        """Move mock time forward, frozen or not. Never backwards: downloads must not un-progress."""
        if not (math.isfinite(seconds) and seconds >= 0):
            raise BadRequest(f"can only advance by a finite number of seconds >= 0, not {seconds!r}")
        with self._lock:
            self._reanchor_locked()
            if self._elapsed_at_anchor + seconds > MAX_ELAPSED:
                raise BadRequest(f"can advance the clock by at most {MAX_ELAPSED:g} seconds in all")
            self._elapsed_at_anchor += seconds

    def set_speed(self, speed: float) -> None:
        checked = _check_speed(speed)
        with self._lock:
            self._reanchor_locked()
            self._speed = checked

    def restart(self, start: datetime | None = None) -> None:
        """Back to zero elapsed seconds (from a new start if given); speed and frozen are kept."""
        new_start = self._start if start is None else self._check_start(start)
        with self._lock:
            self._start = new_start
            self._elapsed_at_anchor = 0.0
            self._anchor = self._monotonic()

    def state(self) -> dict[str, object]:
        with self._lock:
            elapsed = self._elapsed_locked()
            return {
                "now": iso_millis(self._start + timedelta(seconds=elapsed)),
                "elapsed": elapsed,
                "speed": self._speed,
                "frozen": self._frozen,
            }
