"""Where the mock disagrees with openapi.yaml today, each as a strict xfail beside the check it escapes
(`schemathesis_runs/config.py` `MOCK_DISAGREEMENTS`, off for that operation alone). When the mock is
mended the test passes, fails the run as XPASS, and the entry and the xfail go; what the mended mock now
does is then held here as a plain test, so that the disagreement cannot come back unseen."""

import pytest

from offcloud_contract.support.model.steering import FOLDER_LINK
from offcloud_contract.support.schemathesis_runs.config import MOCK_DISAGREEMENTS
from offcloud_contract.support.spec.openapi_document import operation_by_id
from offcloud_contract.support.targets.server_targets import DEMO, inprocess_era_target


@pytest.mark.parametrize("operation_id", sorted(MOCK_DISAGREEMENTS))
def test_each_disagreement_names_an_operation_of_the_spec(operation_id: str) -> None:
    assert operation_by_id(operation_id).operation_id == operation_id


@pytest.mark.parametrize("era", ["2026", "legacy"])
def test_explore_refuses_a_format_the_spec_does_not_list(era: str) -> None:
    """Was a disagreement: the mock validated no query parameter, and answered this 200."""
    assert operation_by_id("exploreCloudDownload").raw["parameters"][1]["schema"]["enum"] == ["detailed"]
    target = inprocess_era_target(era)
    controls = target.require_controls()
    controls.freeze()
    controls.reset()
    http, key = target.http(), {"key": DEMO.api_key}
    request_id = http.post("/api/cloud", params=key, data={"url": FOLDER_LINK}).json()["requestId"]
    controls.advance(3600)
    assert http.get(f"/api/cloud/explore/{request_id}", params=key).status_code == 200  # a finished folder
    answer = http.get(f"/api/cloud/explore/{request_id}", params={**key, "format": "sideways"})
    assert answer.status_code == (400 if era == "2026" else 200), (answer.status_code, answer.text[:200])
    assert answer.json() == {"error": 'Invalid parameter \'format\': "sideways" is not one of "detailed"'}
