"""`make drift`'s code run by a test against a served mock (the `upstream` fixture starts one), and what
the run left: exit code, report, messages, files."""

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from offcloud_drift.run import DriftSettings, run_drift
from tests.drift.values import BUNNY_MAGNET, EMAIL, PLANTED_KEY, PLANTED_PASSWORD

__all__ = ["Outcome", "PlantedRun", "UpstreamFactory", "run", "settings_for"]

UpstreamFactory = Callable[..., str]


@dataclass
class Outcome:
    code: int
    report: dict[str, Any]
    messages: list[str]
    directory: Path

    @property
    def items(self) -> set[tuple[str, str, str]]:
        return {
            (op["operation"], finding["kind"], finding["where"])
            for op in self.report["operations"]
            for finding in op["findings"]
        }

    def written_files(self) -> list[Path]:
        return sorted(path for path in self.directory.rglob("*") if path.is_file())


def settings_for(base_url: str, directory: Path, **overrides: Any) -> DriftSettings:
    settings = DriftSettings(
        upstream=base_url,
        api_key=PLANTED_KEY,
        report_prefix=str(directory / "drift-report"),
        record_dir=directory / "recordings",
        allow_writes=True,
        email=EMAIL,
        password=PLANTED_PASSWORD,
        write_url=BUNNY_MAGNET,
        poll_seconds=0.02,
        contract=False,
    )
    return replace(settings, **overrides)


def run(base_url: str, directory: Path, **overrides: Any) -> Outcome:
    messages: list[str] = []
    code = run_drift(settings_for(base_url, directory, **overrides), messages.append)
    report_path = directory / "drift-report.json"
    report = json.loads(report_path.read_text()) if report_path.exists() else {}
    return Outcome(code, report, messages, directory)


@dataclass(frozen=True)
class PlantedRun:
    """`make drift` once against an upstream with every planted drift: the report every test of the
    loop (apply, the mock told, the pull request) starts from."""

    report_path: Path
    report: dict[str, Any]
    base_url: str
