"""Stateful schemathesis against a server of each era, over that era's operations: downloads are created,
then their status, explore, list and retry are reached through the spec's links, and add -> history ->
remove -> status (not found any more); in the legacy era login then getApiKey; checkCache.

The test fails on any check failure, and also when a success path was never reached: the operations of
`success_paths.MUST_SUCCEED` must have answered 2xx at least once, as the suite saw it and, on a mock, as
the mock's journal saw it. On a mock every scenario ends by reaching them (success_paths); a server that
is not a mock cannot be steered there, and the paths its walk did not meet are reported, not failed.
"""

from collections import Counter

import pytest

from offcloud_contract.support.coverage.reach import REACH
from offcloud_contract.support.hypothesis_profiles import run_machine
from offcloud_contract.support.mock_handles import ERAS
from offcloud_contract.support.schemathesis_runs.schema import build_schema
from offcloud_contract.support.schemathesis_runs.success_paths import MUST_SUCCEED, judge_reach
from offcloud_contract.support.schemathesis_runs.workflow_machine import workflow_machine_for
from offcloud_contract.support.targets.server_targets import Target, inprocess_era_target, inprocess_target

# The legacy era's run is shorter (its documented operations are today's under older shapes).
BUDGET = {"2026": {}, "legacy": {"min_scenarios": 12}}


@pytest.mark.suite("stateful")
@pytest.mark.parametrize("era", ERAS)
def test_workflows(target: Target, era: str) -> None:
    if not target.allow_writes:
        pytest.skip("creates downloads; set OFFCLOUD_ALLOW_WRITES=1 to run it against this server")
    recorder = REACH.recorder("stateful", target.label)
    journal: Counter[str] = Counter()
    machine = workflow_machine_for(target, recorder, journal_successes=journal)
    run_machine(machine, **BUDGET[era])
    reached = {op: recorder.succeeded(op) for op in MUST_SUCCEED[era]}
    print("stateful 2xx answers per operation:", reached)
    judge_reach(target, reached)
    if target.is_mock:
        unseen = [op for op in MUST_SUCCEED[era] if op != "login" and journal[op] == 0]
        assert not unseen, f"the mock's journal shows no 2xx for {unseen} (journal: {dict(journal)})"


def test_the_links_that_feed_adding_downloads_are_followed() -> None:
    # Without these links schemathesis never starts a scenario with addRemoteDownload (its
    # remoteOptionId has no other producer), so remote status and retry would never succeed.
    schema = build_schema(inprocess_target())
    rules = [name for name in vars(schema.as_state_machine()) if "__" in name]
    for name in ("AddRemoteDownload", "AddInstantDownload", "AddCachedCloudDownload", "GetCloudStatus"):
        assert any(name in rule for rule in rules), (name, rules)


# The rules schemathesis names after each link: <source>___<status>_<link>__<target>.
REMOVAL_RULES = {
    "2026": (
        "POST_api_cloud___200_GetCloudHistory__GET_api_cloud_history",
        "GET_api_cloud_history___200_RemoveCloudDownload__GET_api_cloud_remove_requestId_",
        "GET_api_cloud_remove_requestId___200_GetCloudStatus__POST_api_cloud_status",
    ),
    "legacy": (
        "POST_api_cloud___200_GetCloudHistory__GET_api_cloud_history",
        "GET_api_cloud_history___200_RemoveCloudDownloadSiteRoot__GET_cloud_remove_requestId_",
        "GET_cloud_remove_requestId___200_GetCloudStatus__POST_api_cloud_status",
    ),
}


@pytest.mark.parametrize("era", ERAS)
def test_the_removal_links_are_followed(era: str) -> None:
    """add -> history -> remove -> status: the machine of each era has the rules of that chain, and no
    rule leads to an operation outside its era."""
    schema = build_schema(inprocess_era_target(era))
    rules = [name for name in vars(schema.as_state_machine()) if "___" in name]
    assert set(REMOVAL_RULES[era]) <= set(rules), rules
    if era == "legacy":
        assert not any(rule.endswith("GET_api_cloud_remove_requestId_") for rule in rules), rules
