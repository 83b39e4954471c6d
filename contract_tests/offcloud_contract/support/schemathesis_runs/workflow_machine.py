"""Stateful schemathesis: the state machine schemathesis builds from the spec's links, extended.

`schema.as_state_machine()` follows the links of openapi.yaml: addCloudDownload -> getCloudStatus,
exploreCloudDownload, listCloudDownloadLinks, retryCloudDownload; addRemoteDownload -> getRemoteStatus,
retryRemoteDownload. The generated bodies lean towards the demo scenario's fake internet (st_config's
dictionaries), so cached torrents (explore/list succeed at once) and failing links (retry succeeds once
they are in error) come up. On top of the generated rules this machine adds:

* `advance_clock`: moves the mock's frozen clock, so downloads progress between steps;
* `login_then_get_key` (legacy era): login, then checkLogin and getApiKey with the session cookie login
  set (a link cannot carry a cookie);
* `check_cache`: checkCache with demo and random hashes (no operation links to it);
* `watch_a_download`: a cloud download's status read twice with time passing between (progress);
* `list_a_finished_download`: listCloudDownloadLinks of a download the model has finished;
* at the end of each scenario, a deterministic phase that reaches the success path of every operation
  of `success_paths.MUST_SUCCEED` this scenario did not reach (known content, the clock moved past the
  point where the operation succeeds: success_paths), then every operation of the era no link leads to
  or from (histories, account, sites, 2026 cache, device login, aliases, upload, removal of many), with
  its spec example.

Every answer goes through the suite's checks plus two of this machine's own, which hold the answers to
the reference model (reference_model.OffcloudModel):

* `status_progression`: add/status/retry/explore/list answers agree with where the model says the
  download is (a download that skips a step, or moves without time passing, fails);
* `account_isolation`: every download the suite's account reads successfully is "not found" for the
  mock's other account.
"""

import sys
from collections import Counter
from collections.abc import Callable
from fractions import Fraction
from typing import Any, ClassVar

from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, multiple, precondition, rule

from offcloud_contract.support.coverage.reach import Recorder
from offcloud_contract.support.mock_handles import MockControls
from offcloud_contract.support.model.demo_data import demo
from offcloud_contract.support.model.phase_table import ADVANCES
from offcloud_contract.support.model.reference_model import AccountModel, DownloadModel, OffcloudModel
from offcloud_contract.support.schemathesis_runs.auth import SESSION_COOKIE
from offcloud_contract.support.schemathesis_runs.schema import build_schema
from offcloud_contract.support.schemathesis_runs.success_paths import reach_the_success_paths
from offcloud_contract.support.schemathesis_runs.workflow_checks import (
    StatefulFailure,
    check_isolation,
    explain,
    hold_to_model,
    json_body,
    succeeded,
)
from offcloud_contract.support.spec.openapi_document import era_document, operation_by_id, operation_for
from offcloud_contract.support.spec.unlinked_operations import example_case, unlinked_operations
from offcloud_contract.support.targets.server_targets import Target

__all__ = ["HEAD_STARTS", "WorkflowRules", "workflow_machine_for"]

FORM = "application/x-www-form-urlencoded"
HEAD_STARTS = (0.0, 5.0, 60.0)  # mock seconds before the first generated step: failing downloads are in error
SCENARIO = demo()
CATCH_ALL = Bundle("catch_all")  # the bundle schemathesis' rules put every answer in (then sorted out)
_FAILING = [r.link for r in SCENARIO.resources if r.fails]
_MULTI_FILE = [r.link for r in SCENARIO.resources if r.multi_file]
_HASHES = st.lists(
    st.sampled_from(SCENARIO.info_hashes).map(lambda h: h.upper() if len(h) % 2 else h)
    | st.from_regex(r"\A[0-9a-f]{40}\Z"),
    min_size=1,
    max_size=5,
)


def _model(target: Target) -> OffcloudModel:
    account = AccountModel(
        "account",
        target.account.api_key,
        frozenset({"premium", "links", "proxy", "cloud", "video"}),
        None,
        frozenset(SCENARIO.remote_option_ids),
    )
    return OffcloudModel(SCENARIO, [account], era=target.era)


def _set_cookie(response: Any) -> str | None:
    for header in response.headers.get("set-cookie", []):
        name, _, rest = header.partition("=")
        if name.strip() == SESSION_COOKIE:
            return str(rest).split(";", 1)[0]
    return None


class WorkflowRules(RuleBasedStateMachine):
    """The rules and checks added to schemathesis' generated machine; combined with it by
    `workflow_machine_for` (the generated machine is built per schema, so it cannot be a base here)."""

    target: ClassVar[Target]
    controls: ClassVar[MockControls | None]
    journal_successes: ClassVar[Counter[str] | None]
    # Provided by schemathesis' generated machine:
    schema: Any
    control: Any
    recorder: Any
    step: Callable[..., Any]

    def setup(self) -> None:
        super().setup()  # type: ignore[misc]
        self.model = _model(self.target)
        self.clock_controlled = self.controls is not None and self.target.allow_writes
        if self.controls is not None and self.clock_controlled:
            self.controls.freeze()  # first: a reset keeps the clock frozen, so mock time is exactly 0
            self.controls.reset()
        self.logged_in = False  # login/getApiKey and checkCache once per scenario: they depend on no
        self.cache_checked = False  # state, and would crowd out the download rules otherwise
        self.successes: Counter[str] = Counter()  # this scenario's successful answers by operationId

    def teardown(self) -> None:
        # With a failure on its way out (or hypothesis ending the scenario early), more calls would only
        # hide it: the final phase is for scenarios that went well.
        if self.clock_controlled and sys.exc_info()[1] is None:
            reach_the_success_paths(self)
            self._call_the_unlinked_operations()
        if self.journal_successes is not None and self.clock_controlled and self.controls is not None:
            for entry in self.controls.journal():
                if entry.get("account") == self.target.account.email and 200 <= int(entry["status"]) < 300:
                    self.journal_successes[str(entry["operation"])] += 1
        super().teardown()

    def _call_the_unlinked_operations(self) -> None:
        """No link leads to these, so schemathesis' own rules never call them: all of them, at the end of
        each scenario, with the request example of the spec (ids unknown to the server), checked like any
        answer. At the end, so the generated rules' choices (and steps) are the same as without them."""
        for operation in unlinked_operations(self.target.era):
            self._run(example_case(self.schema, operation, self.target.account.api_key))

    # Every scenario starts from known content: cloud downloads of a failing link (retry's material)
    # and of a multi-file torrent (explore's), a remote download of the scenario's links (weighted
    # towards the failing ones), and maybe a head start of mock time. The answers join the generated rules' bundles, so the spec's links lead from them
    # like from any other answer.

    @initialize(
        target=CATCH_ALL,
        failing=st.sampled_from(_FAILING),
        folder=st.sampled_from(_MULTI_FILE),
        remote=st.sampled_from([*_FAILING, *_FAILING, *SCENARIO.links]),
        head_start=st.sampled_from(HEAD_STARTS),
    )
    def seed_downloads(self, failing: str, folder: str, remote: str, head_start: float) -> Any:
        key = {"key": self.target.account.api_key}
        cloud = self.schema["/api/cloud"]["POST"]
        remote_body = {"url": remote, "remoteOptionId": SCENARIO.remote_option_ids[0]}
        outputs = [
            self._step(cloud.Case(body={"url": failing}, query=key, media_type=FORM)),
            self._step(cloud.Case(body={"url": folder}, query=key, media_type=FORM)),
            self._step(self.schema["/api/remote"]["POST"].Case(body=remote_body, query=key, media_type=FORM)),
        ]
        if head_start and self.clock_controlled:
            self.advance_clock(head_start)
        return multiple(*outputs)

    # Rules of this machine's own ------------------------------------------------------------------

    @precondition(lambda self: self.clock_controlled)
    @rule(seconds=st.sampled_from(ADVANCES))
    def advance_clock(self, seconds: float) -> None:
        assert self.controls is not None
        self.controls.advance(seconds)
        self.model.advance(Fraction(seconds))
        self._reread_progress()

    def _reread_progress(self) -> None:
        """After time passed, read again the last download whose 2026 progress was seen (if it is still
        in that attempt), so that a progress going back shows whatever rules ran before."""
        if not self.model.progress_seen:
            return
        request_id, attempt = next(reversed(self.model.progress_seen))
        download = self.model.downloads.get(request_id)
        if download is None or download.removed or download.attempt != attempt:
            return
        self.send("getCloudStatus", body={"requestId": request_id})

    @precondition(
        lambda self: (
            self.target.era == "legacy"  # the 2026 server has no login (404)
            and self.target.account.password is not None
            and not self.logged_in
        )
    )
    @rule()
    def login_then_get_key(self) -> None:
        self.logged_in = True
        login = self.schema["/api/login"]["POST"].Case(
            body={"username": self.target.account.email, "password": self.target.account.password},
            media_type=FORM,
        )
        response = self._run(login)
        cookie = _set_cookie(response)
        if cookie is None:
            raise StatefulFailure(f"login as {self.target.account.email} set no {SESSION_COOKIE} cookie")
        check = self.schema["/api/check"]["GET"].Case(cookies={SESSION_COOKIE: cookie})
        logged_in = json_body(self._run(check))
        if logged_in != {"loggedIn": 1}:
            raise StatefulFailure(f"checkLogin with the session login set answered {logged_in!r}")
        key_case = self.schema["/api/key"]["POST"].Case(cookies={SESSION_COOKIE: cookie})
        answer = json_body(self._run(key_case))
        if not isinstance(answer, dict) or answer.get("apiKey") != self.target.account.api_key:
            raise StatefulFailure(f"getApiKey after login answered {answer!r}, not the account's key")

    @precondition(lambda self: not self.cache_checked)
    @rule(hashes=_HASHES)
    def check_cache(self, hashes: list[str]) -> None:
        self.cache_checked = True
        answer = json_body(self.send("checkCache", body={"hashes": hashes}, media_type="application/json"))
        items = answer.get("cachedItems") if isinstance(answer, dict) else None
        predicted = self.model.cached_items(hashes)
        if items != predicted:
            raise StatefulFailure(f"checkCache({hashes}): cachedItems {items} != {predicted}")

    @precondition(lambda self: self.clock_controlled and self._cloud_downloads())
    @rule(data=st.data(), seconds=st.sampled_from(ADVANCES))
    def watch_a_download(self, data: st.DataObject, seconds: float) -> None:
        """Read a cloud download's status, let time pass, read it again: the model holds both answers
        (a 2026 `progress` must not go back between them)."""
        download = data.draw(st.sampled_from(self._cloud_downloads()), label="watched download")
        self.send("getCloudStatus", body={"requestId": download.request_id})
        self.advance_clock(seconds)  # reads it again

    @precondition(lambda self: self.clock_controlled and self._finished_downloads())
    @rule(data=st.data())
    def list_a_finished_download(self, data: st.DataObject) -> None:
        # Like retry below: the spec's links meet a finished download only by chance.
        download = data.draw(st.sampled_from(self._finished_downloads()), label="finished download")
        ids = {"requestId": download.request_id}
        self.send("listCloudDownloadLinks", path_parameters=ids)  # status_progression holds the answer

    def _finished_downloads(self) -> list[DownloadModel]:
        return [d for d in self._cloud_downloads() if d.size is not None and self.model.finished(d)]

    def _cloud_downloads(self) -> list[DownloadModel]:
        return [
            d
            for d in self.model.downloads.values()
            if d.owner == "account" and d.kind == "cloud" and not d.removed
        ]

    @precondition(lambda self: self.clock_controlled and self._failed_downloads())
    @rule(data=st.data())
    def retry_a_failed_download(self, data: st.DataObject) -> None:
        # The spec's retry links are followed too, but whether a followed link meets a download in
        # error depends on the draw; this makes retry's success path certain to be exercised.
        download = data.draw(st.sampled_from(self._failed_downloads()), label="failed download")
        operation_id = "retryCloudDownload" if download.kind == "cloud" else "retryRemoteDownload"
        # status_progression holds the answer to the model (and retries it there)
        response = self.send(operation_id, path_parameters={"requestId": download.request_id})
        if response.status_code != 200:
            raise StatefulFailure(f"retrying failed download {download.request_id}: {response.text!r}")

    def _failed_downloads(self) -> list[DownloadModel]:
        return [
            download
            for download in self.model.downloads.values()
            if download.owner == "account"
            and not download.removed
            and download.kind != "instant"
            and download.size is not None
            and self.model.can_retry(download)
        ]

    def _step(self, case: Any) -> Any:
        """Send a case of this machine's own, as schemathesis' generated rules send theirs."""
        from schemathesis.generation.stateful.state_machine import StepInput

        step = StepInput.initial(case)
        self.recorder.record_case(case=case)  # later steps' links name it as their parent
        self.control.record_step(step, self.recorder)
        return self.step(step)

    def _run(self, case: Any) -> Any:
        return self._step(case).response

    def send(self, operation_id: str, **fields: Any) -> Any:
        """A case of the operation (a form body unless `media_type` says otherwise) with the account's
        key, sent and checked."""
        operation = operation_by_id(operation_id)
        if "body" in fields:
            fields.setdefault("media_type", FORM)
        case = self.schema[operation.path][operation.method].Case(
            query={"key": self.target.account.api_key}, **fields
        )
        return self._run(case)

    # Hooks of the generated machine -------------------------------------------------------------

    def validate_response(
        self, response: Any, case: Any, additional_checks: list[Any] | None = None, **kwargs: Any
    ) -> None:
        machine = self
        operation = operation_for(case.operation.method, case.operation.path)
        if operation is not None and succeeded(response):
            self.successes[operation.operation_id] += 1

        def status_progression(ctx: Any, response: Any, case: Any) -> bool | None:
            operation = operation_for(case.operation.method, case.operation.path)
            if machine.clock_controlled and operation is not None and response.status_code < 500:
                hold_to_model(machine.model, operation.operation_id, case, response)
            return None

        def account_isolation(ctx: Any, response: Any, case: Any) -> bool | None:
            check_isolation(machine.target, case, response)
            return None

        own = [status_progression, account_isolation]
        try:
            super().validate_response(  # type: ignore[misc]
                response, case, additional_checks=[*(additional_checks or []), *own], **kwargs
            )
        except BaseException as failure:
            explain(failure, case, response)
            raise


def workflow_machine_for(
    target: Target, recorder: Recorder, *, schema: Any = None, journal_successes: Counter[str] | None = None
) -> type[RuleBasedStateMachine]:
    """The machine for `target`: schemathesis' generated machine with `WorkflowRules`; answers are recorded
    into `recorder`, and for a mock the operations its journal shows answered 2xx for the suite's account
    are counted into `journal_successes` (the mock's own account of what the suite reached)."""
    if schema is None:
        schema = build_schema(target, on_answer=recorder, bias=0.8, raw_schema=era_document(target.era))
    generated: type = schema.as_state_machine()
    settings = {"target": target, "controls": target.controls, "journal_successes": journal_successes}
    return type("OffcloudWorkflow", (WorkflowRules, generated), settings)
