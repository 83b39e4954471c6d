"""Adding downloads: answer shapes, add-on refusals and their order, the link limit, deduplication."""

import pytest

from offcloud_mock.backend import AccountBackend, MockBackend
from offcloud_mock.backend.clock import MockClock
from offcloud_mock.backend.errors import BadRequest, NotAvailable

from .world import (
    ALICE_REMOTE,
    BOB_LINK_LIMIT,
    BOB_REMOTE,
    CACHED_PACK_HASH,
    FOLDER_URL,
    PREMIUM_URL,
    SINGLE_URL,
    VIDEO_URL,
    WIRE,
    magnet,
)


def refusal(add: object, *args: str) -> str:
    """The add-on named by a NotAvailable refusal of add(*args)."""
    assert callable(add)
    with pytest.raises(NotAvailable) as refused:
        add(*args)
    assert WIRE.error_body(refused.value) == {"not_available": refused.value.addon}
    assert WIRE.error_status(refused.value) == 200
    return refused.value.addon


def test_instant_answer(backend: MockBackend, alice: AccountBackend) -> None:
    answer = WIRE.added(alice.add_instant("https://files.test.example/My%20Notes.txt"))
    request_id = str(answer["requestId"])
    server = backend.find_download(request_id).server
    assert answer == {
        "requestId": request_id,
        "fileName": "My Notes.txt",
        "url": f"https://{server}.offcloud.com/instant/download/{request_id}/My%20Notes.txt",
        "site": "Test",  # the registrable name of files.test.example
        "status": "created",
        "originalLink": "https://files.test.example/My%20Notes.txt",
        "createdOn": "2026-01-01T00:00:00.000Z",
    }
    assert list(answer) == ["requestId", "fileName", "url", "site", "status", "originalLink", "createdOn"]
    assert len(request_id) == 24
    assert all(c in "0123456789abcdef" for c in request_id)


def test_cloud_answer_has_a_link_without_the_file_name(
    backend: MockBackend, alice: AccountBackend, clock: MockClock
) -> None:
    clock.advance(3.25)
    answer = WIRE.added(alice.add_cloud(SINGLE_URL))
    request_id = str(answer["requestId"])
    server = backend.find_download(request_id).server
    assert answer == {
        "requestId": request_id,
        "fileName": "report.pdf",
        "site": "Files",
        "status": "created",
        "originalLink": SINGLE_URL,
        "url": f"https://{server}.offcloud.com/cloud/download/{request_id}",
        "createdOn": "2026-01-01T00:00:03.250Z",
    }


def test_remote_answer_has_no_link(alice: AccountBackend) -> None:
    answer = WIRE.added(
        alice.add_remote(magnet(CACHED_PACK_HASH, "whatever"), ALICE_REMOTE, folder_id="folder-9")
    )
    assert list(answer) == ["requestId", "fileName", "site", "status", "originalLink", "createdOn"]
    assert (answer["fileName"], answer["site"], answer["status"]) == ("Cached Pack", "BitTorrent", "created")


def test_remote_download_keeps_its_target(backend: MockBackend, alice: AccountBackend) -> None:
    request_id = alice.add_remote(SINGLE_URL, ALICE_REMOTE, folder_id="folder-9").request_id
    download = backend.find_download(request_id)
    assert (download.remote_option_id, download.folder_id, download.kind) == (
        ALICE_REMOTE,
        "folder-9",
        "remote",
    )


def test_unknown_remote_option_is_refused(alice: AccountBackend) -> None:
    with pytest.raises(BadRequest, match=r"^Unknown remoteOptionId$"):
        alice.add_remote(SINGLE_URL, "nope")
    # Another account's remote is just as unknown.
    with pytest.raises(BadRequest, match=r"^Unknown remoteOptionId$"):
        alice.add_remote(SINGLE_URL, BOB_REMOTE)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "not a url",
        "ftp://files.test.example/a.bin",
        "https://",
        "magnet:?dn=no-hash",
        "magnet:?xt=urn:btih:1234",
        "magnet:?xt=urn:btih:" + "g" * 40,
        "a" * 40,
    ],
)
def test_incorrect_urls_are_refused_for_every_kind(alice: AccountBackend, url: str) -> None:
    for add in (alice.add_instant, alice.add_cloud, lambda link: alice.add_remote(link, ALICE_REMOTE)):
        with pytest.raises(BadRequest, match=r"^Incorrect url$"):
            add(url)


def test_premium_content_needs_the_premium_addon(bob: AccountBackend) -> None:
    assert refusal(bob.add_instant, PREMIUM_URL) == "premium"
    assert refusal(bob.add_remote, PREMIUM_URL, BOB_REMOTE) == "premium"


def test_video_content_needs_the_video_addon(bob: AccountBackend) -> None:
    assert refusal(bob.add_instant, VIDEO_URL) == "video"


def test_instant_through_a_proxy_needs_the_proxy_addon(bob: AccountBackend, alice: AccountBackend) -> None:
    assert refusal(bob.add_instant, SINGLE_URL, "fr-1") == "proxy"
    # Clients send an empty proxyId when they mean none.
    assert bob.add_instant(SINGLE_URL, "").status == "created"
    assert alice.add_instant(FOLDER_URL, "fr-1").status == "created"


def test_cloud_needs_the_cloud_addon_but_remote_does_not(bob: AccountBackend) -> None:
    assert refusal(bob.add_cloud, SINGLE_URL) == "cloud"
    assert bob.add_remote(SINGLE_URL, BOB_REMOTE).status == "created"


def test_the_content_refusals_come_before_proxy_links_and_cloud(bob: AccountBackend) -> None:
    assert refusal(bob.add_cloud, PREMIUM_URL) == "premium"
    assert refusal(bob.add_cloud, VIDEO_URL) == "video"
    assert refusal(bob.add_instant, VIDEO_URL, "fr-1") == "video"
    for number in range(BOB_LINK_LIMIT):
        bob.add_instant(f"https://files.test.example/{number}.bin")
    assert refusal(bob.add_instant, SINGLE_URL, "fr-1") == "proxy"
    assert refusal(bob.add_cloud, SINGLE_URL) == "links"


def test_link_limit_counts_new_downloads_of_every_kind(bob: AccountBackend) -> None:
    first = WIRE.added(bob.add_instant(SINGLE_URL))
    bob.add_remote(SINGLE_URL, BOB_REMOTE)
    bob.add_instant(FOLDER_URL)
    assert refusal(bob.add_instant, "https://files.test.example/fourth.bin") == "links"
    assert refusal(bob.add_remote, "https://files.test.example/fourth.bin", BOB_REMOTE) == "links"
    # Content the account already has is answered again, never refused.
    assert WIRE.added(bob.add_instant(SINGLE_URL)) == first


def test_refused_adds_do_not_count_against_the_limit(bob: AccountBackend) -> None:
    for _ in range(5):
        refusal(bob.add_instant, PREMIUM_URL)
    for number in range(BOB_LINK_LIMIT):
        bob.add_instant(f"https://files.test.example/{number}.bin")


def test_links_addon_lifts_the_limit(alice: AccountBackend) -> None:
    assert "links" in alice.addons
    answers = [alice.add_instant(f"https://files.test.example/{number}.bin") for number in range(150)]
    # Every add is a new download (a refusal would be NotAvailable, raised), well past any link limit.
    assert len({answer.request_id for answer in answers}) == 150


def test_same_url_again_gives_the_same_download(
    backend: MockBackend, alice: AccountBackend, clock: MockClock
) -> None:
    first = WIRE.added(alice.add_cloud(SINGLE_URL))
    clock.advance(20)
    again = WIRE.added(alice.add_cloud(SINGLE_URL))
    assert again["requestId"] == first["requestId"]
    assert again["createdOn"] == first["createdOn"]
    assert again["status"] == "downloaded"  # the answer tells where the existing download is now
    assert backend.download_count() == 1


def test_magnets_of_the_same_hash_are_the_same_download_whatever_the_case(
    backend: MockBackend, alice: AccountBackend
) -> None:
    first = WIRE.added(alice.add_cloud(magnet(CACHED_PACK_HASH, "one name")))
    second = WIRE.added(alice.add_cloud(magnet(CACHED_PACK_HASH.upper(), "another+name")))
    third = WIRE.added(alice.add_cloud(f"  magnet:?dn=x&xt=urn:btih:{CACHED_PACK_HASH}&tr=udp://tracker  "))
    assert first["requestId"] == second["requestId"] == third["requestId"]
    assert backend.download_count() == 1


def test_each_kind_has_its_own_downloads(backend: MockBackend, alice: AccountBackend) -> None:
    ids = {
        alice.add_instant(SINGLE_URL).request_id,
        alice.add_cloud(SINGLE_URL).request_id,
        alice.add_remote(SINGLE_URL, ALICE_REMOTE).request_id,
    }
    assert len(ids) == 3
    assert backend.download_count() == 3


def test_each_account_has_its_own_downloads(alice: AccountBackend, bob: AccountBackend) -> None:
    assert alice.add_instant(SINGLE_URL).request_id != bob.add_instant(SINGLE_URL).request_id


def test_at_most_100_remote_downloads_in_progress(alice: AccountBackend, clock: MockClock) -> None:
    for number in range(100):
        alice.add_remote(f"https://files.test.example/{number}.bin", ALICE_REMOTE)
    with pytest.raises(BadRequest, match=r"^You have more than 100 remote downloads in progress\.$"):
        alice.add_remote("https://files.test.example/one-more.bin", ALICE_REMOTE)
    # Cloud downloads are not limited, and re-adding an existing remote download is still answered.
    alice.add_cloud("https://files.test.example/one-more.bin")
    alice.add_remote("https://files.test.example/0.bin", ALICE_REMOTE)
    # Invented files are up to 2 GB at 100 bytes/s: far enough in the future, all are done.
    clock.advance(1e8)
    assert alice.add_remote("https://files.test.example/one-more.bin", ALICE_REMOTE).status == "created"
