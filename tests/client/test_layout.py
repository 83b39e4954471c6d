"""The kit's shape: operations grouped by the spec's resources, every error in the errors module, and no
import running in a circle between the kit's modules (at run time; annotations under TYPE_CHECKING do
not count, as in tests/test_architecture.py)."""

import importlib
import inspect
import pkgutil
from pathlib import Path

import yaml

import offcloud_kit
from offcloud_kit import _operations
from tests.test_architecture import ROOT, imported_modules, module_name

KIT = ROOT / "offcloud_kit"
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))


def _kit_modules() -> list[str]:
    return sorted(name for _, name, _ in pkgutil.walk_packages(offcloud_kit.__path__, prefix="offcloud_kit."))


def test_there_is_one_resource_module_per_tag_of_the_spec() -> None:
    tags = {tag["name"] for tag in SPEC["tags"]} - {"undocumented"}  # a mark, not a resource
    modules = {name for _, name, _ in pkgutil.iter_modules(_operations.__path__)}
    assert modules == tags


def test_each_resource_module_calls_only_its_own_endpoints() -> None:
    for path in sorted(Path(_operations.__path__[0]).glob("*.py")):
        if path.name == "__init__.py":
            continue
        endpoints = {
            name.split(".")[2]
            for name in imported_modules(path)
            if name.startswith("offcloud_client.api.") and name.count(".") >= 2
        }
        assert endpoints == {path.stem}, path.name


def test_every_error_is_defined_in_the_errors_module() -> None:
    strays = []
    for name in _kit_modules():
        module = importlib.import_module(name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            ours = value.__module__.startswith("offcloud_kit")
            if issubclass(value, BaseException) and ours and value.__module__ != "offcloud_kit.errors":
                strays.append(f"{value.__module__}.{value.__name__}")
    assert strays == []


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of `graph` (a path that returns to its start), or [] when there is none."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str]:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return []
        for target in sorted(graph[node]):
            found = visit(target, [*path, node])
            if found:
                return found
        done.add(node)
        return []

    for start in sorted(graph):
        found = visit(start, [])
        if found:
            return found
    return []


def test_no_import_of_the_kit_runs_in_a_circle() -> None:
    modules = {module_name(path): path for path in sorted(KIT.rglob("*.py"))}
    graph = {
        name: {target for target in imported_modules(path) if target in modules and target != name}
        for name, path in modules.items()
    }
    assert _cycle(graph) == []


def test_the_cycle_finder_finds_one() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []
