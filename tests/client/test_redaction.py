"""The API key (and the session cookie) appear in no log, error message, traceback or repr."""

import asyncio
import logging
import traceback

import httpx
import pytest

from mock_server.pytest_plugin import OffcloudMock
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
from offcloud_kit.redact import RedactingFilter, register_secret

from .helpers import DEMO_KEY, DEMO_LOGIN, UNKNOWN_ID, SleepRecorder, make_async_client, make_client

LOGGERS = ("httpx", "httpcore", "offcloud_kit")


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def full_text(error: BaseException) -> str:
    return "".join(traceback.format_exception(error)) + str(error) + repr(error)


def test_no_secret_in_debug_logs_of_a_live_session(
    offcloud_mock_live: OffcloudMock, debug_logs: pytest.LogCaptureFixture
) -> None:
    client = make_client(offcloud_mock_live)
    client.login(*DEMO_LOGIN)
    assert client.get_api_key().api_key == DEMO_KEY
    client.list_proxies()
    offcloud_mock_live.controls.add_fault("listProxies", status=503)
    offcloud_mock_live.controls.add_fault("listProxies", drop=True)
    client.list_proxies()
    with pytest.raises(NotFoundError):
        client.cloud_status(UNKNOWN_ID)
    session = {cookie.name: cookie.value for cookie in client.raw.cookie_jar}["connect.sid"]
    assert session
    assert len(session) >= 8

    text = debug_logs.text
    messages = [record.getMessage() for record in debug_logs.records]
    assert DEMO_KEY not in text
    assert not any(DEMO_KEY in m for m in messages)
    assert session not in text
    assert not any(session in m for m in messages)
    # The logs are there, with the secrets masked: the test would see a leak.
    assert "HTTP Request: POST" in text
    assert "key=***" in text
    assert any(record.name.startswith("httpcore.") for record in debug_logs.records)
    assert "connect.sid=***" in text
    assert any(record.name == "offcloud_kit" for record in debug_logs.records)


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
