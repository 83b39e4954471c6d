"""The layering the README describes, checked on the import statements of every module."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The mock's backend: state and rules in plain Python, nothing of HTTP.
BACKEND_MODULES = (
    "account_backend",
    "backend",
    "clock",
    "downloads",
    "exceptions",
    "fake_internet",
    "faults",
    "journal",
    "rng",
    "scenario",
    "scenario_reader",
)
HTTP_PACKAGES = {"flask", "werkzeug", "waitress", "httpx", "flask_swagger_ui"}


def imported_packages(path: Path) -> set[str]:
    """The top-level packages a module imports (relative imports count as the module's own package)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def modules_of(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("name", BACKEND_MODULES)
def test_the_mock_backend_knows_nothing_of_http(name: str) -> None:
    assert not imported_packages(ROOT / "mock_server" / f"{name}.py") & HTTP_PACKAGES


def test_the_backend_list_is_complete() -> None:
    # A new backend module must be listed above (or, if it is an HTTP module, import Flask).
    # mock_server/drift/ (the drift tools) is a package of its own, outside the mock's two layers.
    mock_modules = [path for path in modules_of("mock_server") if "drift" not in path.parts]
    http_modules = {path.stem for path in mock_modules if imported_packages(path) & HTTP_PACKAGES}
    other = {path.stem for path in mock_modules} - http_modules
    assert other - {"__init__", "__main__", "config", "spec", "validation", "pytest_plugin"} == set(
        BACKEND_MODULES
    )


@pytest.mark.parametrize("path", modules_of("generated_client/offcloud_client"), ids=lambda p: p.name)
def test_the_generated_client_imports_nothing_of_ours(path: Path) -> None:
    assert not imported_packages(path) & {"offcloud_kit", "mock_server", "contract_tests", "bench"}


@pytest.mark.parametrize("path", modules_of("offcloud_kit"), ids=lambda p: p.name)
def test_the_client_layer_does_not_depend_on_the_mock(path: Path) -> None:
    assert not imported_packages(path) & {"mock_server", "contract_tests", "bench", "flask"}


@pytest.mark.parametrize("path", modules_of("mock_server"), ids=lambda p: p.name)
def test_the_mock_does_not_depend_on_the_client_layer(path: Path) -> None:
    # The pytest plugin builds a generated client for its users, lazily; nothing imports offcloud_kit.
    allowed = {"offcloud_client"} if path.name == "pytest_plugin.py" else set()
    assert not imported_packages(path) & (
        {"offcloud_kit", "offcloud_client", "contract_tests", "bench"} - allowed
    )
