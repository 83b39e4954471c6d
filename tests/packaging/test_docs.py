"""The README and the reference site in docs/: links that resolve inside the repository, nothing pointing
at files a clone does not have, a README a newcomer reads in one go, and an evidence key that explains
every source tag openapi.yaml names."""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
EVIDENCE_KEY = DOCS / "evidence.md"
# Every Markdown file a reader of the repository meets (the folders' own READMEs included).
MARKDOWN = [
    README,
    ROOT / "CHANGELOG.md",
    *sorted(DOCS.glob("*.md")),
    *sorted(ROOT.glob("*/README.md")),
]
# Files that lived beside the repository while it was written, and that a clone does not have. Spelt in
# pieces so that this file does not name them itself.
OUTSIDE = ("../" + "shared", "/work/" + "shared", "offcloud-beyond" + "-docs", "offcloud-field" + "-notes")
_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
# Capitalised words of the Evidence: lines that are not source tags.
_NOT_TAGS = frozenset({"HTTP", "JSON", "URL"})
_TAG = re.compile(r"\b(?:[A-Z][A-Z0-9]+|MF(?:py|rs))\b")
_TAG_RANGE = re.compile("\\b([A-Z]+)(\\d+)[\u2013-]([A-Z]+)?(\\d+)\\b")  # an en dash or a hyphen between


def relative_links(path: Path) -> list[str]:
    """The targets of a Markdown file's links that are not web addresses or anchors of the same page."""
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)  # code is not links
    return [
        target
        for target in _LINK.findall(text)
        if not re.match(r"^[a-z][a-z0-9+.-]*:", target) and not target.startswith("#")
    ]


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_relative_link_resolves_inside_the_repository(path: Path) -> None:
    for target in relative_links(path):
        resolved = (path.parent / target.split("#", 1)[0]).resolve()
        assert resolved.is_relative_to(ROOT), f"{path.name} links outside the repository: {target}"
        assert resolved.exists(), f"{path.name} links to a missing file: {target}"


def test_the_link_reader_sees_links_and_leaves_web_addresses_and_code(tmp_path: Path) -> None:
    # The check above is only as good as this reader: a test of it on a page written for the purpose.
    page = tmp_path / "page.md"
    page.write_text(
        "[a](docs/a.md#x) [b](https://offcloud.com) [c](#here) ![d](../up.png)\n```\n[e](f.md)\n```\n",
        encoding="utf-8",
    )
    assert relative_links(page) == ["docs/a.md#x", "../up.png"]


def test_no_file_of_the_repository_points_at_files_outside_it() -> None:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False, text=True)  # noqa: S607
    if listed.returncode != 0:
        pytest.skip("not a git checkout: the tracked files are unknown")
    found = []
    for name in filter(None, listed.stdout.split("\0")):
        path = ROOT / name
        if not path.is_file() or path.suffix in {".png", ".whl", ".gz", ".torrent"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{name}: {needle}" for needle in OUTSIDE if needle in text]
    assert found == []


def test_the_readme_is_short_and_shows_the_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 200
    for command in ("make mock", "make test", "make contract", 'MOCK_ARGS="--port 9000 --era legacy"'):
        assert command in text
    for package in (
        "offcloud_kit",
        "offcloud_client",
        "offcloud_mock",
        "offcloud_drift",
        "offcloud_contract",
    ):
        assert package in text
    assert {target.split("#")[0] for target in relative_links(README) if target.startswith("docs/")} >= {
        f"docs/{page.name}" for page in DOCS.glob("*.md") if page.name != "index.md"
    }, "the README's 'Read on' names every page of the reference"


def evidence_texts() -> dict[str, str]:
    """Each operation's `Evidence:` text, by operationId."""
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    texts = {}
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "operationId" in operation:
                description = operation.get("description", "")
                texts[operation["operationId"]] = (
                    description.split("Evidence:", 1)[1] if "Evidence:" in description else ""
                )
    return texts


def tags_in(text: str) -> set[str]:
    """The source tags a piece of text names; a range (K1 to K5, with an en dash) names each tag in it."""
    tags = set(_TAG.findall(text)) - _NOT_TAGS
    for prefix, first, _, last in _TAG_RANGE.findall(text):
        tags |= {f"{prefix}{number}" for number in range(int(first), int(last) + 1)}
    return tags


def key_tags() -> set[str]:
    """The tags of the evidence key's table: the first cell of each row."""
    rows = re.findall(r"^\| ([A-Za-z0-9]+) \|", EVIDENCE_KEY.read_text(encoding="utf-8"), re.MULTILINE)
    return set(rows) - {"tag"}


def test_tags_are_read_from_ranges_and_words() -> None:
    assert tags_in("21 clients, legacy NOC; 2026 DMM (live), MFpy, HTTP 500, K1\u2013K3, JSON") == {
        "NOC",
        "DMM",
        "MFpy",
        "K1",
        "K2",
        "K3",
    }


def test_every_operation_names_its_evidence() -> None:
    texts = evidence_texts()
    assert len(texts) > 40
    assert [name for name, text in texts.items() if not text.strip()] == []


def test_every_source_tag_of_the_spec_is_in_the_evidence_key() -> None:
    used = set().union(*(tags_in(text) for text in evidence_texts().values()))
    assert {"DOC", "DMM", "ST26", "K6"} <= used  # the reader finds tags at all
    assert sorted(used - key_tags()) == []


@pytest.mark.skipif(
    importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("material") is None,
    reason="mkdocs and mkdocs-material are in requirements.txt, not in the kit's extras",
)
def test_the_site_builds_with_strict_link_checking(tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",  # not with --quiet: mkdocs 1.6 then counts no warning and passes any build
            "--site-dir",
            str(tmp_path / "site"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    assert (tmp_path / "site" / "evidence" / "index.html").is_file()
