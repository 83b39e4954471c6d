"""Scenarios: the demo file, defaults, and error messages that name the file and the field's path."""

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from offcloud_mock.backend import MockBackend
from offcloud_mock.backend.clock import MockClock
from offcloud_mock.backend.demo import (
    BROKEN_URL,
    BUNNY_HASH,
    DEMO_EMAIL,
    DEMO_KEY,
    DEMO_PASSWORD,
    FLAKY_URL,
    FREE_EMAIL,
    FREE_KEY,
    FREE_PASSWORD,
    GDRIVE_OPTION,
    PREMIUM_URL,
    REPORT_URL,
    SINTEL_HASH,
    TEARS_HASH,
    VIDEO_URL,
)
from offcloud_mock.backend.errors import BadArchive, NotAvailable, ScenarioError
from offcloud_mock.backend.scenario import Timing, demo_scenario, load_scenario, parse_scenario

from .world import world_data


def error_of(data: object) -> str:
    with pytest.raises(ScenarioError) as broken:
        parse_scenario(data, "test.yaml")
    return str(broken.value)


def test_demo_scenario_has_the_documented_accounts() -> None:
    scenario = demo_scenario()
    assert scenario.start == datetime(2026, 1, 1, tzinfo=UTC)
    assert scenario.single_file_explore == "plain_list"  # openapi.yaml's choice for the 2026 server
    demo, free = scenario.accounts
    assert (demo.email, demo.password, demo.api_key) == (DEMO_EMAIL, DEMO_PASSWORD, DEMO_KEY)
    assert demo.addons == {"premium", "links", "proxy", "cloud", "video"}
    assert [remote.type for remote in demo.remote_accounts] == ["Google Drive", "FTP"]
    assert (free.email, free.password, free.api_key) == (FREE_EMAIL, FREE_PASSWORD, FREE_KEY)
    assert demo.remote_accounts[0].remote_option_id == GDRIVE_OPTION
    assert free.addons == frozenset()
    assert free.link_limit == 3
    assert len(scenario.proxies) == 3
    assert scenario.timing == Timing()


def test_the_named_demo_values_are_the_scenarios() -> None:
    resources = demo_scenario().resources
    urls = {resource.url for resource in resources}
    assert {REPORT_URL, PREMIUM_URL, VIDEO_URL, BROKEN_URL, FLAKY_URL} <= urls
    cached = {resource.info_hash: resource.cached for resource in resources if resource.info_hash}
    assert (cached[BUNNY_HASH], cached[SINTEL_HASH], cached[TEARS_HASH]) == (True, True, False)


def test_demo_resources_behave_as_their_comments_say() -> None:
    scenario = demo_scenario()
    clock = MockClock(scenario.start, frozen=True)
    backend = MockBackend(scenario, clock=clock)
    demo = backend.account_for_key(DEMO_KEY)
    free = backend.account_for_key(FREE_KEY)
    by_comment = {resource.name or resource.files[0].name: resource for resource in scenario.resources}
    premium = by_comment["holiday-photos.zip"]
    video = by_comment["Demo talk 2025.mp4"]
    assert premium.url is not None
    assert video.url is not None
    with pytest.raises(NotAvailable, match="premium"):
        free.add_instant(premium.url)
    with pytest.raises(NotAvailable, match="video"):
        free.add_instant(video.url)
    cached_pack = by_comment["Big Buck Bunny"]
    assert cached_pack.cached
    assert len(cached_pack.files) >= 3
    assert any(" " in file.name for file in cached_pack.files)
    pack = demo.add_cloud(f"magnet:?xt=urn:btih:{cached_pack.info_hash}")
    assert pack.status == "downloaded"
    assert len(demo.explore(pack.request_id)) == len(cached_pack.files)
    single = demo.add_cloud(f"magnet:?xt=urn:btih:{by_comment['Sintel 4K.mkv'].info_hash}")
    with pytest.raises(BadArchive):
        demo.explore(single.request_id)
    assert not by_comment["Tears of Steel"].cached
    flaky, broken = by_comment["nightly.zip"], by_comment["dataset.tar.gz"]
    assert (flaky.fails, broken.fails >= 1000) == (1, True)


def test_demo_file_loads_with_its_name_in_errors(tmp_path: Path) -> None:
    original = (
        Path(__file__).parents[2] / "mock_server" / "offcloud_mock" / "demo_scenario.yaml"
    ).read_text()
    copy = tmp_path / "my-scenario.yaml"
    copy.write_text(original.replace("addons: [premium, links,", "addons: [premium, linkz,"))
    with pytest.raises(ScenarioError) as broken:
        load_scenario(copy)
    assert str(broken.value) == (
        f"{copy}: accounts[0].addons[1]: 'linkz' is not one of premium, links, proxy, cloud, video"
    )


def test_unreadable_and_invalid_yaml_files_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    with pytest.raises(ScenarioError, match=re.escape(str(missing))):
        load_scenario(missing)
    broken = tmp_path / "broken.yaml"
    broken.write_text("accounts: [\n")
    with pytest.raises(ScenarioError, match=re.escape(f"{broken}: not valid YAML")):
        load_scenario(broken)


def minimal() -> dict[str, Any]:
    return {"accounts": [{"email": "a@b.example", "password": "p", "api_key": "k"}]}


def test_defaults_of_a_minimal_scenario() -> None:
    scenario = parse_scenario(minimal())
    account = scenario.accounts[0]
    assert account.addons == frozenset()
    assert account.link_limit == 100
    assert re.fullmatch(r"[0-9a-f]{24}", account.user_id)
    assert parse_scenario(minimal()).accounts[0].user_id == account.user_id  # derived, not random
    assert (scenario.proxies, scenario.resources, scenario.seed) == ((), (), None)
    assert scenario.timing == Timing(1.0, 2.0, 10 * 1024 * 1024, 2.0, 3.0, 0.5)
    assert scenario.start == datetime(2026, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("2026-03-01T12:00:00Z", datetime(2026, 3, 1, 12, tzinfo=UTC)),
        ("2026-03-01T13:00:00+01:00", datetime(2026, 3, 1, 12, tzinfo=UTC)),
        ("2026-03-01T12:00:00", datetime(2026, 3, 1, 12, tzinfo=UTC)),
        (datetime(2026, 3, 1, 12), datetime(2026, 3, 1, 12, tzinfo=UTC)),  # naive, as YAML gives it
    ],
)
def test_start_is_read_as_utc(start: object, expected: datetime) -> None:
    data = minimal()
    data["start"] = start
    assert parse_scenario(data).start == expected


def test_resource_names_are_lowercased_hashes() -> None:
    assert parse_scenario(world_data()).resources[-1].info_hash == "cc" * 20


def _with(path: str, value: object) -> dict[str, Any]:
    """world_data() with one field set (or deleted, for the value ...) by a dotted path like 'accounts.1.email'."""
    data = world_data()
    *parents, last = path.split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    key: Any = int(last) if last.isdigit() else last
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            "accounts.1.addons",
            ["cloud", "foo"],
            "accounts[1].addons[1]: 'foo' is not one of premium, links, proxy, cloud, video",
        ),
        ("accounts.0.adons", ["cloud"], "accounts[0].adons: unknown key; expected one of email, password,"),
        ("timing.queue_seconds", 3, "timing.queue_seconds: unknown key; expected one of created_seconds,"),
        ("acounts", [], "acounts: unknown key; expected one of start, seed,"),
        ("accounts.1.email", ..., "accounts[1].email: required field is missing"),
        ("accounts.0.api_key", "", "accounts[0].api_key: must not be empty"),
        ("accounts", ..., "accounts: required field is missing"),
        ("accounts", [], "accounts: at least one account is needed"),
        ("accounts.1.link_limit", "ten", "accounts[1].link_limit: expected an integer, got str ('ten')"),
        ("accounts.1.link_limit", True, "accounts[1].link_limit: expected an integer, got bool (True)"),
        ("accounts.1.link_limit", -1, "accounts[1].link_limit: must be at least 0, got -1"),
        (
            "accounts.0.remote_accounts.0.port",
            70000,
            "accounts[0].remote_accounts[0].port: must be at most 65535",
        ),
        (
            "accounts.0.remote_accounts.0",
            "ftp",
            "accounts[0].remote_accounts[0]: expected a mapping, got str",
        ),
        ("accounts.0.email", "not-an-email", "accounts[0].email: 'not-an-email' is not an e-mail address"),
        ("accounts.0.user_id", "ABC", "accounts[0].user_id: 'ABC' is not 24 lowercase hex characters"),
        (
            "accounts.1.api_key",
            "alice-key",
            "accounts[1].api_key: the same value is used twice",
        ),  # never quoted
        ("accounts.0.addons", "cloud", "accounts[0].addons: expected a list, got str ('cloud')"),
        ("timing.fail_after_fraction", 1.5, "timing.fail_after_fraction: must be at most 1.0, got 1.5"),
        ("timing.default_speed", 0, "timing.default_speed: must be at least 1, got 0"),
        ("timing.created_seconds", "1s", "timing.created_seconds: expected a number, got str ('1s')"),
        ("timing", [1], "timing: expected a mapping, got list ([1])"),
        ("resources.0.kind", "gold", "resources[0].kind: 'gold' is not one of normal, premium, video"),
        (
            "resources.0.url",
            "ftp://x.example/a",
            "resources[0].url: 'ftp://x.example/a' is not an http(s) URL",
        ),
        ("resources.0.files", [], "resources[0].files: at least one file is needed"),
        ("resources.0.files.0.size", 1.5, "resources[0].files[0].size: expected an integer, got float (1.5)"),
        ("resources.0.cached", True, "resources[0].cached: only torrents (info_hash) can be cached"),
        (
            "resources.0.info_hash",
            "aa" * 20,
            "resources[0]: give exactly one of 'url' (a web file) or 'info_hash'",
        ),
        ("resources.6.info_hash", "xyz", "resources[6].info_hash: 'xyz' is not 40 hex characters"),
        (
            "resources.7.info_hash",
            "AA" * 20,
            "resources[7].info_hash: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' is used twice",
        ),
        ("resources.0.speed", 0, "resources[0].speed: must be at least 1, got 0"),
        ("start", "tomorrow", "start: 'tomorrow' is not an ISO-8601 date-time"),
        ("proxies.0.region", ..., "proxies[0].region: required field is missing"),
        (
            "single_file_explore",
            "list",
            "single_file_explore: 'list' is not one of plain_list, bad_archive, lists",
        ),
    ],
)
def test_errors_name_the_file_and_the_path(path: str, value: object, message: str) -> None:
    assert error_of(_with(path, value)).startswith(f"test.yaml: {message}")


@pytest.mark.parametrize("data", [None, [], "accounts"])
def test_a_scenario_is_a_mapping(data: object) -> None:
    assert error_of(data).startswith("test.yaml: expected a mapping")


def test_a_scenario_file_too_large_or_not_utf8_is_refused_in_one_line(tmp_path: Path) -> None:
    from offcloud_mock.backend.scenario_yaml import MAX_SCENARIO_CHARS

    big = tmp_path / "big.yaml"
    big.write_text("#" + "x" * (MAX_SCENARIO_CHARS * 4), encoding="utf-8")
    with pytest.raises(ScenarioError, match=re.escape(f"big.yaml: longer than {MAX_SCENARIO_CHARS}")):
        load_scenario(big)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"accounts: [{email: caf\xe9@b.test}]\n")
    with pytest.raises(ScenarioError, match=re.escape("latin.yaml: not UTF-8")):
        load_scenario(latin)
