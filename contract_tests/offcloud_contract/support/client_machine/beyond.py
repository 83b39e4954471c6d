"""The client-vs-mock machine's rules beyond the documentation: removal, history, the account and the
2026 cache, and the OAuth device login (approved or denied through the mock's controls); each answer is
parsed by the generated client and held to the model (reference_model: removal, history)."""

from fractions import Fraction

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule
from offcloud_client.api.account import get_account_info, get_account_stats, list_sites
from offcloud_client.api.cache import get_cache_info, get_cached_download_links
from offcloud_client.api.cloud import (
    get_cloud_history,
    remove_cloud_download,
    remove_cloud_download_site_root,
    remove_cloud_downloads,
)
from offcloud_client.api.oauth import request_device_code, request_device_token
from offcloud_client.models import (
    AccountInfo,
    CacheDownloadForm,
    CacheInfoForm,
    DeviceCode,
    DeviceCodeForm,
    DeviceToken,
    DeviceTokenForm,
    OAuthError,
    RemoveManyForm,
    RemoveResult,
)

from offcloud_contract.support.client_machine.base import ClientMachineBase
from offcloud_contract.support.client_machine.calls import ACCOUNTS, ASKER, CLOUD, SCENARIO, call, parsed
from offcloud_contract.support.model.demo_data import magnet

__all__ = ["REMOVALS", "BeyondRules"]

REMOVALS = {
    "2026": ("removeCloudDownload", "removeCloudDownloadSiteRoot", "removeCloudDownloads"),
    "legacy": ("removeCloudDownloadSiteRoot",),
}


class BeyondRules(ClientMachineBase):
    @rule(request_id=CLOUD, asker=ASKER, data=st.data())
    def remove(self, request_id: str, asker: str, data: st.DataObject) -> None:
        """Remove a download (its owner, or another account, which must not manage to): then it is gone
        from status and history, and its place under the link limit is free (the model's predictions of
        later adds hold the rest: the same content again is a new requestId)."""
        who, _ = self.asker(request_id, asker)
        how = data.draw(st.sampled_from(REMOVALS[self.target.era]), label="operation")
        self.remove_as(who, request_id, how)

    def remove_as(self, who: str, request_id: str, how: str) -> None:
        """Remove a download as `who` with the removal operation `how`, and hold the answers to the model."""
        what = f"{how}({request_id}) as {who}"
        download = self.model.visible(who, request_id, "cloud")
        client = self.client(who)
        if how == "removeCloudDownloads":  # unknown ids are skipped: always a success
            body = RemoveManyForm(requests=[request_id])
            response = call(what, remove_cloud_downloads.sync_detailed, client=client, body=body)
        elif how == "removeCloudDownload":
            response = call(what, remove_cloud_download.sync_detailed, request_id, client=client)
        else:
            response = call(what, remove_cloud_download_site_root.sync_detailed, request_id, client=client)
        if download is None and how != "removeCloudDownloads":
            self.not_found(what, response, request_id, who)
            return
        result = parsed(what, response, RemoveResult)
        assert result.success is True, f"{what}: {result}"
        if download is None:
            return
        self.model.remove(download)
        self.status_of_removed(who, request_id)
        self.read_history(who)

    def status_of_removed(self, who: str, request_id: str) -> None:
        from offcloud_client.api.cloud import get_cloud_status
        from offcloud_client.models import RequestIdForm

        what = f"getCloudStatus({request_id}) as {who}, after removing it"
        body = RequestIdForm(request_id=request_id)
        self.not_found(what, call(what, get_cloud_status.sync_detailed, client=self.client(who), body=body))

    @rule(who=st.sampled_from(ACCOUNTS))
    def read_history(self, who: str) -> None:
        """getCloudHistory: this account's cloud downloads, newest first, none removed, each in the status
        the model has it in."""
        what = f"getCloudHistory as {who}, {float(self.model.now):g} s after reset"
        items = parsed(what, call(what, get_cloud_history.sync_detailed, client=self.client(who)), list)
        listed = [item.request_id for item in items]
        ghosts = [x for x in listed if x in self.model.removed]
        assert not ghosts, f"{what}: history: removed download(s) {ghosts} still listed"
        predicted = self.model.history(who)
        assert listed == predicted, (
            f"{what}: history: requestIds {listed}, the model {predicted} (newest first)"
        )
        for item in items:
            download = self.model.downloads[item.request_id]
            assert item.file_name == download.content.name, f"{what}: {item.request_id} fileName"
            if download.size is not None:
                status = self.model.expected(download).status
                assert str(item.status) == status, f"{what}: {item.request_id} is {item.status}, not {status}"

    @precondition(lambda self: not self.account_read)
    @rule(who=st.sampled_from(ACCOUNTS))
    def read_the_account(self, who: str) -> None:
        """Account, sites and (2026) the cache by URL: once per run, they depend on no download."""
        self.account_read = True
        client, account = self.client(who), SCENARIO.account(self.keys[who])
        what = f"listSites as {who}"
        sites = parsed(what, call(what, list_sites.sync_detailed, client=client), list)
        assert sites, f"{what}: the scenario's sites, none answered"
        if self.legacy:
            what = f"getAccountStats as {who}"
            stats = call(what, get_account_stats.sync_detailed, client=client)
            assert stats.status_code == 200, f"{what}: HTTP {stats.status_code}"
            assert "error" not in stats.parsed.to_dict(), f"{what}: {stats.content!r}"
            return
        what = f"getAccountInfo as {who}"
        info = parsed(what, call(what, get_account_info.sync_detailed, client=client), AccountInfo)
        assert info.email == account.email, f"{what}: email {info.email!r}"
        cached = SCENARIO.info_hashes
        urls = [magnet(h) for h in cached] + [magnet("0" * 40)]
        what = f"getCacheInfo({len(urls)} magnets) as {who}"
        body = CacheInfoForm(urls=urls, include_files=True)
        items = parsed(what, call(what, get_cache_info.sync_detailed, client=client, body=body), list)
        predicted = [h in SCENARIO.cached_hashes for h in cached] + [False]
        assert [item.cached for item in items] == predicted, f"{what}: cached {[i.cached for i in items]}"
        first_cached = next((h for h in cached if h in SCENARIO.cached_hashes), None)
        if first_cached is not None:
            what = f"getCachedDownloadLinks({first_cached}) as {who}"
            form = CacheDownloadForm(url=magnet(first_cached))
            files = parsed(
                what, call(what, get_cached_download_links.sync_detailed, client=client, body=form), list
            )
            assert files, f"{what}: a cached torrent's files, none answered"

    @precondition(lambda self: not self.legacy and not self.device_logged_in)
    @rule(who=st.sampled_from(ACCOUNTS), approve=st.booleans())
    def log_in_with_a_device(self, who: str, approve: bool) -> None:
        """The OAuth device flow: pending until decided, `slow_down` when polled again at once, then the
        token (which then acts as the account that approved) or `access_denied`."""
        self.device_logged_in = True
        account = SCENARIO.account(self.keys[who])
        anonymous = self.target.client("", on_response=self._on_response)
        try:
            what = "requestDeviceCode"
            code = parsed(
                what,
                call(what, request_device_code.sync_detailed, client=anonymous, body=DeviceCodeForm()),
                DeviceCode,
            )
            poll = DeviceTokenForm(
                grant_type="urn:ietf:params:oauth:grant-type:device_code", device_code=code.device_code
            )

            def token(step: str) -> object:
                what = f"requestDeviceToken ({step})"
                return parsed(
                    what,
                    call(what, request_device_token.sync_detailed, client=anonymous, body=poll),
                    DeviceToken,
                    OAuthError,
                )

            pending = token("before any decision")
            assert isinstance(pending, OAuthError), pending
            assert pending.error == "authorization_pending", pending
            hurried = token("again at once, before the interval")
            assert isinstance(hurried, OAuthError), hurried
            assert hurried.error == "slow_down", (
                f"requestDeviceToken polled again at once: {hurried.error!r}, not slow_down"
            )
            if approve:
                self.controls.approve_device(code.user_code, account.email)
            else:
                self.controls.deny_device(code.user_code)
            self.move_clock(Fraction(2 * code.interval + 10))
            answer = token("after the decision")
            if not approve:
                assert isinstance(answer, OAuthError), answer
                assert answer.error == "access_denied", answer
                return
            assert isinstance(answer, DeviceToken), answer
            bearer = self.target.client(answer.access_token, on_response=self._on_response)
            try:
                what = "getAccountInfo with the device token"
                info = parsed(what, call(what, get_account_info.sync_detailed, client=bearer), AccountInfo)
                assert info.email == account.email, f"{what}: {info.email!r}"
            finally:
                bearer.get_httpx_client().close()
        finally:
            anonymous.get_httpx_client().close()
