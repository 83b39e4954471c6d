"""What a link added to Offcloud points at, by the rules: its identity, name, site, files and behaviour.

* The identity of a link is the URL itself, or for a magnet link its BitTorrent info hash in any letter
  case (field notes: "Adding the same magnet again returns the same requestId"; hashes are matched
  case-insensitively).
* The scenario's resources say what their links hold. A link the scenario does not list still works
  (demo_scenario.yaml): it holds one file named from the link (the URL's last path segment, decoded, or
  the host with `.bin`; a magnet's `dn`, or its hash) of a size the server says (learned from its first
  status answer).
* `site` is the resource's, else the host's display name (its second-level label, capitalised:
  `files.example.com` is `Example`; an IP address is shown as it is), and `BitTorrent` for magnets.
* A multi-file resource is named by its `name` (or its hash); a single file by the file's name unless
  the resource names it.
"""

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from offcloud_contract.support.model.demo_data import DEFAULT_ERROR_MESSAGE, DemoResource, DemoScenario

__all__ = ["ContentFacts", "content_for", "link_key", "site_of"]

_HASH_PREFIX = "btih:"


@dataclass(frozen=True, slots=True)
class ContentFacts:
    key: str  # the identity of what a link points at: the URL, or btih:<hash> for a torrent
    name: str
    site: str
    files: tuple[tuple[str, int], ...] | None  # (name, size) per file; None: one file of unknown size
    cached: bool = False
    fails: int = 0
    speed: int | None = None  # None: the scenario's default speed
    kind: str = "normal"  # normal | premium | video
    error_message: str = DEFAULT_ERROR_MESSAGE

    @property
    def multi_file(self) -> bool:
        return self.files is not None and len(self.files) > 1

    @property
    def size(self) -> int | None:
        return None if self.files is None else sum(size for _, size in self.files)

    def file_names(self) -> tuple[str, ...]:
        return (self.name,) if self.files is None else tuple(name for name, _ in self.files)


def _magnet_params(link: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(link).query)


def link_key(link: str) -> str:
    link = link.strip()
    if link[:7].lower() == "magnet:":
        for topic in _magnet_params(link).get("xt", []):
            if topic.lower().startswith("urn:btih:"):
                return _HASH_PREFIX + topic[9:].lower()
    return link


def site_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    labels = [label for label in host.split(".") if label]
    if not labels or all(label.isdigit() for label in labels):
        return host  # an IP address has no name to show
    return (labels[-2] if len(labels) >= 2 else labels[0]).capitalize()


def _unlisted(link: str, key: str) -> ContentFacts:
    if key.startswith(_HASH_PREFIX):
        name = _magnet_params(link.strip()).get("dn", [""])[0] or key.removeprefix(_HASH_PREFIX)
        return ContentFacts(key, name, "BitTorrent", None)
    parts = urlsplit(link.strip())
    name = unquote(parts.path.rsplit("/", 1)[-1]) or f"{parts.hostname}.bin"
    return ContentFacts(key, name, site_of(link.strip()), None)


def _listed(key: str, resource: DemoResource) -> ContentFacts:
    if resource.info_hash is not None:
        default_name, default_site = resource.info_hash, "BitTorrent"
    else:
        default_name, default_site = (
            unquote(urlsplit(resource.link).path.rsplit("/", 1)[-1]),
            site_of(resource.link),
        )
    if len(resource.files) == 1:
        default_name = resource.files[0][0]
    return ContentFacts(
        key=key,
        name=resource.name or default_name,
        site=resource.site or default_site,
        files=resource.files,
        cached=resource.cached,
        fails=resource.fails,
        speed=resource.speed,
        kind=resource.kind,
        error_message=resource.error_message,
    )


def content_for(link: str, scenario: DemoScenario) -> ContentFacts:
    key = link_key(link)
    if key.startswith(_HASH_PREFIX):
        resource = scenario.by_hash(key.removeprefix(_HASH_PREFIX))
    else:
        resource = next((r for r in scenario.resources if r.info_hash is None and r.link == key), None)
    return _unlisted(link, key) if resource is None else _listed(key, resource)
