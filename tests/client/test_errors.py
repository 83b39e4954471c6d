"""Each OffcloudError subclass for its cause, against the mock (both error eras) and planted answers."""

import httpx
import pytest

from offcloud_kit import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    NotAvailableError,
    NotFoundError,
    Offcloud,
    OffcloudError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
)
from offcloud_kit.errors import error_for_message
from offcloud_mock.eras import ERAS
from offcloud_mock.pytest_plugin import OffcloudMock

from .helpers import (
    CACHED_SINGLE,
    DEMO_LOGIN,
    FREE_KEY,
    PLAIN_URL,
    UNKNOWN_ID,
    SleepRecorder,
    magnet,
    make_client,
    operations,
)


@pytest.fixture(params=ERAS)
def era(request: pytest.FixtureRequest, offcloud_mock: OffcloudMock) -> str:
    """Runs the test once per era: 2026 (400/401/404) and legacy (the same bodies with 200)."""
    mode = str(request.param)
    offcloud_mock.controls.set_era(mode)
    return mode


def expected_status(era: str, modern: int) -> int:
    return 200 if era == "legacy" else modern


def test_wrong_key_is_authentication_error(offcloud_mock: OffcloudMock, era: str) -> None:
    client = make_client(offcloud_mock, api_key="wrong-key-000000000000")
    with pytest.raises(AuthenticationError) as caught:
        client.list_proxies()
    assert caught.value.status == expected_status(era, 401)
    assert caught.value.operation == "listProxies"
    assert caught.value.body == {"error": "NOAUTH"}
    assert "NOAUTH" in str(caught.value)


def _legacy_only(era: str) -> None:
    if era == "2026":  # tests/mock_http/test_eras.py checks the 2026 server's 404 page for these
        pytest.skip("login and getApiKey are legacy-only: the 2026 server has no such route")


def test_wrong_password_is_authentication_error(offcloud_mock: OffcloudMock, era: str) -> None:
    _legacy_only(era)
    client = make_client(offcloud_mock, api_key=None)
    with pytest.raises(AuthenticationError) as caught:
        client.login(DEMO_LOGIN[0], "not-the-password")
    assert caught.value.status == expected_status(era, 401)
    assert "credentials" in caught.value.message


def test_invalid_email_is_bad_request(offcloud_mock: OffcloudMock, era: str) -> None:
    _legacy_only(era)
    client = make_client(offcloud_mock, api_key=None)
    with pytest.raises(BadRequestError) as caught:
        client.login("not-an-email", "whatever")
    assert caught.value.status == expected_status(era, 400)


def test_api_key_without_session_is_authentication_error(offcloud_mock: OffcloudMock, era: str) -> None:
    _legacy_only(era)
    with pytest.raises(AuthenticationError):
        make_client(offcloud_mock, api_key=None).get_api_key()


def test_list_links_of_an_unfinished_download_raises_in_both_eras(
    offcloud_mock: OffcloudMock, era: str
) -> None:
    # listCloudDownloadLinks answers text/plain; its errors are JSON (with 200 in the legacy era), and
    # must raise rather than come back as one "line" of text.
    client = make_client(offcloud_mock)
    item = client.add_cloud(PLAIN_URL)
    with pytest.raises(BadRequestError) as caught:
        client.list_links(item.request_id)
    assert caught.value.status == expected_status(era, 400)
    assert caught.value.operation == "listCloudDownloadLinks"
    assert "not downloaded" in caught.value.message


def test_missing_addon_is_not_available_in_both_eras(offcloud_mock: OffcloudMock, era: str) -> None:
    client = make_client(offcloud_mock, api_key=FREE_KEY)
    with pytest.raises(NotAvailableError) as caught:
        client.add_cloud(PLAIN_URL)
    assert caught.value.addon == "cloud"
    assert caught.value.status == 200  # add-on refusals are HTTP 200 in both eras
    assert caught.value.body == {"not_available": "cloud"}
    with pytest.raises(NotAvailableError) as premium:
        client.add_instant("https://premiumhost.example/file/7f3a9c/holiday-photos.zip")
    assert premium.value.addon == "premium"


def test_unknown_request_id_is_not_found(oc: Offcloud, era: str) -> None:
    with pytest.raises(NotFoundError) as caught:
        oc.cloud_status(UNKNOWN_ID)
    assert caught.value.status == expected_status(era, 404)
    with pytest.raises(NotFoundError):
        oc.retry_remote(UNKNOWN_ID)


def test_refused_parameters_are_bad_request(oc: Offcloud, era: str) -> None:
    single = oc.add_cloud(magnet(CACHED_SINGLE))
    if era == "legacy":
        with pytest.raises(BadRequestError) as caught:
            oc.explore(single.request_id)  # one file: "Bad archive"
        assert caught.value.status == expected_status(era, 400)
        assert caught.value.body == {"error": "Bad archive"}
    else:  # openapi.yaml's choice for 2026: plain explore lists the one file, detailed refuses it
        assert len(oc.explore(single.request_id)) == 1
        with pytest.raises(BadRequestError) as caught:
            oc.explore_detailed(single.request_id)
        assert (caught.value.status, caught.value.body) == (400, {"error": "Bad archive"})
    with pytest.raises(BadRequestError):
        oc.retry_cloud(single.request_id)  # not in error: cannot be retried


def test_rate_limit_carries_retry_after(oc: Offcloud, offcloud_mock: OffcloudMock) -> None:
    offcloud_mock.controls.add_fault("listProxies", status=429, retry_after=7)
    with pytest.raises(RateLimitError) as caught:
        oc.list_proxies(max_retries=0)
    assert caught.value.status == 429
    assert caught.value.retry_after == 7.0


def test_service_unavailable_is_server_error(oc: Offcloud, offcloud_mock: OffcloudMock) -> None:
    offcloud_mock.controls.add_fault("getCloudStatus", status=503)
    with pytest.raises(ServerError) as caught:
        oc.cloud_status(UNKNOWN_ID, max_retries=0)
    assert caught.value.status == 503
    assert caught.value.retry_after is None


def test_non_standard_status_is_unexpected_response(oc: Offcloud, offcloud_mock: OffcloudMock) -> None:
    offcloud_mock.controls.add_fault("getCloudStatus", status=520)
    with pytest.raises(UnexpectedResponseError) as caught:
        oc.cloud_status(UNKNOWN_ID)
    assert caught.value.status == 520
    assert not isinstance(caught.value, ServerError)  # 520 is not a standard 5xx: not retried either
    assert len(operations(offcloud_mock, "getCloudStatus")) == 1


def test_html_page_from_a_proxy_is_server_error(oc: Offcloud, offcloud_mock: OffcloudMock) -> None:
    # The mock's HTML fault is a proxy's 502 page (it cannot combine html with another status): the
    # status says what happened, so it is a ServerError (retryable), not an UnexpectedResponseError.
    offcloud_mock.controls.add_fault("getCloudStatus", html=True)
    with pytest.raises(ServerError) as caught:
        oc.cloud_status(UNKNOWN_ID, max_retries=0)
    assert caught.value.status == 502
    assert isinstance(caught.value.body, bytes)
    assert b"<html>" in caught.value.body


def test_dropped_connection_is_connection_error(oc: Offcloud, offcloud_mock: OffcloudMock) -> None:
    offcloud_mock.controls.add_fault("listProxies", drop=True)
    with pytest.raises(APIConnectionError) as caught:
        oc.list_proxies(max_retries=0)
    assert not isinstance(caught.value, APITimeoutError)
    assert caught.value.status is None
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)


def test_dropped_connection_live_is_connection_error(offcloud_mock_live: OffcloudMock) -> None:
    offcloud_mock_live.controls.add_fault("listProxies", drop=True)
    with pytest.raises(APIConnectionError):
        make_client(offcloud_mock_live).list_proxies(max_retries=0)


def test_slow_answer_is_timeout_error(offcloud_mock_live: OffcloudMock) -> None:
    offcloud_mock_live.controls.add_fault("listProxies", latency=1.0)
    client = make_client(offcloud_mock_live)
    with pytest.raises(APITimeoutError) as caught:
        client.list_proxies(timeout=0.2, max_retries=0)
    assert isinstance(caught.value, APIConnectionError)
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    # The per-client timeout applies the same way.
    offcloud_mock_live.controls.add_fault("listProxies", latency=1.0)
    slow = make_client(offcloud_mock_live, timeout=httpx.Timeout(0.2, connect=5.0), max_retries=0)
    with pytest.raises(APITimeoutError):
        slow.list_proxies()


def test_refused_connection_is_connection_error() -> None:
    # Port 9 (discard) on loopback: nothing listens there in a test environment.
    client = Offcloud("a-key-0123456789", base_url="http://127.0.0.1:9", max_retries=0)
    with pytest.raises(APIConnectionError) as caught:
        client.list_proxies()
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


# --- answers the mock cannot give, planted with httpx.MockTransport -----------------------------------


def planted(
    status: int, *, json: object = None, text: str | None = None, ctype: str | None = None
) -> Offcloud:
    def handler(request: httpx.Request) -> httpx.Response:
        if text is not None:
            return httpx.Response(status, text=text, headers={"Content-Type": ctype or "text/html"})
        return httpx.Response(status, json=json)

    return Offcloud(
        "planted-key-0123456789",
        base_url="http://planted.test",
        httpx_args={"transport": httpx.MockTransport(handler)},
        sleep=SleepRecorder(),
    )


@pytest.mark.parametrize("status", [200, 404])
def test_html_where_json_was_due_is_unexpected_response(status: int) -> None:
    with pytest.raises(UnexpectedResponseError) as caught:
        planted(status, text="<html><body>Page not found.</body></html>").cloud_status(UNKNOWN_ID)
    assert caught.value.status == status
    assert "not valid JSON" in caught.value.reason
    assert isinstance(caught.value.body, bytes)
    assert b"<html>" in caught.value.body


def test_body_of_no_documented_shape_is_unexpected_response() -> None:
    with pytest.raises(UnexpectedResponseError) as caught:
        planted(200, json={"surprise": True}).cloud_status(UNKNOWN_ID)
    assert caught.value.body == {"surprise": True}
    with pytest.raises(UnexpectedResponseError):  # a status outside the enum
        planted(200, json={"not_available": "teleport"}).add_cloud(PLAIN_URL)


def test_undocumented_status_is_unexpected_response() -> None:
    with pytest.raises(UnexpectedResponseError) as caught:
        planted(409, json={"error": "Conflict"}).add_cloud(PLAIN_URL)
    assert caught.value.status == 409
    assert "not documented" in caught.value.reason


def test_generic_500_is_server_error_with_the_message() -> None:
    with pytest.raises(ServerError) as caught:
        planted(500, json={"error": "Internal error"}).add_cloud(PLAIN_URL)
    assert "Internal error" in str(caught.value)


def test_every_error_is_an_offcloud_error() -> None:
    answered: list[type[OffcloudError]] = [
        AuthenticationError,
        NotAvailableError,
        BadRequestError,
        NotFoundError,
        RateLimitError,
        ServerError,
        UnexpectedResponseError,
    ]
    assert all(issubclass(cls, APIStatusError) for cls in answered)
    assert issubclass(APIStatusError, OffcloudError)
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(APIConnectionError, OffcloudError)
    assert not issubclass(APIConnectionError, APIStatusError)


@pytest.mark.parametrize(
    ("message", "status", "expected"),
    [
        ("NOAUTH", 200, AuthenticationError),
        ("NOAUTH", 401, AuthenticationError),
        ("The credentials entered are wrong.", 200, AuthenticationError),
        ("User not authorized", 200, AuthenticationError),
        ("Request not found", 200, NotFoundError),
        ("Request not found", 404, NotFoundError),
        ("File not found on this server", 200, NotFoundError),
        ("Something new", 404, NotFoundError),
        ("Something new", 401, AuthenticationError),
        ("Incorrect url", 200, BadRequestError),
        ("Bad archive", 400, BadRequestError),
        ("Missing required parameter: url", 400, BadRequestError),
        ("You have more than 100 remote downloads in progress.", 200, BadRequestError),
    ],
)
def test_message_table(message: str, status: int, expected: type[APIStatusError]) -> None:
    assert error_for_message(message, status) is expected


def test_legacy_200_error_body_raises_the_same_class_as_modern() -> None:
    legacy = planted(200, json={"error": "NOAUTH"})
    modern = planted(401, json={"error": "NOAUTH"})
    with pytest.raises(AuthenticationError) as old:
        legacy.cloud_status(UNKNOWN_ID)
    with pytest.raises(AuthenticationError) as new:
        modern.cloud_status(UNKNOWN_ID)
    assert (old.value.status, new.value.status) == (200, 401)
