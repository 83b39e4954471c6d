"""Report formatting and the PASS/MISS judgement, from results shaped like bench/results/*.json."""

import re
from typing import Any

from bench.goals import judge, lookup
from bench.report import render, spread_text, table


def _spread(
    median: float, low: float | None = None, high: float | None = None, runs: int = 3
) -> dict[str, float]:
    return {"median": median, "low": low or median, "high": high or median, "rel_stdev": 0.0, "runs": runs}


def test_table_pads_columns_and_right_aligns_numbers() -> None:
    text = table(["server", "req/s"], [["mock", "1,200"], ["bare WSGI", "900"]])
    assert text.splitlines() == ["server     req/s", "mock       1,200", "bare WSGI    900"]


def test_spread_text_shows_the_range_only_for_several_runs() -> None:
    assert spread_text(_spread(1500, 1400, 1600)) == "1,500 (1,400-1,600)"
    assert spread_text(_spread(1500, runs=1)) == "1,500"
    assert spread_text(_spread(0.5, 0.25, 0.75), "{:.2f}") == "0.50 (0.25-0.75)"
    assert spread_text(None) == "-"


def test_lookup_walks_keys_and_refuses_non_numbers() -> None:
    results: dict[str, Any] = {"a": {"b": 2, "c": "x", "d": True, "e": float("nan")}}
    assert lookup(results, "a", "b") == 2.0
    assert lookup(results, "a", "c") is None
    assert lookup(results, "a", "d") is None
    assert lookup(results, "a", "e") is None
    assert lookup(results, "a", "missing") is None


def _results() -> dict[str, Any]:
    return {
        "http": {
            "ratios": {
                "mock/prism rps": {"8": _spread(1.6, 1.5, 1.7)},
                "mock/prism p99": {"8": _spread(1.2)},
                "mock/mock-novalidation rps": {"8": _spread(0.9, 0.8, 0.95)},
                "mock/bare-wsgi rps": {"8": _spread(0.55)},
            },
            "idle_cpu_percent": {"mock": _spread(0.0, 0.0, 0.5), "mock-waitress": _spread(1.0, 0.5, 99.0)},
        },
        "inprocess": {"client": {"ratio": _spread(1.1)}},
        "scale": {"largest_over_smallest_p50": _spread(1.02), "bytes_per_download": 400.0},
    }


def test_judge_passes_and_misses_each_goal_by_its_bar() -> None:
    verdicts = {v.goal: v for v in judge(_results())}
    default = "default server: "
    assert verdicts[default + ">= 1.5x Prism's req/s at 8 connections, the mix"].verdict == "PASS"
    assert verdicts[default + ">= 1.5x Prism's req/s at 8 connections, the mix"].measured == (
        "1.60x (runs 1.50x to 1.70x)"
    )
    p99 = default + "p99 no higher than Prism's at 8 connections, the mix (its p99/Prism's)"
    assert verdicts[p99].verdict == "MISS"
    assert (
        verdicts[default + ">= 60% of the bare-WSGI ceiling on the same server, 8 connections"].verdict
        == "MISS"
    )
    assert verdicts[default + "no fewer req/s than Prism at 1 connection, the mix"].verdict == "N/A"
    cost = verdicts["request validation costs <= 15% of throughput at 8 connections"]
    assert (cost.verdict, cost.measured) == ("PASS", "cost +10% (on/off 0.90x) (runs +5% to +20%)")
    assert verdicts["mock idle: under 2% of one core"].verdict == "PASS"
    assert verdicts["mock-waitress idle: under 2% of one core"].verdict == "MISS"
    assert verdicts["generated-client call <= 1.3x the raw httpx call (medians)"].verdict == "PASS"


def test_judge_says_not_measured_for_a_missing_section() -> None:
    verdicts = judge({"scale": {"bytes_per_download": 400.0}})
    assert {v.verdict for v in verdicts[:-1]} == {"N/A"}
    assert verdicts[-1].measured == "400 bytes"


def test_render_works_from_json_alone() -> None:
    meta = {"started": "2026-11-27T00:00:00+00:00", "cpus": 2, "options": {"runs": 3}}
    text = render({"meta": meta, "http": _results()["http"]})
    assert "Targets (reported, not asserted)" in text
    assert "MISS  default server: >= 60% of the bare-WSGI ceiling" in text
    assert re.search(r"mock/prism rps +8 +1\.60 \(1\.50-1\.70\)", text)
    assert "N/A   generated-client call" in text


def test_the_scale_section_shows_the_memory_of_a_journal_entry_and_an_upload() -> None:
    size = {
        "downloads": 100,
        **{
            name: _spread(1.0)
            for name in (
                "poll_p50_us",
                "poll_p99_us",
                "poll_cpu_p50_us",
                "rss_after_kb",
                "bytes_per_download",
            )
        },
        "add_seconds": _spread(0.1),
    }
    memory = {
        "journal_entry_bytes": 412.0,
        "journal_entry_of_1mb_bytes": 1915.0,
        "upload_of_3_files_bytes": 1088.0,
        "upload_file_of_1000_bytes": 171.0,
    }
    text = render({"scale": {"polls_per_sample": 10, "sizes": [size], "memory": memory}})
    assert "journal entry 412 B (1915 B for ~1 MB of parameters)" in text
    assert "uploaded torrent 1088 B of 3 files, 171 B a file of 1,000" in text
