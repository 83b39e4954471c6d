"""What one load run measured, whichever generator produced it."""

from dataclasses import asdict, dataclass, field

__all__ = ["LoadResult"]


@dataclass(frozen=True, slots=True)
class LoadResult:
    generator: str  # "wrk 4.1.0" or "asyncio": every number says which tool produced it
    connections: int
    duration_s: float
    requests: int
    p50_ms: float
    p99_ms: float
    errors: int  # socket errors, timeouts and answers of 400 or above
    error_kinds: dict[str, int] = field(default_factory=dict)  # wrk's: connect, read, write, status, timeout
    # CPU time the server process tree spent per request during the run (from /proc): unlike req/s and
    # latencies, other processes on a busy machine barely move it. None when /proc could not tell.
    server_cpu_us: float | None = None

    @property
    def rps(self) -> float:
        return self.requests / self.duration_s if self.duration_s > 0 else 0.0

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "rps": self.rps}
