"""Every response example of openapi.yaml is what the mock answers to its request, in every era it names.

Each example carries its request (`x-offcloud-request`, support/spec/examples.py); the run sets up its
preconditions on a fresh mock of the era, sends the request and compares the answer with the example
value for value, invented values (ids, dates, codes, servers) normalised by the rules of
support/examples/values.py. An example without a request fails here: nothing would show the mock gives it.
"""

import json

import pytest

from offcloud_contract.support.coverage.reach import REACH
from offcloud_contract.support.examples.runs import run_example
from offcloud_contract.support.spec.examples import SpecExample, spec_examples

CASES = [
    pytest.param(example, era, id=f"{example.label}:{era}")
    for example in spec_examples()
    for era in example.eras
]


@pytest.mark.suite("examples")
@pytest.mark.parametrize(("example", "era"), CASES)
def test_the_mock_answers_the_example(example: SpecExample, era: str) -> None:
    run = run_example(example, era)
    if example.operation is not None:  # the coverage matrix's `examples` column: given (200) or not (0)
        REACH.record(
            "examples", f"inprocess:{era}", example.operation.operation_id, 200 if run.reached else 0
        )
    answer = json.dumps(run.body, indent=1)[:3000] if run.body is not None else "(none)"
    assert run.reached, (
        f"{example.pointer} ({era}):\n  "
        + "\n  ".join(run.problems)
        + f"\nthe mock answered HTTP {run.status}:\n{answer}"
    )
