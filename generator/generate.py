"""Regenerate the committed client in generated_client/ from openapi.yaml, or check it is current.

    python generator/generate.py          rewrite generated_client/ (review the diff, then commit)
    python generator/generate.py --check  exit 1 if generated_client/ differs from a fresh generation

The output depends only on files in the repository (openapi.yaml, generator/config.yaml,
generator/templates/) and on the pinned versions of openapi-python-client and ruff, which are
checked first: the post-hooks run ruff --isolated --no-cache, so no ruff config outside the repo and
no .ruff_cache/ is involved, and nothing written contains a path or a time.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import fnmatch
import io
import os
import shutil
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml

if TYPE_CHECKING:
    from openapi_python_client.config import Config

REPO_ROOT = Path(__file__).resolve().parent.parent
SPEC = REPO_ROOT / "openapi.yaml"
CONFIG = REPO_ROOT / "generator" / "config.yaml"
TEMPLATES = REPO_ROOT / "generator" / "templates"
OUTPUT = REPO_ROOT / "generated_client"
OUTPUT_NAME = OUTPUT.name

# Other versions generate other code; the golden record would drift for reasons outside the repo.
PINNED_TOOLS = {"openapi-python-client": "0.29.1", "ruff": "0.17.5"}

# Left in generated_client/ by using it (imports, `pip install -e`, type checks), never generated.
IGNORED_NAMES = ("__pycache__", "*.pyc", "*.egg-info", ".mypy_cache", ".ruff_cache", ".pytest_cache")

DIFF_EXCERPT_LINES = 40


class GenerationError(Exception):
    """openapi-python-client reported problems, or the toolchain is not the pinned one."""


@dataclass(frozen=True)
class Difference:
    """One file that differs between a fresh generation and the committed tree."""

    path: str
    kind: Literal["differs", "missing", "extra"]
    diff: str = ""

    def describe(self) -> str:
        what = {
            "differs": "differs",
            "missing": "missing (generated, not committed)",
            "extra": "extra (committed, not generated)",
        }[self.kind]
        return f"{what}: {self.path}" + (f"\n{self.diff}" if self.diff else "")


def check_toolchain() -> None:
    """Fail unless the pinned generator and ruff are the ones installed next to this interpreter."""
    for package, pinned in PINNED_TOOLS.items():
        installed = version(package)
        if installed != pinned:
            raise GenerationError(f"{package} {installed} is installed; the golden record needs {pinned}")


@contextlib.contextmanager
def _scripts_first_on_path() -> Iterator[None]:
    """Make the post-hooks' `python` this interpreter's environment, whose ruff is the pinned one."""
    scripts = sysconfig.get_path("scripts")
    found = shutil.which("python", path=scripts)
    if found is None:
        raise GenerationError(f"no `python` in {scripts}: run generate.py with a virtualenv's interpreter")
    saved = os.environ.get("PATH")
    os.environ["PATH"] = os.pathsep.join([scripts, *([saved] if saved else [])])
    try:
        yield
    finally:
        if saved is None:
            del os.environ["PATH"]
        else:
            os.environ["PATH"] = saved


def check_class_overrides(config: Config, spec: Path) -> None:
    """Fail on a config class_override that names no schema: it would silently do nothing."""
    from openapi_python_client.strings import ClassName

    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    schemas = document.get("components", {}).get("schemas", {})
    known = {ClassName(name, config.field_prefix) for name in schemas}
    stale = sorted(set(config.class_overrides) - known)
    if stale:
        raise GenerationError(
            f"class_overrides in {CONFIG.name} match no schema of {spec.name}: {', '.join(stale)}"
        )


def generate_into(parent: Path, spec: Path = SPEC) -> Path:
    """Generate the client from `spec` into `parent`/generated_client and return that folder."""
    # Imported here so that `--help` and the toolchain check work without importing the generator.
    from jinja2 import TemplateError
    from openapi_python_client import generate
    from openapi_python_client.config import Config, ConfigFile, MetaType

    check_toolchain()
    if not spec.is_file():
        raise GenerationError(f"{spec} not found")
    destination = parent / OUTPUT_NAME
    config = Config.from_sources(
        ConfigFile.load_from_path(CONFIG),
        MetaType.UV,
        spec,
        "utf-8",
        overwrite=False,
        output_path=destination,
    )
    check_class_overrides(config, spec)
    # generate() prints "Generating <temporary path>"; our own messages say what matters.
    with _scripts_first_on_path(), contextlib.redirect_stdout(io.StringIO()):
        try:
            problems = generate(config=config, custom_template_path=TEMPLATES)
        except TemplateError as error:
            # A template stopped on purpose (pyproject.toml.jinja calls an undefined name whose
            # name says what to update) or is broken: say which, without a traceback.
            raise GenerationError(f"a template in {TEMPLATES.name}/ failed: {error}") from error
    if problems:
        # Warnings too: a skipped operation or model, or a post-hook that did not run, means the
        # client is incomplete or unformatted.
        details = "\n".join(f"- [{p.level.value}] {p.header}: {p.detail or ''}".rstrip() for p in problems)
        raise GenerationError(f"openapi-python-client reported problems:\n{details}")
    return destination


def _is_ignored(name: str) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in IGNORED_NAMES)


def _files(root: Path) -> dict[str, Path]:
    """Relative POSIX path -> file, for every file under `root` outside IGNORED_NAMES."""
    found: dict[str, Path] = {}
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not _is_ignored(name))
        for name in files:
            if not _is_ignored(name):
                path = Path(folder) / name
                found[path.relative_to(root).as_posix()] = path
    return found


def _diff_excerpt(relative: str, committed: bytes, generated: bytes) -> str:
    lines = list(
        difflib.unified_diff(
            committed.decode("utf-8", errors="replace").splitlines(),
            generated.decode("utf-8", errors="replace").splitlines(),
            fromfile=f"committed/{relative}",
            tofile=f"generated/{relative}",
            lineterm="",
        )
    )
    if len(lines) > DIFF_EXCERPT_LINES:
        lines = [*lines[:DIFF_EXCERPT_LINES], f"... ({len(lines) - DIFF_EXCERPT_LINES} more diff lines)"]
    if not lines:  # same text, different bytes: line endings or encoding
        lines = ["(the files differ in bytes only, e.g. line endings)"]
    return "\n".join(f"    {line}" for line in lines)


def compare_trees(generated: Path, committed: Path) -> list[Difference]:
    """Every file that is not byte-for-byte the same in both trees, sorted by path."""
    generated_files = _files(generated) if generated.is_dir() else {}
    committed_files = _files(committed) if committed.is_dir() else {}
    differences: list[Difference] = []
    for relative in sorted(generated_files.keys() | committed_files.keys()):
        if relative not in committed_files:
            differences.append(Difference(relative, "missing"))
        elif relative not in generated_files:
            differences.append(Difference(relative, "extra"))
        else:
            new = generated_files[relative].read_bytes()
            old = committed_files[relative].read_bytes()
            if new != old:
                differences.append(Difference(relative, "differs", _diff_excerpt(relative, old, new)))
    return differences


def regenerate(spec: Path = SPEC, output: Path = OUTPUT) -> None:
    """Replace `output` with a fresh generation (staged next to it, then swapped by two renames)."""
    with tempfile.TemporaryDirectory(prefix=".generate-", dir=output.parent) as staging:
        fresh = generate_into(Path(staging), spec)
        previous = Path(staging) / "previous"
        if output.exists():
            output.rename(previous)
        try:
            fresh.rename(output)
        except OSError:
            if previous.exists():
                previous.rename(output)
            raise
        # The old tree goes away with the staging folder.


def check(spec: Path = SPEC, committed: Path = OUTPUT) -> list[Difference]:
    """Generate into a temporary folder and compare it with the committed tree."""
    with tempfile.TemporaryDirectory(prefix="offcloud-generate-") as scratch:
        return compare_trees(generate_into(Path(scratch), spec), committed)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare a fresh generation with generated_client/; exit 1 on any difference",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        # Module globals looked up at call time, so a test can point them elsewhere.
        if args.check:
            differences = check(SPEC, OUTPUT)
        else:
            regenerate(SPEC, OUTPUT)
            differences = []
    except GenerationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    elapsed = time.monotonic() - started
    if differences:
        print(f"{OUTPUT_NAME}/ does not match openapi.yaml and generator/ ({len(differences)} files):")
        for difference in differences:
            print(f"  {difference.describe()}")
        print("run `make generate` and commit the result")
        return 1
    done = "is up to date" if args.check else "regenerated"
    print(f"{OUTPUT_NAME}/ {done} ({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
