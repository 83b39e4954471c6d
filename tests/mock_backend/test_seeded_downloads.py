"""Downloads a scenario's accounts start with: the format, its errors, and how the backend serves them."""

import re
from datetime import UTC, datetime
from typing import Any

import pytest

from offcloud_mock.backend import MockBackend
from offcloud_mock.backend.clock import MockClock
from offcloud_mock.backend.demo import DEMO_SCENARIO_PATH
from offcloud_mock.backend.errors import NotAvailable, NotFound, ScenarioError
from offcloud_mock.backend.scenario import Scenario, parse_scenario
from offcloud_mock.backend.scenario_yaml import load_scenario_yaml

from .world import (
    ALICE_KEY,
    ALICE_REMOTE,
    BOB_KEY,
    CACHED_PACK_HASH,
    FOLDER_FILES,
    FOLDER_URL,
    SINGLE_URL,
    UNCACHED_PACK_HASH,
    world_data,
)

DONE_ID = "a0" * 12
FAILED_ID = "a1" * 12
QUEUED_ID = "a2" * 12
REMOTE_ID = "a3" * 12
BOB_ID = "b0" * 12
UNKNOWN_URL = "https://elsewhere.test.example/song.mp3"


def seeded_data() -> dict[str, Any]:
    data = world_data()
    data["accounts"][0]["downloads"] = [
        {
            "requestId": DONE_ID,
            "kind": "cloud",
            "url": FOLDER_URL,
            "fileName": "Holiday pictures",
            "status": "downloaded",
            "createdOn": "2025-12-31T10:00:00Z",
        },
        {
            "requestId": FAILED_ID,
            "kind": "cloud",
            "url": SINGLE_URL,
            "status": "error",
            "errorMessage": "Host refused the file.",
            "createdOn": "2025-12-31T11:00:00.250Z",
        },
        {"requestId": QUEUED_ID, "kind": "cloud", "info_hash": UNCACHED_PACK_HASH, "status": "queued"},
        {
            "requestId": REMOTE_ID,
            "kind": "remote",
            "url": UNKNOWN_URL,
            "status": "uploading",
            "remoteOptionId": ALICE_REMOTE,
            "createdOn": "2025-12-30T00:00:00Z",
        },
    ]
    data["accounts"][1]["downloads"] = [
        {"requestId": BOB_ID, "kind": "instant", "url": SINGLE_URL, "status": "created"},
        {"requestId": "b1" * 12, "kind": "instant", "url": UNKNOWN_URL, "status": "created"},
    ]
    return data


def seeded_backend(data: dict[str, Any] | None = None, seed: int = 7) -> MockBackend:
    scenario = parse_scenario(data if data is not None else seeded_data())
    return MockBackend(scenario, seed=seed, clock=MockClock(scenario.start, frozen=True))


def test_the_format_is_read_with_defaults() -> None:
    scenario: Scenario = parse_scenario(seeded_data())
    done, failed, queued, remote = scenario.accounts[0].downloads
    assert done.created_on == datetime(2025, 12, 31, 10, tzinfo=UTC)
    assert (done.kind, done.link, done.file_name) == ("cloud", FOLDER_URL, "Holiday pictures")
    assert failed.error_message == "Host refused the file."
    assert queued.created_on == scenario.start  # by default created at the start
    assert queued.link == f"magnet:?xt=urn:btih:{UNCACHED_PACK_HASH}"
    assert queued.content_key == f"btih:{UNCACHED_PACK_HASH}"
    assert remote.remote_option_id == ALICE_REMOTE


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("requestId", "A0" * 12, "accounts[0].downloads[0].requestId: 'A0A0"),
        ("requestId", None, "accounts[0].downloads[0].requestId: required field is missing"),
        ("kind", "later", "accounts[0].downloads[0].kind: 'later' is not one of instant, cloud, remote"),
        ("status", "uploading", "accounts[0].downloads[0].status: 'uploading' is not one of created"),
        ("status", None, "accounts[0].downloads[0].status: required field is missing"),
        ("errorMessage", "no", "accounts[0].downloads[0].errorMessage: only a download with status error"),
        ("url", "ftp://x.example/a", "accounts[0].downloads[0].url: 'ftp://x.example/a' is not an http(s)"),
        ("url", "magnet:?dn=x", "accounts[0].downloads[0].url: 'magnet:?dn=x' is a magnet link without"),
        ("info_hash", "aa", "accounts[0].downloads[0]: give exactly one of 'url'"),
        ("createdOn", "yesterday", "accounts[0].downloads[0].createdOn: 'yesterday' is not an ISO-8601"),
        ("createdOn", "2026-01-02T00:00:00Z", "accounts[0].downloads[0].createdOn: must be from 1970 to"),
        ("remoteOptionId", ALICE_REMOTE, "accounts[0].downloads[0].remoteOptionId: only remote downloads"),
        ("surprise", 1, "accounts[0].downloads[0].surprise: unknown key"),
    ],
)
def test_errors_are_one_line_naming_the_field(field: str, value: object, message: str) -> None:
    data = seeded_data()
    data["accounts"][0]["downloads"][0][field] = value
    with pytest.raises(ScenarioError) as refused:
        parse_scenario(data, "seeded.yaml")
    text = str(refused.value)
    assert text.startswith(f"seeded.yaml: {message}")
    assert "\n" not in text


def test_remote_downloads_name_one_of_the_accounts_remote_accounts() -> None:
    data = seeded_data()
    data["accounts"][0]["downloads"][3]["remoteOptionId"] = "someone-elses"
    with pytest.raises(ScenarioError, match=re.escape("downloads[3].remoteOptionId: 'someone-elses' is not")):
        parse_scenario(data)
    del data["accounts"][0]["downloads"][3]["remoteOptionId"]
    with pytest.raises(ScenarioError, match=re.escape("downloads[3].remoteOptionId: required field")):
        parse_scenario(data)


def test_request_ids_are_unique_across_the_scenario_and_content_within_an_account() -> None:
    data = seeded_data()
    data["accounts"][1]["downloads"][0]["requestId"] = DONE_ID
    with pytest.raises(
        ScenarioError, match=re.escape(f"accounts[1].downloads[0].requestId: '{DONE_ID}' is used")
    ):
        parse_scenario(data)
    data = seeded_data()
    data["accounts"][0]["downloads"][1]["url"] = FOLDER_URL
    with pytest.raises(ScenarioError, match=re.escape("accounts[0].downloads[1].url: 'cloud https://")):
        parse_scenario(data)


def test_seeded_downloads_answer_status_explore_and_list() -> None:
    alice = seeded_backend().account_for_key(ALICE_KEY)
    done = alice.cloud_status(DONE_ID)
    assert (done.status, done.download.file_name, done.download.created_on) == (
        "downloaded",
        "Holiday pictures",
        "2025-12-31T10:00:00.000Z",
    )
    assert len(alice.explore(DONE_ID)) == len(FOLDER_FILES)
    assert alice.list_links(DONE_ID) == alice.explore(DONE_ID)
    failed = alice.cloud_status(FAILED_ID)
    assert (failed.status, failed.progress.error_message) == ("error", "Host refused the file.")
    assert failed.download.created_on == "2025-12-31T11:00:00.250Z"
    assert alice.remote_status(REMOTE_ID).status == "uploading"
    with pytest.raises(NotFound):  # another account's download is as unknown as a random id
        seeded_backend().account_for_key(BOB_KEY).cloud_status(DONE_ID)


def test_finished_statuses_are_pinned_and_working_ones_go_on() -> None:
    backend = seeded_backend()
    alice = backend.account_for_key(ALICE_KEY)
    assert alice.cloud_status(QUEUED_ID).status == "queued"
    backend.clock.advance(2)
    assert alice.cloud_status(QUEUED_ID).status == "downloading"
    backend.clock.advance(3600)
    assert alice.cloud_status(QUEUED_ID).status == "downloaded"
    assert alice.remote_status(REMOTE_ID).status == "downloaded"
    assert alice.cloud_status(DONE_ID).status == "downloaded"
    assert alice.cloud_status(FAILED_ID).status == "error"  # pinned, though its content would succeed
    assert alice.retry_cloud(FAILED_ID).status == "created"  # a retry unpins, like a forced status


def test_a_re_add_of_the_same_content_answers_the_seeded_id() -> None:
    backend = seeded_backend()
    alice = backend.account_for_key(ALICE_KEY)
    count = backend.download_count()
    assert alice.add_cloud(FOLDER_URL).request_id == DONE_ID
    assert alice.add_cloud(f"magnet:?xt=urn:btih:{UNCACHED_PACK_HASH.upper()}").request_id == QUEUED_ID
    assert alice.add_remote(UNKNOWN_URL, ALICE_REMOTE).request_id == REMOTE_ID
    assert backend.download_count() == count
    assert alice.add_remote(FOLDER_URL, ALICE_REMOTE).request_id != DONE_ID  # another kind: a new one


def test_seeded_downloads_count_against_the_link_limit() -> None:
    bob = seeded_backend().account_for_key(BOB_KEY)  # a limit of 3, two seeded
    bob.add_instant(f"magnet:?xt=urn:btih:{CACHED_PACK_HASH}")
    with pytest.raises(NotAvailable) as refused:
        bob.add_instant("https://one.more.example/file.bin")
    assert refused.value.addon == "links"


def test_reset_gives_the_same_state_and_the_same_later_ids() -> None:
    backend = seeded_backend()
    alice = backend.account_for_key(ALICE_KEY)
    backend.clock.advance(3600)
    alice.retry_cloud(FAILED_ID)
    first = alice.add_cloud("https://new.test.example/a.bin").request_id
    backend.reset()
    alice = backend.account_for_key(ALICE_KEY)
    assert alice.cloud_status(FAILED_ID).status == "error"
    assert alice.cloud_status(QUEUED_ID).status == "queued"
    assert backend.download_count() == 6
    assert alice.add_cloud("https://new.test.example/a.bin").request_id == first


def test_seeding_spends_no_draw_of_the_random_source() -> None:
    plain = MockBackend(parse_scenario(world_data()), seed=7).account_for_key(ALICE_KEY)
    seeded = seeded_backend().account_for_key(ALICE_KEY)
    url = "https://new.test.example/a.bin"
    assert plain.add_cloud(url).request_id == seeded.add_cloud(url).request_id


def test_a_status_the_content_cannot_be_in_is_pinned() -> None:
    data = seeded_data()
    data["accounts"][0]["downloads"] = [
        {"requestId": DONE_ID, "url": SINGLE_URL, "status": "processing"},  # a single file
        {"requestId": FAILED_ID, "info_hash": CACHED_PACK_HASH, "status": "queued"},  # cached: done at once
    ]
    backend = seeded_backend(data)
    alice = backend.account_for_key(ALICE_KEY)
    backend.clock.advance(3600)
    assert alice.cloud_status(DONE_ID).status == "processing"
    assert alice.cloud_status(FAILED_ID).status == "queued"


def test_the_demo_files_commented_example_loads_and_serves() -> None:
    text = DEMO_SCENARIO_PATH.read_text(encoding="utf-8")
    start = text.index("    # downloads:")
    end = text.index("\n\n", start)
    example = "\n".join(line.replace("# ", "", 1) for line in text[start:end].splitlines())
    scenario = parse_scenario(load_scenario_yaml(text[:start] + example + text[end:], "demo"))
    demo = scenario.accounts[0]
    (seeded,) = demo.downloads
    backend = MockBackend(scenario, clock=MockClock(scenario.start, frozen=True))
    status = backend.account_for_key(demo.api_key).cloud_status(seeded.request_id)
    assert (status.status, status.download.file_name) == ("downloaded", "Sintel")
    assert parse_scenario(load_scenario_yaml(text, "demo")).accounts[0].downloads == ()


def test_an_unquoted_yaml_timestamp_is_a_created_on_too() -> None:
    text = f"""
start: 2026-01-01T00:00:00Z
accounts:
  - email: a@test.example
    password: p
    api_key: k
    downloads:
      - {{requestId: {DONE_ID}, url: "{SINGLE_URL}", status: downloaded, createdOn: 2025-12-31T18:30:00+01:00}}
"""
    (seeded,) = parse_scenario(load_scenario_yaml(text, "t")).accounts[0].downloads
    assert seeded.created_on == datetime(2025, 12, 31, 17, 30, tzinfo=UTC)
    with pytest.raises(ScenarioError, match=re.escape("createdOn: expected an ISO-8601 date-time, got date")):
        parse_scenario(load_scenario_yaml(text.replace("2025-12-31T18:30:00+01:00", "2025-12-31"), "t"))
