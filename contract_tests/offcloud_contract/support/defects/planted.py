"""Mocks with one planted defect each, built outside mock_server, to show that the suite catches it.

Each `Defect` knows how to break a freshly built in-process mock (Flask hooks around the real app, or a
method of the backend patched for the duration), and what the suite must then report: the operation,
and the field or rule, so that a person reading the failure knows where to look.

This is the one module that patches mock internals; it takes them from mock_handles:
`AccountBackend._own`, `AccountBackend._check_entitlements` (and the `_added` count it reads),
`Download.status_at`, and `NotFound`.
"""

import json
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import yaml
from flask import Flask, Response, request

from offcloud_contract.support.mock_handles import AccountBackend, Download, NotFound
from offcloud_contract.support.spec.openapi_document import SPEC_PATH

__all__ = ["DEFECTS", "Defect", "broken_spec_copy"]

Planter = Callable[[Flask], AbstractContextManager[None]]


@dataclass(frozen=True, slots=True)
class Defect:
    name: str
    description: str
    plant: Planter
    operations: tuple[str, ...]  # the report must name one of these operationIds
    detail: str  # a fragment the report must contain: the field, or the broken rule

    @property
    def operation(self) -> str:
        """The operation a stateless run must exercise to meet the defect."""
        return self.operations[0]

    def reported_in(self, text: str) -> bool:
        return self.detail in text and any(operation in text for operation in self.operations)


def _after(operation_ids: str | tuple[str, ...], change: Callable[[Response], Response]) -> Planter:
    """An after_request hook that changes the successful answers of these operations."""
    endpoints = {
        f"api.{operation_id}"
        for operation_id in (operation_ids if isinstance(operation_ids, tuple) else (operation_ids,))
    }

    @contextmanager
    def plant(app: Flask) -> Iterator[None]:
        def hook(response: Response) -> Response:
            if request.endpoint in endpoints and response.status_code == 200:
                return change(response)
            return response

        app.after_request(hook)
        yield

    return plant


def _json_change(edit: Callable[[Any], Any]) -> Callable[[Response], Response]:
    def change(response: Response) -> Response:
        response.set_data(json.dumps(edit(json.loads(response.get_data()))))
        return response

    return change


def _port_as_text(body: Any) -> Any:
    for account in body.get("data", []):
        account["port"] = str(account.get("port", 0))
    return body


def _unwrapped(body: Any) -> Any:
    return body.get("status", body) if isinstance(body, dict) else body


def _as_html(response: Response) -> Response:
    response.headers["Content-Type"] = "text/html; charset=utf-8"
    return response


@contextmanager
def _crash_on_batches(app: Flask) -> Iterator[None]:
    """checkCache fails with a 500 when asked about more than one hash at once."""

    def hook() -> Response | None:
        if request.endpoint == "api.checkCache":
            body = request.get_json(silent=True) if request.is_json else None
            hashes = body.get("hashes") if isinstance(body, dict) else request.form.getlist("hashes")
            if isinstance(hashes, list) and len(hashes) > 1:
                return Response('{"error": "internal error"}', status=500, mimetype="application/json")
        return None

    app.before_request(hook)
    yield


@contextmanager
def _leaky_accounts(app: Flask) -> Iterator[None]:
    """Every account sees every download: the owner check of the backend's lookup is gone."""

    def leaky_own(self: Any, request_id: str, kind: str) -> Any:
        download = self._shared.downloads.get(request_id)
        if download is None or download.kind != kind:
            raise NotFound()
        return download

    with mock.patch.object(AccountBackend, "_own", leaky_own):
        yield


@contextmanager
def _skipping_steps(app: Flask) -> Iterator[None]:
    """A download that is not cached jumps from `created` straight to `downloaded`."""
    original = Download.status_at

    def status_at(self: Any, now: float) -> Any:
        progress = original(self, now)
        if progress.status in ("queued", "downloading", "processing", "uploading"):
            return type(progress)("downloaded", self.size)
        return progress

    with mock.patch.object(Download, "status_at", status_at):
        yield


def _invert_is_directory(body: Any) -> Any:
    status = body.get("status") if isinstance(body, dict) else None
    if isinstance(status, dict) and "isDirectory" in status:
        status["isDirectory"] = not status["isDirectory"]
    return body


_SERVER_HOST = re.compile(r"https://[a-z0-9-]+\.offcloud\.com/")


def _links_on_another_host(response: Response) -> Response:
    """Every download link names a server the download is not on."""
    response.set_data(_SERVER_HOST.sub("https://eu-0.offcloud.com/", response.get_data(as_text=True)))
    return response


def _folder_refused(response: Response) -> Response:
    """explore refuses a finished folder as if it were one file."""
    return Response('{"error": "Bad archive"}', status=400, mimetype="application/json")


@contextmanager
def _one_link_too_many(app: Flask) -> Iterator[None]:
    """The link limit lets one more download through than the account's limit (an off-by-one)."""
    original = AccountBackend._check_entitlements

    def lenient(self: Any, *args: Any, **kwargs: Any) -> Any:
        self._added -= 1
        try:
            return original(self, *args, **kwargs)
        finally:
            self._added += 1

    with mock.patch.object(AccountBackend, "_check_entitlements", lenient):
        yield


@contextmanager
def _skipping_processing(app: Flask) -> Iterator[None]:
    """Multi-file content goes from downloading straight to the next phase, without `processing`."""
    original = Download.status_at

    def status_at(self: Any, now: float) -> Any:
        progress = original(self, now)
        if progress.status == "processing":
            later = original(self, now + self.timing.processing_seconds)
            return later if later.status != "processing" else type(progress)("downloaded", self.size)
        return progress

    with mock.patch.object(Download, "status_at", status_at):
        yield


_READS = (
    "getCloudStatus",
    "getRemoteStatus",
    "exploreCloudDownload",
    "listCloudDownloadLinks",
    "retryCloudDownload",
    "retryRemoteDownload",
)

DEFECTS = (
    Defect(
        "wrong-field-type",
        "listRemoteAccounts answers each account's port as a string",
        _after("listRemoteAccounts", _json_change(_port_as_text)),
        ("listRemoteAccounts",),
        "/port",
    ),
    Defect(
        "missing-wrapper",
        'getCloudStatus answers the status without its {"status": ...} wrapper',
        _after("getCloudStatus", _json_change(_unwrapped)),
        ("getCloudStatus",),
        "/status",
    ),
    Defect(
        "wrong-content-type",
        "listProxies answers its JSON as text/html",
        _after("listProxies", _as_html),
        ("listProxies",),
        "text/html",
    ),
    Defect(
        "server-error",
        "checkCache answers 500 to more than one hash",
        _crash_on_batches,
        ("checkCache",),
        "500",
    ),
    Defect(
        "cross-account",
        "every account can read every other account's downloads",
        _leaky_accounts,
        (*_READS, "removeCloudDownloads", "removeCloudDownload", "removeCloudDownloadSiteRoot"),
        "account isolation",
    ),
    Defect(
        "skipped-step",
        "a download that is not cached goes from created to downloaded without downloading",
        _skipping_steps,
        (*_READS, "addCloudDownload", "addRemoteDownload"),  # adding again answers the current status
        "status",
    ),
    # The four below went through before the model predicted every field and the clock landed in
    # every phase.
    Defect(
        "link-limit-off-by-one",
        "the free account may add one download more than its link limit",
        _one_link_too_many,
        ("addInstantDownload", "addCloudDownload", "addRemoteDownload"),
        "link limit",
    ),
    Defect(
        "skipped-processing",
        "multi-file content is never `processing` after its bytes are in",
        _skipping_processing,
        (*_READS, "addCloudDownload", "addRemoteDownload"),
        "processing",
    ),
    Defect(
        "inverted-is-directory",
        "a finished download's isDirectory is the opposite of whether it has several files",
        _after(("getCloudStatus", "getRemoteStatus"), _json_change(_invert_is_directory)),
        ("getCloudStatus", "getRemoteStatus"),
        "isDirectory",
    ),
    Defect(
        "links-on-wrong-host",
        "explore and list answer download links on a server the download is not on",
        _after(("exploreCloudDownload", "listCloudDownloadLinks"), _links_on_another_host),
        ("exploreCloudDownload", "listCloudDownloadLinks"),
        "download links",
    ),
    # A success path the stateful runs reach by construction, not only when their walk meets one.
    Defect(
        "folder-refused",
        "explore answers a finished multi-file download `Bad archive`, as if it were one file",
        _after("exploreCloudDownload", _folder_refused),
        ("exploreCloudDownload",),
        "Bad archive",
    ),
)
BY_NAME = {defect.name: defect for defect in DEFECTS}


def no_defect(app: Flask) -> AbstractContextManager[None]:
    return nullcontext()


def broken_spec_copy(
    folder: Path, schema: str = "Proxy", field: str = "region", renamed: str = "zone"
) -> Path:
    """A copy of openapi.yaml in `folder` with `schema.field` renamed (also in `required`)."""
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    component = spec["components"]["schemas"][schema]
    component["properties"][renamed] = component["properties"].pop(field)
    component["required"] = [renamed if name == field else name for name in component.get("required", [])]
    component.pop("example", None)
    for item in spec["paths"].values():  # examples of the old shape would now be invalid examples
        for operation in item.values():
            if isinstance(operation, dict):
                for response in operation.get("responses", {}).values():
                    for content in (response.get("content") or {}).values():
                        content.pop("example", None)
                        content.pop("examples", None)
    copy_path = folder / "openapi.yaml"
    copy_path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return copy_path
