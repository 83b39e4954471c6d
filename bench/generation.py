"""Section 6: how long `make generate` takes.

`make generate` rewrites generated_client/, which the bench must not touch, so what is timed is
`python generator/generate.py --check` (= `make check-generated`): the same generation, with the same
config, templates and ruff post-hooks, into a temporary folder, plus a byte-for-byte compare that takes
milliseconds. Timed as a whole subprocess, interpreter start-up and imports included, as a user waits.
"""

import subprocess
import sys
import time

from bench import REPO_ROOT
from bench.stats import spread

__all__ = ["run_generation"]


def run_generation(runs: int) -> dict[str, object]:
    seconds: list[float] = []
    exit_codes: list[int] = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "generator/generate.py", "--check"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        seconds.append(time.perf_counter() - started)
        exit_codes.append(done.returncode)
        if done.returncode not in (0, 1):  # 1: the committed client differs, the timing still holds
            raise RuntimeError(
                f"generator/generate.py --check exited {done.returncode}: {done.stderr[-1500:]}"
            )
    return {
        "command": "python generator/generate.py --check",
        "seconds": spread(seconds).as_dict(),
        "exit_codes": exit_codes,
        "committed_client_current": all(code == 0 for code in exit_codes),
    }
