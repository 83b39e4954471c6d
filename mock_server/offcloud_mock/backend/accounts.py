"""AccountBackend: the API operations of one Offcloud account, and the state its MockBackend shares with it.

One method per API operation, named like it. Answers are domain objects (a `DownloadSnapshot`, the
scenario's proxies and remote accounts, lists of links and hashes), errors the domain errors of
`backend.errors`; the presenters of the HTTP layer decide how both look on the wire. Every method that touches shared state holds the
MockBackend's one re-entrant lock, which also keeps the RNG's draws (and so the ids) in call order.
Over 300 lines on purpose: one short method per API operation of one account; the rules they apply
live in their own modules (downloads, cache_info, content_views, seeded_downloads, device_flow).
"""

import threading
from dataclasses import dataclass, field

from offcloud_mock.backend import cache_info as cache_rules
from offcloud_mock.backend.clock import MockClock, iso_millis
from offcloud_mock.backend.content_views import (
    AccountSummary,
    ContentView,
    account_summary,
    cdn_file_links,
    cdn_link,
    upload_url,
    uploaded_content,
)
from offcloud_mock.backend.downloads import (
    FINISHED_STATUSES,
    SERVERS,
    Download,
    DownloadKind,
    DownloadSnapshot,
)
from offcloud_mock.backend.errors import BadArchive, BadRequest, DownloadCapReached, NotAvailable, NotFound
from offcloud_mock.backend.fake_internet import Content, FakeInternet
from offcloud_mock.backend.ids import SeededIds
from offcloud_mock.backend.scenario import Account, Proxy, RemoteAccount, Scenario, Site
from offcloud_mock.backend.torrent_file import NotATorrent, Torrent, parse_torrent

__all__ = ["HISTORY_PAGE_SIZE", "MAX_REMOTE_IN_PROGRESS", "AccountBackend", "SharedState"]

MAX_REMOTE_IN_PROGRESS = 100
HISTORY_PAGE_SIZE = 20  # our choice: no client shows the site-root history's page size


@dataclass(slots=True, eq=False)
class SharedState:
    """What the accounts of one MockBackend share; guarded by `lock`, rebuilt by reset()."""

    lock: threading.RLock
    clock: MockClock
    scenario: Scenario
    ids: SeededIds
    internet: FakeInternet
    downloads: dict[str, Download]  # every account's, by request id
    # Places held at most: one per download, one per file of each uploaded torrent (about 1 KB each
    # either way); None: no cap.
    max_downloads: int | None = None
    uploads: set[str] = field(default_factory=set)  # the keys of the uploaded torrents' content
    upload_places: int = 0  # the places the uploaded torrents take: their files

    def room(self) -> int | None:
        """How many more places may be taken (None: no cap)."""
        if self.max_downloads is None:
            return None
        return self.max_downloads - len(self.downloads) - self.upload_places


class AccountBackend:
    """The API operations of one Offcloud account. Do not keep one across MockBackend.reset()."""

    def __init__(self, shared: SharedState, account: Account) -> None:
        self._shared = shared
        self.account = account
        self.email = account.email
        self.user_id = account.user_id
        self.api_key = account.api_key
        self.addons = account.addons
        self._remote_options = {remote.remote_option_id for remote in account.remote_accounts}
        self._by_link: dict[DownloadKind, dict[str, Download]] = {"instant": {}, "cloud": {}, "remote": {}}
        self._remote_downloads: list[Download] = []
        self._added = 0  # downloads the account holds (added, not removed), what link_limit counts

    def add_instant(self, url: str, proxy_id: str | None = None) -> DownloadSnapshot:
        return self._add("instant", url, proxy_id=proxy_id)

    def add_cloud(self, url: str) -> DownloadSnapshot:
        return self._add("cloud", url)

    def add_remote(self, url: str, remote_option_id: str, folder_id: str | None = None) -> DownloadSnapshot:
        return self._add("remote", url, remote_option_id=remote_option_id, folder_id=folder_id)

    def list_proxies(self) -> tuple[Proxy, ...]:
        return self._shared.scenario.proxies

    def cloud_status(self, request_id: str) -> DownloadSnapshot:
        return self._status(request_id, "cloud")

    def remote_status(self, request_id: str) -> DownloadSnapshot:
        return self._status(request_id, "remote")

    def check_cache(self, hashes: list[str]) -> list[str]:
        """The cached hashes only, in the client's order and spelling, each once."""
        seen: set[str] = set()
        cached: list[str] = []
        with self._shared.lock:
            for info_hash in hashes:
                lowered = info_hash.lower()
                if lowered not in seen and self._shared.internet.is_cached(lowered):
                    cached.append(info_hash)
                seen.add(lowered)
        return cached

    def explore(self, request_id: str, *, single_file: bool = False, cdn_links: bool = False) -> list[str]:
        """The links of a finished download's files: on its server (`{server}.offcloud.com`, legacy) or
        the CDN (2026). A single-file download is `Bad archive` unless `single_file` (the era decides;
        the defaults are the documented server's answers)."""
        with self._shared.lock:
            download = self._downloaded_cloud(request_id)
            if not download.content.is_multi_file and not single_file:
                raise BadArchive()
            if cdn_links:
                return list(cdn_file_links(self.user_id, request_id, download.content))
            return download.file_urls()

    def list_links(self, request_id: str) -> list[str]:
        """The links of every file, multi-file or not (explore refuses single files)."""
        with self._shared.lock:
            return self._downloaded_cloud(request_id).file_urls()

    def remote_accounts(self) -> tuple[RemoteAccount, ...]:
        return self.account.remote_accounts

    def retry_cloud(self, request_id: str) -> DownloadSnapshot:
        return self._retry(request_id, "cloud")

    def retry_remote(self, request_id: str) -> DownloadSnapshot:
        return self._retry(request_id, "remote")

    # --- beyond the documentation: history and removal (openapi.yaml, tag undocumented) ---------------

    def history(self, kind: DownloadKind) -> list[DownloadSnapshot]:
        """This account's downloads of that kind as of now, newest first (the order they were added)."""
        with self._shared.lock:
            now = self._shared.clock.now()
            return [
                download.snapshot(now)
                for download in reversed(self._shared.downloads.values())
                if download.user_id == self.user_id and download.kind == kind
            ]

    def history_page(self, kind: DownloadKind, page: int) -> tuple[list[DownloadSnapshot], bool]:
        """Page `page` (from 0) of `history(kind)`, HISTORY_PAGE_SIZE items, and whether it is the last."""
        everything = self.history(kind)
        start = page * HISTORY_PAGE_SIZE
        return everything[start : start + HISTORY_PAGE_SIZE], start + HISTORY_PAGE_SIZE >= len(everything)

    def remove(self, request_id: str, kind: DownloadKind) -> None:
        """Delete a download at once: gone from status, explore, lists and history; NotFound if unknown.

        It frees its place under the account's link limit (our choice: the limit counts the downloads the
        account holds), and adding the same content again creates a new download with a new requestId.
        """
        with self._shared.lock:
            download = self._own(request_id, kind)
            del self._shared.downloads[request_id]
            by_link = self._by_link[kind]
            if by_link.get(download.content.key) is download:
                del by_link[download.content.key]
            if download in self._remote_downloads:
                self._remote_downloads.remove(download)
            self._added -= 1

    def remove_many(self, request_ids: list[str], kind: DownloadKind) -> None:
        """Remove each of `request_ids`; ids unknown to this account are skipped (our choice)."""
        with self._shared.lock:
            for request_id in request_ids:
                try:
                    self.remove(request_id, kind)
                except NotFound:
                    continue

    def _add(
        self,
        kind: DownloadKind,
        url: str,
        *,
        proxy_id: str | None = None,
        remote_option_id: str | None = None,
        folder_id: str | None = None,
    ) -> DownloadSnapshot:
        shared = self._shared
        with shared.lock:
            content = shared.internet.resolve(url)
            if kind == "remote" and remote_option_id not in self._remote_options:
                raise BadRequest("Unknown remoteOptionId")
            now = shared.clock.now()
            # Content the account already has is answered again, never refused and never counted.
            existing = self._by_link[kind].get(content.key)
            if existing is not None:
                return existing.snapshot(now)
            self._check_entitlements(kind, content, proxy_id)
            if kind == "remote":
                self._check_remote_capacity(now)
            room = shared.room()
            if room is not None and room <= 0:
                raise DownloadCapReached(shared.max_downloads or 0)
            created_on = iso_millis(shared.clock.at(now))
            download = self._create(kind, content.key, url.strip(), content, now, created_on)
            download.remote_option_id = remote_option_id
            download.folder_id = folder_id
            return download.snapshot(now)

    def _check_entitlements(self, kind: DownloadKind, content: Content, proxy_id: str | None) -> None:
        # The order of the checks decides which add-on a refusal names when several are missing.
        if content.kind == "premium" and "premium" not in self.addons:
            raise NotAvailable("premium")
        if content.kind == "video" and "video" not in self.addons:
            raise NotAvailable("video")
        if kind == "instant" and proxy_id and "proxy" not in self.addons:
            raise NotAvailable("proxy")
        if self._added >= self.account.link_limit and "links" not in self.addons:
            raise NotAvailable("links")
        if kind == "cloud" and "cloud" not in self.addons:
            raise NotAvailable("cloud")

    def _check_remote_capacity(self, now: float) -> None:
        in_progress = 0
        for download in self._remote_downloads:
            if download.status_at(now).status not in FINISHED_STATUSES:
                in_progress += 1
                if in_progress >= MAX_REMOTE_IN_PROGRESS:
                    raise BadRequest(
                        f"You have more than {MAX_REMOTE_IN_PROGRESS} remote downloads in progress."
                    )

    def _create(
        self, kind: DownloadKind, key: str, link: str, content: Content, now: float, created_on: str
    ) -> Download:
        shared = self._shared
        download = Download(
            request_id=shared.ids.object_id(),
            user_id=self.user_id,
            kind=kind,
            original_link=link,
            content=content,
            timing=shared.scenario.timing,
            server=shared.ids.choice(SERVERS),
            created_at=now,
            created_on=created_on,
        )
        self.adopt(download, key)
        return download

    def adopt(self, download: Download, key: str | None = None) -> None:
        """Make `download` this account's (a new one, or one the scenario seeds): found by its id and,
        when its content is added again, by the content's key; counted against the link limit."""
        shared = self._shared
        shared.downloads[download.request_id] = download
        self._by_link[download.kind][download.content.key if key is None else key] = download
        self._added += 1
        if download.kind == "remote":
            self._remote_downloads.append(download)

    def _own(self, request_id: str, kind: DownloadKind) -> Download:
        """This account's download of that kind; anything else is exactly as unknown as a random id."""
        download = self._shared.downloads.get(request_id)
        if download is None or download.user_id != self.user_id or download.kind != kind:
            raise NotFound()
        return download

    def _downloaded_cloud(self, request_id: str) -> Download:
        download = self._own(request_id, "cloud")
        if download.status_at(self._shared.clock.now()).status != "downloaded":
            raise BadRequest("File is not downloaded yet.")
        return download

    def _status(self, request_id: str, kind: DownloadKind) -> DownloadSnapshot:
        with self._shared.lock:
            return self._own(request_id, kind).snapshot(self._shared.clock.now())

    def _retry(self, request_id: str, kind: DownloadKind) -> DownloadSnapshot:
        with self._shared.lock:
            download = self._own(request_id, kind)
            now = self._shared.clock.now()
            download.retry(now)
            # "created", except for cached cloud content, which is at once downloaded again.
            return download.snapshot(now)

    # --- beyond the documentation --------------------------------------------------------

    def account_summary(self) -> AccountSummary:
        """/api/account/info (2026) and /api/account/stats (legacy)."""
        shared = self._shared
        with shared.lock:
            today = shared.clock.at(shared.clock.now()).date()
            return account_summary(self.account, self._added, today, self.addons)

    def sites(self) -> tuple[Site, ...]:
        return self._shared.scenario.sites

    def cache_info(self, urls: list[str], *, include_files: bool) -> list[cache_rules.CacheAnswer]:
        with self._shared.lock:
            try:
                return cache_rules.cache_info(urls, self._cached_view, include_files=include_files)
            except cache_rules.CacheError as error:
                raise BadRequest(str(error)) from None

    def cache_download(self, url: str) -> list[cache_rules.DirectLink]:
        with self._shared.lock:
            try:
                return cache_rules.cache_download(url, self._cached_view, self._cdn_link)
            except cache_rules.NotCached:
                raise BadRequest("Not cached") from None  # openapi.yaml's wording (our choice)
            except cache_rules.CacheError as error:
                raise BadRequest(str(error)) from None

    def explore_detailed(
        self, request_id: str, *, single_file: bool = False
    ) -> list[cache_rules.DetailedEntry]:
        """2026 `format=detailed`; a single file is `Bad archive` unless `single_file` (the era decides)."""
        with self._shared.lock:
            download = self._downloaded_cloud(request_id)
            if not download.content.is_multi_file and not single_file:
                raise BadArchive()
            view = ContentView.of(download.content)
            return cache_rules.detailed_entries(request_id, view, self._cdn_link)

    def upload_torrent(self, data: bytes) -> Torrent:
        """Parse an uploaded .torrent and put its content at `upload_url(info hash)`, to be added.

        A new upload takes one place under `max_downloads` per file it lists (DownloadCapReached when
        they are not free); a torrent uploaded before is answered again, taking nothing more."""
        try:
            torrent = parse_torrent(data)
        except NotATorrent:
            raise BadRequest("The file is not a valid torrent.") from None
        shared = self._shared
        with shared.lock:
            content = uploaded_content(torrent, shared.internet.torrent(torrent.info_hash))
            if content.key not in shared.uploads:
                room = shared.room()
                if room is not None and len(content.files) > room:
                    raise DownloadCapReached(shared.max_downloads or 0, uploaded_files=len(content.files))
                shared.internet.register(content)
                shared.uploads.add(content.key)
                shared.upload_places += len(content.files)
        return torrent

    @staticmethod
    def upload_url(torrent: Torrent) -> str:
        return upload_url(torrent.info_hash)

    def _cached_view(self, info_hash: str) -> ContentView | None:
        content = self._shared.internet.cached_content(info_hash)
        return ContentView.of(content) if content is not None else None

    def _cdn_link(self, key: str, index: int, path: tuple[str, ...]) -> str:
        return cdn_link(self.user_id, key, index, path)
