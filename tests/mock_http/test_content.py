"""The content endpoints beyond the documentation: account info and stats, sites, the torrent
upload and check, the 2026 cache endpoints and detailed explore. Responses are held to the spec."""

import hashlib
import io

import pytest
from flask import Flask
from flask.testing import FlaskClient

from offcloud_mock.backend.demo import DEMO_EMAIL, DEMO_EXPIRATION_DATE, FREE_EMAIL, SITE_NAMES
from offcloud_mock.http.app import create_app
from offcloud_mock.http.runtime import runtime
from offcloud_mock.settings import MockConfig
from tests.mock_backend.test_torrent_file import MULTI_INFO, torrent
from tests.mock_http.values import (
    BUNNY_HASH,
    BUNNY_MAGNET,
    DEMO_KEY,
    FREE_KEY,
    SINTEL_MAGNET,
    TEARS_MAGNET,
    UNKNOWN_ID,
    key,
)


@pytest.fixture
def legacy() -> FlaskClient:
    return create_app(MockConfig(era="legacy", validate_responses=True, frozen_clock=True)).test_client()


def _advance(app: Flask, seconds: float) -> None:
    runtime(app).backend.clock.advance(seconds)


# --- account ----------------------------------------------------------------------------------------


def test_account_info_answers_the_scenario_plan_in_snake_case(client: FlaskClient) -> None:
    response = client.get("/api/account/info", headers={"Authorization": f"Bearer {DEMO_KEY}"})
    assert response.status_code == 200
    assert response.json == {
        "user_id": "5f3c2a1b9d8e7f6a5b4c3d2e",
        "email": DEMO_EMAIL,
        "is_premium": True,
        "expiration_date": DEMO_EXPIRATION_DATE,
        "can_download": True,
    }


def test_account_info_of_a_free_account_has_no_expiry_and_stops_at_its_link_limit(
    client: FlaskClient,
) -> None:
    info = client.get(f"/api/account/info{key(FREE_KEY)}").json
    assert info is not None
    assert (info["email"], info["is_premium"], info["can_download"]) == (FREE_EMAIL, False, True)
    assert "expiration_date" not in info
    for n in range(3):
        assert (
            client.post(
                f"/api/instant{key(FREE_KEY)}", data={"url": f"https://a.example/{n}.bin"}
            ).status_code
            == 200
        )
    assert client.get(f"/api/account/info{key(FREE_KEY)}").json["can_download"] is False  # type: ignore[index]


def test_premium_ends_on_its_expiry_date(app: Flask, client: FlaskClient) -> None:
    _advance(app, 366 * 86400)  # the demo starts 2026-01-01; its premium ends 2026-12-31
    assert client.get(f"/api/account/info{key()}").json["is_premium"] is False  # type: ignore[index]


def test_account_info_refuses_a_bad_key(client: FlaskClient) -> None:
    response = client.get("/api/account/info?key=nope")
    assert (response.status_code, response.json) == (401, {"error": "NOAUTH"})


def test_account_stats_counts_the_links_left_from_the_accounts_own_downloads(legacy: FlaskClient) -> None:
    stats = legacy.get(f"/api/account/stats{key()}").json
    assert stats == {
        "userId": "5f3c2a1b9d8e7f6a5b4c3d2e",
        "email": DEMO_EMAIL,
        "isPremium": True,
        "expirationDate": "31-12-2026",
        "limits": {
            "links": 500,
            "premium": 100,
            "torrent": 100,
            "streaming": 10,
            "cloud": 1099511627776,
            "proxy": 107374182400,
        },
    }
    legacy.post(f"/api/cloud{key()}", data={"url": BUNNY_MAGNET})
    legacy.post(f"/api/cloud{key(FREE_KEY)}", data={"url": BUNNY_MAGNET})  # another account's: not counted
    after = legacy.get(f"/api/account/stats{key()}").json
    assert after is not None
    assert after["limits"]["links"] == 499


def test_account_stats_without_premium_has_an_empty_date(legacy: FlaskClient) -> None:
    stats = legacy.get(f"/api/account/stats{key(FREE_KEY)}").json
    assert stats is not None
    assert (stats["isPremium"], stats["expirationDate"], stats["limits"]["links"]) == (False, "", 3)


# --- sites ------------------------------------------------------------------------------------------


def test_sites_in_the_legacy_shape(legacy: FlaskClient) -> None:
    sites = legacy.get(f"/api/sites{key()}").json
    assert sites is not None
    assert [site["name"] for site in sites] == list(SITE_NAMES)
    assert sites[0] == {
        "name": "rapidgator",
        "displayName": "Rapidgator",
        "hosts": ["rapidgator.net", "rg.to"],
        "isActive": "Healthy",
        "noInstantDownload": False,
        "isVideoStreaming": False,
        "maxAmountPerUser": "unlimited",
        "maxChunks": 4,
        "maxChunksGlobal": 16,
    }
    assert [site["isActive"] for site in sites] == ["Healthy", "Fragile", "Dead"]
    assert sites[1]["maxAmountPerUser"] == 50


def test_sites_in_the_2026_shape(client: FlaskClient) -> None:
    sites = client.get(f"/api/sites{key()}").json
    assert sites == [
        {"name": "rapidgator.net", "status": "up", "aliases": ["rg.to"]},
        {"name": "youtube.com", "status": "degraded", "aliases": ["youtu.be"]},
        {"name": "megaupload.com", "status": "down"},
    ]


# --- upload and torrent check -----------------------------------------------------------------------


def test_an_uploaded_torrent_can_be_added_and_resolves_to_its_content(legacy: FlaskClient) -> None:
    data = torrent(MULTI_INFO)
    upload = legacy.post(
        f"/torrent/upload{key()}",
        data={"file": (io.BytesIO(data), "bunny.torrent", "application/x-bittorrent")},
        content_type="multipart/form-data",
    )
    assert upload.status_code == 200, upload.json
    body = upload.json
    assert body is not None
    info_hash = hashlib.sha1(data[data.index(b"4:infod") + 6 : -1], usedforsecurity=False).hexdigest()
    assert body == {
        "success": True,
        "url": f"https://offcloud.com/torrent/download/{info_hash}.torrent",
        "fileName": "Big Buck Bunny",
    }
    added = legacy.post(f"/api/cloud{key()}", data={"url": body["url"]}).json
    assert added is not None
    assert (added["fileName"], added["site"]) == ("Big Buck Bunny", "BitTorrent")
    request_id = added["requestId"]
    runtime(legacy.application).backend.clock.advance(3600)
    status = legacy.post(f"/api/cloud/status{key()}", data={"requestId": request_id}).json
    assert status is not None
    assert (status["status"]["status"], status["status"]["fileSize"]) == (
        "downloaded",
        140 + 276134947 + 310380,
    )
    links = legacy.get(f"/api/cloud/explore/{request_id}{key()}").json
    assert links is not None
    assert [link.rsplit("/", 1)[-1] for link in links] == [
        "Big%20Buck%20Bunny.en.srt",
        "Big%20Buck%20Bunny.mp4",
        "poster.jpg",
    ]


@pytest.mark.parametrize(
    ("payload", "name"),
    [(b"<html>not a torrent</html>", "page.html"), (b"", "empty.torrent"), (b"d4:infoi1ee", "bad.torrent")],
)
def test_what_is_not_a_torrent_is_refused(legacy: FlaskClient, payload: bytes, name: str) -> None:
    response = legacy.post(
        f"/torrent/upload{key()}",
        data={"file": (io.BytesIO(payload), name)},
        content_type="multipart/form-data",
    )
    assert (response.status_code, response.json) == (200, {"error": "The file is not a valid torrent."})


def test_an_upload_without_its_file_part_names_it(legacy: FlaskClient) -> None:
    response = legacy.post(
        f"/torrent/upload{key()}", data={"name": "file"}, content_type="multipart/form-data"
    )
    assert response.json == {"error": "Missing required parameter: file"}


def test_torrent_check_answers_the_cached_hashes(legacy: FlaskClient) -> None:
    hashes = [BUNNY_HASH.upper(), "0" * 40]
    response = legacy.post(f"/api/torrent/check{key()}", json={"hashes": hashes})
    assert (response.status_code, response.json) == (200, {"cachedItems": [BUNNY_HASH.upper()]})


# --- 2026 cache endpoints and detailed explore ------------------------------------------------------


def test_cache_info_answers_in_input_order_with_files(client: FlaskClient) -> None:
    urls = [TEARS_MAGNET, BUNNY_MAGNET, BUNNY_HASH, SINTEL_MAGNET]
    response = client.post(f"/api/cache/info{key()}", json={"urls": urls, "includeFiles": True})
    assert response.status_code == 200
    answers = response.json
    assert answers is not None
    assert [answer["cached"] for answer in answers] == [False, True, False, True]
    assert "files" not in answers[0]
    assert "files" not in answers[2]
    assert answers[1]["files"][0] == {
        "folder": ["Big Buck Bunny"],
        "filename": "Big Buck Bunny 1080p.mp4",
        "size": 725106140,
    }
    assert answers[3]["files"] == [{"folder": [], "filename": "Sintel 4K.mkv", "size": 1073741824}]


def test_cache_info_without_include_files_has_none(client: FlaskClient) -> None:
    response = client.post(f"/api/cache/info{key()}", json={"urls": [BUNNY_MAGNET]})
    assert response.json == [{"cached": True}]


def test_cache_info_refuses_a_body_without_urls(client: FlaskClient) -> None:
    response = client.post(f"/api/cache/info{key()}", json={"includeFiles": True})
    assert (response.status_code, response.json) == (400, {"error": "Missing required parameter: urls"})


def test_cache_download_links_every_file(client: FlaskClient) -> None:
    response = client.post(f"/api/cache/download{key()}", json={"url": BUNNY_MAGNET})
    assert response.status_code == 200
    links = response.json
    assert links is not None
    assert len(links) == 4
    assert links[3] == {
        "filename": "poster image.jpg",
        "url": f"https://cdn.offcloud.test/obj/5f3c2a1b9d8e7f6a5b4c3d2e/{BUNNY_HASH}/Big%20Buck%20Bunny/poster%20image.jpg",
        "size": 310381,
        "folder": ["Big Buck Bunny"],
    }


def test_cache_download_refuses_uncached_content(client: FlaskClient) -> None:
    response = client.post(f"/api/cache/download{key()}", json={"url": TEARS_MAGNET})
    assert (response.status_code, response.json) == (400, {"error": "Not cached"})


def test_detailed_explore_lists_paths_from_the_root_folder(client: FlaskClient) -> None:
    request_id = client.post(f"/api/cloud{key()}", data={"url": BUNNY_MAGNET}).json["requestId"]  # type: ignore[index]
    response = client.get(f"/api/cloud/explore/{request_id}{key()}&format=detailed")
    assert response.status_code == 200
    files = response.json["files"]  # type: ignore[index]
    assert [entry["path"] for entry in files] == [
        "Big Buck Bunny/Big Buck Bunny 1080p.mp4",
        "Big Buck Bunny/Big Buck Bunny 720p.mp4",
        "Big Buck Bunny/Subtitles (English).srt",
        "Big Buck Bunny/poster image.jpg",
    ]
    assert files[0]["id"] == f"{request_id}-0"
    assert files[0]["size"] == 725106140
    assert files[0]["url"].startswith(f"https://cdn.offcloud.test/obj/5f3c2a1b9d8e7f6a5b4c3d2e/{request_id}/")


def test_detailed_explore_of_a_single_file_is_a_bad_archive(client: FlaskClient) -> None:
    request_id = client.post(f"/api/cloud{key()}", data={"url": SINTEL_MAGNET}).json["requestId"]  # type: ignore[index]
    response = client.get(f"/api/cloud/explore/{request_id}{key()}&format=detailed")
    assert (response.status_code, response.json) == (400, {"error": "Bad archive"})


def test_detailed_explore_of_an_unknown_id_is_not_found(client: FlaskClient) -> None:
    response = client.get(f"/api/cloud/explore/{UNKNOWN_ID}{key()}&format=detailed")
    assert response.status_code == 404


def test_the_legacy_server_ignores_format_detailed(legacy: FlaskClient) -> None:
    request_id = legacy.post(f"/api/cloud{key()}", data={"url": BUNNY_MAGNET}).json["requestId"]  # type: ignore[index]
    links = legacy.get(f"/api/cloud/explore/{request_id}{key()}&format=detailed").json
    assert isinstance(links, list)
    assert len(links) == 4


@pytest.mark.parametrize(
    ("method", "path", "legacy_era"),
    [
        ("GET", "/api/account/stats", False),
        ("POST", "/torrent/upload", False),
        ("POST", "/api/torrent/check", False),
        ("GET", "/api/account/info", True),
        ("POST", "/api/cache/info", True),
        ("POST", "/api/cache/download", True),
        ("POST", "/oauth/device/code", True),
        ("POST", "/oauth/token", True),
    ],
)
def test_an_operation_outside_its_era_is_an_unknown_route(
    client: FlaskClient, legacy: FlaskClient, method: str, path: str, legacy_era: bool
) -> None:
    response = (legacy if legacy_era else client).open(f"{path}{key()}", method=method, json={})
    # The era's own unknown-route page (docs/mock.md, "Eras"): HTML, never the operation's JSON answer.
    assert (response.status_code, response.mimetype) == (404, "text/html")
    if legacy_era:
        assert response.get_data(as_text=True) == "Page not found."
