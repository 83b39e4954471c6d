"""The servers the mock can play, named once.

"2026": the server that exists today (reworked in January 2026); "legacy": the 2014-2025 server.
Everything else that lists the eras (the CLI's choices, the pytest marker, the contract suite, drift)
takes them from here.
"""

from typing import Final, Literal, get_args

__all__ = ["DEFAULT_ERA", "ERAS", "Era"]

Era = Literal["2026", "legacy"]
ERAS: Final[tuple[Era, ...]] = get_args(Era)
DEFAULT_ERA: Final[Era] = "2026"
