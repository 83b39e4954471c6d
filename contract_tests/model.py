"""A reference model of Offcloud's rules for a set of accounts, against which answers are checked.

It knows what the scenario says (accounts, add-ons, link limits, remote accounts, the fake internet and
the timing of a download's phases) and applies the documented rules:

* adding content an account already has answers the same requestId again, is never refused, and does not
  count against the link limit; content is the same whatever the letter case of a torrent's hash;
* a new download is refused with `{"not_available": <add-on>}` when the account lacks an add-on it
  needs: `premium`/`video` for such content, `proxy` for an instant download through a chosen proxy,
  `cloud` for any cloud download, `links` once the account has added `link_limit` downloads; when
  several are missing, any of them may be named;
* an unknown `remoteOptionId` is a bad request; an account never sees another account's downloads;
* a download's status follows `lifecycle.expected_status` on the mock clock; only a download in
  `error` can be retried, which starts a new attempt from `created`.
"""

from dataclasses import dataclass, field

from contract_tests.demo_data import DemoScenario
from contract_tests.lifecycle import Content, Expected, Kind, content_for, expected_status

__all__ = ["AccountModel", "AddOutcome", "DownloadModel", "OffcloudModel"]


@dataclass(slots=True)
class AccountModel:
    name: str
    api_key: str
    addons: frozenset[str]
    link_limit: int | None  # None: no limit
    remote_option_ids: frozenset[str]
    added: int = 0
    by_content: dict[tuple[Kind, str], str] = field(default_factory=dict)  # (kind, content key) -> requestId


@dataclass(slots=True)
class DownloadModel:
    request_id: str
    owner: str
    kind: Kind
    link: str
    content: Content
    created_at: float
    size: int | None
    attempt: int = 1
    started_at: float = 0.0


@dataclass(frozen=True, slots=True)
class AddOutcome:
    kind: str  # "new" | "existing" | "not_available" | "bad_request"
    request_id: str | None = None  # for "existing"
    refusals: frozenset[str] = frozenset()  # for "not_available": the add-ons the answer may name


class OffcloudModel:
    def __init__(self, scenario: DemoScenario, accounts: list[AccountModel]) -> None:
        self.scenario = scenario
        self.accounts = {account.name: account for account in accounts}
        self.downloads: dict[str, DownloadModel] = {}
        self.now = 0.0  # mock seconds since the last reset (the mock clock is frozen and only advanced)

    def advance(self, seconds: float) -> None:
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
            request_id, account_name, kind, link, content, self.now, content.size, started_at=self.now
        )
        self.downloads[request_id] = download
        account.by_content[(kind, content.key)] = request_id
        account.added += 1
        return download

    # Reading -------------------------------------------------------------------------------------------

    def visible(self, account_name: str, request_id: str, kind: Kind) -> DownloadModel | None:
        """The download if this account may see it as this kind; None is "not found"."""
        download = self.downloads.get(request_id)
        if download is None or download.owner != account_name or download.kind != kind:
            return None
        return download

    def learn_size(self, download: DownloadModel, size: int) -> None:
        """Content the scenario does not list gets its size from the server's first answer."""
        if download.size is None:
            download.size = size

    def expected(self, download: DownloadModel) -> Expected | None:
        if download.size is None:
            return None
        elapsed = self.now - download.started_at
        return expected_status(
            download.content, download.size, download.kind, download.attempt, elapsed, self.scenario.timing
        )

    def added_status(self, download: DownloadModel) -> str:
        """The status an add answer shows for a download created just now."""
        if download.kind == "cloud" and download.content.cached:
            return "downloaded"
        return "created"

    def file_count(self, download: DownloadModel) -> int:
        resource = self.scenario.by_link(download.link) if download.content.size is not None else None
        if resource is None and download.content.key.startswith("btih:"):
            resource = self.scenario.by_hash(download.content.key[5:])
        return len(resource.sizes) if resource is not None else 1

    # Changing ------------------------------------------------------------------------------------------

    def can_retry(self, download: DownloadModel) -> bool | None:
        expected = self.expected(download)
        return None if expected is None else expected.status == "error"

    def retry(self, download: DownloadModel) -> None:
        download.attempt += 1
        download.started_at = self.now

    def check_cache_problem(self, hashes: list[str], answer: list[str]) -> str | None:
        """What is wrong with `answer` to checkCache(hashes), or None: it must name exactly the cached
        hashes that were asked about (any letter case, each spelled as sent), and never a miss."""
        expected = {h.lower() for h in hashes if h.lower() in self.scenario.cached_hashes}
        if {h.lower() for h in answer} != expected:
            return f"cachedItems {sorted(answer)} should name exactly {sorted(expected)}"
        unsent = [h for h in answer if h not in hashes]
        return f"cachedItems {unsent} were not sent in that spelling" if unsent else None
