"""Uploaded torrents: real torrents built here, hashes checked against an independent encoder."""

import hashlib
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offcloud_mock.backend.torrent_file import (
    MAX_DEPTH,
    NotATorrent,
    TorrentFile,
    TorrentTooLarge,
    bdecode,
    parse_torrent,
)
from tests.bencoding import bencode

PIECES = hashlib.sha1(b"piece", usedforsecurity=False).digest() * 3
SINGLE_INFO: dict[str, object] = {
    "name": "big_buck_bunny.mp4",
    "length": 276134947,
    "piece length": 262144,
    "pieces": PIECES,
}
MULTI_INFO: dict[str, object] = {
    "name": "Big Buck Bunny",
    "piece length": 262144,
    "pieces": PIECES,
    "files": [
        {"length": 140, "path": ["Big Buck Bunny.en.srt"]},
        {"length": 276134947, "path": ["Big Buck Bunny.mp4"]},
        {"length": 310380, "path": ["extras", "poster.jpg"]},
    ],
}


def torrent(info: dict[str, object], **extra: object) -> bytes:
    return bencode({"announce": "udp://tracker.example:1337/announce", "info": info, **extra})


def test_a_single_file_torrent() -> None:
    parsed = parse_torrent(torrent(SINGLE_INFO))
    assert parsed.name == "big_buck_bunny.mp4"
    assert parsed.files == (TorrentFile(("big_buck_bunny.mp4",), 276134947),)
    assert not parsed.is_directory
    assert parsed.total_size == 276134947
    assert parsed.info_hash == hashlib.sha1(bencode(SINGLE_INFO), usedforsecurity=False).hexdigest()
    assert parsed.trackers == ("udp://tracker.example:1337/announce",)


def test_a_multi_file_torrent_keeps_folders_and_order() -> None:
    parsed = parse_torrent(torrent(MULTI_INFO))
    assert parsed.is_directory
    assert [file.path for file in parsed.files] == [
        ("Big Buck Bunny.en.srt",),
        ("Big Buck Bunny.mp4",),
        ("extras", "poster.jpg"),
    ]
    assert parsed.total_size == 140 + 276134947 + 310380
    assert parsed.info_hash == hashlib.sha1(bencode(MULTI_INFO), usedforsecurity=False).hexdigest()


def test_a_multi_file_torrent_of_one_file_is_still_a_folder() -> None:
    info = {**MULTI_INFO, "files": [{"length": 5, "path": ["a.txt"]}]}
    assert parse_torrent(torrent(info)).is_directory


def test_the_hash_covers_the_info_bytes_as_uploaded_even_when_not_canonical() -> None:
    # Keys out of order: re-encoding the decoded dict would sort them and change the hash.
    info = b"d4:name5:a.txt6:lengthi5e12:piece lengthi16384e6:pieces20:" + b"x" * 20 + b"e"
    data = b"d4:info" + info + b"e"
    assert parse_torrent(data).info_hash == hashlib.sha1(info, usedforsecurity=False).hexdigest()


def test_the_magnet_link_names_hash_name_and_trackers() -> None:
    data = torrent(
        MULTI_INFO, **{"announce-list": [["udp://a.example:1/ann"], ["udp://tracker.example:1337/announce"]]}
    )
    parsed = parse_torrent(data)
    query = parse_qs(urlsplit(parsed.magnet).query)
    assert parsed.magnet.startswith("magnet:?")
    assert query["xt"] == [f"urn:btih:{parsed.info_hash}"]
    assert query["dn"] == ["Big Buck Bunny"]
    assert query["tr"] == ["udp://tracker.example:1337/announce", "udp://a.example:1/ann"]


def test_padding_files_of_hybrid_torrents_are_left_out() -> None:
    files: list[object] = [
        {"length": 100, "path": ["a.bin"]},
        {"length": 16284, "path": [".pad", "16284"], "attr": "p"},
        {"length": 7, "path": ["b.txt"], "attr": "x"},
    ]
    info = {**MULTI_INFO, "files": files, "file tree": {}, "meta version": 2}
    parsed = parse_torrent(torrent(info))
    assert [file.path for file in parsed.files] == [("a.bin",), ("b.txt",)]
    assert parsed.total_size == 107
    assert parsed.info_hash == hashlib.sha1(bencode(info), usedforsecurity=False).hexdigest()


def test_utf8_names_win_over_legacy_ones() -> None:
    info = {**SINGLE_INFO, "name.utf-8": "Café.mp4"}
    assert parse_torrent(torrent(info)).name == "Café.mp4"


def test_bdecode_reads_every_type() -> None:
    assert bdecode(b"d1:ai-3e1:bl0:i0eee") == {b"a": -3, b"b": [b"", 0]}


@given(
    st.recursive(
        st.integers(-(2**63), 2**63 - 1) | st.binary(max_size=20),
        lambda inner: st.lists(inner, max_size=4),
        max_leaves=20,
    )
)
def test_bdecode_inverts_the_test_encoder(value: object) -> None:
    assert bdecode(bencode(value)) == value


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"<html>not found</html>", "unexpected byte"),
        (b"PK\x03\x04zipfile", "unexpected byte"),
        (b"i03e", "malformed integer"),
        (b"i-0e", "malformed integer"),
        (b"ie", "malformed integer"),
        (b"i" + b"9" * 30 + b"e", "malformed integer"),
        (b"05:abcde", "string length"),
        (b"10:abc", "runs past the end"),
        (b"d1:ai1e1:ai2ee", "appears twice"),
        (b"di1ei2ee", "not a string"),
        (b"li1e", "ends in the middle"),
        (b"i1ei2e", "unexpected data"),
        (b"le", "not a dictionary"),
        (b"d8:announce3:abce", "no info dictionary"),
    ],
)
def test_what_is_not_bencoded_torrent_data_is_refused_clearly(data: bytes, words: str) -> None:
    with pytest.raises(NotATorrent, match=words):
        parse_torrent(data)


@pytest.mark.parametrize(
    ("info", "words"),
    [
        ({**SINGLE_INFO, "name": ".."}, "unsafe name"),
        ({**SINGLE_INFO, "name": "a/b"}, "unsafe name"),
        ({**MULTI_INFO, "files": [{"length": 1, "path": ["..", "etc"]}]}, "unsafe file path"),
        ({**MULTI_INFO, "files": [{"length": 1, "path": []}]}, "no path"),
        ({**MULTI_INFO, "files": []}, "non-empty list"),
        ({**MULTI_INFO, "files": [{"length": -1, "path": ["a"]}]}, "file length"),
        ({k: v for k, v in SINGLE_INFO.items() if k != "length"}, "neither files nor length"),
        ({k: v for k, v in SINGLE_INFO.items() if k != "pieces"}, "pieces"),
        ({**SINGLE_INFO, "pieces": b"x" * 19}, "pieces"),
        ({**SINGLE_INFO, "piece length": 0}, "piece length"),
        ({**SINGLE_INFO, "name": 5}, "name"),
        ({"name": "v2", "piece length": 16384, "file tree": {}, "meta version": 2}, "v2-only"),
        ({**MULTI_INFO, "files": [{"length": 1, "path": [".pad", "1"], "attr": "p"}]}, "padding"),
    ],
)
def test_a_broken_torrent_is_refused_with_its_reason(info: dict[str, object], words: str) -> None:
    with pytest.raises(NotATorrent, match=words):
        parse_torrent(torrent(info))


def test_deep_nesting_is_refused_without_recursion_errors() -> None:
    for depth in (MAX_DEPTH + 1, 100_000):
        with pytest.raises(NotATorrent, match="nest more than"):
            bdecode(b"l" * depth + b"e" * depth)


def test_an_oversized_upload_is_refused_before_reading() -> None:
    with pytest.raises(TorrentTooLarge):
        parse_torrent(torrent(SINGLE_INFO), max_bytes=50)
    with pytest.raises(TorrentTooLarge):
        bdecode(b"0:", max_bytes=1)


def test_errors_are_value_errors_with_short_messages() -> None:
    with pytest.raises(ValueError, match="not a torrent") as raised:
        parse_torrent(b"x" * 100_000)
    assert len(str(raised.value)) < 200
