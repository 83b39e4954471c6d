"""Hostile input (unbounded, malformed and undecodable input): each case gets its status with a JSON error body,
creates nothing, and leaves the mock answering.

"Creates nothing": no download appears, and the journal gains at most the refused request's own entry
(API requests are journaled, with the status they got), which the journal can still answer.
"""

import json
import logging
import time
from dataclasses import dataclass, field

import pytest
from flask import Flask
from flask.testing import FlaskClient

from offcloud_mock.http.app import create_app
from offcloud_mock.http.runtime import runtime
from offcloud_mock.settings import MockConfig
from tests.mock_http.values import DEMO_KEY, DEMO_LOGIN, REPORT_URL, key

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
YAML = "application/yaml"


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append(f"accounts: *a{levels - 1}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    path: str
    body: bytes
    content_type: str | None
    status: int
    named: str = ""  # a part of the error message
    headers: dict[str, str] = field(default_factory=dict)


def _json(value: str) -> bytes:
    return value.encode("utf-8", "surrogatepass")


CASES = [
    # --- finding 3: deep JSON is refused before parsing, on the API and the control plane -----------
    Case("json 65 deep", "POST", "/api/cloud" + key(), _json(_nested(65)), JSON, 400, "deeper than 64"),
    Case(
        "json 490 deep beside a valid url",
        "POST",
        "/api/cloud" + key(),
        _json(f'{{"url": "{REPORT_URL}", "x": {_nested(490)}}}'),
        JSON,
        400,
        "deeper than 64",
    ),
    Case(
        "json 495 deep beside a valid url",
        "POST",
        "/api/cloud" + key(),
        _json(f'{{"url": "{REPORT_URL}", "x": {_nested(495)}}}'),
        JSON,
        400,
        "deeper than 64",
    ),
    Case("json 100000 deep", "POST", "/api/cloud" + key(), _json(_nested(100_000)), JSON, 400, "deeper"),
    Case(  # an unterminated string of escaped quotes: quadratic for a naive string-skipping regex
        "json escapes unterminated",
        "POST",
        "/api/cloud" + key(),
        b"[" * 70 + b'"' + b'\\"' * 400_000,
        JSON,
        400,
        "deeper",
    ),
    Case("control json deep", "POST", "/_mock/reset", _json(_nested(5000)), JSON, 400, "deeper"),
    Case("control faults deep", "POST", "/_mock/faults", _json(_nested(300)), JSON, 400, "deeper"),
    # --- finding 4: lone surrogates, NULs and undecodable bodies -------------------------------------
    Case("surrogate url", "POST", "/api/cloud" + key(), _json('{"url": "\\ud800"}'), JSON, 400, "surrogate"),
    Case(
        "surrogate requestId",
        "POST",
        "/api/cloud/status" + key(),
        _json('{"requestId": "\\ud800"}'),
        JSON,
        400,
        "surrogate",
    ),
    Case(
        "surrogate hash",
        "POST",
        "/api/cache" + key(),
        _json('{"hashes": ["\\udfff"]}'),
        JSON,
        400,
        "surrogate",
    ),
    Case("surrogate key name", "POST", "/api/cloud" + key(), _json('{"\\ud800": 1}'), JSON, 400, "surrogate"),
    Case(
        "json NUL", "POST", "/api/cloud" + key(), _json(f'{{"url": "{REPORT_URL}\\u0000"}}'), JSON, 400, "NUL"
    ),
    Case("form NUL", "POST", "/api/cloud" + key(), b"url=http%3A%2F%2Fx.test%2F%00", FORM, 400, "NUL"),
    Case("json not utf-8", "POST", "/api/cloud" + key(), b'{"url": "\xff\xfe"}', JSON, 400, "Invalid JSON"),
    Case("json utf-16", "POST", "/api/cloud" + key(), '{"url": "x"}'.encode("utf-16"), JSON, 400, "Invalid"),
    Case("form not utf-8", "POST", "/api/cloud" + key(), b"url=%ff%fe", FORM, 400, "UTF-8"),
    Case("sniffed not utf-8", "POST", "/api/cloud" + key(), b'{"url": "\xc3"}', None, 400, "Invalid JSON"),
    Case("json infinity", "POST", "/api/cloud" + key(), b'{"url": 1e999}', JSON, 400, "too large"),
    Case("json NaN", "POST", "/api/cloud" + key(), b'{"url": NaN}', JSON, 400, "NaN"),
    Case(
        "json huge int", "POST", "/api/cloud" + key(), b'{"url": ' + b"9" * 5000 + b"}", JSON, 400, "Invalid"
    ),
    Case(
        "control surrogate scenario",
        "POST",
        "/_mock/scenario",
        _json('{"accounts": [{"email": "a@b.test", "password": "\\ud800", "api_key": "k-1234567"}]}'),
        JSON,
        400,
        "surrogate",
    ),
    # --- string and body lengths ---------------------------------------------------------------------
    Case(
        "string too long",
        "POST",
        "/api/cloud" + key(),
        _json(json.dumps({"url": "h" * 70_000})),
        JSON,
        400,
        "longer",
    ),
    Case(
        "body too large",
        "POST",
        "/api/cloud" + key(),
        b"url=" + b"a" * (1024 * 1024 + 1),
        FORM,
        413,
        "too large",
    ),
    Case("control body too large", "POST", "/_mock/reset", b" " * (1024 * 1024 + 1), JSON, 413, "too large"),
    # --- finding 1: YAML aliases and deep YAML are refused, never expanded ----------------------------
    Case("billion laughs", "POST", "/_mock/scenario", _billion_laughs().encode(), YAML, 400, "aliases"),
    Case("one alias", "POST", "/_mock/scenario", b"a: &x [1]\naccounts: *x\n", YAML, 400, "aliases"),
    Case("deep yaml", "POST", "/_mock/scenario", b"accounts: " + _nested(200).encode(), YAML, 400, "deeper"),
    Case("yaml huge int", "POST", "/_mock/scenario", b"seed: " + b"9" * 5000, YAML, 400, "not valid YAML"),
    Case(
        "yaml long text",
        "POST",
        "/_mock/scenario",
        f"accounts: [{{email: a@b.test, password: p, api_key: k, user_id: '{'a' * 5000}'}}]".encode(),
        YAML,
        400,
        "longer than 4096",
    ),
    # --- finding 6: scenario times in a sane range -----------------------------------------------------
    Case(
        "start near 9999",
        "POST",
        "/_mock/scenario",
        b"start: '9999-12-31T23:59:00Z'\naccounts: [{email: a@b.test, password: p, api_key: k}]\n",
        YAML,
        400,
        "from 1970 to 2199",
    ),
    Case(
        "start year 1",
        "POST",
        "/_mock/scenario",
        b'{"start": "0001-01-01T00:00:00+00:00", "accounts": [{"email": "a@b.test", "password": "p", "api_key": "k"}]}',
        JSON,
        400,
        "from 1970 to 2199",
    ),
    Case(
        "start pushed past 9999 by its zone",
        "POST",
        "/_mock/scenario",
        b"start: '9999-12-31T23:59:00-23:00'\naccounts: [{email: a@b.test, password: p, api_key: k}]\n",
        YAML,
        400,
        "from 1970 to 2199",
    ),
    Case("clock advance 1e308", "POST", "/_mock/clock", b'{"advance": 1e308}', JSON, 400, "at most"),
    # --- finding 2: faults are bounded --------------------------------------------------------------
    Case(
        "fault latency 1e9",
        "POST",
        "/_mock/faults",
        b'{"operation": "*", "latency": 1e9, "count": 8}',
        JSON,
        400,
        "latency",
    ),
    Case(
        "fault count 1e9",
        "POST",
        "/_mock/faults",
        b'{"operation": "*", "status": 503, "count": 1000000000}',
        JSON,
        400,
        "count",
    ),
    Case(
        "fault retry_after a year",
        "POST",
        "/_mock/faults",
        b'{"operation": "*", "status": 503, "retry_after": 31536000}',
        JSON,
        400,
        "retry_after",
    ),
    Case(
        "unknown status echoed short",
        "POST",
        "/_mock/downloads/x/status",
        _json(json.dumps({"status": 1})),
        JSON,
        400,
        "",
    ),
]


@pytest.fixture
def app() -> Flask:
    return create_app(MockConfig(validate_responses=True, frozen_clock=True))


def _still_answering(client: FlaskClient) -> None:
    for path in ("/_mock/health", "/_mock/clock", "/_mock/journal", "/_mock/faults"):
        response = client.get(path)
        assert response.status_code == 200, (path, response.get_data(as_text=True)[:200])
    assert client.post(f"/api/proxy{key()}").status_code == 200


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input_is_refused_with_json_and_creates_nothing(
    app: Flask, case: Case, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    client = app.test_client()
    backend = runtime(app).backend
    accounts_before = [account.email for account in backend.accounts()]
    journal_before = len(backend.journal.entries())
    started = time.perf_counter()
    headers = dict(case.headers)
    if case.content_type is not None:
        headers["Content-Type"] = case.content_type
    response = client.open(case.path, method=case.method, data=case.body, headers=headers)
    elapsed = time.perf_counter() - started
    assert response.status_code == case.status, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert isinstance(body, dict)
    assert isinstance(body["error"], str)
    assert case.named in body["error"]
    assert len(response.get_data()) < 1000  # a refusal never echoes the input at length
    assert elapsed < 2.0  # refused before anything expensive (a billion-laughs walk took 39 s)
    assert backend.download_count() == 0
    assert [account.email for account in backend.accounts()] == accounts_before
    assert backend.faults.list() == []
    entries = backend.journal.entries()
    assert len(entries) <= journal_before + 1
    if len(entries) > journal_before:
        assert entries[-1]["status"] == case.status
    _still_answering(client)
    assert [record for record in caplog.records if record.levelno >= logging.ERROR] == []  # no traceback


def test_a_password_over_the_limit_is_refused_without_echoing_it() -> None:
    password = "Secret-" + "p" * 2000
    legacy = create_app(MockConfig(era="legacy")).test_client()  # /api/login is a legacy-only operation
    response = legacy.post("/api/login", data={"username": DEMO_LOGIN["username"], "password": password})
    assert response.status_code == 200  # the legacy era answers errors with HTTP 200
    message = response.get_json()["error"]
    assert "password" in message
    assert "Secret-" not in message
    assert "ppp" not in message


def test_the_clock_of_a_fast_mock_stops_at_its_ceiling(client: FlaskClient, app: Flask) -> None:
    """Finding 6's other path: mock time running past year 9999. The clock stops at its century."""
    from offcloud_mock.backend.clock import MAX_ELAPSED

    clock = runtime(app).backend.clock
    clock.advance(MAX_ELAPSED - 1)
    client.post("/_mock/clock", json={"speed": 1_000_000, "freeze": False})
    clock._anchor -= 10**9  # as if a billion real seconds had passed at that speed
    state = client.get("/_mock/clock")
    assert state.status_code == 200
    assert state.get_json()["elapsed"] == MAX_ELAPSED
    assert client.get("/_mock/health").status_code == 200
    assert client.post(f"/api/cloud{key()}", data={"url": REPORT_URL}).status_code == 200
    assert client.get("/_mock/journal").status_code == 200


def test_a_valid_json_body_still_works(client: FlaskClient) -> None:
    nested_ok = {"url": REPORT_URL, "extra": json.loads(_nested(60))}
    response = client.post(f"/api/cloud?key={DEMO_KEY}", json=nested_ok)
    assert response.status_code == 200
    assert client.get("/_mock/journal").status_code == 200


@pytest.mark.live
def test_a_fresh_client_is_answered_within_a_second_while_the_suite_runs(app: Flask) -> None:
    """The issue's "done when": hostile input over real sockets never makes other clients wait."""
    import threading

    import httpx

    from offcloud_mock.serving.waitress_server import serve_in_thread

    with serve_in_thread(app) as server:
        done = threading.Event()
        statuses: list[int] = []

        def attack() -> None:
            with httpx.Client(base_url=server.base_url, timeout=30) as attacker:
                for case in CASES * 2:
                    headers = {} if case.content_type is None else {"Content-Type": case.content_type}
                    response = attacker.request(case.method, case.path, content=case.body, headers=headers)
                    statuses.append(response.status_code)
            done.set()

        thread = threading.Thread(target=attack)
        thread.start()
        slowest = 0.0
        with httpx.Client(base_url=server.base_url, timeout=5) as fresh:
            while not done.is_set():
                started = time.perf_counter()
                assert fresh.get("/_mock/health").status_code == 200
                slowest = max(slowest, time.perf_counter() - started)
                time.sleep(0.02)
        thread.join(timeout=60)
    assert len(statuses) == 2 * len(CASES)
    assert all(status < 500 for status in statuses)
    assert slowest < 1.0


def test_a_long_unknown_path_is_not_echoed_at_length(client: FlaskClient) -> None:
    response = client.get("/" + "x" * 100_000)
    assert response.status_code == 404
    assert b"x" * 300 not in response.get_data()  # the era's 404 page, with the path shortened if at all


def test_a_scenario_over_the_size_limit_is_refused_unread(client: FlaskClient) -> None:
    from offcloud_mock.backend.scenario_yaml import MAX_SCENARIO_CHARS

    text = "accounts: [{email: a@b.test, password: p, api_key: k}]\n#" + "x" * MAX_SCENARIO_CHARS
    response = client.post("/_mock/scenario", data=text, content_type="application/yaml")
    assert response.status_code == 400
    assert f"longer than {MAX_SCENARIO_CHARS}" in response.get_json()["error"]
