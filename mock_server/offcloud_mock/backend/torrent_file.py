"""An uploaded `.torrent` file: decoded strictly, its BitTorrent v1 info hash, its files and a magnet link.

The site-root `POST /torrent/upload` of the legacy server takes a `.torrent` file and answers a `url` that
`/api/cloud` can add (openapi.yaml: `uploadTorrent`). This module holds the rules only: it bdecodes the upload
with its own small decoder, because the info hash is the SHA-1 of the *exact* bytes of the `info` value as
uploaded; a decode-then-re-encode library would give a different hash for any torrent whose encoding is
not canonical. The decoder is recursive, but the input size is capped before any work and the nesting
depth as it reads, so a hostile upload costs one pass over at most `max_bytes`.
"""

import hashlib
from dataclasses import dataclass
from typing import Final
from urllib.parse import quote

__all__ = [
    "MAX_DEPTH",
    "MAX_TORRENT_BYTES",
    "NotATorrent",
    "Torrent",
    "TorrentFile",
    "TorrentTooLarge",
    "bdecode",
    "parse_torrent",
]

# Real torrents are a few hundred KiB; the largest (many small pieces) stay under a few MiB.
MAX_TORRENT_BYTES: Final = 8 * 1024 * 1024
# A torrent nests at most 4 deep (root > info > files > file > path); the margin allows extension keys.
MAX_DEPTH: Final = 32
# An integer of more digits is no size or count any torrent carries; it also bounds int() conversion.
_MAX_INT_DIGITS: Final = 20
_MAX_TRACKERS_IN_MAGNET: Final = 20

Bencoded = int | bytes | list["Bencoded"] | dict[bytes, "Bencoded"]


class NotATorrent(ValueError):
    """The upload is not a BitTorrent v1 metainfo file; the message says why, in words for a user."""


class TorrentTooLarge(NotATorrent):
    """The upload is larger than any torrent file the mock accepts."""


@dataclass(frozen=True, slots=True)
class TorrentFile:
    path: tuple[str, ...]  # segments below the torrent's root folder; the single file's name alone
    size: int


@dataclass(frozen=True, slots=True)
class Torrent:
    name: str  # the single file's name, or the root folder of a multi-file torrent
    files: tuple[TorrentFile, ...]
    is_directory: bool  # a multi-file torrent (a `files` list), even when that list holds one file
    total_size: int  # of the files listed (padding files of hybrid torrents left out)
    info_hash: str  # 40 lowercase hex characters
    trackers: tuple[str, ...]

    @property
    def magnet(self) -> str:
        """A magnet link for this torrent: its hash, its name, its first trackers."""
        parts = [f"xt=urn:btih:{self.info_hash}", f"dn={quote(self.name, safe='')}"]
        parts += [f"tr={quote(tracker, safe='')}" for tracker in self.trackers[:_MAX_TRACKERS_IN_MAGNET]]
        return "magnet:?" + "&".join(parts)


def parse_torrent(data: bytes, *, max_bytes: int = MAX_TORRENT_BYTES) -> Torrent:
    """The torrent in `data`; `NotATorrent` (or `TorrentTooLarge`) for anything else."""
    if len(data) > max_bytes:
        raise TorrentTooLarge(f"The file is larger than {max_bytes} bytes; no torrent file is that large.")
    root, info_span = _Decoder(data).decode_document()
    if not isinstance(root, dict):
        raise NotATorrent("This is not a torrent file: its content is not a dictionary.")
    info = root.get(b"info")
    if not isinstance(info, dict) or info_span is None:
        raise NotATorrent("This is not a torrent file: it has no info dictionary.")
    name = _text(info.get(b"name.utf-8", info.get(b"name")), "name")
    _check_segment(name, "name")
    if b"pieces" not in info and b"file tree" in info:
        raise NotATorrent("This is a BitTorrent v2-only torrent; only torrents with v1 pieces are supported.")
    _check_pieces(info)
    if b"files" in info:
        files = _multi_files(info[b"files"])
        is_directory = True
    elif b"length" in info:
        files = (TorrentFile((name,), _size(info[b"length"], "length")),)
        is_directory = False
    else:
        raise NotATorrent("This is not a BitTorrent v1 torrent: its info has neither files nor length.")
    start, end = info_span
    return Torrent(
        name=name,
        files=files,
        is_directory=is_directory,
        total_size=sum(file.size for file in files),
        info_hash=hashlib.sha1(data[start:end], usedforsecurity=False).hexdigest(),  # the protocol's hash
        trackers=_trackers(root),
    )


def bdecode(data: bytes, *, max_bytes: int = MAX_TORRENT_BYTES) -> Bencoded:
    """One bencoded value, the whole of `data`; `NotATorrent` if it is not exactly that."""
    if len(data) > max_bytes:
        raise TorrentTooLarge(f"The file is larger than {max_bytes} bytes; no torrent file is that large.")
    return _Decoder(data).decode_document()[0]


class _Decoder:
    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    def decode_document(self) -> tuple[Bencoded, tuple[int, int] | None]:
        """The value, and where the top-level `info` value lies in the input (for the hash)."""
        if not self._data:
            raise NotATorrent("The file is empty.")
        info_span: list[tuple[int, int]] = []
        value = self._value(0, info_span)
        if self._pos != len(self._data):
            raise NotATorrent(f"This is not a torrent file: unexpected data at byte {self._pos}.")
        return value, (info_span[0] if info_span else None)

    def _value(self, depth: int, info_span: list[tuple[int, int]] | None = None) -> Bencoded:
        if depth >= MAX_DEPTH:
            raise NotATorrent(f"This is not a torrent file: values nest more than {MAX_DEPTH} deep.")
        lead = self._peek()
        if lead == b"i":
            return self._int()
        if lead.isdigit():
            return self._bytes()
        if lead == b"l":
            self._pos += 1
            items: list[Bencoded] = []
            while self._peek() != b"e":
                items.append(self._value(depth + 1))
            self._pos += 1
            return items
        if lead == b"d":
            return self._dict(depth, info_span)
        raise NotATorrent(f"This is not a torrent file: unexpected byte {lead!r} at byte {self._pos}.")

    def _dict(self, depth: int, info_span: list[tuple[int, int]] | None) -> dict[bytes, Bencoded]:
        self._pos += 1
        entries: dict[bytes, Bencoded] = {}
        while self._peek() != b"e":
            if not self._peek().isdigit():
                raise NotATorrent(
                    f"This is not a torrent file: a dictionary key at byte {self._pos} is not a string."
                )
            key = self._bytes()
            if key in entries:
                raise NotATorrent(f"This is not a torrent file: the key {key[:40]!r} appears twice.")
            # Key order is not enforced: the hash covers the bytes as uploaded, and some old torrent
            # makers wrote unsorted keys that clients accept.
            start = self._pos
            entries[key] = self._value(depth + 1)
            if info_span is not None and key == b"info":
                info_span.append((start, self._pos))
        self._pos += 1
        return entries

    def _int(self) -> int:
        end = self._data.find(b"e", self._pos + 1, self._pos + 2 + _MAX_INT_DIGITS + 1)
        digits = self._data[self._pos + 1 : end] if end != -1 else b""
        unsigned = digits.removeprefix(b"-")
        canonical = unsigned.isdigit() and (unsigned == b"0" or not unsigned.startswith(b"0"))
        if end == -1 or not canonical or digits == b"-0":
            raise NotATorrent(f"This is not a torrent file: a malformed integer at byte {self._pos}.")
        self._pos = end + 1
        return int(digits)

    def _bytes(self) -> bytes:
        colon = self._data.find(b":", self._pos, self._pos + _MAX_INT_DIGITS + 1)
        digits = self._data[self._pos : colon] if colon != -1 else b""
        if not digits.isdigit() or (digits != b"0" and digits.startswith(b"0")):
            raise NotATorrent(f"This is not a torrent file: a malformed string length at byte {self._pos}.")
        start, length = colon + 1, int(digits)
        if start + length > len(self._data):
            raise NotATorrent(f"This is not a torrent file: a string at byte {self._pos} runs past the end.")
        self._pos = start + length
        return self._data[start : self._pos]

    def _peek(self) -> bytes:
        if self._pos >= len(self._data):
            raise NotATorrent("This is not a torrent file: it ends in the middle of a value.")
        return self._data[self._pos : self._pos + 1]


def _text(value: Bencoded | None, field: str) -> str:
    if not isinstance(value, bytes):
        raise NotATorrent(f"This is not a torrent file: its {field} is missing or not a string.")
    # Names are only shown and put into links: a wrongly encoded name should not refuse the torrent.
    return value.decode("utf-8", errors="replace")


def _check_segment(segment: str, field: str) -> None:
    # Segments become folder and file names and parts of links: nothing that climbs or splits a path.
    if segment in ("", ".", "..") or "/" in segment or "\\" in segment or "\x00" in segment:
        raise NotATorrent(f"This torrent has an unsafe {field}: {segment[:80]!r}.")


def _size(value: Bencoded | None, field: str) -> int:
    if not isinstance(value, int) or value < 0:
        raise NotATorrent(f"This is not a torrent file: its {field} is not a size in bytes.")
    return value


def _check_pieces(info: dict[bytes, Bencoded]) -> None:
    piece_length, pieces = info.get(b"piece length"), info.get(b"pieces")
    if not isinstance(piece_length, int) or piece_length <= 0:
        raise NotATorrent("This is not a BitTorrent v1 torrent: its piece length is missing or not positive.")
    if not isinstance(pieces, bytes) or len(pieces) % 20:
        raise NotATorrent("This is not a BitTorrent v1 torrent: its pieces are not a list of SHA-1 hashes.")


def _multi_files(value: Bencoded) -> tuple[TorrentFile, ...]:
    if not isinstance(value, list) or not value:
        raise NotATorrent("This is not a torrent file: its files are not a non-empty list.")
    files: list[TorrentFile] = []
    for entry in value:
        if not isinstance(entry, dict):
            raise NotATorrent("This is not a torrent file: an entry of its files is not a dictionary.")
        raw_path = entry.get(b"path.utf-8", entry.get(b"path"))
        if not isinstance(raw_path, list) or not raw_path:
            raise NotATorrent("This is not a torrent file: a file has no path.")
        path = tuple(_text(segment, "file path") for segment in raw_path)
        for segment in path:
            _check_segment(segment, "file path")
        size = _size(entry.get(b"length"), "file length")
        attributes = entry.get(b"attr", b"")
        # Hybrid v1/v2 torrents align files with padding files (BEP 47); clients list no such file.
        if not (isinstance(attributes, bytes) and b"p" in attributes):
            files.append(TorrentFile(path, size))
    if not files:
        raise NotATorrent("This torrent holds nothing but padding files.")
    return tuple(files)


def _trackers(root: dict[bytes, Bencoded]) -> tuple[str, ...]:
    """Announce URLs, the main one first, without repeats; malformed entries are skipped, not refused."""
    found: list[Bencoded] = [root.get(b"announce", b"")]
    tiers = root.get(b"announce-list")
    if isinstance(tiers, list):
        for tier in tiers:
            found.extend(tier if isinstance(tier, list) else [])
    urls = [item.decode("utf-8", errors="replace") for item in found if isinstance(item, bytes) and item]
    return tuple(dict.fromkeys(urls))
