"""The 2026 status answer: requestId, status, fileName, progress (0-1, growing) and message; requestIds refused."""

from typing import Any

import pytest
from flask.testing import FlaskClient

from offcloud_mock.controls import InProcessControls
from tests.mock_http.values import BROKEN_URL, BUNNY_MAGNET, REPORT_URL, TEARS_MAGNET, key


def _add(client: FlaskClient, url: str) -> str:
    answer = client.post(f"/api/cloud{key()}", data={"url": url}).json
    assert answer is not None
    return str(answer["requestId"])


def _status(client: FlaskClient, request_id: str) -> dict[str, Any]:
    response = client.post(f"/api/cloud/status{key()}", json={"requestId": request_id})
    assert response.status_code == 200, response.json
    assert response.json is not None
    status: dict[str, Any] = response.json["status"]
    return status


def test_the_2026_object_has_exactly_its_five_keys(client: FlaskClient) -> None:
    request_id = _add(client, REPORT_URL)
    status = _status(client, request_id)
    assert list(status) == ["requestId", "status", "fileName", "progress", "message"]
    assert (status["status"], status["progress"], status["message"]) == ("created", 0.0, "Loading...")


@pytest.mark.parametrize("url", [REPORT_URL, TEARS_MAGNET])
def test_progress_grows_with_the_clock_and_is_null_when_finished(
    client: FlaskClient, controls: InProcessControls, url: str
) -> None:
    request_id = _add(client, url)
    readings = []
    for _ in range(200):
        status = _status(client, request_id)
        readings.append(status)
        if status["status"] == "downloaded":
            break
        controls.advance(0.5)
    finished = readings[-1]
    assert (finished["status"], finished["progress"], finished["message"]) == ("downloaded", None, None)
    working = readings[:-1]
    fractions = [reading["progress"] for reading in working]
    assert fractions == sorted(fractions)  # never backwards
    assert all(0 <= fraction < 1 for fraction in fractions)
    assert len(set(fractions)) > 3  # and really moving
    assert all(isinstance(reading["message"], str) and reading["message"] for reading in working)
    assert "downloading" in {reading["status"] for reading in working}


def test_a_cached_download_is_finished_at_once(client: FlaskClient) -> None:
    status = _status(client, _add(client, BUNNY_MAGNET))
    assert (status["status"], status["progress"], status["message"]) == ("downloaded", None, None)


def test_an_error_carries_its_message_and_no_progress(
    client: FlaskClient, controls: InProcessControls
) -> None:
    request_id = _add(client, BROKEN_URL)
    controls.advance(600)
    status = _status(client, request_id)
    assert (status["status"], status["progress"]) == ("error", None)
    assert status["message"] == "The file is not available on the server."  # the scenario's error text


def test_request_ids_are_refused_in_2026_and_answered_in_legacy(
    client: FlaskClient, controls: InProcessControls
) -> None:
    first, second = _add(client, REPORT_URL), _add(client, BUNNY_MAGNET)
    refused = client.post(f"/api/cloud/status{key()}", json={"requestIds": [first, second]})
    assert (refused.status_code, refused.json) == (400, {"error": "Missing required parameter: requestId"})
    controls.set_era("legacy")
    answered = client.post(f"/api/cloud/status{key()}", data={"requestIds[]": [second, first]})
    assert answered.status_code == 200
    assert answered.json is not None
    assert [item["requestId"] for item in answered.json["requests"]] == [second, first]
    assert {"amount", "fileSize", "server"} <= set(answered.json["requests"][0])
