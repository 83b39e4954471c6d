"""The downloads an account already has when the mock starts (scenarios made from recordings).

An account's optional `downloads:` list, read with the same `Fields` reader as the rest of the scenario,
so a bad value is refused on one line naming the field, e.g.
`my.yaml: accounts[0].downloads[1].status: 'uploading' is not one of created, ..., canceled`.
The backend creates them (`seeded_downloads.py`) at start and on every reset.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from offcloud_mock.backend.errors import shown
from offcloud_mock.backend.scenario_reader import Fields

__all__ = ["DOWNLOAD_KEYS", "SEEDED_STATUSES", "SeededDownload", "read_download"]

DOWNLOAD_KEYS = (
    "requestId",
    "kind",
    "url",
    "info_hash",
    "fileName",
    "status",
    "errorMessage",
    "createdOn",
    "remoteOptionId",
)
# The spec's status values per kind (openapi.yaml: instant is only ever `created`, only remote uploads).
SEEDED_STATUSES = {
    "instant": ("created",),
    "cloud": ("created", "queued", "downloading", "processing", "downloaded", "error", "canceled"),
    "remote": (
        "created",
        "queued",
        "downloading",
        "processing",
        "uploading",
        "downloaded",
        "error",
        "canceled",
    ),
}
_REQUEST_ID = re.compile(r"^[0-9a-f]{24}$")
_INFO_HASH = re.compile(r"^[0-9a-fA-F]{40}$")
_BTIH = re.compile(r"^urn:btih:([0-9a-fA-F]{40})$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SeededDownload:
    request_id: str
    kind: str  # instant | cloud | remote
    link: str  # what was added: an http(s) URL or a magnet link
    content_key: str  # the link's identity as the fake internet sees it (URL, or "btih:<hash>")
    status: str
    created_on: datetime  # UTC, at or before the scenario's start
    file_name: str | None = None  # None: the content's own name
    error_message: str | None = None  # None: the content's (only with status error)
    remote_option_id: str | None = None  # remote downloads only


def read_download(
    fields: Fields, remote_option_ids: Collection[str], earliest: datetime, start: datetime
) -> SeededDownload:
    fields.allow(DOWNLOAD_KEYS)
    request_id = fields.text("requestId")
    if not _REQUEST_ID.match(request_id):
        fields.fail("requestId", f"{shown(request_id)} is not 24 lowercase hex characters")
    kind = fields.choice("kind", tuple(SEEDED_STATUSES), "cloud")
    link, key = _content(fields)
    if fields.raw("status") is None:
        fields.fail("status", "required field is missing")
    status = fields.choice("status", SEEDED_STATUSES[kind], "created")
    error_message = fields.text("errorMessage", None)
    if error_message is not None and status != "error":
        fields.fail("errorMessage", "only a download with status error has one")
    option = fields.text("remoteOptionId", None)
    if kind == "remote" and option is None:
        fields.fail("remoteOptionId", "required field is missing (a remote download names its account)")
    if kind != "remote" and option is not None:
        fields.fail("remoteOptionId", "only remote downloads have one")
    if option is not None and option not in remote_option_ids:
        fields.fail("remoteOptionId", f"{shown(option)} is not one of this account's remote_accounts")
    return SeededDownload(
        request_id=request_id,
        kind=kind,
        link=link,
        content_key=key,
        status=status,
        created_on=_created_on(fields, earliest, start),
        file_name=fields.text("fileName", None),
        error_message=error_message,
        remote_option_id=option,
    )


def _content(fields: Fields) -> tuple[str, str]:
    """(the link added, its identity): from `url` (http(s) or magnet) or `info_hash` (a torrent)."""
    url = fields.text("url", None)
    info_hash = fields.text("info_hash", None)
    if (url is None) == (info_hash is None):
        fields.fail(None, "give exactly one of 'url' (a web file or magnet link) or 'info_hash' (a torrent)")
    if info_hash is not None:
        if not _INFO_HASH.match(info_hash):
            fields.fail("info_hash", f"{shown(info_hash)} is not 40 hex characters")
        return f"magnet:?xt=urn:btih:{info_hash.lower()}", f"btih:{info_hash.lower()}"
    assert url is not None
    link = url.strip()
    parts = urlsplit(link)
    if link[:7].lower() == "magnet:":
        # The same reading as fake_internet.link_key, which this module cannot import (it imports us).
        for topic in parse_qs(parts.query).get("xt", []):
            match = _BTIH.match(topic)
            if match:
                return link, f"btih:{match.group(1).lower()}"
        fields.fail("url", f"{shown(url)} is a magnet link without an xt=urn:btih:<40 hex> hash")
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        fields.fail("url", f"{shown(url)} is not an http(s) URL or a magnet link")
    return link, link


def _created_on(fields: Fields, earliest: datetime, start: datetime) -> datetime:
    moment = fields.moment("createdOn", start, "must be a date-time from 1970 to the scenario's start")
    if not earliest <= moment <= start:
        # A download the mock starts with was made before it started.
        fields.fail("createdOn", f"must be from 1970 to the scenario's start ({start.isoformat()})")
    return moment
