"""Folding form fields the way Node's qs does, and the validation messages."""

import dataclasses

import pytest
from werkzeug.datastructures import MultiDict

from offcloud_mock.backend.errors import BadRequest, DocumentedRefusal
from offcloud_mock.http.bodies import fold_form, parse_urlencoded
from offcloud_mock.http.validation import RequestValidator, request_validators

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


REQUEST_ID = {"requestId": "5f1b2c3d4e5f60718293a4b7"}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ([("format", "anything")], 'Invalid parameter \'format\': "anything" is not one of "detailed"'),
        ([("format", "detailed"), ("format", "x")], None),  # the first value is the parameter's
        ([("format", "detailed")], None),
        ([("key", "anything-at-all")], None),  # the API key is a security scheme, not a parameter
        ([], None),  # optional
    ],
)
def test_query_parameters_are_validated(query: list[tuple[str, str]], message: str | None) -> None:
    validator = request_validators()["exploreCloudDownload"]
    if message is None:
        validator.validate(REQUEST_ID, "form", {}, MultiDict(query))
        return
    with pytest.raises(BadRequest) as caught:
        validator.validate(REQUEST_ID, "form", {}, MultiDict(query))
    assert caught.value.message == message


def _with_query(**params: tuple[dict[str, object], bool]) -> RequestValidator:
    """exploreCloudDownload as if its spec declared these query parameters (name -> schema, required)."""
    operation = request_validators()["exploreCloudDownload"].operation
    return RequestValidator.build(dataclasses.replace(operation, query_params=params))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ([("page", "2"), ("exact", "true"), ("ids", "a"), ("ids", "b")], None),
        ([("exact", "true")], "Missing required parameter: page"),
        ([("page", "-1")], "Invalid parameter 'page': -1 is less than the minimum of 0"),
        ([("page", "two")], 'Invalid parameter \'page\': "two" is not of type "integer"'),
        ([("page", "1"), ("exact", "yes")], 'Invalid parameter \'exact\': "yes" is not of type "boolean"'),
        ([("page", "1"), ("ids", "a"), ("ids", "a")], "Invalid parameter 'ids': "),
    ],
)
def test_query_values_are_read_as_their_schema_s_type(
    query: list[tuple[str, str]], message: str | None
) -> None:
    validator = _with_query(
        page=({"type": "integer", "minimum": 0}, True),
        exact=({"type": "boolean"}, False),
        ids=({"type": "array", "items": {"type": "string"}, "uniqueItems": True}, False),
    )
    if message is None:
        validator.validate(REQUEST_ID, "form", {}, MultiDict(query))
        return
    with pytest.raises(BadRequest) as caught:
        validator.validate(REQUEST_ID, "form", {}, MultiDict(query))
    assert caught.value.message.startswith(message)


def test_the_spec_s_wording_of_a_failed_query_parameter_answers() -> None:
    wording = {"error": "Unknown format"}
    validator = _with_query(
        format=({"type": "string", "enum": ["detailed"], "x-offcloud-invalid": wording}, False)
    )
    with pytest.raises(DocumentedRefusal) as caught:
        validator.validate(REQUEST_ID, "form", {}, MultiDict([("format", "plain")]))
    assert caught.value.body == wording


def test_long_values_are_shortened_in_messages() -> None:
    with pytest.raises(BadRequest) as caught:
        request_validators()["addCloudDownload"].validate({}, "json", {"url": "x" * 5000})
    assert len(caught.value.message) < 300
