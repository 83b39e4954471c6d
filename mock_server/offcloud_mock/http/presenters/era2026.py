"""The 2026 era (the server reworked in January 2026): each API error with its own HTTP status.

What it answers differently from the legacy server: history items without sizes, the status object with
`progress` and `message`, sites by host; its own operations (account info, the cache endpoints, the
detailed explore, the OAuth device login); and the HTML pages of its Symfony front for an unknown route
(404) or a wrong method (405).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from offcloud_mock.backend.cache_info import CacheAnswer, DetailedEntry, DirectLink
from offcloud_mock.backend.content_views import AccountSummary
from offcloud_mock.backend.device_flow import DeviceAuthorization, TokenGrant
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
from offcloud_mock.backend.scenario import SingleFileExplore, Site
from offcloud_mock.eras import Era
from offcloud_mock.http.presenters.base import Body, Page, ServerEra

__all__ = ["Era2026"]

# Add-on refusals are 200 in every era: the real server never treated them as errors.
_STATUSES: dict[type[DomainError], int] = {
    BadRequest: 400,
    BadArchive: 400,
    NoAuth: 401,
    InvalidCredentials: 401,
    NotFound: 404,
    NotAvailable: 200,
}

# The pages of the server's Symfony front, text/html (DMM live; the wording is Symfony's stock page).
_SYMFONY_PAGE = """<!DOCTYPE html>
<html>
<head>
    <meta charset="UTF-8" />
    <meta name="robots" content="noindex,nofollow,noarchive" />
    <title>An Error Occurred: {phrase}</title>
</head>
<body>
<div class="container">
    <h1>Oops! An Error Occurred</h1>
    <h2>The server returned a "{status} {phrase}".</h2>
    <p>
        Something is broken. Please let us know what you were doing when this error occurred.
        We will fix it as soon as possible. Sorry for any inconvenience caused.
    </p>
</div>
</body>
</html>
"""
_NOT_FOUND = Page(404, _SYMFONY_PAGE.format(status=404, phrase="Not Found"))
_METHOD_NOT_ALLOWED = _SYMFONY_PAGE.format(status=405, phrase="Method Not Allowed")


@dataclass(frozen=True, slots=True)
class Era2026(ServerEra):
    name: ClassVar[Era] = "2026"
    # `requestIds` gets 400 "Missing required parameter: requestId" (DMM live).
    takes_request_ids: ClassVar[bool] = False
    serves_detailed_explore: ClassVar[bool] = True  # `?format=detailed` (openapi.yaml: exploreCloudDownload)
    explores_cdn_links: ClassVar[bool] = True  # signed CDN URLs (DMM live), as detailed explore's

    def error_status(self, error: DomainError) -> int:
        for kind in type(error).__mro__:  # a subclass answers like the error it refines
            if kind in _STATUSES:
                return _STATUSES[kind]
        return 500

    def explores_single_file(self, setting: SingleFileExplore, *, detailed: bool) -> bool:
        """openapi.yaml exploreCloudDownload, our choice (`plain_list`, K1's reading): plain explore
        lists the one file and `format=detailed` answers `Bad archive`; the alternatives are settings."""
        if setting == "plain_list":
            return not detailed
        return setting == "lists"

    def not_found_page(self) -> Page:
        return _NOT_FOUND

    def wrong_method_page(self, allowed: Sequence[str]) -> Page:
        if not allowed:  # no method of this era at the path: the path itself is unknown here
            return _NOT_FOUND
        return Page(405, _METHOD_NOT_ALLOWED, tuple(sorted(allowed)))

    def status_body(self, snapshot: DownloadSnapshot) -> Body:
        """The 2026 status object: `progress` (0-1, growing) and `message`, both null once finished.

        Only these five keys (our choice, openapi.yaml getCloudStatus). Remote downloads keep the
        legacy object (our choice: no 2026 client reads getRemoteStatus).
        """
        download = snapshot.download
        if download.kind == "remote":
            return ServerEra.status_body(self, snapshot)
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

    # --- beyond the legacy server -------------------------------------------------------------------

    def account_info(self, summary: AccountSummary) -> Body:
        """GET /api/account/info: snake_case; `expiration_date` only for a premium membership."""
        body: Body = {"user_id": summary.user_id, "email": summary.email, "is_premium": summary.is_premium}
        if summary.expiration_date is not None:
            body["expiration_date"] = summary.expiration_date.isoformat()
        body["can_download"] = summary.can_download
        return body

    def cache_info(self, answers: Sequence[CacheAnswer]) -> list[Body]:
        """`files` only when asked for and cached (openapi.yaml: our choice)."""
        items: list[Body] = []
        for answer in answers:
            item: Body = {"cached": answer.cached}
            if answer.cached and answer.files is not None:
                item["files"] = [
                    {"folder": list(entry.folder), "filename": entry.filename, "size": entry.size}
                    for entry in answer.files
                ]
            items.append(item)
        return items

    def cached_links(self, links: Sequence[DirectLink]) -> list[Body]:
        return [
            {"filename": link.filename, "url": link.url, "size": link.size, "folder": list(link.folder)}
            for link in links
        ]

    def explored_detailed(self, entries: Sequence[DetailedEntry]) -> Body:
        return {
            "files": [
                {"id": entry.id, "name": entry.name, "size": entry.size, "path": entry.path, "url": entry.url}
                for entry in entries
            ]
        }

    # --- the OAuth device login (openapi.yaml's oauth operations; RFC 8628) -------------------------

    def device_code(self, authorization: DeviceAuthorization) -> Body:
        return {
            "device_code": authorization.device_code,
            "user_code": authorization.user_code,
            "verification_uri": authorization.verification_uri,
            "verification_uri_complete": authorization.verification_uri_complete,
            "expires_in": authorization.expires_in,
            "interval": authorization.interval,
        }

    def device_token(self, grant: TokenGrant) -> Body:
        return {"access_token": grant.access_token, "token_type": grant.token_type}

    def oauth_error_status(self, error: str) -> int:
        return 400  # every error, as RFC 6749 section 5.2 says (openapi.yaml: our choice)

    def oauth_error(self, error: str, description: str | None = None) -> Body:
        """RFC 6749 section 5.2."""
        body: Body = {"error": error}
        if description is not None:
            body["error_description"] = description
        return body


# Our choice (openapi.yaml listSites): 2026 statuses up, degraded, down; only `up` is seen live.
_STATUS_OF_HEALTH = {
    "healthy": "up",
    "fragile": "degraded",
    "limited": "degraded",
    "cloud only": "degraded",
    "dead": "down",
}
