"""The README's "In your own tests" example runs, as a user's test file, through the installed plugin."""

import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_test_example() -> str:
    section = README.read_text(encoding="utf-8").split("\n## In your own tests\n", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None, "the README lost its test example"
    return match.group(1)


def test_the_readme_example_passes(tmp_path: Path) -> None:
    example = readme_test_example()
    assert "offcloud_mock.kit()" in example
    assert "offcloud_mock.async_kit()" in example
    (tmp_path / "test_example.py").write_text(example, encoding="utf-8")
    # A separate pytest in a folder of its own: the fixture comes from the entry point, as for a user.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            "test_example.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
