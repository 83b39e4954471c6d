"""Folding form fields the way Node's qs does, and the validation messages."""

import pytest

from offcloud_mock.backend.errors import BadRequest
from offcloud_mock.http.bodies import fold_form, parse_urlencoded
from offcloud_mock.http.validation import request_validators

ARRAYS = frozenset({"hashes"})


@pytest.mark.parametrize(
    ("pairs", "folded"),
    [
        ([("hashes", "a")], {"hashes": ["a"]}),
        ([("hashes", "a"), ("hashes", "b")], {"hashes": ["a", "b"]}),
        ([("hashes[]", "a"), ("hashes[]", "b")], {"hashes": ["a", "b"]}),
        ([("hashes[1]", "b"), ("hashes[0]", "a")], {"hashes": ["a", "b"]}),
        ([("url", "x")], {"url": "x"}),
        ([("url", "x"), ("url", "y")], {"url": ["x", "y"]}),  # qs makes a list: the spec then refuses it
        ([("url[]", "x")], {"url": ["x"]}),
        ([("url[a]", "x")], {"url": {"a": "x"}}),
        ([("", "x"), ("[]", "y")], {"[]": "y"}),
        ([("hashes[99999999999]", "a")], {"hashes": {"99999999999": "a"}}),  # no 100-GB lists
    ],
)
def test_fold_form(pairs: list[tuple[str, str]], folded: dict[str, object]) -> None:
    assert fold_form(pairs, ARRAYS) == folded


@pytest.mark.parametrize(
    ("body", "pairs"),
    [
        (b"", []),
        (b"url=", [("url", "")]),
        (b"url", [("url", "")]),
        (b"a=1&&b=2&", [("a", "1"), ("b", "2")]),
        (b"hashes=a&hashes=b", [("hashes", "a"), ("hashes", "b")]),
        (b"hashes%5B%5D=a&hashes[]=b", [("hashes[]", "a"), ("hashes[]", "b")]),
        (b"url=a+b%20c%2Bd", [("url", "a b c+d")]),
        ("name=caf\u00e9&x=%C3%A9".encode(), [("name", "caf\u00e9"), ("x", "\u00e9")]),
        (b"=x&y=%3D", [("", "x"), ("y", "=")]),
    ],
)
def test_parse_urlencoded(body: bytes, pairs: list[tuple[str, str]]) -> None:
    assert parse_urlencoded(body) == pairs


@pytest.mark.parametrize("body", [b"url=\xff\xfe", b"url=%FF", b"%C3=x"])
def test_form_bodies_that_are_not_utf8_are_a_bad_request(body: bytes) -> None:
    with pytest.raises(BadRequest, match="not UTF-8"):
        parse_urlencoded(body)


def test_too_many_form_fields_are_a_bad_request() -> None:
    with pytest.raises(BadRequest, match="Too many form fields"):
        parse_urlencoded(b"&".join(b"f=1" for _ in range(10_001)))


@pytest.mark.parametrize(
    ("operation", "body", "message"),
    [
        ("addCloudDownload", {}, "Missing required parameter: url"),
        ("addRemoteDownload", {}, "Missing required parameter: url"),
        ("addRemoteDownload", {"url": "bad"}, "Missing required parameter: remoteOptionId"),
        ("addCloudDownload", {"url": 7}, "Incorrect url"),  # the spec's wording (x-offcloud-invalid)
        (
            "addRemoteDownload",
            {"url": "https://a.example/x", "remoteOptionId": 7},
            "Invalid parameter 'remoteOptionId': 7 is not of type \"string\"",
        ),
        (
            "checkCache",
            {"hashes": ["z"]},
            'Invalid parameter \'hashes[0]\': "z" does not match "^[0-9a-fA-F]{40}$"',
        ),
        (
            "addInstantDownload",
            {"url": "https://a.example/x", "proxyId": "p" * 65},
            "Invalid parameter 'proxyId': ",
        ),
    ],
)
def test_messages_name_the_parameter(operation: str, body: dict[str, object], message: str) -> None:
    with pytest.raises(BadRequest) as caught:
        request_validators()[operation].validate({}, "json", body)
    assert caught.value.message.startswith(message)


def test_path_parameters_are_validated() -> None:
    with pytest.raises(BadRequest) as caught:
        request_validators()["exploreCloudDownload"].validate({"requestId": "XYZ"}, "form", {})
    assert caught.value.message == 'Invalid parameter \'requestId\': "XYZ" does not match "^[0-9a-f]{24}$"'


def test_long_values_are_shortened_in_messages() -> None:
    with pytest.raises(BadRequest) as caught:
        request_validators()["addCloudDownload"].validate({}, "json", {"url": "x" * 5000})
    assert len(caught.value.message) < 300
