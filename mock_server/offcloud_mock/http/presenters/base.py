"""What every era's presenter shares: the wire shape of each answer of the faked API.

A presenter turns the backend's domain objects and domain errors into what the client sees: field names
and their order (the real server's), numbers as numbers or strings of digits, and which error gets which
status and body. Change a response's shape here (or in the era's subclass when only one era has it).
Over 300 lines on purpose: one method per answer of the API, so that every shape is in this one file.
"""

import abc
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from offcloud_mock.backend.cache_info import CacheAnswer, DetailedEntry, DirectLink
from offcloud_mock.backend.content_views import AccountSummary
from offcloud_mock.backend.device_flow import DeviceAuthorization, TokenGrant
from offcloud_mock.backend.downloads import DownloadSnapshot
from offcloud_mock.backend.errors import DomainError, NotAvailable
from offcloud_mock.backend.scenario import Proxy, RemoteAccount, Site

__all__ = ["Presenter"]

Body = dict[str, object]


@dataclass(frozen=True, slots=True)
class Presenter(abc.ABC):
    """The answers of one era of the server. `string_numbers`: the legacy quirk of sending fileSize and
    downloadingSpeed as strings of digits."""

    string_numbers: bool = False
    era: ClassVar[str]
    # Whether status operations take `requestIds` (several ids) and answer `{"requests": [...]}`.
    answers_request_ids: ClassVar[bool] = True

    # --- errors -------------------------------------------------------------------------------------

    @abc.abstractmethod
    def error_status(self, error: DomainError) -> int:
        """THE era mapping: the HTTP status an API error is answered with."""

    def error_body(self, error: DomainError) -> Body:
        if isinstance(error, NotAvailable):  # a refusal, not an error: no "error" key
            return {"not_available": error.addon}
        return {"error": error.message}

    # --- account ------------------------------------------------------------------------------------

    def login(self, email: str, user_id: str) -> Body:
        return {"email": email, "userId": user_id}

    def logged_in(self, logged_in: bool) -> Body:
        return {"loggedIn": 1 if logged_in else 0}

    def api_key(self, email: str, api_key: str) -> Body:
        return {"email": email, "apiKey": api_key}

    def proxies(self, proxies: Sequence[Proxy]) -> Body:
        return {"list": [{"id": proxy.id, "name": proxy.name, "region": proxy.region} for proxy in proxies]}

    def remote_accounts(self, remotes: Sequence[RemoteAccount]) -> Body:
        return {
            "data": [
                {
                    "accountId": remote.account_id,
                    "remoteOptionId": remote.remote_option_id,
                    "type": remote.type,
                    "username": remote.username,
                    "path": remote.path,
                    "host": remote.host,
                    "port": remote.port,
                    "status": remote.status,
                    "usage": remote.usage,
                }
                for remote in remotes
            ]
        }

    def cached(self, hashes: Sequence[str]) -> Body:
        return {"cachedItems": list(hashes)}

    # --- downloads ----------------------------------------------------------------------------------

    def added(self, snapshot: DownloadSnapshot) -> Body:
        """The answer to an add operation (also to adding the same content again).

        Keys in the real server's order: only instant answers carry a link with the file name, only cloud
        answers a link without it, remote answers none.
        """
        download = snapshot.download
        answer: Body = {"requestId": download.request_id, "fileName": download.file_name}
        if download.kind == "instant":
            answer["url"] = download.instant_url()
        answer["site"] = download.site
        answer["status"] = snapshot.progress.status
        answer["originalLink"] = download.original_link
        if download.kind == "cloud":
            answer["url"] = download.download_url()
        answer["createdOn"] = download.created_on
        return answer

    def status(self, snapshot: DownloadSnapshot) -> Body:
        """The answer of /api/cloud/status and /api/remote/status."""
        return {"status": self.status_body(snapshot)}

    def statuses(self, snapshots: Sequence[DownloadSnapshot]) -> Body:
        """The legacy answer to `requestIds`: one status object per id, in the order asked."""
        return {"requests": [self.status_body(snapshot) for snapshot in snapshots]}

    def status_body(self, snapshot: DownloadSnapshot) -> Body:
        """The object inside the {"status": ...} wrapper; the control plane shows the same."""
        download, progress = snapshot.download, snapshot.progress
        body: Body = {
            "requestId": download.request_id,
            "fileName": download.file_name,
            "status": progress.status,
            "amount": progress.amount,
            "fileSize": self._number(download.size),
            "server": download.server,
        }
        if progress.speed is not None and progress.downloading_ms is not None:
            body["downloadingSpeed"] = self._number(progress.speed)
            body["downloadingTime"] = progress.downloading_ms
        if progress.status == "downloaded":
            body["isDirectory"] = download.content.is_multi_file
        if progress.error_message is not None:
            body["errorMessage"] = progress.error_message
        return body

    def retried(self, snapshot: DownloadSnapshot) -> Body:
        return {
            "success": True,
            "requestId": snapshot.download.request_id,
            "status": snapshot.progress.status,
        }

    # --- history and removal (beyond the documentation) ---------------------------------------------

    def history(self, snapshots: Sequence[DownloadSnapshot]) -> list[Body]:
        """getCloudHistory, getRemoteHistory: a bare array, newest first."""
        return [self.history_item(snapshot) for snapshot in snapshots]

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

    def history_item(self, snapshot: DownloadSnapshot) -> Body:
        """A legacy history item (GAIA, FEN, MF25, TIO): sizes included."""
        download = snapshot.download
        return {
            "requestId": download.request_id,
            "fileName": download.file_name,
            "status": snapshot.progress.status,
            "originalLink": download.original_link,
            "createdOn": download.created_on,
            "server": download.server,
            "isDirectory": download.content.is_multi_file,
            "fileSize": self._number(download.size),
            "site": download.site,
        }

    def removed(self) -> Body:
        return {"success": True}

    def explored(self, links: Sequence[str]) -> list[str]:
        return list(links)

    def link_list(self, links: Sequence[str]) -> str:
        """/api/cloud/list answers text: one link a line."""
        return "".join(f"{link}\n" for link in links)

    def download_view(self, snapshot: DownloadSnapshot) -> Body:
        """The control plane's view of any account's download: its bookkeeping and its status body."""
        download = snapshot.download
        return {
            "requestId": download.request_id,
            "kind": download.kind,
            "userId": download.user_id,
            "originalLink": download.original_link,
            "fileName": download.file_name,
            "createdOn": download.created_on,
            "attempt": snapshot.attempt,
            "forcedStatus": snapshot.forced_status,
            "status": self.status_body(snapshot),
        }

    def _number(self, value: int) -> int | str:
        return str(value) if self.string_numbers else value

    # --- beyond the documentation (issue 10) --------------------------------------------------------

    def account_info(self, summary: AccountSummary) -> Body:
        """2026 GET /api/account/info: snake_case; `expiration_date` only for a premium membership."""
        body: Body = {"user_id": summary.user_id, "email": summary.email, "is_premium": summary.is_premium}
        if summary.expiration_date is not None:
            body["expiration_date"] = summary.expiration_date.isoformat()
        body["can_download"] = summary.can_download
        return body

    def account_stats(self, summary: AccountSummary) -> Body:
        """Legacy GET /api/account/stats: `expirationDate` DD-MM-YYYY, or empty without premium."""
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
        """GET /api/sites, legacy items (GAIA, JD); the 2026 presenter overrides it."""
        return [
            {
                "name": site.name,
                "displayName": site.display_name,
                "hosts": list(site.hosts),
                "isActive": _LEGACY_HEALTH[site.health],
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

    def uploaded(self, url: str, file_name: str) -> Body:
        return {"success": True, "url": url, "fileName": file_name}

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

    def oauth_error(self, error: str, description: str | None = None) -> Body:
        """RFC 6749 section 5.2; always answered with 400 (openapi.yaml: our choice)."""
        body: Body = {"error": error}
        if description is not None:
            body["error_description"] = description
        return body


# The legacy words for a site's health (the scenario's spelling -> `isActive`).
_LEGACY_HEALTH = {
    "healthy": "Healthy",
    "fragile": "Fragile",
    "limited": "Limited",
    "dead": "Dead",
    "cloud only": "Cloud only",
}
