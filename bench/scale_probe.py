"""`python -m bench.scale_probe N POLLS`: one fresh process, N downloads, its memory and poll latency.

A fresh process per size, so the resident memory (VmRSS) grown by the downloads is not hidden by what
an earlier size left in the allocator. Prints one JSON object.

The downloads are added through the backend's public API, as the HTTP handler adds them (minus HTTP):
distinct URLs on an unlisted host, each resolved by the fake internet to a small file of its own. The
polled ids are found the public way: adding a URL again answers the existing download (same requestId),
so no private state is read. They are spread evenly over all N downloads.
"""

import gc
import json
import os
import sys
import time

from bench import DEMO_KEY
from bench.servers import rss_kb
from bench.stats import percentile

__all__ = ["probe"]

_SAMPLED_IDS = 200
_BULK_URL = "https://bulk.offcloud.test/{number}/bulk-file.bin"


def _own_rss_kb() -> int:
    found = rss_kb(os.getpid())
    if found is None:
        raise RuntimeError("cannot read VmRSS from /proc (Linux only)")
    return found


def probe(downloads: int, polls: int) -> dict[str, object]:
    from mock_server.http.app import create_app
    from mock_server.http.runtime import runtime

    app = create_app()
    client = app.test_client()
    query = {"key": DEMO_KEY}
    client.post("/api/cloud/status", query_string=query, data={"requestId": "0" * 24})  # warm every layer
    gc.collect()
    before = _own_rss_kb()
    started = time.perf_counter()
    account = runtime(app).backend.account_for_key(DEMO_KEY)
    for number in range(downloads):
        account.add_cloud(_BULK_URL.format(number=number))
    add_seconds = time.perf_counter() - started
    gc.collect()
    after = _own_rss_kb()

    step = max(1, downloads // _SAMPLED_IDS)
    ids = []
    for number in range(0, downloads, step):
        answer = client.post("/api/cloud", query_string=query, data={"url": _BULK_URL.format(number=number)})
        ids.append(answer.get_json()["requestId"])
    if runtime(app).backend.download_count() != downloads:
        raise RuntimeError("re-adding a URL created a download: the ids would not be the first ones")

    latencies: list[float] = []
    cpu: list[float] = []  # this thread's CPU time per poll: what the poll costs, without other processes
    for index in range(polls + len(ids)):  # the first pass over the ids is warm-up, not kept
        started_ns, started_cpu_ns = time.perf_counter_ns(), time.thread_time_ns()
        answer = client.post(
            "/api/cloud/status", query_string=query, data={"requestId": ids[index % len(ids)]}
        )
        elapsed_us, cpu_us = (
            (time.perf_counter_ns() - started_ns) / 1000,
            (time.thread_time_ns() - started_cpu_ns) / 1000,
        )
        if answer.status_code != 200:
            raise RuntimeError(f"status poll answered {answer.status_code}")
        if index >= len(ids):
            latencies.append(elapsed_us)
            cpu.append(cpu_us)
    return {
        "downloads": downloads,
        "rss_before_kb": before,
        "rss_after_kb": after,
        "bytes_per_download": (after - before) * 1024 / downloads if downloads else 0.0,
        "add_seconds": add_seconds,
        "polls": len(latencies),
        "poll_us": {"p50": percentile(latencies, 50), "p99": percentile(latencies, 99)},
        "poll_cpu_us": {"p50": percentile(cpu, 50)},
    }


if __name__ == "__main__":
    print(json.dumps(probe(int(sys.argv[1]), int(sys.argv[2]))))
