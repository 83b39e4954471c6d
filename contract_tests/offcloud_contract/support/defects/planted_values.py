"""Planted defects of values, not shapes: each answer stays valid against openapi.yaml, one of its values
breaks a rule the spec (or the scenario) states. Built like those of defects.planted (same `Defect`);
the client-vs-mock machine, holding every field of the 2026 surface to the reference model, catches each
by name. None is caught by the schema checks, and none by the spec's examples (each breaks a rule in a
case no example shows: the examples are the demo scenario at its first moment).

* `premium-after-expiry`: getAccountInfo's `is_premium` stays true once the membership's
  `expiration_date` has passed (the scenario: "is_premium is also false once the date has passed");
* `can-download-one-short`: `can_download` turns false one download before the link limit is used up;
* `stats-links-not-counted` (legacy): getAccountStats' `limits.links` stays the scenario's limit instead
  of what is left of it;
* `detailed-path-flattened`: detailed explore drops a file's sub-folders from its `path` (the spec: the
  path from the root folder);
* `cache-info-case-sensitive`: getCacheInfo answers `cached: false` for a cached torrent whose magnet
  writes the info hash in upper case;
* `history-created-on-retried`: a 2026 history item's `createdOn` moves to the last retry;
* `remove-many-first-only`: removeCloudDownloads removes only the first id it is given, and still
  answers `{"success": true}`;
* `slow-down-not-growing`: a device login's interval does not grow by 5 s after `slow_down`;
* `expiry-restarts-on-poll`: a device code's lifetime starts again at every poll;
* `denial-forgotten`: a denied device login answers `access_denied` once, then `authorization_pending`;
* `spent-code-invalid-grant`: a device code already exchanged for its token answers `invalid_grant`, not
  the spec's `expired_token`;
* `request-ids-wording`: the 2026 refusal of `requestIds` names the wrong parameter
  (`Missing required parameter: requestIds`).
"""

import dataclasses
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any
from unittest import mock
from urllib.parse import parse_qsl

from flask import Flask, Response, request

from offcloud_contract.support.defects.planted import Defect
from offcloud_contract.support.mock_handles import (
    AccountBackend,
    DeviceFlow,
    Era2026,
    PollState,
    runtime,
)

__all__ = ["VALUE_DEFECTS", "VALUE_DEFECTS_BY_NAME"]

_UPPER_HASH = re.compile(r"btih:(?=[0-9A-Fa-f]{40}(?![0-9A-Fa-f]))[0-9a-f]*[A-F]")


@contextmanager
def _premium_forever(app: Flask) -> Iterator[None]:
    """`is_premium` is the scenario's flag, whatever the date."""
    real = AccountBackend.account_summary

    def account_summary(self: Any) -> Any:
        return dataclasses.replace(real(self), is_premium=self.account.premium)

    with mock.patch.object(AccountBackend, "account_summary", account_summary):
        yield


@contextmanager
def _one_link_short(app: Flask) -> Iterator[None]:
    """`can_download` counts one download too many (an off-by-one)."""
    real = AccountBackend.account_summary

    def account_summary(self: Any) -> Any:
        summary = real(self)
        links_left = "links" in self.addons or self._added + 1 < self.account.link_limit
        return dataclasses.replace(summary, can_download=summary.is_premium or links_left)

    with mock.patch.object(AccountBackend, "account_summary", account_summary):
        yield


@contextmanager
def _links_not_counted(app: Flask) -> Iterator[None]:
    """The stats' limits are the scenario's, the downloads added not taken off `links`."""
    real = AccountBackend.account_summary

    def account_summary(self: Any) -> Any:
        return dataclasses.replace(real(self), limits=self.account.limits)

    with mock.patch.object(AccountBackend, "account_summary", account_summary):
        yield


@contextmanager
def _flattened_paths(app: Flask) -> Iterator[None]:
    """A detailed entry's path is the root folder and the file's name, its sub-folders dropped."""
    real = AccountBackend.explore_detailed

    def explore_detailed(self: Any, request_id: str, *, single_file: bool = False) -> Any:
        entries = real(self, request_id, single_file=single_file)
        return [
            dataclasses.replace(entry, path=f"{entry.path.split('/')[0]}/{entry.name}")
            if entry.path.count("/") > 1
            else entry
            for entry in entries
        ]

    with mock.patch.object(AccountBackend, "explore_detailed", explore_detailed):
        yield


@contextmanager
def _case_sensitive_cache(app: Flask) -> Iterator[None]:
    """The cache is looked up by the hash as written: an upper-case hash is never found."""
    real = AccountBackend.cache_info

    def cache_info(self: Any, urls: list[str], *, include_files: bool) -> Any:
        answers = real(self, urls, include_files=include_files)
        return [
            dataclasses.replace(answer, cached=False, files=() if include_files else None)
            if _UPPER_HASH.search(url)
            else answer
            for url, answer in zip(urls, answers, strict=True)
        ]

    with mock.patch.object(AccountBackend, "cache_info", cache_info):
        yield


@contextmanager
def _created_on_retried(app: Flask) -> Iterator[None]:
    """The 2026 history item's createdOn is when the current attempt started."""
    real = Era2026.history_item

    def history_item(self: Any, snapshot: Any) -> Any:
        body = real(self, snapshot)
        download = snapshot.download
        shift = download.attempt_started_at - download.created_at
        if shift:
            moment = datetime.fromisoformat(str(body["createdOn"]).replace("Z", "+00:00"))
            moment += timedelta(seconds=shift)
            body["createdOn"] = f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z"
        return body

    with mock.patch.object(Era2026, "history_item", history_item):
        yield


@contextmanager
def _first_only(app: Flask) -> Iterator[None]:
    real = AccountBackend.remove_many

    def remove_many(self: Any, request_ids: list[str], kind: Any) -> None:
        real(self, request_ids[:1], kind)

    with mock.patch.object(AccountBackend, "remove_many", remove_many):
        yield


@contextmanager
def _interval_not_growing(app: Flask) -> Iterator[None]:
    real = DeviceFlow.poll

    def poll(self: Any, device_code: str, now: float | None = None) -> Any:
        pending = self._by_device_code.get(device_code)
        result = real(self, device_code, now)
        if result.state is PollState.SLOW_DOWN and pending is not None:
            pending.interval = self.interval  # as issued, never grown
            return dataclasses.replace(result, interval=self.interval)
        return result

    with mock.patch.object(DeviceFlow, "poll", poll):
        yield


@contextmanager
def _expiry_restarts(app: Flask) -> Iterator[None]:
    real = DeviceFlow.poll

    def poll(self: Any, device_code: str, now: float | None = None) -> Any:
        result = real(self, device_code, now)
        pending = self._by_device_code.get(device_code)
        if pending is not None and result.state is not PollState.EXPIRED:
            pending.expires_at = self._now(now) + self.expires_in
        return result

    with mock.patch.object(DeviceFlow, "poll", poll):
        yield


@contextmanager
def _denial_forgotten(app: Flask) -> Iterator[None]:
    real = DeviceFlow.poll

    def poll(self: Any, device_code: str, now: float | None = None) -> Any:
        result = real(self, device_code, now)
        pending = self._by_device_code.get(device_code)
        if result.state is PollState.DENIED and pending is not None:
            pending.denied = False
        return result

    with mock.patch.object(DeviceFlow, "poll", poll):
        yield


def _device_code_of_request() -> str | None:
    try:
        body = json.loads(request.get_data(cache=True))
    except ValueError:
        return None
    code = body.get("device_code") if isinstance(body, dict) else None
    return code if isinstance(code, str) else None


@contextmanager
def _spent_code_invalid_grant(app: Flask) -> Iterator[None]:
    spent: set[str] = set()

    def hook(response: Response) -> Response:
        if request.endpoint != "api.requestDeviceToken":
            return response
        code = _device_code_of_request()
        if code is None:
            return response
        if response.status_code == 200:
            spent.add(code)
        elif code in spent and json.loads(response.get_data()).get("error") == "expired_token":
            body = {"error": "invalid_grant", "error_description": "The device code has already been used."}
            response.set_data(json.dumps(body))
        return response

    app.after_request(hook)
    yield


@contextmanager
def _request_ids_wording(app: Flask) -> Iterator[None]:
    def hook() -> Response | None:
        if request.endpoint != "api.getCloudStatus" or runtime(app).era.name != "2026":
            return None
        raw = request.get_data(cache=True)  # cached: the mock reads the body after this hook
        try:
            body = json.loads(raw) if request.is_json else dict(parse_qsl(raw.decode()))
        except ValueError:
            return None
        names = set(body) if isinstance(body, dict) else set()
        if "requestId" not in names and any(name.startswith("requestIds") for name in names):
            error = {"error": "Missing required parameter: requestIds"}
            return Response(json.dumps(error), status=400, mimetype="application/json")
        return None

    app.before_request(hook)
    yield


VALUE_DEFECTS = (
    Defect(
        "premium-after-expiry",
        "getAccountInfo answers is_premium true after the membership's expiration date",
        _premium_forever,
        ("getAccountInfo",),
        "is_premium",
    ),
    Defect(
        "can-download-one-short",
        "getAccountInfo answers can_download false while one download is left under the link limit",
        _one_link_short,
        ("getAccountInfo",),
        "can_download",
    ),
    Defect(
        "stats-links-not-counted",
        "legacy getAccountStats reports limits.links as the scenario's limit, not what is left",
        _links_not_counted,
        ("getAccountStats",),
        "limits",
    ),
    Defect(
        "detailed-path-flattened",
        "detailed explore drops a file's sub-folders from its path",
        _flattened_paths,
        ("exploreCloudDownload",),
        "path",
    ),
    Defect(
        "cache-info-case-sensitive",
        "getCacheInfo answers cached false for a cached torrent whose hash is written in upper case",
        _case_sensitive_cache,
        ("getCacheInfo",),
        "cached",
    ),
    Defect(
        "history-created-on-retried",
        "a 2026 history item's createdOn moves to the moment of the last retry",
        _created_on_retried,
        ("getCloudHistory",),
        "createdOn",
    ),
    Defect(
        "remove-many-first-only",
        "removeCloudDownloads removes only the first id it is given, answering success",
        _first_only,
        ("removeCloudDownloads",),
        "removal",
    ),
    Defect(
        "slow-down-not-growing",
        "a device login's polling interval does not grow by 5 s after slow_down",
        _interval_not_growing,
        ("requestDeviceToken",),
        "slow_down",
    ),
    Defect(
        "expiry-restarts-on-poll",
        "a device code's lifetime starts again at every poll",
        _expiry_restarts,
        ("requestDeviceToken",),
        "expired_token",
    ),
    Defect(
        "denial-forgotten",
        "a denied device login answers access_denied once, then authorization_pending",
        _denial_forgotten,
        ("requestDeviceToken",),
        "access_denied",
    ),
    Defect(
        "spent-code-invalid-grant",
        "a device code already exchanged for its token answers invalid_grant, not expired_token",
        _spent_code_invalid_grant,
        ("requestDeviceToken",),
        "expired_token",
    ),
    Defect(
        "request-ids-wording",
        "the 2026 refusal of requestIds names the wrong parameter",
        _request_ids_wording,
        ("getCloudStatus",),
        "wording",
    ),
)
VALUE_DEFECTS_BY_NAME = {defect.name: defect for defect in VALUE_DEFECTS}
