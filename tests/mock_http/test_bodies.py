"""Folding form fields the way Node's qs does, and the validation messages."""

import pytest

from mock_server.bodies import fold_form
from mock_server.exceptions import BadRequest
from mock_server.validation import request_validators

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
    ("operation", "body", "message"),
    [
        ("addCloudDownload", {}, "Missing required parameter: url"),
        ("addRemoteDownload", {}, "Missing required parameter: url"),
        ("addRemoteDownload", {"url": "bad"}, "Missing required parameter: remoteOptionId"),
        ("addCloudDownload", {"url": 7}, "Invalid parameter 'url': 7 is not of type \"string\""),
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
