"""Which operations each suite reached, and with which statuses: the data of the coverage matrix.

Suites record every answer they get (operationId, HTTP status) into the session's `REACH`; the final
matrix test reads it, and `save()` writes it to .cache/contract/reach.json for `python -m offcloud_contract`
to print after the run.
"""

import json
import threading
from collections import Counter, defaultdict
from pathlib import Path

from offcloud_contract.support.mock_handles import DEFAULT_ERA

__all__ = ["REACH", "REACH_FILE", "SUITES", "Reach", "era_of_label", "load"]

# `examples` (test_examples.py) records one answer per example run: 200 when the mock gave the example,
# 0 when it did not; its cell in the matrix is examples reached / examples the spec has.
SUITES = ("stateless", "stateful", "client", "examples")
_ROOT = Path(__file__).resolve().parents[4]
# In a checkout beside the sources; from an installed wheel, under the directory the run started in.
REACH_FILE = (
    (_ROOT if (_ROOT / "openapi.yaml").is_file() else Path.cwd()) / ".cache" / "contract" / "reach.json"
)

# suite -> target label (`kind:era`, Target.label) -> operationId -> status -> count
ReachData = dict[str, dict[str, dict[str, dict[int, int]]]]


def era_of_label(label: str) -> str:
    """The era of a target label `kind:era`; a bare kind (older reach files) is today's server."""
    return label.partition(":")[2] or DEFAULT_ERA


class Reach:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._data: defaultdict[str, defaultdict[str, defaultdict[str, Counter[int]]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(Counter))
        )

    def record(self, suite: str, target: str, operation_id: str, status: int) -> None:
        if suite not in SUITES:
            raise ValueError(f"unknown suite {suite!r}")
        with self._lock:
            self._data[suite][target][operation_id][status] += 1

    def recorder(self, suite: str, target: str) -> "Recorder":
        return Recorder(self, suite, target)

    def snapshot(self) -> ReachData:
        with self._lock:
            return {
                suite: {
                    target: {op: dict(statuses) for op, statuses in ops.items()}
                    for target, ops in targets.items()
                }
                for suite, targets in self._data.items()
            }

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def save(self, path: Path = REACH_FILE) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.snapshot(), indent=1, sort_keys=True), encoding="utf-8")


class Recorder:
    """What one suite run against one target records into."""

    def __init__(self, reach: Reach, suite: str, target: str) -> None:
        self.reach = reach
        self.suite = suite
        self.target = target
        self.local: Counter[tuple[str, int]] = Counter()  # this run's own answers

    def __call__(self, operation_id: str, status: int) -> None:
        self.local[(operation_id, status)] += 1
        self.reach.record(self.suite, self.target, operation_id, status)

    def succeeded(self, operation_id: str) -> int:
        return sum(n for (op, status), n in self.local.items() if op == operation_id and 200 <= status < 300)


def load(path: Path = REACH_FILE) -> ReachData:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {
        suite: {
            target: {op: {int(s): n for s, n in statuses.items()} for op, statuses in ops.items()}
            for target, ops in targets.items()
        }
        for suite, targets in raw.items()
    }


REACH = Reach()
