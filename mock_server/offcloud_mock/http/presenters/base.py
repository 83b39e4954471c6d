"""One era of the faked server, as one object: what it serves and what each of its answers looks like.

An era object answers every question on which the eras differ: which operations it serves (the spec's
`x-offcloud-eras`), the HTTP status of each domain error, its pages for an unknown route or a wrong
method, whether it takes `requestIds` and `?format=detailed`, and the wire shape of each answer (field
names and their order, numbers as numbers or strings of digits). The HTTP layer asks it and decides
nothing by era itself.

This module holds what both eras share; `legacy.py` the 2014-2025 server's shapes, `era2026.py` what the
reworked 2026 server answers differently. Change a response's shape in the era that answers it.
"""

import abc
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, NoReturn

from offcloud_mock.backend.cache_info import CacheAnswer, DetailedEntry, DirectLink
from offcloud_mock.backend.content_views import AccountSummary
from offcloud_mock.backend.device_flow import DeviceAuthorization, TokenGrant
from offcloud_mock.backend.downloads import DownloadSnapshot
from offcloud_mock.backend.errors import DocumentedRefusal, DomainError, NotAvailable
from offcloud_mock.backend.scenario import Proxy, RemoteAccount, SingleFileExplore, Site
from offcloud_mock.eras import Era
from offcloud_mock.spec import Operation

__all__ = ["Body", "NotServed", "Page", "ServerEra"]

Body = dict[str, object]


@dataclass(frozen=True, slots=True)
class Page:
    """A page the era's server answers where it has no route (404) or not this method (405): text/html."""

    status: int
    html: str
    allow: tuple[str, ...] = ()  # the methods of the Allow header (a 405 only)


class NotServed(Exception):
    """An era was asked for an answer of an operation it does not serve.

    A bug of the mock, never the caller's: the pipeline answers an operation outside the era with the
    era's unknown-route page before any handler runs.
    """


@dataclass(frozen=True, slots=True)
class ServerEra(abc.ABC):
    """The server of one era. `string_numbers`: the legacy quirk of sending fileSize and
    downloadingSpeed as strings of digits."""

    string_numbers: bool = False
    name: ClassVar[Era]
    # Whether status operations take `requestIds` (several ids) and answer `{"requests": [...]}`.
    takes_request_ids: ClassVar[bool]
    # Whether GET /api/cloud/explore/{requestId}?format=detailed answers the detailed listing.
    serves_detailed_explore: ClassVar[bool]
    # Whether plain explore answers CDN links (2026) rather than links on the download's server.
    explores_cdn_links: ClassVar[bool]

    def serves(self, operation: Operation) -> bool:
        """Whether this era's server has the operation (openapi.yaml's `x-offcloud-eras`)."""
        return self.name in operation.eras

    @abc.abstractmethod
    def explores_single_file(self, setting: SingleFileExplore, *, detailed: bool) -> bool:
        """Whether explore (`detailed`: with `format=detailed`) lists a single-file download instead
        of answering `Bad archive`; `setting` is the scenario's `single_file_explore`."""

    # --- errors and pages ---------------------------------------------------------------------------

    @abc.abstractmethod
    def error_status(self, error: DomainError) -> int:
        """THE era mapping: the HTTP status an API error is answered with."""

    def error_body(self, error: DomainError) -> Body:
        if isinstance(error, NotAvailable):  # a refusal, not an error: no "error" key
            return {"not_available": error.addon}
        if isinstance(error, DocumentedRefusal):  # the spec's own answer, as it is written there
            return dict(error.body)
        return {"error": error.message}

    @abc.abstractmethod
    def not_found_page(self) -> Page:
        """The answer to a path this era's server has no route for."""

    @abc.abstractmethod
    def wrong_method_page(self, allowed: Sequence[str]) -> Page:
        """The answer to a known path asked with another method; `allowed`: the methods the era serves
        there (none: the path is unknown in this era)."""

    # --- answers both eras give alike ---------------------------------------------------------------

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

    def status_body(self, snapshot: DownloadSnapshot) -> Body:
        """The object inside the {"status": ...} wrapper; the control plane shows the same.

        The legacy server's object, which the 2026 server still answers for remote downloads.
        """
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

    def history(self, snapshots: Sequence[DownloadSnapshot]) -> list[Body]:
        """getCloudHistory, getRemoteHistory: a bare array, newest first."""
        return [self.history_item(snapshot) for snapshot in snapshots]

    def history_item(self, snapshot: DownloadSnapshot) -> Body:
        """One item of a history: what both eras' items carry, and all a 2026 item does (DMM live: no
        sizes; of the optional keys, only `createdOn`, ST26)."""
        download = snapshot.download
        return {
            "requestId": download.request_id,
            "fileName": download.file_name,
            "status": snapshot.progress.status,
            "originalLink": download.original_link,
            "createdOn": download.created_on,
        }

    def removed(self) -> Body:
        return {"success": True}

    def explored(self, links: Sequence[str]) -> list[str]:
        return list(links)

    def link_list(self, links: Sequence[str]) -> str:
        """/api/cloud/list answers text: one link a line."""
        return "".join(f"{link}\n" for link in links)

    @abc.abstractmethod
    def sites(self, sites: Sequence[Site]) -> list[Body]:
        """GET /api/sites."""

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

    # --- answers of one era only ----------------------------------------------------------------------
    # Declared here so that a handler asks whichever era plays; the era that serves the operation
    # overrides its answer, the other never gets this far (see NotServed).

    def statuses(self, snapshots: Sequence[DownloadSnapshot]) -> Body:
        self._not_served("status by requestIds")

    def login(self, email: str, user_id: str) -> Body:
        self._not_served("login")

    def logged_in(self, logged_in: bool) -> Body:
        self._not_served("checkLogin")

    def api_key(self, email: str, api_key: str) -> Body:
        self._not_served("getApiKey")

    def instant_history(self, snapshots: Sequence[DownloadSnapshot]) -> list[Body]:
        self._not_served("getInstantHistory")

    def history_page(self, snapshots: Sequence[DownloadSnapshot], is_end: bool) -> Body:
        self._not_served("getCloudHistoryPage")

    def account_stats(self, summary: AccountSummary) -> Body:
        self._not_served("getAccountStats")

    def uploaded(self, url: str, file_name: str) -> Body:
        self._not_served("uploadTorrent")

    def account_info(self, summary: AccountSummary) -> Body:
        self._not_served("getAccountInfo")

    def cache_info(self, answers: Sequence[CacheAnswer]) -> list[Body]:
        self._not_served("getCacheInfo")

    def cached_links(self, links: Sequence[DirectLink]) -> list[Body]:
        self._not_served("getCachedDownloadLinks")

    def explored_detailed(self, entries: Sequence[DetailedEntry]) -> Body:
        self._not_served("exploreCloudDownload?format=detailed")

    def device_code(self, authorization: DeviceAuthorization) -> Body:
        self._not_served("requestDeviceCode")

    def device_token(self, grant: TokenGrant) -> Body:
        self._not_served("requestDeviceToken")

    def oauth_error_status(self, error: str) -> int:
        self._not_served("the OAuth device login")

    def oauth_error(self, error: str, description: str | None = None) -> Body:
        self._not_served("the OAuth device login")

    def _not_served(self, what: str) -> NoReturn:
        raise NotServed(f"the {self.name} era does not serve {what}")
