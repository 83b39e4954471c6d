"""The legacy era (the 2014-2025 server): every API error answered with HTTP 200 and its JSON body.

Its own answers: the session login, status by `requestIds`, history items with sizes, the instant and
paged histories, account stats, sites with their health words, the torrent upload; and its plain
`Page not found.` for every route it lacks.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from offcloud_mock.backend.content_views import AccountSummary
from offcloud_mock.backend.downloads import DownloadSnapshot
from offcloud_mock.backend.errors import DomainError
from offcloud_mock.backend.scenario import SingleFileExplore, Site
from offcloud_mock.eras import Era
from offcloud_mock.http.presenters.base import Body, Page, ServerEra

__all__ = ["LegacyEra"]

# Field notes, I8 live: text/html, status 404.
_NOT_FOUND = Page(404, "Page not found.")


@dataclass(frozen=True, slots=True)
class LegacyEra(ServerEra):
    name: ClassVar[Era] = "legacy"
    takes_request_ids: ClassVar[bool] = True
    # The legacy server ignored the query: `?format=detailed` answers the plain list.
    serves_detailed_explore: ClassVar[bool] = False
    explores_cdn_links: ClassVar[bool] = False  # `https://{server}.offcloud.com/cloud/download/...`

    def error_status(self, error: DomainError) -> int:
        return 200

    def explores_single_file(self, setting: SingleFileExplore, *, detailed: bool) -> bool:
        return False  # "Bad archive" (field notes; MF, GAIA, TIO, PB), whatever the scenario says

    def not_found_page(self) -> Page:
        return _NOT_FOUND

    def wrong_method_page(self, allowed: Sequence[str]) -> Page:
        return _NOT_FOUND  # our choice: its Express router has no 405

    # --- account ------------------------------------------------------------------------------------

    def login(self, email: str, user_id: str) -> Body:
        return {"email": email, "userId": user_id}

    def logged_in(self, logged_in: bool) -> Body:
        return {"loggedIn": 1 if logged_in else 0}

    def api_key(self, email: str, api_key: str) -> Body:
        return {"email": email, "apiKey": api_key}

    def account_stats(self, summary: AccountSummary) -> Body:
        """GET /api/account/stats: `expirationDate` DD-MM-YYYY, or empty without premium."""
        expiry = summary.expiration_date
        limits = summary.limits
        return {
            "userId": summary.user_id,
            "email": summary.email,
            "isPremium": summary.is_premium,
            "expirationDate": expiry.strftime("%d-%m-%Y") if expiry is not None else "",
            "limits": {
                "links": limits.links,
                "premium": limits.premium,
                "torrent": limits.torrent,
                "streaming": limits.streaming,
                "cloud": limits.cloud,
                "proxy": limits.proxy,
            },
        }

    def sites(self, sites: Sequence[Site]) -> list[Body]:
        """GET /api/sites, legacy items (GAIA, JD)."""
        return [
            {
                "name": site.name,
                "displayName": site.display_name,
                "hosts": list(site.hosts),
                "isActive": _HEALTH[site.health],
                "noInstantDownload": not site.instant,
                "isVideoStreaming": site.video_streaming,
                "maxAmountPerUser": "unlimited"
                if site.max_amount_per_user is None
                else site.max_amount_per_user,
                "maxChunks": site.max_chunks,
                "maxChunksGlobal": site.max_chunks_global,
            }
            for site in sites
        ]

    # --- downloads ----------------------------------------------------------------------------------

    def statuses(self, snapshots: Sequence[DownloadSnapshot]) -> Body:
        """The answer to `requestIds`: one status object per id, in the order asked."""
        return {"requests": [self.status_body(snapshot) for snapshot in snapshots]}

    def uploaded(self, url: str, file_name: str) -> Body:
        return {"success": True, "url": url, "fileName": file_name}

    # --- history ------------------------------------------------------------------------------------

    def history_item(self, snapshot: DownloadSnapshot) -> Body:
        """A legacy history item (GAIA, FEN, MF25, TIO): sizes included."""
        download = snapshot.download
        return {
            **ServerEra.history_item(self, snapshot),  # super() fails in a slotted dataclass
            "server": download.server,
            "isDirectory": download.content.is_multi_file,
            "fileSize": self._number(download.size),
            "site": download.site,
        }

    def instant_history(self, snapshots: Sequence[DownloadSnapshot]) -> list[Body]:
        """getInstantHistory: instant items carry their `downloadLink` too (GAIA)."""
        return [
            {**self.history_item(snapshot), "downloadLink": snapshot.download.instant_url()}
            for snapshot in snapshots
        ]

    def history_page(self, snapshots: Sequence[DownloadSnapshot], is_end: bool) -> Body:
        """The site-root getCloudHistoryPage: items as history's plus `userId` (ST25)."""
        items = [
            {**self.history_item(snapshot), "userId": snapshot.download.user_id} for snapshot in snapshots
        ]
        return {"history": items, "isEnd": is_end}


# The legacy words for a site's health (the scenario's spelling -> `isActive`).
_HEALTH = {
    "healthy": "Healthy",
    "fragile": "Fragile",
    "limited": "Limited",
    "dead": "Dead",
    "cloud only": "Cloud only",
}
