"""Reading downloads back: status, explore, list, retry, cache; and isolation between accounts."""

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offcloud_mock.backend import AccountBackend, MockBackend
from offcloud_mock.backend.clock import MockClock
from offcloud_mock.backend.errors import BadArchive, BadRequest, NotFound

from .world import (
    ALICE_REMOTE,
    CACHED_PACK_HASH,
    CACHED_SINGLE_HASH,
    FOLDER_URL,
    LEGACY_WIRE,
    SINGLE_URL,
    UNCACHED_PACK_HASH,
    WIRE,
    magnet,
)


def operations(account: AccountBackend) -> dict[str, Callable[[str], object]]:
    return {
        "cloud_status": account.cloud_status,
        "remote_status": account.remote_status,
        "explore": account.explore,
        "list_links": account.list_links,
        "retry_cloud": account.retry_cloud,
        "retry_remote": account.retry_remote,
    }


def test_another_accounts_ids_are_not_found_exactly_like_random_ones(
    backend: MockBackend, alice: AccountBackend, bob: AccountBackend, clock: MockClock
) -> None:
    cloud_id = alice.add_cloud(magnet(CACHED_PACK_HASH)).request_id
    remote_id = alice.add_remote(SINGLE_URL, ALICE_REMOTE).request_id
    backend.force_status(remote_id, "error")
    clock.advance(100)
    for name, operation in operations(bob).items():
        for request_id in (cloud_id, remote_id, "0" * 24):
            with pytest.raises(NotFound) as missing:
                operation(request_id)
            assert WIRE.error_body(missing.value) == {"error": "Request not found"}, name
            assert WIRE.error_status(missing.value) == 404


def test_status_and_retry_only_see_their_own_kind(backend: MockBackend, alice: AccountBackend) -> None:
    cloud_id = alice.add_cloud(SINGLE_URL).request_id
    remote_id = alice.add_remote(SINGLE_URL, ALICE_REMOTE).request_id
    instant_id = alice.add_instant(SINGLE_URL).request_id
    for request_id in (cloud_id, remote_id):
        backend.force_status(request_id, "error")
    alice.cloud_status(cloud_id)
    alice.remote_status(remote_id)
    calls: list[tuple[Callable[[str], object], str]] = [
        (alice.cloud_status, remote_id),
        (alice.cloud_status, instant_id),
        (alice.remote_status, cloud_id),
        (alice.retry_cloud, remote_id),
        (alice.retry_remote, cloud_id),
        (alice.explore, remote_id),
        (alice.list_links, instant_id),
    ]
    for operation, request_id in calls:
        with pytest.raises(NotFound):
            operation(request_id)


def test_explore_lists_indexed_and_encoded_file_links(backend: MockBackend, alice: AccountBackend) -> None:
    request_id = alice.add_cloud(magnet(CACHED_PACK_HASH)).request_id
    base = f"https://{backend.find_download(request_id).server}.offcloud.com/cloud/download/{request_id}"
    assert alice.explore(request_id) == [f"{base}/0/one.mkv", f"{base}/1/two.mkv", f"{base}/2/three.srt"]


def test_explore_encodes_spaces_and_parentheses(alice: AccountBackend, clock: MockClock) -> None:
    request_id = alice.add_cloud(FOLDER_URL).request_id
    clock.advance(15)
    links = alice.explore(request_id)
    assert [link.split(request_id, 1)[1] for link in links] == [
        "/0/a%20file.txt",
        "/1/b.txt",
        "/2/c%20%281%29/d.txt",
    ]


def test_list_has_one_link_per_line_and_a_trailing_newline(alice: AccountBackend) -> None:
    request_id = alice.add_cloud(magnet(CACHED_PACK_HASH)).request_id
    text = WIRE.link_list(alice.list_links(request_id))
    assert text.endswith("\n")
    assert text.splitlines() == alice.explore(request_id)


def test_single_file_is_a_bad_archive_but_has_a_list(backend: MockBackend, alice: AccountBackend) -> None:
    request_id = alice.add_cloud(magnet(CACHED_SINGLE_HASH)).request_id
    with pytest.raises(BadArchive) as refused:
        alice.explore(request_id)
    assert WIRE.error_body(refused.value) == {"error": "Bad archive"}
    server = backend.find_download(request_id).server
    expected = f"https://{server}.offcloud.com/cloud/download/{request_id}/Single%20Movie.mkv\n"
    assert WIRE.link_list(alice.list_links(request_id)) == expected


@pytest.mark.parametrize("at", [0.0, 5.0, 13.0, 14.99])
def test_explore_and_list_wait_for_the_download(alice: AccountBackend, clock: MockClock, at: float) -> None:
    request_id = alice.add_cloud(magnet(UNCACHED_PACK_HASH)).request_id
    clock.advance(at)
    for read in (alice.explore, alice.list_links):
        with pytest.raises(BadRequest, match=r"^File is not downloaded yet\.$"):
            read(request_id)
    clock.advance(15 - at)
    assert len(alice.explore(request_id)) == 3


def test_cache_answers_only_cached_hashes_in_input_order_and_spelling(alice: AccountBackend) -> None:
    hashes = [
        UNCACHED_PACK_HASH,
        CACHED_SINGLE_HASH.upper(),
        "dd" * 20,
        CACHED_PACK_HASH,
        CACHED_SINGLE_HASH,
        "junk",
    ]
    assert alice.check_cache(hashes) == [CACHED_SINGLE_HASH.upper(), CACHED_PACK_HASH]
    assert WIRE.cached(alice.check_cache([])) == {"cachedItems": []}


_hashes = st.lists(
    st.sampled_from([CACHED_PACK_HASH, CACHED_SINGLE_HASH, UNCACHED_PACK_HASH, "ee" * 20]).flatmap(
        lambda value: st.sampled_from([value, value.upper()])
    ),
    max_size=12,
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hashes=_hashes)
def test_cache_answer_is_an_ordered_duplicate_free_subset(alice: AccountBackend, hashes: list[str]) -> None:
    cached = alice.check_cache(hashes)
    assert isinstance(cached, list)
    assert {item.lower() for item in cached} == {h.lower() for h in hashes} & {
        CACHED_PACK_HASH,
        CACHED_SINGLE_HASH,
    }
    assert len({item.lower() for item in cached}) == len(cached)
    positions = [hashes.index(item) for item in cached]
    assert positions == sorted(positions)


def test_proxies_and_remote_accounts_and_api_key(alice: AccountBackend, bob: AccountBackend) -> None:
    assert WIRE.proxies(alice.list_proxies()) == {
        "list": [{"id": "fr-1", "name": "Main server (France)", "region": "EU"}]
    }
    assert WIRE.remote_accounts(alice.remote_accounts()) == {
        "data": [
            {
                "accountId": "alice-account-1",
                "remoteOptionId": ALICE_REMOTE,
                "type": "FTP",
                "username": "alice",
                "path": "/in",
                "host": "ftp.test.example",
                "port": 21,
                "status": "active",
                "usage": 12345,
            }
        ]
    }
    assert WIRE.remote_accounts(bob.remote_accounts())["data"] == [
        {
            "accountId": "bob-account-1",
            "remoteOptionId": "bob-remote-1",
            "type": "WebDAV",
            "username": "",
            "path": "",
            "host": "",
            "port": 0,
            "status": "active",
            "usage": 0,
        }
    ]
    # getApiKey is the legacy server's (the 2026 server has no key route).
    assert LEGACY_WIRE.api_key(bob.email, bob.api_key) == {"email": "bob@test.example", "apiKey": "bob-key"}
