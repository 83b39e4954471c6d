"""Hypothesis throws random requests at the app: whatever comes in, no 500, and errors are JSON."""

import json
from typing import Any

from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offcloud_mock.backend.demo import FREE_KEY
from offcloud_mock.http.app import create_app
from offcloud_mock.settings import MockConfig
from offcloud_mock.spec import operations
from tests.mock_http.values import BUNNY_HASH, DEMO_KEY, GDRIVE_OPTION, UNKNOWN_ID

# Built once: hypothesis runs many examples against one app, as a long-lived server would see them.
_APP: Flask = create_app(MockConfig(validate_responses=True, frozen_clock=True, max_body_bytes=64 * 1024))
_CLIENT = _APP.test_client()

_FIELDS = [
    "url",
    "proxyId",
    "remoteOptionId",
    "folderId",
    "requestId",
    "hashes",
    "username",
    "password",
    "key",
]
_REQUEST_IDS = st.sampled_from([UNKNOWN_ID, "", "x", "%00", "..", "a" * 300, "5F1B2C3D4E5F60718293A4B5"])
_URL_PATTERN = operations()[4].body_schemas["application/json"]["properties"]["url"]["pattern"]
_URLS = st.one_of(
    st.from_regex(_URL_PATTERN, fullmatch=True),
    st.sampled_from(["https://files.example.com/x.bin", f"magnet:?xt=urn:btih:{BUNNY_HASH}", "http://a"]),
    st.text(max_size=50),
)
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30) | _URLS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths() -> st.SearchStrategy[str]:
    known = [op.path for op in operations()]
    templated = st.builds(
        lambda path, rid: path.replace("{requestId}", rid), st.sampled_from(known), _REQUEST_IDS
    )
    junk = st.text(alphabet="abc/._-%?=&{}[]", max_size=30).map(lambda tail: "/api/" + tail)
    control = st.sampled_from(["/_mock/health", "/_mock/clock", "/_mock/journal?limit=x", "/_mock/nope"])
    return st.one_of(templated, junk, control, st.sampled_from(["/", "/docs/nope", "/openapi.yaml/x"]))


@st.composite
def _bodies(draw: st.DrawFn) -> tuple[str | None, bytes]:
    style = draw(st.sampled_from(["json", "json-valid", "form", "multipart-ish", "none", "raw", "text"]))
    if style == "json-valid":
        fields = draw(st.dictionaries(st.sampled_from(_FIELDS), _JSON_VALUES | _URLS, max_size=5))
        if draw(st.booleans()):
            fields["remoteOptionId"] = GDRIVE_OPTION
        return "application/json", json.dumps(fields).encode()
    if style == "json":
        return "application/json", json.dumps(draw(_JSON_VALUES)).encode()
    if style == "form":
        names = st.sampled_from(_FIELDS).flatmap(
            lambda name: st.sampled_from([name, f"{name}[]", f"{name}[0]", f"{name}[7]", f"{name}[x]"])
        )
        pairs = draw(st.lists(st.tuples(names, _URLS), max_size=6))
        from urllib.parse import urlencode

        return "application/x-www-form-urlencoded", urlencode(pairs).encode()
    if style == "multipart-ish":
        return "multipart/form-data" + draw(st.sampled_from(["", "; boundary=xyz"])), draw(
            st.binary(max_size=80)
        )
    if style == "none":
        return None, draw(st.binary(max_size=80))
    if style == "text":
        return draw(
            st.sampled_from(["text/plain", "application/xml", "application/json; charset=latin-1"])
        ), draw(st.binary(max_size=40))
    printable = st.characters(min_codepoint=32, max_codepoint=126)  # what an HTTP header can carry
    return draw(st.text(alphabet=printable, max_size=30)), draw(st.binary(max_size=80))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]),
    path=_paths(),
    body=_bodies(),
    auth=st.sampled_from(["", f"key={DEMO_KEY}", "key=", "apikey=nope", f"key={FREE_KEY}"]),
)
def test_no_input_makes_the_mock_fail(
    method: str, path: str, body: tuple[str | None, bytes], auth: str
) -> None:
    content_type, data = body
    separator = "&" if "?" in path else "?"
    headers: dict[str, Any] = {} if content_type is None else {"Content-Type": content_type}
    response = _CLIENT.open(f"{path}{separator}{auth}", method=method, data=data, headers=headers)
    assert response.status_code != 500, response.get_data(as_text=True)
    if response.status_code in (404, 405) and response.mimetype == "text/html":
        return  # the era's unknown-route page (the 2026 server's HTML 404/405 pages)
    if response.status_code >= 400 and method != "HEAD":
        assert response.mimetype == "application/json", response.get_data(as_text=True)[:200]
        assert isinstance(response.json, dict)
        assert isinstance(response.json.get("error"), str)


_CONTROL_APP: Flask = create_app(MockConfig(frozen_clock=True))
_CONTROL_CLIENT = _CONTROL_APP.test_client()
_CONTROL_KEYS = [
    "seed",
    "freeze",
    "advance",
    "speed",
    "status",
    "operation",
    "retry_after",
    "latency",
    "html",
]
_CONTROL_KEYS += ["drop", "count", "era", "validate_responses", "accounts"]


@settings(max_examples=300, deadline=None)
@given(
    route=st.sampled_from(
        [
            "/_mock/reset",
            "/_mock/clock",
            "/_mock/settings",
            "/_mock/faults",
            "/_mock/scenario",
            f"/_mock/downloads/{UNKNOWN_ID}/status",
        ]
    ),
    body=st.one_of(
        st.dictionaries(st.sampled_from(_CONTROL_KEYS), _JSON_VALUES | st.floats(), max_size=4),
        _JSON_VALUES,
    ),
)
def test_no_control_input_makes_the_mock_fail(route: str, body: object) -> None:
    try:
        data = json.dumps(body)
    except ValueError:
        return
    response = _CONTROL_CLIENT.post(route, data=data, content_type="application/json")
    assert response.status_code in (200, 400, 404), response.get_data(as_text=True)
    assert isinstance(response.json, dict | list)
    _CONTROL_CLIENT.delete("/_mock/faults")  # none of them would ever be taken here anyway
    assert _CONTROL_CLIENT.get("/_mock/health").status_code == 200
