"""CPU time of a server process and its descendants, from /proc (Linux): the bench's noise-proof measure.

On a busy machine req/s and latencies move with everyone else's load, but the CPU time a server spends
per request, and while idle, is its own. granian serves from a child process, hence the whole tree.
"""

import os
from pathlib import Path

__all__ = ["TICKS_PER_S", "tree_cpu_s"]

TICKS_PER_S = os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text(encoding="ascii").split()]
        except OSError:
            continue
    return found


def _own_cpu_ticks(pid: int) -> int:
    # Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def tree_cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of `pid` and all its live descendants; None when /proc cannot tell."""
    total, pending, seen = 0, [pid], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            total += _own_cpu_ticks(current)
        except (OSError, ValueError, IndexError):
            if current == pid:
                return None
            continue
        pending += _children(current)
    return total / TICKS_PER_S
