"""The client-vs-mock machine's rules that read and retry downloads, check the cache, list proxies and
remote accounts, and log in; every answer is held, field by field, to the model."""

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule
from offcloud_client.api.account import check_login, get_api_key, login
from offcloud_client.api.cache import check_cache
from offcloud_client.api.cloud import (
    explore_cloud_download,
    get_cloud_status,
    list_cloud_download_links,
    retry_cloud_download,
)
from offcloud_client.api.proxies import list_proxies
from offcloud_client.api.remote import get_remote_status, list_remote_accounts, retry_remote_download
from offcloud_client.models import (
    ApiKeyInfo,
    CacheCheckForm,
    CacheCheckResult,
    CloudStatusList,
    CloudStatusResult,
    DetailedExploreResult,
    ErrorBody,
    LoginCheck,
    LoginForm,
    LoginResult,
    ProxyList,
    RemoteAccountList,
    RemoteStatusResult,
    RequestIdForm,
    RetryResult,
)

from offcloud_contract.support.client_machine.base import ClientMachineBase
from offcloud_contract.support.client_machine.calls import (
    ACCOUNTS,
    ASKER,
    CLOUD,
    INSTANT,
    REMOTE,
    SCENARIO,
    call,
    parsed,
)
from offcloud_contract.support.model.answer_fields import fields_problem, numbers
from offcloud_contract.support.model.reference_model import DownloadModel
from offcloud_contract.support.model.refusals import (
    BAD_ARCHIVE,
    NOT_DOWNLOADED,
    NOT_FAILED,
    REQUEST_IDS_REFUSED,
)

__all__ = ["ReadingRules"]

_HEX_ID = r"\A[0-9a-f]{24}\Z"


class ReadingRules(ClientMachineBase):
    @rule(request_id=CLOUD | REMOTE, asker=ASKER)
    def poll_status(self, request_id: str, asker: str) -> None:
        who, endpoint = self.asker(request_id, asker)
        what = f"get{endpoint.capitalize()}Status({request_id}) as {who}, {float(self.model.now):g} s after reset"
        function = get_cloud_status if endpoint == "cloud" else get_remote_status
        body = RequestIdForm(request_id=request_id)
        response = call(what, function.sync_detailed, client=self.client(who), body=body)
        download = self.model.visible(who, request_id, endpoint)
        if download is None:
            self.not_found(what, response, request_id, who)
            return
        parsed(what, response, CloudStatusResult if endpoint == "cloud" else RemoteStatusResult)
        self.check_status(what, response, download)

    @rule(request_id=CLOUD | REMOTE, asker=ASKER)
    def retry(self, request_id: str, asker: str) -> None:
        who, endpoint = self.asker(request_id, asker)
        function = retry_cloud_download if endpoint == "cloud" else retry_remote_download
        what = f"retry{endpoint.capitalize()}Download({request_id}) as {who}"
        response = call(what, function.sync_detailed, request_id, client=self.client(who))
        download = self.model.visible(who, request_id, endpoint)
        if download is None:
            self.not_found(what, response, request_id, who)
            return
        self.learn_size(download)
        if not self.model.can_retry(download):
            assert response.status_code == self.refused(400), (
                f"{what}: only a download in error can be retried; {self.progress(download)}; yet HTTP "
                f"{response.status_code}"
            )
            parsed(what, response, ErrorBody)
            self.refusal_words(what, response, NOT_FAILED)
            return
        result = parsed(what, response, RetryResult)
        self.model.retry(download)
        predicted = {"success": True, "requestId": request_id, "status": self.model.expected(download).status}
        problem = fields_problem(predicted, result.to_dict())
        assert problem is None, f"{what}: a retried download starts a new attempt: {problem}"

    @precondition(lambda self: bool(self.failed_downloads()))
    @rule(data=st.data())
    def retry_what_failed(self, data: st.DataObject) -> None:
        """Retrying is held to the model on every draw, but meets a download in error only by chance;
        this makes the success path of both kinds certain to come up."""
        download = data.draw(st.sampled_from(self.failed_downloads()), label="failed download")
        self.retry(download.request_id, "owner")

    def failed_downloads(self) -> list[DownloadModel]:
        return [
            download
            for download in self.model.downloads.values()
            if download.kind != "instant"
            and not download.removed
            and download.size is not None
            and self.model.can_retry(download)
        ]

    @rule(request_id=CLOUD, asker=ASKER, detailed=st.booleans())
    def explore(self, request_id: str, asker: str, detailed: bool = False) -> None:
        """exploreCloudDownload, plain or (`format=detailed`, which the legacy server ignores) detailed: a
        finished download's links, or its files with ids, names, sizes, paths and links; else the refusal
        the model words."""
        who, _ = self.asker(request_id, asker)
        what = f"exploreCloudDownload({request_id}{', format=detailed' if detailed else ''}) as {who}"
        options = {"format_": "detailed"} if detailed else {}
        response = call(
            what, explore_cloud_download.sync_detailed, request_id, client=self.client(who), **options
        )
        download = self.model.visible(who, request_id, "cloud")
        if download is None:
            self.not_found(what, response, request_id, who)
            return
        self.learn_size(download)
        finished = self.model.finished(download)
        if finished and detailed and not self.legacy:
            files = self.model.explore_detailed(download)
            if files is not None:
                result = parsed(what, response, DetailedExploreResult).to_dict()
                self.model.learn_user_id(download, [item.get("url") for item in result["files"]])
                files = self.model.explore_detailed(download)
                assert result == files, (
                    f"{what}: files (id, name, size, path, url, order): {result} != {files}"
                )
                self.met.add("detailed explore")
                return
        elif finished and self.model.explore_links(download) is not None:
            links = parsed(what, response, list)
            self.model.learn_user_id(download, links)
            predicted = self.model.explore_links(download)
            assert links == predicted, f"{what}: download links (host, path, order): {links} != {predicted}"
            return
        assert response.status_code == self.refused(400), (
            f"{what}: a download that is not finished, or (legacy; 2026 detailed) has one file, answers 400; "
            f"{self.progress(download)}; got HTTP {response.status_code} {response.content[:200]!r}"
        )
        parsed(what, response, ErrorBody)
        self.refusal_words(what, response, BAD_ARCHIVE if finished else NOT_DOWNLOADED)

    @rule(request_id=CLOUD, asker=ASKER)
    def list_links(self, request_id: str, asker: str) -> None:
        who, _ = self.asker(request_id, asker)
        what = f"listCloudDownloadLinks({request_id}) as {who}"
        response = call(what, list_cloud_download_links.sync_detailed, request_id, client=self.client(who))
        download = self.model.visible(who, request_id, "cloud")
        if download is None:
            self.not_found(what, response, request_id, who)
            return
        self.learn_size(download)
        if self.model.finished(download):
            text = parsed(what, response, str)
            predicted = "".join(f"{link}\n" for link in self.model.file_links(download))
            assert text == predicted, f"{what}: download links, one a line: {text!r} != {predicted!r}"
            return
        assert response.status_code == self.refused(400), (
            f"{what}: not finished, so 400; {self.progress(download)}; got HTTP {response.status_code}"
        )
        self.refusal_words(what, response, NOT_DOWNLOADED)

    @rule(who=st.sampled_from(ACCOUNTS), request_ids=st.lists(CLOUD | REMOTE, min_size=1, max_size=3))
    def status_of_many(self, who: str, request_ids: list[str]) -> None:
        """getCloudStatus by `requestIds`: the 2026 server refuses them (400, the spec's words); the legacy
        one answers one status per id, in the order asked (asked here for the account's own cloud
        downloads)."""
        if self.legacy:
            request_ids = [x for x in request_ids if self.model.visible(who, x, "cloud") is not None]
            if not request_ids:
                return
        what = f"getCloudStatus(requestIds={request_ids}) as {who}"
        body = RequestIdForm(request_ids=request_ids)
        response = call(what, get_cloud_status.sync_detailed, client=self.client(who), body=body)
        if not self.legacy:
            assert response.status_code == 400, f"{what}: HTTP {response.status_code}, the model a 400"
            self.refusal_words(what, response, REQUEST_IDS_REFUSED)
            self.met.add("request ids")
            return
        self.met.add("request ids")
        statuses = parsed(what, response, CloudStatusList).requests
        answered = [status.request_id for status in statuses]
        assert answered == request_ids, f"{what}: statuses of {answered}, asked in the order {request_ids}"
        for request_id, status in zip(request_ids, statuses, strict=True):
            self.check_status_fields(
                f"{what}: {request_id}", status.to_dict(), self.model.downloads[request_id]
            )

    @rule(who=st.sampled_from(ACCOUNTS), request_id=INSTANT | st.from_regex(_HEX_ID))
    def status_of_no_download(self, who: str, request_id: str) -> None:
        """Instant downloads have no status; random ids are nobody's."""
        download = self.model.downloads.get(request_id)
        if download is not None and download.kind != "instant":
            return
        what = f"getCloudStatus({request_id}) as {who}"
        body = RequestIdForm(request_id)
        response = call(what, get_cloud_status.sync_detailed, client=self.client(who), body=body)
        self.not_found(what, response, request_id, who)

    @rule(
        who=st.sampled_from(ACCOUNTS),
        hashes=st.lists(
            st.sampled_from(SCENARIO.info_hashes).map(str.upper)
            | st.sampled_from(SCENARIO.info_hashes)
            | st.from_regex(r"\A[0-9a-f]{40}\Z"),
            min_size=1,
            max_size=6,
        ),
    )
    def check_the_cache(self, who: str, hashes: list[str]) -> None:
        what = f"checkCache({hashes}) as {who}"
        body = CacheCheckForm(hashes=hashes)
        result = parsed(
            what, call(what, check_cache.sync_detailed, client=self.client(who), body=body), CacheCheckResult
        )
        predicted = self.model.cached_items(hashes)
        assert list(result.cached_items) == predicted, (
            f"{what}: cachedItems {result.cached_items} != {predicted}"
        )

    @precondition(lambda self: not self.listed)
    @rule(who=st.sampled_from(ACCOUNTS))
    def list_everything(self, who: str) -> None:
        self.listed = True  # once per run: it depends on no state
        response = call("listProxies", list_proxies.sync_detailed, client=self.client(who))
        proxies = parsed("listProxies", response, ProxyList).to_dict()["list"]
        predicted = [{"id": p.id, "name": p.name, "region": p.region} for p in SCENARIO.proxies]
        assert proxies == predicted, f"listProxies: {proxies} != {predicted}"
        what = f"listRemoteAccounts as {who}"
        response = call(what, list_remote_accounts.sync_detailed, client=self.client(who))
        answered = [
            numbers(a, "port", "usage") for a in parsed(what, response, RemoteAccountList).to_dict()["data"]
        ]
        remotes = SCENARIO.account(self.keys[who]).remote_accounts
        assert len(answered) == len(remotes), f"{what}: {answered}"
        for remote, account in zip(remotes, answered, strict=True):
            # Fields the scenario leaves out may be absent or empty; the others are the scenario's.
            given = {
                name: value
                for name, value in account.items()
                if value not in ("", 0) or name in remote.fields
            }
            problem = fields_problem(remote.fields, given)
            assert problem is None, f"{what}: {problem}"

    @precondition(
        lambda self: self.legacy and self.target.account.password is not None and not self.logged_in
    )
    @rule(who=st.sampled_from(ACCOUNTS))
    def log_in_and_read_the_key(self, who: str) -> None:
        self.logged_in = True  # once per run: it depends on no state
        account = SCENARIO.account(self.keys[who])
        session = self.target.client("", on_response=self._on_response)
        try:
            what = "checkLogin before login"
            before = parsed(what, call(what, check_login.sync_detailed, client=session), LoginCheck)
            assert before.logged_in == 0, before
            what = f"login as {account.email}"
            body = LoginForm(account.email, account.password)
            result = parsed(what, call(what, login.sync_detailed, client=session, body=body), LoginResult)
            assert result.email == account.email, f"{what}: {result}"
            if account.user_id is not None:
                assert result.user_id == account.user_id, f"{what}: userId {result.user_id}"
            what = "checkLogin after login"
            after = parsed(what, call(what, check_login.sync_detailed, client=session), LoginCheck)
            assert after.logged_in == 1, after
            key = parsed(
                "getApiKey", call("getApiKey", get_api_key.sync_detailed, client=session), ApiKeyInfo
            )
            assert (key.email, key.api_key) == (account.email, account.api_key), "getApiKey: another account"
        finally:
            session.get_httpx_client().close()
