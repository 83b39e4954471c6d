"""What the generated client does on the wire, through httpx.MockTransport (no network): the API
key, the shared session cookie, timeouts, and answers that openapi.yaml does not describe."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from types import ModuleType
from typing import Any

import httpx
import pytest
from offcloud_client import AuthenticatedClient, Client
from offcloud_client.api.account import check_login, login
from offcloud_client.api.cloud import add_cloud_download, explore_cloud_download, get_cloud_status
from offcloud_client.api.instant import add_instant_download
from offcloud_client.api.proxies import list_proxies
from offcloud_client.api.remote import add_remote_download
from offcloud_client.client import DEFAULT_TIMEOUT, ApiKeyAuth
from offcloud_client.errors import UnexpectedBody, UnexpectedResponse, UnexpectedStatus
from offcloud_client.models import (
    ApiKeyInfo,
    CloudDownloadForm,
    InstantDownloadForm,
    LoginForm,
    LoginResult,
    RemoteDownloadForm,
    RequestIdForm,
)

BASE_URL = "https://offcloud.test"
KEY = "k3y-VHK7OoGO57kH1JOO9VlNo8AdRVF0qLD8"
SESSION = "s%3Asession-4f2a"
REQUEST_ID = "5f1b2c3d4e5f60718293a4b6"
FILE_URL = "https://files.example.com/docs/manual.pdf"
LOGIN_FORM = LoginForm(username="demo@offcloud.test", password="demo-password")  # noqa: S106 - a test fixture


def documented_answer(request: httpx.Request) -> httpx.Response:
    """A body every operation used here documents for 200 (the legacy error body, or loggedIn)."""
    if request.url.path == "/api/check":
        return httpx.Response(200, json={"loggedIn": 1})
    return httpx.Response(200, json={"error": "Incorrect url"})


@dataclass
class Server:
    """A MockTransport handler that records every request and answers with `answer`."""

    answer: Callable[[httpx.Request], httpx.Response] = documented_answer
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer(request)

    def client(self, **kwargs: Any) -> Client:
        return Client(base_url=BASE_URL, httpx_args={"transport": httpx.MockTransport(self)}, **kwargs)


@dataclass(frozen=True)
class Operation:
    module: ModuleType
    kwargs: dict[str, Any]
    error_status: int | None = 401  # a documented status other than 200, if any

    def call(self, client: Client, mode: str) -> Any:
        if mode == "sync":
            return self.module.sync_detailed(client=client, **self.kwargs)
        return asyncio.run(self.module.asyncio_detailed(client=client, **self.kwargs))


OPERATIONS = {
    "list_proxies": Operation(list_proxies, {}),
    "check_login": Operation(check_login, {}, error_status=None),
    "add_cloud_download": Operation(add_cloud_download, {"body": CloudDownloadForm(url=FILE_URL)}),
    "add_instant_download": Operation(add_instant_download, {"body": InstantDownloadForm(url=FILE_URL)}),
    "add_remote_download": Operation(
        add_remote_download,
        {"body": RemoteDownloadForm(url=FILE_URL, remote_option_id="61a0c0ffee0000000000a001")},
    ),
    "get_cloud_status": Operation(get_cloud_status, {"body": RequestIdForm(request_id=REQUEST_ID)}),
    "explore_cloud_download": Operation(explore_cloud_download, {"request_id": REQUEST_ID}),
}
MODES = ["sync", "async"]


# --- the API key ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_key_is_sent_as_query_parameter_on_every_call(mode: str) -> None:
    server = Server()
    client = server.client(api_key=KEY)
    for operation in OPERATIONS.values():
        operation.call(client, mode)
    assert len(server.requests) == len(OPERATIONS)
    for request in server.requests:
        assert request.url.params.get_list("key") == [KEY], request.url.path
        assert "authorization" not in request.headers


def test_key_is_merged_with_other_query_parameters() -> None:
    server = Server()
    client = server.client(api_key=KEY)
    http = client.get_httpx_client()
    http.get(f"/api/cloud/explore/{REQUEST_ID}", params={"format": "detailed"})
    http.get(f"/api/cloud/explore/{REQUEST_ID}?format=detailed&key=stale")
    for request in server.requests:
        assert request.url.params.get_list("format") == ["detailed"]
        assert request.url.params.get_list("key") == [KEY]
        assert request.url.path == f"/api/cloud/explore/{REQUEST_ID}"


@pytest.mark.parametrize("mode", MODES)
def test_bearer_style_sends_the_header_and_no_query_key(mode: str) -> None:
    server = Server()
    client = server.client(api_key=KEY, auth_style="bearer")
    OPERATIONS["add_cloud_download"].call(client, mode)
    (request,) = server.requests
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert "key" not in request.url.params


def test_without_a_key_nothing_is_added() -> None:
    server = Server()
    OPERATIONS["list_proxies"].call(server.client(), "sync")
    (request,) = server.requests
    assert "key" not in request.url.params
    assert "authorization" not in request.headers


def test_a_supplied_httpx_client_still_sends_the_key() -> None:
    server = Server()
    http = httpx.Client(base_url=BASE_URL, transport=httpx.MockTransport(server))
    client = Client(base_url=BASE_URL, api_key=KEY).set_httpx_client(http)
    OPERATIONS["list_proxies"].call(client, "sync")
    assert server.requests[0].url.params["key"] == KEY


def test_repr_never_shows_the_key_or_the_session() -> None:
    client = Server().client(api_key=KEY, cookies={"connect.sid": SESSION}, headers={"X-Trace": "t"})
    client.get_httpx_client()
    for text in (repr(client), str(client), repr(client.auth), repr(ApiKeyAuth(KEY, "bearer"))):
        assert KEY not in text
        assert SESSION not in text
    assert "***" in repr(client.auth)


def test_a_parsed_answer_carrying_the_key_does_not_show_it_in_its_repr() -> None:
    info = ApiKeyInfo.from_dict({"email": "demo@offcloud.test", "apiKey": KEY})
    assert info.api_key == KEY
    assert KEY not in repr(info)
    assert "demo@offcloud.test" in repr(info)


def test_auth_style_is_checked() -> None:
    with pytest.raises(ValueError, match="auth_style"):
        Client(base_url=BASE_URL, api_key=KEY, auth_style="header")  # type: ignore[arg-type]


def test_authenticated_client_is_the_same_class() -> None:
    assert AuthenticatedClient is Client


# --- the session cookie --------------------------------------------------------------------------


def _login_server() -> Server:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/login":
            body = {"email": "demo@offcloud.test", "userId": "53f89e52822c8bf413000008"}
            return httpx.Response(
                200, json=body, headers={"Set-Cookie": f"connect.sid={SESSION}; Path=/; HttpOnly"}
            )
        return httpx.Response(200, json={"loggedIn": 1})

    return Server(answer)


def _sent_session(request: httpx.Request) -> str | None:
    header = request.headers.get("cookie", "")
    values = dict(part.strip().split("=", 1) for part in header.split(";") if "=" in part)
    return values.get("connect.sid")


@pytest.mark.parametrize("login_mode", MODES)
def test_login_cookie_is_sent_by_later_sync_and_async_calls(login_mode: str) -> None:
    server = _login_server()
    client = server.client()
    if login_mode == "sync":
        result = login.sync(client=client, body=LOGIN_FORM)
    else:
        result = asyncio.run(login.asyncio(client=client, body=LOGIN_FORM))
    assert isinstance(result, LoginResult)

    assert check_login.sync(client=client) is not None
    assert asyncio.run(check_login.asyncio(client=client)) is not None

    login_request, *later = server.requests
    assert _sent_session(login_request) is None
    assert [_sent_session(request) for request in later] == [SESSION, SESSION]


def test_sync_and_async_httpx_clients_share_one_jar() -> None:
    client = Server().client()
    jar = client.cookie_jar
    assert client.get_httpx_client().cookies.jar is jar
    assert client.get_async_httpx_client().cookies.jar is jar


def test_cookies_argument_seeds_the_shared_jar() -> None:
    server = Server()
    client = server.client(cookies={"connect.sid": SESSION})
    OPERATIONS["check_login"].call(client, "sync")
    OPERATIONS["check_login"].call(client, "async")
    assert [_sent_session(request) for request in server.requests] == [SESSION, SESSION]


def test_with_cookies_keeps_the_session_and_adds_cookies() -> None:
    server = _login_server()
    client = server.client()
    login.sync(client=client, body=LOGIN_FORM)

    other = client.with_cookies({"lang": "en"})
    OPERATIONS["check_login"].call(other, "async")
    OPERATIONS["check_login"].call(client, "sync")

    for request in server.requests[1:]:
        assert _sent_session(request) == SESSION
        assert "lang=en" in request.headers["cookie"]
    assert other.cookie_jar is not client.cookie_jar


# --- timeouts ------------------------------------------------------------------------------------


def test_default_timeout_is_short_to_connect_and_sensible_to_read() -> None:
    assert (DEFAULT_TIMEOUT.connect, DEFAULT_TIMEOUT.read) == (5.0, 30.0)
    server = Server()
    client = server.client()
    assert client.get_httpx_client().timeout == DEFAULT_TIMEOUT
    assert client.get_async_httpx_client().timeout == DEFAULT_TIMEOUT
    OPERATIONS["list_proxies"].call(client, "sync")
    assert server.requests[0].extensions["timeout"] == {
        "connect": 5.0,
        "read": 30.0,
        "write": 30.0,
        "pool": 30.0,
    }


def test_timeout_can_be_overridden() -> None:
    server = Server()
    client = server.client(timeout=httpx.Timeout(2.0, connect=1.0))
    OPERATIONS["list_proxies"].call(client, "async")
    assert server.requests[0].extensions["timeout"] == {
        "connect": 1.0,
        "read": 2.0,
        "write": 2.0,
        "pool": 2.0,
    }
    assert client.with_timeout(httpx.Timeout(9.0)).get_httpx_client().timeout == httpx.Timeout(9.0)


# --- answers openapi.yaml does not describe ------------------------------------------------------

HTML = b"<!DOCTYPE html><html><body><h1>Page not found.</h1></body></html>"
NO_BRANCH = b'{"unexpected": "shape", "code": 7}'
# A documented 200 shape with a value outside its enum.
BAD_ENUM = {
    "add_cloud_download": (
        b'{"requestId": "5f1b2c3d4e5f60718293a4b6", "fileName": "manual.pdf", "site": "Example",'
        b' "status": "teleported", "originalLink": "https://files.example.com/docs/manual.pdf",'
        b' "url": "https://de-3.offcloud.com/cloud/download/5f1b2c3d4e5f60718293a4b6",'
        b' "createdOn": "2026-01-01T00:00:05.000Z"}'
    ),
    "add_instant_download": b'{"not_available": "teleport"}',
    "add_remote_download": b'{"not_available": "cloud"}',  # cloud is not an instant/remote add-on
    "get_cloud_status": (
        b'{"status": {"requestId": "5f1b2c3d4e5f60718293a4b6", "fileName": "manual.pdf",'
        b' "status": "teleporting", "amount": 0, "fileSize": 1}}'
    ),
}


@dataclass(frozen=True)
class Case:
    status: int
    body: bytes
    error: type[UnexpectedResponse]
    reason: str
    content_type: str = "application/json"
    raise_on_unexpected_status: bool = False


def _cases() -> list[Any]:
    cases = []
    for name, operation in OPERATIONS.items():
        per_operation = {
            "520": Case(
                520, b"<html>Web server is returning an unknown error</html>", UnexpectedStatus, "standard"
            ),
            "undocumented-418": Case(
                418,
                b'{"error": "teapot"}',
                UnexpectedStatus,
                "not documented",
                raise_on_unexpected_status=True,
            ),
            "html-200": Case(200, HTML, UnexpectedBody, "not valid JSON", content_type="text/html"),
            "no-branch-200": Case(200, NO_BRANCH, UnexpectedBody, "none of the documented shapes"),
        }
        if operation.error_status is not None:
            per_operation[f"html-{operation.error_status}"] = Case(
                operation.error_status, HTML, UnexpectedBody, "not valid JSON", content_type="text/html"
            )
        if name in BAD_ENUM:
            per_operation["bad-enum-200"] = Case(
                200, BAD_ENUM[name], UnexpectedBody, "none of the documented shapes"
            )
        for case_id, case in per_operation.items():
            for mode in MODES:
                cases.append(pytest.param(name, case, mode, id=f"{name}-{case_id}-{mode}"))
    return cases


@pytest.mark.parametrize(("name", "case", "mode"), _cases())
def test_unexpected_answers_raise_unexpected_response(name: str, case: Case, mode: str) -> None:
    server = Server(
        lambda request: httpx.Response(
            case.status, content=case.body, headers={"Content-Type": case.content_type}
        )
    )
    client = server.client(api_key=KEY, raise_on_unexpected_status=case.raise_on_unexpected_status)

    with pytest.raises(UnexpectedResponse) as raised:
        OPERATIONS[name].call(client, mode)

    error = raised.value
    assert isinstance(error, case.error)
    assert error.status_code == case.status
    assert error.content == case.body
    assert case.reason in error.reason
    message = str(error)
    assert str(case.status) in message
    assert case.body[:20].decode() in message
    # The request URL carries the key: the message must show neither.
    assert KEY not in message
    assert "offcloud.test" not in message


@pytest.mark.parametrize("mode", MODES)
def test_undocumented_standard_status_gives_parsed_none_by_default(mode: str) -> None:
    server = Server(lambda request: httpx.Response(418, json={"error": "teapot"}))
    response = OPERATIONS["add_cloud_download"].call(server.client(), mode)
    assert response.status_code == HTTPStatus.IM_A_TEAPOT
    assert response.parsed is None


def test_long_bodies_are_truncated_in_the_message() -> None:
    body = b"<html>" + b"x" * 5000 + b"</html>"
    server = Server(lambda request: httpx.Response(200, content=body, headers={"Content-Type": "text/html"}))
    with pytest.raises(UnexpectedBody) as raised:
        list_proxies.sync(client=server.client())
    assert len(str(raised.value)) < 1000
    assert raised.value.content == body
