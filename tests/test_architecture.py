"""Every import points down: the layering docs/architecture.md describes, checked on the import statements
of every module, one rule per package.

The mock, from the bottom up: `backend` (plain-Python domain) < the shared modules (`CORE`: eras, settings,
spec, the control interface, the recording format and replay, the httpx transports) < `http` (Flask) <
`serving` (waitress, granian) < the entry points (`controls`, `cli`, `pytest_plugin`). A module imports
its own layer and the layers below, never one above. Beside the mock: `offcloud_drift` reaches it only
through `DRIFT_DOORS`; `offcloud_kit` and `offcloud_client` never import it; `offcloud_contract` sits on
top of everything and nothing imports it.

Imports under `if TYPE_CHECKING:` do not count: they are annotations, not dependencies at run time.
"""

import ast
import re
from collections.abc import Iterable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WEB_PACKAGES = {"flask", "werkzeug", "waitress", "flask_swagger_ui", "granian"}
OURS = {"offcloud_kit", "offcloud_client", "offcloud_mock", "offcloud_drift", "offcloud_contract", "bench"}
# The folders that hold a package of their own (folder/package/...): module names start at the package.
PACKAGE_FOLDERS = {"mock_server", "drift", "contract_tests", "generated_client"}

BACKEND = ("offcloud_mock.backend",)
# The mock's shared modules, below the HTTP layer and above the backend (they may use the backend).
CORE = (
    "offcloud_mock.eras",
    "offcloud_mock.settings",
    "offcloud_mock.spec",
    "offcloud_mock.control_interface",  # MockControls, ControlError: what both twins implement
    "offcloud_mock.recordings",  # the recorded-exchange file format (drift writes it, replay reads it)
    "offcloud_mock.replay",  # plain WSGI: the app factory puts it in front of the app
    "offcloud_mock.transports",  # httpx transports into a WSGI app, for the plugin and the contract suite
    "offcloud_mock.extra",  # which modules of the [mock] extra are missing (the standard library only)
)
HTTP = ("offcloud_mock.http",)
SERVING = ("offcloud_mock.serving",)
ENTRY_POINTS = (
    "offcloud_mock.controls",
    "offcloud_mock.cli",
    "offcloud_mock.pytest_plugin",
    "offcloud_mock.session_apps",  # the plugin's apps, built once per configuration
    "offcloud_mock.listening",  # the CLI's address, banner and control token
    "offcloud_mock.healthcheck",  # the container's health check
    "offcloud_mock.__main__",
)
# The mock's public entry points, the only modules of the mock the drift tools import.
DRIFT_DOORS = (
    "offcloud_mock.spec",  # openapi.yaml as written: the document, JSON pointers, the route table
    "offcloud_mock.eras",
    "offcloud_mock.recordings",
    "offcloud_mock.replay",
    "offcloud_mock.serving.waitress_server",  # serve_in_thread, serve_forever: any WSGI app
    "offcloud_mock.http.app",  # create_app, for `replay --mock`
    "offcloud_mock.settings",  # MockConfig
    "offcloud_mock.backend.scenario",  # parse_scenario, to check a scenario made from recordings
)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported_modules(path: Path) -> set[str]:
    """The dotted names a module imports at run time (relative imports resolved to absolute names)."""
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else module_name(path)
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for branch in node.orelse:
                visit(branch)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return found


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[0] in PACKAGE_FOLDERS:
        parts = parts[1:]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def top_packages(path: Path) -> set[str]:
    return {name.split(".")[0] for name in imported_modules(path)}


def modules_under(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _ids(path: Path) -> str:
    return module_name(path)


def _within(name: str, prefixes: Iterable[str]) -> bool:
    return any(name == prefix or name.startswith(f"{prefix}.") for prefix in prefixes)


def outside(path: Path, allowed: Iterable[str]) -> set[str]:
    """What `path` imports of our packages beyond `allowed` (module prefixes, its own package among them).

    A package on the way to an allowed module (`offcloud_mock` in `from offcloud_mock import spec`)
    is no dependency of its own.
    """
    allowed = tuple(allowed)
    return {
        name
        for name in imported_modules(path)
        if name.split(".")[0] in OURS
        and not _within(name, allowed)
        and not any(prefix.startswith(f"{name}.") for prefix in allowed)
    }


# --- The mock, layer by layer ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", modules_under("mock_server/offcloud_mock"), ids=_ids)
def test_every_module_of_the_mock_is_in_one_layer(path: Path) -> None:
    # A new module must be placed in a layer, or no rule below would look at it.
    name = module_name(path)
    if name == "offcloud_mock":
        return
    layers = [layer for layer in (BACKEND, CORE, HTTP, SERVING, ENTRY_POINTS) if _within(name, layer)]
    assert len(layers) == 1, f"{name} is in {len(layers)} layers"


@pytest.mark.parametrize("path", modules_under("mock_server/offcloud_mock/backend"), ids=_ids)
def test_the_backend_imports_only_itself(path: Path) -> None:
    assert not top_packages(path) & (WEB_PACKAGES | {"httpx"})
    assert outside(path, BACKEND) == set()


@pytest.mark.parametrize(
    "path", [p for p in modules_under("mock_server/offcloud_mock") if _within(module_name(p), CORE)], ids=_ids
)
def test_the_shared_modules_import_only_the_backend_and_each_other(path: Path) -> None:
    assert not top_packages(path) & WEB_PACKAGES
    assert outside(path, BACKEND + CORE) == set()


@pytest.mark.parametrize("path", modules_under("mock_server/offcloud_mock/http"), ids=_ids)
def test_the_http_layer_imports_nothing_above_it(path: Path) -> None:
    # Never the controls entry point, the CLI, the pytest plugin, the servers or the drift tools.
    assert outside(path, BACKEND + CORE + HTTP) == set()


@pytest.mark.parametrize("path", modules_under("mock_server/offcloud_mock/http/presenters"), ids=_ids)
def test_the_presenters_are_plain_python(path: Path) -> None:
    # They turn domain objects into bodies and statuses; Flask makes the Response around them.
    assert not top_packages(path) & WEB_PACKAGES
    assert outside(path, (*BACKEND, *CORE, "offcloud_mock.http.presenters")) == set()


@pytest.mark.parametrize("path", modules_under("mock_server/offcloud_mock/serving"), ids=_ids)
def test_the_servers_import_the_app_not_the_entry_points(path: Path) -> None:
    assert outside(path, BACKEND + CORE + HTTP + SERVING) == set()


@pytest.mark.parametrize(
    "path",
    [p for p in modules_under("mock_server/offcloud_mock") if _within(module_name(p), ENTRY_POINTS)],
    ids=_ids,
)
def test_the_entry_points_import_the_mock_and_only_what_they_serve(path: Path) -> None:
    extra = {
        # The pytest plugin builds the generated client and the kit's clients for its users, lazily.
        "offcloud_mock.pytest_plugin": ("offcloud_kit", "offcloud_client"),
        # The drift subcommands (`offcloud-mock proxy ...`) and their one-line help.
        "offcloud_mock.cli": ("offcloud_drift.cli", "offcloud_drift.commands"),
    }.get(module_name(path), ())
    assert outside(path, ("offcloud_mock", *extra)) == set()


@pytest.mark.parametrize("path", modules_under("mock_server"), ids=_ids)
def test_only_the_http_layer_and_the_servers_use_the_web_framework(path: Path) -> None:
    name = module_name(path)
    # The CLI and the plugin build apps and servers, so they may name Flask types too.
    if _within(name, HTTP + SERVING + ENTRY_POINTS):
        return
    assert not top_packages(path) & WEB_PACKAGES


# --- Beside the mock -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", modules_under("drift/offcloud_drift"), ids=_ids)
def test_the_drift_tools_reach_the_mock_only_through_its_entry_points(path: Path) -> None:
    # Nothing of the kit, the generated client or the contract suite either; no web framework of its own.
    assert outside(path, ("offcloud_drift", *DRIFT_DOORS)) == set()
    assert not top_packages(path) & WEB_PACKAGES


@pytest.mark.parametrize("path", modules_under("offcloud_kit"), ids=_ids)
def test_the_client_layer_does_not_depend_on_the_mock(path: Path) -> None:
    assert outside(path, ("offcloud_kit", "offcloud_client")) == set()
    assert not top_packages(path) & WEB_PACKAGES


@pytest.mark.parametrize("path", modules_under("generated_client/offcloud_client"), ids=_ids)
def test_the_generated_client_imports_nothing_of_ours(path: Path) -> None:
    assert outside(path, ("offcloud_client",)) == set()


@pytest.mark.parametrize("path", modules_under("contract_tests/offcloud_contract"), ids=_ids)
def test_the_contract_suite_may_use_anything_but_the_benchmarks(path: Path) -> None:
    assert outside(path, OURS - {"bench"}) == set()


@pytest.mark.parametrize(
    "path",
    [
        *modules_under("mock_server"),
        *modules_under("drift/offcloud_drift"),
        *modules_under("offcloud_kit"),
        *modules_under("generated_client/offcloud_client"),
    ],
    ids=_ids,
)
def test_nothing_imports_the_contract_suite_or_the_benchmarks(path: Path) -> None:
    assert not top_packages(path) & {"offcloud_contract", "bench"}


# --- The reader the rules stand on -----------------------------------------------------------------------


def test_the_rules_see_relative_and_type_checking_imports_correctly() -> None:
    # The checks above are only as good as the import reader: it must see what it claims to see.
    controls = imported_modules(ROOT / "mock_server" / "offcloud_mock" / "http" / "in_process_controls.py")
    assert "offcloud_mock.http.runtime" in controls
    assert "flask" not in controls  # imported only for annotations
    assert "offcloud_mock.backend.accounts" in imported_modules(
        ROOT / "mock_server" / "offcloud_mock" / "backend" / "__init__.py"
    )


def test_outside_allows_the_package_on_the_way_and_nothing_beside_it() -> None:
    module = ROOT / "tests" / "spec" / "test_ref_resolution.py"  # from offcloud_mock import spec
    assert {"offcloud_mock", "offcloud_mock.spec"} <= imported_modules(module)
    assert outside(module, ("offcloud_mock.spec", "offcloud_contract")) == set()
    assert "offcloud_mock.spec" in outside(module, ("offcloud_mock.specimen", "offcloud_contract"))
    assert outside(module, ("offcloud_mock.spec",)) == {
        name for name in imported_modules(module) if name.startswith("offcloud_contract")
    }


# --- Words, not numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "folder",
    ["mock_server", "drift", "offcloud_kit", "contract_tests", "tests", "bench", "generator", "examples"],
)
def test_no_comment_points_at_an_issue_number(folder: str) -> None:
    # "issue 13" means nothing to a reader of the repository: a comment says why in words.
    pattern = re.compile(r"\bissues? #?\d+", re.IGNORECASE)
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.name != "test_architecture.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert found == []
