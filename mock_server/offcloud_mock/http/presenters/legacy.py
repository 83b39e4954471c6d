"""The legacy era (the 2014-2025 server): every API error answered with HTTP 200 and its JSON body."""

from dataclasses import dataclass
from typing import ClassVar

from offcloud_mock.backend.errors import DomainError
from offcloud_mock.http.presenters.base import Presenter

__all__ = ["LegacyPresenter"]


@dataclass(frozen=True, slots=True)
class LegacyPresenter(Presenter):
    era: ClassVar[str] = "legacy"

    def error_status(self, error: DomainError) -> int:
        return 200
