"""Scenarios: the accounts, proxies, fake internet and timing a mock starts from, read from YAML.

Validation is by hand so that every message names the file and the path of the bad field, e.g.
`demo.yaml: accounts[1].addons[0]: 'foo' is not one of premium, links, proxy, cloud, video`. Unknown keys
are errors too: a typo must not silently fall back to a default.
Over 300 lines on purpose: the records and the reader of each top-level section stay together; the
sections beyond the documentation are read by scenario_content and scenario_downloads.
"""

import dataclasses
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from offcloud_mock.backend.demo import DEMO_SCENARIO_PATH
from offcloud_mock.backend.errors import ScenarioError, shown
from offcloud_mock.backend.scenario_content import (
    AccountLimits,
    DeviceFlowTiming,
    SingleFileExplore,
    Site,
    read_device_flow,
    read_expiration_date,
    read_limits,
    read_single_file_explore,
    read_site,
)
from offcloud_mock.backend.scenario_downloads import SeededDownload, read_download
from offcloud_mock.backend.scenario_reader import Fields, check_unique
from offcloud_mock.backend.scenario_yaml import MAX_SCENARIO_CHARS, load_scenario_yaml

__all__ = [
    "ADDONS",
    "DEFAULT_ERROR_MESSAGE",
    "EARLIEST_START",
    "EMAIL_PATTERN",
    "LATEST_START",
    "RESOURCE_KINDS",
    "Account",
    "AccountLimits",
    "DeviceFlowTiming",
    "Proxy",
    "RemoteAccount",
    "Resource",
    "ResourceFile",
    "Scenario",
    "SeededDownload",
    "SingleFileExplore",
    "Site",
    "Timing",
    "demo_scenario",
    "load_scenario",
    "parse_scenario",
]

ADDONS = ("premium", "links", "proxy", "cloud", "video")
RESOURCE_KINDS = ("normal", "premium", "video")
DEFAULT_ERROR_MESSAGE = "File will not be downloaded due to an error."
DEFAULT_START = datetime(2026, 1, 1, tzinfo=UTC)
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# A scenario's start must leave room for the clock's century of mock time (clock.MAX_ELAPSED) well
# before year 9999, past which a date cannot be written; and a start before Unix time is a typo.
EARLIEST_START = datetime(1970, 1, 1, tzinfo=UTC)
LATEST_START = datetime(2200, 1, 1, tzinfo=UTC) - timedelta(microseconds=1)
_USER_ID = re.compile(r"^[0-9a-f]{24}$")
_INFO_HASH = re.compile(r"^[0-9a-fA-F]{40}$")


@dataclass(frozen=True, slots=True)
class Timing:
    """How long each phase of a download lasts, in mock seconds."""

    created_seconds: float = 1.0
    queued_seconds: float = 2.0
    default_speed: int = 10 * 1024 * 1024  # bytes per second, when a resource names none
    processing_seconds: float = 2.0  # multi-file downloads, after the bytes are in
    uploading_seconds: float = 3.0  # remote downloads, after the bytes are in
    fail_after_fraction: float = 0.5  # a failing attempt errors when this share of the bytes is done


@dataclass(frozen=True, slots=True)
class RemoteAccount:
    account_id: str
    remote_option_id: str
    type: str
    username: str = ""
    path: str = ""
    host: str = ""
    port: int = 0
    status: str = "active"
    usage: int = 0


@dataclass(frozen=True, slots=True)
class Account:
    email: str
    password: str
    api_key: str
    user_id: str
    addons: frozenset[str] = frozenset()
    link_limit: int = 100  # downloads the account may add in total without the "links" add-on
    remote_accounts: tuple[RemoteAccount, ...] = ()
    premium: bool = False  # what /api/account/info and /stats report; the add-ons decide what is allowed
    expiration_date: dt.date | None = None  # of the premium membership
    limits: AccountLimits = field(default_factory=AccountLimits)
    downloads: tuple[SeededDownload, ...] = ()  # what the account already has when the mock starts


@dataclass(frozen=True, slots=True)
class Proxy:
    id: str
    name: str
    region: str


@dataclass(frozen=True, slots=True)
class ResourceFile:
    name: str
    size: int


@dataclass(frozen=True, slots=True)
class Resource:
    """Content of the fake internet: a URL, or a torrent identified by its info hash (lowercase here)."""

    files: tuple[ResourceFile, ...]
    url: str | None = None
    info_hash: str | None = None
    name: str | None = None  # None: derived (the single file's name, the URL's last segment, the hash)
    site: str | None = None  # None: derived from the URL's host, "BitTorrent" for torrents
    kind: str = "normal"
    cached: bool = False
    fails: int = 0
    error_message: str = DEFAULT_ERROR_MESSAGE
    speed: int | None = None


@dataclass(frozen=True, slots=True)
class Scenario:
    accounts: tuple[Account, ...]
    proxies: tuple[Proxy, ...] = ()
    resources: tuple[Resource, ...] = ()
    timing: Timing = field(default_factory=Timing)
    start: datetime = DEFAULT_START
    seed: int | None = None
    sites: tuple[Site, ...] = ()
    device_flow: DeviceFlowTiming = field(default_factory=DeviceFlowTiming)
    single_file_explore: SingleFileExplore = "plain_list"  # the 2026 server's (scenario_content)


def load_scenario(path: str | Path) -> Scenario:
    source = str(path)
    try:
        with Path(path).open(encoding="utf-8") as file:
            # One character more than a scenario may have: a huge file is refused, not read whole.
            text = file.read(MAX_SCENARIO_CHARS + 1)
    except OSError as error:
        raise ScenarioError(f"{source}: cannot read the file: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise ScenarioError(f"{source}: not UTF-8 text (byte {error.start})") from None
    return parse_scenario(load_scenario_yaml(text, source), source)


def parse_scenario(data: object, source: str = "<scenario>") -> Scenario:
    top = Fields(
        data,
        "",
        source,
        (
            "start",
            "seed",
            "timing",
            "accounts",
            "proxies",
            "resources",
            "sites",
            "device_flow",
            "single_file_explore",
        ),
    )
    start = _start(top)
    accounts = tuple(_account(item, start) for item in top.items("accounts", required=True))
    if not accounts:
        top.fail("accounts", "at least one account is needed")
    # E-mails are compared as login compares them, without case.
    check_unique(top, "accounts", [account.email.lower() for account in accounts], "email")
    check_unique(top, "accounts", [account.api_key for account in accounts], "api_key")
    check_unique(top, "accounts", [account.user_id for account in accounts], "user_id")
    _check_request_ids(top, accounts)
    proxies = tuple(_proxy(item) for item in top.items("proxies"))
    check_unique(top, "proxies", [proxy.id for proxy in proxies], "id")
    resources = tuple(_resource(item) for item in top.items("resources"))
    check_unique(top, "resources", [resource.url for resource in resources], "url")
    check_unique(top, "resources", [resource.info_hash for resource in resources], "info_hash")
    sites = tuple(read_site(item) for item in top.items("sites"))
    check_unique(top, "sites", [site.name for site in sites], "name")
    timing_data = top.raw("timing")
    return Scenario(
        accounts=accounts,
        proxies=proxies,
        resources=resources,
        timing=Timing() if timing_data is None else _timing(top.child("timing", timing_data)),
        start=start,
        seed=top.integer("seed", None),
        sites=sites,
        device_flow=read_device_flow(top),
        single_file_explore=read_single_file_explore(top),
    )


def demo_scenario() -> Scenario:
    """The built-in demo data, `mock_server/offcloud_mock/demo_scenario.yaml`."""
    return load_scenario(DEMO_SCENARIO_PATH)


def _field_names(record: type) -> tuple[str, ...]:
    """The keys a scenario mapping may have: the fields of the dataclass it becomes."""
    return tuple(item.name for item in dataclasses.fields(record))


def _start(top: Fields) -> datetime:
    start = top.moment("start", DEFAULT_START, "must be a date-time from 1970 to 2199")
    if not EARLIEST_START <= start <= LATEST_START:
        top.fail("start", f"must be a date-time from 1970 to 2199, got {start.year}")
    return start


def _timing(fields: Fields) -> Timing:
    fields.allow(_field_names(Timing))
    defaults = Timing()
    return Timing(
        created_seconds=fields.number("created_seconds", defaults.created_seconds),
        queued_seconds=fields.number("queued_seconds", defaults.queued_seconds),
        default_speed=fields.integer("default_speed", defaults.default_speed, minimum=1),
        processing_seconds=fields.number("processing_seconds", defaults.processing_seconds),
        uploading_seconds=fields.number("uploading_seconds", defaults.uploading_seconds),
        fail_after_fraction=fields.number("fail_after_fraction", defaults.fail_after_fraction, maximum=1.0),
    )


def _check_request_ids(top: Fields, accounts: tuple[Account, ...]) -> None:
    """A requestId names one download of the whole mock, whichever account has it."""
    seen: set[str] = set()
    for index, account in enumerate(accounts):
        for number, download in enumerate(account.downloads):
            if download.request_id in seen:
                where = f"accounts[{index}].downloads[{number}].requestId"
                top.fail(where, f"{shown(download.request_id)} is used twice")
            seen.add(download.request_id)


def _account(fields: Fields, start: datetime) -> Account:
    fields.allow(_field_names(Account))
    email = fields.text("email")
    if not EMAIL_PATTERN.match(email):
        fields.fail("email", f"{shown(email)} is not an e-mail address")
    user_id = fields.text("user_id", _derived_user_id(email))
    if not _USER_ID.match(user_id):
        fields.fail("user_id", f"{shown(user_id)} is not 24 lowercase hex characters")
    remotes = tuple(_remote_account(item) for item in fields.items("remote_accounts"))
    link_limit = fields.integer("link_limit", 100)
    ids = [remote.remote_option_id for remote in remotes]
    check_unique(fields, "remote_accounts", ids, "remote_option_id")
    downloads = tuple(read_download(item, ids, EARLIEST_START, start) for item in fields.items("downloads"))
    # The same content added twice of one kind is one download (a re-add answers the first).
    check_unique(fields, "downloads", [f"{d.kind} {d.content_key}" for d in downloads], "url")
    return Account(
        email=email,
        password=fields.text("password"),
        api_key=fields.text("api_key"),
        user_id=user_id,
        addons=frozenset(fields.choices("addons", ADDONS)),
        link_limit=link_limit,
        remote_accounts=remotes,
        premium=fields.boolean("premium", False),
        expiration_date=read_expiration_date(fields),
        limits=read_limits(fields, link_limit),
        downloads=downloads,
    )


def _derived_user_id(email: str) -> str:
    # From the e-mail, not the RNG: the same scenario always gives the same userId.
    return hashlib.sha256(email.lower().encode()).hexdigest()[:24]


def _remote_account(fields: Fields) -> RemoteAccount:
    fields.allow(_field_names(RemoteAccount))
    return RemoteAccount(
        account_id=fields.text("account_id"),
        remote_option_id=fields.text("remote_option_id"),
        type=fields.text("type"),
        username=fields.text("username", ""),
        path=fields.text("path", ""),
        host=fields.text("host", ""),
        port=fields.integer("port", 0, maximum=65535),
        status=fields.text("status", "active"),
        usage=fields.integer("usage", 0),
    )


def _proxy(fields: Fields) -> Proxy:
    fields.allow(_field_names(Proxy))
    return Proxy(id=fields.text("id"), name=fields.text("name"), region=fields.text("region"))


def _resource(fields: Fields) -> Resource:
    fields.allow(_field_names(Resource))
    url = fields.text("url", None)
    info_hash = fields.text("info_hash", None)
    if (url is None) == (info_hash is None):
        fields.fail(None, "give exactly one of 'url' (a web file) or 'info_hash' (a torrent)")
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            fields.fail("url", f"{shown(url)} is not an http(s) URL")
    if info_hash is not None and not _INFO_HASH.match(info_hash):
        fields.fail("info_hash", f"{shown(info_hash)} is not 40 hex characters")
    cached = fields.boolean("cached", False)
    if cached and info_hash is None:
        fields.fail("cached", "only torrents (info_hash) can be cached")
    files = tuple(_resource_file(item) for item in fields.items("files", required=True))
    if not files:
        fields.fail("files", "at least one file is needed")
    return Resource(
        files=files,
        url=url,
        info_hash=None if info_hash is None else info_hash.lower(),
        name=fields.text("name", None),
        site=fields.text("site", None),
        kind=fields.choice("kind", RESOURCE_KINDS, "normal"),
        cached=cached,
        fails=fields.integer("fails", 0),
        error_message=fields.text("error_message", DEFAULT_ERROR_MESSAGE),
        speed=fields.integer("speed", None, minimum=1),
    )


def _resource_file(fields: Fields) -> ResourceFile:
    fields.allow(_field_names(ResourceFile))
    return ResourceFile(name=fields.text("name"), size=fields.integer("size"))
