"""A schemathesis schema of openapi.yaml bound to a target, with the suite's auth, checks and recorders."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from offcloud_contract.support.schemathesis_runs.auth import SESSION_COOKIE, install_auth
from offcloud_contract.support.schemathesis_runs.checks import CUSTOM_CHECKS
from offcloud_contract.support.schemathesis_runs.config import ALL_CHECKS, config_dict
from offcloud_contract.support.spec.openapi_document import SPEC_PATH, era_document
from offcloud_contract.support.targets.server_targets import Credentials, Target

__all__ = ["build_schema", "login_session"]

OnAnswer = Callable[[str, int], None]  # (operationId, HTTP status)


def login_session(target: Target, account: Credentials) -> str | None:
    """Log in as `account` on `target`; the session id, or None without e-mail and password."""
    if account.email is None or account.password is None:
        return None
    response = target.http().post(
        "/api/login", data={"username": account.email, "password": account.password}
    )
    if response.status_code != 200:
        raise RuntimeError(
            f"login as {account.email} failed: HTTP {response.status_code} {response.text[:200]}"
        )
    return response.cookies.get(SESSION_COOKIE)


def build_schema(
    target: Target,
    *,
    account: Credentials | None = None,
    spec_path: Path = SPEC_PATH,
    on_answer: OnAnswer | None = None,
    checks: tuple[str, ...] = ALL_CHECKS + CUSTOM_CHECKS,
    bias: float = 0.5,
    raw_schema: dict[str, Any] | None = None,
    restrict_positive: bool = True,
    max_examples: int | None = None,
) -> Any:
    """The schema of `spec_path` (or `raw_schema`; by default the spec as the target's era has it, see
    `era_document`) aimed at `target`, acting as `account`; the checks fit the target's era."""
    import schemathesis
    from schemathesis.config import SchemathesisConfig

    account = account or target.account
    data = config_dict(
        bias=bias,
        checks=checks,
        restrict_positive=restrict_positive,
        max_examples=max_examples,
        era=target.era,
    )
    if raw_schema is None and spec_path == SPEC_PATH:
        raw_schema = era_document(target.era)  # the target's server: its era's operations alone
    data["base-url"] = target.base_url
    config = SchemathesisConfig.from_dict(data)
    if raw_schema is not None:
        schema = schemathesis.openapi.from_dict(raw_schema, config=config)
    else:
        schema = schemathesis.openapi.from_path(spec_path, config=config)
    if target.app is not None:
        schema.app = target.app
    install_auth(schema, account.api_key, lambda: login_session(target, account))
    if on_answer is not None:
        _record_answers(schema, on_answer)
    return schema


def _record_answers(schema: Any, on_answer: OnAnswer) -> None:
    def after_call(context: Any, case: Any, response: Any) -> None:
        operation_id = case.operation.definition.raw.get("operationId")
        if isinstance(operation_id, str):
            on_answer(operation_id, int(response.status_code))

    schema.hooks.register_hook_with_name(after_call, "after_call")
