"""AsyncOffcloud against the live mock (asyncio.run inside plain tests), and sessions across sync/async."""

import asyncio
import inspect

import pytest

from offcloud_kit import (
    APIConnectionError,
    APITimeoutError,
    AsyncOffcloud,
    AuthenticationError,
    DownloadFailedError,
    NotAvailableError,
    Offcloud,
    Progress,
    ServerError,
)
from offcloud_mock.pytest_plugin import OffcloudMock

from .helpers import (
    BROKEN_URL,
    CACHED_MULTI,
    DEMO_KEY,
    DEMO_LOGIN,
    FREE_KEY,
    PLAIN_URL,
    UNCACHED_MULTI,
    SleepRecorder,
    each_era,
    magnet,
    make_async_client,
    make_client,
    operations,
)


def test_async_methods_mirror_the_sync_ones() -> None:
    public = {name for name in dir(Offcloud) if not name.startswith("_")} - {"close", "to_async"}
    mirrored = {name for name in dir(AsyncOffcloud) if not name.startswith("_")} - {"aclose", "to_sync"}
    assert public == mirrored
    for name in public - {"raw", "retry_policy"}:
        assert inspect.iscoroutinefunction(getattr(AsyncOffcloud, name)), name
        sync_params = list(inspect.signature(getattr(Offcloud, name)).parameters)
        assert list(inspect.signature(getattr(AsyncOffcloud, name)).parameters) == sync_params, name


@each_era
def test_async_download_follows_the_mock_clock(era: str, offcloud_mock_live: OffcloudMock) -> None:
    controls = offcloud_mock_live.controls
    sleeps = SleepRecorder(then=controls.advance)
    seen: list[Progress] = []

    async def report(progress: Progress) -> None:  # async callbacks are awaited
        await asyncio.sleep(0)
        seen.append(progress)

    async def scenario() -> None:
        async with make_async_client(offcloud_mock_live, sleep=sleeps.asleep) as client:
            assert await client.check_cache([CACHED_MULTI, UNCACHED_MULTI]) == [CACHED_MULTI]
            item = await client.add_cloud(magnet(UNCACHED_MULTI))
            done = await client.wait_for_cloud(item.request_id, poll_interval=2.0, on_progress=report)
            assert done.status == "downloaded"
            links = await client.explore(item.request_id)
            assert len(links) == 3
            listed = await client.list_links(item.request_id)  # 2026: server links, explore's are CDN ones
            assert [link.rsplit("/", 1)[1] for link in listed] == [link.rsplit("/", 1)[1] for link in links]

    asyncio.run(scenario())
    assert seen[0].status == "created"
    assert seen[-1].status == "downloaded"
    fractions = [p.fraction or 0.0 for p in seen]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    if era == "legacy":
        assert [p.bytes_done or 0 for p in seen] == sorted(p.bytes_done or 0 for p in seen)
        assert seen[-1].bytes_done == seen[-1].bytes_total
    else:  # the 2026 status object has no byte counts
        assert {p.bytes_done for p in seen} == {None}
    assert sleeps.delays
    assert set(sleeps.delays) == {2.0}


@each_era
def test_async_failed_download(era: str, offcloud_mock_live: OffcloudMock) -> None:
    sleeps = SleepRecorder(then=offcloud_mock_live.controls.advance)

    async def scenario() -> None:
        async with make_async_client(
            offcloud_mock_live, sleep=sleeps
        ) as client:  # a plain function works too
            item = await client.add_cloud(BROKEN_URL)
            with pytest.raises(DownloadFailedError) as caught:
                await client.wait_for_cloud(item.request_id, poll_interval=1.0)
            assert caught.value.error_message == "The file is not available on the server."

    asyncio.run(scenario())


@each_era
def test_async_retries_and_errors(era: str, offcloud_mock_live: OffcloudMock) -> None:
    controls = offcloud_mock_live.controls
    sleeps = SleepRecorder()

    async def scenario() -> None:
        async with make_async_client(offcloud_mock_live, sleep=sleeps.asleep) as client:
            controls.add_fault("listProxies", status=503, retry_after=4)
            controls.add_fault("listProxies", drop=True)
            assert len(await client.list_proxies()) == 3
            assert sleeps.delays == [4.0, 1.0 * 0.875]  # Retry-After, then the 2nd backoff (random() = 0.5)
            controls.add_fault("addCloudDownload", status=503)
            with pytest.raises(ServerError):
                await client.add_cloud(PLAIN_URL)
            controls.add_fault("addCloudDownload", drop=True)
            with pytest.raises(APIConnectionError):
                await client.add_cloud(PLAIN_URL)
            controls.add_fault("listProxies", latency=1.0)
            with pytest.raises(APITimeoutError):
                await client.list_proxies(timeout=0.2, max_retries=0)
        async with make_async_client(offcloud_mock_live, api_key="wrong-key-0000000000") as bad:
            with pytest.raises(AuthenticationError):
                await bad.list_proxies()
        async with make_async_client(offcloud_mock_live, api_key=FREE_KEY) as free:
            with pytest.raises(NotAvailableError) as caught:
                await free.add_cloud(PLAIN_URL)
            assert caught.value.addon == "cloud"

    asyncio.run(scenario())
    assert [e["status"] for e in operations(offcloud_mock_live, "listProxies")][:3] == [503, 0, 200]
    demo_adds = [
        e for e in operations(offcloud_mock_live, "addCloudDownload") if e["account"] == DEMO_LOGIN[0]
    ]
    assert len(demo_adds) == 2  # neither failed add was repeated


@pytest.mark.offcloud_mock(era="legacy")  # login and getApiKey are legacy-only
def test_login_sync_then_api_key_async(offcloud_mock_live: OffcloudMock) -> None:
    sync = make_client(offcloud_mock_live, api_key=None)
    assert sync.is_logged_in() is False
    assert sync.login(*DEMO_LOGIN).email == DEMO_LOGIN[0]
    assert sync.is_logged_in() is True

    async def scenario() -> str:
        client = sync.to_async()
        try:
            assert await client.is_logged_in() is True
            return (await client.get_api_key()).api_key
        finally:
            await client.aclose()

    assert asyncio.run(scenario()) == DEMO_KEY
    # No API key was involved: the session cookie alone authenticated both.
    assert sync.raw.api_key is None


@pytest.mark.offcloud_mock(era="legacy")  # login and getApiKey are legacy-only
def test_login_async_then_api_key_sync(offcloud_mock_live: OffcloudMock) -> None:
    async_client = make_async_client(offcloud_mock_live, api_key=None)

    async def scenario() -> None:
        with pytest.raises(AuthenticationError):
            await async_client.get_api_key()
        await async_client.login(*DEMO_LOGIN)
        await async_client.aclose()

    asyncio.run(scenario())
    sync = async_client.to_sync(sleep=SleepRecorder())
    assert sync.raw is async_client.raw
    assert sync.get_api_key().api_key == DEMO_KEY
    assert len(sync.remote_accounts()) == 2  # the session reaches the keyed operations too


def test_without_login_there_is_no_session(offcloud_mock_live: OffcloudMock) -> None:
    with pytest.raises(AuthenticationError):
        make_client(offcloud_mock_live, api_key=None).list_proxies()


def test_to_async_keeps_settings(offcloud_mock_live: OffcloudMock) -> None:
    sync = make_client(offcloud_mock_live, max_retries=5, retry_unsafe=True)
    twin = sync.to_async()
    assert twin.raw is sync.raw
    assert twin.retry_policy.max_retries == 5
    assert repr(twin).startswith("AsyncOffcloud(base_url=")
