"""Error eras, framework errors, internal errors and response validation."""

import logging

import pytest
from flask import Flask
from flask.testing import FlaskClient

from offcloud_mock.backend import AccountBackend
from offcloud_mock.backend.downloads import DownloadSnapshot
from offcloud_mock.backend.errors import BadRequest
from offcloud_mock.controls import InProcessControls
from offcloud_mock.eras import ERAS, Era
from offcloud_mock.http.app import create_app
from offcloud_mock.http.presenters import Era2026, ServerEra
from offcloud_mock.settings import MockConfig
from tests.mock_http.values import DEMO_KEY, FREE_KEY, REPORT_URL, SINTEL_MAGNET, UNKNOWN_ID, key


@pytest.fixture
def legacy() -> FlaskClient:
    return create_app(MockConfig(era="legacy", frozen_clock=True, validate_responses=True)).test_client()


@pytest.mark.parametrize(
    ("method", "path", "body", "error"),
    [
        ("POST", "/api/proxy", None, "NOAUTH"),
        ("POST", f"/api/cloud{key()}", {}, "Missing required parameter: url"),
        ("POST", f"/api/cloud/status{key()}", {"requestId": UNKNOWN_ID}, "Request not found"),
        (
            "POST",
            "/api/login",
            {"username": "demo@offcloud.test", "password": "x"},
            "The credentials entered are wrong.",
        ),
        ("POST", "/api/key", None, "NOAUTH"),
        ("GET", f"/api/cloud/retry/{UNKNOWN_ID}{key()}", None, "Request not found"),
    ],
)
def test_legacy_errors_come_with_http_200(
    legacy: FlaskClient, method: str, path: str, body: dict[str, str] | None, error: str
) -> None:
    response = legacy.open(path, method=method, data=body)
    assert (response.status_code, response.json) == (200, {"error": error})


def test_legacy_bad_archive_and_not_available(legacy: FlaskClient) -> None:
    added = legacy.post(f"/api/cloud{key()}", data={"url": SINTEL_MAGNET}).json
    assert added is not None
    explored = legacy.get(f"/api/cloud/explore/{added['requestId']}{key()}")
    assert (explored.status_code, explored.json) == (200, {"error": "Bad archive"})
    refused = legacy.post(f"/api/cloud{key(FREE_KEY)}", data={"url": REPORT_URL})
    assert (refused.status_code, refused.json) == (200, {"not_available": "cloud"})


def test_legacy_list_errors_are_outside_the_spec(controls: InProcessControls, client: FlaskClient) -> None:
    """openapi.yaml documents only text/plain for listCloudDownloadLinks' 200 (reported to the lead)."""
    controls.set_era("legacy")
    controls.set_validate_responses(False)
    response = client.get(f"/api/cloud/list/{UNKNOWN_ID}{key()}")
    assert (response.status_code, response.json) == (200, {"error": "Request not found"})


def test_not_available_is_200_in_the_2026_era_too(client: FlaskClient) -> None:
    response = client.post(f"/api/cloud{key(FREE_KEY)}", data={"url": REPORT_URL})
    assert (response.status_code, response.json) == (200, {"not_available": "cloud"})


@pytest.mark.parametrize("era", ERAS)
def test_framework_errors_other_than_unknown_routes_keep_their_status_in_both_eras(era: Era) -> None:
    app = create_app(MockConfig(era=era, max_body_bytes=1000))
    client = app.test_client()
    too_big = client.post(f"/api/cloud{key()}", data={"url": "https://a.example/" + "x" * 2000})
    assert too_big.status_code == 413
    assert too_big.json == {"error": "Request body too large (at most 1000 bytes)"}
    control = client.post("/_mock/clock", json={"speed": "fast"})
    assert control.status_code == 400
    unknown_control = client.get("/_mock/nope")  # the control plane is not the era's server
    assert (unknown_control.status_code, unknown_control.json) == (404, {"error": "Not found: /_mock/nope"})


@pytest.mark.parametrize(("mode", "status"), [("2026", 400), ("legacy", 200)])
def test_a_body_of_an_unread_type_is_a_bad_request_of_the_era(mode: Era, status: int) -> None:
    # The real server reads no parameters from such a body: an API error (400, or 200 in the legacy
    # era), not a framework 415 the spec does not document; the message says what to send.
    client = create_app(MockConfig(era=mode, validate_responses=True)).test_client()
    unsupported = client.post(f"/api/cloud{key()}", data=b"url=x", content_type="text/plain")
    assert unsupported.status_code == status
    assert unsupported.json is not None
    assert "text/plain" in unsupported.json["error"]
    assert "application/x-www-form-urlencoded" in unsupported.json["error"]


def test_an_empty_body_of_any_type_is_no_body(client: FlaskClient) -> None:
    response = client.post(f"/api/proxy{key()}", data=b"", content_type="text/plain")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "data", [b"{not json", b'{"url": NaN}', b"[1, 2]", b'"text"', b"\xff\xfe\xfa", b"[" * 100_000]
)
def test_a_broken_json_body_is_a_400(client: FlaskClient, data: bytes) -> None:
    response = client.post(f"/api/cloud{key()}", data=data, content_type="application/json")
    assert response.status_code == 400
    assert response.json is not None
    assert response.json["error"].startswith("Invalid JSON body")


def test_an_unexpected_exception_is_a_logged_500_without_traceback(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def explode(self: AccountBackend) -> dict[str, object]:
        raise RuntimeError("planted bug")

    monkeypatch.setattr(AccountBackend, "list_proxies", explode)
    with caplog.at_level(logging.ERROR):
        response = client.post(f"/api/proxy{key()}")
    assert (response.status_code, response.json) == (500, {"error": "Internal mock error"})
    assert "planted bug" in caplog.text
    assert "Traceback" in caplog.text
    journal = InProcessControls(client.application).journal()
    assert journal[-1]["status"] == 500


def test_response_validation_catches_a_planted_bad_answer(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(ServerEra, "proxies", lambda self, proxies: [{"id": 1}])  # the doc's bare array
    with caplog.at_level(logging.ERROR):
        response = client.post(f"/api/proxy{key()}")
    assert response.status_code == 500
    assert response.json is not None
    message = response.json["error"]
    assert message.startswith("mock answered outside the spec: listProxies 200: ")
    assert message in caplog.text
    assert "/api/proxy" in caplog.text
    assert DEMO_KEY not in caplog.text  # the key travels in the query; the log names only the path


def test_response_validation_names_the_branch_and_field(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = ServerEra.added

    def without_url(self: ServerEra, snapshot: DownloadSnapshot) -> dict[str, object]:
        answer = original(self, snapshot)
        del answer["url"]
        return answer

    monkeypatch.setattr(ServerEra, "added", without_url)
    response = client.post(f"/api/cloud{key()}", data={"url": REPORT_URL})
    assert response.json == {
        "error": "mock answered outside the spec: addCloudDownload 200: missing required field 'url'"
    }


def test_response_validation_catches_an_undocumented_status(monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(MockConfig(validate_responses=True))

    def refuse(self: AccountBackend) -> tuple[object, ...]:
        raise BadRequest("short and stout")

    monkeypatch.setattr(AccountBackend, "list_proxies", refuse)
    monkeypatch.setattr(Era2026, "error_status", lambda self, error: 418)
    response = app.test_client().post(f"/api/proxy{key()}")
    assert response.status_code == 500
    assert response.json is not None
    assert "listProxies 418: status 418 is not documented" in response.json["error"]


def test_response_validation_is_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    app: Flask = create_app()
    monkeypatch.setattr(ServerEra, "proxies", lambda self, proxies: [{"id": 1}])
    response = app.test_client().post(f"/api/proxy{key()}")
    assert (response.status_code, response.json) == (200, [{"id": 1}])


@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize(
    ("path", "body", "error"),
    [
        # The spec's domain wording of a failed parameter answers, not the generic validation message.
        ("/api/cloud", {"url": "not-a-url"}, "Incorrect url"),
        ("/api/instant", {"url": "ftp://files.example.com/x.iso"}, "Incorrect url"),
        ("/api/remote", {"url": "not-a-url", "remoteOptionId": "6a1f0e2d3c4b5a6978877666"}, "Incorrect url"),
        ("/api/cloud/download", {"url": "magnet:?dn=no-hash"}, "Incorrect url"),
        ("/api/login", {"username": "", "password": "x"}, "Please enter a valid email address."),
        # Where the spec documents no wording, the generic message still names the parameter.
        ("/api/cloud", {}, "Missing required parameter: url"),
    ],
)
def test_the_spec_s_wording_of_a_failed_parameter_answers(
    era: Era, path: str, body: dict[str, str], error: str
) -> None:
    client = create_app(MockConfig(era=era, validate_responses=True)).test_client()
    response = client.post(f"{path}{key()}", data=body)
    if response.status_code == 404:  # an operation of the other era only
        pytest.skip(f"{path} is not served in the {era} era")
    assert (response.status_code, response.json) == (400 if era == "2026" else 200, {"error": error})


@pytest.mark.parametrize(
    ("path", "body", "answer"),
    [
        # openapi.yaml requestDeviceCode 400: an OAuth error, not the mock's own "Invalid JSON body".
        (
            "/oauth/device/code",
            "[]",
            {"error": "invalid_request", "error_description": "The body must be empty or a JSON object."},
        ),
        (
            "/oauth/device/code",
            "{not json",
            {"error": "invalid_request", "error_description": "The body must be empty or a JSON object."},
        ),
        (
            "/oauth/token",
            '{"grant_type": "urn:ietf:params:oauth:grant-type:device_code"}',
            {
                "error": "invalid_request",
                "error_description": "The body must be a JSON object with grant_type and device_code.",
            },
        ),
        (
            "/oauth/token",
            '{"grant_type": "password", "device_code": "x"}',
            {"error": "unsupported_grant_type"},
        ),
    ],
)
def test_a_malformed_device_login_request_is_an_oauth_error(
    client: FlaskClient, path: str, body: str, answer: dict[str, str]
) -> None:
    response = client.post(path, data=body, content_type="application/json")
    assert (response.status_code, response.json) == (400, answer)


@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("value", ["anything", "", "DETAILED"])
def test_a_query_parameter_outside_its_schema_is_the_era_s_bad_request(era: Era, value: str) -> None:
    """openapi.yaml exploreCloudDownload: `format` is `detailed` or absent. A finished download (cached
    content is downloaded at once) explored with another format is refused like any bad parameter,
    with the era's status; `detailed` and no format at all still answer, and `key` is no parameter."""
    client = create_app(MockConfig(era=era, frozen_clock=True, validate_responses=True)).test_client()
    added = client.post(f"/api/cloud{key()}", data={"url": SINTEL_MAGNET}).json
    assert added is not None
    request_id = added["requestId"]
    response = client.get(f"/api/cloud/explore/{request_id}{key()}&format={value}")
    assert response.status_code == (400 if era == "2026" else 200)
    assert response.json == {"error": f'Invalid parameter \'format\': "{value}" is not one of "detailed"'}
    assert client.get(f"/api/cloud/explore/{request_id}{key()}").status_code == 200
    detailed = client.get(f"/api/cloud/explore/{request_id}{key()}&format=detailed")
    assert detailed.status_code == (400 if era == "2026" else 200)  # a single file: Bad archive in 2026
    assert detailed.json != response.json
