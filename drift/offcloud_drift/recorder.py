"""`--record DIR`: one JSON file per exchange, `<seq>-<operation>-<status>.json`, written atomically.

The name and the content hold no time, so two runs of the same flow give the same file names and diff
cleanly. Recordings of an earlier run in DIR (files named like ours) are removed when a recorder starts,
so a directory always holds exactly one run.
"""

import json
import os
import re
from pathlib import Path
from typing import Any

__all__ = ["RECORDING_NAME", "Recorder", "read_recordings"]

RECORDING_NAME = re.compile(r"^\d{4,}-[A-Za-z0-9_.-]+-\d{3}\.json$")


def _safe(operation: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", operation).strip("_") or "unknown"


class Recorder:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.iterdir():
            if RECORDING_NAME.match(old.name):
                old.unlink()

    def write(self, record: dict[str, Any]) -> Path:
        name = (
            f"{record['seq']:04d}-{_safe(str(record['operation']))}-{record['response']['status']:03d}.json"
        )
        target = self.directory / name
        temporary = target.with_suffix(".tmp")
        temporary.write_text(
            json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        os.replace(temporary, target)
        return target


def read_recordings(directory: Path) -> list[dict[str, Any]]:
    """Every recording of DIR in sequence order; ValueError naming the file when one is not ours."""
    if not directory.is_dir():
        raise ValueError(f"{directory}: not a directory")
    records = []
    for path in sorted(directory.iterdir()):
        if not RECORDING_NAME.match(path.name):
            continue
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ValueError(f"{path}: not a recording: {error}") from error
        if not isinstance(record, dict) or not {"seq", "request", "response"} <= set(record):
            raise ValueError(f"{path}: not a recording (no seq/request/response)")
        records.append(record)
    return sorted(records, key=lambda record: int(record["seq"]))
