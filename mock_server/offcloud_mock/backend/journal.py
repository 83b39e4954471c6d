"""The request journal: what the mock was asked, for tests and the control plane to inspect.

Bounded (the oldest entries go first) so that a long benchmark cannot exhaust memory, and thread-safe.
Each entry keeps a bounded summary of the request's parameters, not the parameters themselves (a
refused 1 MB add once kept 1.2 MB): strings are cut at MAX_STRING_CHARS, lists and objects at
MAX_ITEMS members, nesting at MAX_DEPTH, and a whole entry at MAX_TEXT_CHARS characters of text in
MAX_VALUES values; what is cut says how much there was ("... (70000 characters)"). An everyday entry
is unchanged, and costs about 0.4 KB; none costs more than about 4 KB.
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

__all__ = ["MASK", "MAX_DEPTH", "MAX_ITEMS", "MAX_STRING_CHARS", "MAX_TEXT_CHARS", "MAX_VALUES", "Journal"]

MASK = "***"
MAX_STRING_CHARS = 256  # of one string (a magnet link with a few trackers fits)
MAX_ITEMS = 20  # members of one list or object (a /api/cache batch keeps its first 20 hashes)
MAX_DEPTH = 4  # the deepest body of the API is 2 levels
MAX_TEXT_CHARS = 1024  # of all the strings of one entry together
MAX_VALUES = 48  # strings, numbers, lists and objects of one entry together
_MAX_INT = 2**63  # larger integers are kept as their first digits, as a string
_CUT = "..."


class _Budget:
    """What is left to spend on one entry's summary."""

    __slots__ = ("text", "values")

    def __init__(self) -> None:
        self.text = MAX_TEXT_CHARS
        self.values = MAX_VALUES


def _cut_text(text: str, budget: _Budget, most: int = MAX_STRING_CHARS) -> str:
    keep = max(0, min(len(text), most, budget.text))
    budget.text -= keep
    return text if keep == len(text) else f"{text[:keep]}{_CUT} ({len(text)} characters)"


_SCALARS = (int, float, bool, type(None))


def _small_summary(params: dict[str, object]) -> dict[str, object] | None:
    """The summary of everyday parameters (a few short strings and numbers), which is themselves with
    their secrets masked, found in one pass; None when any bound could be reached (then `_summary`)."""
    if len(params) > MAX_ITEMS:
        return None
    text = 0
    fields: dict[str, object] = {}
    for name, value in params.items():
        if type(value) is str:
            text += len(value)
            if len(value) > MAX_STRING_CHARS:
                return None
        elif type(value) not in _SCALARS or (type(value) is int and not -_MAX_INT < value < _MAX_INT):
            return None
        if type(name) is not str or len(name) > 64:
            return None
        text += len(name)
        fields[name] = MASK if is_secret(name) else value
    return fields if text <= MAX_TEXT_CHARS else None


def _summary(value: object, budget: _Budget, depth: int = 0) -> object:
    """`value` with its secrets masked, within the bounds above (spent from `budget`)."""
    budget.values -= 1
    if isinstance(value, str):
        return _cut_text(value, budget)
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return value
    if isinstance(value, int):
        return value if -_MAX_INT < value < _MAX_INT else _cut_text(str(value), budget, 20)
    if isinstance(value, dict):
        fields: dict[str, object] = {}
        for name, item in value.items():
            if len(fields) >= MAX_ITEMS or depth >= MAX_DEPTH or budget.values <= 0:
                fields[_CUT] = f"{len(value) - len(fields)} more fields"
                break
            key = _cut_text(str(name), budget, 64)
            fields[key] = MASK if is_secret(str(name)) else _summary(item, budget, depth + 1)
        return fields
    if isinstance(value, list | tuple):
        items: list[object] = []
        for item in value:
            if len(items) >= MAX_ITEMS or depth >= MAX_DEPTH or budget.values <= 0:
                items.append(f"{_CUT} {len(value) - len(items)} more items")
                break
            items.append(_summary(item, budget, depth + 1))
        return items
    return _cut_text(repr(value), budget, 64)  # nothing else comes from a request body


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
        # Masked now: the secret must never be stored.
        small = _small_summary(params)
        params_copy = small if small is not None else _summary(params, _Budget())
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
