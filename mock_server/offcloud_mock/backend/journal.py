"""The request journal: what the mock was asked, for tests and the control plane to inspect.

Bounded (the oldest entries go first) so that a long benchmark cannot exhaust memory, and thread-safe.
Secrets never enter it: parameters named like a key or a password are stored as "***".
Each entry keeps the raw mock time (seconds since the clock's start); it is written as a date only when
entries are read, which is rare, rather than on every request.
"""

import copy
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from offcloud_mock.backend.clock import iso_millis
from offcloud_mock.backend.secret_fields import is_secret

__all__ = ["MASK", "Journal"]

MASK = "***"


def _masked(value: object) -> object:
    if isinstance(value, dict):
        return {name: MASK if is_secret(name) else _masked(item) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return [_masked(item) for item in value]
    return value


@dataclass(frozen=True, slots=True)
class _Entry:
    seq: int
    time: float  # raw mock time, as the journal's `now` gives it
    operation: str
    account: str | None
    params: object
    status: int

    def to_dict(self, at: Callable[[float], datetime]) -> dict[str, object]:
        return {
            "seq": self.seq,
            "time": iso_millis(at(self.time)),
            "operation": self.operation,
            "account": self.account,
            "params": copy.deepcopy(self.params),  # callers must not be able to change the journal
            "status": self.status,
        }


def _from_epoch(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


class Journal:
    """`now` gives the time to record (by default Unix time), `at` turns it into a datetime when read."""

    def __init__(
        self,
        maxlen: int = 10_000,
        *,
        now: Callable[[], float] = time.time,
        at: Callable[[float], datetime] = _from_epoch,
    ) -> None:
        self._entries: deque[_Entry] = deque(maxlen=maxlen)
        self._now = now
        self._at = at
        self._lock = threading.Lock()
        self._seq = 0

    def record(self, operation: str, account: str | None, params: dict[str, object], status: int) -> None:
        """Note one answered request; `account` is whatever identifies it to a reader (e.g. the e-mail)."""
        params_copy = _masked(params)  # masked now: the secret must never be stored
        moment = self._now()
        with self._lock:
            self._seq += 1
            self._entries.append(_Entry(self._seq, moment, operation, account, params_copy, status))

    def entries(self, limit: int | None = None) -> list[dict[str, object]]:
        """The last `limit` entries (all when None), oldest first."""
        with self._lock:
            chosen = list(self._entries)
        if limit is not None:
            chosen = chosen[-limit:] if limit > 0 else []
        return [entry.to_dict(self._at) for entry in chosen]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._seq = 0
