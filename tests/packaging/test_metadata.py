"""What `pip show offcloud-kit` tells a user: the wheel built from this checkout, installed alone."""

import subprocess
import sys
import venv
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOME_PAGE = "https://github.com/offcloud-kit/offcloud-kit"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout, built offline by the pinned hatchling of the venv."""
    pytest.importorskip(
        "hatchling", reason="the build backend is not installed here (requirements.txt pins it)"
    )
    folder = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run([*command, "--wheel-dir", str(folder), str(ROOT)], check=True, timeout=300)  # noqa: S603
    return next(folder.glob("offcloud_kit-*.whl"))


def _metadata(wheel: Path) -> dict[str, list[str]]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        message = HeaderParser().parsestr(archive.read(name).decode("utf-8"))
    fields: dict[str, list[str]] = {}
    for key, value in message.items():
        fields.setdefault(key, []).append(value)
    return fields


def test_the_metadata_names_the_license_and_the_home_page(wheel: Path) -> None:
    fields = _metadata(wheel)
    assert fields["License"] == ["MIT"]  # what every pip's `show` prints as License
    assert "License-Expression" not in fields  # pip before 25 never shows it; 25 shows it instead of License
    assert f"Homepage, {HOME_PAGE}" in fields["Project-URL"]  # pip shows it as Home-page
    with zipfile.ZipFile(wheel) as archive:
        assert any(name.endswith(".dist-info/licenses/LICENSE") for name in archive.namelist())


def test_pip_show_shows_license_and_home_page(wheel: Path, tmp_path: Path) -> None:
    # A virtualenv of its own, without pip: the venv's pip (the pinned 25.3) installs and shows into it,
    # where the checkout's editable install is not.
    target = tmp_path / "venv"
    venv.create(target, with_pip=False)
    python = str(target / "bin" / "python")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", python]
    subprocess.run([*pip, "install", "--quiet", "--no-deps", str(wheel)], check=True, timeout=120)  # noqa: S603
    shown = subprocess.run(  # noqa: S603 - the venv's pip, fixed arguments
        [*pip, "show", "offcloud-kit"], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()
    assert "License: MIT" in shown
    assert f"Home-page: {HOME_PAGE}" in shown
