"""The backend side of the endpoints beyond the documentation: an account's summary from its
plan and its own downloads, the cache over the fake internet, uploads, and device-login tokens."""

import datetime as dt

import pytest

from offcloud_mock.backend import AccountBackend, MockBackend
from offcloud_mock.backend.clock import MockClock
from offcloud_mock.backend.errors import BadArchive, BadRequest, NoAuth
from offcloud_mock.backend.scenario import AccountLimits, parse_scenario

from .test_torrent_file import MULTI_INFO, SINGLE_INFO, torrent
from .world import (
    ALICE_EMAIL,
    ALICE_KEY,
    BOB_EMAIL,
    BOB_LINK_LIMIT,
    CACHED_PACK_HASH,
    CACHED_SINGLE_HASH,
    FOLDER_URL,
    UNCACHED_PACK_HASH,
    magnet,
    world_data,
)


def test_the_summary_follows_the_plan_and_the_accounts_own_downloads(bob: AccountBackend) -> None:
    summary = bob.account_summary()
    assert (summary.email, summary.is_premium, summary.can_download) == (BOB_EMAIL, False, True)
    assert summary.limits == AccountLimits(links=BOB_LINK_LIMIT)
    for n in range(BOB_LINK_LIMIT):
        bob.add_instant(f"https://x.test.example/{n}.bin")
    after = bob.account_summary()
    assert (after.can_download, after.limits.links) == (False, 0)


def test_premium_lasts_until_its_expiry_day_inclusive() -> None:
    data = world_data()
    data["accounts"][0].update(premium=True, expiration_date="2026-01-02")
    clock = MockClock(parse_scenario(data).start, frozen=True)
    backend = MockBackend(parse_scenario(data), clock=clock)
    alice = backend.account_for_key(ALICE_KEY)
    assert alice.account_summary().expiration_date == dt.date(2026, 1, 2)
    clock.advance(86400 * 2 - 1)  # 2026-01-02 23:59:59
    assert alice.account_summary().is_premium is True
    clock.advance(1)
    assert alice.account_summary().is_premium is False


def test_cache_info_finds_only_cached_torrents(alice: AccountBackend) -> None:
    urls = [magnet(CACHED_PACK_HASH), magnet(UNCACHED_PACK_HASH), CACHED_SINGLE_HASH, FOLDER_URL]
    answers = alice.cache_info(urls, include_files=True)
    assert [answer.cached for answer in answers] == [True, False, False, False]
    files = answers[0].files
    assert files is not None
    assert (files[0].folder, files[0].filename) == (("Cached Pack",), "one.mkv")


def test_cache_refusals_are_bad_requests(alice: AccountBackend) -> None:
    with pytest.raises(BadRequest, match="Not cached"):
        alice.cache_download(magnet(UNCACHED_PACK_HASH))
    with pytest.raises(BadRequest, match="Incorrect url"):
        alice.cache_download(FOLDER_URL)
    with pytest.raises(BadRequest, match="Too many urls"):
        alice.cache_info([magnet(CACHED_PACK_HASH)] * 1001, include_files=False)


def test_detailed_explore_keeps_sub_folders(alice: AccountBackend, backend: MockBackend) -> None:
    request_id = alice.add_cloud(FOLDER_URL).download.request_id
    backend.clock.advance(3600)
    paths = [entry.path for entry in alice.explore_detailed(request_id)]
    assert paths == ["My Folder/a file.txt", "My Folder/b.txt", "My Folder/c (1)/d.txt"]
    single = alice.add_cloud(magnet(CACHED_SINGLE_HASH)).download.request_id
    with pytest.raises(BadArchive):
        alice.explore_detailed(single)


def test_an_upload_is_content_at_its_url_and_keeps_a_cached_torrents_state(alice: AccountBackend) -> None:
    uploaded = alice.upload_torrent(torrent(SINGLE_INFO))
    snapshot = alice.add_cloud(alice.upload_url(uploaded))
    assert (snapshot.download.file_name, snapshot.download.size) == ("big_buck_bunny.mp4", 276134947)
    assert snapshot.progress.status == "created"  # not a cached torrent
    multi = alice.upload_torrent(torrent(MULTI_INFO))
    assert multi.is_directory
    with pytest.raises(BadRequest, match=r"The file is not a valid torrent\."):
        alice.upload_torrent(b"PK\x03\x04 a zip file")


def test_a_granted_token_is_the_approving_accounts_key(backend: MockBackend) -> None:
    authorization = backend.request_device_code()
    assert backend.device_codes() == [authorization.user_code]
    backend.approve_device(authorization.user_code, ALICE_EMAIL.upper())
    result = backend.poll_device_token(authorization.device_code)
    assert result.grant is not None
    assert backend.account_for_key(result.grant.access_token).email == ALICE_EMAIL
    assert result.grant.access_token not in repr(result)  # the token never shows in a repr
    backend.reset()
    with pytest.raises(NoAuth):
        backend.account_for_key(result.grant.access_token)


def test_device_codes_replay_with_the_seed() -> None:
    codes = [
        MockBackend(parse_scenario(world_data()), seed=3).request_device_code().user_code for _ in range(2)
    ]
    assert codes[0] == codes[1]
