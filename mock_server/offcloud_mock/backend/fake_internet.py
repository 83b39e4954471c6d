"""The fake internet behind the mock: what a link added to Offcloud points at.

Links named by the scenario's resources resolve to those; any other http(s) URL or magnet link resolves to
invented content derived from the link alone (a hash, never the RNG), so that its name and size do not
depend on the order of calls.
"""

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from offcloud_mock.backend.errors import BadRequest
from offcloud_mock.backend.scenario import DEFAULT_ERROR_MESSAGE, Resource, ResourceFile

__all__ = ["Content", "FakeInternet", "link_key", "site_name"]

_BTIH = re.compile(r"^urn:btih:([0-9a-fA-F]{40})$", re.IGNORECASE)
_HASH_KEY_PREFIX = "btih:"
_MIN_FAKE_SIZE = 1_000_000
_MAX_FAKE_SIZE = 2_000_000_000


@dataclass(frozen=True, slots=True)
class Content:
    """What a link points at. Downloads share these objects, so a download costs little memory."""

    key: str  # identity for deduplication: the URL itself, or "btih:<lowercase info hash>"
    name: str  # the single file's name, or the folder/torrent name of multi-file content
    site: str
    kind: str  # normal | premium | video
    files: tuple[ResourceFile, ...]
    size: int
    cached: bool = False
    fails: int = 0  # attempts that fail before one succeeds
    error_message: str = DEFAULT_ERROR_MESSAGE
    speed: int | None = None  # bytes per second; None: the scenario's default speed

    @property
    def is_multi_file(self) -> bool:
        return len(self.files) > 1


class FakeInternet:
    def __init__(self, resources: Sequence[Resource]) -> None:
        self._known = {content.key: content for content in map(_from_resource, resources)}

    def resolve(self, link: str) -> Content:
        """The content behind an http(s) URL or a magnet link; BadRequest("Incorrect url") otherwise."""
        key = link_key(link)
        known = self._known.get(key)
        return known if known is not None else _invent(link.strip(), key)

    def is_cached(self, info_hash: str) -> bool:
        content = self._known.get(_HASH_KEY_PREFIX + info_hash.lower())
        return content is not None and content.cached

    # --- beyond the documentation --------------------------------------------------------

    def cached_content(self, info_hash: str) -> Content | None:
        """The scenario's cached torrent of that (lowercase hex) info hash, if there is one."""
        content = self._known.get(_HASH_KEY_PREFIX + info_hash.lower())
        return content if content is not None and content.cached else None

    def torrent(self, info_hash: str) -> Content | None:
        """The scenario's torrent of that info hash, cached or not."""
        return self._known.get(_HASH_KEY_PREFIX + info_hash.lower())

    def register(self, content: Content) -> Content:
        """Put content at its key's link (an uploaded torrent); content already there stays."""
        return self._known.setdefault(content.key, content)


def link_key(link: str) -> str:
    """The identity of a link: the same torrent is the same content whatever the case of its hash."""
    link = link.strip()
    if link[:7].lower() == "magnet:":
        return _HASH_KEY_PREFIX + _magnet_hash(link)
    parts = urlsplit(link)
    if parts.scheme.lower() in ("http", "https") and parts.hostname:
        return link
    raise BadRequest("Incorrect url")


def site_name(host: str) -> str:
    """A display name from a host: "files.example.com" gives "Example"."""
    labels = [label for label in host.lower().split(".") if label]
    if not labels or all(label.isdigit() for label in labels):
        return host  # an IP address has no name to show
    return (labels[-2] if len(labels) >= 2 else labels[0]).capitalize()


def _magnet_hash(link: str) -> str:
    for topic in _magnet_params(link).get("xt", []):
        match = _BTIH.match(topic)
        if match:
            return match.group(1).lower()
    raise BadRequest("Incorrect url")


def _magnet_params(link: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(link).query)


def _url_name(url: str) -> str:
    parts = urlsplit(url)
    last_segment = unquote(parts.path.rsplit("/", 1)[-1])
    return last_segment or f"{parts.hostname}.bin"


def _fake_size(key: str) -> int:
    digest = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")
    return _MIN_FAKE_SIZE + digest % (_MAX_FAKE_SIZE - _MIN_FAKE_SIZE + 1)


def _invent(link: str, key: str) -> Content:
    if key.startswith(_HASH_KEY_PREFIX):
        info_hash = key.removeprefix(_HASH_KEY_PREFIX)
        name = _magnet_params(link).get("dn", [info_hash])[0] or info_hash
        site = "BitTorrent"
    else:
        name = _url_name(link)
        site = site_name(urlsplit(link).hostname or "")
    files = (ResourceFile(name=name, size=_fake_size(key)),)
    return Content(key=key, name=name, site=site, kind="normal", files=files, size=files[0].size)


def _from_resource(resource: Resource) -> Content:
    if resource.info_hash is not None:
        key = _HASH_KEY_PREFIX + resource.info_hash
        default_name = resource.info_hash
        default_site = "BitTorrent"
    else:
        assert resource.url is not None  # the scenario parser guarantees one of the two
        key = link_key(resource.url)
        default_name = _url_name(resource.url)
        default_site = site_name(urlsplit(resource.url).hostname or "")
    if len(resource.files) == 1:
        default_name = resource.files[0].name
    return Content(
        key=key,
        name=resource.name or default_name,
        site=resource.site or default_site,
        kind=resource.kind,
        files=resource.files,
        size=sum(file.size for file in resource.files),
        cached=resource.cached,
        fails=resource.fails,
        error_message=resource.error_message,
        speed=resource.speed,
    )
