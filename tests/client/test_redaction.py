"""The API key (and the session cookie) appear in no log, error message, traceback or repr."""

import asyncio
import json
import logging
import traceback
from urllib.parse import quote, quote_plus

import httpx
import pytest

from offcloud_kit import (
    APIConnectionError,
    AsyncOffcloud,
    NotFoundError,
    Offcloud,
    OffcloudError,
    UnexpectedResponseError,
    install_log_redaction,
    redact,
)
from offcloud_kit.redact import RedactedDict, RedactingFilter, redact_json, register_secret
from offcloud_mock.pytest_plugin import OffcloudMock

from .helpers import (
    DEMO_KEY,
    DEMO_LOGIN,
    UNKNOWN_ID,
    SleepRecorder,
    each_era,
    make_async_client,
    make_client,
)

LOGGERS = ("httpx", "httpcore", "offcloud_kit")


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def full_text(error: BaseException) -> str:
    return "".join(traceback.format_exception(error)) + str(error) + repr(error)


@each_era
def test_no_secret_in_debug_logs_of_a_live_session(
    era: str, offcloud_mock_live: OffcloudMock, debug_logs: pytest.LogCaptureFixture
) -> None:
    client = make_client(offcloud_mock_live)
    if era == "legacy":  # login and getApiKey are legacy-only; the session cookie with them
        client.login(*DEMO_LOGIN)
        assert client.get_api_key().api_key == DEMO_KEY
    client.list_proxies()
    offcloud_mock_live.controls.add_fault("listProxies", status=503)
    offcloud_mock_live.controls.add_fault("listProxies", drop=True)
    client.list_proxies()
    with pytest.raises(NotFoundError):
        client.cloud_status(UNKNOWN_ID)
    text = debug_logs.text
    messages = [record.getMessage() for record in debug_logs.records]
    assert DEMO_KEY not in text
    assert not any(DEMO_KEY in m for m in messages)
    # The logs are there, with the secrets masked: the test would see a leak.
    assert "HTTP Request: POST" in text
    assert "key=***" in text
    assert any(record.name.startswith("httpcore.") for record in debug_logs.records)
    assert any(record.name == "offcloud_kit" for record in debug_logs.records)
    if era == "legacy":
        session = {cookie.name: cookie.value for cookie in client.raw.cookie_jar}["connect.sid"]
        assert session
        assert len(session) >= 8
        assert session not in text
        assert not any(session in m for m in messages)
        assert "connect.sid=***" in text


def test_no_secret_in_async_logs(
    offcloud_mock_live: OffcloudMock, debug_logs: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        async with make_async_client(offcloud_mock_live) as client:
            await client.list_proxies()
            with pytest.raises(NotFoundError):
                await client.remote_status(UNKNOWN_ID)

    asyncio.run(scenario())
    assert DEMO_KEY not in debug_logs.text
    assert "key=***" in debug_logs.text


def test_logged_exception_text_is_redacted(debug_logs: pytest.LogCaptureFixture) -> None:
    install_log_redaction()
    try:
        raise RuntimeError(f"GET https://offcloud.com/api/proxy?key={DEMO_KEY}")
    except RuntimeError:
        logging.getLogger("httpx").exception("request to %s failed", f"/api/proxy?apiKey={DEMO_KEY}")
    assert DEMO_KEY not in debug_logs.text
    assert "apiKey=***" in debug_logs.text
    assert "key=***" in debug_logs.text


def key_quoting_transport() -> httpx.MockTransport:
    """A transport whose errors and pages quote the full request URL, key included, as some do."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/proxy":
            raise httpx.ConnectError(f"could not connect for {request.url}", request=request)
        page = f"<html><body>Moved: <a href='{request.url}'>here</a></body></html>"
        return httpx.Response(200, text=page, headers={"Content-Type": "text/html"})

    return httpx.MockTransport(handler)


def test_no_secret_in_wrapped_transport_errors_or_their_tracebacks() -> None:
    client = Offcloud(
        DEMO_KEY,
        base_url="http://quoting.test",
        httpx_args={"transport": key_quoting_transport()},
        max_retries=0,
    )
    with pytest.raises(APIConnectionError) as caught:
        client.list_proxies()
    text = full_text(caught.value)
    assert DEMO_KEY not in text
    assert "ConnectError" in text
    assert "key=***" in text
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


def test_no_secret_in_unexpected_response_errors_or_their_tracebacks() -> None:
    client = Offcloud(
        DEMO_KEY,
        base_url="http://quoting.test",
        httpx_args={"transport": key_quoting_transport()},
        max_retries=0,
    )
    with pytest.raises(UnexpectedResponseError) as caught:
        client.cloud_status(UNKNOWN_ID)
    text = full_text(caught.value)
    assert DEMO_KEY not in text
    assert "UnexpectedBody" in text  # the generated client's error is chained, masked
    assert isinstance(caught.value.body, bytes)
    assert DEMO_KEY.encode() not in caught.value.body
    assert b"key=***" in caught.value.body


def test_no_secret_in_api_error_messages(offcloud_mock: OffcloudMock) -> None:
    errors: list[OffcloudError] = []
    client = make_client(offcloud_mock, max_retries=0)
    offcloud_mock.controls.add_fault("listProxies", status=503)
    for call in (lambda: client.cloud_status(UNKNOWN_ID), client.list_proxies):
        try:
            call()
        except OffcloudError as caught:
            errors.append(caught)
    assert len(errors) == 2
    for error in errors:
        assert DEMO_KEY not in full_text(error)


def test_reprs_hide_the_key() -> None:
    sync = Offcloud(DEMO_KEY, base_url="http://example.test")
    assert repr(sync) == "Offcloud(base_url='http://example.test', api_key=***, auth_style='query')"
    assert DEMO_KEY not in repr(sync.raw)
    assert DEMO_KEY not in repr(sync.to_async())
    bearer = AsyncOffcloud(DEMO_KEY, base_url="http://example.test", auth_style="bearer")
    assert repr(bearer) == "AsyncOffcloud(base_url='http://example.test', api_key=***, auth_style='bearer')"
    assert "api_key=None" in repr(Offcloud(base_url="http://example.test"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "POST https://offcloud.com/api/cloud?key=abcdef0123456789 200",
            "POST https://offcloud.com/api/cloud?key=*** 200",
        ),
        ("/api/x?a=1&apikey=abcdef0123&b=2", "/api/x?a=1&apikey=***&b=2"),
        ("/api/x?apiKey=abcdef0123#frag", "/api/x?apiKey=***#frag"),
        ("api_key=abcdef0123", "api_key=***"),
        ('{"email": "a@b.c", "apiKey": "abcdef0123"}', '{"email": "a@b.c", "apiKey": "***"}'),
        ("{'apiKey': 'abcdef0123'}", "{'apiKey': '***'}"),
        ("Authorization: Bearer abc.DEF-123_x", "Authorization: Bearer ***"),
        (
            "(b'Set-Cookie', b'connect.sid=s%3Aabc.def; Path=/; HttpOnly')",
            "(b'Set-Cookie', b'connect.sid=***; Path=/; HttpOnly')",
        ),
        ("monkey=banana&turkey=1", "monkey=banana&turkey=1"),
        ("nothing secret here", "nothing secret here"),
    ],
)
def test_redact_patterns(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_registered_secrets_are_masked_anywhere() -> None:
    register_secret("Zq9-registered-secret")
    assert redact("path/Zq9-registered-secret/x and Zq9-registered-secret") == "path/***/x and ***"
    register_secret("abc")  # too short to mask safely: ignored
    assert redact("abc") == "abc"


def test_install_is_idempotent() -> None:
    install_log_redaction()
    install_log_redaction()
    Offcloud(DEMO_KEY, base_url="http://example.test", sleep=SleepRecorder())
    for name in ("httpx", "httpcore", "httpcore.http11", "httpcore.connection", "offcloud_kit"):
        filters = [f for f in logging.getLogger(name).filters if isinstance(f, RedactingFilter)]
        assert len(filters) == 1, name


# --- a key that URL-encoding, JSON and repr() change ----------------------------------------------------
ODD_KEY = 'Odd+key/with=100% "é" ü~0123\\x'


def odd_forms() -> list[str]:
    return [
        ODD_KEY,
        quote(ODD_KEY, safe=""),  # "%2B" for "+", "%20" for a space
        quote_plus(ODD_KEY, safe=""),  # "+" for a space: how httpx encodes a query or a form
        json.dumps(ODD_KEY)[1:-1],  # "\u00e9", '\"'
        json.dumps(ODD_KEY, ensure_ascii=False)[1:-1],
        repr(ODD_KEY)[1:-1],
    ]


@pytest.mark.parametrize("form", odd_forms())
def test_a_key_that_encoding_changes_is_masked_in_every_form(form: str) -> None:
    register_secret(ODD_KEY)
    assert redact(f"before {form} after") == "before *** after"


def test_encoded_forms_differ_from_the_raw_key() -> None:
    # The test above would prove nothing if the forms were all the same string.
    assert len(set(odd_forms())) == len(odd_forms())
    assert "%2B" in quote_plus(ODD_KEY, safe="")
    assert "+" in quote_plus(ODD_KEY, safe="").replace("%2B", "")


def test_a_truncated_echo_of_a_long_secret_is_masked_but_short_pieces_are_not() -> None:
    password = "Zq8-password-" + "y" * 1100
    register_secret(password)
    echoed = f"Invalid parameter 'password': \"{password[:78]}… is longer than 1024 characters"
    assert redact(echoed) == "Invalid parameter 'password': \"***… is longer than 1024 characters"
    assert redact("Zq8-password- is not enough to mask") == "Zq8-password- is not enough to mask"


def test_token_and_password_fields_are_masked_unregistered() -> None:
    body = '{"access_token": "at-123\\"x", "refresh_token": "rt-456", "token_type": "Bearer"}'
    assert redact(body) == '{"access_token": "***", "refresh_token": "***", "token_type": "Bearer"}'
    assert redact("username=a%40b.c&password=hunter2hunter2") == "username=a%40b.c&password=***"
    assert redact(repr({"password": "hunter2hunter2"})) == "{'password': '***'}"
    parsed = {"error": "x", "nested": [{"apiKey": "k-unregistered", "device_code": "dc-1"}]}
    assert redact_json(parsed) == {"error": "x", "nested": [{"apiKey": "***", "device_code": "***"}]}


def test_request_arguments_have_a_redacted_repr() -> None:
    register_secret("Zq8-login-password")
    request = RedactedDict(method="post", data={"username": "a@b.c", "password": "Zq8-login-password"})
    assert "Zq8-login-password" not in repr(request)
    assert "a@b.c" in repr(request)
    sent = request["data"]["password"]
    assert sent == "Zq8-login-password"


def test_an_odd_key_is_masked_in_debug_logs_messages_reprs_and_tracebacks(
    debug_logs: pytest.LogCaptureFixture,
) -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        key = request.url.params["key"]
        return httpx.Response(400, json={"error": f"bad key {key} in {request.url}"})

    client = Offcloud(
        ODD_KEY, base_url="http://odd.test", httpx_args={"transport": httpx.MockTransport(echo)}
    )
    with pytest.raises(OffcloudError) as caught:
        client.cloud_status(UNKNOWN_ID)
    captured = [debug_logs.text, full_text(caught.value), repr(caught.value.body), repr(client)]
    for text in captured:
        for form in odd_forms():
            assert form not in text
    assert "Odd" not in "".join(captured)  # no piece of it either
    assert "key=***" in debug_logs.text
    assert "bad key *** in http://odd.test/api/cloud/status?key=***" in str(caught.value)
