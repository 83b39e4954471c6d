"""The request mix of the load test: what a client of a download manager does, as request templates.

One cycle of the pattern is 10 requests: 1 cloud download added, 6 status polls, 2 cache checks and
1 explore. Status polls name real request ids, created over HTTP before the load starts (`prepare`); an
added download gets a URL that was never added before (the `UNIQUE` token is replaced per request), so
every add creates a new download, as a real client's would.

The same templates feed wrk (rendered to Lua) and the asyncio fallback, and the same bytes go to every
server. The cache check is sent as JSON: Prism 5.16 folds repeated form keys (`hashes=a&hashes=b`) to
the last value unless the spec declares an `encoding` for the field, and then refuses the body ("must be
array"); the mock takes both. Every other body is form-encoded, as the API documents.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import httpx

from bench import DEMO_KEY
from offcloud_mock.backend.demo import BUNNY_HASH, SINTEL_HASH, TEARS_HASH

__all__ = [
    "INVALID",
    "PATTERN",
    "UNIQUE",
    "MixRequest",
    "Prepared",
    "build_add_cycle",
    "build_cycle",
    "preflight",
    "prepare",
    "render",
]

INVALID = "invalid"  # the preflight's malformed request, not part of the load
UNIQUE = "__N__"  # replaced by a token unique to the request; Lua's gsub treats `_` literally
FORM = "application/x-www-form-urlencoded"
PATTERN = ("add", "status", "status", "cache", "status", "explore", "status", "status", "cache", "status")

# From the demo scenario: two cached torrents and one that is not; the rest are hashes nobody has.
_CACHED_MULTI, _CACHED_SINGLE, _NOT_CACHED = BUNNY_HASH, SINTEL_HASH, TEARS_HASH
_CACHE_QUERY = [_CACHED_MULTI, _CACHED_SINGLE, _NOT_CACHED] + [f"{i:040x}" for i in range(1, 8)]
# Downloads made before the load: files at different points of their life (created, downloading,
# downloaded) so the polls cover several status shapes.
_PREPARED_URLS = (
    "https://files.example.com/docs/annual-report-2025.pdf",
    "https://flaky.example.net/builds/nightly.zip",
    *(f"https://files.example.com/bench/prepared-{i}.bin" for i in range(8)),
    f"magnet:?xt=urn:btih:{_CACHED_SINGLE}&dn=Sintel",
)
_EXPLORE_MAGNET = f"magnet:?xt=urn:btih:{_CACHED_MULTI}&dn=Big+Buck+Bunny"
# What a server that makes up its answers (Prism) gets polled with when it returns no ids of its own.
_FALLBACK_ID = "5f1b2c3d4e5f60718293a4b6"


@dataclass(frozen=True, slots=True)
class MixRequest:
    """One request of the cycle. `path` and `body` may contain UNIQUE."""

    kind: str  # add, status, cache, explore
    method: str
    path: str  # with the query string (the API key)
    content_type: str | None
    body: str

    @property
    def unique(self) -> bool:
        return UNIQUE in self.path or UNIQUE in self.body


@dataclass(frozen=True, slots=True)
class Prepared:
    """Ids made on the server before the load: the downloads the polls and the explore name."""

    status_ids: tuple[str, ...]
    explore_id: str


def _with_key(path: str) -> str:
    return f"{path}?{urlencode({'key': DEMO_KEY})}"


def build_cycle(prepared: Prepared) -> list[MixRequest]:
    """The pattern repeated until every prepared id is polled once per cycle."""
    if not prepared.status_ids:
        raise ValueError("no request ids to poll")
    polls_per_pattern = PATTERN.count("status")
    repeats = math.ceil(len(prepared.status_ids) / polls_per_pattern)
    cache_body = '{"hashes":[' + ",".join(f'"{h}"' for h in _CACHE_QUERY) + "]}"
    cycle: list[MixRequest] = []
    polled = 0
    for _ in range(repeats):
        for kind in PATTERN:
            if kind == "add":
                url = f"https://files.example.com/bench/load-{UNIQUE}.bin"
                body = "url=" + quote(url, safe="")
                cycle.append(MixRequest(kind, "POST", _with_key("/api/cloud"), FORM, body))
            elif kind == "status":
                request_id = prepared.status_ids[polled % len(prepared.status_ids)]
                polled += 1
                body = urlencode({"requestId": request_id})
                cycle.append(MixRequest(kind, "POST", _with_key("/api/cloud/status"), FORM, body))
            elif kind == "cache":
                cycle.append(
                    MixRequest(kind, "POST", _with_key("/api/cache"), "application/json", cache_body)
                )
            else:
                path = _with_key(f"/api/cloud/explore/{prepared.explore_id}")
                cycle.append(MixRequest(kind, "GET", path, None, ""))
    return cycle


def build_add_cycle() -> list[MixRequest]:
    """`POST /api/cloud` alone, a new URL each time: the issue's second workload beside the mix."""
    body = "url=" + quote(f"https://files.example.com/bench/add-{UNIQUE}.bin", safe="")
    return [MixRequest("add", "POST", _with_key("/api/cloud"), FORM, body)]


def _add(client: httpx.Client, url: str) -> str | None:
    response = client.post("/api/cloud", params={"key": DEMO_KEY}, data={"url": url})
    if response.status_code != 200:
        return None
    request_id = response.json().get("requestId")
    return request_id if isinstance(request_id, str) else None


def prepare(client: httpx.Client) -> Prepared:
    """Create the downloads the polls name; a server that refuses (Prism: magnets) gets the fallback."""
    ids = [found for url in _PREPARED_URLS if (found := _add(client, url)) is not None]
    explore_id = _add(client, _EXPLORE_MAGNET)
    status_ids = tuple(dict.fromkeys(ids)) or (_FALLBACK_ID,)
    return Prepared(status_ids=status_ids, explore_id=explore_id or status_ids[0])


def render(request: MixRequest, token: str) -> tuple[str, str]:
    """(path, body) with UNIQUE replaced."""
    return request.path.replace(UNIQUE, token), request.body.replace(UNIQUE, token)


def preflight(client: httpx.Client, cycle: Sequence[MixRequest], unique: str = "preflight") -> dict[str, int]:
    """Send one request of each kind and keep the statuses: a load of 4xx answers measures nothing.

    Also one malformed poll (`invalid`): 400 shows the server validates requests, anything else that it
    does not (the validation-off variant answers 404, the bare app 200).
    """
    statuses: dict[str, int] = {}
    for request in cycle:
        if request.kind in statuses:
            continue
        path, body = render(request, unique)
        headers = {"Content-Type": request.content_type} if request.content_type else {}
        response = client.request(request.method, path, content=body or None, headers=headers)
        statuses[request.kind] = response.status_code
    malformed = client.post("/api/cloud/status", params={"key": DEMO_KEY}, data={"requestId": "not-an-id"})
    statuses[INVALID] = malformed.status_code
    return statuses
