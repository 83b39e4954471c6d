"""What the endpoints beyond the documentation read of an account and of the fake internet.

- `AccountSummary`: /api/account/info (2026) and /api/account/stats (legacy), from the scenario's plan
  of the account and its own downloads.
- `ContentView`: fake-internet content seen as `cache_info.ContentLike` (a file's name may hold `/`
  for sub-folders, as in the scenario's `extras/Making of.mp4`).
- `cdn_link`: the 2026 direct links (signed CDN URLs on the real server; DMM live shows
  `…/obj/<userId>/…/<file>`).
- `uploaded_content`, `upload_url`: a `.torrent` uploaded to the legacy site-root /torrent/upload
  becomes content at a URL that /api/cloud can add.
"""

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final
from urllib.parse import quote

from offcloud_mock.backend import cache_info as cache_rules
from offcloud_mock.backend.fake_internet import Content
from offcloud_mock.backend.scenario import Account, AccountLimits, ResourceFile
from offcloud_mock.backend.torrent_file import Torrent

__all__ = [
    "CDN_BASE",
    "UPLOAD_URL_BASE",
    "AccountSummary",
    "ContentView",
    "FileView",
    "account_summary",
    "cdn_link",
    "upload_url",
    "uploaded_content",
]

CDN_BASE: Final = "https://cdn.offcloud.test/obj"
# Our choice (unverified, see openapi.yaml uploadTorrent): where an uploaded torrent "is".
UPLOAD_URL_BASE: Final = "https://offcloud.com/torrent/download"


@dataclass(frozen=True, slots=True)
class AccountSummary:
    user_id: str
    email: str
    is_premium: bool
    expiration_date: dt.date | None  # None: no premium membership to report
    can_download: bool
    limits: AccountLimits  # `links` is what is left: the scenario's limit minus the downloads added


def account_summary(account: Account, added: int, today: dt.date, addons: frozenset[str]) -> AccountSummary:
    """Our choice: premium is the scenario's flag until its expiry date has passed; an account can
    download while it is premium or has links left (or the "links" add-on)."""
    expiry = account.expiration_date
    is_premium = account.premium and (expiry is None or expiry >= today)
    links_left = "links" in addons or added < account.link_limit
    limits = account.limits
    remaining = AccountLimits(
        links=max(0, limits.links - added),
        premium=limits.premium,
        torrent=limits.torrent,
        streaming=limits.streaming,
        cloud=limits.cloud,
        proxy=limits.proxy,
    )
    return AccountSummary(
        user_id=account.user_id,
        email=account.email,
        is_premium=is_premium,
        expiration_date=expiry if account.premium else None,
        can_download=is_premium or links_left,
        limits=remaining,
    )


@dataclass(frozen=True, slots=True)
class FileView:
    path: tuple[str, ...]
    size: int


@dataclass(frozen=True, slots=True)
class ContentView:
    name: str
    is_directory: bool
    files: Sequence[FileView]

    @classmethod
    def of(cls, content: Content) -> "ContentView":
        files = tuple(
            FileView(tuple(part for part in f.name.split("/") if part), f.size) for f in content.files
        )
        return cls(content.name, content.is_multi_file, files)


def cdn_link(user_id: str, key: str, _index: int, path: tuple[str, ...]) -> str:
    """A direct link: the account, the content (info hash or request id), the file's path."""
    return f"{CDN_BASE}/{user_id}/{key}/{quote('/'.join(path))}"


@functools.lru_cache(maxsize=4096)
def cdn_file_links(user_id: str, request_id: str, content: Content) -> tuple[str, ...]:
    """The CDN links of a finished download's files (2026 explore). The same for the download's whole
    life, so made once: quoting each file's path is most of what a 2026 explore costs."""
    return tuple(
        cache_rules.file_links(request_id, ContentView.of(content), functools.partial(cdn_link, user_id))
    )


def upload_url(info_hash: str) -> str:
    return f"{UPLOAD_URL_BASE}/{info_hash}.torrent"


def uploaded_content(torrent: Torrent, known: Content | None) -> Content:
    """The content behind an uploaded torrent's URL: its name and files; cached (and its speed) as
    the fake internet has that torrent, if it has it."""
    files = tuple(ResourceFile(name="/".join(file.path), size=file.size) for file in torrent.files)
    return Content(
        key=upload_url(torrent.info_hash),
        name=torrent.name,
        site="BitTorrent",
        kind="normal",
        files=files,
        size=sum(file.size for file in files),
        cached=known.cached if known is not None else False,
        speed=known.speed if known is not None else None,
    )
