"""Following a cloud or remote download until it is done, failed, or out of time.

`follow()` is written as steps (see _steps): it polls the status through the same retrying call as
`cloud_status()`/`remote_status()`, reports a Progress after each poll, and sleeps between polls. The
clock it reads and the sleep the client performs are both injectable, so a test can drive the mock's
clock (`sleep=controls.advance`) instead of waiting.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from offcloud_client.types import UNSET, Unset

from offcloud_kit._steps import Notify, Sleep, Steps
from offcloud_kit.errors import DownloadFailedError, WaitTimeoutError

__all__ = ["DONE", "FAILED", "Progress", "StatusLike", "follow", "to_int"]

DONE = "downloaded"
FAILED = frozenset({"error", "canceled"})


class StatusLike(Protocol):
    """What CloudDownloadStatus and RemoteDownloadStatus have in common (read-only, hence properties)."""

    @property
    def request_id(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def amount(self) -> int | Unset: ...  # absent from 2026 status answers
    @property
    def file_size(self) -> int | str | Unset: ...
    @property
    def downloading_speed(self) -> int | str | Unset: ...
    @property
    def error_message(self) -> str | Unset: ...
    def to_dict(self) -> dict[str, object]: ...


S = TypeVar("S", bound=StatusLike)


def to_int(value: object) -> int | None:
    """A byte count as an int: legacy servers sent some as strings of digits; None when absent or garbled."""
    if isinstance(value, bool):  # bool is an int subclass, and never a byte count
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _share(value: object) -> float | None:
    """The 2026 `progress` (a 0-1 fraction), clamped; None when absent, null or not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return min(1.0, max(0.0, float(value)))


@dataclass(frozen=True, slots=True)
class Progress:
    """One poll of a download. `speed` is bytes per second while downloading, else None.

    The legacy server reports bytes (`amount` of `fileSize`, `downloadingSpeed`); the 2026 one a
    fraction (`progress`, kept as `share`) and a `message` (e.g. `Downloading...`, or the error), and no
    byte counts: there `bytes_done`, `bytes_total` and `speed` are None. `fraction` works in both.
    """

    request_id: str
    status: str
    bytes_done: int | None
    bytes_total: int | None
    speed: int | None
    share: float | None = None
    message: str | None = None

    @property
    def fraction(self) -> float | None:
        """Done between 0 and 1: the server's own share (2026), else bytes_done / bytes_total; None when
        unknown (no share, and bytes unknown or a total of zero)."""
        if self.share is not None:
            return self.share
        if self.bytes_done is None or not self.bytes_total:
            return None
        return min(1.0, max(0.0, self.bytes_done / self.bytes_total))

    @classmethod
    def of(cls, status: StatusLike) -> "Progress":
        # Only cloud statuses have the 2026 fields; remote ones are read as legacy.
        message = getattr(status, "message", None)
        share = _share(getattr(status, "progress", None))
        if status.status == DONE and getattr(status, "progress", UNSET) is None:
            share = 1.0  # the 2026 server nulls `progress` once done
        return cls(
            request_id=status.request_id,
            status=status.status,
            bytes_done=to_int(status.amount),  # None in 2026 (no `amount`): unknown, not zero
            bytes_total=to_int(status.file_size),
            speed=to_int(status.downloading_speed),
            share=share,
            message=message if isinstance(message, str) else None,
        )


def _failure_text(status: StatusLike) -> str | None:
    """Why a download failed: the legacy `errorMessage`, else the 2026 `message`."""
    if isinstance(status.error_message, str):
        return status.error_message
    message = getattr(status, "message", None)
    return message if isinstance(message, str) and message else None


def follow(
    request_id: str,
    poll: Callable[[], Steps[S]],
    *,
    operation: str,
    timeout: float | None,
    poll_interval: float,
    clock: Callable[[], float],
    on_progress: Callable[[Progress], object] | None,
) -> Steps[S]:
    """Poll until `downloaded` (return the status), `error`/`canceled` (DownloadFailedError) or timeout."""
    if poll_interval <= 0:
        raise ValueError(f"poll_interval must be above 0, not {poll_interval}")
    deadline = None if timeout is None else clock() + timeout
    while True:
        status = yield from poll()
        if on_progress is not None:
            yield Notify(on_progress, Progress.of(status))
        if status.status == DONE:
            return status
        if status.status in FAILED:
            error_message = _failure_text(status)
            raise DownloadFailedError(
                f"{operation}: download {request_id} ended in {status.status!r}"
                + (f": {error_message}" if error_message else ""),
                request_id=request_id,
                state=status.status,
                error_message=error_message,
                download=status,
                operation=operation,
                body=status.to_dict(),
            )
        delay = poll_interval
        if deadline is not None and timeout is not None:
            remaining = deadline - clock()
            if remaining <= 0:
                raise WaitTimeoutError(
                    f"{operation}: download {request_id} still {status.status!r} after {timeout:g} s",
                    request_id=request_id,
                    timeout=timeout,
                    last=status,
                    operation=operation,
                )
            delay = min(poll_interval, remaining)
        yield Sleep(delay)
