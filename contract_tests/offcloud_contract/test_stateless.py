"""Stateless schemathesis over every operation of each era, against a server of that era: examples,
coverage (content-type probes included) and fuzzing phases, with every check that applies (see
st_config), authenticated by the suite's provider.

Today's server (2026) gets the profile's full budget; the legacy era, whose operations are mostly the
same documented ones under the older shapes, a smaller one (LEGACY_EXAMPLES), to keep `make test` short.
Against a server that is not a mock, only the read-only operations run unless OFFCLOUD_ALLOW_WRITES=1.
"""

import pytest
from hypothesis import settings

from offcloud_contract.support.coverage.reach import REACH
from offcloud_contract.support.mock_handles import DEFAULT_ERA, ERAS
from offcloud_contract.support.schemathesis_runs.schema import build_schema
from offcloud_contract.support.schemathesis_runs.stateless_run import run_operation
from offcloud_contract.support.spec.openapi_document import era_document, operations_of_era
from offcloud_contract.support.targets.server_targets import Target

# What a read-only run may call on a real server: nothing here creates, changes or retries anything.
READ_ONLY = frozenset(
    {
        "getCloudStatus",
        "getRemoteStatus",
        "checkLogin",
        "listProxies",
        "listRemoteAccounts",
        "checkCache",
        "getCloudHistory",
        "getAccountInfo",
        "getAccountStats",
        "listSites",
        "getCacheInfo",
    }
)
# The second era's share of the profile's examples per operation.
LEGACY_SHARE = 2
ERA_OPERATIONS = [
    pytest.param(era, operation.operation_id, id=f"{era}-{operation.operation_id}")
    for era in ERAS
    for operation in operations_of_era(era)
]


def _budget(era: str) -> int | None:
    return None if era == DEFAULT_ERA else max(2, settings().max_examples // LEGACY_SHARE)


@pytest.mark.suite("stateless")
@pytest.mark.parametrize(("era", "operation_id"), ERA_OPERATIONS)
def test_operation_conforms(target: Target, era: str, operation_id: str) -> None:
    if not target.allow_writes and operation_id not in READ_ONLY:
        pytest.skip(f"{operation_id} changes the server's state; set OFFCLOUD_ALLOW_WRITES=1 to run it")
    if (
        operation_id in ("getApiKey", "login", "loginClassic", "getApiKeyAlias")
        and target.account.password is None
    ):
        pytest.skip(f"{operation_id} needs OFFCLOUD_EMAIL and OFFCLOUD_PASSWORD")
    # A schema per test: the target was just reset, so the session its auth provider logs in is fresh.
    schema = build_schema(
        target,
        on_answer=REACH.recorder("stateless", target.label),
        max_examples=_budget(era),
        raw_schema=era_document(era),
    )
    run = run_operation(schema, operation_id)
    if not run.ok:
        pytest.fail(run.describe(), pytrace=False)
