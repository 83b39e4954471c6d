"""The 2026 cache answers and detailed explore entries, over a small in-memory cache."""

import base64
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offcloud_mock.backend.cache_info import (
    MAX_INPUT_CHARS,
    MAX_URLS,
    CacheAnswer,
    DetailedEntry,
    DirectLink,
    FileEntry,
    NotAMagnet,
    NotCached,
    TooLarge,
    cache_download,
    cache_info,
    detailed_entries,
    info_hash_of_magnet,
)
from offcloud_mock.backend.torrent_file import Torrent, TorrentFile

FOLDER_HASH = "dd8255ecdc7ca55fb0bbf81323d87062db1f6d1c"
SINGLE_HASH = "08ada5a7a6183aae1e09d831df6748d566095a10"
UNCACHED_HASH = "c9e15763f722f23e98a29decdfae341b98d53056"


@dataclass(frozen=True)
class File:
    path: tuple[str, ...]
    size: int


@dataclass(frozen=True)
class Content:
    name: str
    is_directory: bool
    files: tuple[File, ...]


FOLDER = Content(
    "Big Buck Bunny",
    True,
    (File(("Big Buck Bunny.mp4",), 276134947), File(("extras", "poster.jpg"), 310380)),
)
SINGLE = Content("Sintel.mkv", False, (File(("Sintel.mkv",), 129241752),))
CACHE = {FOLDER_HASH: FOLDER, SINGLE_HASH: SINGLE}


def lookup(info_hash: str) -> Content | None:
    return CACHE.get(info_hash)


def link(key: str, index: int, path: tuple[str, ...]) -> str:
    return f"https://cdn.test/{key}/{index}/" + "/".join(path)


def magnet(info_hash: str, extra: str = "&dn=x&tr=udp%3A%2F%2Ft.example%3A1") -> str:
    return f"magnet:?xt=urn:btih:{info_hash}{extra}"


def base32(info_hash: str) -> str:
    return base64.b32encode(bytes.fromhex(info_hash)).decode()


@pytest.mark.parametrize(
    "link_text",
    [
        magnet(FOLDER_HASH),
        magnet(FOLDER_HASH.upper()),
        f"MAGNET:?XT=URN:BTIH:{FOLDER_HASH.upper()}",
        magnet(base32(FOLDER_HASH)),
        magnet(base32(FOLDER_HASH).lower()),
        f"  magnet:?dn=first&xt=urn:btih:{FOLDER_HASH}  ",
        f"magnet:?xt.1=urn:btmh:1220{'ab' * 32}&xt.2=urn:btih:{FOLDER_HASH}",
    ],
)
def test_magnets_give_their_hash_in_every_form(link_text: str) -> None:
    assert info_hash_of_magnet(link_text) == FOLDER_HASH


@pytest.mark.parametrize(
    "link_text",
    [
        FOLDER_HASH,  # bare hashes are not magnets
        "",
        "https://example.com/file.torrent",
        "magnet:?dn=no-topic",
        magnet(FOLDER_HASH[:-1]),
        magnet(FOLDER_HASH + "0"),
        magnet(base32(FOLDER_HASH)[:-1]),
        magnet("z" * 40),
        "magnet:?xt=urn:sha1:" + FOLDER_HASH,
        magnet(FOLDER_HASH, "&" + "a" * MAX_INPUT_CHARS),
    ],
)
def test_what_is_no_btih_magnet_gives_no_hash(link_text: str) -> None:
    assert info_hash_of_magnet(link_text) is None


def test_cache_info_answers_in_input_order_with_files() -> None:
    answers = cache_info(
        [magnet(SINGLE_HASH), magnet(UNCACHED_HASH), magnet(FOLDER_HASH)], lookup, include_files=True
    )
    assert answers == [
        CacheAnswer(True, (FileEntry((), "Sintel.mkv", 129241752),)),
        CacheAnswer(False, ()),
        CacheAnswer(
            True,
            (
                FileEntry(("Big Buck Bunny",), "Big Buck Bunny.mp4", 276134947),
                FileEntry(("Big Buck Bunny", "extras"), "poster.jpg", 310380),
            ),
        ),
    ]


def test_cache_info_without_files_leaves_them_out() -> None:
    answers = cache_info([magnet(FOLDER_HASH), magnet(UNCACHED_HASH)], lookup, include_files=False)
    assert answers == [CacheAnswer(True, None), CacheAnswer(False, None)]


def test_bare_hashes_and_other_links_are_not_cached_even_when_the_content_is() -> None:
    seen: list[str] = []

    def spying_lookup(info_hash: str) -> Content | None:
        seen.append(info_hash)
        return lookup(info_hash)

    inputs = [FOLDER_HASH, FOLDER_HASH.upper(), "https://example.com/a.torrent", "garbage", ""]
    answers = cache_info(inputs, spying_lookup, include_files=True)
    assert answers == [CacheAnswer(False, ())] * len(inputs)
    assert seen == []


def test_duplicates_are_answered_at_each_position() -> None:
    inputs = [magnet(FOLDER_HASH), magnet(UNCACHED_HASH), magnet(FOLDER_HASH.upper())]
    answers = cache_info(inputs, lookup, include_files=False)
    assert [answer.cached for answer in answers] == [True, False, True]


def test_an_empty_list_gets_an_empty_answer() -> None:
    assert cache_info([], lookup, include_files=True) == []


def test_the_batch_limit_is_exact() -> None:
    assert len(cache_info([magnet(UNCACHED_HASH)] * MAX_URLS, lookup, include_files=False)) == MAX_URLS
    with pytest.raises(TooLarge, match="Too many urls"):
        cache_info([magnet(UNCACHED_HASH)] * (MAX_URLS + 1), lookup, include_files=False)


def test_an_oversized_input_is_refused_with_its_position() -> None:
    with pytest.raises(TooLarge, match="position 1"):
        cache_info(["x", "y" * (MAX_INPUT_CHARS + 1)], lookup, include_files=False)


def test_a_torrent_parsed_from_an_upload_is_content_too() -> None:
    torrent = Torrent(
        name="Album",
        files=(TorrentFile(("cd1", "01.flac"), 10), TorrentFile(("cover.jpg",), 2)),
        is_directory=True,
        total_size=12,
        info_hash=UNCACHED_HASH,
        trackers=(),
    )
    answers = cache_info([magnet(UNCACHED_HASH)], {UNCACHED_HASH: torrent}.get, include_files=True)
    assert answers[0].files == (
        FileEntry(("Album", "cd1"), "01.flac", 10),
        FileEntry(("Album",), "cover.jpg", 2),
    )


def test_cache_download_gives_a_direct_link_per_file() -> None:
    assert cache_download(magnet(FOLDER_HASH.upper()), lookup, link) == [
        DirectLink(
            ("Big Buck Bunny",),
            "Big Buck Bunny.mp4",
            276134947,
            f"https://cdn.test/{FOLDER_HASH}/0/Big Buck Bunny/Big Buck Bunny.mp4",
        ),
        DirectLink(
            ("Big Buck Bunny", "extras"),
            "poster.jpg",
            310380,
            f"https://cdn.test/{FOLDER_HASH}/1/Big Buck Bunny/extras/poster.jpg",
        ),
    ]
    assert cache_download(magnet(SINGLE_HASH), lookup, link) == [
        DirectLink((), "Sintel.mkv", 129241752, f"https://cdn.test/{SINGLE_HASH}/0/Sintel.mkv")
    ]


@pytest.mark.parametrize(
    ("url", "error", "words"),
    [
        (magnet(UNCACHED_HASH), NotCached, "not available"),
        (FOLDER_HASH, NotAMagnet, "Incorrect url"),
        ("https://example.com/x", NotAMagnet, "Incorrect url"),
        ("m" * (MAX_INPUT_CHARS + 1), TooLarge, "longer than"),
    ],
)
def test_cache_download_refuses_what_it_cannot_serve(url: str, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        cache_download(url, lookup, link)


def test_detailed_entries_start_their_path_with_the_root_folder() -> None:
    request_id = "53f89e52822c8bf413000008"
    assert detailed_entries(request_id, FOLDER, link) == [
        DetailedEntry(
            id=f"{request_id}-0",
            name="Big Buck Bunny.mp4",
            size=276134947,
            path="Big Buck Bunny/Big Buck Bunny.mp4",
            url=f"https://cdn.test/{request_id}/0/Big Buck Bunny/Big Buck Bunny.mp4",
        ),
        DetailedEntry(
            id=f"{request_id}-1",
            name="poster.jpg",
            size=310380,
            path="Big Buck Bunny/extras/poster.jpg",
            url=f"https://cdn.test/{request_id}/1/Big Buck Bunny/extras/poster.jpg",
        ),
    ]


def test_detailed_entries_of_a_single_file_name_just_the_file() -> None:
    [entry] = detailed_entries("r1", SINGLE, link)
    assert (entry.name, entry.path, entry.size) == ("Sintel.mkv", "Sintel.mkv", 129241752)


def test_detailed_entries_of_empty_content_are_empty() -> None:
    assert detailed_entries("r1", Content("empty", True, ()), link) == []


POOL = [
    magnet(FOLDER_HASH),
    magnet(SINGLE_HASH),
    magnet(UNCACHED_HASH),
    FOLDER_HASH,
    "x",
    magnet(base32(SINGLE_HASH)),
]


@given(st.lists(st.sampled_from(POOL), max_size=50), st.booleans())
def test_each_answer_is_the_answer_to_its_input_alone(inputs: list[str], include_files: bool) -> None:
    answers = cache_info(inputs, lookup, include_files=include_files)
    assert answers == [cache_info([item], lookup, include_files=include_files)[0] for item in inputs]
