"""History (newest first, each era's item shape) and removal (really gone, slot freed, new id on re-add)."""

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from offcloud_mock.backend.accounts import HISTORY_PAGE_SIZE
from offcloud_mock.http.app import create_app
from offcloud_mock.settings import MockConfig
from tests.mock_http.values import BUNNY_MAGNET, FREE_KEY, REPORT_URL, SINTEL_MAGNET, UNKNOWN_ID, key


@pytest.fixture
def legacy() -> FlaskClient:
    return create_app(MockConfig(era="legacy", validate_responses=True, frozen_clock=True)).test_client()


def _add(client: FlaskClient, url: str, path: str = "/api/cloud", api_key: str | None = None) -> str:
    answer = client.post(f"{path}{key(api_key) if api_key else key()}", data={"url": url}).json
    assert answer is not None
    assert "requestId" in answer, answer
    return str(answer["requestId"])


def _history(client: FlaskClient, path: str = "/api/cloud/history") -> list[dict[str, Any]]:
    response = client.get(f"{path}{key()}")
    assert response.status_code == 200, response.text
    assert isinstance(response.json, list)
    return response.json


def test_2026_history_is_newest_first_without_sizes(client: FlaskClient) -> None:
    report, bunny, sintel = (_add(client, url) for url in (REPORT_URL, BUNNY_MAGNET, SINTEL_MAGNET))
    items = _history(client)
    assert [item["requestId"] for item in items] == [sintel, bunny, report]
    assert list(items[0]) == ["requestId", "fileName", "status", "originalLink", "createdOn"]
    assert items[1]["status"] == "downloaded"
    assert items[2]["originalLink"] == REPORT_URL


def test_legacy_history_items_carry_server_directory_and_size(legacy: FlaskClient) -> None:
    bunny = _add(legacy, BUNNY_MAGNET)
    (item,) = _history(legacy)
    assert item["requestId"] == bunny
    assert (item["isDirectory"], item["site"]) == (True, "BitTorrent")
    assert isinstance(item["fileSize"], int)
    assert item["server"]


def test_instant_and_remote_history_are_the_legacy_servers(legacy: FlaskClient, client: FlaskClient) -> None:
    instant = _add(legacy, REPORT_URL, "/api/instant")
    (item,) = _history(legacy, "/api/instant/history")
    assert (item["requestId"], item["status"]) == (instant, "created")
    assert item["downloadLink"].endswith("/annual-report-2025.pdf")
    assert _history(legacy, "/api/remote/history") == []
    assert _history(legacy) == []  # an instant download is not a cloud one
    assert client.get(f"/api/instant/history{key()}").status_code == 404


def test_the_site_root_history_pages(legacy: FlaskClient) -> None:
    ids = [
        _add(legacy, f"https://files.example.com/page/{index}.bin") for index in range(HISTORY_PAGE_SIZE + 3)
    ]
    first = legacy.post(f"/cloud/history{key()}", json={"page": 0}).json
    second = legacy.post(f"/cloud/history{key()}", json={"page": 1}).json
    beyond = legacy.post(f"/cloud/history{key()}", json={"page": 2}).json
    assert first is not None
    assert second is not None
    assert (len(first["history"]), first["isEnd"]) == (HISTORY_PAGE_SIZE, False)
    assert (len(second["history"]), second["isEnd"]) == (3, True)
    assert beyond == {"history": [], "isEnd": True}
    paged = [item["requestId"] for item in first["history"] + second["history"]]
    assert paged == ids[::-1]
    assert first["history"][0]["userId"] == "5f3c2a1b9d8e7f6a5b4c3d2e"
    # JSON Schema's integer admits 1.0 and 42207289.0 (found by schemathesis: a 500 once): pages all the same.
    assert legacy.post(f"/cloud/history{key()}", json={"page": 1.0}).json == second
    assert legacy.post(f"/cloud/history{key()}", json={"page": 42207289.0}).json == beyond


@pytest.mark.parametrize("form", ["one", "many", "site-root"])
def test_a_removed_download_is_gone_everywhere(client: FlaskClient, form: str) -> None:
    bunny, report = _add(client, BUNNY_MAGNET), _add(client, REPORT_URL)
    if form == "one":
        removed = client.get(f"/api/cloud/remove/{bunny}{key()}")
    elif form == "many":
        removed = client.post(f"/api/cloud/remove{key()}", json={"requests": [bunny, UNKNOWN_ID]})
    else:
        removed = client.get(f"/cloud/remove/{bunny}{key()}")
    assert (removed.status_code, removed.json) == (200, {"success": True})
    status = client.post(f"/api/cloud/status{key()}", json={"requestId": bunny})
    assert (status.status_code, status.json) == (404, {"error": "Request not found"})
    assert client.get(f"/api/cloud/explore/{bunny}{key()}").status_code == 404
    assert client.get(f"/api/cloud/list/{bunny}{key()}").status_code == 404
    assert [item["requestId"] for item in _history(client)] == [report]
    again = _add(client, BUNNY_MAGNET)
    assert again != bunny  # a new download, a new requestId
    assert [item["requestId"] for item in _history(client)] == [again, report]


def test_removing_an_unknown_or_anothers_id_is_not_found(client: FlaskClient, legacy: FlaskClient) -> None:
    theirs = _add(client, REPORT_URL)
    for path in (f"/api/cloud/remove/{theirs}{key(FREE_KEY)}", f"/api/cloud/remove/{UNKNOWN_ID}{key()}"):
        response = client.get(path)
        assert (response.status_code, response.json) == (404, {"error": "Request not found"})
    response = legacy.get(f"/cloud/remove/{UNKNOWN_ID}{key()}")
    assert (response.status_code, response.json) == (200, {"error": "Request not found"})
    assert client.post(f"/api/cloud/status{key()}", json={"requestId": theirs}).status_code == 200


def test_removal_frees_a_place_under_the_link_limit(app: Flask) -> None:
    client = app.test_client()
    # The free account: no add-on, 3 downloads in all (instant downloads need no add-on).
    ids = [
        _add(client, f"https://files.example.com/free/{n}.bin", "/api/instant", FREE_KEY) for n in range(3)
    ]
    full = client.post(f"/api/instant{key(FREE_KEY)}", data={"url": "https://files.example.com/free/4.bin"})
    assert full.json == {"not_available": "links"}
    client.post("/_mock/settings", json={"era": "legacy"})  # /instant/remove is the legacy server's
    removed = client.get(f"/instant/remove/{ids[0]}{key(FREE_KEY)}")
    assert removed.json == {"success": True}
    assert _add(client, "https://files.example.com/free/4.bin", "/api/instant", FREE_KEY) not in ids


def test_removing_many_refuses_a_malformed_id(client: FlaskClient) -> None:
    response = client.post(f"/api/cloud/remove{key()}", json={"requests": ["nope"]})
    assert response.status_code == 400
