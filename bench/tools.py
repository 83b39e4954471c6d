"""Installing what the bench drives, on first use, each from its own registry, into folders it owns.

- wrk: Debian's package (apt-get) when it is missing; without it the asyncio generator is used.
- Prism: npm into .cache/prism/, pinned.
- orjson (only for the server and JSON comparisons): pip --target .cache/bench-extras/,
  --no-deps, so the project's .venv is never changed; the modules are put at the END of sys.path, so
  nothing there shadows a package of the venv.
- pytest-httpx (only for the fixture section, the plugin users compare ours with): the same way, into
  .cache/bench-pytest-httpx/, on the PYTHONPATH of that section's pytest process alone.
Every step is bounded by a timeout; a step that fails returns None and the bench says what it skipped.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bench import CACHE_DIR

__all__ = [
    "EXTRAS_DIR",
    "PRISM_VERSION",
    "PYTEST_HTTPX_VERSION",
    "ensure_extras",
    "ensure_prism",
    "ensure_pytest_httpx",
    "ensure_wrk",
    "prism_version",
    "wrk_version",
]

PRISM_VERSION = "5.16.0"
PRISM_DIR = CACHE_DIR / "prism"
EXTRAS_DIR = CACHE_DIR / "bench-extras"
EXTRAS = {"orjson": "3.13.0"}
PYTEST_HTTPX_DIR = CACHE_DIR / "bench-pytest-httpx"
PYTEST_HTTPX_VERSION = "0.36.2"  # needs httpx 0.28 and pytest 9, both in the venv
_INSTALL_TIMEOUT_S = 300


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _run(argv: list[str], env: dict[str, str] | None = None) -> bool:
    try:
        done = subprocess.run(  # noqa: S603 - fixed argv of ours
            argv, capture_output=True, text=True, timeout=_INSTALL_TIMEOUT_S, check=False, env=env
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        _log(f"{argv[0]} failed: {error}")
        return False
    if done.returncode != 0:
        _log(f"{' '.join(argv[:3])} exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return done.returncode == 0


def wrk_version(wrk: str) -> str:
    # `wrk --version` prints its banner and exits 1.
    done = subprocess.run([wrk, "--version"], capture_output=True, text=True, timeout=10, check=False)  # noqa: S603
    found = re.search(r"wrk (?:debian/)?(\d+\.\d+\.\d+)", done.stdout + done.stderr)
    return f"wrk {found.group(1)}" if found else "wrk"


def ensure_wrk() -> str | None:
    """The path of wrk, installing Debian's package as root when it is missing."""
    found = shutil.which("wrk")
    if found or shutil.which("apt-get") is None or os.geteuid() != 0:
        return found
    _log("installing wrk with apt-get")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if _run(["apt-get", "update", "-qq"], env) and _run(["apt-get", "install", "-y", "-qq", "wrk"], env):
        return shutil.which("wrk")
    return None


def prism_version() -> str | None:
    manifest = PRISM_DIR / "node_modules" / "@stoplight" / "prism-cli" / "package.json"
    if not manifest.is_file():
        return None
    version = json.loads(manifest.read_text(encoding="utf-8")).get("version")
    return version if isinstance(version, str) else None


def ensure_prism() -> Path | None:
    """The prism executable in .cache/prism/, installed with npm on first use."""
    binary = PRISM_DIR / "node_modules" / ".bin" / "prism"
    if binary.exists() and prism_version() == PRISM_VERSION:
        return binary
    npm = shutil.which("npm")
    if npm is None:
        _log("npm not found: Prism will not be measured")
        return None
    _log(f"installing @stoplight/prism-cli@{PRISM_VERSION} into {PRISM_DIR}")
    PRISM_DIR.mkdir(parents=True, exist_ok=True)
    argv = [npm, "install", "--prefix", str(PRISM_DIR), "--no-audit", "--no-fund"]
    if _run([*argv, f"@stoplight/prism-cli@{PRISM_VERSION}"]) and binary.exists():
        return binary
    return None


def _installed(folder: Path, pins: dict[str, str]) -> bool:
    return all(
        (folder / f"{name.replace('-', '_')}-{version}.dist-info").is_dir() for name, version in pins.items()
    )


def _ensure_target(folder: Path, pins: dict[str, str]) -> Path | None:
    """`pins` in `folder` (pip --target, --no-deps: the venv is never changed), installed on first use."""
    if _installed(folder, pins):
        return folder
    _log(f"installing {', '.join(f'{n}=={v}' for n, v in pins.items())} into {folder}")
    argv = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps"]
    argv += ["--target", str(folder), *(f"{n}=={v}" for n, v in pins.items())]
    if _run(argv) and _installed(folder, pins):
        return folder
    return None


def ensure_extras() -> Path | None:
    """orjson in .cache/bench-extras/ (for the comparisons only), installed on first use."""
    return _ensure_target(EXTRAS_DIR, EXTRAS)


def ensure_pytest_httpx() -> Path | None:
    """pytest-httpx in .cache/bench-pytest-httpx/ (for the fixture section only), installed on first use."""
    return _ensure_target(PYTEST_HTTPX_DIR, {"pytest-httpx": PYTEST_HTTPX_VERSION})
