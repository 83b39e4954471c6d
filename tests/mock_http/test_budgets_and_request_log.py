"""`max_downloads` over HTTP (every era, the marker) and `log_requests` (one log line per request)."""

import json
import logging
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from offcloud_mock.eras import Era
from offcloud_mock.http.app import create_app
from offcloud_mock.http.injection import ConnectionDropped
from offcloud_mock.http.request_log import LOGGER_NAME, mask_email
from offcloud_mock.http.runtime import runtime
from offcloud_mock.pytest_plugin import OffcloudMock
from offcloud_mock.settings import MockConfig
from tests.mock_http.values import DEMO_KEY, REPORT_URL, key

OTHER_URL = "https://example.com/files/other.bin"


@pytest.mark.parametrize(("era", "status"), [("2026", 400), ("legacy", 200)])
def test_max_downloads_refuses_the_next_add_clearly(era: Era, status: int) -> None:
    app = create_app(MockConfig(max_downloads=1, era=era, validate_responses=True))
    client = app.test_client()
    assert client.post(f"/api/cloud{key()}", data={"url": REPORT_URL}).status_code == 200
    refused = client.post(f"/api/cloud{key()}", data={"url": OTHER_URL})
    assert refused.status_code == status
    assert "maximum of 1 downloads" in refused.get_json()["error"]
    assert client.get("/_mock/health").get_json()["downloads"] == 1
    assert client.post(f"/api/cloud{key()}", data={"url": REPORT_URL}).status_code == 200  # known: answered
    client.post("/_mock/reset")
    assert client.post(f"/api/cloud{key()}", data={"url": OTHER_URL}).status_code == 200


def test_max_downloads_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_downloads"):
        MockConfig(max_downloads=0)


@pytest.mark.offcloud_mock(max_downloads=1)
def test_the_marker_takes_max_downloads(offcloud_mock: OffcloudMock) -> None:
    http = offcloud_mock.http()
    assert (
        http.post("/api/cloud", params={"key": offcloud_mock.api_key}, data={"url": REPORT_URL}).status_code
        == 200
    )
    refused = http.post("/api/cloud", params={"key": offcloud_mock.api_key}, data={"url": OTHER_URL})
    assert refused.status_code == 400


_LINE = re.compile(r"^(GET|POST|DELETE) (\S+) (\S+) (\d{3}|dropped) \d+\.\dms account=(\S+)$")


def _lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == LOGGER_NAME]


def test_log_requests_writes_one_line_per_request(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER_NAME)
    client = create_app(MockConfig(log_requests=True, frozen_clock=True)).test_client()
    client.post(f"/api/cloud{key()}", data={"url": REPORT_URL})
    client.post("/api/proxy?key=wrong-key")
    client.get("/_mock/health")
    client.post("/_mock/faults", json={"operation": "listProxies", "drop": True})
    with pytest.raises(ConnectionDropped):  # in-process, the dropped connection raises in the client
        client.post(f"/api/proxy{key()}")
    lines = _lines(caplog)
    assert len(lines) == 5, lines
    parsed = [_LINE.match(line) for line in lines]
    assert all(parsed), lines
    first, wrong, health, _, dropped = [match.groups() for match in parsed if match]
    assert first == ("POST", "/api/cloud", "addCloudDownload", "200", "de***@offcloud.test")
    assert wrong == ("POST", "/api/proxy", "listProxies", "401", "-")
    assert health == ("GET", "/_mock/health", "control.health", "200", "-")
    assert dropped[3] == "dropped"
    assert all(DEMO_KEY not in line and "wrong-key" not in line for line in lines)


def test_requests_are_not_logged_by_default(client: FlaskClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client.post(f"/api/cloud{key()}", data={"url": REPORT_URL})
    assert _lines(caplog) == []


def test_mask_email() -> None:
    assert mask_email("demo@offcloud.test") == "de***@offcloud.test"
    assert mask_email("x") == "x***"


def test_a_refused_megabyte_add_keeps_a_small_journal_entry(client: FlaskClient, app: Flask) -> None:
    # The journal kept a refused request's whole parameters: 1.2 MB for this add, 10 GB at its cap.
    body = {"url": "not a url " + "x" * 60_000, **{f"field{n}": "y" * 60_000 for n in range(16)}}
    answer = client.post("/api/cloud" + key(), json=body)
    assert answer.status_code == 400
    entry = runtime(app).backend.journal.entries()[-1]
    assert entry["operation"] == "addCloudDownload"
    assert entry["status"] == 400
    assert len(json.dumps(entry)) < 2048
