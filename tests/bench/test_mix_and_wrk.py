"""The request mix and its rendering for wrk: what every server receives, byte for byte."""

import json

from bench.asyncload import build_request
from bench.mix import PATTERN, UNIQUE, Prepared, build_cycle, render
from bench.wrk import lua_string, parse_summary, render_script
from offcloud_mock.backend.demo import DEMO_KEY

_PREPARED = Prepared(status_ids=tuple(f"{i:024x}" for i in range(8)), explore_id="e" * 24)


def test_cycle_polls_every_prepared_id_and_keeps_the_pattern() -> None:
    cycle = build_cycle(_PREPARED)
    assert len(cycle) == 2 * len(PATTERN)  # 8 ids, 6 polls per pattern: two patterns
    polled = {request.body for request in cycle if request.kind == "status"}
    assert polled == {f"requestId={i:024x}" for i in range(8)}
    assert [request.kind for request in cycle[: len(PATTERN)]] == list(PATTERN)
    assert all(f"key={DEMO_KEY}" in request.path for request in cycle)


def test_only_adds_are_unique_and_their_token_is_replaced() -> None:
    cycle = build_cycle(_PREPARED)
    adds = [request for request in cycle if request.unique]
    assert {request.kind for request in adds} == {"add"}
    _, body = render(adds[0], "r1-7")
    assert UNIQUE not in body
    assert body == "url=https%3A%2F%2Ffiles.example.com%2Fbench%2Fload-r1-7.bin"


def test_cache_check_is_json_with_a_list_of_hashes() -> None:
    cache = next(request for request in build_cycle(_PREPARED) if request.kind == "cache")
    assert cache.content_type == "application/json"
    assert len(json.loads(cache.body)["hashes"]) == 10


def test_lua_string_escapes_quotes_backslashes_and_bytes() -> None:
    assert lua_string('a"b\\c') == '"a\\"b\\\\c"'
    assert lua_string("\n") == '"\\010"'
    assert lua_string("é") == '"\\195\\169"'


def test_script_carries_every_request_of_the_cycle() -> None:
    cycle = build_cycle(_PREPARED)
    script = render_script(cycle)
    assert script.count("method = ") == len(cycle)
    assert "function done(summary, latency, requests)" in script
    assert 'UNIQUE = "__N__"' in script


def test_parse_summary_reads_the_done_line_and_sums_errors() -> None:
    stdout = (
        "Running 5s test\n"
        'BENCH_JSON {"requests":5000,"duration_us":5000000,"connect":0,"read":1,"write":0,'
        '"status":2,"timeout":3,"p50_us":1500,"p99_us":9000}\n'
    )
    result = parse_summary(stdout, 8, "wrk 4.1.0")
    assert (result.rps, result.p50_ms, result.p99_ms, result.errors) == (1000.0, 1.5, 9.0, 6)


def test_async_generator_sends_the_same_request_as_wrk() -> None:
    add = build_cycle(_PREPARED)[0]
    raw = build_request(add, "127.0.0.1:8080", "t-1")
    head, _, body = raw.partition(b"\r\n\r\n")
    assert head.startswith(f"POST /api/cloud?key={DEMO_KEY} HTTP/1.1\r\nHost: 127.0.0.1:8080".encode())
    assert f"Content-Length: {len(body)}".encode() in head
    assert body.endswith(b"load-t-1.bin")
