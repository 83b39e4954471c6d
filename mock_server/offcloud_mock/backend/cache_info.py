"""The answers of the 2026 cache endpoints and of detailed explore, as plain data (openapi.yaml:
`getCacheInfo`, `getCachedDownloadLinks`, `exploreCloudDownload`).

- POST /api/cache/info `{"urls": [...], "includeFiles": bool}`: one answer per input, in input order;
  a magnet whose info hash is cached is `cached`; a bare hash is *not* (DMM live), nor is any other link.
- POST /api/cache/download `{"url": magnet}`: direct links to each file of cached content.
- GET /api/cloud/explore/{id}?format=detailed: one entry per file with its path from the root folder.

Content is found through a lookup function (info hash -> content or None) and links through a link
maker, both given by the backend, so this module knows neither the scenario nor the link format. The
results are dataclasses; the presenters choose the field names.
"""

import base64
import binascii
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, Protocol
from urllib.parse import parse_qsl, urlsplit

__all__ = [
    "MAX_INPUT_CHARS",
    "MAX_URLS",
    "CacheAnswer",
    "CacheError",
    "ContentFileLike",
    "ContentLike",
    "DetailedEntry",
    "DirectLink",
    "FileEntry",
    "LinkMaker",
    "Lookup",
    "NotAMagnet",
    "NotCached",
    "TooLarge",
    "cache_download",
    "cache_info",
    "detailed_entries",
    "file_links",
    "info_hash_of_magnet",
]

# Our choice: the largest batch a client is seen sending is 1000 (DMM); a longer list is refused whole.
MAX_URLS: Final = 1000
# Our choice: magnets with many trackers run to a few KiB; nothing longer is a link.
MAX_INPUT_CHARS: Final = 16 * 1024

_HEX_HASH = re.compile(r"[0-9a-fA-F]{40}")
_BASE32_HASH = re.compile(r"[A-Za-z2-7]{32}")
_BTIH_PREFIX: Final = "urn:btih:"
_XT_KEY = re.compile(r"xt(\.\d{1,3})?")  # BEP 9 allows xt.1, xt.2... beside xt


class ContentFileLike(Protocol):
    @property
    def path(self) -> tuple[str, ...]: ...  # below the root folder; (name,) for single-file content

    @property
    def size(self) -> int: ...


class ContentLike(Protocol):
    """What the lookup finds: `torrent_file.Torrent` is one, so is any object with these fields."""

    @property
    def name(self) -> str: ...  # the root folder, or the single file's name

    @property
    def is_directory(self) -> bool: ...

    @property
    def files(self) -> Sequence[ContentFileLike]: ...


Lookup = Callable[[str], ContentLike | None]  # lowercase 40-hex info hash -> cached content, or None
# (key, file index, full path from the root folder) -> a download URL; key is the info hash or request id
LinkMaker = Callable[[str, int, tuple[str, ...]], str]


class CacheError(ValueError):
    """A cache request the rules refuse; no HTTP status here, the presenters map it."""


class TooLarge(CacheError):
    pass


class NotAMagnet(CacheError):
    def __init__(self) -> None:
        super().__init__("Incorrect url")  # the real server's words for a link it cannot read


class NotCached(CacheError):
    # Our choice: whether the real server adds an uncached magnet to the cloud instead is unverified.
    def __init__(self) -> None:
        super().__init__("The file is not available on the server.")


@dataclass(frozen=True, slots=True)
class FileEntry:
    folder: tuple[str, ...]  # path segments from the root folder; () for single-file content
    filename: str
    size: int


@dataclass(frozen=True, slots=True)
class CacheAnswer:
    cached: bool
    files: tuple[FileEntry, ...] | None  # None when includeFiles was not asked; () when not cached


@dataclass(frozen=True, slots=True)
class DirectLink:
    folder: tuple[str, ...]
    filename: str
    size: int
    url: str


@dataclass(frozen=True, slots=True)
class DetailedEntry:
    id: str
    name: str
    size: int
    path: str  # "/"-joined, starting with the root folder (a single file: its name)
    url: str


def info_hash_of_magnet(link: str) -> str | None:
    """The v1 info hash of a magnet link, 40 lowercase hex; None if `link` is not such a magnet.

    `xt=urn:btih:` takes the hash in hex (40) or base32 (32), in any case, as the BitTorrent spec allows.
    """
    link = link.strip()
    if link[:7].lower() != "magnet:" or len(link) > MAX_INPUT_CHARS:
        return None
    for key, value in parse_qsl(urlsplit(link).query, keep_blank_values=True):
        if not _XT_KEY.fullmatch(key.lower()) or value[: len(_BTIH_PREFIX)].lower() != _BTIH_PREFIX:
            continue
        digest = value[len(_BTIH_PREFIX) :]
        if _HEX_HASH.fullmatch(digest):
            return digest.lower()
        if _BASE32_HASH.fullmatch(digest):
            try:
                return base64.b32decode(digest.upper()).hex()
            except binascii.Error:  # pragma: no cover - 32 base32 letters always decode to 20 bytes
                return None
    return None


def cache_info(urls: Sequence[str], lookup: Lookup, *, include_files: bool) -> list[CacheAnswer]:
    """One answer per input, in input order (duplicates answered each time)."""
    _check_sizes(urls)
    answers: list[CacheAnswer] = []
    for url in urls:
        info_hash = info_hash_of_magnet(url)
        content = lookup(info_hash) if info_hash is not None else None
        if content is None:
            answers.append(CacheAnswer(False, () if include_files else None))
        else:
            answers.append(CacheAnswer(True, _file_entries(content) if include_files else None))
    return answers


def cache_download(url: str, lookup: Lookup, make_link: LinkMaker) -> list[DirectLink]:
    """Direct links to every file of the cached content a magnet names, in the content's file order."""
    _check_sizes([url])
    info_hash = info_hash_of_magnet(url)
    if info_hash is None:
        raise NotAMagnet()
    content = lookup(info_hash)
    if content is None:
        raise NotCached()
    return [
        DirectLink(entry.folder, entry.filename, entry.size, make_link(info_hash, index, _full_path(entry)))
        for index, entry in enumerate(_file_entries(content))
    ]


def detailed_entries(request_id: str, content: ContentLike, make_link: LinkMaker) -> list[DetailedEntry]:
    """The files of a finished download for explore `format=detailed`.

    `id` is our choice (ST26 reads it, no client shows its form): the request id and the file index.
    Whether a single-file download may be explored this way is the caller's decision (unverified).
    """
    entries: list[DetailedEntry] = []
    for index, entry in enumerate(_file_entries(content)):
        full = _full_path(entry)
        entries.append(
            DetailedEntry(
                id=f"{request_id}-{index}",
                name=entry.filename,
                size=entry.size,
                path="/".join(full),
                url=make_link(request_id, index, full),
            )
        )
    return entries


def file_links(request_id: str, content: ContentLike, make_link: LinkMaker) -> list[str]:
    """The links of a finished download's files (2026 plain explore): detailed explore's, alone."""
    return [
        make_link(request_id, index, _full_path(entry)) for index, entry in enumerate(_file_entries(content))
    ]


def _file_entries(content: ContentLike) -> tuple[FileEntry, ...]:
    root = (content.name,) if content.is_directory else ()
    return tuple(FileEntry((*root, *file.path[:-1]), file.path[-1], file.size) for file in content.files)


def _full_path(entry: FileEntry) -> tuple[str, ...]:
    return (*entry.folder, entry.filename)


def _check_sizes(urls: Sequence[str]) -> None:
    if len(urls) > MAX_URLS:
        raise TooLarge(f"Too many urls: {len(urls)}; at most {MAX_URLS} in one request.")
    for position, url in enumerate(urls):
        if len(url) > MAX_INPUT_CHARS:
            raise TooLarge(f"The url at position {position} is longer than {MAX_INPUT_CHARS} characters.")
