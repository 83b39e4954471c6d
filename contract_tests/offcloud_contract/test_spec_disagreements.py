"""Where the mock disagrees with openapi.yaml today, each as a strict xfail beside the check it escapes
(`schemathesis_runs/config.py` `MOCK_DISAGREEMENTS`, off for that operation alone). When the mock is
mended the test passes, fails the run as XPASS, and the entry and the xfail go."""

import pytest

from offcloud_contract.support.model.steering import FOLDER_LINK
from offcloud_contract.support.schemathesis_runs.config import MOCK_DISAGREEMENTS
from offcloud_contract.support.spec.openapi_document import operation_by_id
from offcloud_contract.support.targets.server_targets import DEMO, inprocess_era_target


def test_each_disagreement_names_an_operation_of_the_spec() -> None:
    for operation_id in MOCK_DISAGREEMENTS:
        assert operation_by_id(operation_id).operation_id == operation_id


@pytest.mark.xfail(
    strict=True, reason="the mock validates no query parameter (MOCK_DISAGREEMENTS: exploreCloudDownload)"
)
def test_explore_refuses_a_format_the_spec_does_not_list() -> None:
    assert operation_by_id("exploreCloudDownload").raw["parameters"][1]["schema"]["enum"] == ["detailed"]
    target = inprocess_era_target("2026")
    controls = target.require_controls()
    controls.freeze()
    controls.reset()
    http, key = target.http(), {"key": DEMO.api_key}
    request_id = http.post("/api/cloud", params=key, data={"url": FOLDER_LINK}).json()["requestId"]
    controls.advance(3600)
    assert http.get(f"/api/cloud/explore/{request_id}", params=key).status_code == 200  # a finished folder
    answer = http.get(f"/api/cloud/explore/{request_id}", params={**key, "format": "sideways"})
    assert answer.status_code == 400, (answer.status_code, answer.text[:200])
