"""The client-vs-mock machine's rules beyond the documentation: removal (of one download, or of many in
one call) and history; each answer is parsed by the generated client and held to the model
(reference_model: removal, history, every field of a 2026 history item)."""

from datetime import datetime

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule
from offcloud_client.api.cloud import (
    get_cloud_history,
    get_cloud_status,
    remove_cloud_download,
    remove_cloud_download_site_root,
    remove_cloud_downloads,
)
from offcloud_client.models import RemoveManyForm, RemoveResult, RequestIdForm

from offcloud_contract.support.client_machine.base import ClientMachineBase
from offcloud_contract.support.client_machine.calls import (
    ACCOUNTS,
    ASKER,
    CLOUD,
    INSTANT,
    REMOTE,
    call,
    parsed,
)
from offcloud_contract.support.model.answer_fields import fields_problem

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

    @precondition(lambda self: not self.legacy)
    @rule(
        who=st.sampled_from(ACCOUNTS),
        request_ids=st.lists(
            CLOUD | REMOTE | INSTANT | st.from_regex(r"\A[0-9a-f]{24}\Z"), min_size=1, max_size=5
        ),
    )
    def remove_many(self, who: str, request_ids: list[str]) -> None:
        """removeCloudDownloads (2026) with several ids: the caller's cloud downloads among them are gone
        (status, history), every other id (unknown, removed, another account's or kind's) skipped, and the
        answer a success."""
        what = f"removeCloudDownloads({request_ids}) as {who}"
        body = RemoveManyForm(requests=request_ids)
        response = call(what, remove_cloud_downloads.sync_detailed, client=self.client(who), body=body)
        result = parsed(what, response, RemoveResult)
        assert result.success is True, f"{what}: {result}"
        removed = self.model.remove_many(who, request_ids)
        for download in removed:
            self.status_of_removed(who, download.request_id, f"removed by {what}")
        self.skipped_are_kept(what, who, request_ids)
        self.read_history(who)
        if len(removed) > 1:
            self.met.add("remove many")

    def skipped_are_kept(self, what: str, who: str, request_ids: list[str]) -> None:
        """The ids removal of many skipped (another account's, another kind's) still read as before."""
        for request_id in dict.fromkeys(request_ids):
            download = self.model.downloads.get(request_id)
            if download is None or download.removed or download.kind == "instant":
                continue
            rule = "account isolation" if download.owner != who else "removal of cloud downloads only"
            status = "/api/cloud/status" if download.kind == "cloud" else "/api/remote/status"
            answer = self.target.http().post(
                status, params={"key": self.keys[download.owner]}, data={"requestId": request_id}
            )
            assert answer.status_code == 200, (
                f"{what}: {rule}: {request_id}, {download.owner}'s {download.kind} download, was not the "
                f"caller's to remove, yet its owner reads HTTP {answer.status_code} {answer.text[:120]}"
            )

    def status_of_removed(self, who: str, request_id: str, how: str = "after removing it") -> None:
        what = f"getCloudStatus({request_id}) as {who}, {how} (removal)"
        body = RequestIdForm(request_id=request_id)
        self.not_found(what, call(what, get_cloud_status.sync_detailed, client=self.client(who), body=body))

    @rule(who=st.sampled_from(ACCOUNTS))
    def read_history(self, who: str) -> None:
        """getCloudHistory: this account's cloud downloads, newest first, none removed, each item as the
        model has it: status, originalLink, createdOn (the moment added, retries or not) and, in 2026,
        nothing else."""
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
            self.learn_size(download)
            item_predicted = self.model.history_item(download)
            answered = item.to_dict()
            if self.legacy:  # legacy items have more (server, isDirectory, sizes): these hold
                answered = {name: answered.get(name) for name in item_predicted}
            del (
                item_predicted["createdOn"],
                answered["createdOn"],
            )  # the client parsed it: compared as a moment
            problem = fields_problem(item_predicted, answered)
            where = f"{what}: history item {item.request_id} (attempt {download.attempt})"
            assert problem is None, f"{where}: {problem}"
            assert isinstance(item.created_on, datetime), f"{where}: no createdOn"
            self.check_created_on(where, download, item.created_on)
            if download.attempt > 1:
                self.met.add("history of a retried download")
