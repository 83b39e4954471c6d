"""The operations' results, timeouts, cache batching, and `oc.raw` for the generated call styles."""

import httpx
import pytest
from offcloud_client.api.cloud import get_cloud_status
from offcloud_client.models import CloudStatusResult, RequestIdForm

from offcloud_kit import CACHE_BATCH_SIZE, DEFAULT_DEADLINE, DEFAULT_TIMEOUT, Offcloud
from offcloud_mock.pytest_plugin import OffcloudMock

from .helpers import (
    CACHED_MULTI,
    CACHED_SINGLE,
    DEMO_KEY,
    DEMO_LOGIN,
    GDRIVE_OPTION,
    PLAIN_URL,
    UNCACHED_MULTI,
    each_era,
    magnet,
    make_client,
    operations,
)


@each_era
def test_results_are_the_documented_models(era: str, oc: Offcloud, offcloud_mock: OffcloudMock) -> None:
    assert oc.check_cache([CACHED_MULTI.upper(), UNCACHED_MULTI, CACHED_SINGLE]) == [
        CACHED_MULTI.upper(),
        CACHED_SINGLE,
    ]
    cached = oc.add_cloud(magnet(CACHED_MULTI, "Big+Buck+Bunny"))
    assert (cached.status, cached.site) == ("downloaded", "BitTorrent")
    links = oc.explore(cached.request_id)
    assert len(links) == 4
    assert all(link.startswith("https://") for link in links)
    listed = oc.list_links(cached.request_id)  # 2026: server links, explore's are CDN links (openapi.yaml)
    assert [link.rsplit("/", 1)[1] for link in listed] == [link.rsplit("/", 1)[1] for link in links]
    status = oc.cloud_status(cached.request_id)  # unwrapped from {"status": {...}}
    assert (status.request_id, status.status) == (cached.request_id, "downloaded")
    if era == "legacy":
        assert status.is_directory is True
    else:  # the 2026 status object: progress and message, null once finished
        assert (status.progress, status.message) == (None, None)
    instant = oc.add_instant(PLAIN_URL, proxy_id="fr-1")
    assert instant.status == "created"
    assert instant.url.startswith("https://")
    remote = oc.add_remote(PLAIN_URL, GDRIVE_OPTION)
    assert oc.remote_status(remote.request_id).status == "created"
    assert next(account.remote_option_id for account in oc.remote_accounts()) == GDRIVE_OPTION
    assert [proxy.region for proxy in oc.list_proxies()] == ["EU", "US", "Asia"]
    assert [e["params"].get("proxyId") for e in operations(offcloud_mock, "addInstantDownload")] == ["fr-1"]


@each_era
def test_retrying_failed_downloads(era: str, oc: Offcloud, offcloud_mock: OffcloudMock) -> None:
    item = oc.add_cloud("https://flaky.example.net/builds/nightly.zip")
    offcloud_mock.controls.force_status(item.request_id, "error")
    result = oc.retry_cloud(item.request_id)
    assert result.success is True
    remote = oc.add_remote(PLAIN_URL, GDRIVE_OPTION)
    offcloud_mock.controls.force_status(remote.request_id, "error")
    assert oc.retry_remote(remote.request_id).success is True


@pytest.mark.offcloud_mock(era="legacy")  # login, checkLogin, getApiKey are legacy-only
def test_login_flow_in_process(offcloud_mock: OffcloudMock) -> None:
    client = make_client(offcloud_mock, api_key=None)
    assert client.is_logged_in() is False
    result = client.login(*DEMO_LOGIN)
    assert result.email == DEMO_LOGIN[0]
    assert client.is_logged_in() is True
    assert client.get_api_key().api_key == DEMO_KEY


def counting_client(answers: dict[str, object], **kwargs: object) -> tuple[Offcloud, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=answers[request.url.path])

    client = Offcloud(
        "counting-key-0123456789",
        base_url="http://counting.test",
        httpx_args={"transport": httpx.MockTransport(handler)},
        **kwargs,  # type: ignore[arg-type]
    )
    return client, seen


def test_check_cache_splits_long_lists_into_batches_of_1000() -> None:
    hashes = [f"{i:040x}" for i in range(2 * CACHE_BATCH_SIZE + 500)]
    client, seen = counting_client({"/api/cache": {"cachedItems": [hashes[0]]}})
    assert client.check_cache(hashes) == [hashes[0]] * 3  # one answer per batch, concatenated
    sent = [httpx.QueryParams(request.content.decode()).get_list("hashes") for request in seen]
    assert [len(batch) for batch in sent] == [1000, 1000, 500]
    assert [h for batch in sent for h in batch] == hashes


def test_check_cache_edge_cases() -> None:
    client, seen = counting_client({"/api/cache": {"cachedItems": []}})
    assert client.check_cache([]) == []
    assert seen == []  # nothing to ask
    client.check_cache(CACHED_MULTI)  # one hash given as a plain string
    assert httpx.QueryParams(seen[0].content.decode()).get_list("hashes") == [CACHED_MULTI]


def test_default_and_per_call_timeouts() -> None:
    client, seen = counting_client({"/api/proxy": {"list": []}})
    client.list_proxies()
    client.list_proxies(timeout=2.5)
    client.list_proxies(timeout=None)
    timeouts = [request.extensions["timeout"] for request in seen]
    assert timeouts[0] == {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 30.0}
    assert timeouts[1] == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}
    # No timeout of its own; the wait for a connection of the pool is still bounded by the deadline.
    assert {name: timeouts[2][name] for name in ("connect", "read", "write")} == dict.fromkeys(
        ("connect", "read", "write")
    )
    assert DEFAULT_DEADLINE - 5 < timeouts[2]["pool"] <= DEFAULT_DEADLINE
    assert httpx.Timeout(30.0, connect=5.0) == DEFAULT_TIMEOUT


def test_per_client_timeout() -> None:
    client, seen = counting_client({"/api/proxy": {"list": []}}, timeout=httpx.Timeout(7.0, connect=1.0))
    client.list_proxies()
    assert seen[0].extensions["timeout"] == {"connect": 1.0, "read": 7.0, "write": 7.0, "pool": 7.0}


def test_key_travels_as_query_or_bearer() -> None:
    client, seen = counting_client({"/api/proxy": {"list": []}})
    client.list_proxies()
    bearer, seen_bearer = counting_client({"/api/proxy": {"list": []}}, auth_style="bearer")
    bearer.list_proxies()
    assert seen[0].url.params["key"] == "counting-key-0123456789"
    assert "key" not in seen_bearer[0].url.params
    assert seen_bearer[0].headers["Authorization"] == "Bearer counting-key-0123456789"


@each_era
def test_raw_gives_the_generated_call_styles_with_the_same_settings(era: str, oc: Offcloud) -> None:
    item = oc.add_cloud(magnet(CACHED_SINGLE))
    detailed = get_cloud_status.sync_detailed(client=oc.raw, body=RequestIdForm(request_id=item.request_id))
    assert detailed.status_code == 200
    assert isinstance(detailed.parsed, CloudStatusResult)
    assert detailed.parsed.status.request_id == item.request_id


@pytest.mark.offcloud_mock(era="legacy")  # login is legacy-only
def test_raw_shares_the_session_cookie(offcloud_mock: OffcloudMock) -> None:
    client = make_client(offcloud_mock, api_key=None)
    client.login(*DEMO_LOGIN)
    answer = get_cloud_status.sync_detailed(
        client=client.raw, body=RequestIdForm(request_id="5f1b2c3d4e5f60718293a4b6")
    )
    # Authenticated by the cookie: the id is unknown (legacy: with HTTP 200), the caller is not (no NOAUTH).
    assert answer.content == b'{"error":"Request not found"}\n'


def test_raw_and_api_key_are_exclusive(oc: Offcloud) -> None:
    with pytest.raises(TypeError, match="raw"):
        Offcloud("another-key-0123456", raw=oc.raw)


def test_context_manager_closes_the_transport(offcloud_mock: OffcloudMock) -> None:
    with make_client(offcloud_mock) as client:
        client.list_proxies()
    assert client.raw.get_httpx_client().is_closed
