"""A user's tests: the kit's clients from the `offcloud_mock` fixture, sync and async, in-process and live.

Nothing here sleeps for real: the kit's waits move the mock's (frozen) clock.
"""

import asyncio
from importlib.metadata import version

import pytest

from offcloud_kit import AsyncOffcloud, NotAvailableError, Offcloud, Progress
from offcloud_mock.pytest_plugin import OffcloudMock
from offcloud_mock.spec import load_spec

REPORT = "https://files.example.com/docs/annual-report-2025.pdf"  # in the demo scenario: 50 MiB
BIG_BUCK_BUNNY = "92b926e37e61e370e948cda081685a45731f9406"  # cached, four files
TEARS_OF_STEEL = "2ce6ed1b37ab62d0b2a4b369cd2f36ff15cb2eae"  # not cached, three files
FREE_KEY = "free-key-0123456789abcdef"  # the demo scenario's account without add-ons


# Both servers: the legacy one reports bytes (amount of fileSize), the 2026 one only the fraction done
# (`progress`); the kit's Progress has `fraction` for either, and bytes when the server gives them.
@pytest.mark.parametrize(
    "era", [pytest.param(era, marks=pytest.mark.offcloud_mock(era=era)) for era in ("2026", "legacy")]
)
def test_sync_kit_waits_for_a_download(offcloud_mock: OffcloudMock, era: str) -> None:
    oc: Offcloud = offcloud_mock.kit()
    item = oc.add_cloud(REPORT)
    seen: list[Progress] = []
    done = oc.wait_for_cloud(item.request_id, poll_interval=2.0, on_progress=seen.append)
    assert done.status == "downloaded"
    assert seen[-1].fraction == 1.0
    assert any(0.0 < (p.fraction or 0.0) < 1.0 for p in seen)  # followed while it moved
    if era == "legacy":
        assert seen[-1].bytes_total == 50 * 1024 * 1024
        assert seen[-1].bytes_done == seen[-1].bytes_total
    else:
        assert seen[-1].bytes_total is None  # unknown, not zero
    assert offcloud_mock.clock() >= 2.0  # the mock's clock moved; no real second went by
    assert oc.list_links(item.request_id)


def test_sync_kit_raises_typed_errors(offcloud_mock: OffcloudMock) -> None:
    oc = offcloud_mock.kit(api_key=FREE_KEY)
    with pytest.raises(NotAvailableError) as caught:
        oc.add_cloud(REPORT)
    assert caught.value.addon == "cloud"


async def _follow_two(oc: AsyncOffcloud) -> list[str]:
    assert await oc.check_cache([BIG_BUCK_BUNNY, TEARS_OF_STEEL]) == [BIG_BUCK_BUNNY]
    items = await asyncio.gather(
        oc.add_cloud(f"magnet:?xt=urn:btih:{BIG_BUCK_BUNNY}"),
        oc.add_cloud(f"magnet:?xt=urn:btih:{TEARS_OF_STEEL}"),
    )
    await asyncio.gather(*(oc.wait_for_cloud(item.request_id, poll_interval=5.0) for item in items))
    return await oc.explore(items[1].request_id)


def test_async_kit_in_process(offcloud_mock: OffcloudMock) -> None:
    async def main() -> list[str]:
        async with offcloud_mock.async_kit() as oc:
            return await _follow_two(oc)

    assert len(asyncio.run(main())) == 3


@pytest.mark.offcloud_mock(live=True)
def test_async_kit_over_sockets(offcloud_mock: OffcloudMock) -> None:
    async def main() -> list[str]:
        async with offcloud_mock.async_kit() as oc:
            return await _follow_two(oc)

    assert offcloud_mock.base_url.startswith("http://127.0.0.1:")
    assert len(asyncio.run(main())) == 3


def test_one_version_for_kit_and_spec() -> None:
    assert version("offcloud-kit") == load_spec()["info"]["version"]
