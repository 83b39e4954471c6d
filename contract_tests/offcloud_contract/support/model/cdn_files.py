"""The 2026 answers that list a content's files, by the rules openapi.yaml states: detailed explore, cache
info and cache download, and the CDN links they (and plain 2026 explore) carry.

* A file's path runs from the content's root folder: a multi-file content's files sit under a folder
  named after it, a single file at the root; a `/` in a file's name (the scenario's `extras/Making of.mp4`)
  is a sub-folder. (ExploredFile.path: "starts with the download's root folder"; CachedFile.folder:
  "path segments from the torrent's root folder; empty at the root".)
* Files keep the content's own order, everywhere.
* A CDN link is `{CDN}/{owner's userId}/{key}/{path, URL-encoded}`, the key being the requestId of a
  cloud download, or the info hash (lower case) of cached content (the spec's `modernFiles` and `links`
  examples); the mock's links carry no signature.
* Detailed explore (`format=detailed`) answers `{"files": [{id, name, size, path, url}]}`, `id` being
  `<requestId>-<index from 0>` and `name` the file's own name (the spec's choice).
* Cache info answers one item per url, in the order asked (a url asked twice is answered twice):
  `cached` for a magnet whose info hash, in either letter case, is cached content of the scenario; a
  bare hash or any other link is not cached; `files` only when asked for and cached.
* Cache download of a cached magnet lists `{filename, url, size, folder}` per file; a magnet that is not
  cached is refused with `Not cached`, anything but a magnet with `Incorrect url` (both 400).
"""

import re
from urllib.parse import parse_qsl, quote, urlsplit

from offcloud_contract.support.model.content_rules import ContentFacts, content_for
from offcloud_contract.support.model.demo_data import DemoScenario
from offcloud_contract.support.model.refusals import INCORRECT_URL, NOT_CACHED

__all__ = [
    "CDN_BASE",
    "cache_info",
    "cached_links",
    "cdn_link",
    "detailed_files",
    "file_paths",
    "magnet_hash",
]

CDN_BASE = "https://cdn.offcloud.test/obj"  # where the mock's 2026 links point
_HEX_HASH = re.compile(r"[0-9a-fA-F]{40}")
_BTIH = "urn:btih:"


def cdn_link(user_id: str | None, key: str, path: tuple[str, ...]) -> str:
    return f"{CDN_BASE}/{user_id}/{key}/{quote('/'.join(path))}"


def file_paths(content: ContentFacts) -> list[tuple[tuple[str, ...], int | None]]:
    """(path from the root folder, size) of each file, in the content's order."""
    root = (content.name,) if content.multi_file else ()
    files = content.files if content.files is not None else ((content.name, None),)
    return [((*root, *(part for part in name.split("/") if part)), size) for name, size in files]


def detailed_files(request_id: str, content: ContentFacts, user_id: str | None) -> dict[str, object]:
    return {
        "files": [
            {
                "id": f"{request_id}-{index}",
                "name": path[-1],
                "size": size,
                "path": "/".join(path),
                "url": cdn_link(user_id, request_id, path),
            }
            for index, (path, size) in enumerate(file_paths(content))
        ]
    }


def magnet_hash(url: str) -> str | None:
    """The info hash (40 hex, lower case) a magnet link names in its `xt`; None for anything else."""
    if not url.lower().startswith("magnet:"):
        return None
    for key, value in parse_qsl(urlsplit(url).query):
        digest = value[len(_BTIH) :]
        if key == "xt" and value.lower().startswith(_BTIH) and _HEX_HASH.fullmatch(digest):
            return digest.lower()
    return None


def _cached_content(url: str, scenario: DemoScenario) -> ContentFacts | None:
    info_hash = magnet_hash(url)
    if info_hash is None or info_hash not in scenario.cached_hashes:
        return None
    return content_for(url, scenario)


def cache_info(urls: list[str], include_files: bool, scenario: DemoScenario) -> list[dict[str, object]]:
    answer: list[dict[str, object]] = []
    for url in urls:
        content = _cached_content(url, scenario)
        item: dict[str, object] = {"cached": content is not None}
        if content is not None and include_files:
            item["files"] = [
                {"folder": list(path[:-1]), "filename": path[-1], "size": size}
                for path, size in file_paths(content)
            ]
        answer.append(item)
    return answer


def cached_links(url: str, scenario: DemoScenario, user_id: str | None) -> list[dict[str, object]] | str:
    """The links of cached content, or the words of the 400 that refuses the url."""
    info_hash = magnet_hash(url)
    if info_hash is None:
        return INCORRECT_URL
    content = _cached_content(url, scenario)
    if content is None:
        return NOT_CACHED
    return [
        {
            "filename": path[-1],
            "url": cdn_link(user_id, info_hash, path),
            "size": size,
            "folder": list(path[:-1]),
        }
        for path, size in file_paths(content)
    ]
