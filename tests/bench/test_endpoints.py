"""The endpoints section: every operation of openapi.yaml is timed in each era that answers it."""

from collections import Counter
from pathlib import Path

import yaml

from bench.endpoints import ERAS, run_endpoints
from bench.goals import judge
from bench.report import render

ROOT = Path(__file__).resolve().parents[2]
_METHODS = {"get", "post", "put", "patch", "delete"}


def _operations_per_era() -> dict[str, set[str]]:
    """Read from openapi.yaml itself, not through the mock's spec loader the section uses."""
    document = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {era: set() for era in ERAS}
    for item in document["paths"].values():
        for method, operation in item.items():
            if method in _METHODS:
                for era in operation.get("x-offcloud-eras", ERAS):
                    found[era].add(operation["operationId"])
    return found


def test_every_operation_of_each_era_is_timed_and_none_fails_on_the_server() -> None:
    found = run_endpoints(runs=1, calls=2)
    expected = _operations_per_era()
    for era in ERAS:
        items = found["eras"][era]  # type: ignore[index]
        assert {item["operation"] for item in items} == expected[era]
        assert all(not item["status"].startswith("5") for item in items), items
        assert all(item["us_per_call"]["median"] > 0 for item in items)
    legacy = Counter(item["status"][0] for item in found["eras"]["legacy"])  # type: ignore[index]
    assert legacy == {"2": len(expected["legacy"])}  # the requests are built to reach the working answers
    current = Counter(item["status"][0] for item in found["eras"]["2026"])  # type: ignore[index]
    assert current["2"] > len(expected["2026"]) // 2


def test_the_report_lists_each_operation_and_states_the_slowest() -> None:
    found = run_endpoints(runs=1, calls=1)
    text = render({"meta": {}, "endpoints": found})
    assert "getAccountInfo" in text
    assert "uploadTorrent" in text
    lines = [v for v in judge({"endpoints": found}) if v.goal.startswith("every ")]
    assert [v.verdict for v in lines] == ["INFO", "INFO"]
    assert all("operations;" in v.measured for v in lines)
