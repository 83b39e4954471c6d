"""Stateful schemathesis: the state machine schemathesis builds from the spec's links, extended.

`schema.as_state_machine()` follows the links of openapi.yaml: addCloudDownload -> getCloudStatus,
exploreCloudDownload, listCloudDownloadLinks, retryCloudDownload; addRemoteDownload -> getRemoteStatus,
retryRemoteDownload. The generated bodies lean towards the demo scenario's fake internet (st_config's
dictionaries), so cached torrents (explore/list succeed at once) and failing links (retry succeeds once
they are in error) come up. On top of the generated rules this machine adds:

* `advance_clock`: moves the mock's frozen clock, so downloads progress between steps;
* `login_then_get_key`: login, then checkLogin and getApiKey with the session cookie login set (a link
  cannot carry a cookie);
* `check_cache`: checkCache with demo and random hashes (no operation links to it).

Every answer goes through the suite's checks plus two of this machine's own, which hold the answers to
the reference model (model.OffcloudModel):

* `status_progression`: add/status/retry/explore/list answers agree with where the model says the
  download is (a download that skips a step, or moves without time passing, fails);
* `account_isolation`: every download the suite's account reads successfully is "not found" for the
  mock's other account.
"""

import json
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, initialize, multiple, precondition, rule, run_state_machine_as_test

from contract_tests.demo_data import demo
from contract_tests.diagnose import diagnose_body
from contract_tests.model import AccountModel, DownloadModel, OffcloudModel
from contract_tests.reach import Recorder
from contract_tests.spec import load_raw, operation_for
from contract_tests.st_auth import SESSION_COOKIE
from contract_tests.st_schema import build_schema
from contract_tests.targets import Target

__all__ = ["ADVANCES", "StatefulFailure", "make_machine", "run_machine"]

FORM = "application/x-www-form-urlencoded"
HEAD_STARTS = (0.0, 5.0, 60.0)  # mock seconds before the first generated step: failing downloads are in error
ADVANCES = (0.5, 1.0, 2.5, 4.0, 10.0, 60.0, 600.0)  # mock seconds; exact in binary floating point
_KINDS = {"addCloudDownload": "cloud", "addRemoteDownload": "remote"}
_STATUS_OPS = {"getCloudStatus": "cloud", "getRemoteStatus": "remote"}
_RETRY_OPS = {"retryCloudDownload": "cloud", "retryRemoteDownload": "remote"}


class StatefulFailure(AssertionError):
    """A problem found by this machine's own checks (wrapped by schemathesis into a check failure)."""


def _json(response: Any) -> Any:
    try:
        return json.loads(response.content or b"null")
    except ValueError:
        return None


def _request_id(case: Any) -> str | None:
    value = (case.path_parameters or {}).get("requestId")
    if value is None and isinstance(case.body, dict):
        value = case.body.get("requestId")
    return value if isinstance(value, str) else None


def _model(target: Target) -> OffcloudModel:
    scenario = demo()
    account = AccountModel(
        "account",
        target.account.api_key,
        frozenset({"premium", "links", "proxy", "cloud", "video"}),
        None,
        frozenset(scenario.remote_option_ids),
    )
    return OffcloudModel(scenario, [account])


def make_machine(
    target: Target, recorder: Recorder, *, schema: Any = None, journal_successes: Counter[str] | None = None
) -> type:
    """The state machine class for `target`; answers are recorded into `recorder`, and for a mock the
    operations its journal shows answered 2xx for the suite's account are counted into
    `journal_successes` (the mock's own account of what the suite reached)."""
    if schema is None:
        schema = build_schema(target, on_answer=recorder, bias=0.8, raw_schema=load_raw())
    base: type = schema.as_state_machine()
    controls = target.controls
    scenario = demo()
    catch_all = Bundle("catch_all")  # the bundle schemathesis' rules put every answer in (then sorted out)
    failing = [r.link for r in scenario.resources if r.fails]
    multi_file = [r.link for r in scenario.resources if r.multi_file]
    seed_links = st.sampled_from([*failing, *failing, *scenario.links])
    hashes = st.lists(
        st.sampled_from(scenario.info_hashes).map(lambda h: h.upper() if len(h) % 2 else h)
        | st.from_regex(r"\A[0-9a-f]{40}\Z"),
        min_size=1,
        max_size=5,
    )

    class OffcloudWorkflow(base):  # type: ignore[misc]
        def setup(self) -> None:
            super().setup()
            self.model = _model(target)
            if controls is not None and target.allow_writes:
                controls.reset()
                controls.freeze()
            self.clock_controlled = controls is not None and target.allow_writes
            self.logged_in = False  # login/getApiKey and checkCache once per scenario: they depend on no
            self.cache_checked = False  # state, and would crowd out the download rules otherwise

        def teardown(self) -> None:
            if journal_successes is not None and self.clock_controlled and controls is not None:
                for entry in controls.journal():
                    if entry.get("account") == target.account.email and 200 <= int(entry["status"]) < 300:
                        journal_successes[str(entry["operation"])] += 1
            super().teardown()

        # Every scenario starts from known content: cloud downloads of a failing link (retry's material)
        # and of a multi-file torrent (explore's), a remote download of the scenario's links (weighted
        # towards the failing ones), and maybe a head start of mock time. The answers join the generated rules' bundles, so the spec's links lead from them
        # like from any other answer.

        @initialize(
            target=catch_all,
            failing=st.sampled_from(failing),
            folder=st.sampled_from(multi_file),
            remote=seed_links,
            head_start=st.sampled_from(HEAD_STARTS),
        )
        def seed_downloads(self, failing: str, folder: str, remote: str, head_start: float) -> Any:
            key = {"key": target.account.api_key}
            cloud = self.schema["/api/cloud"]["POST"]
            remote_body = {"url": remote, "remoteOptionId": scenario.remote_option_ids[0]}
            outputs = [
                self._step(cloud.Case(body={"url": failing}, query=key, media_type=FORM)),
                self._step(cloud.Case(body={"url": folder}, query=key, media_type=FORM)),
                self._step(
                    self.schema["/api/remote"]["POST"].Case(body=remote_body, query=key, media_type=FORM)
                ),
            ]
            if head_start and self.clock_controlled:
                self.advance_clock(head_start)
            return multiple(*outputs)

        # Rules of this machine's own ------------------------------------------------------------------

        @precondition(lambda self: self.clock_controlled)
        @rule(seconds=st.sampled_from(ADVANCES))
        def advance_clock(self, seconds: float) -> None:
            assert controls is not None
            controls.advance(seconds)
            self.model.advance(seconds)

        @precondition(lambda self: target.account.password is not None and not self.logged_in)
        @rule()
        def login_then_get_key(self) -> None:
            self.logged_in = True
            login = self.schema["/api/login"]["POST"].Case(
                body={"username": target.account.email, "password": target.account.password}, media_type=FORM
            )
            response = self._run(login)
            cookie = _set_cookie(response)
            if cookie is None:
                raise StatefulFailure(f"login as {target.account.email} set no {SESSION_COOKIE} cookie")
            check = self.schema["/api/check"]["GET"].Case(cookies={SESSION_COOKIE: cookie})
            logged_in = _json(self._run(check))
            if logged_in != {"loggedIn": 1}:
                raise StatefulFailure(f"checkLogin with the session login set answered {logged_in!r}")
            key_case = self.schema["/api/key"]["POST"].Case(cookies={SESSION_COOKIE: cookie})
            answer = _json(self._run(key_case))
            if not isinstance(answer, dict) or answer.get("apiKey") != target.account.api_key:
                raise StatefulFailure(f"getApiKey after login answered {answer!r}, not the account's key")

        @precondition(lambda self: not self.cache_checked)
        @rule(hashes=hashes)
        def check_cache(self, hashes: list[str]) -> None:
            self.cache_checked = True
            case = self.schema["/api/cache"]["POST"].Case(
                body={"hashes": hashes},
                query={"key": target.account.api_key},
                media_type="application/json",
            )
            answer = _json(self._run(case))
            items = answer.get("cachedItems") if isinstance(answer, dict) else None
            problem = (
                self.model.check_cache_problem(hashes, items) if isinstance(items, list) else "no cachedItems"
            )
            if problem is not None:
                raise StatefulFailure(f"checkCache({hashes}): {problem}")

        @precondition(lambda self: self.clock_controlled and self._failed_downloads())
        @rule(data=st.data())
        def retry_a_failed_download(self, data: st.DataObject) -> None:
            # The spec's retry links are followed too, but whether a followed link meets a download in
            # error depends on the draw; this makes retry's success path certain to be exercised.
            download = data.draw(st.sampled_from(self._failed_downloads()), label="failed download")
            path = (
                "/api/cloud/retry/{requestId}"
                if download.kind == "cloud"
                else "/api/remote/retry/{requestId}"
            )
            case = self.schema[path]["GET"].Case(
                path_parameters={"requestId": download.request_id}, query={"key": target.account.api_key}
            )
            response = self._run(case)  # status_progression holds the answer to the model (and retries it)
            if response.status_code != 200:
                raise StatefulFailure(f"retrying failed download {download.request_id}: {response.text!r}")

        def _failed_downloads(self) -> list[Any]:
            return [
                download
                for download in self.model.downloads.values()
                if download.owner == "account"
                and download.kind != "instant"
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

        # Hooks of the generated machine -------------------------------------------------------------

        def validate_response(
            self, response: Any, case: Any, additional_checks: list[Any] | None = None, **kwargs: Any
        ) -> None:
            machine = self

            def status_progression(ctx: Any, response: Any, case: Any) -> bool | None:
                operation = operation_for(case.operation.method, case.operation.path)
                if machine.clock_controlled and operation is not None and response.status_code < 500:
                    _hold_to_model(machine.model, operation.operation_id, case, response)
                return None

            def account_isolation(ctx: Any, response: Any, case: Any) -> bool | None:
                _check_isolation(target, case, response)
                return None

            own = [status_progression, account_isolation]
            try:
                super().validate_response(
                    response, case, additional_checks=[*(additional_checks or []), *own], **kwargs
                )
            except BaseException as failure:
                _explain(failure, case, response)
                raise

    return OffcloudWorkflow


def _explain(failure: BaseException, case: Any, response: Any) -> None:
    """Add to a failure which field of the answer breaks the spec (schemathesis only says "oneOf")."""
    operation = operation_for(case.operation.method, case.operation.path)
    if operation is None:
        return
    media_type = (response.headers.get("content-type") or [""])[0].split(";")[0].strip()
    diagnosis = diagnose_body(operation.operation_id, response.status_code, response.content, media_type)
    if not diagnosis.ok:
        failure.add_note(f"contract: {diagnosis}")


def _check_isolation(target: Target, case: Any, response: Any) -> None:
    """A download the suite's account read successfully must be "not found" for the other account."""
    other = target.other_account
    operation = operation_for(case.operation.method, case.operation.path)
    request_id = _request_id(case)
    if other is None or operation is None or request_id is None or not 200 <= response.status_code < 300:
        return
    if operation.operation_id.startswith("add"):
        return
    body = {"requestId": request_id} if operation.method == "POST" else None
    answer = target.http().request(
        operation.method, case.formatted_path, params={"key": other.api_key}, data=body
    )
    if answer.status_code != 404:
        raise StatefulFailure(
            f"account isolation: {operation.operation_id} of {request_id}, a download of "
            f"{target.account.email}, answered HTTP {answer.status_code} to {other.email}: {answer.text[:200]}"
        )


def _set_cookie(response: Any) -> str | None:
    for header in response.headers.get("set-cookie", []):
        name, _, rest = header.partition("=")
        if name.strip() == SESSION_COOKIE:
            return str(rest).split(";", 1)[0]
    return None


def _hold_to_model(model: OffcloudModel, operation_id: str, case: Any, response: Any) -> None:
    """Compare one answer with the model, and move the model along with it."""
    answer = _json(response)
    status = response.status_code
    if operation_id in _KINDS and status == 200 and isinstance(answer, dict) and "requestId" in answer:
        kind = _KINDS[operation_id]
        link = str(case.body.get("url", "")) if isinstance(case.body, dict) else ""
        existing = model.downloads.get(answer["requestId"])
        if existing is None:
            created = model.record_new("account", kind, link, answer["requestId"])  # type: ignore[arg-type]
            _expect(answer.get("status") == model.added_status(created), operation_id, created, answer, model)
        else:  # adding the same content again answers the request's current status
            expected = model.expected(existing)
            if expected is not None:
                _expect(answer.get("status") == expected.status, operation_id, existing, answer, model)
        return
    request_id = _request_id(case)
    download = model.downloads.get(request_id) if request_id else None
    if download is None:
        return
    if operation_id in _STATUS_OPS and status == 200 and isinstance(answer, dict):
        body = answer.get("status")
        if isinstance(body, dict):
            try:
                model.learn_size(download, int(body.get("fileSize", 0)))
            except (TypeError, ValueError):
                return
            expected = model.expected(download)
            ok = expected is not None and (body.get("status"), body.get("amount")) == (
                expected.status,
                expected.amount,
            )
            _expect(ok, operation_id, download, body, model)
    elif operation_id in _RETRY_OPS and status in (200, 400):
        can_retry = model.can_retry(download)
        if can_retry is None:
            return
        _expect(can_retry == (status == 200), operation_id, download, answer, model)
        if status == 200:
            model.retry(download)
    elif operation_id in ("exploreCloudDownload", "listCloudDownloadLinks") and status in (200, 400):
        expected = model.expected(download)
        if expected is None:
            return
        done = expected.status == "downloaded"
        should_succeed = done and (operation_id == "listCloudDownloadLinks" or download.content.multi_file)
        _expect(should_succeed == (status == 200), operation_id, download, answer, model)


def _expect(
    ok: bool, operation_id: str, download: DownloadModel, answer: object, model: OffcloudModel
) -> None:
    if ok:
        return
    expected = model.expected(download)
    elapsed = model.now - download.started_at
    raise StatefulFailure(
        f"status progression: {operation_id} of {download.request_id} ({download.kind} download of "
        f"{download.link!r}, attempt {download.attempt}, {elapsed:g} mock seconds into it): the model "
        f"expects {expected.status if expected else 'an unknown status'!r}"
        f"{f' with amount {expected.amount}' if expected else ''}, the answer was {answer!r}"
    )


MIN_SCENARIOS = 20  # scenarios of a stateful run at least, whatever the profile


def machine_settings(min_scenarios: int = MIN_SCENARIOS, min_steps: int = 20) -> settings:
    """The active profile's budget (at least `min_scenarios` runs of up to `min_steps` steps), without
    deadline or health checks (API calls are slow by hypothesis' standards)."""
    current = settings()
    return settings(
        current,
        max_examples=max(current.max_examples, min_scenarios),
        stateful_step_count=max(current.stateful_step_count, min_steps),
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )


def run_machine(machine: type) -> None:
    run_state_machine_as_test(machine, settings=machine_settings())
