"""`python -m bench` (`make bench`): run the sections, print the table, write bench/results/*.json.

python -m bench                      every default section, 3 runs each
python -m bench --quick              1 run, shorter loads, fewer examples: a smoke run of a few minutes
python -m bench --only http,scale    some sections (http, inprocess, endpoints, fixture, scale, generate, profile, servers)
python -m bench --only servers       the mock under other servers and settings (not in the default)
python -m bench --render FILE        print the table of a saved run again
"""

import argparse
import json
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from bench import REPO_ROOT, RESULTS_DIR
from bench.goals import judge
from bench.report import render, write_results
from bench.sections import DEFAULT_SECTIONS, SECTIONS, Options, run_section

__all__ = ["main"]


def _sections(text: str) -> tuple[str, ...]:
    chosen = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in chosen if name not in SECTIONS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"sections are {', '.join(SECTIONS)}; not {', '.join(unknown) or text!r}"
        )
    return chosen


def _connections(text: str) -> tuple[int, ...]:
    try:
        counts = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"a comma-separated list of numbers, not {text!r}") from None
    if not counts or any(count < 1 or count > 256 for count in counts):
        raise argparse.ArgumentTypeError("connection counts must be within 1..256")
    return counts


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="1 run, 2 s loads, fewer examples and calls")
    parser.add_argument("--runs", type=int, help="runs per measurement (default 3; --quick 1)")
    parser.add_argument("--duration", type=float, help="seconds per load (default 5; --quick 2)")
    parser.add_argument("--connections", type=_connections, default=(1, 8, 32), help="default 1,8,32")
    parser.add_argument("--only", type=_sections, help=f"comma-separated sections: {', '.join(SECTIONS)}")
    parser.add_argument(
        "--out", type=Path, default=RESULTS_DIR, help="results folder (default bench/results)"
    )
    parser.add_argument("--render", type=Path, metavar="FILE", help="print a saved results file and exit")
    return parser


def _commit() -> str:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607 - git from PATH, as make finds it
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except OSError:
        return "?"
    return done.stdout.strip() or "?"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.render:
        print(render(json.loads(args.render.read_text(encoding="utf-8"))))
        return 0
    if args.runs is not None and not 1 <= args.runs <= 20:
        raise SystemExit("--runs must be within 1..20")
    if args.duration is not None and not 1 <= args.duration <= 120:
        raise SystemExit("--duration must be within 1..120 seconds")
    options = Options.make(args.quick, args.runs, args.duration, args.connections)
    started = datetime.now(UTC)
    results: dict[str, object] = {
        "meta": {
            "started": started.isoformat(timespec="seconds"),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "commit": _commit(),
            "loadavg_1min_start": os.getloadavg()[0],
            "options": {"quick": args.quick, **asdict(options)},
        }
    }
    for name in args.only or DEFAULT_SECTIONS:
        results[name] = run_section(name, options)
    results["targets"] = [verdict.as_dict() for verdict in judge(results)]
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    stamped, latest = write_results(results, args.out, stamp)
    print(render(results))
    print(
        f"\nwritten: {stamped.relative_to(REPO_ROOT) if stamped.is_relative_to(REPO_ROOT) else stamped}, {latest.name}"
    )
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
