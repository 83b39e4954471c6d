"""The one settings object of a mock app, validated once, here.

Built alike from the command line (`cli`), by hand (`MockConfig(...)`), from the pytest marker
(`pytest_plugin`) and, for the settings that change at run time, by the control plane
(`MockConfig.changed`, which validates again the same way).
"""

import dataclasses
import math
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from offcloud_mock.backend.errors import shown
from offcloud_mock.eras import DEFAULT_ERA, ERAS, Era

__all__ = [
    "DEFAULT_IDLE_TIMEOUT_S",
    "DEFAULT_MAX_BODY_BYTES",
    "DEFAULT_MAX_CONNECTIONS",
    "MockConfig",
    "era_of_error_mode",
]

# Deprecated (one release): the former `error_mode` setting named the eras "modern" and "legacy".
_ERROR_MODE_ERAS: Final[dict[str, str]] = {"modern": "2026", "legacy": "legacy"}
# Big enough for a /api/cache batch of 1000 hashes in any array style (about 50 KB) and a scenario
# upload; small enough that a runaway client cannot make the mock buffer gigabytes.
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
# Connections a served mock holds at once (a load test's fit); at the limit the quietest idle ones close.
DEFAULT_MAX_CONNECTIONS = 512
# A keep-alive connection with no request for this long is closed; under granian (hyper) the same timer
# is also the deadline for a request's headers.
DEFAULT_IDLE_TIMEOUT_S = 10.0


@dataclass(frozen=True, slots=True)
class MockConfig:
    """How to build one mock app. The defaults play the demo scenario like the 2026 server."""

    scenario: Path | str | None = None  # a scenario YAML file; None: the bundled demo scenario
    # Seeds every id and random choice the backend makes; None: the scenario's seed, else 0.
    seed: int | None = None
    clock_speed: float = 1.0  # mock seconds per real second
    # Which server the mock plays, whole: its routes, shapes, error statuses and error pages.
    era: Era = DEFAULT_ERA
    # Off: path parameters and bodies are not checked against openapi.yaml (bodies are still read and
    # callers still authenticated); a request outside the spec may then get any answer, even a 500.
    validate_requests: bool = True
    # On: every API answer is checked against openapi.yaml and one outside it becomes a loud 500.
    validate_responses: bool = False
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    string_numbers: bool = False  # legacy quirk: fileSize/downloadingSpeed as strings of digits
    frozen_clock: bool = False  # start with the clock frozen (tests steer it with advance())
    # --- exposure (who may reach the control plane) and budgets (what the mock holds at most) ------
    # Required by every /_mock/ route but GET /_mock/health (X-Mock-Token or Authorization: Bearer);
    # the CLI generates one when it listens beyond loopback. None: no token (loopback, tests).
    control_token: str | None = field(default=None, repr=False)
    # Host names /_mock/ accepts besides localhost, *.localhost, *.test and IP addresses (DNS rebinding).
    allowed_hosts: tuple[str, ...] = ()
    # Downloads the mock holds at most, all accounts together (about 1 KB each); None: no cap.
    max_downloads: int | None = None
    # --- serving (both servers): connections held at once, and how long an idle one is kept --------
    max_connections: int = DEFAULT_MAX_CONNECTIONS
    idle_timeout_s: float = DEFAULT_IDLE_TIMEOUT_S
    log_requests: bool = False  # one INFO line per request on the "offcloud_mock.requests" logger
    # A folder of exchanges recorded by `offcloud-mock proxy --record`: requests recorded there are answered
    # as recorded, anything else by the stateful mock (offcloud_mock.replay). None: no replay.
    replay: str | None = None
    # Deprecated alias of `era` for one release ("modern" -> "2026"); read once, then always None.
    error_mode: str | None = None

    def __post_init__(self) -> None:
        if self.error_mode is not None:
            warnings.warn("error_mode is deprecated; use era", DeprecationWarning, stacklevel=3)
            object.__setattr__(self, "era", era_of_error_mode(self.error_mode))
            object.__setattr__(self, "error_mode", None)
        # Checked here so that a typo in code or on the command line fails at start-up, not per request.
        if self.era not in ERAS:
            raise ValueError(f"era must be one of {', '.join(ERAS)}, not {shown(self.era)}")
        if self.max_body_bytes < 1:
            raise ValueError(f"max_body_bytes must be at least 1, not {self.max_body_bytes}")
        if not (math.isfinite(self.clock_speed) and self.clock_speed > 0):
            raise ValueError(f"clock_speed must be a finite number above 0, not {self.clock_speed}")
        if self.control_token is not None and not (8 <= len(self.control_token) <= 256):
            raise ValueError("control_token must be 8 to 256 characters long")  # its value is never shown
        if self.max_downloads is not None and self.max_downloads < 1:
            raise ValueError(f"max_downloads must be at least 1, not {self.max_downloads}")
        if self.max_connections < 1:
            raise ValueError(f"max_connections must be at least 1, not {self.max_connections}")
        if not (math.isfinite(self.idle_timeout_s) and 0 < self.idle_timeout_s <= 3600):
            raise ValueError(
                f"idle_timeout_s must be a number of seconds above 0, at most 3600, not {self.idle_timeout_s}"
            )

    def changed(self, **changes: object) -> "MockConfig":
        """A copy with `changes`, validated like any other; ValueError names a bad value."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


def era_of_error_mode(mode: str) -> str:
    """The era a deprecated `error_mode` value names; ValueError for anything else."""
    if mode not in _ERROR_MODE_ERAS:
        raise ValueError(f"error_mode must be one of modern, legacy, not {mode!r}")
    return _ERROR_MODE_ERAS[mode]
