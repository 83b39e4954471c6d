"""SIGTERM stops the mock gracefully on every server: requests in flight are answered, keep-alive clients
are not cut off mid-request, and the process exits 0 promptly.

waitress used to leave its loop at once: responses of requests being served were never sent (6 dropped
under load). Now it drains: no new connections, `Connection: close` on what it still answers.
"""

import threading
import time
from collections import Counter

import httpx
import pytest

from tests.servers.processes import DEMO_KEY, SERVERS, mock_process

pytestmark = [pytest.mark.live, pytest.mark.timeout(90)]

_LATENCY_S = 1.5


@pytest.mark.parametrize("server", SERVERS)
def test_a_request_in_flight_is_answered_before_the_mock_exits(server: str) -> None:
    with mock_process(server) as mock:
        fault = {"operation": "listProxies", "latency": _LATENCY_S, "count": 1}
        assert httpx.post(f"{mock.base_url}/_mock/faults", json=fault, timeout=5).status_code < 300
        answers: list[httpx.Response] = []
        slow = threading.Thread(
            target=lambda: answers.append(
                httpx.post(f"{mock.base_url}/api/proxy", params={"key": DEMO_KEY}, timeout=10)
            )
        )
        slow.start()
        time.sleep(0.5)  # the request is in the app, sleeping its latency
        code, took = mock.stop(timeout=15)
        slow.join(timeout=10)
    assert [answer.status_code for answer in answers] == [200]
    assert code == 0
    assert took < _LATENCY_S + 1.5


def _client_loop(base_url: str, stop: threading.Event, outcomes: Counter[str]) -> None:
    with httpx.Client(base_url=base_url, timeout=5) as client:  # keep-alive, as load tools do
        while not stop.is_set():
            try:
                answer = client.post("/api/proxy", params={"key": DEMO_KEY})
                outcomes[f"status {answer.status_code}"] += 1
            except httpx.ConnectError:
                outcomes["refused"] += 1  # after the stop: no listener, nothing was sent
                return
            except httpx.HTTPError as error:  # sent, and no answer: dropped
                outcomes[f"dropped: {type(error).__name__}"] += 1
                return


@pytest.mark.parametrize("server", SERVERS)
def test_sigterm_under_load_drops_no_request(server: str) -> None:
    with mock_process(server) as mock:
        outcomes: Counter[str] = Counter()
        stop = threading.Event()
        clients = [
            threading.Thread(target=_client_loop, args=(mock.base_url, stop, outcomes)) for _ in range(6)
        ]
        for client in clients:
            client.start()
        deadline = time.monotonic() + 30  # a busy machine: wait until every client is under way
        while outcomes["status 200"] < 4 * len(clients) and time.monotonic() < deadline:
            time.sleep(0.05)
        code, took = mock.stop(timeout=15)
        stop.set()
        for client in clients:
            client.join(timeout=10)
    assert code == 0
    assert took < 3.0
    assert outcomes["status 200"] >= 4 * len(clients), outcomes  # the clients were busy at the signal
    dropped = sum(count for kind, count in outcomes.items() if kind.startswith("dropped"))
    # Requests being served are answered (waitress used to drop 6 of them). What either server can still
    # lose is the next request a client sends on a keep-alive connection at the very instant the server
    # closes it (granian without `Connection: close`; waitress, rarely, on a busy machine): at most that
    # one request per client, and never a hang.
    assert dropped <= len(clients), outcomes
