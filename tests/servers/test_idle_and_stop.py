"""A running, idle mock rests (no busy loop), and stops promptly, on every server it offers.

waitress once got asyncore_loop_timeout=0.5, which it casts to int: 0, a select() that never waited,
one core burnt for as long as the mock ran (300 CPU ticks in 3 s). CPU time is read from /proc, the
process's own: other processes on a busy machine do not change it.
"""

import time
from pathlib import Path

import httpx
import pytest

from offcloud_mock.http.app import create_app
from offcloud_mock.serving.waitress_server import serve_in_thread
from tests.servers.processes import SERVERS, mock_process

pytestmark = [pytest.mark.live, pytest.mark.timeout(60)]

_IDLE_S = 3.0
_MOST_CPU_S = 0.15  # 5% of one core over the window; the busy loop took 100%
_STOP_PROMISED_S = 2.0  # docs/mock.md: an idle mock stops within two seconds of Ctrl-C or SIGTERM


@pytest.mark.parametrize("server", SERVERS)
def test_an_idle_mock_process_rests_and_stops_promptly(server: str) -> None:
    with mock_process(server) as mock:
        assert httpx.get(f"{mock.base_url}/_mock/health", timeout=5).status_code == 200
        time.sleep(0.5)  # let the first request's aftermath settle
        before = mock.cpu_s()
        time.sleep(_IDLE_S)
        used = mock.cpu_s() - before
        assert used <= _MOST_CPU_S, f"{server}: {used:.2f} s of CPU in {_IDLE_S} s idle"
        code, took = mock.stop(timeout=15)
        assert code == 0
        assert took <= _STOP_PROMISED_S, f"{server} took {took:.1f} s to stop"


def _thread_cpu_s(native_id: int) -> float:
    fields = Path(f"/proc/self/task/{native_id}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    import os

    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_the_in_thread_server_of_the_fixture_rests_and_stops_at_once() -> None:
    running = serve_in_thread(create_app())
    try:
        assert httpx.get(f"{running.base_url}/_mock/health", timeout=5).status_code == 200
        native_id = running.thread.native_id
        assert native_id is not None
        before = _thread_cpu_s(native_id)
        time.sleep(_IDLE_S)
        used = _thread_cpu_s(native_id) - before
        assert used <= _MOST_CPU_S, f"the server thread used {used:.2f} s of CPU in {_IDLE_S} s idle"
    finally:
        started = time.monotonic()
        running.stop()
        took = time.monotonic() - started
    assert not running.thread.is_alive()
    assert took < 1.0


def test_a_worker_finishing_after_the_stop_finds_the_trigger_still_safe_to_pull() -> None:
    # A request thread ends every request by waking the loop through its trigger, a pipe. The stop used
    # to close that pipe from the loop thread while request threads could still pull it: a late pull
    # then wrote to a closed descriptor (EBADF, seen once in 37 runs of the suite, in a teardown) or to
    # whatever had been given its number since.
    running = serve_in_thread(create_app())
    assert httpx.get(f"{running.base_url}/_mock/health", timeout=5).status_code == 200
    running.stop()
    running.server.pull_trigger()  # what a request thread still finishing would do
    running.stop()  # and a second stop is harmless
