"""The generated client against a mock of each era, held to the reference model (client_machine); every
operation it calls answers a success in every run (client_machine.success_paths)."""

import pytest

from offcloud_contract.support.client_machine.machine import CLIENT_BUDGET, client_machine_for
from offcloud_contract.support.client_machine.success_paths import MUST_SUCCEED
from offcloud_contract.support.coverage.reach import REACH
from offcloud_contract.support.hypothesis_profiles import run_machine
from offcloud_contract.support.mock_handles import ERAS
from offcloud_contract.support.targets.server_targets import Target


@pytest.mark.suite("client")
@pytest.mark.parametrize("era", ERAS)
def test_client_against_mock(target: Target, era: str) -> None:
    if not target.is_mock or not target.allow_writes or target.other_account is None:
        pytest.skip("needs a mock the run may steer (controls, clock, its two demo accounts)")
    recorder = REACH.recorder("client", target.label)
    machine = client_machine_for(target, recorder)
    run_machine(machine, **CLIENT_BUDGET)
    reached = {op: recorder.succeeded(op) for op in MUST_SUCCEED[era]}
    missing = [op for op, count in reached.items() if count == 0]
    assert not missing, f"never answered 2xx in the client-vs-mock run: {missing} (all: {reached})"
