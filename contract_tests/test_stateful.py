"""Stateful schemathesis: downloads are created, then their status, explore, list and retry are reached
through the spec's links; login then getApiKey, and checkCache.

The test fails on any check failure, and also when a success path was never reached: these operations
must have answered 2xx at least once, as the suite saw it and, on a mock, as the mock's journal saw it.
"""

from collections import Counter

import pytest
from hypothesis.stateful import run_state_machine_as_test

from contract_tests.support.openapi_document import load_raw
from contract_tests.support.reach import REACH
from contract_tests.support.schemathesis_schema import build_schema
from contract_tests.support.server_targets import Target, inprocess_target
from contract_tests.support.workflow_checks import machine_settings
from contract_tests.support.workflow_machine import workflow_machine_for

MUST_SUCCEED = (
    "addCloudDownload",
    "getCloudStatus",
    "exploreCloudDownload",
    "listCloudDownloadLinks",
    "retryCloudDownload",
    "addRemoteDownload",
    "getRemoteStatus",
    "retryRemoteDownload",
    "login",
    "getApiKey",
    "checkCache",
)


@pytest.mark.suite("stateful")
def test_workflows(target: Target) -> None:
    if not target.allow_writes:
        pytest.skip("creates downloads; set OFFCLOUD_ALLOW_WRITES=1 to run it against this server")
    recorder = REACH.recorder("stateful", target.kind)
    journal: Counter[str] = Counter()
    machine = workflow_machine_for(target, recorder, journal_successes=journal)
    run_state_machine_as_test(machine, settings=machine_settings())
    reached = {op: recorder.succeeded(op) for op in MUST_SUCCEED}
    print("stateful 2xx answers per operation:", reached)
    missing = [op for op, count in reached.items() if count == 0]
    assert not missing, f"never answered 2xx in the stateful run: {missing} (all: {reached})"
    if target.is_mock:
        unseen = [op for op in MUST_SUCCEED if op != "login" and journal[op] == 0]
        assert not unseen, f"the mock's journal shows no 2xx for {unseen} (journal: {dict(journal)})"


def test_the_links_that_feed_adding_downloads_are_followed() -> None:
    # Without these links schemathesis never starts a scenario with addRemoteDownload (its
    # remoteOptionId has no other producer), so remote status and retry would never succeed.
    schema = build_schema(inprocess_target(), raw_schema=load_raw())
    rules = [name for name in vars(schema.as_state_machine()) if "__" in name]
    for name in ("AddRemoteDownload", "AddInstantDownload", "AddCachedCloudDownload", "GetCloudStatus"):
        assert any(name in rule for rule in rules), (name, rules)
