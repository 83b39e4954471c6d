"""A reference model of Offcloud's rules for a set of accounts: it predicts every field of every answer.

It knows what the scenario says (accounts, add-ons, link limits, remote accounts, the fake internet, the
start of mock time and the timing of a download's phases) and applies the documented rules:

* adding content an account already has answers the same requestId again (with that request's fields and
  current status), is never refused, and does not count against the link limit; content is the same
  whatever the letter case of a torrent's hash;
* a new download is refused with `{"not_available": <add-on>}` when the account lacks an add-on it needs:
  `premium`/`video` for such content, `proxy` for an instant download through a chosen proxy, `cloud` for
  any cloud download, `links` once the account has added `link_limit` downloads (the limit-th is still
  accepted); when several are missing, any of them may be named;
* an unknown `remoteOptionId` is a bad request; an account never sees another account's downloads;
* a download's status follows the phase table (phase_table) on the mock clock; only a download in
  `error` can be retried, which starts a new attempt from `created`;
* removal (beyond the doc) deletes a download at once: gone from status, explore, lists and history; the
  same content added again is a new request with a new requestId, and its place under the link limit is
  freed (the spec's "Our choice"); history lists an account's downloads of a kind, newest first;
* a download lives on one server: the host prefix of its links (`https://{server}.offcloud.com/...`) and
  the `server` of its status; the model learns it from the first answer that shows it;
* explore (openapi.yaml exploreCloudDownload): the legacy server lists a finished multi-file download's
  links on its server and refuses a single file (`Bad archive`); the 2026 server lists every file's
  CDN link, `{CDN}/{userId}/{requestId}/{path from the root folder}`, a single file's one link too
  (the spec's choice for the scenario's default `single_file_explore`); its `format=detailed` lists a
  finished multi-file download's files and refuses a single file (cdn_files);
* a history item (getCloudHistory) shows the download as its status does, `originalLink` the link as it
  was added and `createdOn` the moment it was added (retries do not move it); 2026 items carry nothing
  else (no sizes, no server);
* removal of many (removeCloudDownloads) removes each id that is a cloud download of the caller's and
  skips every other id (unknown, removed, another account's, another kind's), answering success;
* what the account endpoints report is account_rules', and the device login's device_login's.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from fractions import Fraction
from urllib.parse import quote

from offcloud_contract.support.model.account_rules import account_info, account_stats, today
from offcloud_contract.support.model.cdn_files import CDN_BASE, cdn_link, detailed_files, file_paths
from offcloud_contract.support.model.content_rules import ContentFacts, content_for
from offcloud_contract.support.model.demo_data import DemoScenario
from offcloud_contract.support.model.phase_table import (
    Expected,
    Kind,
    LifeRules,
    Phase,
    expected_at,
    phase_table,
)

__all__ = ["AccountModel", "AddOutcome", "DownloadModel", "OffcloudModel"]


def _millis(moment: datetime) -> str:
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z"


@dataclass(slots=True)
class AccountModel:
    name: str
    api_key: str
    addons: frozenset[str]
    link_limit: int | None  # None: no limit
    remote_option_ids: frozenset[str]
    added: int = 0
    by_content: dict[tuple[Kind, str], str] = field(default_factory=dict)  # (kind, content key) -> requestId
    user_id: str | None = None  # the owner in its CDN links; None: learned from the first one seen


@dataclass(slots=True)
class DownloadModel:
    request_id: str
    owner: str
    kind: Kind
    link: str  # as first added, stripped: every answer's originalLink
    content: ContentFacts
    created_at: Fraction
    size: int | None
    server: str | None = None  # learned from the first answer that shows it
    attempt: int = 1
    started_at: Fraction = Fraction(0)
    removed: bool = False  # removed downloads stay here (bundles still name them): "not found" everywhere


@dataclass(frozen=True, slots=True)
class AddOutcome:
    kind: str  # "new" | "existing" | "not_available" | "bad_request"
    request_id: str | None = None  # for "existing"
    refusals: frozenset[str] = frozenset()  # for "not_available": the add-ons the answer may name


class OffcloudModel:
    def __init__(self, scenario: DemoScenario, accounts: list[AccountModel], era: str = "2026") -> None:
        self.scenario = scenario
        self.era = era  # the server whose answers it predicts (they differ for explore)
        self.accounts = {account.name: account for account in accounts}
        self.downloads: dict[str, DownloadModel] = {}  # in the order added (history reads it backwards)
        self.removed: set[str] = set()
        self.progress_seen: dict[tuple[str, int], float] = {}  # (requestId, attempt) -> last 2026 progress
        self.now = Fraction(0)  # mock seconds since the last reset (the clock is frozen and only advanced)

    def advance(self, seconds: Fraction) -> None:
        self.now += seconds

    # Adding --------------------------------------------------------------------------------------------

    def predict_add(
        self,
        account_name: str,
        kind: Kind,
        link: str,
        remote_option_id: str | None = None,
        proxy_id: str | None = None,
    ) -> AddOutcome:
        account = self.accounts[account_name]
        content = content_for(link, self.scenario)
        if kind == "remote" and remote_option_id not in account.remote_option_ids:
            return AddOutcome("bad_request")
        existing = account.by_content.get((kind, content.key))
        if existing is not None:
            return AddOutcome("existing", request_id=existing)
        missing = set()
        if content.kind in ("premium", "video") and content.kind not in account.addons:
            missing.add(content.kind)
        if kind == "instant" and proxy_id and "proxy" not in account.addons:
            missing.add("proxy")
        if (
            account.link_limit is not None
            and account.added >= account.link_limit
            and "links" not in account.addons
        ):
            missing.add("links")
        if kind == "cloud" and "cloud" not in account.addons:
            missing.add("cloud")
        if missing:
            return AddOutcome("not_available", refusals=frozenset(missing))
        return AddOutcome("new")

    def record_new(self, account_name: str, kind: Kind, link: str, request_id: str) -> DownloadModel:
        account = self.accounts[account_name]
        content = content_for(link, self.scenario)
        download = DownloadModel(
            request_id, account_name, kind, link.strip(), content, self.now, content.size, started_at=self.now
        )
        self.downloads[request_id] = download
        account.by_content[(kind, content.key)] = request_id
        account.added += 1
        return download

    def add_answer(self, download: DownloadModel) -> dict[str, object]:
        """Every field of the answer to adding this download (again) but `createdOn` (`created_on`): None
        where the field is absent."""
        return {
            "requestId": download.request_id,
            "fileName": download.content.name,
            "site": download.content.site,
            "status": self.added_status(download),
            "originalLink": download.link,
            "url": self.add_url(download),
        }

    def add_url(self, download: DownloadModel) -> str | None:
        """cloud: the download's base link, without the file name; instant: with it; remote: none."""
        if download.kind == "remote" or download.server is None:
            return None
        if download.kind == "instant":
            return f"https://{download.server}.offcloud.com/instant/download/{download.request_id}/{quote(download.content.name)}"
        return self._base_link(download)

    def created_on(self, download: DownloadModel) -> datetime:
        """The scenario's start plus the mock time it was added at, to the millisecond."""
        millis = int(download.created_at * 1000)
        return self.scenario.start + timedelta(milliseconds=millis)

    # Reading -------------------------------------------------------------------------------------------

    def visible(self, account_name: str, request_id: str, kind: Kind) -> DownloadModel | None:
        """The download if this account may see it as this kind; None is "not found"."""
        download = self.downloads.get(request_id)
        if download is None or download.removed or download.owner != account_name or download.kind != kind:
            return None
        return download

    def learn_size(self, download: DownloadModel, size: int) -> None:
        """Content the scenario does not list gets its size from the server's first answer."""
        if download.size is None:
            download.size = size

    def learn_server(self, download: DownloadModel, server: str) -> None:
        if download.server is None:
            download.server = server

    def life_rules(self, download: DownloadModel) -> LifeRules:
        # An instant download never leaves `created`, so its size does not matter.
        size = 0 if download.kind == "instant" else download.size
        assert size is not None, "the size of unlisted content is learned first"
        timing = self.scenario.timing
        return LifeRules(
            kind=download.kind,
            size=size,
            multi_file=download.content.multi_file,
            cached=download.content.cached,
            failing=download.attempt <= download.content.fails,
            speed=download.content.speed or timing.default_speed,
            created_seconds=Fraction(timing.created_seconds),
            queued_seconds=Fraction(timing.queued_seconds),
            processing_seconds=Fraction(timing.processing_seconds),
            uploading_seconds=Fraction(timing.uploading_seconds),
            fail_after_fraction=Fraction(timing.fail_after_fraction),
        )

    def phases(self, download: DownloadModel) -> tuple[Phase, ...]:
        """The phases of the current attempt, in mock seconds since the reset."""
        return tuple(
            Phase(
                phase.status,
                download.started_at + phase.start,
                None if phase.end is None else download.started_at + phase.end,
            )
            for phase in phase_table(self.life_rules(download))
        )

    def expected(self, download: DownloadModel) -> Expected:
        return expected_at(self.life_rules(download), self.now - download.started_at)

    def status_answer(self, download: DownloadModel) -> dict[str, object]:
        """Every field of the object inside a status answer's wrapper: None where the field is absent."""
        expected = self.expected(download)
        done = expected.status == "downloaded"
        return {
            "requestId": download.request_id,
            "fileName": download.content.name,
            "status": expected.status,
            "amount": expected.amount,
            "fileSize": download.size,
            "server": download.server,
            "downloadingSpeed": expected.speed,
            "downloadingTime": expected.downloading_ms,
            "isDirectory": download.content.multi_file if done else None,
            "errorMessage": download.content.error_message if expected.failed else None,
        }

    def added_status(self, download: DownloadModel) -> str:
        """The status an add answer shows for a download created just now."""
        known = download.size is not None or download.kind == "instant"
        return self.expected(download).status if known else "created"

    def finished(self, download: DownloadModel) -> bool:
        return self.expected(download).status == "downloaded"

    def _base_link(self, download: DownloadModel) -> str:
        return f"https://{download.server}.offcloud.com/cloud/download/{download.request_id}"

    def file_links(self, download: DownloadModel) -> list[str]:
        """One link per file: `{base}/{index}/{name}` for multi-file content (what explore answers),
        `{base}/{name}` for a single file (what clients build themselves)."""
        base = self._base_link(download)
        names = download.content.file_names()
        if download.content.multi_file:
            return [f"{base}/{index}/{quote(name)}" for index, name in enumerate(names)]
        return [f"{base}/{quote(names[0])}"]

    def explore_links(self, download: DownloadModel) -> list[str] | None:
        """What plain explore of a finished download answers in the model's era; None: `Bad archive`."""
        if self.era == "legacy":
            return self.file_links(download) if download.content.multi_file else None
        owner = self.accounts[download.owner].user_id
        return [cdn_link(owner, download.request_id, path) for path, _ in file_paths(download.content)]

    def explore_detailed(self, download: DownloadModel) -> dict[str, object] | None:
        """What 2026 `format=detailed` explore of a finished download answers; None: `Bad archive`."""
        if not download.content.multi_file:
            return None
        return detailed_files(download.request_id, download.content, self.accounts[download.owner].user_id)

    def learn_user_id(self, download: DownloadModel, links: object) -> None:
        """The owner's id in CDN links, from the first explore answer that shows it (a real server)."""
        if isinstance(links, list) and links and isinstance(links[0], str):
            prefix = f"{CDN_BASE}/"
            if links[0].startswith(prefix):
                self.learn_account_id(download.owner, links[0].removeprefix(prefix).split("/", 1)[0])

    def learn_account_id(self, account_name: str, user_id: object) -> None:
        """An account's id where the scenario does not give it: the first answer that shows it says it."""
        account = self.accounts[account_name]
        if account.user_id is None and isinstance(user_id, str) and user_id:
            account.user_id = user_id

    def history_item(self, download: DownloadModel) -> dict[str, object]:
        """Every field a 2026 history item has (a legacy item has more: server, isDirectory, sizes...),
        `createdOn` in the server's form, to the millisecond."""
        return {
            "requestId": download.request_id,
            "fileName": download.content.name,
            "status": self.expected(download).status,
            "originalLink": download.link,
            "createdOn": self.created_on_texts(download)[0],
        }

    def created_on_texts(self, download: DownloadModel) -> tuple[str, str]:
        """`createdOn` as the server writes it (UTC, to the millisecond), and the same a millisecond later
        (the mock's float arithmetic may round a microsecond up into the next millisecond)."""
        created = self.created_on(download)
        return _millis(created), _millis(created + timedelta(milliseconds=1))

    def account_answer(self, account_name: str) -> dict[str, object]:
        """Every field of the account endpoint of the model's era: getAccountInfo (2026) or getAccountStats
        (legacy); the id None while it is not known (account_rules)."""
        account = self.accounts[account_name]
        plan = self.scenario.account(account.api_key)
        day = today(self.scenario, self.now)
        if self.era == "legacy":
            return account_stats(plan, account, day, account.user_id)
        return account_info(plan, account, day, account.user_id)

    # Changing ------------------------------------------------------------------------------------------

    def can_retry(self, download: DownloadModel) -> bool:
        return self.expected(download).status == "error"

    def retry(self, download: DownloadModel) -> None:
        download.attempt += 1
        download.started_at = self.now

    def remove(self, download: DownloadModel) -> None:
        download.removed = True
        account = self.accounts[download.owner]
        if account.by_content.get((download.kind, download.content.key)) == download.request_id:
            del account.by_content[(download.kind, download.content.key)]
        account.added -= 1
        self.removed.add(download.request_id)

    def remove_many(self, account_name: str, request_ids: list[str]) -> list[DownloadModel]:
        """removeCloudDownloads as this account: the downloads it removes (each once, in the order given)."""
        removed = []
        for request_id in request_ids:
            download = self.visible(account_name, request_id, "cloud")
            if download is not None:
                self.remove(download)
                removed.append(download)
        return removed

    def history(self, account_name: str, kind: Kind = "cloud") -> list[str]:
        """The requestIds history lists for this account and kind: newest first (the order added)."""
        return [
            download.request_id
            for download in reversed(self.downloads.values())
            if download.owner == account_name and download.kind == kind and not download.removed
        ]

    def cached_items(self, hashes: list[str]) -> list[str]:
        """The answer to checkCache(hashes): the cached ones only, as sent, each once, in the order sent."""
        seen: set[str] = set()
        answer = []
        for info_hash in hashes:
            if info_hash.lower() in self.scenario.cached_hashes and info_hash.lower() not in seen:
                answer.append(info_hash)
            seen.add(info_hash.lower())
        return answer
