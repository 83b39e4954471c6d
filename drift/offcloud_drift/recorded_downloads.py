"""The downloads seen in recordings, as the scenario's seeded `downloads:` of the account.

Each keeps its requestId, kind, link, name, last status (with its error message), createdOn and
remoteOptionId; one per kind and content (the first seen), as the mock keeps them. The format is
`mock_server/offcloud_mock/backend/scenario_downloads.py`'s; this package does not import the mock for it.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from offcloud_drift.redact import REDACTED

__all__ = ["RecordedDownload", "clean", "latest_moment", "seeded_downloads"]

HASH = re.compile(r"btih:([0-9a-fA-F]{40})")
_REQUEST_ID = re.compile(r"^[0-9a-f]{24}$")
_KIND_OF = {
    "addCloudDownload": "cloud",
    "getCloudStatus": "cloud",
    "exploreCloudDownload": "cloud",
    "addInstantDownload": "instant",
    "addRemoteDownload": "remote",
    "getRemoteStatus": "remote",
}
# The spec's status values per kind, as the mock's scenario accepts them (backend/scenario_downloads.py).
_WORKING = ("created", "queued", "downloading", "processing")
_STATUSES = {
    "instant": ("created",),
    "cloud": (*_WORKING, "downloaded", "error", "canceled"),
    "remote": (*_WORKING, "uploading", "downloaded", "error", "canceled"),
}


@dataclass(slots=True)
class RecordedDownload:
    """What the recordings showed of one download, merged over its add, status and explore answers."""

    request_id: str
    operation: str
    link: str = ""
    name: str = ""
    site: str = ""
    status: str = ""
    size: int = 0
    error_message: str = ""
    files: list[str] = field(default_factory=list)
    done_when_added: bool = False  # `downloaded` in the add answer itself: content the server had cached
    created_on: str = ""
    remote_option_id: str = ""


def clean(value: str, placeholder: str) -> str:
    """`value`, or `placeholder` when the recorder redacted any of it."""
    return placeholder if REDACTED in value else value


def _moment(value: str) -> datetime | None:
    """The moment of a recorded createdOn, or None when it is none the scenario could read."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def latest_moment(texts: list[str]) -> str:
    """The text of the latest moment among recorded createdOn values."""
    return max(texts, key=lambda text: _moment(text) or datetime.min.replace(tzinfo=UTC))


def _content_key(link: str) -> str:
    match = HASH.search(link)
    return f"btih:{match.group(1).lower()}" if match else link


def _seeded(item: RecordedDownload, remotes: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The account's `downloads:` entry for a download seen, or None when the mock could not start with it."""
    kind = _KIND_OF.get(item.operation, "cloud")
    parts = urlsplit(item.link)
    usable_link = bool(HASH.search(item.link)) or (parts.scheme in ("http", "https") and bool(parts.netloc))
    if not _REQUEST_ID.match(item.request_id) or not usable_link or item.status not in _STATUSES[kind]:
        return None
    if kind == "remote" and not item.remote_option_id:
        return None
    seeded: dict[str, Any] = {"requestId": item.request_id, "kind": kind, "url": item.link}
    if item.name:
        seeded["fileName"] = item.name
    seeded["status"] = item.status
    if item.status == "error" and item.error_message:
        seeded["errorMessage"] = item.error_message
    if _moment(item.created_on) is not None:
        seeded["createdOn"] = item.created_on
    if kind == "remote":
        option = clean(item.remote_option_id, "recorded-option")
        # A remote account the recordings did not list: the download names it, so the scenario has it.
        remotes.setdefault(
            option, {"account_id": "recorded-account", "remote_option_id": option, "type": "FTP"}
        )
        seeded["remoteOptionId"] = option
    return seeded


def seeded_downloads(
    downloads: Iterable[RecordedDownload], remotes: dict[str, dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[str]]:
    """(the downloads to seed, the ids of those that cannot be); one per kind and content, the first seen."""
    seeded: list[dict[str, Any]] = []
    skipped: list[str] = []
    contents: set[tuple[str, str]] = set()
    for item in downloads:
        entry = _seeded(item, remotes)
        if entry is None:
            skipped.append(item.request_id)
            continue
        identity = (entry["kind"], _content_key(item.link))
        if identity not in contents:
            contents.add(identity)
            seeded.append(entry)
    return seeded, skipped
