"""The committed generated_client/ is the golden record: exactly what generator/generate.py makes
from openapi.yaml, and it passes mypy --strict and ruff with the post-hook settings."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import generate

PACKAGE = generate.OUTPUT / "offcloud_client"
RENAMED = "renamedByDriftTest"


def _report(differences: list[generate.Difference]) -> str:
    lines = [difference.describe() for difference in differences]
    return "\n".join([*lines, "run `make generate` and commit the result"])


def test_committed_client_matches_a_fresh_generation(tmp_path: Path) -> None:
    fresh = generate.generate_into(tmp_path)
    differences = generate.compare_trees(fresh, generate.OUTPUT)
    assert not differences, _report(differences)


def _rename_first_property(spec: dict[str, Any]) -> str:
    """Rename the first property of the first component schema that has one; return the schema name."""
    for name, schema in spec["components"]["schemas"].items():
        properties = schema.get("properties")
        if properties:
            old = next(iter(properties))
            schema["properties"] = {
                (RENAMED if key == old else key): value for key, value in properties.items()
            }
            schema["required"] = [RENAMED if key == old else key for key in schema.get("required", [])]
            return str(name)
    raise AssertionError("openapi.yaml has no component schema with properties")


def test_a_changed_spec_is_reported_as_drift(tmp_path: Path) -> None:
    spec = yaml.safe_load(generate.SPEC.read_text(encoding="utf-8"))
    schema_name = _rename_first_property(spec)
    changed = tmp_path / "openapi.yaml"
    changed.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")

    fresh = generate.generate_into(tmp_path / "out", spec=changed)
    differences = generate.compare_trees(fresh, generate.OUTPUT)

    assert differences, f"renaming a property of {schema_name} changed no generated file"
    changed_files = [d for d in differences if d.kind == "differs" and RENAMED in d.diff]
    assert changed_files, _report(differences)


def test_compare_trees_reports_missing_extra_and_changed_files(tmp_path: Path) -> None:
    committed = tmp_path / "committed"
    shutil.copytree(generate.OUTPUT, committed, ignore=shutil.ignore_patterns(*generate.IGNORED_NAMES))
    (committed / "offcloud_client" / "hand_written.py").write_text("x = 1\n", encoding="utf-8")
    (committed / "offcloud_client" / "types.py").unlink()
    with (committed / "offcloud_client" / "errors.py").open("a", encoding="utf-8") as errors_py:
        errors_py.write("# edited by hand\n")
    # What using the package leaves behind is not drift.
    (committed / "offcloud_client" / "__pycache__").mkdir(exist_ok=True)
    (committed / "offcloud_client" / "__pycache__" / "client.cpython-311.pyc").write_bytes(b"\0")

    differences = generate.compare_trees(generate.OUTPUT, committed)

    assert [(d.path, d.kind) for d in differences] == [
        ("offcloud_client/errors.py", "differs"),
        ("offcloud_client/hand_written.py", "extra"),
        ("offcloud_client/types.py", "missing"),
    ]
    assert "+# edited by hand" not in differences[0].diff  # the diff goes committed -> generated
    assert "-# edited by hand" in differences[0].diff


def test_check_command_fails_with_instructions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    committed = tmp_path / "generated_client"
    shutil.copytree(generate.OUTPUT, committed, ignore=shutil.ignore_patterns(*generate.IGNORED_NAMES))
    (committed / "README.md").write_text("stale\n", encoding="utf-8")
    monkeypatch.setattr(generate, "OUTPUT", committed)

    assert generate.main(["--check"]) == 1

    out = capsys.readouterr().out
    assert "differs: README.md" in out
    assert "-stale" in out
    assert "run `make generate` and commit the result" in out


def test_generated_package_passes_mypy_strict(tmp_path: Path) -> None:
    # An empty config file: the repo's pyproject excludes generated_client/ from mypy.
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--config-file", str(config)]
    command += ["--cache-dir", str(tmp_path / "mypy_cache"), str(PACKAGE)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)  # noqa: S603
    assert result.returncode == 0, result.stdout + result.stderr


def _post_hooks_in_check_mode() -> list[list[str]]:
    """config.yaml's ruff post-hooks, made to check generated_client/ instead of fixing it."""
    config = yaml.safe_load(generate.CONFIG.read_text(encoding="utf-8"))
    commands = []
    for hook in config["post_hooks"]:
        words = shlex.split(hook)
        assert words[:3] == ["python", "-m", "ruff"], hook
        assert words[-1] == ".", hook
        words = [sys.executable, *words[1:-1], str(generate.OUTPUT)]
        words = [word for word in words if word != "--fix-only"]
        if words[3] == "format":
            words.insert(4, "--check")
        commands.append(words)
    return commands


@pytest.mark.parametrize("command", _post_hooks_in_check_mode(), ids=lambda command: command[3])
def test_generated_package_passes_ruff_with_post_hook_settings(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    assert result.returncode == 0, result.stdout + result.stderr
