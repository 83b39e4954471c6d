"""The client-vs-mock machine's rules that add downloads; every answer is held, field by field, to the model."""

import re
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import initialize, multiple, rule
from offcloud_client.api.cloud import add_cloud_download
from offcloud_client.api.instant import add_instant_download
from offcloud_client.api.remote import add_remote_download
from offcloud_client.models import (
    CloudDownload,
    CloudDownloadForm,
    CloudNotAvailable,
    DownloadNotAvailable,
    ErrorBody,
    InstantDownload,
    InstantDownloadForm,
    RemoteDownload,
    RemoteDownloadForm,
)

from offcloud_contract.support.client_machine.base import ClientMachineBase
from offcloud_contract.support.client_machine.calls import (
    ACCOUNTS,
    CLOUD,
    INSTANT,
    REMOTE,
    SCENARIO,
    UNKNOWN_OPTION,
    any_links,
    call,
    http_links,
    parsed,
    seed_links,
)
from offcloud_contract.support.model.answer_fields import fields_problem
from offcloud_contract.support.model.phase_table import Kind
from offcloud_contract.support.model.reference_model import AddOutcome, DownloadModel

__all__ = ["AddingRules"]

_CREATED = {"cloud": CloudDownload, "remote": RemoteDownload, "instant": InstantDownload}
# Where a new download's server shows first: the link of a cloud or instant add answer.
_SERVER_IN_URL = re.compile(r"\Ahttps://(?P<server>[a-z0-9-]+)\.offcloud\.com/(?:cloud|instant)/download/")


class AddingRules(ClientMachineBase):
    @initialize(target=CLOUD, link=seed_links("cloud"))
    def demo_adds_known_content(self, link: str) -> Any:
        """Every run starts with a cloud and a remote download of the scenario's content."""
        return self.add_cloud("demo", link)

    @initialize(target=REMOTE, link=seed_links("remote"))
    def demo_adds_known_remote_content(self, link: str) -> Any:
        return self.add_remote("demo", link, SCENARIO.account(self.keys["demo"]).remote_option_ids[0])

    @rule(target=CLOUD, who=st.sampled_from(ACCOUNTS), link=any_links())
    def add_cloud(self, who: str, link: str) -> Any:
        outcome = self.model.predict_add(who, "cloud", link)
        what = f"addCloudDownload({link!r}) as {who}"
        body = CloudDownloadForm(url=link)
        response = call(what, add_cloud_download.sync_detailed, client=self.client(who), body=body)
        return self.check_added(who, "cloud", link, what, response, outcome)

    @rule(
        target=INSTANT,
        who=st.sampled_from(ACCOUNTS),
        link=http_links(),  # instant downloads take http(s) links only
        proxy=st.none() | st.sampled_from(SCENARIO.proxy_ids),
    )
    def add_instant(self, who: str, link: str, proxy: str | None) -> Any:
        outcome = self.model.predict_add(who, "instant", link, proxy_id=proxy)
        body = (
            InstantDownloadForm(url=link) if proxy is None else InstantDownloadForm(url=link, proxy_id=proxy)
        )
        what = f"addInstantDownload({link!r}, proxyId={proxy!r}) as {who}"
        response = call(what, add_instant_download.sync_detailed, client=self.client(who), body=body)
        return self.check_added(who, "instant", link, what, response, outcome)

    @rule(
        target=REMOTE,
        who=st.sampled_from(ACCOUNTS),
        link=any_links(),
        option=st.sampled_from((*SCENARIO.remote_option_ids, UNKNOWN_OPTION)),
    )
    def add_remote(self, who: str, link: str, option: str) -> Any:
        outcome = self.model.predict_add(who, "remote", link, remote_option_id=option)
        body = RemoteDownloadForm(url=link, remote_option_id=option)
        what = f"addRemoteDownload({link!r}, remoteOptionId={option!r}) as {who}"
        response = call(what, add_remote_download.sync_detailed, client=self.client(who), body=body)
        return self.check_added(who, "remote", link, what, response, outcome)

    def check_added(
        self, who: str, kind: Kind, link: str, what: str, response: Any, outcome: AddOutcome
    ) -> Any:
        """Hold an add answer to the model's outcome and, for a download, to every field it predicts."""
        if outcome.kind == "bad_request":
            assert response.status_code == self.refused(400), (
                f"{what}: expected 400, got {response.status_code}"
            )
            parsed(what, response, ErrorBody)
            return multiple()
        if outcome.kind == "not_available":
            refusal = parsed(
                f"{what}{self.limit_note(who)}", response, CloudNotAvailable, DownloadNotAvailable
            )
            assert refusal.not_available in outcome.refusals, (
                f"{what}: refused for {refusal.not_available!r}, the model expects one of {sorted(outcome.refusals)}"
            )
            return multiple()
        created = parsed(f"{what}{self.limit_note(who)}", response, _CREATED[kind])
        if outcome.kind == "existing":
            assert outcome.request_id is not None
            assert created.request_id == outcome.request_id, (
                f"{what}: the same content again must answer the same requestId {outcome.request_id}, "
                f"not {created.request_id}"
            )
            download = self.model.downloads[outcome.request_id]
            self.learn_size(download)  # adding again answers the request's current status
            self.check_add_fields(what, download, created)
            return multiple()
        assert created.request_id not in self.model.downloads, (
            f"{what}: requestId {created.request_id} reused"
        )
        download = self.model.record_new(who, kind, link, created.request_id)
        server = _SERVER_IN_URL.match(getattr(created, "url", ""))
        if server is not None:
            self.model.learn_server(download, server["server"])
        self.check_add_fields(what, download, created)
        return created.request_id

    def limit_note(self, who: str) -> str:
        account = self.model.accounts[who]
        if account.link_limit is None or "links" in account.addons:
            return ""
        return f" (link limit: {account.added} of {account.link_limit} downloads added)"

    def check_add_fields(self, what: str, download: DownloadModel, created: Any) -> None:
        answered = created.to_dict()
        answered.pop("createdOn", None)
        problem = fields_problem(self.model.add_answer(download), answered)
        assert problem is None, f"{what}: answer fields: {problem}; {self.progress(download)}"
        self.check_created_on(what, download, created.created_on)
