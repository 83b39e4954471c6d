"""mock_server.json_provider.OrjsonProvider answers what the mock's stdlib provider answers."""

import json
from datetime import UTC, datetime
from typing import Any, cast

import pytest
from flask import Flask, Response

from mock_server.json_provider import OrjsonProvider

_VALUES: list[Any] = [
    {"status": {"requestId": "5f1b2c3d4e5f60718293a4b6", "status": "downloaded", "amount": 52428800}},
    {"z": 1, "a": [1.5, None, True, "é ☃"], "m": {"nested": {"deep": []}}},  # order kept, not sorted
    [{"fileName": "ok.bin", "fileSize": "123"}],
    {"when": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)},  # Flask's default: an HTTP date
    {"error": "\ud800 lone surrogate"},  # orjson refuses it: the stdlib writes it, as before
    {"big": 2**70},  # past orjson's 64 bits
]


def _apps() -> tuple[Flask, Flask]:
    class Compact(Flask):
        json_provider_class = OrjsonProvider

    stdlib = Flask("stdlib")
    stdlib.json.sort_keys = False  # type: ignore[attr-defined]
    stdlib.json.compact = True  # type: ignore[attr-defined]
    return stdlib, Compact("orjson")


@pytest.mark.parametrize("value", _VALUES)
def test_the_same_json_as_the_stdlib_provider(value: Any) -> None:
    stdlib, fast = _apps()
    with stdlib.app_context():
        expected = cast(Response, stdlib.json.response(value)).get_data()
    with fast.app_context():
        got = cast(Response, fast.json.response(value)).get_data()
        assert fast.json.loads(fast.json.dumps(value)) == stdlib.json.loads(stdlib.json.dumps(value))
    assert json.loads(got) == json.loads(expected)
    assert list(json.loads(got)) == list(json.loads(expected))  # the same key order
    assert got.endswith(b"\n")


def test_dumps_with_options_falls_back_to_the_stdlib() -> None:
    _, fast = _apps()
    with fast.app_context():
        assert fast.json.dumps({"b": 1, "a": 2}, sort_keys=True) == '{"a": 2, "b": 1}'
