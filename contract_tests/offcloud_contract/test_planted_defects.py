"""Each check the suite relies on fails on a mock with a planted defect, and says where.

A defect is planted in a fresh in-process mock (defects.planted), the suite's own runner for the part
that should catch it runs against that mock, and the test asserts that it failed, with a report naming
the operation and the field or rule. A deliberately broken copy of the spec (a renamed field) must be
reported the same way against a correct mock.
"""

from pathlib import Path

import pytest
from hypothesis import Phase, settings
from hypothesis.stateful import run_state_machine_as_test

from offcloud_contract.support.client_machine.machine import CLIENT_BUDGET, client_machine_for
from offcloud_contract.support.coverage.matrix import route_problems
from offcloud_contract.support.coverage.reach import Reach
from offcloud_contract.support.defects.failures import failure_text
from offcloud_contract.support.defects.planted import BY_NAME, Defect, broken_spec_copy
from offcloud_contract.support.defects.planted_eras import ERA_DEFECTS_BY_NAME
from offcloud_contract.support.defects.planted_values import VALUE_DEFECTS
from offcloud_contract.support.hypothesis_profiles import machine_settings
from offcloud_contract.support.schemathesis_runs.schema import build_schema
from offcloud_contract.support.schemathesis_runs.stateless_run import run_operation
from offcloud_contract.support.schemathesis_runs.workflow_machine import workflow_machine_for
from offcloud_contract.support.targets.server_targets import inprocess_era_target, inprocess_target

# defect -> (check that must fail, in the stateless run of the defect's operation)
STATELESS = {
    "wrong-field-type": "response_schema_conformance",
    "wrong-content-type": "content_type_conformance",
    "server-error": "not_a_server_error",
}
# defect -> the era whose run of the schemathesis machine must catch it. The 2026 cloud status object
# has no isDirectory; only the remote one does, and the machine polls a finished multi-file remote
# download in some runs only (seen: a run with 7 remote polls, none finished). The suite's legacy run
# sees isDirectory on every finished cloud poll.
STATEFUL = {
    "missing-wrapper": "2026",
    "cross-account": "2026",
    "skipped-step": "2026",
    "inverted-is-directory": "legacy",
    "links-on-wrong-host": "2026",
    "folder-refused": "2026",
}
# The client machine also has the free account (its link limit) and lands in every phase of the table.
CLIENT = (*STATEFUL, "link-limit-off-by-one", "skipped-processing")
# The eras' defects (defects.planted_eras), with the era whose mock shows them, per part of the suite that must catch them.
# (A progress going back is caught by the client machine, which lands in every phase; the schemathesis
# machine holds progress too, but meets two reads of one working attempt only in longer runs.)
STATEFUL_ERAS = (("removed-in-history", "2026"), ("removed-in-history", "legacy"))
CLIENT_ERAS = (("removed-in-history", "2026"), ("progress-backwards", "2026"), ("no-slow-down", "2026"))
# The value defects (defects.planted_values), each with the era whose mock shows it: the client machine
# holds every value of the 2026 surface (and the legacy account stats) to the model. Each went through the
# whole suite before the model predicted these values (schemas, examples and both machines).
CLIENT_VALUES = [
    (defect, "legacy" if defect.operation == "getAccountStats" else "2026") for defect in VALUE_DEFECTS
]
_SCRATCH = Reach()  # defect runs must not count as coverage


def _fast(**budget: int) -> settings:
    # The budget of the suite's own run; no shrinking (the message names the defect already).
    return settings(machine_settings(**budget), phases=[Phase.explicit, Phase.generate])


@pytest.mark.parametrize("name", sorted(STATELESS))
def test_stateless_catches(name: str) -> None:
    defect = BY_NAME[name]
    target = inprocess_target()
    assert target.app is not None
    with defect.plant(target.app):
        run = run_operation(build_schema(target), defect.operation)
    failed = {failure.check for failure in run.failures}
    assert STATELESS[name] in failed, f"{defect.description}: not caught; the run: {run.describe()}"
    reports = [str(f) for f in run.failures if f.check == STATELESS[name]]
    assert any(defect.reported_in(report) for report in reports), reports


def _expect_failure(defect: Defect, run: object) -> str:
    assert callable(run)
    with pytest.raises(BaseException) as raised:  # noqa: PT011 - any failure; its text is checked below
        run()
    text = failure_text(raised.value)
    assert defect.reported_in(text), f"{defect.description}: reported as:\n{text}"
    return text


@pytest.mark.parametrize(("name", "era"), STATEFUL.items())
def test_stateful_catches(name: str, era: str) -> None:
    defect = BY_NAME[name]
    target = inprocess_era_target(era)
    assert target.app is not None
    machine = workflow_machine_for(target, _SCRATCH.recorder("stateful", "defect"))
    with defect.plant(target.app):
        _expect_failure(defect, lambda: run_state_machine_as_test(machine, settings=_fast()))


@pytest.mark.parametrize("name", CLIENT)
def test_client_against_mock_catches(name: str) -> None:
    defect = BY_NAME[name]
    target = inprocess_target()
    assert target.app is not None
    machine = client_machine_for(target, _SCRATCH.recorder("client", "defect"))
    with defect.plant(target.app):
        _expect_failure(defect, lambda: run_state_machine_as_test(machine, settings=_fast(**CLIENT_BUDGET)))


def test_renamed_field_in_the_spec_is_reported(tmp_path: Path) -> None:
    """A field renamed in (a copy of) the spec: the correct mock now breaks it, on that field."""
    broken = broken_spec_copy(tmp_path, schema="Proxy", field="region", renamed="zone")
    run = run_operation(build_schema(inprocess_target(), spec_path=broken), "listProxies")
    reports = [str(f) for f in run.failures if f.check == "response_schema_conformance"]
    assert any("listProxies" in r and "zone" in r for r in reports), run.describe()


@pytest.mark.parametrize(("name", "era"), STATEFUL_ERAS)
def test_stateful_catches_in_its_era(name: str, era: str) -> None:
    defect = ERA_DEFECTS_BY_NAME[name]
    target = inprocess_era_target(era)
    assert target.app is not None
    machine = workflow_machine_for(target, _SCRATCH.recorder("stateful", "defect"))
    with defect.plant(target.app):
        _expect_failure(defect, lambda: run_state_machine_as_test(machine, settings=_fast()))


@pytest.mark.parametrize(("name", "era"), CLIENT_ERAS)
def test_client_against_mock_catches_in_its_era(name: str, era: str) -> None:
    defect = ERA_DEFECTS_BY_NAME[name]
    target = inprocess_era_target(era)
    assert target.app is not None
    machine = client_machine_for(target, _SCRATCH.recorder("client", "defect"))
    with defect.plant(target.app):
        _expect_failure(defect, lambda: run_state_machine_as_test(machine, settings=_fast(**CLIENT_BUDGET)))


def test_coverage_matrix_catches_a_2026_route_in_the_legacy_era() -> None:
    defect = ERA_DEFECTS_BY_NAME["2026-route-in-legacy"]
    target = inprocess_era_target("legacy")
    assert target.app is not None
    assert route_problems(target) == []  # the correct legacy mock agrees with the spec
    with defect.plant(target.app):
        problems = route_problems(target)
    assert problems, f"{defect.description}: not caught"
    assert all(defect.reported_in(problem) for problem in problems), problems


@pytest.mark.parametrize(("defect", "era"), CLIENT_VALUES, ids=[defect.name for defect, _ in CLIENT_VALUES])
def test_client_against_mock_catches_a_wrong_value(defect: Defect, era: str) -> None:
    target = inprocess_era_target(era)
    assert target.app is not None
    machine = client_machine_for(target, _SCRATCH.recorder("client", "defect"))
    with defect.plant(target.app):
        _expect_failure(defect, lambda: run_state_machine_as_test(machine, settings=_fast(**CLIENT_BUDGET)))
