"""`python -m bench.scale_probe N`: one fresh process holding N downloads, polled on command.

A fresh process per size, so the resident memory (VmRSS) grown by the downloads is not hidden by what
an earlier size left in the allocator. The process builds its state, prints one JSON line (memory, time
to add), then obeys lines on stdin: `poll P` polls P times and prints `ok`; `report` prints the polls'
figures as one JSON line and exits. The bench keeps one probe per size alive and polls them in turns,
block by block, so that a change in the shared host's speed hits every size alike (bench.scale).

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
from typing import Any

from bench import DEMO_KEY
from bench.servers import rss_kb
from bench.stats import percentile

__all__ = ["ScaleProbe"]

_SAMPLED_IDS = 200
_BULK_URL = "https://bulk.offcloud.test/{number}/bulk-file.bin"
_QUERY = {"key": DEMO_KEY}


def _own_rss_kb() -> int:
    found = rss_kb(os.getpid())
    if found is None:
        raise RuntimeError("cannot read VmRSS from /proc (Linux only)")
    return found


class ScaleProbe:
    """A mock app holding `downloads` downloads (added at construction), and its polls' timings."""

    def __init__(self, downloads: int) -> None:
        from offcloud_mock.http.app import create_app
        from offcloud_mock.http.runtime import runtime

        app = create_app()
        self._client = app.test_client()
        self._client.post("/api/cloud/status", query_string=_QUERY, data={"requestId": "0" * 24})  # warm up
        gc.collect()
        before = _own_rss_kb()
        started = time.perf_counter()
        account = runtime(app).backend.account_for_key(DEMO_KEY)
        for number in range(downloads):
            account.add_cloud(_BULK_URL.format(number=number))
        add_seconds = time.perf_counter() - started
        gc.collect()
        after = _own_rss_kb()
        self.built: dict[str, Any] = {
            "downloads": downloads,
            "rss_before_kb": before,
            "rss_after_kb": after,
            "bytes_per_download": (after - before) * 1024 / downloads if downloads else 0.0,
            "add_seconds": add_seconds,
        }

        step = max(1, downloads // _SAMPLED_IDS)
        self._ids: list[str] = []
        for number in range(0, downloads, step):
            answer = self._client.post(
                "/api/cloud", query_string=_QUERY, data={"url": _BULK_URL.format(number=number)}
            )
            self._ids.append(answer.get_json()["requestId"])
        if runtime(app).backend.download_count() != downloads:
            raise RuntimeError("re-adding a URL created a download: the ids would not be the first ones")
        self._next = 0
        self.latencies_us: list[float] = []
        self.cpu_us: list[float] = []  # this thread's CPU time per poll
        self._poll(len(self._ids), keep=False)  # a first pass over the ids warms every path

    def poll(self, count: int) -> None:
        """Poll `count` times, keeping each poll's wall and CPU time."""
        self._poll(count, keep=True)

    def _poll(self, count: int, *, keep: bool) -> None:
        for _ in range(count):
            request_id = self._ids[self._next % len(self._ids)]
            self._next += 1
            started_ns, started_cpu_ns = time.perf_counter_ns(), time.thread_time_ns()
            answer = self._client.post(
                "/api/cloud/status", query_string=_QUERY, data={"requestId": request_id}
            )
            elapsed_ns = time.perf_counter_ns() - started_ns
            cpu_ns = time.thread_time_ns() - started_cpu_ns
            if answer.status_code != 200:
                raise RuntimeError(f"status poll answered {answer.status_code}")
            if keep:
                self.latencies_us.append(elapsed_ns / 1000)
                self.cpu_us.append(cpu_ns / 1000)

    def report(self) -> dict[str, Any]:
        return {
            **self.built,
            "polls": len(self.latencies_us),
            "poll_us": {"p50": percentile(self.latencies_us, 50), "p99": percentile(self.latencies_us, 99)},
            "poll_cpu_us": {"p50": percentile(self.cpu_us, 50)},
        }


def main() -> None:
    probe = ScaleProbe(int(sys.argv[1]))
    print(json.dumps(probe.built), flush=True)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "poll":
            probe.poll(int(argument))
            print("ok", flush=True)
        elif command == "report":
            print(json.dumps(probe.report()), flush=True)
            return
        else:
            raise SystemExit(f"scale probe: unknown command {line.strip()!r}")


if __name__ == "__main__":
    main()
