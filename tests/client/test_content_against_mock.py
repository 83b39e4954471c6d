"""offcloud_kit's methods beyond the documentation against the mock: one test each, through the
`offcloud_mock` fixture (responses held to the spec, frozen clock)."""

from typing import Any

import pytest

from offcloud_kit import Offcloud
from offcloud_mock.backend.demo import BUNNY_HASH, DEMO_EMAIL, DEMO_EXPIRATION_DATE, SITE_NAMES
from offcloud_mock.pytest_plugin import OffcloudMock
from tests.mock_backend.test_torrent_file import MULTI_INFO, torrent

BUNNY_MAGNET = f"magnet:?xt=urn:btih:{BUNNY_HASH}&dn=Big+Buck+Bunny"


@pytest.fixture
def kit(offcloud_mock: OffcloudMock) -> Offcloud:
    return offcloud_mock.kit()  # closed by the fixture after the test


def test_account_info(kit: Offcloud) -> None:
    info = kit.account_info()
    assert (info.email, info.is_premium, info.can_download) == (DEMO_EMAIL, True, True)
    assert str(info.expiration_date) == DEMO_EXPIRATION_DATE


@pytest.mark.offcloud_mock(era="legacy")
def test_account_stats(kit: Offcloud) -> None:
    stats = kit.account_stats()
    assert (stats.email, stats.is_premium, stats.expiration_date) == (DEMO_EMAIL, True, "31-12-2026")
    assert stats.limits.links == 500


def test_sites(kit: Offcloud) -> None:
    sites = kit.sites()
    assert [site.name for site in sites] == ["rapidgator.net", "youtube.com", "megaupload.com"]
    assert [site.status for site in sites] == ["up", "degraded", "down"]


@pytest.mark.offcloud_mock(era="legacy")
def test_sites_legacy(kit: Offcloud) -> None:
    assert tuple(site.name for site in kit.sites()) == SITE_NAMES


def test_cache_info_and_download(kit: Offcloud) -> None:
    answers = kit.cache_info([BUNNY_MAGNET, BUNNY_HASH], include_files=True)
    assert [answer.cached for answer in answers] == [True, False]
    links = kit.cache_download(BUNNY_MAGNET)
    assert [link.filename for link in links][:2] == ["Big Buck Bunny 1080p.mp4", "Big Buck Bunny 720p.mp4"]


@pytest.mark.offcloud_mock(era="legacy")
def test_upload_torrent_then_add_it(kit: Offcloud) -> None:
    uploaded = kit.upload_torrent(torrent(MULTI_INFO), file_name="bunny.torrent")
    assert uploaded.file_name == "Big Buck Bunny"
    added = kit.add_cloud(uploaded.url)
    assert added.file_name == "Big Buck Bunny"


def test_login_with_device(offcloud_mock: OffcloudMock) -> None:
    shown = []

    def approve(code: object) -> None:
        shown.append(code)
        offcloud_mock.controls.approve_device(code.user_code)  # type: ignore[attr-defined]

    settings: dict[str, Any] = {
        "base_url": offcloud_mock.base_url,
        "httpx_args": {"transport": offcloud_mock.transport(), "verify": False},
        "sleep": offcloud_mock.sleep,
        "clock": offcloud_mock.clock,
    }
    with Offcloud.login_with_device(approve, **settings) as oc:
        assert len(shown) == 1
        assert oc.account_info().email == DEMO_EMAIL


@pytest.mark.offcloud_mock(live=True, era="legacy")
def test_upload_torrent_over_real_sockets(kit: Offcloud) -> None:  # waitress parses the multipart body
    uploaded = kit.upload_torrent(torrent(MULTI_INFO), file_name="bunny.torrent")
    assert uploaded.url.endswith(".torrent")
    assert kit.add_cloud(uploaded.url).file_name == "Big Buck Bunny"
