"""The eras of the server, one object each: what it serves, its statuses, pages and answer shapes.

`era_of(config)` gives the era a mock's settings ask for (`MockConfig.era`, `string_numbers`); the HTTP
layer reaches the one playing now as `runtime().era` and asks it every question on which eras differ.
"""

import functools

from offcloud_mock.eras import ERAS, Era
from offcloud_mock.http.presenters.base import Body, NotServed, Page, ServerEra
from offcloud_mock.http.presenters.era2026 import Era2026
from offcloud_mock.http.presenters.legacy import LegacyEra
from offcloud_mock.settings import MockConfig

__all__ = ["Body", "Era2026", "LegacyEra", "NotServed", "Page", "ServerEra", "era_of"]

_BY_NAME: dict[Era, type[ServerEra]] = {era.name: era for era in (Era2026, LegacyEra)}
if set(_BY_NAME) != set(ERAS):  # checked at import: an era of offcloud_mock.eras without its object
    raise RuntimeError(f"the eras {sorted(ERAS)} and their objects {sorted(_BY_NAME)} disagree")


def era_of(config: MockConfig) -> ServerEra:
    """The era object of a mock's settings; the same object every time for the same settings."""
    return _era(config.era, config.string_numbers)


@functools.cache
def _era(name: Era, string_numbers: bool) -> ServerEra:
    return _BY_NAME[name](string_numbers=string_numbers)
