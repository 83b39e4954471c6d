"""Urlencoded bodies read without werkzeug's form parser, over HTTP; and the request-validation switch."""

import pytest
from flask import Flask
from flask.testing import FlaskClient

from offcloud_mock import cli
from offcloud_mock.http.app import create_app
from offcloud_mock.http.runtime import runtime
from offcloud_mock.settings import MockConfig
from tests.mock_http.values import BUNNY_HASH, REPORT_URL, SINTEL_HASH, key

FORM = "application/x-www-form-urlencoded"


def _journal_params(client: FlaskClient) -> object:
    entries = client.get("/_mock/journal?limit=1").json
    assert entries
    return entries[0]["params"]


def test_plus_and_percent_20_are_spaces_and_reach_the_handler(client: FlaskClient) -> None:
    # A space is not a valid info hash, so the message shows the decoded value (a bad url would be
    # answered with the spec's "Incorrect url", which shows none).
    answer = client.post(f"/api/cache{key()}", data=b"hashes=a+b%20c", content_type=FORM)
    assert answer.status_code == 400
    assert answer.json is not None
    assert '"a b c"' in answer.json["error"]


def test_an_encoded_url_arrives_decoded(client: FlaskClient) -> None:
    body = "url=" + REPORT_URL.replace(":", "%3A").replace("/", "%2F")
    answer = client.post(f"/api/cloud{key()}", data=body.encode(), content_type=FORM)
    assert answer.status_code == 200
    assert _journal_params(client) == {"url": REPORT_URL}


def test_empty_values_are_kept(client: FlaskClient) -> None:
    answer = client.post(f"/api/cloud{key()}", data=b"url=", content_type=FORM)
    # An empty url is there, and no link: the spec's wording (not "Missing required parameter").
    assert (answer.status_code, answer.json) == (400, {"error": "Incorrect url"})
    assert _journal_params(client) == {"url": ""}


@pytest.mark.parametrize(
    "body",
    [
        f"hashes={BUNNY_HASH}&hashes={SINTEL_HASH}",
        f"hashes[]={BUNNY_HASH}&hashes[]={SINTEL_HASH}",
        f"hashes%5B%5D={BUNNY_HASH}&hashes%5B%5D={SINTEL_HASH}",
        f"hashes[1]={SINTEL_HASH}&hashes[0]={BUNNY_HASH}",
    ],
    ids=["repeated", "brackets", "encoded-brackets", "indexed"],
)
def test_array_styles_fold_to_one_list(client: FlaskClient, body: str) -> None:
    answer = client.post(f"/api/cache{key()}", data=body.encode(), content_type=FORM)
    assert (answer.status_code, answer.json) == (200, {"cachedItems": [BUNNY_HASH, SINTEL_HASH]})
    assert _journal_params(client) == {"hashes": [BUNNY_HASH, SINTEL_HASH]}


def test_a_repeated_single_field_is_refused(client: FlaskClient) -> None:
    answer = client.post(f"/api/cloud{key()}", data=f"url={REPORT_URL}&url={REPORT_URL}", content_type=FORM)
    assert (answer.status_code, answer.json) == (400, {"error": "Incorrect url"})  # two urls are no url
    twice = f"url={REPORT_URL}&remoteOptionId=a&remoteOptionId=b"
    answer = client.post(f"/api/remote{key()}", data=twice, content_type=FORM)
    assert answer.status_code == 400
    assert answer.json is not None
    assert "is not of type" in answer.json["error"]  # no spec wording there: the generic message


def test_the_key_in_a_form_body_still_authenticates(client: FlaskClient) -> None:
    answer = client.post("/api/proxy", data=f"key={key()[5:]}".encode(), content_type=FORM)
    assert answer.status_code == 200


def test_multipart_parts_without_a_name_are_left_out(client: FlaskClient) -> None:
    # schemathesis found this: a part whose Content-Disposition names no field was a 500.
    body = (
        f'--B\r\nContent-Disposition: form-data; name="url"\r\n\r\n{REPORT_URL}\r\n'
        "--B\r\nContent-Disposition: form-data\r\n\r\nnameless\r\n"
        '--B\r\nContent-Disposition: form-data; filename="a.torrent"\r\n\r\nd4:infoe\r\n'
        "--B--\r\n"
    )
    answer = client.post(
        f"/api/cloud{key()}", data=body.encode(), content_type="multipart/form-data; boundary=B"
    )
    assert answer.status_code == 200
    assert _journal_params(client) == {"url": REPORT_URL}


@pytest.mark.parametrize("body", [b"url=http://x.example/\xff\xfe", b"url=http%3A%2F%2Fx.example%2F%FF"])
@pytest.mark.parametrize("content_type", [FORM, ""], ids=["urlencoded", "sniffed"])
def test_non_utf8_form_bodies_are_a_400_not_a_500(
    client: FlaskClient, body: bytes, content_type: str
) -> None:
    answer = client.post(f"/api/cloud{key()}", data=body, content_type=content_type)
    assert (answer.status_code, answer.json) == (400, {"error": "Invalid form body: not UTF-8"})


def test_multipart_is_still_read_by_werkzeug(client: FlaskClient) -> None:
    answer = client.post(f"/api/cloud{key()}", data={"url": REPORT_URL}, content_type="multipart/form-data")
    assert answer.status_code == 200


# The request-validation switch.


def _poll_of_a_malformed_id(app: Flask) -> int:
    answer = app.test_client().post(f"/api/cloud/status{key()}", data={"requestId": "not-an-id"})
    return answer.status_code


def test_request_validation_is_on_by_default() -> None:
    assert MockConfig().validate_requests is True
    app = create_app()
    assert runtime(app).settings()["validate_requests"] is True
    assert _poll_of_a_malformed_id(app) == 400


def test_config_turns_request_validation_off() -> None:
    app = create_app(MockConfig(validate_requests=False))
    assert runtime(app).settings()["validate_requests"] is False
    # Unchecked, the id reaches the backend, which does not know it.
    assert _poll_of_a_malformed_id(app) == 404
    # Still authenticated and still journaled.
    client = app.test_client()
    assert client.post("/api/proxy").status_code == 401
    journal = client.get("/_mock/journal?limit=1").json
    assert journal is not None
    assert journal[0]["status"] == 401


def test_settings_switch_request_validation(client: FlaskClient, app: Flask) -> None:
    changed = client.post("/_mock/settings", json={"validate_requests": False}).json
    assert changed is not None
    assert changed["validate_requests"] is False
    assert client.get("/_mock/settings").json == changed
    assert _poll_of_a_malformed_id(app) == 404
    client.post("/_mock/settings", json={"validate_requests": True})
    assert _poll_of_a_malformed_id(app) == 400
    assert client.post("/_mock/settings", json={"validate_requests": "off"}).status_code == 400


def test_cli_flag_turns_request_validation_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli.parser().parse_args([]).validate_requests is True
    assert cli.parser().parse_args(["--no-validate-requests"]).validate_requests is False
    served: list[bool] = []

    def fake_serve(app: Flask, host: str, port: int, **options: object) -> str:
        served.append(runtime(app).validate_requests)
        return "SIGINT"

    monkeypatch.setattr(cli, "serve_forever", fake_serve)
    assert cli.main(["--no-validate-requests"]) == 0
    assert cli.main([]) == 0
    assert served == [False, True]
