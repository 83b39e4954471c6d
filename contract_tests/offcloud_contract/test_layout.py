"""The support code's layers (docs/contract-tests.md, "The layout"): every import of a support module
points down, and only `mock_handles` imports the mock."""

import ast
from pathlib import Path

import pytest

SUPPORT = Path(__file__).resolve().parent / "support"
PREFIX = "offcloud_contract.support."
# Each group may import the groups of the layers below its own, never one of its own layer or above.
LAYERS = (
    ("mock_handles", "hypothesis_profiles"),
    ("targets", "spec", "model"),
    ("answers", "coverage", "defects", "examples"),
    ("schemathesis_runs", "client_machine"),
)
LAYER_OF = {group: level for level, groups in enumerate(LAYERS) for group in groups}


def _group(path: Path) -> str:
    relative = path.relative_to(SUPPORT)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


MODULES = sorted(path for path in SUPPORT.rglob("*.py") if path.name != "__init__.py")


def test_every_support_module_has_a_layer() -> None:
    assert {_group(path) for path in MODULES} == set(LAYER_OF)


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(SUPPORT)))
def test_imports_point_down(path: Path) -> None:
    group = _group(path)
    wrong = []
    for name in sorted(_imports(path)):
        if name.split(".")[0] == "offcloud_mock" and group != "mock_handles":
            wrong.append(f"{name}: only mock_handles imports the mock")
        if not name.startswith(PREFIX):
            continue
        target = name.removeprefix(PREFIX).split(".")[0]
        if target in LAYER_OF and target != group and LAYER_OF[target] >= LAYER_OF[group]:
            wrong.append(f"{name}: {target} is not in a layer below {group}")
    assert not wrong, wrong
