"""Stateless schemathesis runs: every phase (examples, coverage, fuzzing) of one operation, with the
suite's checks, outside pytest's collection so that tests can also run it against broken targets and
look at what it found.

It uses the very per-operation test that `@schema.parametrize()` builds
(`schemathesis.pytest.lazy.get_all_tests`), so a run here is a parametrized run.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from offcloud_contract.support.answers.diagnose import diagnose_body

__all__ = ["CheckFailure", "OperationRun", "only", "run_operation"]


@dataclass(frozen=True, slots=True)
class CheckFailure:
    operation_id: str
    check: str
    status: int  # the HTTP status of the answer that failed the check
    title: str
    message: str

    def __str__(self) -> str:
        message = " ".join(self.message.split())
        return f"{self.operation_id} -> HTTP {self.status}: {self.check}: {self.title}: {message}"


@dataclass(slots=True)
class OperationRun:
    operation_id: str
    failures: set[CheckFailure] = field(default_factory=set)  # every distinct failure seen, shrinking too
    report: str = ""  # schemathesis' report of the minimal failing example, with a curl to replay it
    error: BaseException | None = None  # anything else that went wrong (a crash, not a failed check)

    @property
    def ok(self) -> bool:
        return not self.failures and self.error is None

    def checks_failed(self) -> set[str]:
        return {failure.check for failure in self.failures}

    def describe(self) -> str:
        lines = [f"{self.operation_id}: {len(self.failures)} distinct check failure(s)"]
        lines += [f"  - {failure}" for failure in sorted(self.failures, key=str)]
        if self.report:
            lines.append(self.report)
        if self.error is not None:
            lines.append(f"error: {self.error!r}")
        return "\n".join(lines)


def only(schema: Any, *operation_ids: str) -> Any:
    """`schema` restricted to some operations. (`schema.include()` cannot do it for a schema whose config
    has `[[operations]]` sections: its includes are OR-ed with theirs.)"""
    from schemathesis.filters import FilterSet

    wanted = FilterSet().with_include(operation_id=list(operation_ids))
    return schema.clone(filter_set=schema.config.operations.filter_set_with(include=wanted))


def _test(case: Any) -> None:
    case.call_and_validate()


def _leaves(error: BaseException) -> Iterator[BaseException]:
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            yield from _leaves(inner)
    else:
        yield error


def run_operation(schema: Any, operation_id: str) -> OperationRun:
    """Run every stateless phase of one operation; failures are collected, not raised."""
    from schemathesis.checks import load_all_checks
    from schemathesis.core.failures import Failure
    from schemathesis.core.result import Ok
    from schemathesis.pytest.lazy import get_all_tests

    load_all_checks()
    run = OperationRun(operation_id)
    selected = only(schema, operation_id).clone(test_function=_test)
    raw_spec = schema.raw_schema

    def after_validate(context: Any, case: Any, response: Any, results: list[Any]) -> None:
        name = str(case.operation.definition.raw.get("operationId", case.operation.label))
        for result in results:
            if result.failure is not None:
                failure = result.failure
                message = getattr(failure, "message", str(failure))
                if result.name == "response_schema_conformance":
                    media_type = (response.headers.get("content-type") or [""])[0].split(";")[0].strip()
                    diagnosis = diagnose_body(
                        name, response.status_code, response.content, media_type, raw_spec
                    )
                    message = str(diagnosis)
                run.failures.add(
                    CheckFailure(name, result.name, response.status_code, failure.title, message.strip())
                )

    selected.hooks.register_hook_with_name(after_validate, "after_validate")
    try:
        tests = list(get_all_tests(schema=selected, test_func=_test, settings=None, given_kwargs={}))
        if not tests:
            raise LookupError(f"no operation {operation_id!r} in the schema")
        for result in tests:
            if not isinstance(result, Ok):
                raise result.err()
            _, test = result.ok()
            try:
                test()
            except BaseException as error:
                leaves = list(_leaves(error))
                if all(isinstance(leaf, Failure | AssertionError) for leaf in leaves):
                    run.report = str(error)
                else:
                    run.error = error
    finally:
        selected.hooks.unregister(after_validate)
    return run
