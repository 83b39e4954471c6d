"""The drift tools' commands and what each does, in one line: the standard library only.

`offcloud-mock --help` lists them beside `serve` without importing the tools (so that the help shows
on any install), and `offcloud-mock COMMAND ...` hands the whole command line to `offcloud_drift.cli`.
"""

from typing import Final

__all__ = ["COMMANDS"]

COMMANDS: Final[dict[str, str]] = {
    "proxy": "a validating, recording proxy in front of a server (--upstream URL)",
    "replay": "serve answers recorded by `proxy --record DIR`",
    "scenario-from": "a mock scenario made from recordings (YAML on stdout)",
    "drift": "report the drift from openapi.yaml; `drift apply REPORT` writes it in, `drift tell-mock` names the mock changes",
}
