"""The suite authenticates every case it sends, and a wrong API key fails the run.

schemathesis accepts 401 as an answer to valid data by default, so a run with a wrong key would pass;
these tests show that the suite's configuration (st_config) turns a wrong key into failures, and that
the default would not.
"""

from typing import Any

import pytest

from offcloud_contract.support.mock_handles import DEFAULT_ERA, ERAS, MockConfig
from offcloud_contract.support.schemathesis_runs.auth import SESSION_COOKIE, scheme_for
from offcloud_contract.support.schemathesis_runs.checks import CUSTOM_CHECKS
from offcloud_contract.support.schemathesis_runs.config import ALL_CHECKS
from offcloud_contract.support.schemathesis_runs.schema import build_schema
from offcloud_contract.support.schemathesis_runs.stateless_run import run_operation
from offcloud_contract.support.spec.openapi_document import SpecOperation, era_document, operations
from offcloud_contract.support.targets.server_targets import Target, inprocess_era_target, inprocess_target

WRONG_KEY = "wrong-key-0000000000000000"


def _home_era(operation: SpecOperation) -> str:
    """The era an operation is tried in: today's server if it answers it, else the legacy one."""
    return next(era for era in ERAS if era in operation.eras)


# Each operation that takes a key, against a mock of its era (today's when both serve it).
KEY_OPERATIONS = [
    pytest.param(_home_era(op), op.operation_id, id=f"{_home_era(op)}-{op.operation_id}")
    for op in operations()
    if scheme_for(op) == "apiKey"
]
# One operation of each shape: no body, a form/JSON body, a path parameter.
SAMPLE = ["listProxies", "checkCache", "exploreCloudDownload"]


@pytest.fixture
def era() -> str:
    return DEFAULT_ERA


@pytest.fixture
def mock(era: str) -> Target:
    return inprocess_era_target(era)


def _sent(schema: Any) -> list[tuple[Any, Any]]:
    sent: list[tuple[Any, Any]] = []
    schema.hooks.register_hook_with_name(
        lambda context, case, response: sent.append((case, response)), "after_call"
    )
    return sent


@pytest.mark.parametrize(
    ("era", "operation_id"),
    [
        ("2026", "listProxies"),
        ("2026", "checkCache"),
        ("2026", "getCloudStatus"),
        ("legacy", "getCloudStatus"),
        ("legacy", "getApiKey"),  # the session's operations: the 2026 server has no login
        ("legacy", "checkLogin"),
    ],
)
def test_every_case_carries_credentials(mock: Target, operation_id: str) -> None:
    operation = next(op for op in operations() if op.operation_id == operation_id)
    schema = build_schema(mock, raw_schema=era_document(mock.era))
    sent = _sent(schema)
    assert run_operation(schema, operation_id).ok
    phases = set()
    for case, response in sent:
        if case.operation.schema.is_security_param_negated(case):
            continue  # schemathesis removed or broke the credentials on purpose (ignored_auth, negative data)
        phases.add(case.meta.phase.name.value)
        if scheme_for(operation) == "apiKey":
            assert (case.query or {}).get("key") == mock.account.api_key, (
                case.meta.phase,
                response.status_code,
            )
        else:
            assert (case.cookies or {}).get(SESSION_COOKIE), (case.meta.phase, response.status_code)
        assert response.status_code != 401, f"{case.meta.phase.name.value}: 401 for an authenticated case"
    assert {"coverage", "fuzzing"} <= phases, phases


def test_coverage_content_type_probes_are_authenticated(mock: Target) -> None:
    schema = build_schema(mock)
    sent = _sent(schema)
    run_operation(schema, "checkCache")
    probes = [
        case for case, _ in sent if "Content-Type" in str(getattr(case.meta.phase.data, "description", ""))
    ]
    assert probes, "the coverage phase sent no Content-Type probe"
    assert all((case.query or {}).get("key") == mock.account.api_key for case in probes)


@pytest.mark.parametrize(("era", "operation_id"), KEY_OPERATIONS)
def test_wrong_key_fails_the_run(mock: Target, operation_id: str) -> None:
    schema = build_schema(mock, account=mock.account.with_key(WRONG_KEY), raw_schema=era_document(mock.era))
    run = run_operation(schema, operation_id)
    assert not run.ok
    assert run.checks_failed() & {"positive_data_acceptance", "credentials_accepted"}, run.describe()


@pytest.mark.parametrize("operation_id", SAMPLE)
def test_restricted_statuses_alone_catch_a_wrong_key(mock: Target, operation_id: str) -> None:
    schema = build_schema(mock, account=mock.account.with_key(WRONG_KEY), checks=ALL_CHECKS)
    run = run_operation(schema, operation_id)
    assert "positive_data_acceptance" in run.checks_failed(), run.describe()
    assert {f.status for f in run.failures if f.check == "positive_data_acceptance"} == {401}


@pytest.mark.parametrize("operation_id", SAMPLE)
def test_default_statuses_would_let_a_wrong_key_pass(mock: Target, operation_id: str) -> None:
    """Why the suite restricts them: with schemathesis' defaults a wrong key passes every check."""
    schema = build_schema(
        mock, account=mock.account.with_key(WRONG_KEY), checks=ALL_CHECKS, restrict_positive=False
    )
    run = run_operation(schema, operation_id)
    assert run.ok, run.describe()


def test_legacy_wrong_key_is_caught_by_credentials_accepted() -> None:
    """The legacy server answers a wrong key with HTTP 200 {"error": "NOAUTH"}: no status check sees it."""
    legacy = inprocess_target(MockConfig(era="legacy"))
    checks = ("positive_data_acceptance", "status_code_conformance", *CUSTOM_CHECKS)
    schema = build_schema(legacy, account=legacy.account.with_key(WRONG_KEY), checks=checks)
    run = run_operation(schema, "listProxies")
    assert run.checks_failed() == {"credentials_accepted"}, run.describe()


@pytest.mark.live
def test_wrong_key_fails_against_the_live_server(target: Target) -> None:
    if target.kind == "inprocess":
        pytest.skip("covered above")
    schema = build_schema(target, account=target.account.with_key(WRONG_KEY))
    run = run_operation(schema, "listProxies")
    assert run.checks_failed() & {"positive_data_acceptance", "credentials_accepted"}, run.describe()
