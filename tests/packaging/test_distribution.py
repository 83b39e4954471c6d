"""What the distribution promises: one version (the spec's), light imports, a clear error without [mock]."""

import importlib.metadata
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from offcloud_mock import pytest_plugin

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
MOCK_MODULES = {"flask", "waitress", "flask_swagger_ui", "yaml", "jsonschema_rs", "jsonref", "werkzeug"}


def test_the_version_is_read_from_the_spec() -> None:
    assert "version" in PYPROJECT["project"]["dynamic"]
    source = PYPROJECT["tool"]["hatch"]["version"]
    assert source["path"] == "openapi.yaml"
    spec_text = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    match = re.search(source["pattern"], spec_text, flags=re.MULTILINE)  # as hatchling applies it
    assert match is not None
    assert match.group("version") == yaml.safe_load(spec_text)["info"]["version"]


def test_every_runtime_range_has_both_bounds() -> None:
    project = PYPROJECT["project"]
    requirements = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        requirements += [r for r in extra if not r.startswith("offcloud-kit")]
    for requirement in requirements:
        assert ">=" in requirement, requirement
        assert "<" in requirement.replace("<=", ""), requirement


def test_every_lower_bound_is_pinned_in_constraints_lowest() -> None:
    pins = {
        line.split("==")[0].lower(): line.split("==")[1]
        for line in (ROOT / "constraints-lowest.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    }
    project = PYPROJECT["project"]
    for requirement in [*project["dependencies"], *project["optional-dependencies"]["mock"]]:
        name, lower = re.match(r"([A-Za-z0-9_.-]+)>=([^,]+)", requirement).groups()  # type: ignore[union-attr]
        assert pins.get(name.lower()) == lower, requirement


def test_every_package_is_typed() -> None:
    for package in (
        "offcloud_kit",
        "mock_server/offcloud_mock",
        "drift/offcloud_drift",
        "contract_tests/offcloud_contract",
        "generated_client/offcloud_client",
    ):
        assert (ROOT / package / "py.typed").is_file(), package


def test_the_client_imports_no_mock_dependency() -> None:
    code = (
        "import json, sys, offcloud_kit, offcloud_client, offcloud_mock.pytest_plugin; "
        "print(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))"
    )
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed program
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(json.loads(result.stdout))
    assert "offcloud_kit" in loaded
    assert not MOCK_MODULES & loaded


def test_the_plugin_loads_only_the_standard_library_and_pytest() -> None:
    # pytest imports the plugin of every installed offcloud-kit in every run: anything it imported at
    # load time that failed, or that a project's own module of the same name shadowed, would stop the
    # whole run (exit 3, no test run), even in a project that never uses the fixture.
    code = (
        "import json, sys, pytest; before = set(sys.modules); import offcloud_mock.pytest_plugin; "
        "print(json.dumps(sorted(set(sys.modules) - before)))"
    )
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed program
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(json.loads(result.stdout))
    assert {"offcloud_mock", "offcloud_mock.pytest_plugin"} <= loaded
    # offcloud_mock.eras: the list of eras for the --offcloud-mock-era option, itself the standard library only.
    others = {
        name for name in loaded - {"offcloud_mock", "offcloud_mock.pytest_plugin", "offcloud_mock.eras"}
    }
    assert {name for name in others if name.split(".")[0] not in sys.stdlib_module_names} == set()


def test_the_fixture_names_the_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "flask", None)  # as if offcloud-kit was installed without [mock]
    with pytest.raises(pytest.fail.Exception, match=r"pip install 'offcloud-kit\[mock\]' \(missing: flask\)"):
        pytest_plugin._require_mock_extra()


# What each shipped package may import beyond the standard library: the distributions of its extra (and of
# the extras it builds on), and what those require themselves (werkzeug comes with flask).
_EXTRAS_OF_PACKAGE = {
    "offcloud_kit": (),
    "offcloud_mock": ("mock",),
    "offcloud_drift": ("mock",),
    "offcloud_contract": ("mock", "contract"),
}


def _declared(extras: tuple[str, ...]) -> set[str]:
    project = PYPROJECT["project"]
    requirements = [*project["dependencies"]]
    for extra in extras:
        requirements += [
            r for r in project["optional-dependencies"][extra] if not r.startswith("offcloud-kit")
        ]
    names = {re.split(r"[<>=!;\[ ]", requirement, maxsplit=1)[0].lower() for requirement in requirements}
    for name in list(names):
        try:
            requires = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:  # make test-lowest installs only [mock]
            pytest.skip(f"{name} is not installed here, so what it requires cannot be read")
        for required in requires:
            if "extra ==" not in required:
                names.add(re.split(r"[<>=!;\[ (]", required, maxsplit=1)[0].lower())
    return {name.replace("_", "-") for name in names}


@pytest.mark.parametrize("package", sorted(_EXTRAS_OF_PACKAGE))
def test_every_import_of_a_shipped_package_is_a_declared_dependency(package: str) -> None:
    # A wheel installed with the package's extra must import: `offcloud_drift` once imported jsonschema,
    # which no extra declares, so its commands failed from a `[mock]` install.
    from tests.test_architecture import imported_modules

    folder = {"offcloud_kit": "offcloud_kit"}.get(package) or next(ROOT.glob(f"*/{package}")).relative_to(
        ROOT
    )
    distributions = importlib.metadata.packages_distributions()
    declared = _declared(_EXTRAS_OF_PACKAGE[package])
    ours = {"offcloud_kit", "offcloud_client", "offcloud_mock", "offcloud_drift", "offcloud_contract"}
    undeclared = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        for name in imported_modules(path):
            top = name.split(".")[0]
            if not top or top in ours or top in sys.stdlib_module_names:
                continue
            if top == "pytest" and path.name == "pytest_plugin.py":  # only pytest itself loads it
                continue
            dists = {dist.lower().replace("_", "-") for dist in distributions.get(top, [top])}
            if not dists & declared:
                undeclared[f"{path.relative_to(ROOT)}: {top}"] = sorted(dists)
    assert not undeclared, undeclared
