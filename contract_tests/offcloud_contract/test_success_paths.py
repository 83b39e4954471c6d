"""The stateful runs reach every success path by construction, not by a lucky walk: one scenario of one
generated step still reaches the success path of every operation that must succeed, in each era, for
both machines; the known content the final phase steers with gets where the model says, when it says;
and a server that cannot be steered has its unreached paths reported, not failed."""

import warnings
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import run_state_machine_as_test

from offcloud_contract.support.client_machine.machine import client_machine_for
from offcloud_contract.support.client_machine.success_paths import MUST_SUCCEED as CLIENT_MUST_SUCCEED
from offcloud_contract.support.coverage.reach import Reach
from offcloud_contract.support.mock_handles import ERAS
from offcloud_contract.support.model.demo_data import demo
from offcloud_contract.support.model.reference_model import AccountModel, OffcloudModel
from offcloud_contract.support.model.steering import FAILING_LINK, FOLDER_LINK, live_download, seconds_until
from offcloud_contract.support.schemathesis_runs.success_paths import (
    MUST_SUCCEED,
    UnreachedSuccessPaths,
    judge_reach,
)
from offcloud_contract.support.schemathesis_runs.workflow_machine import workflow_machine_for
from offcloud_contract.support.targets.server_targets import DEMO, Target, inprocess_era_target

# One scenario, one generated step: whatever the walk does, it does almost nothing.
ONE_STEP = settings(
    max_examples=1,
    stateful_step_count=1,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)
_SCRATCH = Reach()  # these runs must not count as coverage


def _unreached(recorder: object, operations: tuple[str, ...]) -> list[str]:
    return [op for op in operations if recorder.succeeded(op) == 0]  # type: ignore[attr-defined]


@pytest.mark.parametrize("era", ERAS)
def test_one_step_of_the_workflow_machine_reaches_every_success_path(era: str) -> None:
    target = inprocess_era_target(era)
    recorder = _SCRATCH.recorder("stateful", f"one-step:{era}")
    run_state_machine_as_test(workflow_machine_for(target, recorder), settings=ONE_STEP)
    assert _unreached(recorder, MUST_SUCCEED[era]) == []


@pytest.mark.parametrize("era", ERAS)
def test_one_step_of_the_client_machine_reaches_every_success_path(era: str) -> None:
    target = inprocess_era_target(era)
    recorder = _SCRATCH.recorder("client", f"one-step:{era}")
    run_state_machine_as_test(client_machine_for(target, recorder), settings=ONE_STEP)
    assert _unreached(recorder, CLIENT_MUST_SUCCEED[era]) == []


@pytest.mark.parametrize(("link", "status"), [(FOLDER_LINK, "downloaded"), (FAILING_LINK, "error")])
def test_the_steering_content_gets_where_the_model_says_when_it_says(link: str, status: str) -> None:
    """A cloud download of the content is not yet in `status` a second before `seconds_until`, and is at it."""
    target = inprocess_era_target("2026")
    controls = target.require_controls()
    controls.freeze()
    controls.reset()
    model = OffcloudModel(demo(), [AccountModel("demo", DEMO.api_key, frozenset(), None, frozenset())])
    http = target.http()
    added = http.post("/api/cloud", params={"key": DEMO.api_key}, data={"url": link}).json()
    model.record_new("demo", "cloud", link, added["requestId"])
    download = live_download(model, "demo", "cloud", link)
    assert download is not None
    seconds = seconds_until(model, download, status)
    assert seconds > 1

    def status_after(elapsed: Fraction) -> str:
        controls.advance(float(elapsed))
        model.advance(elapsed)
        answer = http.post(
            "/api/cloud/status", params={"key": DEMO.api_key}, data={"requestId": added["requestId"]}
        )
        return str(answer.json()["status"]["status"])

    assert status_after(seconds - 1) != status
    assert status_after(Fraction(1)) == status
    assert seconds_until(model, download, status) == 0


def _unsteerable() -> Target:
    return Target("external", "https://api.example.test", DEMO, controls=None)


def test_a_mock_that_never_reached_a_success_path_fails() -> None:
    mock = inprocess_era_target("2026")
    with pytest.raises(AssertionError, match=r"never answered 2xx.*exploreCloudDownload"):
        judge_reach(mock, {"addCloudDownload": 3, "exploreCloudDownload": 0})


def test_a_server_that_cannot_be_steered_reports_the_paths_it_did_not_reach() -> None:
    with pytest.warns(UnreachedSuccessPaths, match=r"not a mock.*\['exploreCloudDownload'\]"):
        judge_reach(_unsteerable(), {"addCloudDownload": 3, "exploreCloudDownload": 0})


def test_every_path_reached_is_silent() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        judge_reach(_unsteerable(), {"addCloudDownload": 3, "exploreCloudDownload": 1})
        judge_reach(inprocess_era_target("legacy"), {"login": 1})
