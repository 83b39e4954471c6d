"""The reference model of a download's life, from Offcloud's documented rules and the scenario's timing.

    created -> queued -> downloading -> [processing: multi-file] -> [uploading: remote] -> downloaded

Cached content added to the cloud is `downloaded` at once; instant downloads stay `created`; an attempt
that must fail turns `error` when its share of the bytes is done, and only a retry (which starts a new
attempt from `created`) moves it again. Written from the rules, not from the mock's code, so that the
mock can be held to them.
"""

from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, urlsplit

from contract_tests.demo_data import DemoResource, DemoScenario, Timing

__all__ = ["PROGRESS_ORDER", "Content", "Expected", "Kind", "content_for", "expected_status", "link_key"]

Kind = Literal["instant", "cloud", "remote"]
PROGRESS_ORDER = ("created", "queued", "downloading", "processing", "uploading", "downloaded")


@dataclass(frozen=True, slots=True)
class Content:
    key: str  # the identity of what a link points at: the URL, or btih:<hash> for a torrent
    size: int | None  # None: unknown until the server says (content the scenario does not list)
    multi_file: bool = False
    cached: bool = False
    fails: int = 0
    speed: int | None = None  # None: the scenario's default speed
    kind: str = "normal"  # normal | premium | video


@dataclass(frozen=True, slots=True)
class Expected:
    status: str
    amount: int


def link_key(link: str) -> str:
    link = link.strip()
    if link[:7].lower() == "magnet:":
        for topic in parse_qs(urlsplit(link).query).get("xt", []):
            if topic.lower().startswith("urn:btih:"):
                return "btih:" + topic[9:].lower()
    return link


def content_for(link: str, scenario: DemoScenario) -> Content:
    key = link_key(link)
    resource: DemoResource | None = None
    if key.startswith("btih:"):
        resource = scenario.by_hash(key[5:])
    else:
        resource = next((r for r in scenario.resources if r.info_hash is None and r.link == key), None)
    if resource is None:
        return Content(key=key, size=None)
    return Content(
        key=key,
        size=resource.size,
        multi_file=resource.multi_file,
        cached=resource.cached,
        fails=resource.fails,
        speed=resource.speed,
        kind=resource.kind,
    )


def expected_status(
    content: Content, size: int, kind: Kind, attempt: int, elapsed: float, timing: Timing
) -> Expected:
    """Where an attempt that started `elapsed` mock seconds ago stands; `size` is the total in bytes."""
    if kind == "instant":
        return Expected("created", 0)
    if kind == "cloud" and content.cached:
        return Expected("downloaded", size)
    if elapsed < timing.created_seconds:
        return Expected("created", 0)
    elapsed -= timing.created_seconds
    if elapsed < timing.queued_seconds:
        return Expected("queued", 0)
    elapsed -= timing.queued_seconds
    speed = content.speed or timing.default_speed
    if attempt <= content.fails:
        failed_at = int(size * timing.fail_after_fraction)
        if elapsed * speed >= failed_at:
            return Expected("error", failed_at)
    transfer = size / speed
    if elapsed < transfer:
        return Expected("downloading", min(size, int(elapsed * speed)))
    elapsed -= transfer
    if content.multi_file:
        if elapsed < timing.processing_seconds:
            return Expected("processing", size)
        elapsed -= timing.processing_seconds
    if kind == "remote" and elapsed < timing.uploading_seconds:
        return Expected("uploading", size)
    return Expected("downloaded", size)
