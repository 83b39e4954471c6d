"""The fake internet: scenario resources, and invented content for any other link."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offcloud_mock.backend.errors import BadRequest
from offcloud_mock.backend.fake_internet import FakeInternet, link_key, site_name
from offcloud_mock.backend.scenario import parse_scenario

from .world import CACHED_PACK_HASH, FOLDER_URL, SINGLE_URL, UNCACHED_PACK_HASH, magnet, world_data


@pytest.fixture
def internet() -> FakeInternet:
    return FakeInternet(parse_scenario(world_data()).resources)


def test_scenario_resources_resolve_with_their_details(internet: FakeInternet) -> None:
    folder = internet.resolve(FOLDER_URL)
    assert (folder.name, folder.site, folder.size, folder.is_multi_file) == ("My Folder", "Test", 1000, True)
    single = internet.resolve(SINGLE_URL)
    assert (single.name, single.site, single.is_multi_file) == ("report.pdf", "Files", False)
    pack = internet.resolve(magnet(UNCACHED_PACK_HASH, "ignored name"))
    assert (pack.name, pack.site, pack.cached, len(pack.files)) == ("Slow Pack", "BitTorrent", False, 3)


def test_unknown_url_gets_a_name_from_its_path_and_a_stable_size(internet: FakeInternet) -> None:
    content = internet.resolve("https://downloads.example.com/isos/My%20Disk.iso?token=1")
    assert (content.name, content.site, content.kind, content.fails, content.cached) == (
        "My Disk.iso",
        "Example",
        "normal",
        0,
        False,
    )
    assert 1_000_000 <= content.size <= 2_000_000_000
    other_internet = FakeInternet(())
    assert other_internet.resolve("https://downloads.example.com/isos/My%20Disk.iso?token=1") == content


def test_unknown_url_without_a_file_name_is_named_after_its_host(internet: FakeInternet) -> None:
    assert internet.resolve("http://www.cnn.com").name == "www.cnn.com.bin"
    assert internet.resolve("http://www.cnn.com/").name == "www.cnn.com.bin"


def test_unknown_magnet_is_named_by_dn_or_by_hash(internet: FakeInternet) -> None:
    named = internet.resolve(magnet("12" * 20, "Some+Movie%20(2020)"))
    assert (named.name, named.site, len(named.files)) == ("Some Movie (2020)", "BitTorrent", 1)
    assert internet.resolve(f"magnet:?xt=urn:btih:{'34' * 20}").name == "34" * 20


def test_cached_torrents(internet: FakeInternet) -> None:
    assert internet.is_cached(CACHED_PACK_HASH.upper())
    assert not internet.is_cached(UNCACHED_PACK_HASH)
    assert not internet.is_cached("00" * 20)


@pytest.mark.parametrize(
    ("host", "site"),
    [
        ("files.example.com", "Example"),
        ("example.com", "Example"),
        ("localhost", "Localhost"),
        ("10.0.0.1", "10.0.0.1"),
    ],
)
def test_site_names(host: str, site: str) -> None:
    assert site_name(host) == site


def test_link_identity() -> None:
    assert link_key(magnet(CACHED_PACK_HASH.upper())) == link_key(f"MAGNET:?xt=urn:btih:{CACHED_PACK_HASH}")
    assert link_key(f" {SINGLE_URL} ") == SINGLE_URL
    assert link_key(SINGLE_URL) != link_key(SINGLE_URL + "?v=2")
    with pytest.raises(BadRequest):
        link_key("magnet:?xt=urn:sha1:" + "a" * 40)


@given(st.text(alphabet="abcdefghij/.-_%20", max_size=30))
def test_invented_content_depends_on_the_link_alone(path: str) -> None:
    url = f"https://site.example.net/{path}"
    first, second = FakeInternet(()).resolve(url), FakeInternet(()).resolve(url)
    assert first == second
    assert first.name
    assert 1_000_000 <= first.size <= 2_000_000_000
