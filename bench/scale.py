"""Section 5: status-poll latency and memory with 100, 10,000 and 100,000 downloads in the mock.

Each size runs in a fresh process (bench.scale_probe); sizes are interleaved within a run. Polls are
in-process (Flask's test client), so the number is the mock's own cost per poll, free of socket noise;
the HTTP figures of section 1 show what a server adds on top.
"""

import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from bench import REPO_ROOT
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


def _probe(downloads: int, polls: int) -> Sample:
    done = subprocess.run(  # noqa: S603 - our own module
        [sys.executable, "-m", "bench.scale_probe", str(downloads), str(polls)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"scale probe ({downloads}) failed: {done.stderr.strip()[-1500:]}")
    return Sample.from_json(json.loads(done.stdout.strip().splitlines()[-1]))


def run_scale(runs: int, polls: int, sizes: Sequence[int] = SIZES) -> dict[str, object]:
    samples: dict[int, list[Sample]] = {size: [] for size in sizes}
    for _ in range(runs):
        for size in sizes:
            samples[size].append(_probe(size, polls))
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
        # Paired run by run (the sizes of one run are seconds apart), through p50: a poll takes a fraction
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
    }
