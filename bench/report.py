"""The results as a plain-text table (stdout) and as JSON files (bench/results/).

Every figure is a median over runs followed by the runs' min-max in brackets, so the reader sees how
noisy it was; rendering works from the JSON alone, so a saved run can be shown again.
"""

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.goals import judge, lookup
from bench.http_load import ADD_ONLY

__all__ = ["render", "spread_text", "table", "write_results"]


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell; the first column left-aligned, the others right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    lines = []
    for row in (headers, *rows):
        cells = [
            str(cell).ljust(width) if index == 0 else str(cell).rjust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def spread_text(found: Any, fmt: str = "{:,.0f}") -> str:
    """`median (min-max)` from a Spread dict; `-` when missing; no brackets for a single run."""
    median = lookup(found, "median")
    if median is None:
        return "-"
    text = fmt.format(median)
    low, high, runs = lookup(found, "low"), lookup(found, "high"), lookup(found, "runs")
    if runs is not None and runs > 1 and low is not None and high is not None:
        text += f" ({fmt.format(low)}-{fmt.format(high)})"
    return text


def _errors_text(cell: Any) -> str:
    """`0`, or the count with wrk's kinds: `5,082 status` (answers >= 400), `12 read`, ..."""
    kinds = cell.get("error_kinds") or {}
    if not cell["errors"]:
        return "0"
    return f"{cell['errors']:,} " + "+".join(sorted(kind for kind, count in kinds.items() if count))


def _label(labels: dict[str, str], name: str) -> str:
    """A server's label; `mock@add` (a workload of the server `mock`) as `<mock's label> @add`."""
    server, _, workload = name.partition("@")
    return labels.get(server, server) + (f" @{workload}" if workload else "")


def _http_section(title: str, http: Any) -> list[str]:
    labels = http.get("servers", {})
    rows = []
    for cell in http.get("cells", []):
        rows.append(
            [
                _label(labels, cell["server"]),
                str(cell["connections"]),
                spread_text(cell["rps"]),
                spread_text(cell["p50_ms"], "{:.2f}"),
                spread_text(cell["p99_ms"], "{:.1f}"),
                spread_text(cell.get("server_cpu_us")),
                _errors_text(cell),
            ]
        )
    headers = ["server", "conns", "req/s", "p50 ms", "p99 ms", "server CPU us/req", "errors"]
    lines = [
        title,
        f"(`<server>{ADD_ONLY}`: POST /api/cloud alone; the others: the mix. Server CPU: its own, from /proc.)",
        table(headers, rows),
    ]
    ratio_rows = [
        [name, connections, spread_text(found, "{:.2f}")]
        for name, per_connections in http.get("ratios", {}).items()
        for connections, found in per_connections.items()
    ]
    if ratio_rows:
        lines += ["Ratios, paired run by run:", table(["ratio", "conns", "median (min-max)"], ratio_rows)]
    for name, reason in http.get("skipped", {}).items():
        lines.append(f"SKIPPED {name}: {reason.splitlines()[-1] if reason else ''}")
    idle = http.get("idle_cpu_percent", {})
    if idle:
        lines.append(
            "Idle CPU, % of one core over 1.5 s before the load: "
            + ", ".join(f"{labels.get(n, n)} {spread_text(found, '{:.1f}')}" for n, found in idle.items())
        )
    rss = {name: max(values) for name, values in http.get("server_rss_kb", {}).items() if values}
    if rss:
        lines.append(
            "Server RSS after load: "
            + ", ".join(f"{labels.get(n, n)} {kb / 1024:.0f} MiB" for n, kb in rss.items())
        )
    lines.append(
        f"Load generator: {http.get('generator', '?')}; preflight statuses: {json.dumps(http.get('preflight', {}))}"
    )
    return lines


def _inprocess_section(found: Any) -> list[str]:
    runs = found["schemathesis"]["runs"]
    first = runs[0] if runs else {}
    client = found["client"]
    return [
        "In-process",
        f"  schemathesis, each era's operations against its mock, {first.get('examples_per_operation')} examples/operation, "
        f"{first.get('cases')} cases: {spread_text(found['schemathesis']['cases_per_s'], '{:.1f}')} cases/s "
        f"({first.get('seconds_in_call_and_checks', 0):.1f} of {first.get('seconds', 0):.1f} s in calls and checks; "
        f"{first.get('cases_failing_checks')} cases failed a check, in {', '.join(first.get('operations_failing_checks', [])) or 'none'})",
        f"  getCloudStatus, {client['runs'][0]['calls_each'] if client['runs'] else '?'} calls each: generated client "
        f"p50 {spread_text(client['generated_p50_us'])} us, raw httpx p50 {spread_text(client['raw_p50_us'])} us, "
        f"ratio {spread_text(client['ratio'], '{:.2f}')}",
    ]


def _endpoints_section(found: Any) -> list[str]:
    rows = [
        [era, item["operation"], item["status"], spread_text(item["us_per_call"])]
        for era, items in found["eras"].items()
        for item in items
    ]
    return [
        f"Every operation, each era (in-process, {found['calls_each']} calls each; CPU us per call)",
        table(["era", "operation", "status", "us/call"], rows),
    ]


def _scale_section(found: Any) -> list[str]:
    rows = [
        [
            f"{size['downloads']:,}",
            spread_text(size["poll_p50_us"]),
            spread_text(size["poll_p99_us"]),
            spread_text(size["poll_cpu_p50_us"]),
            spread_text(size["rss_after_kb"], "{:,.0f}"),
            spread_text(size["bytes_per_download"]),
            spread_text(size["add_seconds"], "{:.2f}"),
        ]
        for size in found["sizes"]
    ]
    headers = ["downloads", "poll p50 us", "poll p99 us", "CPU p50 us", "RSS KiB", "bytes/download", "add s"]
    lines = [
        f"Scale (in-process status polls, {found['polls_per_sample']} per sample; a fresh process per size)",
        table(headers, rows),
    ]
    memory = found.get("memory")
    if memory:
        lines.append(
            f"  memory kept (tracemalloc): journal entry {memory['journal_entry_bytes']:.0f} B "
            f"({memory['journal_entry_of_1mb_bytes']:.0f} B for ~1 MB of parameters); uploaded torrent "
            f"{memory['upload_of_3_files_bytes']:.0f} B of 3 files, {memory['upload_file_of_1000_bytes']:.0f} B "
            "a file of 1,000"
        )
    return lines


def _profile_section(found: Any) -> list[str]:
    variants = found["variants"]
    rows = [
        [
            name,
            f"{v['best_us_per_request']:.0f}",
            f"{v['median_us_per_request']:.0f}",
            str(v["error_answers"]),
        ]
        for name, v in variants.items()
    ]
    profile = found["profile"]
    shares = ", ".join(
        f"{name} {share * 100:.0f}%" for name, share in list(profile["own_time_share"].items())[:8]
    )
    steps = ", ".join(f"{name} {us:.0f}" for name, us in profile["cumulative_us_per_request"].items())
    return [
        f"Profile (in-process, the mix through WSGI, {profile['requests']} requests; CPU us per request)",
        table(["variant", "best us", "median us", "errors"], rows),
        f"  own time by package (cProfile): {shares}",
        f"  cumulative us/request under cProfile (inflated ~2x): {steps}",
    ]


def _meta_lines(results: Any) -> list[str]:
    meta = results.get("meta", {})
    return [
        f"offcloud-kit bench, {meta.get('started')} on {meta.get('cpus')} CPUs, python {meta.get('python')}, "
        f"commit {meta.get('commit', '?')[:10]}, {meta.get('options', {}).get('runs')} run(s)",
        f"Machine load (1-min average) at start {lookup(meta, 'loadavg_1min_start') or 0:.1f}: numbers are medians, "
        "brackets the min-max over runs.",
    ]


def render(results: Any) -> str:
    lines = _meta_lines(results)
    if "http" in results:
        lines += [
            "",
            *_http_section(
                "HTTP load: the mix (10% add, 60% status, 20% cache, 10% explore)", results["http"]
            ),
        ]
    if "servers" in results:
        lines += ["", *_http_section("Server comparison: the mock served other ways", results["servers"])]
    if "inprocess" in results:
        lines += ["", *_inprocess_section(results["inprocess"])]
    if "endpoints" in results:
        lines += ["", *_endpoints_section(results["endpoints"])]
    if "scale" in results:
        lines += ["", *_scale_section(results["scale"])]
    if "generate" in results:
        found = results["generate"]
        current = "current" if found.get("committed_client_current") else "DIFFERS from a fresh generation"
        lines += [
            "",
            f"Generation: {found['command']}: {spread_text(found['seconds'], '{:.2f}')} s "
            f"(committed client {current})",
        ]
    if "profile" in results:
        lines += ["", *_profile_section(results["profile"])]
    verdicts = judge(results)
    lines += ["", "Targets (reported, not asserted)"]
    lines += [f"  {v.verdict:<4}  {v.goal}: {v.measured}" for v in verdicts]
    return "\n".join(lines)


def write_results(results: Any, folder: Path, stamp: str) -> tuple[Path, Path]:
    """<stamp>.json and latest.json (a copy, not a link: the folder may be copied around)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=2, sort_keys=False) + "\n"
    stamped, latest = folder / f"{stamp}.json", folder / "latest.json"
    stamped.write_text(text, encoding="utf-8")
    latest.write_text(text, encoding="utf-8")
    return stamped, latest
