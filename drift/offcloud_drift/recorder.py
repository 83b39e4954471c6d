"""`--record DIR`: one JSON file per exchange, `<seq>-<operation>-<status>.json`, written atomically.

The format is the mock's (`offcloud_mock.recordings`, which its replay reads); this module writes it.

The name and the content hold no time, so two runs of the same flow give the same file names and diff
cleanly. Recordings of an earlier run in DIR (files named like ours) are removed when a recorder starts,
so a directory always holds exactly one run.
"""

import json
import os
from pathlib import Path
from typing import Any

from offcloud_mock.recordings import RECORDING_NAME, recording_file_name

__all__ = ["Recorder"]


class Recorder:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.iterdir():
            if RECORDING_NAME.match(old.name):
                old.unlink()

    def write(self, record: dict[str, Any]) -> Path:
        target = self.directory / recording_file_name(record)
        temporary = target.with_suffix(".tmp")
        temporary.write_text(
            json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        os.replace(temporary, target)
        return target
