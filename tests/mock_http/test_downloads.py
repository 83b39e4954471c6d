"""Instant, cloud and remote downloads, their status, retry, explore/list, proxies, remote accounts."""

import re

import pytest
import yaml
from flask.testing import FlaskClient

from offcloud_mock.backend.demo import DEMO_SCENARIO_PATH
from offcloud_mock.controls import InProcessControls
from offcloud_mock.http.app import create_app
from offcloud_mock.settings import MockConfig
from tests.mock_http.values import (
    BROKEN_URL,
    BUNNY_MAGNET,
    FLAKY_URL,
    FREE_KEY,
    GDRIVE_OPTION,
    REPORT_URL,
    SINTEL_MAGNET,
    TEARS_MAGNET,
    UNKNOWN_ID,
    key,
)

OBJECT_ID = re.compile(r"^[0-9a-f]{24}$")
CDN = "https://cdn.offcloud.test/obj"
DEMO_USER_ID = "5f3c2a1b9d8e7f6a5b4c3d2e"


@pytest.fixture
def legacy() -> FlaskClient:
    return create_app(MockConfig(era="legacy", validate_responses=True, frozen_clock=True)).test_client()


def _add(client: FlaskClient, url: str, api_key: str | None = None) -> dict[str, object]:
    response = client.post(f"/api/cloud{key(api_key) if api_key else key()}", data={"url": url})
    assert response.status_code == 200, response.json
    assert response.json is not None
    return dict(response.json)


def _status(client: FlaskClient, request_id: object, kind: str = "cloud") -> dict[str, object]:
    response = client.post(f"/api/{kind}/status{key()}", json={"requestId": request_id})
    assert response.status_code == 200, response.json
    assert response.json is not None
    return dict(response.json["status"])


def test_instant_download(client: FlaskClient) -> None:
    response = client.post(f"/api/instant{key()}", data={"url": REPORT_URL, "proxyId": ""})
    body = response.json
    assert response.status_code == 200
    assert body is not None
    assert body["status"] == "created"
    assert OBJECT_ID.match(body["requestId"])
    assert body["url"].endswith(f"/instant/download/{body['requestId']}/annual-report-2025.pdf")


def test_instant_download_through_a_proxy_needs_the_addon(client: FlaskClient) -> None:
    response = client.post(f"/api/instant{key(FREE_KEY)}", data={"url": REPORT_URL, "proxyId": "fr-1"})
    assert (response.status_code, response.json) == (200, {"not_available": "proxy"})


def test_cloud_download_of_a_file(client: FlaskClient) -> None:
    body = _add(client, REPORT_URL)
    assert body["status"] == "created"
    assert body["site"] == "Example"
    assert re.fullmatch(
        rf"https://[a-z]+-\d\.offcloud\.com/cloud/download/{body['requestId']}", str(body["url"])
    )
    assert list(body) == ["requestId", "fileName", "site", "status", "originalLink", "url", "createdOn"]


def test_cached_magnet_is_downloaded_at_once_and_added_only_once(client: FlaskClient) -> None:
    first = _add(client, BUNNY_MAGNET)
    assert first["status"] == "downloaded"
    assert first["site"] == "BitTorrent"
    assert _add(client, BUNNY_MAGNET)["requestId"] == first["requestId"]


def test_free_account_may_not_add_cloud_downloads(client: FlaskClient) -> None:
    response = client.post(f"/api/cloud{key(FREE_KEY)}", json={"url": REPORT_URL})
    assert (response.status_code, response.json) == (200, {"not_available": "cloud"})


def test_cloud_download_needs_a_url(client: FlaskClient) -> None:
    missing = client.post(f"/api/cloud{key()}", data={})
    assert (missing.status_code, missing.json) == (400, {"error": "Missing required parameter: url"})
    empty_json = client.post(f"/api/cloud{key()}", json={})
    assert empty_json.json == {"error": "Missing required parameter: url"}


@pytest.mark.parametrize(
    "bad", ["ftp://x", "not a url", "magnet:?xt=urn:btih:short", 42, ["https://a.example/x"]]
)
def test_a_bad_url_is_an_incorrect_url(client: FlaskClient, bad: object) -> None:
    """The server's wording (openapi.yaml DownloadUrl, x-offcloud-invalid), not the generic message."""
    response = client.post(f"/api/cloud{key()}", json={"url": bad})
    assert (response.status_code, response.json) == (400, {"error": "Incorrect url"})


def test_unknown_fields_are_ignored(client: FlaskClient) -> None:
    response = client.post(f"/api/cloud{key()}", json={"url": REPORT_URL, "extra": {"nested": [1, 2]}})
    assert response.status_code == 200


def test_cloud_status_follows_the_clock(client: FlaskClient, controls: InProcessControls) -> None:
    controls.set_era("legacy")  # the legacy object: amount, fileSize, speed (2026: test_status_2026.py)
    request_id = _add(client, REPORT_URL)["requestId"]
    assert _status(client, request_id)["status"] == "created"
    controls.advance(3.5)
    downloading = _status(client, request_id)
    assert downloading["status"] == "downloading"
    assert {"downloadingSpeed", "downloadingTime"} <= set(downloading)
    controls.advance(60)
    done = _status(client, request_id)
    assert done["status"] == "downloaded"
    assert done["amount"] == done["fileSize"]


def test_status_errors(client: FlaskClient) -> None:
    unknown = client.post(f"/api/cloud/status{key()}", data={"requestId": UNKNOWN_ID})
    assert (unknown.status_code, unknown.json) == (404, {"error": "Request not found"})
    bad = client.post(f"/api/cloud/status{key()}", data={"requestId": "XYZ"})
    assert bad.status_code == 400
    assert bad.json is not None
    assert bad.json["error"].startswith("Invalid parameter 'requestId': ")
    missing = client.post(f"/api/remote/status{key()}")
    assert (missing.status_code, missing.json) == (400, {"error": "Missing required parameter: requestId"})


def test_a_cloud_id_is_not_a_remote_id(client: FlaskClient) -> None:
    request_id = _add(client, REPORT_URL)["requestId"]
    response = client.post(f"/api/remote/status{key()}", data={"requestId": request_id})
    assert response.status_code == 404


def test_string_numbers_quirk(client: FlaskClient, controls: InProcessControls) -> None:
    from offcloud_mock.http.runtime import runtime

    runtime(client.application).change(string_numbers=True, era="legacy")
    request_id = _add(client, REPORT_URL)["requestId"]
    assert isinstance(_status(client, request_id)["fileSize"], str)


def test_remote_download(client: FlaskClient, controls: InProcessControls) -> None:
    accounts = client.post(f"/api/remote/accounts{key()}").json
    assert accounts is not None
    option = accounts["data"][0]["remoteOptionId"]
    assert option == GDRIVE_OPTION
    response = client.post(
        f"/api/remote{key()}", data={"url": REPORT_URL, "remoteOptionId": option, "folderId": "1AbC"}
    )
    body = response.json
    assert response.status_code == 200
    assert body is not None
    assert "url" not in body
    controls.advance(3.5 + 5)
    assert _status(client, body["requestId"], "remote")["status"] == "uploading"
    controls.advance(60)
    assert _status(client, body["requestId"], "remote")["status"] == "downloaded"


def test_remote_download_errors(client: FlaskClient) -> None:
    missing = client.post(f"/api/remote{key()}", json={"url": REPORT_URL})
    assert missing.json == {"error": "Missing required parameter: remoteOptionId"}
    unknown = client.post(f"/api/remote{key()}", json={"url": REPORT_URL, "remoteOptionId": "nope"})
    assert (unknown.status_code, unknown.json) == (400, {"error": "Unknown remoteOptionId"})


def test_the_free_account_has_its_own_remote_account(client: FlaskClient) -> None:
    body = client.post(f"/api/remote/accounts{key(FREE_KEY)}").json
    assert body is not None
    assert [account["remoteOptionId"] for account in body["data"]] == ["6a1f0e2d3c4b5a697887766a"]
    another_accounts = client.post(
        f"/api/remote{key(FREE_KEY)}", data={"url": REPORT_URL, "remoteOptionId": GDRIVE_OPTION}
    )
    assert (another_accounts.status_code, another_accounts.json) == (400, {"error": "Unknown remoteOptionId"})


def test_proxies(client: FlaskClient) -> None:
    body = client.post(f"/api/proxy{key()}").json
    assert body is not None
    assert [proxy["id"] for proxy in body["list"]] == ["fr-1", "us-1", "sg-1"]


def test_explore_a_multi_file_download_answers_signed_cdn_links_in_2026(client: FlaskClient) -> None:
    """openapi.yaml exploreCloudDownload: 2026 links are CDN URLs, the same as detailed explore's."""
    request_id = _add(client, BUNNY_MAGNET)["requestId"]
    response = client.get(f"/api/cloud/explore/{request_id}{key()}")
    links = response.json
    assert response.status_code == 200
    detailed = client.get(f"/api/cloud/explore/{request_id}{key()}&format=detailed").json
    assert detailed is not None
    assert links == [entry["url"] for entry in detailed["files"]]
    assert links[0] == (
        f"{CDN}/{DEMO_USER_ID}/{request_id}/Big%20Buck%20Bunny/Big%20Buck%20Bunny%201080p.mp4"
    )


def test_explore_a_multi_file_download_answers_server_links_in_the_legacy_era(legacy: FlaskClient) -> None:
    request_id = _add(legacy, BUNNY_MAGNET)["requestId"]
    links = legacy.get(f"/api/cloud/explore/{request_id}{key()}").json
    assert isinstance(links, list)
    assert len(links) == 4
    assert re.fullmatch(
        rf"https://[a-z]+-\d\.offcloud\.com/cloud/download/{request_id}/0/Big%20Buck%20Bunny%201080p\.mp4",
        links[0],
    )


def test_explore_a_single_file_answers_a_one_element_list_in_2026(client: FlaskClient) -> None:
    """openapi.yaml exploreCloudDownload, our choice: plain explore lists the one file (K1's reading)."""
    request_id = _add(client, SINTEL_MAGNET)["requestId"]
    response = client.get(f"/api/cloud/explore/{request_id}{key()}")
    assert (response.status_code, response.json) == (
        200,
        [f"{CDN}/{DEMO_USER_ID}/{request_id}/Sintel%204K.mkv"],
    )


def test_explore_a_single_file_is_a_bad_archive_in_the_legacy_era(legacy: FlaskClient) -> None:
    request_id = _add(legacy, SINTEL_MAGNET)["requestId"]
    response = legacy.get(f"/api/cloud/explore/{request_id}{key()}")
    assert (response.status_code, response.json) == (200, {"error": "Bad archive"})


def test_explore_and_list_before_the_download_is_done(client: FlaskClient) -> None:
    request_id = _add(client, TEARS_MAGNET)["requestId"]
    for operation in ("explore", "list"):
        response = client.get(f"/api/cloud/{operation}/{request_id}{key()}")
        assert (response.status_code, response.json) == (400, {"error": "File is not downloaded yet."})


def test_explore_errors(client: FlaskClient) -> None:
    assert client.get(f"/api/cloud/explore/{UNKNOWN_ID}{key()}").status_code == 404
    bad = client.get(f"/api/cloud/explore/not-an-id{key()}")
    assert bad.status_code == 400
    assert client.get(f"/api/cloud/explore/{UNKNOWN_ID}").status_code == 401


def test_list_is_plain_text_one_link_per_line(client: FlaskClient) -> None:
    multi = _add(client, BUNNY_MAGNET)["requestId"]
    response = client.get(f"/api/cloud/list/{multi}{key()}")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).split("\n")
    assert len(lines) == 5
    assert lines[-1] == ""
    single = _add(client, SINTEL_MAGNET)["requestId"]
    text = client.get(f"/api/cloud/list/{single}{key()}").get_data(as_text=True)
    assert text.endswith("/Sintel%204K.mkv\n")
    assert client.get(f"/api/cloud/list/{UNKNOWN_ID}{key()}").status_code == 404


def test_retry_a_failed_download(client: FlaskClient, controls: InProcessControls) -> None:
    request_id = _add(client, FLAKY_URL)["requestId"]
    not_failed = client.get(f"/api/cloud/retry/{request_id}{key()}")
    assert (not_failed.status_code, not_failed.json) == (
        400,
        {"error": "Only failed downloads can be retried."},
    )
    controls.advance(60)
    assert _status(client, request_id)["status"] == "error"
    retried = client.get(f"/api/cloud/retry/{request_id}{key()}")
    assert retried.json == {"success": True, "requestId": request_id, "status": "created"}
    controls.advance(60)
    assert _status(client, request_id)["status"] == "downloaded"


def test_retry_errors(client: FlaskClient) -> None:
    assert client.get(f"/api/cloud/retry/{UNKNOWN_ID}{key()}").status_code == 404
    assert client.get(f"/api/remote/retry/{UNKNOWN_ID}{key()}").status_code == 404
    assert client.get(f"/api/remote/retry/nope{key()}").status_code == 400


def test_retry_a_remote_download_forced_into_error(client: FlaskClient, controls: InProcessControls) -> None:
    body = client.post(f"/api/remote{key()}", data={"url": BROKEN_URL, "remoteOptionId": GDRIVE_OPTION}).json
    assert body is not None
    controls.force_status(body["requestId"], "error")
    retried = client.get(f"/api/remote/retry/{body['requestId']}{key()}")
    assert retried.status_code == 200
    assert retried.json is not None
    assert retried.json["success"] is True


def _with_single_file_explore(controls: InProcessControls, setting: str) -> None:
    scenario = yaml.safe_load(DEMO_SCENARIO_PATH.read_text(encoding="utf-8"))
    controls.load_scenario({**scenario, "single_file_explore": setting})


@pytest.mark.parametrize(
    ("setting", "plain", "detailed"),
    [
        ("plain_list", 200, 400),  # the spec's choice (also the default, tested above)
        ("bad_archive", 400, 400),
        ("lists", 200, 200),
    ],
)
def test_the_2026_single_file_explore_is_a_scenario_setting(
    client: FlaskClient, controls: InProcessControls, setting: str, plain: int, detailed: int
) -> None:
    _with_single_file_explore(controls, setting)
    request_id = _add(client, SINTEL_MAGNET)["requestId"]
    link = f"{CDN}/{DEMO_USER_ID}/{request_id}/Sintel%204K.mkv"
    answers = {
        200: [link],
        400: {"error": "Bad archive"},
    }
    response = client.get(f"/api/cloud/explore/{request_id}{key()}")
    assert (response.status_code, response.json) == (plain, answers[plain])
    response = client.get(f"/api/cloud/explore/{request_id}{key()}&format=detailed")
    files = {
        "files": [
            {
                "id": f"{request_id}-0",
                "name": "Sintel 4K.mkv",
                "size": 1073741824,
                "path": "Sintel 4K.mkv",
                "url": link,
            }
        ]
    }
    assert (response.status_code, response.json) == (detailed, files if detailed == 200 else answers[400])


def test_the_legacy_era_answers_bad_archive_whatever_the_setting(
    client: FlaskClient, controls: InProcessControls
) -> None:
    _with_single_file_explore(controls, "lists")
    controls.set_era("legacy")
    request_id = _add(client, SINTEL_MAGNET)["requestId"]
    response = client.get(f"/api/cloud/explore/{request_id}{key()}")
    assert (response.status_code, response.json) == (200, {"error": "Bad archive"})
