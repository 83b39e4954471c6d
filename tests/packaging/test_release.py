"""The release workflow's promises (actionlint checks its syntax in `make lint`): built once, checked,
published on a tag by trusted publishing, the image pushed to GitHub's registry; `make dist` the same build."""

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW: dict[Any, Any] = yaml.safe_load(
    (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
)
JOBS: dict[str, Any] = WORKFLOW["jobs"]


def _uses(job: str) -> list[str]:
    return [step["uses"] for step in JOBS[job]["steps"] if "uses" in step]


def _runs(job: str) -> str:
    return "\n".join(step.get("run", "") for step in JOBS[job]["steps"])


def test_it_runs_on_a_version_tag_only() -> None:
    triggers = WORKFLOW[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push"}
    assert triggers["push"] == {"tags": ["v*"]}
    assert WORKFLOW["permissions"] == {"contents": "read"}  # each job asks for more only where needed


def test_the_artefacts_are_built_once_and_checked() -> None:
    assert "make dist" in _runs("dist")
    uploaded = next(
        step for step in JOBS["dist"]["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")
    )
    assert uploaded["with"]["name"] == "dist"
    for job in ("pypi", "image"):
        assert not re.search(r"make dist|python -m build|pip wheel", _runs(job)), job
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = make.split("\ndist: ", 1)[1].split("\n\n", 1)[0]
    assert "-m build" in target
    assert "twine check --strict dist/*" in target


def test_pypi_gets_those_files_by_trusted_publishing() -> None:
    pypi = JOBS["pypi"]
    assert pypi["needs"] == "dist"
    assert pypi["permissions"] == {"id-token": "write"}
    downloaded = next(
        step for step in pypi["steps"] if step.get("uses", "").startswith("actions/download-artifact@")
    )
    assert downloaded["with"]["name"] == "dist"
    publish = next(
        step for step in pypi["steps"] if step.get("uses", "").startswith("pypa/gh-action-pypi-publish@")
    )
    assert "with" not in publish or "password" not in publish["with"]  # no token: trusted publishing


def test_the_image_goes_to_the_github_container_registry() -> None:
    image = JOBS["image"]
    assert image["permissions"]["packages"] == "write"
    login = next(step for step in image["steps"] if step.get("uses", "").startswith("docker/login-action@"))
    assert login["with"]["registry"] == "ghcr.io"
    meta = next(step for step in image["steps"] if step.get("id") == "meta")
    assert meta["with"]["images"] == "ghcr.io/${{ github.repository }}"
    push = next(
        step for step in image["steps"] if step.get("uses", "").startswith("docker/build-push-action@")
    )
    assert push["with"]["push"] is True
    assert any(uses.startswith("actions/checkout@") for uses in _uses("image"))
