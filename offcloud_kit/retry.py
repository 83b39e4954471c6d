"""When a failed call is repeated, and how long to wait before the next attempt.

Only operations that change nothing on the server are repeated by default: repeating `addCloudDownload`
after a dropped connection could add the download twice (or count twice against the account's link
limit), so creating operations are repeated only when the caller opts in with `retry_unsafe=True`.

Worth repeating: no answer at all (APIConnectionError, APITimeoutError), HTTP 429, 502, 503 and 504.
Every other answer is the server's considered verdict, and repeating it would only give it again.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from offcloud_kit.errors import APIConnectionError, OffcloudError, RateLimitError, ServerError

__all__ = ["RETRY_STATUSES", "SAFE_OPERATIONS", "RetryPolicy", "is_retryable", "parse_retry_after"]

RETRY_STATUSES: frozenset[int] = frozenset({429, 502, 503, 504})

# operationIds (openapi.yaml) that only read: repeating them cannot change anything on the server.
SAFE_OPERATIONS: frozenset[str] = frozenset(
    {
        "getCloudStatus",
        "getRemoteStatus",
        "exploreCloudDownload",
        "listCloudDownloadLinks",
        "checkCache",
        "listProxies",
        "listRemoteAccounts",
        "checkLogin",
        # beyond the documentation (openapi.yaml `undocumented`); removal, upload, cache download and the
        # device login are not repeated
        "getCloudHistory",
        "getInstantHistory",
        "getAccountInfo",
        "getAccountStats",
        "listSites",
        "getCacheInfo",
    }
)


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter, as the Stainless SDKs do it.

    The wait before retry n (n = 0, 1, ...) is `min(max_delay, initial_delay * 2**n)`, shortened by a
    random share of up to `jitter` (so many clients that failed together do not return together). A
    Retry-After header replaces that computation, capped at `max_retry_after`.
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    jitter: float = 0.25
    retry_statuses: frozenset[int] = RETRY_STATUSES

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, not {self.max_retries}")
        if not (0 <= self.initial_delay <= self.max_delay):
            raise ValueError("delays must satisfy 0 <= initial_delay <= max_delay")
        if not 0 <= self.jitter <= 1:
            raise ValueError(f"jitter must be between 0 and 1, not {self.jitter}")

    def backoff(self, retry_number: int, random: Callable[[], float]) -> float:
        """The jittered exponential wait before retry `retry_number` (0 for the first retry)."""
        base = min(self.max_delay, self.initial_delay * 2.0**retry_number)
        return base * (1.0 - self.jitter * random())

    def delay(self, error: OffcloudError, retry_number: int, random: Callable[[], float]) -> float:
        """How long to wait before retrying after `error`: its Retry-After (capped), else the backoff."""
        if isinstance(error, RateLimitError | ServerError) and error.retry_after is not None:
            return min(error.retry_after, self.max_retry_after)
        return self.backoff(retry_number, random)

    def is_retryable(self, error: OffcloudError) -> bool:
        return is_retryable(error, self.retry_statuses)


def is_retryable(error: OffcloudError, statuses: frozenset[int] = RETRY_STATUSES) -> bool:
    """Whether `error` is a transient failure (no answer, or one of `statuses`), whatever the operation."""
    if isinstance(error, APIConnectionError):
        return True
    return isinstance(error, RateLimitError | ServerError) and error.status in statuses


def parse_retry_after(value: str | None, now: Callable[[], datetime] | None = None) -> float | None:
    """A Retry-After header in seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        seconds = (moment - (now or (lambda: datetime.now(UTC)))()).total_seconds()
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)
