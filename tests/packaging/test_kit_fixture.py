"""`offcloud_mock.kit()` and `.async_kit()`: the kit's own clients on the mock, waiting on its clock."""

import asyncio
import threading
import time

import httpx
import pytest

from offcloud_kit import (
    APIConnectionError,
    AsyncOffcloud,
    AuthenticationError,
    Offcloud,
    ServerError,
    WaitTimeoutError,
)
from offcloud_mock.pytest_plugin import OffcloudMock
from offcloud_mock.transports import AsyncWSGITransport

PLAIN_URL = "https://files.example.com/docs/annual-report-2025.pdf"  # 50 MiB: 8 s of mock time
CACHED_MULTI = "92b926e37e61e370e948cda081685a45731f9406"
UNCACHED_MULTI = "2ce6ed1b37ab62d0b2a4b369cd2f36ff15cb2eae"


@pytest.fixture
def no_real_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(seconds: float) -> None:
        raise AssertionError(f"slept {seconds} s for real")

    monkeypatch.setattr(time, "sleep", refuse)


def _sync_round(offcloud_mock: OffcloudMock) -> None:
    oc = offcloud_mock.kit()
    assert isinstance(oc, Offcloud)
    assert oc.check_cache([CACHED_MULTI, UNCACHED_MULTI]) == [CACHED_MULTI]
    item = oc.add_cloud(PLAIN_URL)
    before = offcloud_mock.clock()
    done = oc.wait_for_cloud(item.request_id, poll_interval=7.0)
    assert done.status == "downloaded"
    waited = offcloud_mock.clock() - before
    assert waited >= 7.0
    assert waited % 7.0 == pytest.approx(0.0, abs=1e-6)  # only the polls moved the frozen clock


def test_kit_waits_on_the_mock_clock(offcloud_mock: OffcloudMock, no_real_sleep: None) -> None:
    _sync_round(offcloud_mock)


@pytest.mark.offcloud_mock(live=True)
def test_kit_live(offcloud_mock: OffcloudMock) -> None:
    assert offcloud_mock.live
    _sync_round(offcloud_mock)


def test_wait_timeouts_are_mock_time(offcloud_mock: OffcloudMock, no_real_sleep: None) -> None:
    oc = offcloud_mock.kit()
    item = oc.add_cloud(PLAIN_URL)
    started = time.monotonic()
    with pytest.raises(WaitTimeoutError):
        oc.wait_for_cloud(item.request_id, timeout=4.0, poll_interval=1.0)
    assert time.monotonic() - started < 4.0  # four mock seconds, not real ones
    assert 4.0 <= offcloud_mock.clock() < 6.0
    assert oc.cloud_status(item.request_id).status == "downloading"


def test_retry_backoff_moves_the_clock_too(offcloud_mock: OffcloudMock, no_real_sleep: None) -> None:
    offcloud_mock.controls.add_fault("checkCache", status=503, count=2)
    oc = offcloud_mock.kit(max_retries=2)
    before = offcloud_mock.clock()
    assert oc.check_cache([CACHED_MULTI]) == [CACHED_MULTI]
    assert offcloud_mock.clock() > before
    offcloud_mock.controls.add_fault("checkCache", status=503, count=3)
    with pytest.raises(ServerError):
        oc.check_cache([CACHED_MULTI])


def test_kit_keywords_pass_through(offcloud_mock: OffcloudMock) -> None:
    oc = offcloud_mock.kit(api_key="not-a-valid-key-0000")
    with pytest.raises(AuthenticationError):
        oc.check_cache([CACHED_MULTI])
    bearer = offcloud_mock.kit(auth_style="bearer")
    assert bearer.check_cache([CACHED_MULTI]) == [CACHED_MULTI]


async def _async_round(offcloud_mock: OffcloudMock) -> None:
    async with offcloud_mock.async_kit() as oc:
        assert isinstance(oc, AsyncOffcloud)
        assert await oc.check_cache([CACHED_MULTI, UNCACHED_MULTI]) == [CACHED_MULTI]
        items = await asyncio.gather(
            oc.add_cloud(PLAIN_URL), oc.add_cloud(f"magnet:?xt=urn:btih:{UNCACHED_MULTI}")
        )
        done = await asyncio.gather(
            *(oc.wait_for_cloud(item.request_id, poll_interval=10.0) for item in items)
        )
        assert [status.status for status in done] == ["downloaded", "downloaded"]
        assert len(await oc.explore(items[1].request_id)) == 3


def test_async_kit_in_process(offcloud_mock: OffcloudMock, no_real_sleep: None) -> None:
    assert not offcloud_mock.live
    asyncio.run(_async_round(offcloud_mock))
    assert offcloud_mock.clock() > 0


@pytest.mark.offcloud_mock(live=True)
def test_async_kit_live(offcloud_mock: OffcloudMock) -> None:
    asyncio.run(_async_round(offcloud_mock))


def test_async_transport_runs_the_app_off_the_event_loop() -> None:
    seen: list[str] = []

    def app(environ: dict[str, object], start_response: object) -> list[bytes]:
        seen.append(threading.current_thread().name)
        body = environ["wsgi.input"].read()  # type: ignore[attr-defined]
        start_response("201 Created", [("Content-Type", "text/plain"), ("X-Echo", "yes")])  # type: ignore[operator]
        return [b"got ", body]

    async def call() -> tuple[int, str, str]:
        async with httpx.AsyncClient(transport=AsyncWSGITransport(app), base_url="http://app.test") as client:
            response = await client.post("/echo", content=b"ping")
            return response.status_code, response.headers["x-echo"], response.text

    assert asyncio.run(call()) == (201, "yes", "got ping")
    assert seen
    assert seen[0] != threading.main_thread().name


def test_async_kit_in_process_sees_dropped_connections_like_the_sync_one(offcloud_mock: OffcloudMock) -> None:
    offcloud_mock.controls.add_fault("checkCache", drop=True, count=4)
    with pytest.raises(APIConnectionError):
        offcloud_mock.kit(max_retries=1).check_cache([CACHED_MULTI])

    async def check() -> list[str]:
        async with offcloud_mock.async_kit(max_retries=1) as oc:
            return await oc.check_cache([CACHED_MULTI])

    with pytest.raises(APIConnectionError):
        asyncio.run(check())
    assert asyncio.run(check()) == [CACHED_MULTI]  # the four faults are used up
