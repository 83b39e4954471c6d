"""The state of the client-vs-mock machine and the checks its rules share; the rules are in adding,
reading, beyond and machine."""

import json
from collections import Counter
from datetime import datetime, timedelta
from fractions import Fraction
from typing import Any, ClassVar

import httpx
import offcloud_client
from hypothesis.stateful import RuleBasedStateMachine
from offcloud_client.api.cloud import get_cloud_status
from offcloud_client.api.remote import get_remote_status
from offcloud_client.models import CloudStatusResult, ErrorBody, RemoteStatusResult, RequestIdForm

from offcloud_contract.support.answers.outcome import succeeded
from offcloud_contract.support.client_machine.calls import ACCOUNTS, SCENARIO, call
from offcloud_contract.support.coverage.reach import Recorder
from offcloud_contract.support.model.answer_fields import fields_problem, numbers
from offcloud_contract.support.model.phase_table import Kind, Phase, on_grid
from offcloud_contract.support.model.reference_model import AccountModel, DownloadModel, OffcloudModel
from offcloud_contract.support.model.refusals import NOT_FOUND
from offcloud_contract.support.spec.openapi_document import operation_for
from offcloud_contract.support.targets.server_targets import Target

__all__ = ["ClientMachineBase"]


class ClientMachineBase(RuleBasedStateMachine):
    """Two accounts of the demo scenario, each with its generated client, and the model of both.

    `target` and `record` are set on a subclass per run (machine.client_machine_for).
    """

    target: ClassVar[Target]
    record: ClassVar[Recorder]

    def __init__(self) -> None:
        super().__init__()
        target = self.target
        free = target.other_account
        if free is None:
            raise LookupError("the client-vs-mock machine needs the mock's second (free) account")
        controls = target.require_controls()
        controls.freeze()  # first: a reset keeps the clock frozen, so mock time is exactly 0 from here
        controls.reset()
        self.controls = controls
        self.keys = {"demo": target.account.api_key, "free": free.api_key}
        self.logged_in = False
        self.listed = False
        self.limit_filled = False
        self.sites_read = False
        self.membership_crossed = False
        self.device_logins = 0
        self.met: set[str] = set()  # the value rules of the final phase this run has met already
        self.successes: Counter[str] = Counter()  # this run's successful answers by operationId
        self.clients = {who: target.client(self.keys[who], on_response=self._on_response) for who in ACCOUNTS}
        accounts = []
        for who in ACCOUNTS:
            account = SCENARIO.account(self.keys[who])
            accounts.append(
                AccountModel(
                    who,
                    self.keys[who],
                    account.addons,
                    account.link_limit,
                    frozenset(account.remote_option_ids),
                    user_id=account.user_id,
                )
            )
        self.model = OffcloudModel(SCENARIO, accounts, era=target.era)

    def _on_response(self, response: httpx.Response) -> None:
        operation = operation_for(response.request.method, response.request.url.path)
        if operation is None:
            return
        type(self).record(operation.operation_id, response.status_code)
        if 200 <= response.status_code < 300:
            response.read()  # an event hook sees the answer before its body is read
            if succeeded(response.status_code, response.content):
                self.successes[operation.operation_id] += 1

    def teardown(self) -> None:
        for client in self.clients.values():
            client.get_httpx_client().close()

    def client(self, who: str) -> offcloud_client.Client:
        return self.clients[who]

    def move_clock(self, seconds: Fraction) -> None:
        self.controls.advance(float(seconds))  # exact: the model's steps are on the clock's grid
        self.model.advance(seconds)

    # Who asks, and what a refusal looks like ----------------------------------------------------------

    @property
    def legacy(self) -> bool:
        return self.target.era == "legacy"

    def refused(self, status: int) -> int:
        """The HTTP status of a refusal: the 2026 server's `status`, the legacy server's 200 (its errors
        are `{"error": ...}` bodies with HTTP 200)."""
        return 200 if self.legacy else status

    def asker(self, request_id: str, asker: str) -> tuple[str, Kind]:
        """Who asks about a download, through which kind's endpoint."""
        download = self.model.downloads[request_id]
        kind: Kind = "remote" if download.kind == "remote" else "cloud"
        if asker == "other-account":
            return ("free" if download.owner == "demo" else "demo"), kind
        if asker == "other-kind":
            return download.owner, ("cloud" if kind == "remote" else "remote")
        return download.owner, kind

    def not_found(self, what: str, response: Any, request_id: str | None = None, who: str = "") -> None:
        download = self.model.downloads.get(request_id or "")
        rule = (
            "removal: a removed download is gone"
            if download and download.removed
            else "account isolation: another account's download"
            if download and download.owner != who
            else "not this account's download of this kind"
        )
        assert response.status_code == self.refused(404), (
            f"{what}: {rule}, so 404; got HTTP {response.status_code} {response.content[:300]!r}"
        )
        self.refusal_words(what, response, NOT_FOUND)

    def refusal_words(self, what: str, response: Any, words: str) -> None:
        """The refusal says what the spec has it say."""
        error = self.error_of(what, response)
        assert error == words, f"{what}: refusal wording {error!r}, the spec's {words!r}"

    def error_of(self, what: str, response: Any) -> str:
        """The error text of a refusal. The client parses a legacy refusal of an operation whose 200 is not
        JSON (listCloudDownloadLinks: text) as that type; the body is still `{"error": ...}`."""
        if isinstance(response.parsed, ErrorBody):
            return response.parsed.error
        body = json.loads(response.content) if self.legacy and response.content.startswith(b"{") else None
        assert isinstance(body, dict), f"{what}: not an error body: {response.content[:300]!r}"
        assert isinstance(body.get("error"), str), f"{what}: not an error body: {response.content[:300]!r}"
        return str(body["error"])

    def progress(self, download: DownloadModel) -> str:
        where = self.model.expected(download).status if download.size is not None else "of unknown size"
        return (
            f"status progression: the model has this {download.kind} download of {download.link!r} "
            f"{where!r} ({float(self.model.now - download.started_at):g} s into attempt {download.attempt})"
        )

    def phases_ahead(self, download: DownloadModel) -> list[Phase]:
        """The phases of the download's current attempt not over yet."""
        return [
            phase for phase in self.model.phases(download) if phase.end is None or phase.end > self.model.now
        ]

    def land_in(self, download: DownloadModel, phase: Phase, inside: Fraction) -> None:
        """Move the clock to `inside` (a fraction) of what is left of the phase, then read the status."""
        now = self.model.now
        lower = max(phase.start, now)
        moment = lower + (phase.end - lower) * inside if phase.end is not None else lower + inside
        point = on_grid(moment, lower, phase.end)
        assert point is not None, f"no point of the clock's grid inside {phase}"
        self.move_clock(point - now)
        self.read_status(download.owner, download, download.kind)

    # Status answers --------------------------------------------------------------------------------------

    def learn_size(self, download: DownloadModel) -> None:
        """Content the scenario does not list: its size, from a status read (the answer checked). The
        2026 cloud status has no size: it is read once from the same mock told to present the legacy era
        for that one request (the state is the same; only the presentation differs)."""
        if download.size is not None or download.kind == "instant" or download.removed:
            return
        if self.legacy or download.kind == "remote":  # 2026 remote statuses keep the legacy object
            self.read_status(download.owner, download, download.kind)
            return
        self.controls.set_era("legacy")
        try:
            answer = self.target.http().post(
                "/api/cloud/status",
                params={"key": self.keys[download.owner]},
                data={"requestId": download.request_id},
            )
        finally:
            self.controls.set_era(self.target.era)
        size = answer.json()["status"]["fileSize"]
        self.model.learn_size(download, int(size))

    def read_status(self, who: str, download: DownloadModel, endpoint: Kind) -> None:
        """Read the status as its owner would, and hold every field to the model."""
        what = (
            f"get{endpoint.capitalize()}Status({download.request_id}) as {who}, "
            f"{float(self.model.now):g} s after reset"
        )
        function = get_cloud_status if endpoint == "cloud" else get_remote_status
        response = call(
            what, function.sync_detailed, client=self.client(who), body=RequestIdForm(download.request_id)
        )
        self.check_status(what, response, download)

    def check_status(self, what: str, response: Any, download: DownloadModel) -> None:
        result = response.parsed
        assert isinstance(result, CloudStatusResult | RemoteStatusResult), (
            f"{what}: HTTP {response.status_code} {response.content[:300]!r}"
        )
        if not self.legacy and download.kind != "remote":
            self.learn_size(download)
            self.check_2026_status(what, result.status.to_dict(), download)
            return
        self.check_status_fields(what, result.status.to_dict(), download)

    def check_status_fields(self, what: str, fields: dict[str, Any], download: DownloadModel) -> None:
        """A legacy status object (and a 2026 remote one): every field as the model predicts it."""
        answered = numbers(fields, "fileSize", "downloadingSpeed")
        self.model.learn_size(download, int(answered["fileSize"]))
        if isinstance(answered.get("server"), str):
            self.model.learn_server(download, answered["server"])
        problem = fields_problem(self.model.status_answer(download), answered)
        assert problem is None, f"{what}: status fields: {problem}; {self.progress(download)}"

    def check_created_on(self, what: str, download: DownloadModel, created_on: datetime) -> None:
        """createdOn is the moment it was added, to the millisecond (the mock's float arithmetic may round
        a microsecond up into the next millisecond)."""
        predicted = self.model.created_on(download)
        assert created_on in (predicted, predicted + timedelta(milliseconds=1)), (
            f"{what}: createdOn {created_on.isoformat()} is not the moment it was added, {predicted.isoformat()}"
        )

    def check_2026_status(self, what: str, answered: dict[str, Any], download: DownloadModel) -> None:
        """The 2026 object: requestId, fileName, status as the model has them; `progress` a 0-1 fraction
        that never goes back within an attempt and is null once finished; `message` null once downloaded,
        the error text on error, a text while working."""
        expected = self.model.expected(download)
        predicted = {
            "requestId": download.request_id,
            "fileName": download.content.name,
            "status": expected.status,
        }
        problem = fields_problem(predicted, {name: answered.get(name) for name in predicted})
        assert problem is None, f"{what}: status fields: {problem}; {self.progress(download)}"
        assert set(answered) == {*predicted, "progress", "message"}, (
            f"{what}: 2026 fields: {sorted(answered)}"
        )
        progress, message = answered["progress"], answered["message"]
        if expected.status in ("downloaded", "error"):
            assert progress is None, f"{what}: progress {progress!r} once {expected.status}, not null"
            wanted = download.content.error_message if expected.failed else None
            assert message == wanted, f"{what}: message {message!r}, the model {wanted!r}"
            return
        assert isinstance(progress, int | float), f"{what}: progress {progress!r}"
        assert 0 <= progress < 1, f"{what}: progress {progress!r} while {expected.status}"
        assert isinstance(message, str), f"{what}: message {message!r} while {expected.status}"
        assert message, f"{what}: an empty message while {expected.status}"
        key = (download.request_id, download.attempt)
        before = self.model.progress_seen.get(key, 0.0)
        assert progress >= before, (
            f"{what}: progress went backwards, {before} then {progress}; {self.progress(download)}"
        )
        self.model.progress_seen[key] = float(progress)
