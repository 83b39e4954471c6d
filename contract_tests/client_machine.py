"""The generated client against the mock, as a hypothesis state machine held to the reference model.

Two accounts of the demo scenario act at once: `demo` (every add-on, two remote accounts) and `free` (no
add-on, three downloads in all, no remote account). Rules add URLs and magnets (from the scenario's fake
internet, in any letter case, and unknown ones), move the mock's frozen clock by random amounts, poll
statuses, retry, explore and list, check the cache, list proxies and remote accounts, and log in. Every
answer is parsed by the generated client into its typed model (an `UnexpectedResponse` fails the test)
and compared with `model.OffcloudModel`.
"""

from collections.abc import Callable
from typing import Any

import httpx
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, multiple, precondition, rule
from offcloud_client.api.account import check_login, get_api_key, login
from offcloud_client.api.cache import check_cache
from offcloud_client.api.cloud import (
    add_cloud_download,
    explore_cloud_download,
    get_cloud_status,
    list_cloud_download_links,
    retry_cloud_download,
)
from offcloud_client.api.instant import add_instant_download
from offcloud_client.api.proxies import list_proxies
from offcloud_client.api.remote import (
    add_remote_download,
    get_remote_status,
    list_remote_accounts,
    retry_remote_download,
)
from offcloud_client.errors import UnexpectedResponse
from offcloud_client.models import (
    ApiKeyInfo,
    CacheCheckForm,
    CacheCheckResult,
    CloudDownload,
    CloudDownloadForm,
    CloudNotAvailable,
    CloudStatusResult,
    DownloadNotAvailable,
    ErrorBody,
    InstantDownload,
    InstantDownloadForm,
    LoginCheck,
    LoginForm,
    LoginResult,
    ProxyList,
    RemoteAccountList,
    RemoteDownload,
    RemoteDownloadForm,
    RemoteStatusResult,
    RequestIdForm,
    RetryResult,
)

from contract_tests.demo_data import DemoScenario, demo, magnet
from contract_tests.diagnose import diagnose_body
from contract_tests.lifecycle import Kind
from contract_tests.model import AccountModel, DownloadModel, OffcloudModel
from contract_tests.spec import operation_for
from contract_tests.stateful import ADVANCES
from contract_tests.targets import Target

__all__ = ["CLIENT_BUDGET", "make_client_machine"]

# Runs are cheap (no schemathesis in the loop), and retries need long ones: at least this many.
CLIENT_BUDGET = {"min_scenarios": 60, "min_steps": 40}

ACCOUNTS = ("demo", "free")
# Who reads a download: its owner (mostly), the other account, or the owner through the other kind's endpoint.
ASKER = st.sampled_from(("owner", "owner", "owner", "owner", "other-account", "other-kind"))
UNKNOWN_OPTION = "0123456789abcdef01234567"


def _http_links(scenario: DemoScenario) -> st.SearchStrategy[str]:
    known = st.sampled_from([r.link for r in scenario.resources if r.info_hash is None])
    unknown = st.from_regex(r"\A[a-z0-9]{1,8}\Z").map(lambda name: f"https://files.unknown.test/{name}.bin")
    return st.one_of(known, known, unknown)


def _links(scenario: DemoScenario) -> st.SearchStrategy[str]:
    """http(s) links and magnet links: the scenario's, the same torrents with upper-case hashes, unknown ones."""
    known = st.sampled_from(scenario.links)
    failing = st.sampled_from([r.link for r in scenario.resources if r.fails])  # what retry needs
    shouting = st.sampled_from([magnet(h.upper()) for h in scenario.info_hashes])
    unknown_magnet = st.from_regex(r"\A[0-9a-f]{40}\Z").map(magnet)
    return st.one_of(known, known, failing, shouting, _http_links(scenario), unknown_magnet)


def _call(what: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """`function.sync_detailed(...)`; an answer the client cannot parse fails with the operation named."""
    try:
        return function(*args, **kwargs)
    except UnexpectedResponse as error:
        operation_id = what.split("(")[0].split(" ")[0]  # every `what` starts with the operationId
        diagnosis = diagnose_body(operation_id, error.status_code, error.content)
        raise AssertionError(
            f"{what}: the generated client rejected the answer: {error}\ncontract: {diagnosis}"
        ) from error


def _parsed(what: str, response: Any, *expected: type) -> Any:
    """The parsed body, which must be one of `expected` (the typed models the contract allows here)."""
    parsed = response.parsed
    if expected and not isinstance(parsed, expected):
        names = " | ".join(cls.__name__ for cls in expected)
        raise AssertionError(
            f"{what}: expected {names}, the client parsed {type(parsed).__name__} from HTTP "
            f"{response.status_code} {response.content[:300]!r}"
        )
    return parsed


def make_client_machine(target: Target, record: Callable[[str, int], None]) -> type[RuleBasedStateMachine]:
    """The machine for `target` (a mock with controls); every answer is passed to `record`."""
    scenario = demo()
    controls = target.require_controls()
    free = target.other_account
    if free is None:
        raise LookupError("the client-vs-mock machine needs the mock's second (free) account")
    keys = {"demo": target.account.api_key, "free": free.api_key}
    failing = [r.link for r in scenario.resources if r.fails]
    seeds = st.sampled_from([*failing, *failing, *scenario.links])

    def on_response(response: httpx.Response) -> None:
        operation = operation_for(response.request.method, response.request.url.path)
        if operation is not None:
            record(operation.operation_id, response.status_code)

    class ClientVersusMock(RuleBasedStateMachine):
        cloud_downloads = Bundle("cloud_downloads")
        remote_downloads = Bundle("remote_downloads")
        instant_downloads = Bundle("instant_downloads")

        def __init__(self) -> None:
            super().__init__()
            controls.reset()
            controls.freeze()
            self.logged_in = False
            self.listed = False
            self.clients = {who: target.client(keys[who], on_response=on_response) for who in ACCOUNTS}
            self.model = OffcloudModel(
                scenario,
                [
                    AccountModel(
                        who,
                        keys[who],
                        scenario.account(keys[who]).addons,
                        scenario.account(keys[who]).link_limit,
                        frozenset(scenario.account(keys[who]).remote_option_ids),
                    )
                    for who in ACCOUNTS
                ],
            )

        def teardown(self) -> None:
            for client in self.clients.values():
                client.get_httpx_client().close()

        @initialize(target=cloud_downloads, link=seeds)
        def demo_adds_known_content(self, link: str) -> Any:
            """Every run starts with a cloud and a remote download of the scenario's content (failing
            links weighted: retrying is the rare path), and maybe a head start of mock time."""
            return self.add_cloud("demo", link)

        @initialize(target=remote_downloads, link=seeds, head_start=st.sampled_from((0.0, 5.0, 60.0)))
        def demo_adds_known_remote_content(self, link: str, head_start: float) -> Any:
            option = scenario.account(keys["demo"]).remote_option_ids[0]
            added = self.add_remote("demo", link, option)
            if head_start:
                self.advance_clock(head_start)
            return added

        # Adding ---------------------------------------------------------------------------------------

        def _added(self, who: str, kind: Kind, link: str, what: str, response: Any, outcome: Any) -> Any:
            model = self.model
            if outcome.kind == "bad_request":
                assert response.status_code == 400, f"{what}: expected 400, got {response.status_code}"
                _parsed(what, response, ErrorBody)
                return multiple()
            if outcome.kind == "not_available":
                refusal = _parsed(what, response, CloudNotAvailable, DownloadNotAvailable)
                assert refusal.not_available in outcome.refusals, (
                    f"{what}: refused for {refusal.not_available!r}, the model expects one of {sorted(outcome.refusals)}"
                )
                return multiple()
            created_type = {"cloud": CloudDownload, "remote": RemoteDownload, "instant": InstantDownload}[
                kind
            ]
            created = _parsed(what, response, created_type)
            if outcome.kind == "existing":
                assert created.request_id == outcome.request_id, (
                    f"{what}: the same content again must answer the same requestId {outcome.request_id}, "
                    f"not {created.request_id}"
                )
                existing = model.downloads[outcome.request_id]
                expected = model.expected(existing)
                if expected is not None:  # adding again answers the request's current status
                    assert created.status == expected.status, (
                        f"{what}: the existing request answered {created.status!r}; {self._progress(existing)}"
                    )
                return multiple()
            assert created.request_id not in model.downloads, f"{what}: requestId {created.request_id} reused"
            download = model.record_new(who, kind, link, created.request_id)
            assert created.status == model.added_status(download), (
                f"{what}: a new {kind} download of {link!r} is {model.added_status(download)!r}, "
                f"answered {created.status!r}"
            )
            assert created.original_link == link.strip(), f"{what}: originalLink {created.original_link!r}"
            if kind == "instant":
                assert created.request_id in created.url, f"{what}: url {created.url!r} lacks the requestId"
            return created.request_id

        @rule(target=cloud_downloads, who=st.sampled_from(ACCOUNTS), link=_links(scenario))
        def add_cloud(self, who: str, link: str) -> Any:
            outcome = self.model.predict_add(who, "cloud", link)
            what = f"addCloudDownload({link!r}) as {who}"
            response = _call(
                what,
                add_cloud_download.sync_detailed,
                client=self.clients[who],
                body=CloudDownloadForm(url=link),
            )
            return self._added(who, "cloud", link, what, response, outcome)

        @rule(
            target=instant_downloads,
            who=st.sampled_from(ACCOUNTS),
            link=_http_links(scenario),  # instant downloads take http(s) links only
            proxy=st.none() | st.sampled_from(scenario.proxy_ids),
        )
        def add_instant(self, who: str, link: str, proxy: str | None) -> Any:
            outcome = self.model.predict_add(who, "instant", link, proxy_id=proxy)
            body = (
                InstantDownloadForm(url=link)
                if proxy is None
                else InstantDownloadForm(url=link, proxy_id=proxy)
            )
            what = f"addInstantDownload({link!r}, proxyId={proxy!r}) as {who}"
            response = _call(what, add_instant_download.sync_detailed, client=self.clients[who], body=body)
            return self._added(who, "instant", link, what, response, outcome)

        @rule(
            target=remote_downloads,
            who=st.sampled_from(ACCOUNTS),
            link=_links(scenario),
            option=st.sampled_from((*scenario.remote_option_ids, UNKNOWN_OPTION)),
        )
        def add_remote(self, who: str, link: str, option: str) -> Any:
            outcome = self.model.predict_add(who, "remote", link, remote_option_id=option)
            body = RemoteDownloadForm(url=link, remote_option_id=option)
            what = f"addRemoteDownload({link!r}, remoteOptionId={option!r}) as {who}"
            response = _call(what, add_remote_download.sync_detailed, client=self.clients[who], body=body)
            return self._added(who, "remote", link, what, response, outcome)

        # Time -----------------------------------------------------------------------------------------

        @rule(seconds=st.sampled_from(ADVANCES))
        def advance_clock(self, seconds: float) -> None:
            controls.advance(seconds)
            self.model.advance(seconds)

        # Reading --------------------------------------------------------------------------------------

        def _asker(self, request_id: str, asker: str) -> tuple[str, Kind]:
            """Who asks about a download, through which kind's endpoint."""
            download = self.model.downloads[request_id]
            kind: Kind = "remote" if download.kind == "remote" else "cloud"
            if asker == "other-account":
                return ("free" if download.owner == "demo" else "demo"), kind
            if asker == "other-kind":
                return download.owner, ("cloud" if kind == "remote" else "remote")
            return download.owner, kind

        def _not_found(self, what: str, response: Any, request_id: str | None = None, who: str = "") -> None:
            download = self.model.downloads.get(request_id or "")
            rule = (
                "account isolation: another account's download"
                if download and download.owner != who
                else ("not this account's download of this kind")
            )
            assert response.status_code == 404, (
                f"{what}: {rule}, so 404; got HTTP {response.status_code} {response.content[:300]!r}"
            )
            _parsed(what, response, ErrorBody)

        @rule(request_id=cloud_downloads | remote_downloads, asker=ASKER)
        def poll_status(self, request_id: str, asker: str) -> None:
            who, endpoint = self._asker(request_id, asker)
            client = self.clients[who]
            body = RequestIdForm(request_id=request_id)
            what = (
                f"get{endpoint.capitalize()}Status({request_id}) as {who}, {self.model.now:g} s after reset"
            )
            call = get_cloud_status if endpoint == "cloud" else get_remote_status
            response = _call(what, call.sync_detailed, client=client, body=body)
            download = self.model.visible(who, request_id, endpoint)
            if download is None:
                self._not_found(what, response, request_id, who)
                return
            result = _parsed(what, response, CloudStatusResult if endpoint == "cloud" else RemoteStatusResult)
            status = result.status
            assert status.request_id == request_id, f"{what}: the status of {status.request_id}"
            self.model.learn_size(download, int(status.file_size))
            expected = self.model.expected(download)
            assert expected is not None
            assert (status.status, status.amount, int(status.file_size)) == (
                expected.status,
                expected.amount,
                download.size,
            ), (
                f"{what}: status progression: {download.kind} download of {download.link!r} (attempt "
                f"{download.attempt}, {self.model.now - download.started_at:g} s into it) should be {expected.status!r} with "
                f"{expected.amount} of {download.size} bytes; the answer: {status.status!r}, {status.amount} of "
                f"{status.file_size}"
            )

        @rule(request_id=cloud_downloads | remote_downloads, asker=ASKER)
        def retry(self, request_id: str, asker: str) -> None:
            who, endpoint = self._asker(request_id, asker)
            client = self.clients[who]
            call = retry_cloud_download if endpoint == "cloud" else retry_remote_download
            what = f"retry{endpoint.capitalize()}Download({request_id}) as {who}"
            response = _call(what, call.sync_detailed, request_id, client=client)
            download = self.model.visible(who, request_id, endpoint)
            if download is None:
                self._not_found(what, response, request_id, who)
                return
            self._learn_size(download)
            if self.model.can_retry(download):
                result = _parsed(what, response, RetryResult)
                self.model.retry(download)
                assert result.success is True, f"{what}: {response.content!r}"
                assert result.status == "created", (
                    f"{what}: a retried download starts from created: {result!r}"
                )
            else:
                assert response.status_code == 400, (
                    f"{what}: only a download in error can be retried; {self._progress(download)}; yet HTTP "
                    f"{response.status_code}"
                )
                _parsed(what, response, ErrorBody)

        def _learn_size(self, download: DownloadModel) -> None:
            """Content the scenario does not list: its size, from a status read (the answer checked)."""
            if download.size is None:
                self.poll_status(download.request_id, "owner")

        def _progress(self, download: DownloadModel) -> str:
            expected = self.model.expected(download)
            where = expected.status if expected is not None else "of unknown size"
            return (
                f"status progression: the model has this {download.kind} download of {download.link!r} "
                f"{where!r} ({self.model.now - download.started_at:g} s into attempt {download.attempt})"
            )

        def _finished(self, download: DownloadModel) -> bool:
            expected = self.model.expected(download)
            return expected is not None and expected.status == "downloaded"

        @rule(request_id=cloud_downloads, asker=ASKER)
        def explore(self, request_id: str, asker: str) -> None:
            who, _ = self._asker(request_id, asker)
            what = f"exploreCloudDownload({request_id}) as {who}"
            response = _call(what, explore_cloud_download.sync_detailed, request_id, client=self.clients[who])
            download = self.model.visible(who, request_id, "cloud")
            if download is None:
                self._not_found(what, response, request_id, who)
                return
            self._learn_size(download)
            if self._finished(download) and download.content.multi_file:
                links = _parsed(what, response, list)
                assert len(links) == self.model.file_count(download), f"{what}: {links}"
                assert all(request_id in link for link in links), f"{what}: {links}"
            else:
                assert response.status_code == 400, (
                    f"{what}: a download that is not finished, or has one file, answers 400; "
                    f"{self._progress(download)}; got HTTP {response.status_code} {response.content[:200]!r}"
                )
                _parsed(what, response, ErrorBody)

        @rule(request_id=cloud_downloads, asker=ASKER)
        def list_links(self, request_id: str, asker: str) -> None:
            who, _ = self._asker(request_id, asker)
            what = f"listCloudDownloadLinks({request_id}) as {who}"
            response = _call(
                what, list_cloud_download_links.sync_detailed, request_id, client=self.clients[who]
            )
            download = self.model.visible(who, request_id, "cloud")
            if download is None:
                self._not_found(what, response, request_id, who)
                return
            self._learn_size(download)
            if self._finished(download):
                text = _parsed(what, response, str)
                lines = text.splitlines()
                assert len(lines) == self.model.file_count(download), f"{what}: one line per file: {text!r}"
                assert text.endswith("\n"), f"{what}: every line ends in a newline: {text!r}"
            else:
                assert response.status_code == 400, (
                    f"{what}: not finished, so 400; {self._progress(download)}; got HTTP {response.status_code}"
                )
                _parsed(what, response, ErrorBody)

        @rule(
            who=st.sampled_from(ACCOUNTS),
            request_id=instant_downloads | st.from_regex(r"\A[0-9a-f]{24}\Z"),
        )
        def status_of_no_download(self, who: str, request_id: str) -> None:
            """Instant downloads have no status; random ids are nobody's."""
            download = self.model.downloads.get(request_id)
            if download is not None and download.kind != "instant":
                return
            what = f"getCloudStatus({request_id}) as {who}"
            response = _call(
                what, get_cloud_status.sync_detailed, client=self.clients[who], body=RequestIdForm(request_id)
            )
            self._not_found(what, response, request_id, who)

        @rule(
            who=st.sampled_from(ACCOUNTS),
            hashes=st.lists(
                st.sampled_from(scenario.info_hashes).map(str.upper)
                | st.sampled_from(scenario.info_hashes)
                | st.from_regex(r"\A[0-9a-f]{40}\Z"),
                min_size=1,
                max_size=6,
            ),
        )
        def check_the_cache(self, who: str, hashes: list[str]) -> None:
            what = f"checkCache({hashes}) as {who}"
            response = _call(
                what, check_cache.sync_detailed, client=self.clients[who], body=CacheCheckForm(hashes=hashes)
            )
            result = _parsed(what, response, CacheCheckResult)
            problem = self.model.check_cache_problem(hashes, list(result.cached_items))
            assert problem is None, f"{what}: {problem}"

        @precondition(lambda self: not self.listed)
        @rule(who=st.sampled_from(ACCOUNTS))
        def list_everything(self, who: str) -> None:
            self.listed = True  # once per run: it depends on no state
            client = self.clients[who]
            proxies = _parsed(
                "listProxies", _call("listProxies", list_proxies.sync_detailed, client=client), ProxyList
            )
            assert tuple(p.id for p in proxies.list_) == scenario.proxy_ids, proxies
            what = f"listRemoteAccounts as {who}"
            accounts = _parsed(
                what, _call(what, list_remote_accounts.sync_detailed, client=client), RemoteAccountList
            )
            mine = scenario.account(keys[who]).remote_option_ids
            assert tuple(a.remote_option_id for a in accounts.data) == mine, accounts

        @precondition(lambda self: target.account.password is not None and not self.logged_in)
        @rule(who=st.sampled_from(ACCOUNTS))
        def log_in_and_read_the_key(self, who: str) -> None:
            self.logged_in = True  # once per run: it depends on no state
            account = scenario.account(keys[who])
            session = target.client("", on_response=on_response)
            try:
                what = "checkLogin before login"
                before = _parsed(what, _call(what, check_login.sync_detailed, client=session), LoginCheck)
                assert before.logged_in == 0, before
                what = f"login as {account.email}"
                result = _call(
                    what, login.sync_detailed, client=session, body=LoginForm(account.email, account.password)
                )
                _parsed(what, result, LoginResult)
                what = "checkLogin after login"
                after = _parsed(what, _call(what, check_login.sync_detailed, client=session), LoginCheck)
                assert after.logged_in == 1, after
                key = _parsed(
                    "getApiKey", _call("getApiKey", get_api_key.sync_detailed, client=session), ApiKeyInfo
                )
                assert (key.email, key.api_key) == (account.email, account.api_key), (
                    "getApiKey: another account"
                )
            finally:
                session.get_httpx_client().close()

    return ClientVersusMock
