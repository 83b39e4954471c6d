"""Section 5: status-poll latency and memory with 100, 10,000 and 100,000 downloads in the mock, and
what a journal entry and an uploaded torrent keep (bench.memory).

Each size runs in a fresh process (bench.scale_probe). Within a run the processes of every size are alive
at once and polled in turns, a block of polls each: the shared host's speed was seen to change by a
third within seconds, and even a thread's CPU time follows it, so sizes measured one after another
differed by that much with no growth in the mock. Polls are in-process (Flask's test client), so the
number is the mock's own cost per poll, free of socket noise; the HTTP figures of section 1 show what a
server adds on top.
"""

import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass

from bench import REPO_ROOT
from bench.memory import memory_figures
from bench.stats import ratio, spread

__all__ = ["SIZES", "Sample", "run_scale"]

SIZES = (100, 10_000, 100_000)


@dataclass(frozen=True, slots=True)
class Sample:
    downloads: int
    poll_p50_us: float
    poll_p99_us: float
    poll_cpu_p50_us: float
    bytes_per_download: float
    rss_after_kb: int
    add_seconds: float

    @classmethod
    def from_json(cls, data: dict[str, object]) -> "Sample":
        poll, cpu = data["poll_us"], data["poll_cpu_us"]
        assert isinstance(poll, dict)  # our own probe's output
        assert isinstance(cpu, dict)
        return cls(
            downloads=int(str(data["downloads"])),
            poll_p50_us=float(poll["p50"]),
            poll_p99_us=float(poll["p99"]),
            poll_cpu_p50_us=float(cpu["p50"]),
            bytes_per_download=float(str(data["bytes_per_download"])),
            rss_after_kb=int(str(data["rss_after_kb"])),
            add_seconds=float(str(data["add_seconds"])),
        )


_BLOCK = 100


class _Probe:
    """One `bench.scale_probe` process: its state built, polled on command."""

    def __init__(self, downloads: int) -> None:
        self.downloads = downloads
        self._errors = tempfile.TemporaryFile("w+")  # noqa: SIM115 - closed by kill()
        self._process = subprocess.Popen(  # noqa: S603 - our own module
            [sys.executable, "-m", "bench.scale_probe", str(downloads)],
            cwd=REPO_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            text=True,
        )
        self._line()  # built: the probe idles until told to poll

    def _line(self) -> str:
        line = self._process.stdout.readline() if self._process.stdout else ""
        if not line:
            self._process.wait(timeout=30)
            self._errors.seek(0)
            raise RuntimeError(
                f"scale probe ({self.downloads}) failed: {self._errors.read().strip()[-1500:]}"
            )
        return line

    def _send(self, command: str) -> str:
        if self._process.stdin:
            self._process.stdin.write(command + "\n")
            self._process.stdin.flush()
        return self._line()

    def poll(self, count: int) -> None:
        self._send(f"poll {count}")

    def report(self) -> Sample:
        found = Sample.from_json(json.loads(self._send("report")))
        self._process.wait(timeout=30)
        return found

    def kill(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._errors.close()


def _one_run(sizes: Sequence[int], polls: int) -> list[Sample]:
    """Each size in its own process, all alive at once, polled in turns a block at a time."""
    probes: list[_Probe] = []
    try:
        for size in sizes:  # one after another: the time to add is each probe's alone
            probes.append(_Probe(size))
        for _ in range(max(1, polls // _BLOCK)):
            for probe in probes:
                probe.poll(_BLOCK)
        return [probe.report() for probe in probes]
    finally:
        for probe in probes:
            probe.kill()


def run_scale(runs: int, polls: int, sizes: Sequence[int] = SIZES) -> dict[str, object]:
    samples: dict[int, list[Sample]] = {size: [] for size in sizes}
    for _ in range(runs):
        for size, sample in zip(sizes, _one_run(sizes, polls), strict=True):
            samples[size].append(sample)
    memory = {size: spread([s.bytes_per_download for s in found]) for size, found in samples.items()}
    smallest, largest = samples[sizes[0]], samples[sizes[-1]]
    return {
        "polls_per_sample": polls,
        "sizes": [
            {
                "downloads": size,
                "poll_p50_us": spread([s.poll_p50_us for s in found]).as_dict(),
                "poll_cpu_p50_us": spread([s.poll_cpu_p50_us for s in found]).as_dict(),
                "poll_p99_us": spread([s.poll_p99_us for s in found]).as_dict(),
                "bytes_per_download": memory[size].as_dict(),
                "rss_after_kb": spread([s.rss_after_kb for s in found]).as_dict(),
                "add_seconds": spread([s.add_seconds for s in found]).as_dict(),
            }
            for size, found in samples.items()
        ],
        # Paired run by run (the sizes of one run polled in turns), through p50: a poll takes a fraction
        # of a millisecond, so its p99 is scheduler noise. The CPU-time ratio is the check on the wall one.
        "largest_over_smallest_p50": spread(
            [ratio(big.poll_p50_us, small.poll_p50_us) for big, small in zip(largest, smallest, strict=True)]
        ).as_dict(),
        "largest_over_smallest_cpu_p50": spread(
            [
                ratio(big.poll_cpu_p50_us, small.poll_cpu_p50_us)
                for big, small in zip(largest, smallest, strict=True)
            ]
        ).as_dict(),
        # Only the largest size grows RSS by more than the allocator's page-sized steps.
        "bytes_per_download": memory[sizes[-1]].median,
        "memory": memory_figures(),  # a journal entry and an uploaded torrent, beside a download
    }
