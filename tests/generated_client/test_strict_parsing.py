"""The generated models check the JSON they parse (generator/templates/model.py.jinja, errors.py.jinja):
a value of the wrong JSON type, outside its const or outside its inline bounds is refused with
errors.UnexpectedBody instead of ending up in a model, and a oneOf no longer takes a branch whose values
do not fit it.

Through `_parse_response` of real endpoint modules. Most 200 answers are a oneOf whose last branch is
ErrorBody, and the UnexpectedBody of a body that fits no branch reports the last branch's failure; the
message naming the wrong field of another branch is shown on the model's from_dict.
"""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import httpx
import pytest
from offcloud_client import Client
from offcloud_client.api.account import check_login, get_api_key, login
from offcloud_client.api.cache import check_cache
from offcloud_client.api.cloud import explore_cloud_download, get_cloud_status, retry_cloud_download
from offcloud_client.api.proxies import list_proxies
from offcloud_client.api.remote import list_remote_accounts, retry_remote_download
from offcloud_client.errors import UnexpectedBody, check_bounds, check_const, check_type
from offcloud_client.models import (
    CacheCheckResult,
    CloudDownloadStatus,
    CloudStatusResult,
    ErrorBody,
    LoginCheck,
    ProxyList,
    RemoteAccount,
    RetryResult,
)
from offcloud_client.types import UNSET

CLIENT = Client(base_url="https://offcloud.test")
HASH = "0123456789abcdef0123456789abcdef01234567"
STATUS = {
    "requestId": "5f1b2c3d4e5f60718293a4b6",
    "fileName": "manual.pdf",
    "status": "downloading",
    "amount": 12,
    "fileSize": 1024,
}


def parse(module: ModuleType, body: object, status: int = 200) -> Any:
    response = httpx.Response(
        status, content=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    return module._parse_response(client=CLIENT, response=response)


def refused(module: ModuleType, body: object, status: int = 200) -> UnexpectedBody:
    with pytest.raises(UnexpectedBody) as raised:
        parse(module, body, status)
    assert raised.value.status_code == status
    return raised.value


# --- through the endpoint modules -----------------------------------------------------------------


@pytest.mark.parametrize("module", [list_proxies, check_cache, get_api_key, list_remote_accounts])
def test_null_for_a_required_string_is_refused(module: ModuleType) -> None:
    """`{"error": null}` used to be ErrorBody(error=None), on a 200 (oneOf) and on an error status."""
    refused(module, {"error": None})
    error = refused(module, {"error": None}, status=401)
    assert "ErrorBody.error: expected string, got null" in str(error)


@pytest.mark.parametrize(
    ("logged_in", "got"), [("1", "string"), (True, "boolean"), (1.0, "number"), (None, "null")]
)
def test_wrong_type_for_an_integer_is_refused(logged_in: object, got: str) -> None:
    """A JSON boolean is no integer, though Python's True is an int."""
    error = refused(check_login, {"loggedIn": logged_in})
    assert f"LoginCheck.loggedIn: expected integer, got {got}" in str(error)


def test_an_integer_outside_its_bounds_is_refused() -> None:
    error = refused(check_login, {"loggedIn": 2})
    assert "LoginCheck.loggedIn: expected a value of at most 1, got 2" in str(error)
    assert isinstance(parse(check_login, {"loggedIn": 0}), LoginCheck)


def test_an_empty_error_message_is_refused() -> None:
    """ErrorBody.error has minLength 1."""
    error = refused(list_proxies, {"error": ""}, status=401)
    assert "ErrorBody.error: expected a length of at least 1, got 0" in str(error)


def test_a_list_item_of_the_wrong_type_is_refused() -> None:
    refused(check_cache, {"cachedItems": [HASH, 7]})
    with pytest.raises(TypeError, match=r"CacheCheckResult\.cachedItems\[1\]: expected string, got integer"):
        CacheCheckResult.from_dict({"cachedItems": [HASH, 7]})


def test_a_list_item_that_should_be_an_object_is_refused() -> None:
    refused(list_proxies, {"list": [{"id": "p1", "name": "Proxy", "region": "EU"}, None]})
    with pytest.raises(TypeError, match=r"ProxyList\.list\[1\]: expected object, got null"):
        ProxyList.from_dict({"list": [{"id": "p1", "name": "Proxy", "region": "EU"}, None]})


@pytest.mark.parametrize("module", [retry_cloud_download, retry_remote_download])
@pytest.mark.parametrize(
    ("success", "message"),
    [
        (False, "RetryResult.success: expected true, got false"),
        ("", "RetryResult.success: expected boolean, got string"),
        (1, "RetryResult.success: expected boolean, got integer"),
        (None, "RetryResult.success: expected boolean, got null"),
    ],
)
def test_the_const_is_checked(module: ModuleType, success: object, message: str) -> None:
    """`success: {type: boolean, const: true}`; 0.29.1 types it as plain bool and drops the const."""
    refused(module, {"success": success})
    with pytest.raises((TypeError, ValueError), match=message):
        RetryResult.from_dict({"success": success})
    assert isinstance(parse(module, {"success": True}), RetryResult)


@pytest.mark.parametrize(
    ("module", "body"),
    [
        (check_cache, {"error": "Bad archive", "cachedItems": None}),
        (retry_cloud_download, {"error": "Incorrect url", "success": None}),
        (retry_remote_download, {"error": "Incorrect url", "success": "yes"}),
        (login, {"error": "The credentials entered are wrong.", "email": None, "userId": None}),
    ],
)
def test_a_legacy_error_falls_through_to_error_body(module: ModuleType, body: dict[str, Any]) -> None:
    """A oneOf used to take the first branch that did not raise: cast() and a bare d.pop() never did."""
    parsed = parse(module, body)
    assert isinstance(parsed, ErrorBody)
    assert parsed.error == body["error"]
    assert parsed.to_dict() == body  # the other key stays an additional property


def test_a_model_is_parsed_from_an_object_only() -> None:
    """dict() turned a list of pairs into a model."""
    error = refused(list_proxies, [["error", "NOAUTH"]], status=401)
    assert "ErrorBody: expected object, got array" in str(error)


def test_nested_values_are_checked() -> None:
    refused(get_cloud_status, {"status": {**STATUS, "amount": "12"}})
    refused(get_cloud_status, {"status": None})
    with pytest.raises(TypeError, match=r"CloudStatusResult\.status: expected object, got null"):
        CloudStatusResult.from_dict({"status": None})
    with pytest.raises(TypeError, match=r"CloudDownloadStatus\.amount: expected integer, got string"):
        CloudStatusResult.from_dict({"status": {**STATUS, "amount": "12"}})


@pytest.mark.parametrize(
    ("value", "got"), [(1.5, "number"), (True, "boolean"), (None, "null"), ([], "array")]
)
def test_a_union_value_must_be_one_of_its_types(value: object, got: str) -> None:
    """fileSize is a ByteCount: an integer or a string of digits."""
    with pytest.raises(
        TypeError, match=rf"CloudDownloadStatus\.fileSize: expected integer or string, got {got}"
    ):
        CloudDownloadStatus.from_dict({**STATUS, "fileSize": value})
    for good in (1024, "1024"):
        assert CloudDownloadStatus.from_dict({**STATUS, "fileSize": good}).file_size == good


def test_an_optional_property_may_be_absent_but_not_null() -> None:
    parsed = CloudDownloadStatus.from_dict(STATUS)
    assert parsed.error_message is UNSET
    with pytest.raises(TypeError, match=r"CloudDownloadStatus\.errorMessage: expected string, got null"):
        CloudDownloadStatus.from_dict({**STATUS, "errorMessage": None})
    account = {"accountId": "a1", "remoteOptionId": "r1", "type": "ftp", "username": "u", "status": "ok"}
    assert RemoteAccount.from_dict({**account, "port": 21}).port == 21
    with pytest.raises(
        ValueError, match=r"RemoteAccount\.port: expected a value of at most 65535, got 70000"
    ):
        RemoteAccount.from_dict({**account, "port": 70000})


@pytest.mark.parametrize("module", [get_cloud_status, list_proxies, explore_cloud_download])
@pytest.mark.parametrize("status", [200, 401])
def test_a_body_nested_too_deep_to_read_is_unexpected(module: ModuleType, status: int) -> None:
    # Python's JSON reader gives up on nesting past the recursion limit with a RecursionError, which
    # would otherwise reach a caller of the generated client (`oc.raw`) bare.
    depth = 100_000
    response = httpx.Response(
        status, content=("[" * depth + "]" * depth).encode(), headers={"Content-Type": "application/json"}
    )
    with pytest.raises(UnexpectedBody) as raised:
        module._parse_response(client=CLIENT, response=response)
    assert raised.value.status_code == status
    assert "nested too deep to read" in str(raised.value)
    assert isinstance(raised.value.__cause__, RecursionError)


def test_documented_bodies_still_parse() -> None:
    """The spec's examples are all parsed by test_parse_examples.py; these are the edges of the checks."""
    assert parse(check_cache, {"cachedItems": []}) == CacheCheckResult(cached_items=[])
    status = parse(get_cloud_status, {"status": {**STATUS, "downloadingSpeed": "77", "isDirectory": False}})
    assert isinstance(status, CloudStatusResult)
    assert (status.status.downloading_speed, status.status.is_directory) == ("77", False)
    extra = parse(list_proxies, {"list": [], "extra": None})  # additional properties are not checked
    assert extra.additional_properties == {"extra": None}
    links = ["https://files.example.com/a.bin"]
    assert parse(explore_cloud_download, links) == links


# --- the helpers themselves -----------------------------------------------------------------------


def test_check_type_returns_the_value_and_lets_unset_pass() -> None:
    assert check_type("X.a", "text", str) == "text"
    assert check_type("X.a", UNSET, str) is UNSET
    assert check_type("X.a", [1, "2"], list, items=(int, str)) == [1, "2"]


def test_check_type_takes_an_integer_for_a_number_but_no_boolean_for_either() -> None:
    assert check_type("X.a", 1, float) == 1
    for expected in (int, float, (int, str)):
        with pytest.raises(TypeError, match="got boolean"):
            check_type("X.a", True, expected)
    assert check_type("X.a", False, (bool, int)) is False


def test_check_const_and_check_bounds_let_unset_pass() -> None:
    check_const("X.a", UNSET, True)
    check_bounds("X.a", UNSET, minimum=1)
    check_bounds("X.a", [1, 2], minimum=1, maximum=2)
    with pytest.raises(ValueError, match=r"X\.a: expected a length of at most 2, got 3"):
        check_bounds("X.a", [1, 2, 3], maximum=2)
    with pytest.raises(ValueError, match=r'X\.a: expected "on", got "off"'):
        check_const("X.a", "off", "on")
