"""InProcessControls and HttpControls: the same calls give the same answers and the same errors."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from offcloud_mock.controls import ControlError
from offcloud_mock.http.app import create_app
from offcloud_mock.settings import MockConfig
from tests.mock_http.targets import Target, reach
from tests.mock_http.values import DEMO_KEY, FLAKY_URL, UNKNOWN_ID


def _script(target: Target, tmp_path: Path) -> dict[str, Any]:
    """Every control, in an order a test might use them; what each answered."""
    controls, http = target.controls, target.http
    seen: dict[str, Any] = {}
    seen["health"] = controls.health()
    seen["clock"] = controls.clock_state()
    seen["speed"] = controls.set_speed(3)
    seen["unfreeze"] = controls.unfreeze()["frozen"]
    seen["freeze"] = controls.freeze()["frozen"]
    controls.reset(seed=5)
    added = http.post(f"/api/cloud?key={DEMO_KEY}", data={"url": FLAKY_URL}).json()
    seen["added"] = added
    seen["advance"] = controls.advance(10)["now"]
    seen["download"] = controls.download(added["requestId"])
    seen["forced"] = controls.force_status(added["requestId"], "canceled")
    seen["fault"] = controls.add_fault("listProxies", status=503, retry_after=1, count=2)
    seen["faults"] = controls.faults()
    controls.clear_faults()
    seen["no_faults"] = controls.faults()
    seen["journal"] = controls.journal()
    seen["journal_1"] = controls.journal(limit=1)
    controls.clear_journal()
    seen["journal_empty"] = controls.journal()
    seen["legacy"] = controls.set_era("legacy")
    seen["no_request_validation"] = controls.set_validate_requests(False)
    seen["no_validation"] = controls.set_validate_responses(False)
    seen["settings"] = controls.settings()
    seen["accounts"] = controls.accounts()
    scenario = tmp_path / "s.yaml"
    scenario.write_text("accounts: [{email: a@offcloud.test, password: p, api_key: k-1234}]\n")
    controls.load_scenario(scenario)
    seen["after_file"] = controls.accounts()
    controls.load_scenario({"accounts": [{"email": "b@offcloud.test", "password": "p", "api_key": "k-5678"}]})
    seen["after_mapping"] = controls.accounts()
    errors: dict[str, tuple[int, str]] = {}
    calls: dict[str, Callable[[], object]] = {
        "unknown_download": lambda: controls.download(UNKNOWN_ID),
        "bad_status": lambda: controls.force_status(UNKNOWN_ID, "error"),
        "bad_fault": lambda: controls.add_fault("nope", status=503),
        "fault_without_effect": lambda: controls.add_fault("*"),
        "bad_mode": lambda: controls.set_era("ancient"),
        "bad_advance": lambda: controls.advance(-5),
        "bad_speed": lambda: controls.set_speed(0),
        "bad_scenario": lambda: controls.load_scenario({"accounts": "none"}),
        "bad_limit": lambda: controls.journal(limit=-1),
    }
    for name, call in calls.items():
        with pytest.raises(ControlError) as caught:
            call()
        errors[name] = (caught.value.status, caught.value.message)
    seen["errors"] = errors
    return seen


@pytest.mark.live
def test_in_process_and_http_controls_behave_the_same(tmp_path: Path) -> None:
    answers = []
    for live in (False, True):
        app = create_app(MockConfig(validate_responses=True, frozen_clock=True))
        with reach(app, live=live) as reached:
            answers.append(_script(reached, tmp_path))
    in_process, over_http = answers
    assert in_process == over_http
    assert in_process["errors"]["unknown_download"] == (404, "Request not found")
    assert in_process["errors"]["bad_advance"][0] == 400
    assert in_process["forced"]["status"] == "canceled"
    assert in_process["journal"][0]["operation"] == "addCloudDownload"
    assert [a["email"] for a in in_process["after_mapping"]] == ["b@offcloud.test"]
