"""`scenario-from DIR`: recordings of a real server turned into a scenario the stateful mock starts from.

What it takes from which answers:
* the account: `userId` from login; add-ons: every add-on but those a `not_available` answer named;
  email, password and API key are placeholders (the recordings hold none of them anyway);
* remote accounts (listRemoteAccounts), proxies (listProxies);
* the content of every download seen (addCloud/Instant/RemoteDownload, their status, explore): its URL or
  info hash, name, site, size, files, whether it failed (with its message) or needed an add-on; torrents
  that checkCache listed as cached, or that were `downloaded` in the add answer itself, are `cached: true`;
* the downloads themselves, as the account's `downloads:` (the mock starts with them): requestId, kind,
  link, name, last status seen (with its error message), createdOn, remoteOptionId; `start` is the latest
  createdOn, so that each was made before the mock starts;
* the supported sites of a listSites answer (`recorded_sites.py`).
Anything still `<redacted>` becomes a placeholder.
"""

import re
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from offcloud_drift.recorded_downloads import (
    HASH,
    RecordedDownload,
    clean,
    latest_moment,
    seeded_downloads,
)
from offcloud_drift.recorded_sites import sites_from_answer

__all__ = ["PLACEHOLDER_KEY", "PLACEHOLDER_PASSWORD", "scenario_from_records"]

ADDONS = ("premium", "links", "proxy", "cloud", "video")  # the mock's add-ons, as the spec names them
PLACEHOLDER_KEY = "recorded-key-change-me"
PLACEHOLDER_PASSWORD = "recorded-password-change-me"  # noqa: S105 - a placeholder, not a secret
PLACEHOLDER_EMAIL = "recorded@offcloud.test"
_USER_ID = re.compile(r"^[0-9a-f]{24}$")
_ADD_OPERATIONS = ("addCloudDownload", "addInstantDownload", "addRemoteDownload")


def _form(record: dict[str, Any]) -> dict[str, str]:
    request = record["request"]
    body = request.get("body")
    if request.get("body_kind") == "form" and isinstance(body, list):
        return {str(pair[0]): str(pair[1]) for pair in body if isinstance(pair, list) and len(pair) == 2}
    if request.get("body_kind") == "json" and isinstance(body, dict):
        return {str(k): str(v) for k, v in body.items() if isinstance(v, str | int)}
    return {}


def _answer(record: dict[str, Any]) -> Any:
    response = record["response"]
    return response.get("body") if response.get("body_kind") == "json" else None


def _size(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return max(value, 0)
    return int(value) if isinstance(value, str) and value.isdigit() else 0


class _Gatherer:
    def __init__(self) -> None:
        self.downloads: dict[str, RecordedDownload] = {}
        self.cached: set[str] = set()
        self.refused: set[str] = set()
        self.refused_links: dict[str, str] = {}
        self.user_id = ""
        self.remotes: list[dict[str, Any]] = []
        self.proxies: list[dict[str, Any]] = []
        self.sites: list[dict[str, Any]] = []

    def take(self, record: dict[str, Any]) -> None:
        operation, answer = str(record.get("operation", "")), _answer(record)
        if not isinstance(answer, dict | list) or record["response"].get("status", 0) >= 300:
            return
        if isinstance(answer, dict) and isinstance(answer.get("not_available"), str):
            self.refused.add(answer["not_available"])
            link = _form(record).get("url", "")
            if link:
                self.refused_links[link] = answer["not_available"]
            return
        if (
            operation in _ADD_OPERATIONS
            and isinstance(answer, dict)
            and isinstance(answer.get("requestId"), str)
        ):
            item = self.downloads.setdefault(
                answer["requestId"], RecordedDownload(answer["requestId"], operation)
            )
            item.link = str(answer.get("originalLink") or _form(record).get("url", ""))
            item.name = str(answer.get("fileName") or item.name)
            item.site = str(answer.get("site") or item.site)
            item.status = str(answer.get("status") or item.status)
            item.done_when_added = item.done_when_added or item.status == "downloaded"
            item.created_on = str(answer.get("createdOn") or item.created_on)
            item.remote_option_id = _form(record).get("remoteOptionId", item.remote_option_id)
        elif operation in ("getCloudStatus", "getRemoteStatus") and isinstance(answer, dict):
            status = answer.get("status")
            if isinstance(status, dict) and isinstance(status.get("requestId"), str):
                item = self.downloads.setdefault(
                    status["requestId"], RecordedDownload(status["requestId"], operation)
                )
                item.name = str(status.get("fileName") or item.name)
                item.status = str(status.get("status") or item.status)
                item.size = max(item.size, _size(status.get("fileSize")), _size(status.get("amount")))
                item.error_message = str(status.get("errorMessage") or item.error_message)
        elif operation == "exploreCloudDownload" and isinstance(answer, list):
            request_id = str(record["request"]["path"]).rstrip("/").rsplit("/", 1)[-1]
            item = self.downloads.setdefault(request_id, RecordedDownload(request_id, operation))
            item.files = [unquote(urlsplit(str(link)).path.rsplit("/", 1)[-1]) for link in answer]
        elif operation == "checkCache" and isinstance(answer, dict):
            self.cached.update(str(h).lower() for h in answer.get("cachedItems") or [])
        elif (
            operation == "login"
            and isinstance(answer, dict)
            and _USER_ID.match(str(answer.get("userId", "")))
        ):
            self.user_id = str(answer["userId"])
        elif operation == "listRemoteAccounts" and isinstance(answer, dict):
            self.remotes = [r for r in answer.get("data") or [] if isinstance(r, dict)]
        elif operation == "listProxies" and isinstance(answer, dict):
            self.proxies = [p for p in answer.get("list") or [] if isinstance(p, dict)]
        elif operation == "listSites":
            self.sites = sites_from_answer(answer)


def _remote(raw: dict[str, Any]) -> dict[str, Any]:
    remote: dict[str, Any] = {
        "account_id": clean(str(raw.get("accountId", "")), "recorded-account"),
        "remote_option_id": clean(str(raw.get("remoteOptionId", "")), "recorded-option"),
        "type": str(raw.get("type") or "FTP"),
    }
    for source, target in (
        ("username", "username"),
        ("path", "path"),
        ("host", "host"),
        ("status", "status"),
    ):
        if isinstance(raw.get(source), str) and raw[source]:
            remote[target] = clean(raw[source], "recorded")
    for source in ("port", "usage"):
        if isinstance(raw.get(source), int) and not isinstance(raw.get(source), bool):
            remote[source] = raw[source]
    return remote


def _resource(item: RecordedDownload, cached: set[str], kinds: dict[str, str]) -> dict[str, Any] | None:
    match = HASH.search(item.link)
    name = item.name or (item.files[0] if item.files else "") or item.request_id
    names = item.files or [name]
    each = item.size // len(names) if item.size else 0
    resource: dict[str, Any] = {}
    if match:
        resource["info_hash"] = match.group(1).lower()
        resource["name"] = name
        if resource["info_hash"] in cached or item.done_when_added:
            resource["cached"] = True
    elif urlsplit(item.link).scheme in ("http", "https") and urlsplit(item.link).netloc:
        resource["url"] = item.link
    else:
        return None
    if item.site and not match:
        resource["site"] = item.site
    if kinds.get(item.link) in ("premium", "video"):
        resource["kind"] = kinds[item.link]
    if item.status == "error":
        resource["fails"] = 1000000
        if item.error_message:
            resource["error_message"] = item.error_message
    resource["files"] = [{"name": file_name, "size": each} for file_name in names]
    return resource


def _merge(resources: dict[str, dict[str, Any]], key: str, resource: dict[str, Any]) -> None:
    """The same content downloaded twice (cloud and remote): one resource, knowing what either showed."""
    known = resources.get(key)
    if known is None:
        resources[key] = resource
        return
    if resource.get("cached"):
        known["cached"] = True
    if len(resource["files"]) > len(known["files"]) or (
        len(resource["files"]) == len(known["files"])
        and sum(f["size"] for f in resource["files"]) > sum(f["size"] for f in known["files"])
    ):
        known["files"] = resource["files"]


def _header(skipped: list[str]) -> str:
    lines = [
        "# A scenario made by `offcloud-mock scenario-from` from recorded exchanges of a real server.",
        f"# The account's login and key are placeholders: log in as {PLACEHOLDER_EMAIL} / "
        f"{PLACEHOLDER_PASSWORD}, key {PLACEHOLDER_KEY}.",
    ]
    if skipped:
        lines.append(
            f"# Downloads seen but not seeded (no link, or a status the mock lacks): {', '.join(skipped)}"
        )
    return "\n".join(lines) + "\n"


def scenario_from_records(records: list[dict[str, Any]]) -> str:
    """The scenario YAML (with a header comment) for recordings in sequence order."""
    gathered = _Gatherer()
    for record in records:
        gathered.take(record)
    account: dict[str, Any] = {
        "email": PLACEHOLDER_EMAIL,
        "password": PLACEHOLDER_PASSWORD,
        "api_key": PLACEHOLDER_KEY,
    }
    if gathered.user_id:
        account["user_id"] = gathered.user_id
    account["addons"] = [addon for addon in ADDONS if addon not in gathered.refused]
    remotes: dict[str, dict[str, Any]] = {}
    for raw in gathered.remotes:
        remote = _remote(raw)
        remotes.setdefault(remote["remote_option_id"], remote)  # the scenario wants them unique
    seeded, skipped = seeded_downloads(gathered.downloads.values(), remotes)
    account["remote_accounts"] = list(remotes.values())
    if seeded:
        account["downloads"] = seeded
    data: dict[str, Any] = {"accounts": [account]}
    created = [entry["createdOn"] for entry in seeded if "createdOn" in entry]
    if created:
        # The latest moment a seeded download was made (the format orders as time does): the mock
        # starts then, each download made before it.
        data = {
            "start": latest_moment(created),
            **data,
        }
    proxies = [
        {"id": str(p.get("id", "")), "name": str(p.get("name", "")), "region": str(p.get("region", ""))}
        for p in gathered.proxies
        if p.get("id") and p.get("name") and p.get("region")
    ]
    if proxies:
        data["proxies"] = proxies
    sites: dict[str, dict[str, Any]] = {}
    for site in gathered.sites:
        sites.setdefault(site["name"], site)  # the scenario wants names unique
    if sites:
        data["sites"] = list(sites.values())
    resources: dict[str, dict[str, Any]] = {}
    for item in gathered.downloads.values():  # in the order the recordings first saw them
        resource = _resource(item, gathered.cached, gathered.refused_links)
        if resource is not None:
            _merge(resources, str(resource.get("url") or resource.get("info_hash")), resource)
    for info_hash in sorted(gathered.cached - set(resources)):
        resources[info_hash] = {
            "info_hash": info_hash,
            "cached": True,
            "files": [{"name": info_hash, "size": 0}],
        }
    if resources:
        data["resources"] = list(resources.values())
    return _header(skipped) + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)
