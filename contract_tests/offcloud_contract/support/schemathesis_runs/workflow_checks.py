"""The schemathesis workflow machine's own checks: answers held to the reference model, account isolation,
and the notes that name the field a failure is about."""

import json
from collections.abc import Callable
from typing import Any

from offcloud_contract.support.answers.diagnose import diagnose_body
from offcloud_contract.support.answers.outcome import succeeded as answer_succeeded
from offcloud_contract.support.model.answer_fields import fields_problem, numbers
from offcloud_contract.support.model.reference_model import DownloadModel, OffcloudModel
from offcloud_contract.support.model.refusals import REQUEST_IDS_REFUSED
from offcloud_contract.support.spec.openapi_document import operation_for
from offcloud_contract.support.targets.server_targets import Target

__all__ = [
    "StatefulFailure",
    "check_isolation",
    "explain",
    "hold_to_model",
    "json_body",
    "request_id_of",
    "succeeded",
]

_KINDS = {
    "addCloudDownload": "cloud",
    "addRemoteDownload": "remote",
    "addCloudDownloadAlias": "cloud",
    "addRemoteDownloadAlias": "remote",
}


class StatefulFailure(AssertionError):
    """A problem found by the machine's own checks (wrapped by schemathesis into a check failure)."""


def json_body(response: Any) -> Any:
    try:
        return json.loads(response.content or b"null")
    except ValueError:
        return None


def request_id_of(case: Any) -> str | None:
    value = (case.path_parameters or {}).get("requestId")
    if value is None and isinstance(case.body, dict):
        value = case.body.get("requestId")
    return value if isinstance(value, str) else None


def explain(failure: BaseException, case: Any, response: Any) -> None:
    """Add to a failure which field of the answer breaks the spec (schemathesis only says "oneOf")."""
    operation = operation_for(case.operation.method, case.operation.path)
    if operation is None:
        return
    media_type = (response.headers.get("content-type") or [""])[0].split(";")[0].strip()
    diagnosis = diagnose_body(operation.operation_id, response.status_code, response.content, media_type)
    if not diagnosis.ok:
        failure.add_note(f"contract: {diagnosis}")


def succeeded(response: Any) -> bool:
    """A success: a 2xx answer that is not a legacy refusal."""
    return answer_succeeded(response.status_code, response.content)


def _is_error(response: Any) -> bool:
    """The legacy server's refusal: HTTP 200 `{"error": ...}` (a 2026 one is an HTTP error status)."""
    body = json_body(response)
    return isinstance(body, dict) and "error" in body


def check_isolation(target: Target, case: Any, response: Any) -> None:
    """A download the suite's account read successfully must be "not found" for the other account."""
    other = target.other_account
    operation = operation_for(case.operation.method, case.operation.path)
    request_id = request_id_of(case)
    if other is None or operation is None or request_id is None or not 200 <= response.status_code < 300:
        return
    if operation.operation_id.startswith("add"):
        return
    body = {"requestId": request_id} if operation.method == "POST" else None
    answer = target.http().request(
        operation.method, case.formatted_path, params={"key": other.api_key}, data=body
    )
    if answer.status_code != 404 and not _is_error(answer):
        raise StatefulFailure(
            f"account isolation: {operation.operation_id} of {request_id}, a download of "
            f"{target.account.email}, answered HTTP {answer.status_code} to {other.email}: {answer.text[:200]}"
        )


# One check per operation: (model, operationId, case, response) -> None; it raises StatefulFailure.
ModelCheck = Callable[[OffcloudModel, str, Any, Any], None]


def hold_to_model(model: OffcloudModel, operation_id: str, case: Any, response: Any) -> None:
    """Compare one answer with the model, field by field where it predicts them, and move the model along."""
    answer = json_body(response)
    if isinstance(answer, dict) and answer.get("error") == "NOAUTH":
        return  # a case sent without credentials on purpose (the legacy 401); credentials_accepted's job
    check = _MODEL_CHECKS.get(operation_id)
    if check is not None:
        check(model, operation_id, case, response)


def _gone_once_removed(check: ModelCheck) -> ModelCheck:
    """`check`, for an operation that must answer "not found" for a removed download (and nothing else):
    a removed download is gone from every operation that reads or changes it by its requestId."""

    def checked(model: OffcloudModel, operation_id: str, case: Any, response: Any) -> None:
        request_id = request_id_of(case)
        if request_id not in model.removed:
            check(model, operation_id, case, response)
        elif response.status_code == 200 and not _is_error(response):
            raise StatefulFailure(
                f"removal: {operation_id} of {request_id}, a removed download, answered HTTP 200 "
                f"{response.content[:200]!r}; a removed download is gone (not found)"
            )

    return checked


def _download_of(model: OffcloudModel, case: Any) -> DownloadModel | None:
    request_id = request_id_of(case)
    return model.downloads.get(request_id) if request_id else None


def _ok(response: Any) -> bool:
    return response.status_code == 200 and not _is_error(response)  # legacy refusals: 200 {"error": ...}


def _hold_add(model: OffcloudModel, operation_id: str, case: Any, response: Any) -> None:
    answer = json_body(response)
    if response.status_code != 200 or not isinstance(answer, dict) or "requestId" not in answer:
        return
    link = str(case.body.get("url", "")) if isinstance(case.body, dict) else ""
    download = model.downloads.get(answer["requestId"])
    if download is None:
        download = model.record_new("account", _KINDS[operation_id], link, answer["requestId"])  # type: ignore[arg-type]
        if isinstance(answer.get("url"), str):
            model.learn_server(download, answer["url"].removeprefix("https://").split(".", 1)[0])
    if download.size is not None:  # adding again answers the request's current status
        fields = {name: value for name, value in answer.items() if name != "createdOn"}
        _expect(fields_problem(model.add_answer(download), fields), operation_id, download, model)


def _hold_history_answer(model: OffcloudModel, operation_id: str, case: Any, response: Any) -> None:
    answer = json_body(response)
    if response.status_code == 200 and isinstance(answer, list):
        _hold_history(model, answer)


def _hold_removal_of_many(model: OffcloudModel, operation_id: str, case: Any, response: Any) -> None:
    if response.status_code != 200 or not isinstance(case.body, dict):
        return
    for request_id in case.body.get("requests") or ():
        known = model.downloads.get(request_id) if isinstance(request_id, str) else None
        if known is not None and known.kind == "cloud" and not known.removed:  # others are skipped
            model.remove(known)


def _hold_removal(model: OffcloudModel, operation_id: str, case: Any, response: Any) -> None:
    download = _download_of(model, case)
    if download is not None and _ok(response):
        model.remove(download)


def _hold_status(model: OffcloudModel, operation_id: str, case: Any, response: Any) -> None:
    _hold_request_ids_refusal(model, operation_id, case, response)
    download = _download_of(model, case)
    answer = json_body(response)
    if download is None or response.status_code != 200 or not isinstance(answer, dict):
        return
    _hold_progress(model, operation_id, download, answer.get("status"))
    body = answer.get("status")
    if not isinstance(body, dict) or not str(body.get("fileSize", "")).isdigit():
        return  # the schema checks report it
    numbers(body, "fileSize", "downloadingSpeed")
    model.learn_size(download, body["fileSize"])
    if isinstance(body.get("server"), str):
        model.learn_server(download, body["server"])
    _expect(fields_problem(model.status_answer(download), body), operation_id, download, model)


def _hold_request_ids_refusal(model: OffcloudModel, operation_id: str, case: Any, response: Any) -> None:
    """The 2026 server refuses `requestIds` without `requestId`: 400, in the spec's words (refusals)."""
    body = case.body if isinstance(case.body, dict) else {}
    if model.era == "legacy" or "requestId" in body or "requestIds" not in body:
        return
    answer = json_body(response)
    error = answer.get("error") if isinstance(answer, dict) else None
    if response.status_code == 400 and error == REQUEST_IDS_REFUSED:
        return
    raise StatefulFailure(
        f"refusal: {operation_id} with requestIds and no requestId answered HTTP {response.status_code} "
        f"{response.content[:200]!r}; the 2026 server's refusal is 400 {REQUEST_IDS_REFUSED!r} (wording)"
    )


def _hold_account(model: OffcloudModel, operation_id: str, case: Any, response: Any) -> None:
    """getAccountInfo (2026) and getAccountStats (legacy): every field the model knows for the scenario's
    account (account_rules) but the links left (the walk adds downloads the model does not follow)."""
    answer = json_body(response)
    account = model.accounts["account"]
    known = any(plan.api_key == account.api_key for plan in model.scenario.accounts)
    if response.status_code != 200 or not isinstance(answer, dict) or "error" in answer or not known:
        return
    model.learn_account_id("account", answer.get("userId", answer.get("user_id")))
    predicted = dict(model.account_answer("account"))
    answered = dict(answer)
    limits, answered_limits = predicted.get("limits"), answered.get("limits")
    if isinstance(limits, dict) and isinstance(answered_limits, dict):
        predicted["limits"] = {k: v for k, v in limits.items() if k != "links"}
        answered["limits"] = {k: v for k, v in answered_limits.items() if k != "links"}
    problem = fields_problem(predicted, answered)
    if problem is not None:
        raise StatefulFailure(f"account: {operation_id} answered {problem} (account_rules)")


def _hold_retry(model: OffcloudModel, operation_id: str, case: Any, response: Any) -> None:
    download = _download_of(model, case)
    if download is None or download.size is None or response.status_code not in (200, 400):
        return
    ok, can_retry = _ok(response), model.can_retry(download)
    _expect(None if can_retry == ok else _outcome(response), operation_id, download, model)
    if ok:
        model.retry(download)


def _hold_links(model: OffcloudModel, operation_id: str, case: Any, response: Any) -> None:
    """exploreCloudDownload and listCloudDownloadLinks: they succeed once the download is finished (legacy
    explore only for several files; 2026 plain explore a single file too, its detailed explore refuses
    one), and give the links the model predicts."""
    download = _download_of(model, case)
    if download is None or download.size is None or response.status_code not in (200, 400):
        return
    ok = _ok(response)
    done = model.finished(download)
    form = (case.query or {}).get("format")
    form = form[0] if isinstance(form, list) and form else form
    if operation_id == "exploreCloudDownload" and form is not None and form != "detailed":
        if ok:  # the spec's enum has `detailed` alone: any other format is a bad parameter, in both eras
            raise StatefulFailure(
                f"validation: {operation_id} of {download.request_id} with format={form!r}, which the spec's "
                f"enum does not list, answered {_outcome(response)}"
            )
        return
    detailed = form == "detailed"  # files with their own URLs
    lists_one = download.content.multi_file or (model.era != "legacy" and not detailed)
    should_succeed = done and (operation_id == "listCloudDownloadLinks" or lists_one)
    _expect(None if should_succeed == ok else _outcome(response), operation_id, download, model)
    if ok and operation_id == "exploreCloudDownload" and not detailed:
        model.learn_user_id(download, json_body(response))
    if not ok or download.server is None or detailed:
        return
    explored = model.explore_links(download) if operation_id == "exploreCloudDownload" else None
    links = explored if explored is not None else model.file_links(download)
    if operation_id == "exploreCloudDownload":
        predicted: object = links
        got: object = json_body(response)
    else:
        predicted, got = "".join(f"{x}\n" for x in links), response.content.decode()
    problem = None if got == predicted else f"download links {got!r} != {predicted!r}"
    _expect(problem, operation_id, download, model)


_MODEL_CHECKS: dict[str, ModelCheck] = {
    **dict.fromkeys(_KINDS, _hold_add),
    "getCloudHistory": _hold_history_answer,
    "removeCloudDownloads": _hold_removal_of_many,
    "removeCloudDownload": _gone_once_removed(_hold_removal),
    "removeCloudDownloadSiteRoot": _gone_once_removed(_hold_removal),
    "getCloudStatus": _gone_once_removed(_hold_status),
    "getRemoteStatus": _hold_status,
    "retryCloudDownload": _gone_once_removed(_hold_retry),
    "retryRemoteDownload": _gone_once_removed(_hold_retry),
    "exploreCloudDownload": _gone_once_removed(_hold_links),
    "listCloudDownloadLinks": _gone_once_removed(_hold_links),
    "getAccountInfo": _hold_account,
    "getAccountStats": _hold_account,
}


def _outcome(response: Any) -> str:
    return f"HTTP {response.status_code} {response.content[:120]!r}"


def _hold_history(model: OffcloudModel, items: list[Any]) -> None:
    """History lists no removed download, and the model's cloud downloads newest first (it may list
    downloads made by operations the model does not follow, e.g. cache download)."""
    listed = [item.get("requestId") for item in items if isinstance(item, dict)]
    ghosts = sorted(model.removed.intersection(x for x in listed if isinstance(x, str)))
    if ghosts:
        raise StatefulFailure(f"history: removed download(s) {ghosts} still listed by getCloudHistory")
    known = [x for x in listed if isinstance(x, str) and x in model.history("account")]
    predicted = model.history("account")
    if known != predicted:
        raise StatefulFailure(f"history: getCloudHistory lists {known}, the model {predicted} (newest first)")
    for item in items:
        download = model.downloads.get(item.get("requestId", "")) if isinstance(item, dict) else None
        if download is None or download.removed or not isinstance(item, dict):
            continue
        if item.get("originalLink") != download.link:
            raise StatefulFailure(
                f"history: {download.request_id}'s originalLink {item.get('originalLink')!r}, the link as "
                f"added {download.link!r}"
            )
        if item.get("createdOn") not in model.created_on_texts(download):
            raise StatefulFailure(
                f"history: {download.request_id}'s createdOn {item.get('createdOn')!r}, the moment it was "
                f"added {model.created_on_texts(download)[0]!r} (attempt {download.attempt})"
            )


def _hold_progress(model: OffcloudModel, operation_id: str, download: DownloadModel, body: object) -> None:
    """2026 status: `progress` a 0-1 fraction that never goes back within an attempt, null when finished."""
    if not isinstance(body, dict) or "progress" not in body:
        return
    progress, state = body.get("progress"), body.get("status")
    if state in ("downloaded", "error", "canceled"):
        if progress is not None:
            raise StatefulFailure(
                f"progress: {operation_id} of {download.request_id} is {state} but progress is {progress!r}"
            )
        return
    if not isinstance(progress, int | float) or not 0 <= progress <= 1:
        raise StatefulFailure(
            f"progress: {operation_id} of {download.request_id} answered progress {progress!r}, not 0-1"
        )
    key = (download.request_id, download.attempt)
    before = model.progress_seen.get(key)
    if before is not None and progress < before:
        raise StatefulFailure(
            f"progress: {operation_id} of {download.request_id} went backwards, {before} then {progress} (attempt "
            f"{download.attempt}, {float(model.now - download.started_at):g} mock seconds into it)"
        )
    model.progress_seen[key] = float(progress)


def _expect(problem: str | None, operation_id: str, download: DownloadModel, model: OffcloudModel) -> None:
    if problem is None:
        return
    expected = model.expected(download) if download.size is not None else None
    elapsed = float(model.now - download.started_at)
    raise StatefulFailure(
        f"status progression: {operation_id} of {download.request_id} ({download.kind} download of "
        f"{download.link!r}, attempt {download.attempt}, {elapsed:g} mock seconds into it): the model "
        f"expects {expected.status if expected else 'an unknown status'!r}"
        f"{f' with amount {expected.amount}' if expected else ''}; the answer differs: {problem}"
    )
