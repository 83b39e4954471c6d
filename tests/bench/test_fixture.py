"""The fixture section: the cost per test of offcloud_mock (and pytest-httpx's httpx_mock, when installed)."""

import ast

import pytest

from bench import fixture, tools
from bench.goals import judge
from bench.report import render


def test_the_generated_module_holds_each_kind_once_per_round() -> None:
    text = fixture.test_file("offcloud", 3)
    names = [node.name for node in ast.parse(text).body if isinstance(node, ast.FunctionDef)]
    assert len(names) == 3 * len(fixture.KINDS["offcloud"])
    kinds = [fixture._kind_of(name, "offcloud") for name in names]
    assert kinds == list(fixture.KINDS["offcloud"]) * 3  # interleaved: one of each kind, then the next


def test_a_cost_is_over_a_plain_test_and_the_first_test_is_apart() -> None:
    costs = fixture._costs(
        {"plain": [0.5, 0.001, 0.001, 0.001, 0.001], "offcloud_mock": [0.9, 0.0015, 0.0015, 0.0015, 0.0025]}
    )
    assert costs["offcloud_mock"]["cost_ms"] == pytest.approx(0.5)  # medians: 1.5 ms - 1 ms
    assert costs["offcloud_mock"]["mean_cost_ms"] == pytest.approx(0.75)  # the first test left out
    assert costs["offcloud_mock"]["first_ms"] == pytest.approx(900)


@pytest.mark.live
def test_the_section_measures_the_fixture_and_judges_the_goal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tools, "ensure_pytest_httpx", lambda: None)  # no install from a test
    found = fixture.run_fixture(runs=1, tests=3)
    assert found["pytest_httpx"] is None
    costs = found["cost_ms"]
    assert isinstance(costs, dict)
    assert set(costs) == {
        "offcloud offcloud_mock",
        "offcloud offcloud_mock live",
        "offcloud offcloud_mock + 1 request",
    }
    results = {"fixture": found}
    goal = next(v for v in judge(results) if "offcloud_mock fixture costs" in v.goal)
    assert goal.verdict in ("PASS", "MISS")
    assert "The pytest fixture's cost per test" in render(results)
