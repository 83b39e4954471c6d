"""The layering the README describes, checked by package on the import statements of every module.

Imports under `if TYPE_CHECKING:` do not count: they are annotations, not dependencies at run time.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WEB_PACKAGES = {"flask", "werkzeug", "waitress", "flask_swagger_ui", "granian"}
OURS = {"offcloud_kit", "offcloud_client", "offcloud_mock", "offcloud_drift", "offcloud_contract", "bench"}
# The folders that hold a package of their own (folder/package/...): module names start at the package.
PACKAGE_FOLDERS = {"mock_server", "drift", "contract_tests", "generated_client"}
# The only modules of the mock outside offcloud_mock.http that may use the web framework: its entry points.
WEB_ENTRY_POINTS = {
    "offcloud_mock.cli",
    "offcloud_mock.pytest_plugin",
    "offcloud_mock.serving.waitress_server",
    "offcloud_mock.serving.granian_server",
    "offcloud_mock.serving.rsgi_bridge",  # granian's server module's RSGI-to-WSGI bridge
    "offcloud_mock.serving.waitress_guards",  # the server module's guards against slow and broken clients
    "offcloud_mock.serving.waitress_channel",  # the guarded waitress connection
    "offcloud_mock.serving.truncated_body",  # a body cut short, as werkzeug's 400 (both servers)
    "offcloud_mock.serving.serve",  # the one place a mock is served from, each server a strategy
}


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


@pytest.mark.parametrize("path", modules_under("mock_server/offcloud_mock/backend"), ids=_ids)
def test_the_backend_imports_nothing_of_http(path: Path) -> None:
    imported = imported_modules(path)
    assert not top_packages(path) & (WEB_PACKAGES | {"httpx"})
    ours = {name for name in imported if name.split(".")[0] in OURS}
    # Of our code, the backend uses only itself: not the HTTP layer, not the entry points.
    assert {name for name in ours if not name.startswith("offcloud_mock.backend")} == set()


@pytest.mark.parametrize("path", modules_under("mock_server/offcloud_mock/http/presenters"), ids=_ids)
def test_the_presenters_are_plain_python(path: Path) -> None:
    # They turn domain objects into bodies and statuses; Flask makes the Response around them.
    assert not top_packages(path) & WEB_PACKAGES


@pytest.mark.parametrize("path", modules_under("mock_server"), ids=_ids)
def test_only_the_http_layer_and_the_entry_points_use_the_web_framework(path: Path) -> None:
    name = module_name(path)
    # The drift tools serve their proxy on waitress: a tool of its own beside the mock's two layers.
    if name.startswith(("offcloud_mock.http", "offcloud_drift")) or name in WEB_ENTRY_POINTS:
        return
    assert not top_packages(path) & WEB_PACKAGES


@pytest.mark.parametrize("path", modules_under("drift/offcloud_drift"), ids=_ids)
def test_the_drift_tools_reach_into_the_mock_in_one_place(path: Path) -> None:
    ours = {name for name in imported_modules(path) if name.startswith("offcloud_mock")}
    allowed = "offcloud_mock" if path.name == "mock_bridge.py" else "nothing of the mock"
    assert {name for name in ours if not name.startswith(allowed)} == set()


@pytest.mark.parametrize("path", modules_under("generated_client/offcloud_client"), ids=_ids)
def test_the_generated_client_imports_nothing_of_ours(path: Path) -> None:
    assert not top_packages(path) & (OURS - {"offcloud_client"})


@pytest.mark.parametrize("path", modules_under("offcloud_kit"), ids=_ids)
def test_the_client_layer_does_not_depend_on_the_mock(path: Path) -> None:
    assert not top_packages(path) & (
        {"offcloud_mock", "offcloud_drift", "offcloud_contract", "bench"} | WEB_PACKAGES
    )


@pytest.mark.parametrize("path", modules_under("mock_server"), ids=_ids)
def test_the_mock_does_not_depend_on_the_client_layer(path: Path) -> None:
    # The pytest plugin builds the generated client and the kit's clients for its users, lazily (kit(),
    # async_kit()); nothing else of the mock imports them.
    allowed = {"offcloud_client", "offcloud_kit"} if path.name == "pytest_plugin.py" else set()
    if module_name(path) in ("offcloud_mock.cli", "offcloud_mock.http.app"):
        allowed = {"offcloud_drift"}  # the drift subcommands; replay (a move below the mock is planned)
    assert not top_packages(path) & (
        {"offcloud_kit", "offcloud_client", "offcloud_drift", "offcloud_contract", "bench"} - allowed
    )


def test_the_rules_see_relative_and_type_checking_imports_correctly() -> None:
    # The checks above are only as good as the import reader: it must see what it claims to see.
    controls = imported_modules(ROOT / "mock_server" / "offcloud_mock" / "controls.py")
    assert "offcloud_mock.http.runtime" in controls
    assert "flask" not in controls  # imported only for annotations
    assert "offcloud_mock.backend.accounts" in imported_modules(
        ROOT / "mock_server" / "offcloud_mock" / "backend" / "__init__.py"
    )
