"""Every success path of the workflow machine's era, reached at the end of every scenario by construction.

The generated walk reaches a success path only when its draws line up (a multi-file download added, the
clock moved past its end, then explore followed), and which walk comes depends on the seed and on what ran
before in the process. So every scenario ends with a deterministic phase: each operation of `MUST_SUCCEED`
that has not succeeded in this scenario yet is called with valid data, on known content of the scenario
(model.steering) added now or reused from the walk, after the mock's clock was moved until that download
is where the operation succeeds. The answers go through every check, the model's included, like those of
the generated steps; a removal is followed by the status and history that must no longer show it.

The phase depends only on the scenario's own steps, so a failing scenario replays the same. It needs a
clock it can move: against a server that is not a mock the test reports the paths it could not reach.
"""

import warnings
from collections import Counter
from typing import Any, Protocol

from offcloud_contract.support.model.demo_data import demo
from offcloud_contract.support.model.phase_table import Kind
from offcloud_contract.support.model.reference_model import DownloadModel, OffcloudModel
from offcloud_contract.support.model.steering import (
    CACHED_HASH,
    FAILING_LINK,
    FOLDER_LINK,
    live_download,
    seconds_until,
)
from offcloud_contract.support.schemathesis_runs.workflow_checks import StatefulFailure
from offcloud_contract.support.targets.server_targets import Target

__all__ = [
    "MUST_SUCCEED",
    "SteeredMachine",
    "UnreachedSuccessPaths",
    "judge_reach",
    "reach_the_success_paths",
]

_DOCUMENTED = (
    "addCloudDownload",
    "getCloudStatus",
    "exploreCloudDownload",
    "listCloudDownloadLinks",
    "retryCloudDownload",
    "addRemoteDownload",
    "getRemoteStatus",
    "retryRemoteDownload",
    "checkCache",
    "getCloudHistory",
)
# Linked operations beyond the documented ones: the walk calls them only when its draws lead there.
_ALSO_LINKED = ("addInstantDownload", "listProxies", "listRemoteAccounts")
_REMOVALS = {
    "2026": ("removeCloudDownload", "removeCloudDownloadSiteRoot"),
    "legacy": ("removeCloudDownloadSiteRoot",),
}
# The operations whose success path every stateful run reaches (the test fails on one it never saw): with
# the unlinked operations (called at the end of every scenario) and the own rules' login and cache, every
# operation of the era is called in every scenario.
MUST_SUCCEED = {
    "2026": (*_DOCUMENTED, *_ALSO_LINKED, *_REMOVALS["2026"]),
    "legacy": (*_DOCUMENTED, *_ALSO_LINKED, *_REMOVALS["legacy"], "login", "getApiKey"),
}
_PLAIN_LINK = next(
    r.link for r in demo().resources if r.info_hash is None and not r.fails and r.kind == "normal"
)
_REMOTE_OPTION = demo().remote_option_ids[0]


class SteeredMachine(Protocol):
    """What the phase needs of the workflow machine."""

    model: OffcloudModel
    successes: Counter[str]  # this scenario's successful answers (2xx, not an error body) by operationId

    @property
    def target(self) -> Target: ...

    def send(self, operation_id: str, **case: Any) -> Any:
        """Send a case of the operation with the account's key, checked like any generated step."""

    def advance_clock(self, seconds: float) -> None: ...

    def login_then_get_key(self) -> None: ...

    def check_cache(self, hashes: list[str]) -> None: ...


class UnreachedSuccessPaths(UserWarning):
    """Success paths a stateful run did not reach on a server it cannot steer (not a mock)."""


def judge_reach(target: Target, reached: dict[str, int]) -> None:
    """A run that never reached a success path fails, unless the server is not a mock: there the paths
    the walk did not meet by itself are reported (a warning) as not checked."""
    missing = [op for op, count in reached.items() if count == 0]
    if not missing:
        return
    if target.controls is None:
        warnings.warn(
            UnreachedSuccessPaths(
                f"{target.base_url} is not a mock: its clock cannot be moved nor its content chosen, so the "
                f"success paths of {missing} were not reached and not checked (2xx answers: {reached})"
            ),
            stacklevel=2,
        )
        return
    raise AssertionError(f"never answered 2xx in the stateful run: {missing} (all: {reached})")


def reach_the_success_paths(machine: SteeredMachine) -> None:
    era = machine.target.era

    def missing(*operation_ids: str) -> bool:
        return any(op in MUST_SUCCEED[era] and machine.successes[op] == 0 for op in operation_ids)

    if missing("addCloudDownload", "getCloudStatus", "exploreCloudDownload", "listCloudDownloadLinks"):
        folder = _own(machine, "cloud", FOLDER_LINK)
        _wait_for(machine, folder, "downloaded")
        ids = {"path_parameters": {"requestId": folder.request_id}}
        if missing("getCloudStatus"):
            machine.send("getCloudStatus", body={"requestId": folder.request_id})
        for operation_id in ("exploreCloudDownload", "listCloudDownloadLinks"):
            if missing(operation_id):
                machine.send(operation_id, **ids)
    if missing("retryCloudDownload"):
        _retry(machine, _own(machine, "cloud", FAILING_LINK), "retryCloudDownload")
    if missing("addRemoteDownload", "getRemoteStatus", "retryRemoteDownload"):
        remote = _own(machine, "remote", FAILING_LINK)
        if missing("getRemoteStatus"):
            machine.send("getRemoteStatus", body={"requestId": remote.request_id})
        if missing("retryRemoteDownload"):
            _retry(machine, remote, "retryRemoteDownload")
    if missing("addInstantDownload"):
        machine.send("addInstantDownload", body={"url": _PLAIN_LINK})
    for listing in ("listProxies", "listRemoteAccounts"):
        if missing(listing):
            machine.send(listing)
    if missing("checkCache"):
        machine.check_cache([CACHED_HASH])
    if missing("getCloudHistory"):
        machine.send("getCloudHistory")
    if missing("login", "getApiKey"):
        machine.login_then_get_key()
    for removal in _REMOVALS[era]:
        if missing(removal):
            gone = _own(machine, "cloud", FOLDER_LINK)
            machine.send(removal, path_parameters={"requestId": gone.request_id})
            if not gone.removed:
                raise StatefulFailure(f"{removal} of {gone.request_id} did not remove it")
            # Gone: status is "not found" and history does not list it (the model's checks hold both).
            machine.send("getCloudStatus", body={"requestId": gone.request_id})
            machine.send("getCloudHistory")


def _own(machine: SteeredMachine, kind: Kind, link: str) -> DownloadModel:
    """The account's download of `link` as `kind`: the walk's own, or added now."""
    download = live_download(machine.model, "account", kind, link)
    if download is not None:
        return download
    operation_id = "addCloudDownload" if kind == "cloud" else "addRemoteDownload"
    body = {"url": link} if kind == "cloud" else {"url": link, "remoteOptionId": _REMOTE_OPTION}
    response = machine.send(operation_id, body=body)
    download = live_download(machine.model, "account", kind, link)
    if download is None:
        raise StatefulFailure(
            f"{operation_id}({link!r}) answered HTTP {response.status_code} {response.content[:200]!r}: "
            "no download of known content, so its success paths cannot be reached"
        )
    return download


def _wait_for(machine: SteeredMachine, download: DownloadModel, status: str) -> None:
    seconds = seconds_until(machine.model, download, status)
    if seconds:
        machine.advance_clock(float(seconds))


def _retry(machine: SteeredMachine, download: DownloadModel, operation_id: str) -> None:
    _wait_for(machine, download, "error")
    response = machine.send(operation_id, path_parameters={"requestId": download.request_id})
    if machine.successes[operation_id] == 0:
        raise StatefulFailure(
            f"{operation_id} of {download.request_id}, in error by the model, answered HTTP "
            f"{response.status_code} {response.content[:200]!r}"
        )
