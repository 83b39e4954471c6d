"""Presenters: one per era of the server, the one place that decides what an answer looks like.

`presenter_for(settings)` gives the presenter of a mock's settings (its `era`).
"""

from offcloud_mock.http.presenters.base import Presenter
from offcloud_mock.http.presenters.era2026 import Era2026Presenter
from offcloud_mock.http.presenters.legacy import LegacyPresenter
from offcloud_mock.settings import MockConfig

__all__ = ["Era2026Presenter", "LegacyPresenter", "Presenter", "presenter_for"]

_ERAS: dict[str, type[Presenter]] = {"2026": Era2026Presenter, "legacy": LegacyPresenter}


def presenter_for(settings: MockConfig) -> Presenter:
    return _ERAS[settings.era](string_numbers=settings.string_numbers)
