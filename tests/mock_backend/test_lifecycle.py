"""Download lifecycle: status is a function of the frozen mock clock, moved with advance()."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offcloud_mock.backend import AccountBackend, MockBackend
from offcloud_mock.backend.clock import MockClock
from offcloud_mock.backend.downloads import PROGRESS_ORDER, STATUSES
from offcloud_mock.backend.errors import BadRequest
from offcloud_mock.backend.scenario import DEFAULT_ERROR_MESSAGE, parse_scenario
from offcloud_mock.http.presenters import LegacyEra

from .world import (
    ALICE_KEY,
    ALICE_REMOTE,
    ALWAYS_FAILS_MESSAGE,
    ALWAYS_FAILS_URL,
    CACHED_PACK_HASH,
    CACHED_SINGLE_HASH,
    FAILS_ONCE_URL,
    FOLDER_URL,
    LEGACY_WIRE,
    SINGLE_URL,
    UNCACHED_PACK_HASH,
    WIRE,
    magnet,
    world_data,
)


def status_at(
    alice: AccountBackend, clock: MockClock, request_id: str, at: float, kind: str = "cloud"
) -> dict[str, object]:
    clock.advance(at - clock.now())
    answer = alice.cloud_status(request_id) if kind == "cloud" else alice.remote_status(request_id)
    return LEGACY_WIRE.status_body(answer)


def test_single_file_cloud_download_goes_through_every_state(alice: AccountBackend, clock: MockClock) -> None:
    request_id = alice.add_cloud(SINGLE_URL).request_id
    expected = [
        (0.0, "created", 0),
        (0.99, "created", 0),
        (1.0, "queued", 0),
        (2.99, "queued", 0),
        (3.0, "downloading", 0),
        (4.0, "downloading", 100),
        (8.5, "downloading", 550),
        (12.99, "downloading", 999),
        (13.0, "downloaded", 1000),
        (1000.0, "downloaded", 1000),
    ]
    for at, status, amount in expected:
        body = status_at(alice, clock, request_id, at)
        assert (body["status"], body["amount"], body["fileSize"]) == (status, amount, 1000), at


def test_downloading_reports_speed_and_time_and_nothing_else_does(
    alice: AccountBackend, clock: MockClock
) -> None:
    request_id = alice.add_cloud(SINGLE_URL).request_id
    assert status_at(alice, clock, request_id, 1.0).keys() == {
        "requestId",
        "fileName",
        "status",
        "amount",
        "fileSize",
        "server",
    }
    body = status_at(alice, clock, request_id, 5.5)
    assert body["downloadingSpeed"] == 100
    assert body["downloadingTime"] == 2500
    assert "isDirectory" not in body
    done = status_at(alice, clock, request_id, 20)
    assert "downloadingSpeed" not in done
    assert "downloadingTime" not in done
    assert done["isDirectory"] is False
    assert done["fileName"] == "report.pdf"


def test_multi_file_cloud_download_is_processing_before_downloaded(
    alice: AccountBackend, clock: MockClock
) -> None:
    request_id = alice.add_cloud(FOLDER_URL).request_id
    assert status_at(alice, clock, request_id, 12.0)["status"] == "downloading"
    processing = status_at(alice, clock, request_id, 13.0)
    assert (processing["status"], processing["amount"]) == ("processing", 1000)
    assert status_at(alice, clock, request_id, 14.99)["status"] == "processing"
    done = status_at(alice, clock, request_id, 15.0)
    assert (done["status"], done["isDirectory"], done["fileName"]) == ("downloaded", True, "My Folder")


def test_remote_download_is_uploading_before_downloaded(alice: AccountBackend, clock: MockClock) -> None:
    request_id = alice.add_remote(SINGLE_URL, ALICE_REMOTE).request_id
    assert status_at(alice, clock, request_id, 12.0, "remote")["status"] == "downloading"
    assert status_at(alice, clock, request_id, 13.0, "remote")["status"] == "uploading"
    assert status_at(alice, clock, request_id, 15.99, "remote")["status"] == "uploading"
    assert status_at(alice, clock, request_id, 16.0, "remote")["status"] == "downloaded"


def test_multi_file_remote_download_is_processing_then_uploading(
    alice: AccountBackend, clock: MockClock
) -> None:
    request_id = alice.add_remote(magnet(UNCACHED_PACK_HASH), ALICE_REMOTE).request_id
    statuses = [status_at(alice, clock, request_id, at, "remote")["status"] for at in (12, 13, 15, 17.99, 18)]
    assert statuses == ["downloading", "processing", "uploading", "uploading", "downloaded"]


def test_failing_attempt_errors_at_half_the_bytes(alice: AccountBackend, clock: MockClock) -> None:
    request_id = alice.add_cloud(FAILS_ONCE_URL).request_id
    before = status_at(alice, clock, request_id, 7.99)
    assert (before["status"], before["amount"]) == ("downloading", 499)
    failed = status_at(alice, clock, request_id, 8.0)
    assert failed == {
        "requestId": request_id,
        "fileName": "fails-once.bin",
        "status": "error",
        "amount": 500,
        "fileSize": 1000,
        "server": failed["server"],
        "errorMessage": DEFAULT_ERROR_MESSAGE,
    }
    assert status_at(alice, clock, request_id, 500)["status"] == "error"


def test_fails_once_resource_succeeds_on_retry(alice: AccountBackend, clock: MockClock) -> None:
    request_id = alice.add_cloud(FAILS_ONCE_URL).request_id
    clock.advance(10)
    assert WIRE.retried(alice.retry_cloud(request_id)) == {
        "success": True,
        "requestId": request_id,
        "status": "created",
    }
    # The new attempt starts from "created" at the moment of the retry (t=10).
    assert status_at(alice, clock, request_id, 10.5)["status"] == "created"
    assert status_at(alice, clock, request_id, 18.5)["amount"] == 550
    assert status_at(alice, clock, request_id, 23.0)["status"] == "downloaded"


def test_always_failing_resource_fails_again_after_retry(alice: AccountBackend, clock: MockClock) -> None:
    request_id = alice.add_remote(ALWAYS_FAILS_URL, ALICE_REMOTE).request_id
    for attempt_start in (0.0, 10.0, 20.0):
        failed = status_at(alice, clock, request_id, attempt_start + 8, "remote")
        assert (failed["status"], failed["errorMessage"]) == ("error", ALWAYS_FAILS_MESSAGE)
        clock.advance(2)
        assert alice.retry_remote(request_id).status == "created"


@pytest.mark.parametrize("at", [0.0, 1.0, 5.0, 20.0])
def test_retry_is_refused_unless_the_download_is_in_error(
    alice: AccountBackend, clock: MockClock, at: float
) -> None:
    request_id = alice.add_cloud(SINGLE_URL).request_id
    clock.advance(at)
    with pytest.raises(BadRequest, match=r"^Only failed downloads can be retried\.$"):
        alice.retry_cloud(request_id)


def test_cached_torrent_is_downloaded_at_once_in_the_cloud(
    backend: MockBackend, alice: AccountBackend
) -> None:
    answer = WIRE.added(alice.add_cloud(magnet(CACHED_PACK_HASH)))
    assert answer["status"] == "downloaded"
    request_id = str(answer["requestId"])
    assert LEGACY_WIRE.status_body(alice.cloud_status(request_id)) == {
        "requestId": request_id,
        "fileName": "Cached Pack",
        "status": "downloaded",
        "amount": 1000,
        "fileSize": 1000,
        "server": backend.find_download(request_id).server,
        "isDirectory": True,
    }


def test_cached_torrent_sent_to_a_remote_account_still_goes_through_the_lifecycle(
    alice: AccountBackend,
) -> None:
    answer = WIRE.added(alice.add_remote(magnet(CACHED_SINGLE_HASH), ALICE_REMOTE))
    assert answer["status"] == "created"


def test_instant_downloads_stay_created(
    backend: MockBackend, alice: AccountBackend, clock: MockClock
) -> None:
    request_id = alice.add_instant(SINGLE_URL).request_id
    clock.advance(1_000_000)
    assert backend.find_download(request_id).status_at(clock.now()).status == "created"
    assert alice.add_instant(SINGLE_URL).status == "created"


@pytest.mark.parametrize(
    ("status", "amount"),
    [
        ("created", 0),
        ("queued", 0),
        ("downloading", 500),
        ("processing", 1000),
        ("uploading", 1000),
        ("downloaded", 1000),
        ("error", 500),
        ("canceled", 0),
    ],
)
def test_forced_status_is_pinned_with_a_consistent_amount(
    backend: MockBackend, alice: AccountBackend, clock: MockClock, status: str, amount: int
) -> None:
    request_id = alice.add_cloud(SINGLE_URL).request_id
    body = LEGACY_WIRE.status_body(backend.force_status(request_id, status))
    assert (body["status"], body["amount"]) == (status, amount)
    clock.advance(1000)
    assert LEGACY_WIRE.status_body(alice.cloud_status(request_id)) == body
    assert ("errorMessage" in body) == (status == "error")
    assert ("downloadingSpeed" in body) == (status == "downloading")


def test_forced_error_can_be_retried_and_the_retry_clears_it(
    backend: MockBackend, alice: AccountBackend, clock: MockClock
) -> None:
    request_id = alice.add_cloud(SINGLE_URL).request_id
    clock.advance(20)
    backend.force_status(request_id, "error")
    alice.retry_cloud(request_id)
    assert status_at(alice, clock, request_id, 33)["status"] == "downloaded"
    assert backend.find_download(request_id).attempt == 2


def test_forced_error_of_cached_content_is_downloaded_again_at_once(
    backend: MockBackend, alice: AccountBackend
) -> None:
    request_id = alice.add_cloud(magnet(CACHED_SINGLE_HASH)).request_id
    backend.force_status(request_id, "error")
    assert alice.retry_cloud(request_id).status == "downloaded"


def test_forcing_an_unknown_status_or_id_is_refused(backend: MockBackend, alice: AccountBackend) -> None:
    request_id = alice.add_cloud(SINGLE_URL).request_id
    with pytest.raises(BadRequest, match="Unknown status 'paused'"):
        backend.force_status(request_id, "paused")
    assert set(STATUSES) == {*PROGRESS_ORDER, "error", "canceled"}


def test_legacy_string_numbers(alice: AccountBackend, clock: MockClock) -> None:
    request_id = alice.add_cloud(SINGLE_URL).request_id
    clock.advance(4.0)
    snapshot = alice.cloud_status(request_id)
    body = LegacyEra(string_numbers=True).status_body(snapshot)
    assert (body["fileSize"], body["downloadingSpeed"], body["amount"]) == ("1000", "100", 100)
    assert LEGACY_WIRE.status_body(snapshot)["fileSize"] == 1000


_RANK = {status: rank for rank, status in enumerate(PROGRESS_ORDER)}
_LINKS = {"single": SINGLE_URL, "folder": FOLDER_URL, "fails": FAILS_ONCE_URL, "always": ALWAYS_FAILS_URL}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(
    link=st.sampled_from(sorted(_LINKS)),
    kind=st.sampled_from(["cloud", "remote"]),
    steps=st.lists(st.floats(min_value=0, max_value=6, allow_nan=False), max_size=25),
)
def test_status_never_goes_backwards_and_amount_stays_in_bounds(
    link: str, kind: str, steps: list[float]
) -> None:
    scenario = parse_scenario(world_data())
    clock = MockClock(scenario.start, frozen=True)
    alice = MockBackend(scenario, clock=clock).account_for_key(ALICE_KEY)
    added = WIRE.added(
        alice.add_cloud(_LINKS[link]) if kind == "cloud" else alice.add_remote(_LINKS[link], ALICE_REMOTE)
    )
    request_id = str(added["requestId"])
    previous_rank, previous_amount, errored = -1, 0, False
    for step in steps:
        clock.advance(step)
        body = (
            LEGACY_WIRE.status_body(alice.cloud_status(request_id))
            if kind == "cloud"
            else LEGACY_WIRE.status_body(alice.remote_status(request_id))
        )
        assert isinstance(body, dict)
        amount, size = body["amount"], body["fileSize"]
        assert isinstance(amount, int)
        assert isinstance(size, int)
        assert previous_amount <= amount <= size
        if errored:
            assert body["status"] == "error"
        elif body["status"] == "error":
            errored = True
        else:
            assert _RANK[str(body["status"])] >= previous_rank
            previous_rank = _RANK[str(body["status"])]
        previous_amount = amount
