"""The mock's demo scenario as the contract tests know it: read from mock_server/demo_scenario.yaml.

Only data: the fake internet's links (plain, premium, video, failing, torrents), which torrents are
cached, the remote accounts and proxies, and the timing of a download's phases. The reference model of
the client-vs-mock tests predicts statuses from these numbers, independently of the mock's code.
"""

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

__all__ = ["DemoAccount", "DemoResource", "DemoScenario", "Timing", "demo", "magnet"]

SCENARIO_PATH = Path(__file__).resolve().parents[1] / "mock_server" / "demo_scenario.yaml"


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
class DemoResource:
    link: str  # the URL, or a magnet link for a torrent
    info_hash: str | None
    kind: str  # normal | premium | video
    sizes: tuple[int, ...]  # one per file
    cached: bool
    fails: int  # attempts that fail before one succeeds
    speed: int | None

    @property
    def size(self) -> int:
        return sum(self.sizes)

    @property
    def multi_file(self) -> bool:
        return len(self.sizes) > 1


@dataclass(frozen=True, slots=True)
class DemoAccount:
    email: str
    password: str
    api_key: str
    addons: frozenset[str]
    link_limit: int | None  # None: the scenario sets none
    remote_option_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DemoScenario:
    timing: Timing
    resources: tuple[DemoResource, ...]
    remote_option_ids: tuple[str, ...]
    proxy_ids: tuple[str, ...]
    accounts: tuple[DemoAccount, ...]

    def account(self, api_key: str) -> DemoAccount:
        return next(account for account in self.accounts if account.api_key == api_key)

    def by_link(self, link: str) -> DemoResource | None:
        for resource in self.resources:
            if resource.link == link:
                return resource
        return None

    def by_hash(self, info_hash: str) -> DemoResource | None:
        for resource in self.resources:
            if resource.info_hash is not None and resource.info_hash == info_hash.lower():
                return resource
        return None

    @property
    def links(self) -> tuple[str, ...]:
        return tuple(resource.link for resource in self.resources)

    @property
    def info_hashes(self) -> tuple[str, ...]:
        return tuple(r.info_hash for r in self.resources if r.info_hash is not None)

    @property
    def cached_hashes(self) -> frozenset[str]:
        return frozenset(r.info_hash for r in self.resources if r.info_hash is not None and r.cached)


def _resource(raw: dict[str, Any]) -> DemoResource:
    info_hash = raw.get("info_hash")
    link = magnet(info_hash, raw.get("name")) if info_hash else str(raw["url"])
    return DemoResource(
        link=link,
        info_hash=info_hash.lower() if info_hash else None,
        kind=str(raw.get("kind", "normal")),
        sizes=tuple(int(f["size"]) for f in raw["files"]),
        cached=bool(raw.get("cached", False)),
        fails=int(raw.get("fails", 0)),
        speed=raw.get("speed"),
    )


@functools.cache
def demo(path: Path = SCENARIO_PATH) -> DemoScenario:
    raw = cast(dict[str, Any], yaml.safe_load(path.read_text(encoding="utf-8")))
    timing = Timing(**{key: value for key, value in (raw.get("timing") or {}).items()})
    accounts = raw.get("accounts", [])
    remote_ids = tuple(
        str(remote["remote_option_id"])
        for account in accounts
        for remote in account.get("remote_accounts", [])
    )
    return DemoScenario(
        timing=timing,
        resources=tuple(_resource(item) for item in raw.get("resources", [])),
        remote_option_ids=remote_ids,
        proxy_ids=tuple(str(proxy["id"]) for proxy in raw.get("proxies", [])),
        accounts=tuple(_account(item) for item in accounts),
    )


def _account(raw: dict[str, Any]) -> DemoAccount:
    return DemoAccount(
        email=str(raw["email"]),
        password=str(raw["password"]),
        api_key=str(raw["api_key"]),
        addons=frozenset(raw.get("addons", [])),
        link_limit=raw.get("link_limit"),
        remote_option_ids=tuple(str(r["remote_option_id"]) for r in raw.get("remote_accounts", [])),
    )
