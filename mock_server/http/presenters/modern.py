"""The modern era (the reworked 2026 server): each API error with its own HTTP status."""

from collections.abc import Sequence
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
from mock_server.backend.scenario import Site
from mock_server.http.presenters.base import Body, Presenter

__all__ = ["ModernPresenter"]

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
class ModernPresenter(Presenter):
    era: ClassVar[str] = "modern"

    def error_status(self, error: DomainError) -> int:
        for kind in type(error).__mro__:  # a subclass answers like the error it refines
            if kind in _STATUSES:
                return _STATUSES[kind]
        return 500

    # --- beyond the documentation (issue 10) --------------------------------------------------------

    def sites(self, sites: Sequence[Site]) -> list[Body]:
        """2026 GET /api/sites (RU, K1): the first host as `name`, the others as `aliases`."""
        items: list[Body] = []
        for site in sites:
            item: Body = {"name": site.hosts[0], "status": _STATUS_OF_HEALTH[site.health]}
            if len(site.hosts) > 1:
                item["aliases"] = list(site.hosts[1:])
            items.append(item)
        return items


# Our choice (openapi.yaml listSites): 2026 statuses up, degraded, down; only `up` is seen live.
_STATUS_OF_HEALTH = {
    "healthy": "up",
    "fragile": "degraded",
    "limited": "degraded",
    "cloud only": "degraded",
    "dead": "down",
}
