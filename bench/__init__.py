"""`make bench`: measurements of the Offcloud mock beside Stoplight Prism, run with `python -m bench`.

One module per concern: `stats` (percentiles, medians, spread), `mix` (the request mix), `wrk` and
`asyncload` (load generators), `tools` (installing wrk, Prism and the optional servers), `servers`
(starting the servers under test), `http_load`, `inprocess`, `scale`, `generation` and `profiling` (the
sections), `targets` (the goals judged PASS/MISS) and `report` (table and JSON).
"""

from pathlib import Path

from offcloud_mock.backend.demo import DEMO_KEY

__all__ = ["CACHE_DIR", "DEMO_KEY", "REPO_ROOT", "RESULTS_DIR"]

REPO_ROOT = Path(__file__).resolve().parent.parent
# Git-ignored; Prism's npm install and the optional servers' pip install live here.
CACHE_DIR = REPO_ROOT / ".cache"
RESULTS_DIR = REPO_ROOT / "bench" / "results"
