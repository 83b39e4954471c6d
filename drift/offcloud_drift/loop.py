"""From a drift report to a changed kit: the spec edited, the client regenerated, the mock told.

`drift apply` is this module's `apply_and_tell`; `drift pr` builds on it. Regeneration is the kit's own
generator (`generator/generate.py`, i.e. `make generate`), run only for the openapi.yaml of a source
checkout, which is the file the generator reads.
"""

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from offcloud_drift.apply import Applied, apply_report, read_report
from offcloud_drift.mock_told import Told, tell_mock
from offcloud_mock.spec import spec_path as kit_spec_path

__all__ = ["Outcome", "apply_and_tell", "default_spec", "render_applied"]


@dataclass(slots=True)
class Outcome:
    applied: Applied
    generated: str  # what became of the client: regenerated, not needed, skipped and why, failed
    told: Told | None


def default_spec() -> Path:
    return kit_spec_path()


def _generator_for(spec: Path) -> Path | None:
    generator = spec.resolve().parent / "generator" / "generate.py"
    return generator if generator.is_file() else None


def regenerate(spec: Path, say: Callable[[str], None]) -> str:
    generator = _generator_for(spec)
    if generator is None:
        return f"not regenerated: no generator/ beside {spec.name} (run `make generate` in the checkout)"
    done = subprocess.run(  # noqa: S603 - our own interpreter and the checkout's generator
        [sys.executable, str(generator)], capture_output=True, text=True, timeout=600, check=False
    )
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        say(output)
        return f"regeneration failed (exit {done.returncode}); see above"
    return output.splitlines()[-1] if output else "regenerated"


def apply_and_tell(
    report_path: Path,
    spec: Path,
    *,
    generate: bool = True,
    tell: bool = True,
    say: Callable[[str], None] = print,
) -> Outcome:
    applied = apply_report(read_report(report_path), spec)
    if not applied.changed:
        generated = "not needed: the spec did not change"
    elif not generate:
        generated = "not regenerated (asked not to): run `make generate`"
    elif spec.resolve() != default_spec().resolve():
        generated = f"not regenerated: the generator reads {default_spec().name} of the kit, not {spec}"
    else:
        generated = regenerate(spec, say)
    told = tell_mock(spec, applied.edits) if tell else None
    return Outcome(applied, generated, told)


def render_applied(outcome: Outcome, spec: Path) -> str:
    applied = outcome.applied
    lines = []
    if applied.changed:
        lines.append(f"{spec}: {len(applied.applied)} drift(s) applied")
        lines += [f"  - {line}" for line in applied.applied]
    else:
        lines.append(f"{spec}: nothing to apply, the spec already says all of it")
    if applied.already:
        lines.append(f"Already in the spec: {len(applied.already)}")
    if applied.left_out:
        lines.append("Left out (no change of the spec can say these):")
        lines += [f"  - {line}" for line in applied.left_out]
    lines.append(f"Client: {outcome.generated}")
    if applied.changed:
        lines.append('Describe each node marked "Seen from the server on ..., describe it." in the spec.')
    if outcome.told is not None:
        lines.append(outcome.told.text())
    return "\n".join(lines)
