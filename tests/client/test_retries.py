"""Retries: exactly where allowed, with growing jittered delays, honouring Retry-After, logged."""

import logging
import random
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from offcloud_kit import (
    APIConnectionError,
    NotFoundError,
    Offcloud,
    RateLimitError,
    RetryPolicy,
    ServerError,
)
from offcloud_kit.retry import parse_retry_after
from offcloud_mock.pytest_plugin import OffcloudMock

from .helpers import PLAIN_URL, UNKNOWN_ID, SleepRecorder, make_client, operations


def test_safe_operation_is_retried_until_it_succeeds(
    oc: Offcloud, offcloud_mock: OffcloudMock, sleeps: SleepRecorder
) -> None:
    offcloud_mock.controls.add_fault("listProxies", status=503, count=2)
    proxies = oc.list_proxies()
    assert [proxy.id for proxy in proxies] == ["fr-1", "us-1", "sg-1"]
    assert [entry["status"] for entry in operations(offcloud_mock, "listProxies")] == [503, 503, 200]
    assert len(sleeps.delays) == 2


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_each_transient_status_is_retried(oc: Offcloud, offcloud_mock: OffcloudMock, status: int) -> None:
    offcloud_mock.controls.add_fault("checkCache", status=status)
    assert oc.check_cache(["92b926e37e61e370e948cda081685a45731f9406"]) != []
    assert len(operations(offcloud_mock, "checkCache")) == 2


@pytest.mark.parametrize("status", [500, 520, 400, 401, 404])
def test_other_statuses_are_not_retried(oc: Offcloud, offcloud_mock: OffcloudMock, status: int) -> None:
    offcloud_mock.controls.add_fault("listProxies", status=status)
    with pytest.raises(Exception):  # noqa: B017, PT011  the class is test_errors' business
        oc.list_proxies()
    assert len(operations(offcloud_mock, "listProxies")) == 1


def test_dropped_connection_is_retried_for_a_safe_operation(
    oc: Offcloud, offcloud_mock: OffcloudMock
) -> None:
    offcloud_mock.controls.add_fault("listRemoteAccounts", drop=True)
    assert len(oc.remote_accounts()) == 2
    assert len(operations(offcloud_mock, "listRemoteAccounts")) == 2


def test_delays_grow_exponentially_within_jitter_bounds(offcloud_mock: OffcloudMock) -> None:
    sleeps = SleepRecorder()
    policy = RetryPolicy(max_retries=5, initial_delay=0.5, max_delay=100.0, jitter=0.25)
    client = make_client(offcloud_mock, sleep=sleeps, retry_policy=policy, random=random.Random(4).random)
    offcloud_mock.controls.add_fault("getCloudStatus", status=503, count=5)
    with pytest.raises(NotFoundError):  # after five 503s, the real answer about an unknown id
        client.cloud_status(UNKNOWN_ID)
    assert len(sleeps.delays) == 5
    for n, delay in enumerate(sleeps.delays):
        base = 0.5 * 2**n
        assert base * 0.75 <= delay <= base, (n, delay)
    # Jitter never undoes the growth: each delay is more than the one before.
    assert all(later > earlier for earlier, later in zip(sleeps.delays, sleeps.delays[1:], strict=False))
    assert len(set(sleeps.delays)) == 5


def test_delays_are_capped_at_max_delay(offcloud_mock: OffcloudMock) -> None:
    sleeps = SleepRecorder()
    policy = RetryPolicy(max_retries=4, initial_delay=1.0, max_delay=2.5, jitter=0.0)
    client = make_client(offcloud_mock, sleep=sleeps, retry_policy=policy)
    offcloud_mock.controls.add_fault("listProxies", status=502, count=4)
    client.list_proxies()
    assert sleeps.delays == [1.0, 2.0, 2.5, 2.5]


def test_retry_after_is_respected(oc: Offcloud, offcloud_mock: OffcloudMock, sleeps: SleepRecorder) -> None:
    offcloud_mock.controls.add_fault("listProxies", status=429, retry_after=3)
    offcloud_mock.controls.add_fault("listProxies", status=503, retry_after=5)
    oc.list_proxies()
    assert sleeps.delays == [3.0, 5.0]


def test_retry_after_is_capped(offcloud_mock: OffcloudMock) -> None:
    sleeps = SleepRecorder()
    client = make_client(offcloud_mock, sleep=sleeps, retry_policy=RetryPolicy(max_retry_after=10.0))
    offcloud_mock.controls.add_fault("listProxies", status=429, retry_after=3600)
    client.list_proxies()
    assert sleeps.delays == [10.0]


def test_adding_a_download_is_never_retried_by_default(
    oc: Offcloud, offcloud_mock: OffcloudMock, sleeps: SleepRecorder
) -> None:
    adds: list[tuple[str, Callable[[], object]]] = [
        ("addCloudDownload", lambda: oc.add_cloud(PLAIN_URL)),
        ("addInstantDownload", lambda: oc.add_instant(PLAIN_URL)),
        ("addRemoteDownload", lambda: oc.add_remote(PLAIN_URL, "6a1f0e2d3c4b5a6978877666")),
    ]
    for operation, add in adds:
        offcloud_mock.controls.add_fault(operation, status=503)
        with pytest.raises(ServerError):
            add()
        assert len(operations(offcloud_mock, operation)) == 1, operation
    offcloud_mock.controls.add_fault("addCloudDownload", drop=True)
    with pytest.raises(APIConnectionError):
        oc.add_cloud(PLAIN_URL)
    offcloud_mock.controls.add_fault("addCloudDownload", status=429, retry_after=1)
    with pytest.raises(RateLimitError):
        oc.add_cloud(PLAIN_URL)
    assert len(operations(offcloud_mock, "addCloudDownload")) == 3
    assert sleeps.delays == []


def test_other_unsafe_operations_are_not_retried(oc: Offcloud, offcloud_mock: OffcloudMock) -> None:
    offcloud_mock.controls.add_fault("retryCloudDownload", status=503)
    with pytest.raises(ServerError):
        oc.retry_cloud(UNKNOWN_ID)
    assert len(operations(offcloud_mock, "retryCloudDownload")) == 1


def test_retry_unsafe_per_call(oc: Offcloud, offcloud_mock: OffcloudMock, sleeps: SleepRecorder) -> None:
    offcloud_mock.controls.add_fault("addCloudDownload", status=503)
    item = oc.add_cloud(PLAIN_URL, retry_unsafe=True)
    assert item.file_name == "annual-report-2025.pdf"
    assert [entry["status"] for entry in operations(offcloud_mock, "addCloudDownload")] == [503, 200]
    assert len(sleeps.delays) == 1


def test_retry_unsafe_per_client(offcloud_mock: OffcloudMock) -> None:
    client = make_client(offcloud_mock, retry_unsafe=True)
    offcloud_mock.controls.add_fault("addCloudDownload", drop=True)
    client.add_cloud(PLAIN_URL)
    assert len(operations(offcloud_mock, "addCloudDownload")) == 2
    # ...and a call can still opt out.
    offcloud_mock.controls.add_fault("addCloudDownload", status=503)
    with pytest.raises(ServerError):
        client.add_cloud(PLAIN_URL, retry_unsafe=False)
    assert len(operations(offcloud_mock, "addCloudDownload")) == 3


def test_exhausted_retries_raise_the_last_error(
    oc: Offcloud, offcloud_mock: OffcloudMock, sleeps: SleepRecorder
) -> None:
    offcloud_mock.controls.add_fault("getCloudStatus", status=503, count=10)
    with pytest.raises(ServerError) as caught:
        oc.cloud_status(UNKNOWN_ID)
    assert caught.value.status == 503
    assert len(operations(offcloud_mock, "getCloudStatus")) == 3  # the default: 2 retries
    assert len(sleeps.delays) == 2
    offcloud_mock.controls.add_fault("checkCache", drop=True, count=10)
    with pytest.raises(APIConnectionError):
        oc.check_cache(["92b926e37e61e370e948cda081685a45731f9406"])
    assert len(operations(offcloud_mock, "checkCache")) == 3


def test_max_retries_per_call_and_per_client(offcloud_mock: OffcloudMock) -> None:
    offcloud_mock.controls.add_fault("listProxies", status=503, count=10)
    client = make_client(offcloud_mock, max_retries=4)
    with pytest.raises(ServerError):
        client.list_proxies()
    assert len(operations(offcloud_mock, "listProxies")) == 5
    with pytest.raises(ServerError):
        client.list_proxies(max_retries=0)
    assert len(operations(offcloud_mock, "listProxies")) == 6


def test_each_retry_is_logged(
    oc: Offcloud, offcloud_mock: OffcloudMock, caplog: pytest.LogCaptureFixture, sleeps: SleepRecorder
) -> None:
    caplog.set_level(logging.INFO, logger="offcloud_kit")
    offcloud_mock.controls.add_fault("getRemoteStatus", status=429, retry_after=2)
    offcloud_mock.controls.add_fault("getRemoteStatus", drop=True)
    with pytest.raises(NotFoundError):
        oc.remote_status(UNKNOWN_ID)
    records = [r for r in caplog.records if r.name == "offcloud_kit"]
    assert [(r.operation, r.attempt, r.reason) for r in records] == [  # type: ignore[attr-defined]
        ("getRemoteStatus", 2, "HTTP 429"),
        ("getRemoteStatus", 3, "APIConnectionError"),
    ]
    assert records[0].delay == 2.0  # type: ignore[attr-defined]
    assert records[1].delay == sleeps.delays[1]  # type: ignore[attr-defined]
    assert "getRemoteStatus" in records[0].getMessage()
    assert "2.000 s" in records[0].getMessage()


def test_unknown_call_option_is_refused(oc: Offcloud) -> None:
    with pytest.raises(TypeError, match="retries"):
        oc.list_proxies(retries=3)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("3", 3.0),
        ("2.5", 2.5),
        ("-4", 0.0),
        ("soon", None),
        ("Thu, 01 Jan 2026 00:00:30 GMT", 30.0),
        ("Wed, 31 Dec 2025 23:59:00 GMT", 0.0),
    ],
)
def test_parse_retry_after(header: str | None, expected: float | None) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert parse_retry_after(header, now=lambda: now) == expected


def test_policy_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)
    with pytest.raises(ValueError, match="delay"):
        RetryPolicy(initial_delay=10, max_delay=1)
