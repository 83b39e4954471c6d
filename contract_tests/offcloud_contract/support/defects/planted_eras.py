"""Planted defects of the eras and of the operations beyond the documentation, built like those of
defects.planted (same `Defect`), each caught by name by one part of the suite:

* `removed-in-history`: a removed download is still listed by getCloudHistory (stateful, client);
* `progress-backwards`: the 2026 `progress` shrinks while a download works (stateful, client);
* `no-slow-down`: the device token endpoint never answers `slow_down` (client: device login);
* `2026-route-in-legacy`: a 2026-only operation (getAccountInfo) answers in the legacy era (the
  coverage matrix's route probe).
"""

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

from flask import Flask

from offcloud_contract.support.defects.planted import Defect
from offcloud_contract.support.mock_handles import (
    ERAS,
    AccountBackend,
    DeviceFlow,
    Download,
    PollResult,
    PollState,
    runtime,
)

__all__ = ["ERA_DEFECTS", "ERA_DEFECTS_BY_NAME"]


@contextmanager
def _ghosts_in_history(app: Flask) -> Iterator[None]:
    """Removal works everywhere but in history, which keeps listing what was removed (across resets too:
    a later scenario's history may then list a stale item, reported as a history that differs)."""
    ghosts: list[Any] = []
    real_remove, real_history = AccountBackend.remove, AccountBackend.history

    def remove(self: Any, request_id: str, kind: Any) -> None:
        before = [item for item in real_history(self, kind) if item.download.request_id == request_id]
        real_remove(self, request_id, kind)
        ghosts.extend(before)

    def history(self: Any, kind: Any) -> list[Any]:
        mine = [g for g in ghosts if g.download.kind == kind and g.download.user_id == self.user_id]
        return [*real_history(self, kind), *mine]

    with (
        mock.patch.object(AccountBackend, "remove", remove),
        mock.patch.object(AccountBackend, "history", history),
    ):
        yield


@contextmanager
def _progress_backwards(app: Flask) -> Iterator[None]:
    """While working, `progress` counts down from 0.99 as the download moves on."""
    real = Download.reading_at

    def reading_at(self: Any, now: float) -> Any:
        reading = real(self, now)
        if reading.progress is None:
            return reading
        return dataclasses.replace(reading, progress=(1 - reading.progress) * 0.99)

    with mock.patch.object(Download, "reading_at", reading_at):
        yield


@contextmanager
def _never_slow_down(app: Flask) -> Iterator[None]:
    """Polling faster than the interval answers `authorization_pending`, never `slow_down`."""
    real = DeviceFlow.poll

    def poll(self: Any, device_code: str, now: float | None = None) -> Any:
        result = real(self, device_code, now)
        if result.state is PollState.SLOW_DOWN:
            return PollResult(PollState.PENDING, result.interval)
        return result

    with mock.patch.object(DeviceFlow, "poll", poll):
        yield


@contextmanager
def _account_info_in_legacy(app: Flask) -> Iterator[None]:
    """getAccountInfo, a 2026 operation, is also served by the legacy server."""
    operations = runtime(app).operations
    real = operations["getAccountInfo"]
    operations["getAccountInfo"] = dataclasses.replace(real, eras=frozenset(ERAS))
    try:
        yield
    finally:
        operations["getAccountInfo"] = real


ERA_DEFECTS = (
    Defect(
        "removed-in-history",
        "a removed download is still listed by getCloudHistory",
        _ghosts_in_history,
        ("getCloudHistory",),
        "history:",
    ),
    Defect(
        "progress-backwards",
        "the 2026 status' progress goes backwards while the download works",
        _progress_backwards,
        ("getCloudStatus",),
        "backwards",
    ),
    Defect(
        "no-slow-down",
        "the device token endpoint never answers slow_down to a client polling too fast",
        _never_slow_down,
        ("requestDeviceToken",),
        "slow_down",
    ),
    Defect(
        "2026-route-in-legacy",
        "getAccountInfo (2026 only) answers in the legacy era",
        _account_info_in_legacy,
        ("getAccountInfo",),
        "legacy era",
    ),
)
ERA_DEFECTS_BY_NAME = {defect.name: defect for defect in ERA_DEFECTS}
