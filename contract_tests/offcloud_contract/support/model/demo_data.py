"""The mock's demo scenario as the contract tests know it: read as data from its YAML file.

Only data, with the defaults the file's own comments give: the fake internet's links (plain, premium,
video, failing, torrents) with their names, sites and files, which torrents are cached, the accounts with
their add-ons, link limits, remote accounts and what the account endpoints report of them (premium,
expiry date, limits), the proxies, the start of mock time, the timing of a download's phases and of the
device login. The reference model predicts answers from these values, independently of the mock's
code.
"""

import functools
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

import yaml

from offcloud_contract.support.mock_handles import DEMO_SCENARIO_PATH

__all__ = [
    "LIMIT_NAMES",
    "DemoAccount",
    "DemoProxy",
    "DemoRemoteAccount",
    "DemoResource",
    "DemoScenario",
    "DeviceTiming",
    "Timing",
    "demo",
    "magnet",
]

# The message of a failing download whose resource names none (the field notes' second message).
DEFAULT_ERROR_MESSAGE = "File will not be downloaded due to an error."


def magnet(info_hash: str, name: str | None = None) -> str:
    link = f"magnet:?xt=urn:btih:{info_hash}"
    return f"{link}&dn={name.replace(' ', '+')}" if name else link


@dataclass(frozen=True, slots=True)
class Timing:
    created_seconds: float = 1.0
    queued_seconds: float = 2.0
    default_speed: int = 10 * 1024 * 1024
    processing_seconds: float = 2.0
    uploading_seconds: float = 3.0
    fail_after_fraction: float = 0.5


@dataclass(frozen=True, slots=True)
class DeviceTiming:
    """The device login's `device_flow` (the file's comment: optional, these are the defaults)."""

    expires_in: int = 600
    interval: int = 5


# The limits the account endpoints report (the file: `links` defaults to link_limit, the others to 0).
LIMIT_NAMES = ("links", "premium", "torrent", "streaming", "cloud", "proxy")


@dataclass(frozen=True, slots=True)
class DemoResource:
    link: str  # the URL, or a magnet link for a torrent
    info_hash: str | None
    name: str | None  # None: derived (the single file's name, the URL's last segment, the hash)
    site: str | None  # None: derived from the URL's host, BitTorrent for torrents
    kind: str  # normal | premium | video
    files: tuple[tuple[str, int], ...]  # (name, size), one per file
    cached: bool
    fails: int  # attempts that fail before one succeeds
    speed: int | None
    error_message: str

    @property
    def sizes(self) -> tuple[int, ...]:
        return tuple(size for _, size in self.files)

    @property
    def size(self) -> int:
        return sum(self.sizes)

    @property
    def multi_file(self) -> bool:
        return len(self.files) > 1


@dataclass(frozen=True, slots=True)
class DemoRemoteAccount:
    fields: dict[str, object]  # as the scenario gives them, in the API's camelCase names

    @property
    def remote_option_id(self) -> str:
        return str(self.fields["remoteOptionId"])


@dataclass(frozen=True, slots=True)
class DemoProxy:
    id: str
    name: str
    region: str


@dataclass(frozen=True, slots=True)
class DemoAccount:
    email: str
    password: str
    api_key: str
    user_id: str | None  # None: derived by the mock from the e-mail
    addons: frozenset[str]
    link_limit: int | None  # None: the scenario sets none
    remote_accounts: tuple[DemoRemoteAccount, ...]
    premium: bool = False  # the file: "default false; is_premium is also false once the date has passed"
    expiration_date: date | None = None  # of the premium membership
    # Every name of LIMIT_NAMES, the file's defaults filled in; `links` None when neither it nor link_limit
    # is given (the default link limit is the mock's, which the file does not say).
    limits: dict[str, int | None] = field(default_factory=dict)

    @property
    def remote_option_ids(self) -> tuple[str, ...]:
        return tuple(remote.remote_option_id for remote in self.remote_accounts)


@dataclass(frozen=True, slots=True)
class DemoScenario:
    start: datetime
    timing: Timing
    resources: tuple[DemoResource, ...]
    proxies: tuple[DemoProxy, ...]
    accounts: tuple[DemoAccount, ...]
    device: DeviceTiming = DeviceTiming()

    def account(self, api_key: str) -> DemoAccount:
        return next(account for account in self.accounts if account.api_key == api_key)

    def by_link(self, link: str) -> DemoResource | None:
        return next((resource for resource in self.resources if resource.link == link), None)

    def by_hash(self, info_hash: str) -> DemoResource | None:
        lowered = info_hash.lower()
        return next((r for r in self.resources if r.info_hash is not None and r.info_hash == lowered), None)

    @property
    def links(self) -> tuple[str, ...]:
        return tuple(resource.link for resource in self.resources)

    @property
    def info_hashes(self) -> tuple[str, ...]:
        return tuple(r.info_hash for r in self.resources if r.info_hash is not None)

    @property
    def cached_hashes(self) -> frozenset[str]:
        return frozenset(r.info_hash for r in self.resources if r.info_hash is not None and r.cached)

    @property
    def remote_option_ids(self) -> tuple[str, ...]:
        return tuple(option for account in self.accounts for option in account.remote_option_ids)

    @property
    def proxy_ids(self) -> tuple[str, ...]:
        return tuple(proxy.id for proxy in self.proxies)


def _resource(raw: dict[str, Any]) -> DemoResource:
    info_hash = raw.get("info_hash")
    link = magnet(info_hash, raw.get("name")) if info_hash else str(raw["url"])
    return DemoResource(
        link=link,
        info_hash=info_hash.lower() if info_hash else None,
        name=raw.get("name"),
        site=raw.get("site"),
        kind=str(raw.get("kind", "normal")),
        files=tuple((str(f["name"]), int(f["size"])) for f in raw["files"]),
        cached=bool(raw.get("cached", False)),
        fails=int(raw.get("fails", 0)),
        speed=raw.get("speed"),
        error_message=str(raw.get("error_message", DEFAULT_ERROR_MESSAGE)),
    )


_REMOTE_FIELDS = {
    "account_id": "accountId",
    "remote_option_id": "remoteOptionId",
    "type": "type",
    "username": "username",
    "path": "path",
    "host": "host",
    "port": "port",
    "status": "status",
    "usage": "usage",
}


def _account(raw: dict[str, Any]) -> DemoAccount:
    remotes = tuple(
        DemoRemoteAccount({_REMOTE_FIELDS[key]: value for key, value in remote.items()})
        for remote in raw.get("remote_accounts", [])
    )
    link_limit = raw.get("link_limit")
    limits: dict[str, int | None] = {name: 0 for name in LIMIT_NAMES}
    limits["links"] = int(link_limit) if link_limit is not None else None
    limits.update({name: int(value) for name, value in (raw.get("limits") or {}).items()})
    expiry = raw.get("expiration_date")
    return DemoAccount(
        email=str(raw["email"]),
        password=str(raw["password"]),
        api_key=str(raw["api_key"]),
        user_id=raw.get("user_id"),
        addons=frozenset(raw.get("addons", [])),
        link_limit=link_limit,
        remote_accounts=remotes,
        premium=bool(raw.get("premium", False)),
        expiration_date=date.fromisoformat(str(expiry)) if expiry is not None else None,
        limits=limits,
    )


def _start(raw: object) -> datetime:
    moment = raw if isinstance(raw, datetime) else datetime.fromisoformat(str(raw).replace("Z", "+00:00"))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@functools.cache
def demo(path: Path = DEMO_SCENARIO_PATH) -> DemoScenario:
    raw = cast(dict[str, Any], yaml.safe_load(path.read_text(encoding="utf-8")))
    return DemoScenario(
        start=_start(raw.get("start", "2026-01-01T00:00:00Z")),
        timing=Timing(**dict((raw.get("timing") or {}).items())),
        resources=tuple(_resource(item) for item in raw.get("resources", [])),
        proxies=tuple(
            DemoProxy(str(p["id"]), str(p["name"]), str(p["region"])) for p in raw.get("proxies", [])
        ),
        accounts=tuple(_account(item) for item in raw.get("accounts", [])),
        device=DeviceTiming(**dict((raw.get("device_flow") or {}).items())),
    )
