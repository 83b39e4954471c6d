"""Scripted calls of the API through the proxy, so that every operation is reached even where the contract
suite is not run: the read-only ones always, the writing ones only when writes are allowed.

Read-only: checkLogin, listProxies, listRemoteAccounts, checkCache, and status/explore/list of an unknown
request id (an error answer, which is part of the contract too) and of any id given with --request-id;
beyond the doc: the histories, account info and stats, sites, cache info, the old torrent check and the
old read-only aliases. Both eras' operations are called whatever the era: one outside the era must
answer the unknown-route 404 (anything else is drift).
Writing (OFFCLOUD_ALLOW_WRITES=1): login and getApiKey (with OFFCLOUD_EMAIL/OFFCLOUD_PASSWORD), an
instant, a cloud and a remote download, their status until settled (bounded), explore (also detailed),
list and retries, the aliases that add, cache download, a tiny generated .torrent uploaded, a device
code asked for and polled once (never approved), and last the removal of what the run added.
"""

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

__all__ = ["FlowSettings", "preflight", "run_flows"]

UNKNOWN_ID = "000000000000000000000000"
# The default probes, each overridable (`drift --probe-hash`, `--write-url`, `--plain-link`, or the
# environment: DRIFT_PROBE_HASHES, DRIFT_WRITE_URL, DRIFT_PLAIN_LINK). Public-domain torrents (Big Buck
# Bunny, Sintel): cached on most services, harmless to add; a plain link: a public speed-test file.
DEFAULT_HASHES = ("dd8255ecdc7ca55fb0bbf81323d87062db1f6d1c", "08ada5a7a6183aae1e09d831df6748d566095a10")
DEFAULT_WRITE_URL = "magnet:?xt=urn:btih:dd8255ecdc7ca55fb0bbf81323d87062db1f6d1c&dn=Big+Buck+Bunny"
DEFAULT_PLAIN_LINK = "https://proof.ovh.net/files/1Mb.dat"
_SETTLED = {"downloaded", "error", "canceled"}


@dataclass(frozen=True, slots=True)
class FlowSettings:
    api_key: str
    allow_writes: bool = False
    email: str = ""
    password: str = ""
    request_ids: tuple[str, ...] = ()
    hashes: tuple[str, ...] = DEFAULT_HASHES
    write_url: str = DEFAULT_WRITE_URL
    plain_link: str = DEFAULT_PLAIN_LINK  # what the instant download adds when write_url is a magnet
    polls: int = 5
    poll_seconds: float = 1.0
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)


def _json(answer: httpx.Response) -> Any:
    try:
        return answer.json()
    except ValueError:
        return None


def preflight(client: httpx.Client, api_key: str) -> str:
    """ "" when the server answers and takes the key; else why the run cannot happen (exit 2)."""
    answer = client.post("/api/proxy", params={"key": api_key})
    body = _json(answer)
    if answer.status_code == 502 and isinstance(body, dict) and "upstream" in str(body.get("error", "")):
        return str(body["error"])
    error = str(body.get("error", "")) if isinstance(body, dict) else ""
    if answer.status_code in (401, 403) or "noauth" in error.lower() or "not authorized" in error.lower():
        return f"the server refused the API key ({answer.status_code} {error or 'no error text'})"
    if answer.status_code >= 500:
        return f"the server answered {answer.status_code} to the first call (POST /api/proxy)"
    return ""


def _read_only(client: httpx.Client, s: FlowSettings, key: dict[str, str]) -> None:
    client.get("/api/check")
    client.post("/api/proxy", params=key)
    client.post("/api/remote/accounts", params=key)
    client.post("/api/cache", params=key, data={"hashes": list(s.hashes)})
    for request_id in (UNKNOWN_ID, *s.request_ids):
        client.post("/api/cloud/status", params=key, data={"requestId": request_id})
        client.post("/api/remote/status", params=key, data={"requestId": request_id})
        client.get(f"/api/cloud/explore/{request_id}", params=key)
        client.get(f"/api/cloud/list/{request_id}", params=key)


def _beyond_the_doc(client: httpx.Client, s: FlowSettings, key: dict[str, str]) -> None:
    magnets = [f"magnet:?xt=urn:btih:{info_hash}" for info_hash in s.hashes]
    for path in ("/api/cloud/history", "/api/instant/history", "/api/remote/history"):
        client.get(path, params=key)
    client.post("/cloud/history", params=key, json={"page": 0})
    client.get("/api/account/info", params=key)
    client.get("/api/account/stats", params=key)
    client.get("/api/sites", params=key)
    client.post("/api/cache/info", params=key, json={"urls": magnets, "includeFiles": True})
    client.post("/api/torrent/check", params=key, json={"hashes": list(s.hashes)})
    client.get("/api/login/check")
    client.post("/api/account/get", params=key)
    client.post("/api/proxy/list", params=key)
    client.post("/api/remote-account/list", params=key)
    client.post("/api/cloud/explore", params=key, data={"requestId": UNKNOWN_ID})
    client.get(f"/api/cloud/explore/{UNKNOWN_ID}", params={**key, "format": "detailed"})


def _tiny_torrent() -> bytes:
    """A valid single-file .torrent of 16 zero bytes (bencoded by hand: no client library needed)."""
    piece = hashlib.sha1(bytes(16)).digest()  # noqa: S324 - BitTorrent v1 pieces are SHA-1 by definition
    info = b"d6:lengthi16e4:name12:drift-probe12:piece lengthi16384e6:pieces20:" + piece + b"e"
    return b"d8:announce25:udp://tracker.invalid:8004:info" + info + b"e"


def _writes_beyond_the_doc(client: httpx.Client, s: FlowSettings, key: dict[str, str]) -> list[str]:
    """The writing operations beyond the doc; the ids of what they added, to be removed at the end."""
    added: list[str] = []
    for path, data in (
        ("/api/cloud/download", {"url": s.write_url}),
        ("/api/instant/download", {"url": _instant_url(s)}),  # instant takes http(s) links only
    ):
        body = _json(client.post(path, params=key, data=data))
        if isinstance(body, dict) and isinstance(body.get("requestId"), str):
            added.append(body["requestId"])
    client.post("/api/cache/download", params=key, json={"url": s.write_url})
    files = {"file": ("drift-probe.torrent", _tiny_torrent(), "application/x-bittorrent")}
    client.post("/torrent/upload", params=key, files=files)
    code = _json(client.post("/oauth/device/code", json={}))
    if isinstance(code, dict) and isinstance(code.get("device_code"), str):
        grant = "urn:ietf:params:oauth:grant-type:device_code"
        client.post("/oauth/token", json={"grant_type": grant, "device_code": code["device_code"]})
    return added


def _remove(client: httpx.Client, key: dict[str, str], request_ids: list[str]) -> None:
    """Every form of removal, each on what the run added (and on an unknown id)."""
    ids = [*request_ids, UNKNOWN_ID]
    client.get(f"/api/cloud/remove/{ids[0]}", params=key)
    client.post("/api/cloud/remove", params=key, json={"requests": ids[1:2]})
    client.get(f"/cloud/remove/{ids[-1]}", params=key)
    client.get(f"/instant/remove/{ids[-1]}", params=key)


def _poll(client: httpx.Client, s: FlowSettings, key: dict[str, str], path: str, request_id: str) -> None:
    for attempt in range(s.polls):
        body = _json(client.post(path, params=key, data={"requestId": request_id}))
        status = body.get("status") if isinstance(body, dict) else None
        if not isinstance(status, dict) or status.get("status") in _SETTLED:
            return
        if attempt + 1 < s.polls:
            s.sleep(s.poll_seconds)


def _instant_url(s: FlowSettings) -> str:
    return s.write_url if s.write_url.startswith("http") else s.plain_link


def _writes(client: httpx.Client, s: FlowSettings, key: dict[str, str]) -> None:
    if s.email and s.password:
        client.post("/api/login", data={"username": s.email, "password": s.password})
        client.get("/api/check")  # with the session cookie the login set
        client.post("/api/key")
        client.cookies.clear()
    proxies = _json(client.post("/api/proxy", params=key))
    proxy_list = proxies.get("list") if isinstance(proxies, dict) else None
    proxy_id = proxy_list[0].get("id", "") if isinstance(proxy_list, list) and proxy_list else ""
    client.post("/api/instant", params=key, data={"url": _instant_url(s), "proxyId": proxy_id})
    added = _json(client.post("/api/cloud", params=key, data={"url": s.write_url}))
    cloud_id = added.get("requestId") if isinstance(added, dict) else None
    if isinstance(cloud_id, str):
        _poll(client, s, key, "/api/cloud/status", cloud_id)
        client.get(f"/api/cloud/explore/{cloud_id}", params=key)
        client.get(f"/api/cloud/list/{cloud_id}", params=key)
        client.get(f"/api/cloud/retry/{cloud_id}", params=key)
    accounts = _json(client.post("/api/remote/accounts", params=key))
    data = accounts.get("data") if isinstance(accounts, dict) else None
    if isinstance(data, list) and data and isinstance(data[0], dict):
        option = str(data[0].get("remoteOptionId", ""))
        remote = _json(
            client.post("/api/remote", params=key, data={"url": s.write_url, "remoteOptionId": option})
        )
        remote_id = remote.get("requestId") if isinstance(remote, dict) else None
        if isinstance(remote_id, str):
            _poll(client, s, key, "/api/remote/status", remote_id)
            client.get(f"/api/remote/retry/{remote_id}", params=key)
    client.get(f"/api/remote/retry/{UNKNOWN_ID}", params=key)
    added = _writes_beyond_the_doc(client, s, key)
    if isinstance(cloud_id, str):
        client.get(f"/api/cloud/explore/{cloud_id}", params={**key, "format": "detailed"})
        added.insert(0, cloud_id)
    _remove(client, key, added)


def run_flows(base_url: str, settings: FlowSettings) -> None:
    """Drive every flow through `base_url` (the proxy); answers are judged by the proxy, not here."""
    key = {"key": settings.api_key}
    with httpx.Client(base_url=base_url, timeout=60.0, trust_env=False) as client:
        _read_only(client, settings, key)
        _beyond_the_doc(client, settings, key)
        if settings.allow_writes:
            _writes(client, settings, key)
