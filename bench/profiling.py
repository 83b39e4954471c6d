"""Where a request's time goes, in-process: the mix called straight through WSGI, no server, no sockets.

Two kinds of numbers:
- variants, timed without a profiler: microseconds per request of the same pre-built requests through
  the mock as shipped, and with the changes of `bench.tweaks` applied in this process only, beside a
  minimal Flask app and a bare WSGI app. Their differences say what each change would save.
- a cProfile of the mock as shipped, its own time grouped by package and by mock_server module, and the
  cumulative time of the pipeline's steps. cProfile inflates many small Python calls, so use it for
  shares, the variants for savings.
"""

import cProfile
import gc
import io
import pstats
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from flask import Flask
from werkzeug.test import EnvironBuilder

from bench.mix import MixRequest, build_cycle, prepare, render
from bench.serve import bare_app
from bench.tweaks import minimal_flask_app, patched, use_orjson
from offcloud_mock.settings import MockConfig

__all__ = ["WsgiApp", "call", "categorize", "run_profile"]

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Any]


@dataclass(frozen=True, slots=True)
class _Prebuilt:
    environ: dict[str, Any]
    body: bytes


def _prebuild(cycle: Sequence[MixRequest], count: int) -> list[_Prebuilt]:
    """`count` requests of the cycle as WSGI environs, built before timing (adds get unique URLs)."""
    built = []
    for index in range(count):
        mix_request = cycle[index % len(cycle)]
        path, body = render(mix_request, f"p{index}")
        route, _, query = path.partition("?")
        builder = EnvironBuilder(
            path=route,
            method=mix_request.method,
            query_string=query,
            data=body.encode() if body else None,
            content_type=mix_request.content_type,
        )
        built.append(_Prebuilt(builder.get_environ(), body.encode()))
    return built


def call(app: WsgiApp, environ: dict[str, Any], body: bytes) -> str:
    """One call of a prebuilt request (the environ is copied, so it can be called again); its status code."""
    statuses: list[str] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: object = None) -> None:
        statuses.append(status)

    answer = app({**environ, "wsgi.input": io.BytesIO(body)}, start_response)
    for _ in answer:
        pass
    if hasattr(answer, "close"):
        answer.close()
    return statuses[-1].split()[0]


def _call_all(app: WsgiApp, requests: Sequence[_Prebuilt]) -> int:
    """Call the app once per request; the number of answers of 400 or above."""
    return sum(call(app, prebuilt.environ, prebuilt.body)[0] in "45" for prebuilt in requests)


def _pass_us(app: WsgiApp, requests: Sequence[_Prebuilt]) -> float:
    # CPU time of this thread, not wall time: on a shared machine the wall clock also counts the time
    # other processes held the core, which is most of the noise; the app runs entirely in this thread.
    # The collector is paused during a pass (as timeit does): a full collection lands on whichever
    # variant happens to trigger it, and its cost depends on every app alive in this process.
    gc.collect()
    gc.disable()
    try:
        started = time.thread_time()
        _call_all(app, requests)
        return (time.thread_time() - started) / len(requests) * 1e6
    finally:
        gc.enable()


def _mock_requests(count: int) -> tuple[Callable[[MockConfig], Flask], list[_Prebuilt]]:
    from offcloud_mock.http.app import create_app

    def fresh(config: MockConfig) -> Flask:
        app = create_app(config)
        # Same seed, same ids: the requests prepared against one app are valid for every fresh one.
        with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock.test") as client:
            prepare(client)
        return app

    with httpx.Client(transport=httpx.WSGITransport(app=create_app()), base_url="http://mock.test") as client:
        cycle = build_cycle(prepare(client))
    return fresh, _prebuild(cycle, count)


@dataclass(frozen=True, slots=True)
class _Variant:
    name: str
    patches: tuple[str, ...] = ()  # bench.tweaks patch names
    orjson: bool = False
    config: MockConfig = field(default_factory=MockConfig)


def _mock_variants(orjson: bool) -> list[_Variant]:
    variants = [
        _Variant("as shipped"),
        _Variant("request validation off", config=MockConfig(validate_requests=False)),
        _Variant("journal off", ("nojournal",)),
    ]
    if orjson:
        variants += [
            _Variant("orjson JSON provider", orjson=True),
            _Variant("orjson + journal off", ("nojournal",), orjson=True),
        ]
    return variants


def _variants(
    fresh: Callable[[MockConfig], Flask], requests: Sequence[_Prebuilt], orjson: bool, passes: int
) -> dict[str, object]:
    """Microseconds per request of each variant; passes interleaved so machine noise hits all alike."""
    variants = _mock_variants(orjson)
    apps: dict[str, WsgiApp] = {}
    for variant in variants:
        mock = fresh(variant.config)
        if variant.orjson:
            use_orjson(mock)
        apps[variant.name] = mock
    apps["minimal Flask app"] = minimal_flask_app()
    apps["bare WSGI app"] = bare_app
    by_name = {variant.name: variant for variant in variants}
    samples: dict[str, list[float]] = {name: [] for name in apps}
    failures: dict[str, int] = {}
    names = list(apps)
    for index in range(passes + 1):  # pass 0 is warm-up
        # The order rotates from pass to pass, so no variant always follows the same one.
        for name in names[index % len(names) :] + names[: index % len(names)]:
            with patched(by_name[name].patches if name in by_name else ()):
                if index == 0:
                    failures[name] = _call_all(apps[name], requests)
                else:
                    samples[name].append(_pass_us(apps[name], requests))
    # The best pass is the estimate of a variant's own cost (timeit's rule): on a busy machine other
    # processes only ever add time. The median is kept to show how noisy the passes were.
    return {
        name: {
            "best_us_per_request": min(values),
            "median_us_per_request": statistics.median(values),
            "error_answers": failures[name],
        }
        for name, values in samples.items()
    }


def categorize(filename: str, function: str) -> str:
    """The package (or mock_server module) a profiled function belongs to."""
    if filename == "~":  # a builtin: name it by what it belongs to
        return (
            "jsonschema_rs (validation)"
            if "jsonschema_rs" in function or "Validator" in function
            else "builtins"
        )
    path = Path(filename)
    parts = path.parts
    for package in ("offcloud_mock", "bench"):
        if package in parts:
            return f"{package}/{path.name}" if package == "offcloud_mock" else package
    for package in ("flask", "werkzeug", "jsonschema_rs", "httpx", "yaml"):
        if package in parts:
            return package
    if "json" in parts:
        return "json (stdlib)"
    return "other stdlib"


def _profile(app: WsgiApp, requests: Sequence[_Prebuilt]) -> dict[str, object]:
    profiler = cProfile.Profile()
    profiler.enable()
    _call_all(app, requests)
    profiler.disable()
    stats = pstats.Stats(profiler)
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, object]] = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in raw.values())
    own: dict[str, float] = {}
    for (filename, _, function), (_, _, tottime, _, _) in raw.items():
        key = categorize(filename, function)
        own[key] = own.get(key, 0.0) + tottime
    steps = {
        "pipeline.before_api_request": ("pipeline.py", "before_api_request"),
        "bodies.read_body": ("bodies.py", "read_body"),
        "auth.authenticate": ("auth.py", "authenticate"),
        "validation.RequestValidator.validate": ("validation.py", "validate"),
        "pipeline.after_api_request": ("pipeline.py", "after_api_request"),
        "journal.Journal.record": ("journal.py", "record"),
        "flask JSONProvider.response": ("provider.py", "response"),
        "flask Flask.wsgi_app (everything)": ("app.py", "wsgi_app"),
    }
    cumulative = {}
    for label, (file_end, function) in steps.items():
        found = [e[3] for (f, _, fn), e in raw.items() if f.endswith(file_end) and fn == function]
        cumulative[label] = sum(found) / len(requests) * 1e6
    top = sorted(raw.items(), key=lambda item: item[1][2], reverse=True)[:15]
    return {
        "requests": len(requests),
        "profiled_us_per_request": total / len(requests) * 1e6,
        "own_time_share": {k: v / total for k, v in sorted(own.items(), key=lambda kv: kv[1], reverse=True)},
        "cumulative_us_per_request": cumulative,
        "top_functions": [
            {
                "function": f"{Path(f).name}:{line}:{fn}",
                "own_us_per_request": entry[2] / len(requests) * 1e6,
                "calls_per_request": entry[1] / len(requests),
            }
            for (f, line, fn), entry in top
        ],
    }


def run_profile(requests: int, passes: int, orjson: bool) -> dict[str, object]:
    fresh, prebuilt = _mock_requests(requests)
    return {
        "passes": passes,
        "variants": _variants(fresh, prebuilt, orjson, passes),
        "profile": _profile(fresh(MockConfig()), prebuilt),
    }
