"""The 2026 era (the reworked 2026 server): each API error with its own HTTP status."""

from dataclasses import dataclass
from typing import ClassVar

from mock_server.backend.errors import (
    BadArchive,
    BadRequest,
    DomainError,
    InvalidCredentials,
    NoAuth,
    NotAvailable,
    NotFound,
)
from mock_server.http.presenters.base import Presenter

__all__ = ["Era2026Presenter"]

# Add-on refusals are 200 in every era: the real server never treated them as errors.
_STATUSES: dict[type[DomainError], int] = {
    BadRequest: 400,
    BadArchive: 400,
    NoAuth: 401,
    InvalidCredentials: 401,
    NotFound: 404,
    NotAvailable: 200,
}


@dataclass(frozen=True, slots=True)
class Era2026Presenter(Presenter):
    era: ClassVar[str] = "modern"

    def error_status(self, error: DomainError) -> int:
        for kind in type(error).__mro__:  # a subclass answers like the error it refines
            if kind in _STATUSES:
                return _STATUSES[kind]
        return 500
