"""Many clients at once through a real waitress server: no lost or duplicated downloads, no 500."""

import threading
from collections import Counter

import httpx
import pytest
from flask import Flask

from offcloud_mock.http.runtime import runtime
from offcloud_mock.serving.waitress_server import serve_in_thread
from tests.mock_http.values import DEMO_KEY

THREADS = 16
REQUESTS = 50
SHARED_URL = "https://files.example.com/shared/same-for-everyone.bin"


@pytest.mark.live
def test_concurrent_adds_and_reads(app: Flask) -> None:
    statuses: Counter[int] = Counter()
    ids_of_shared: set[str] = set()
    own_ids: list[str] = []
    failures: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def worker(number: int, base_url: str) -> None:
        try:
            # Plain http: verify=False only skips loading the CA bundle.
            with httpx.Client(base_url=base_url, params={"key": DEMO_KEY}, timeout=30, verify=False) as http:  # noqa: S501
                start.wait()
                for index in range(REQUESTS):
                    if index % 5 == 0:
                        response = http.post("/api/cloud", data={"url": SHARED_URL})
                    elif index % 5 == 1:
                        response = http.post("/api/proxy")
                    else:
                        url = f"https://files.example.com/t{number}/file-{index}.bin"
                        response = http.post("/api/cloud", json={"url": url})
                    body = response.json()
                    with lock:
                        statuses[response.status_code] += 1
                        if index % 5 == 0:
                            ids_of_shared.add(body["requestId"])
                        elif index % 5 != 1:
                            own_ids.append(body["requestId"])
        except BaseException as error:
            failures.append(error)

    with serve_in_thread(app, threads=8) as server:
        workers = [threading.Thread(target=worker, args=(n, server.base_url)) for n in range(THREADS)]
        for thread in workers:
            thread.start()
        for thread in workers:
            thread.join(timeout=60)
    assert not failures, failures
    assert statuses == Counter({200: THREADS * REQUESTS})
    assert len(ids_of_shared) == 1  # the same URL is one download, whoever adds it, however often
    assert len(own_ids) == len(set(own_ids)) == THREADS * REQUESTS * 3 // 5
    backend = runtime(app).backend
    assert backend.download_count() == len(own_ids) + 1
    assert len(backend.journal.entries()) == THREADS * REQUESTS
