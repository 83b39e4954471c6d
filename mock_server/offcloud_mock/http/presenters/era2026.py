"""The 2026 era (the reworked 2026 server): each API error with its own HTTP status."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from offcloud_mock.backend.downloads import DownloadSnapshot
from offcloud_mock.backend.errors import (
    BadArchive,
    BadRequest,
    DomainError,
    InvalidCredentials,
    NoAuth,
    NotAvailable,
    NotFound,
)
from offcloud_mock.backend.scenario import Site
from offcloud_mock.http.presenters.base import Body, Presenter

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
    era: ClassVar[str] = "2026"
    # `requestIds` gets 400 "Missing required parameter: requestId" (DMM live).
    answers_request_ids: ClassVar[bool] = False

    def error_status(self, error: DomainError) -> int:
        for kind in type(error).__mro__:  # a subclass answers like the error it refines
            if kind in _STATUSES:
                return _STATUSES[kind]
        return 500

    def history_item(self, snapshot: DownloadSnapshot) -> Body:
        """A 2026 history item (DMM live): no sizes; of the optional keys, only `createdOn` (ST26)."""
        download = snapshot.download
        return {
            "requestId": download.request_id,
            "fileName": download.file_name,
            "status": snapshot.progress.status,
            "originalLink": download.original_link,
            "createdOn": download.created_on,
        }

    def status_body(self, snapshot: DownloadSnapshot) -> Body:
        """The 2026 status object: `progress` (0-1, growing) and `message`, both null once finished.

        Only these five keys (our choice, openapi.yaml getCloudStatus). Remote downloads keep the
        legacy object (our choice: no 2026 client reads getRemoteStatus).
        """
        download = snapshot.download
        if download.kind == "remote":
            return Presenter.status_body(self, snapshot)
        reading = snapshot.reading()
        return {
            "requestId": download.request_id,
            "status": snapshot.progress.status,
            "fileName": download.file_name,
            "progress": reading.progress,
            "message": reading.message,
        }

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
