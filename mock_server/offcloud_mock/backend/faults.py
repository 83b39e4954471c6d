"""Fault injection: which of the next requests should misbehave, and how. Data only.

The registry only says what to do; the HTTP layer does it (waits, answers an error status or an HTML page,
or drops the connection). A fault applies to the next `count` requests of one operation, or of any
operation when its operation id is "*". Faults are taken in the order they were added.
"""

import math
import threading
from dataclasses import asdict, dataclass

from offcloud_mock.backend.errors import BadRequest, shown

__all__ = [
    "ANY_OPERATION",
    "MAX_COUNT",
    "MAX_LATENCY",
    "MAX_PENDING",
    "MAX_RETRY_AFTER",
    "Fault",
    "FaultRegistry",
]

ANY_OPERATION = "*"
# Bounded: no client waits longer than a test would anyway. The servers wait out a latency without a
# thread (the answer is sent later); in-process, the caller's own thread sleeps through it.
MAX_LATENCY = 30.0
MAX_RETRY_AFTER = 86_400.0  # a day: longer is no retry at all
MAX_COUNT = 10_000  # requests one fault applies to
MAX_PENDING = 1_000  # faults waiting at once


@dataclass(frozen=True, slots=True)
class Fault:
    """One misbehaviour: an error status, an HTML page (with its own status), or a dropped connection.

    Latency may come with any of them. An HTML page may have any status from 200 (a captive portal or a
    misrouted proxy answering "200 OK" with a page where JSON was due) to 599; it defaults to 502.
    """

    id: int
    operation_id: str
    status: int | None = None  # answer this HTTP status (with the usual error body, or the HTML page)
    retry_after: float | None = None  # seconds for a Retry-After header; only with a status
    latency: float = 0.0  # seconds to wait before answering (or dropping)
    html: bool = False  # answer an HTML page instead of JSON, as a misconfigured proxy would
    drop: bool = False  # close the connection without an answer

    def matches(self, operation_id: str) -> bool:
        return self.operation_id in (operation_id, ANY_OPERATION)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(slots=True)
class _Entry:
    fault: Fault
    remaining: int


def _check(
    operation_id: str,
    status: int | None,
    retry_after: float | None,
    latency: float,
    html: bool,
    drop: bool,
    count: int,
) -> None:
    if not operation_id:
        raise BadRequest("operation_id must not be empty")
    if drop and (status is not None or html):
        raise BadRequest("a dropped connection has no status and no page")
    if status is not None and html and not 200 <= status <= 599:
        raise BadRequest(f"an HTML page's status must be 200 to 599, not {status}")
    if status is None and not html and not drop and latency == 0:
        raise BadRequest("a fault needs an effect: status, html, drop or latency")
    if status is not None and not html and not 400 <= status <= 599:
        raise BadRequest(f"status must be an error status (400 to 599), not {status}")
    if retry_after is not None and (
        status is None or not math.isfinite(retry_after) or not 0 <= retry_after <= MAX_RETRY_AFTER
    ):
        raise BadRequest(
            f"retry_after needs a status and must be a number of seconds from 0 to {MAX_RETRY_AFTER:g}"
        )
    if not (math.isfinite(latency) and 0 <= latency <= MAX_LATENCY):
        raise BadRequest(
            f"latency must be a number of seconds from 0 to {MAX_LATENCY:g}, not {shown(latency)}"
        )
    if not 1 <= count <= MAX_COUNT:
        raise BadRequest(f"count must be from 1 to {MAX_COUNT}, not {shown(count)}")


class FaultRegistry:
    """Thread-safe: many request threads may take faults at once, each fault is used `count` times."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[_Entry] = []
        self._next_id = 1

    def add(
        self,
        operation_id: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
        latency: float = 0.0,
        html: bool = False,
        drop: bool = False,
        count: int = 1,
    ) -> dict[str, object]:
        """Register a fault for the next `count` requests; BadRequest for a fault that makes no sense."""
        _check(operation_id, status, retry_after, latency, html, drop, count)
        with self._lock:
            if len(self._entries) >= MAX_PENDING:
                raise BadRequest(f"at most {MAX_PENDING} faults may wait at once; clear some first")
            seconds = None if retry_after is None else float(retry_after)
            fault = Fault(self._next_id, operation_id, status, seconds, float(latency), html, drop)
            self._next_id += 1
            self._entries.append(_Entry(fault, count))
            return {**fault.to_dict(), "count": count}

    def take(self, operation_id: str) -> Fault | None:
        """The first fault matching the operation, used up once; None when the request should succeed."""
        with self._lock:
            for index, entry in enumerate(self._entries):
                if entry.fault.matches(operation_id):
                    entry.remaining -= 1
                    if entry.remaining == 0:
                        del self._entries[index]
                    return entry.fault
            return None

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def list(self) -> list[dict[str, object]]:
        """The pending faults in the order they will be taken, each with its remaining count."""
        with self._lock:
            return [{**entry.fault.to_dict(), "count": entry.remaining} for entry in self._entries]
