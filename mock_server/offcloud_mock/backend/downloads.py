"""A download and its lifecycle.

The status of a download is computed from the mock clock when asked (`status_at(now)`): no background
threads move it, so a frozen clock gives the same answer every time and tests steer it with `advance()`.

    created -> queued -> downloading -> [processing (multi-file)] -> [uploading (remote)] -> downloaded

An attempt that must fail (attempt <= content.fails) turns "error" once its share of the bytes is done.
Cached content added to the cloud is "downloaded" at once; instant downloads stay "created"; "canceled"
only exists when forced.
"""

import math
from dataclasses import dataclass, field
from typing import Final, Literal
from urllib.parse import quote

from offcloud_mock.backend.errors import BadRequest, shown
from offcloud_mock.backend.fake_internet import Content
from offcloud_mock.backend.progress import WORKING_MESSAGES, Reading, Timeline, reading_at, standard_timeline
from offcloud_mock.backend.scenario import ResourceFile, Timing

__all__ = [
    "FINISHED_STATUSES",
    "PROGRESS_ORDER",
    "SERVERS",
    "STATUSES",
    "Download",
    "DownloadKind",
    "DownloadProgress",
    "DownloadSnapshot",
]

DownloadKind = Literal["instant", "cloud", "remote"]

# The order a download that does not fail goes through; used to check that status never goes back.
PROGRESS_ORDER: Final = ("created", "queued", "downloading", "processing", "uploading", "downloaded")
STATUSES: Final = (*PROGRESS_ORDER, "error", "canceled")
FINISHED_STATUSES: Final = frozenset({"downloaded", "error", "canceled"})
_BELOW_ONE: Final = math.nextafter(1.0, 0.0)  # a working download never reads 1
# Host prefixes of download links; the real server shows names like these.
SERVERS: Final = ("de-1", "de-3", "de-7", "fr-2", "fr-5", "nl-1")


@dataclass(frozen=True, slots=True)
class DownloadProgress:
    status: str
    amount: int  # bytes done
    speed: int | None = None  # bytes per second, only while downloading
    downloading_ms: int | None = None  # since this attempt started downloading, only while downloading
    error_message: str | None = None  # only on error


@dataclass(slots=True, eq=False)
class Download:
    request_id: str
    user_id: str
    kind: DownloadKind
    original_link: str
    content: Content
    timing: Timing
    server: str
    created_at: float  # mock seconds since the clock's start
    created_on: str  # the same moment as the real server formats it
    remote_option_id: str | None = None
    folder_id: str | None = None
    attempt: int = 1
    forced_status: str | None = None
    attempt_started_at: float = field(init=False)

    def __post_init__(self) -> None:
        self.attempt_started_at = self.created_at

    @property
    def file_name(self) -> str:
        return self.content.name

    @property
    def files(self) -> tuple[ResourceFile, ...]:
        return self.content.files

    @property
    def size(self) -> int:
        return self.content.size

    @property
    def site(self) -> str:
        return self.content.site

    @property
    def _speed(self) -> int:
        return self.content.speed or self.timing.default_speed

    def status_at(self, now: float) -> DownloadProgress:
        if self.forced_status is not None:
            return self._pinned(self.forced_status)
        if self.kind == "instant":
            return DownloadProgress("created", 0)
        size = self.content.size
        if self.kind == "cloud" and self.content.cached:
            return DownloadProgress("downloaded", size)
        timing = self.timing
        elapsed = now - self.attempt_started_at
        if elapsed < timing.created_seconds:
            return DownloadProgress("created", 0)
        elapsed -= timing.created_seconds
        if elapsed < timing.queued_seconds:
            return DownloadProgress("queued", 0)
        elapsed -= timing.queued_seconds
        speed = self._speed
        if self.attempt <= self.content.fails:
            failed_at = int(size * timing.fail_after_fraction)
            if elapsed * speed >= failed_at:
                return DownloadProgress("error", failed_at, error_message=self.content.error_message)
        transfer_seconds = size / speed
        if elapsed < transfer_seconds:
            amount = min(size, int(elapsed * speed))
            return DownloadProgress("downloading", amount, speed, int(elapsed * 1000))
        elapsed -= transfer_seconds
        if self.content.is_multi_file:
            if elapsed < timing.processing_seconds:
                return DownloadProgress("processing", size)
            elapsed -= timing.processing_seconds
        if self.kind == "remote" and elapsed < timing.uploading_seconds:
            return DownloadProgress("uploading", size)
        return DownloadProgress("downloaded", size)

    def _pinned(self, status: str) -> DownloadProgress:
        """A forced status, with an amount that fits it."""
        size = self.content.size
        if status == "downloading":
            amount = size // 2
            return DownloadProgress(status, amount, self._speed, amount * 1000 // self._speed)
        if status == "error":
            failed_at = int(size * self.timing.fail_after_fraction)
            return DownloadProgress(status, failed_at, error_message=self.content.error_message)
        if status in ("processing", "uploading", "downloaded"):
            return DownloadProgress(status, size)
        return DownloadProgress(status, 0)

    def reading_at(self, now: float) -> Reading:
        """The 2026 view of `status_at(now)`: the same status, with `progress` and `message` (progress.py).

        `progress` grows with the attempt's time (0 while created/queued) and is None once finished;
        `message` is the working text, the error text on error, None once downloaded or canceled.
        """
        state = self.status_at(now)
        status = state.status
        if status in FINISHED_STATUSES:
            return Reading(status, None, state.error_message if status == "error" else None)
        message = WORKING_MESSAGES.get(status)
        if self.forced_status is not None or self.kind == "instant":
            # No timeline behind a pinned status or an instant item: the share of the bytes done.
            fraction = state.amount / self.size if self.size else 0.0
            return Reading(status, min(fraction, _BELOW_ONE), message)
        reading = reading_at(self._timeline(), now - self.attempt_started_at)
        # The two computations agree but at the exact instant a phase ends (float rounding): then the
        # status of status_at wins and progress keeps the timeline's value, which only grows.
        progress = reading.progress if reading.progress is not None else _BELOW_ONE
        return Reading(status, progress, message)

    def _timeline(self) -> Timeline:
        """This attempt as progress.py's timeline: the phases status_at walks, with the same lengths."""
        timing, speed, size = self.timing, self._speed, self.content.size
        fails_after = None
        if self.attempt <= self.content.fails:
            failed_at = int(size * timing.fail_after_fraction)
            fails_after = timing.created_seconds + timing.queued_seconds + failed_at / speed
        return standard_timeline(
            created_seconds=timing.created_seconds,
            queued_seconds=timing.queued_seconds,
            transfer_seconds=size / speed,
            processing_seconds=timing.processing_seconds if self.content.is_multi_file else 0.0,
            uploading_seconds=timing.uploading_seconds if self.kind == "remote" else 0.0,
            fails_after=fails_after,
            error_message=self.content.error_message,
        )

    def retry(self, now: float) -> None:
        """Start the next attempt from "created"; only a download in error may be retried."""
        if self.status_at(now).status != "error":
            raise BadRequest("Only failed downloads can be retried.")
        self.attempt += 1
        self.attempt_started_at = now
        self.forced_status = None

    def force_status(self, status: str) -> None:
        """Pin the status (for tests and the control plane) until the next successful retry."""
        if status not in STATUSES:
            raise BadRequest(f"Unknown status {shown(status)}; expected one of {', '.join(STATUSES)}")
        self.forced_status = status

    def download_url(self) -> str:
        return f"https://{self.server}.offcloud.com/cloud/download/{self.request_id}"

    def file_urls(self) -> list[str]:
        """One link per file: indexed for multi-file content (as explore answers), by name otherwise."""
        base = self.download_url()
        if self.content.is_multi_file:
            return [f"{base}/{index}/{quote(file.name)}" for index, file in enumerate(self.files)]
        return [f"{base}/{quote(self.file_name)}"]

    def instant_url(self) -> str:
        """The link an instant download answers with: the file's name on the download host."""
        return (
            f"https://{self.server}.offcloud.com/instant/download/{self.request_id}/{quote(self.file_name)}"
        )

    def snapshot(self, now: float) -> "DownloadSnapshot":
        return DownloadSnapshot(self, self.status_at(now), self.attempt, self.forced_status, now)


@dataclass(frozen=True, slots=True)
class DownloadSnapshot:
    """A download as of one moment: what every answer about a download is presented from."""

    download: Download
    progress: DownloadProgress
    attempt: int
    forced_status: str | None
    at: float = 0.0  # the mock time of the snapshot

    def reading(self) -> Reading:
        """The 2026 status of the download at the snapshot's time (computed only when asked)."""
        return self.download.reading_at(self.at)

    @property
    def request_id(self) -> str:
        return self.download.request_id

    @property
    def status(self) -> str:
        return self.progress.status
