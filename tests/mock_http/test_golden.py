"""Golden answers: the mock answers a fixed list of requests byte for byte as recorded.

Recorded before the mock was split into a backend and an HTTP layer, so that any change of an answer's
status, content type or bytes is seen, in both eras (`2026`, `legacy`) and with the legacy
`string_numbers` quirk. Re-recorded when the eras came: `2026` (formerly `modern`) is now the whole 2026
server (legacy-only routes are its HTML 404 page, the 2026 status object); the legacy answers of
documented operations did not change; steps beyond the documentation are appended (history, removal,
aliases; then account, sites, torrent upload and check, the 2026 cache endpoints, detailed explore and
the device login with its control routes). Re-recorded when the mock came to follow openapi.yaml's
words: a url that is no link answers `Incorrect url`, a device-token body without its code
`invalid_request`, and 2026 plain explore answers CDN links and lists a single file. Every config plays
every step, so an operation of one era is probed in the other too. Each scenario runs its steps in order
against one fresh app (frozen clock, fixed seed), so ids, codes and times are the same on every run.

To record again (only when an answer is meant to change; review the diff of `golden/*.json`):

    .venv/bin/python -m tests.mock_http.test_golden --record
"""

import contextlib
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.exceptions import HTTPException

from offcloud_mock.backend.demo import PREMIUM_URL, VIDEO_URL
from offcloud_mock.http.app import create_app
from offcloud_mock.settings import MockConfig
from tests.bencoding import bencode
from tests.mock_http.values import (
    BROKEN_URL,
    BUNNY_HASH,
    BUNNY_MAGNET,
    DEMO_KEY,
    DEMO_LOGIN,
    FLAKY_URL,
    FREE_KEY,
    GDRIVE_OPTION,
    REPORT_URL,
    SINTEL_HASH,
    SINTEL_MAGNET,
    TEARS_HASH,
    TEARS_MAGNET,
    UNKNOWN_ID,
)

GOLDEN_DIR = Path(__file__).with_name("golden")
SEED = 7


@dataclass(frozen=True)
class Step:
    """One request; `{name}` in `path` is replaced by the requestId saved under that name."""

    name: str
    method: str
    path: str
    form: dict[str, Any] | None = None
    json: Any = None
    data: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    save: str | None = None  # remember the answer's requestId under this name
    keep: dict[str, str] = field(default_factory=dict)  # remember more fields: name -> the answer's key
    upload: tuple[str, str, bytes] | None = None  # a multipart part: (part name, file name, bytes)


def _k(api_key: str = DEMO_KEY) -> str:
    return f"?key={api_key}"


def _advance(seconds: float) -> Step:
    return Step(f"advance {seconds}", "POST", "/_mock/clock", json={"advance": seconds})


# A small real torrent of two files, one in a sub-folder (its info hash is computed by the mock).
TORRENT = bencode(
    {
        "announce": "udp://tracker.example:1337/announce",
        "info": {
            "name": "Open Movie",
            "piece length": 16384,
            "pieces": bytes(range(40)),  # two 20-byte piece hashes
            "files": [
                {"length": 20000, "path": ["Open Movie.mkv"]},
                {"length": 120, "path": ["extras", "readme.txt"]},
            ],
        },
    }
)
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
UNKNOWN_USER_CODE = "BCDF-GHJK"


def _poll(name: str, device_code: str) -> Step:
    return Step(name, "POST", "/oauth/token", json={"grant_type": DEVICE_GRANT, "device_code": device_code})


STEPS: tuple[Step, ...] = (
    # account and sessions
    Step("check logged out", "GET", "/api/check"),
    Step("login bad email", "POST", "/api/login", form={"username": "nope", "password": "x"}),
    Step("login wrong password", "POST", "/api/login", form={**DEMO_LOGIN, "password": "wrong"}),
    Step("login missing field", "POST", "/api/login", form={"username": DEMO_LOGIN["username"]}),
    Step("login", "POST", "/api/login", form=DEMO_LOGIN),
    Step("check logged in", "GET", "/api/check"),
    Step("key by cookie", "POST", "/api/key"),
    Step("key by query", "POST", "/api/key" + _k()),
    Step("key bad key", "POST", "/api/key?key=wrong-key"),
    Step("key bearer", "POST", "/api/key", headers={"Authorization": f"Bearer {FREE_KEY}"}),
    Step("proxies", "POST", "/api/proxy" + _k()),
    Step("proxies no key", "POST", "/api/proxy?key="),
    Step("proxies bad key", "POST", "/api/proxy?key=wrong-key"),
    Step("remote accounts", "POST", "/api/remote/accounts" + _k()),
    # adding
    Step("cloud report", "POST", "/api/cloud" + _k(), form={"url": REPORT_URL}, save="report"),
    Step("cloud report again", "POST", "/api/cloud" + _k(), json={"url": REPORT_URL}),
    Step("cloud bunny", "POST", "/api/cloud" + _k(), form={"url": BUNNY_MAGNET}, save="bunny"),
    Step("cloud sintel", "POST", "/api/cloud" + _k(), json={"url": SINTEL_MAGNET}, save="sintel"),
    Step("cloud broken", "POST", "/api/cloud" + _k(), form={"url": BROKEN_URL}, save="broken"),
    Step("cloud flaky", "POST", "/api/cloud" + _k(), form={"url": FLAKY_URL}, save="flaky"),
    Step("cloud missing url", "POST", "/api/cloud" + _k(), form={}),
    Step("cloud bad url", "POST", "/api/cloud" + _k(), form={"url": "not a url"}),
    Step(
        "cloud bad json",
        "POST",
        "/api/cloud" + _k(),
        data="{bad",
        headers={"Content-Type": "application/json"},
    ),
    Step("instant", "POST", "/api/instant" + _k(), form={"url": REPORT_URL, "proxyId": "fr-1"}, save="inst"),
    Step(
        "remote",
        "POST",
        "/api/remote" + _k(),
        form={"url": BUNNY_MAGNET, "remoteOptionId": GDRIVE_OPTION},
        save="remote",
    ),
    Step(
        "remote unknown option", "POST", "/api/remote" + _k(), form={"url": REPORT_URL, "remoteOptionId": "x"}
    ),
    Step("free premium", "POST", "/api/cloud" + _k(FREE_KEY), form={"url": PREMIUM_URL}),
    Step("free video", "POST", "/api/instant" + _k(FREE_KEY), form={"url": VIDEO_URL}),
    Step("free proxy", "POST", "/api/instant" + _k(FREE_KEY), form={"url": REPORT_URL, "proxyId": "fr-1"}),
    Step("free cloud", "POST", "/api/cloud" + _k(FREE_KEY), form={"url": REPORT_URL}),
    Step("free instant 1", "POST", "/api/instant" + _k(FREE_KEY), form={"url": "https://a.example/1.bin"}),
    Step(
        "free remote none",
        "POST",
        "/api/remote" + _k(FREE_KEY),
        form={"url": REPORT_URL, "remoteOptionId": "x"},
    ),
    Step("free instant 2", "POST", "/api/instant" + _k(FREE_KEY), form={"url": "https://a.example/2.bin"}),
    Step("free instant 3", "POST", "/api/instant" + _k(FREE_KEY), form={"url": "https://a.example/3.bin"}),
    Step(
        "free instant 4 links", "POST", "/api/instant" + _k(FREE_KEY), form={"url": "https://a.example/4.bin"}
    ),
    # status over time
    Step("status report created", "POST", "/api/cloud/status" + _k(), form={"requestId": "{report}"}),
    Step("status not found", "POST", "/api/cloud/status" + _k(), form={"requestId": UNKNOWN_ID}),
    Step("status bad id", "POST", "/api/cloud/status" + _k(), form={"requestId": "zz"}),
    Step("status other kind", "POST", "/api/remote/status" + _k(), form={"requestId": "{report}"}),
    Step("status other account", "POST", "/api/cloud/status" + _k(FREE_KEY), form={"requestId": "{report}"}),
    Step("list not downloaded", "GET", "/api/cloud/list/{report}" + _k()),
    _advance(3.5),
    Step("status report downloading", "POST", "/api/cloud/status" + _k(), form={"requestId": "{report}"}),
    Step("status broken", "POST", "/api/cloud/status" + _k(), form={"requestId": "{broken}"}),
    Step("status remote", "POST", "/api/remote/status" + _k(), json={"requestId": "{remote}"}),
    _advance(600),
    Step("status report done", "POST", "/api/cloud/status" + _k(), form={"requestId": "{report}"}),
    Step("status bunny done", "POST", "/api/cloud/status" + _k(), form={"requestId": "{bunny}"}),
    Step("status broken error", "POST", "/api/cloud/status" + _k(), form={"requestId": "{broken}"}),
    Step("status flaky error", "POST", "/api/cloud/status" + _k(), form={"requestId": "{flaky}"}),
    Step("status remote done", "POST", "/api/remote/status" + _k(), form={"requestId": "{remote}"}),
    Step("explore bunny", "GET", "/api/cloud/explore/{bunny}" + _k()),
    Step("explore report bad archive", "GET", "/api/cloud/explore/{report}" + _k()),
    Step("explore unknown", "GET", "/api/cloud/explore/" + UNKNOWN_ID + _k()),
    Step("list bunny", "GET", "/api/cloud/list/{bunny}" + _k()),
    Step("list report", "GET", "/api/cloud/list/{report}" + _k()),
    Step("list sintel", "GET", "/api/cloud/list/{sintel}" + _k()),
    Step("retry flaky", "GET", "/api/cloud/retry/{flaky}" + _k()),
    Step("retry report not failed", "GET", "/api/cloud/retry/{report}" + _k()),
    Step("retry remote not failed", "GET", "/api/remote/retry/{remote}" + _k()),
    Step("retry unknown", "GET", "/api/cloud/retry/" + UNKNOWN_ID + _k()),
    Step("status flaky after retry", "POST", "/api/cloud/status" + _k(), form={"requestId": "{flaky}"}),
    # cache, in every array style
    Step(
        "cache repeated",
        "POST",
        "/api/cache" + _k(),
        data=f"hashes={BUNNY_HASH}&hashes={TEARS_HASH}",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    ),
    Step(
        "cache brackets",
        "POST",
        "/api/cache" + _k(),
        data=f"hashes[]={SINTEL_HASH}&hashes[]={BUNNY_HASH.upper()}",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    ),
    Step(
        "cache indexed",
        "POST",
        "/api/cache" + _k(),
        data=f"hashes[1]={SINTEL_HASH}&hashes[0]={TEARS_HASH}",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    ),
    Step("cache json", "POST", "/api/cache" + _k(), json={"hashes": [BUNNY_HASH, BUNNY_HASH, SINTEL_HASH]}),
    Step("cache single", "POST", "/api/cache" + _k(), form={"hashes": SINTEL_HASH}),
    Step("cache missing", "POST", "/api/cache" + _k(), json={}),
    Step("cache bad hash", "POST", "/api/cache" + _k(), json={"hashes": ["nothex"]}),
    # framework errors
    Step("unknown route", "GET", "/api/nothing"),
    Step("wrong method", "GET", "/api/cloud" + _k()),
    # control plane
    Step("control index", "GET", "/_mock/"),
    Step("control health", "GET", "/_mock/health"),
    Step("control clock", "GET", "/_mock/clock"),
    Step("control clock bad", "POST", "/_mock/clock", json={"speed": "fast"}),
    Step("control clock negative", "POST", "/_mock/clock", json={"advance": -1}),
    Step("control clock speed", "POST", "/_mock/clock", json={"speed": 2, "freeze": True}),
    Step("control download", "GET", "/_mock/downloads/{bunny}"),
    Step("control download remote", "GET", "/_mock/downloads/{remote}"),
    Step("control download unknown", "GET", "/_mock/downloads/" + UNKNOWN_ID),
    Step("control force", "POST", "/_mock/downloads/{report}/status", json={"status": "downloading"}),
    Step("control force error", "POST", "/_mock/downloads/{bunny}/status", json={"status": "error"}),
    Step("control force bad", "POST", "/_mock/downloads/{report}/status", json={"status": "nope"}),
    Step("control force missing", "POST", "/_mock/downloads/{report}/status", json={}),
    Step("status forced", "POST", "/api/cloud/status" + _k(), form={"requestId": "{report}"}),
    Step(
        "control fault",
        "POST",
        "/_mock/faults",
        json={"operation": "getCloudStatus", "status": 503, "retry_after": 1.5},
    ),
    Step("control fault html", "POST", "/_mock/faults", json={"operation": "listProxies", "html": True}),
    Step("control fault unknown op", "POST", "/_mock/faults", json={"operation": "nope", "status": 500}),
    Step("control fault bad", "POST", "/_mock/faults", json={"operation": "*", "status": "x"}),
    Step("control faults", "GET", "/_mock/faults"),
    Step("faulted status", "POST", "/api/cloud/status" + _k(), form={"requestId": "{report}"}),
    Step("faulted proxies", "POST", "/api/proxy" + _k()),
    Step("control fault again", "POST", "/_mock/faults", json={"operation": "*", "status": 500, "count": 2}),
    Step("control faults clear", "DELETE", "/_mock/faults"),
    Step("control journal", "GET", "/_mock/journal?limit=6"),
    Step("control journal bad", "GET", "/_mock/journal?limit=x"),
    Step("control journal clear", "DELETE", "/_mock/journal"),
    Step("control settings", "GET", "/_mock/settings"),
    Step("control settings bad", "POST", "/_mock/settings", json={"error_mode": "future"}),
    Step("control settings bad type", "POST", "/_mock/settings", json={"error_mode": 3}),
    Step("control settings validate", "POST", "/_mock/settings", json={"validate_responses": True}),
    Step("control accounts", "GET", "/_mock/accounts"),
    Step("control body not object", "POST", "/_mock/reset", json=[1]),
    Step(
        "control scenario bad",
        "POST",
        "/_mock/scenario",
        data="accounts: [{email: x}]",
        headers={"Content-Type": "application/yaml"},
    ),
    Step(
        "control scenario bad yaml",
        "POST",
        "/_mock/scenario",
        data="a: [",
        headers={"Content-Type": "text/yaml"},
    ),
    Step("control reset", "POST", "/_mock/reset", json={"seed": 3}),
    Step("cloud after reset", "POST", "/api/cloud" + _k(), form={"url": REPORT_URL}),
    Step("check after reset", "GET", "/api/check"),
    # beyond the documentation, appended so that the answers above keep their ids and times
    Step("cloud bunny again", "POST", "/api/cloud" + _k(), form={"url": BUNNY_MAGNET}, save="bunny2"),
    Step("instant again", "POST", "/api/instant" + _k(), form={"url": REPORT_URL}, save="inst2"),
    Step("status by requestIds", "POST", "/api/cloud/status" + _k(), json={"requestIds": ["{bunny2}"]}),
    Step("cloud history", "GET", "/api/cloud/history" + _k()),
    Step("instant history", "GET", "/api/instant/history" + _k()),
    Step("remote history", "GET", "/api/remote/history" + _k()),
    Step("cloud history page", "POST", "/cloud/history" + _k(), json={"page": 0}),
    Step("remove unknown", "GET", f"/api/cloud/remove/{UNKNOWN_ID}" + _k()),
    Step("remove many unknown", "POST", "/api/cloud/remove" + _k(), json={"requests": [UNKNOWN_ID]}),
    Step("remove site root unknown", "GET", f"/cloud/remove/{UNKNOWN_ID}" + _k()),
    Step("remove instant site root", "GET", "/instant/remove/{inst2}" + _k()),
    Step("remove bunny", "GET", "/api/cloud/remove/{bunny2}" + _k()),
    Step("remove bunny site root", "GET", "/cloud/remove/{bunny2}" + _k()),
    Step("alias login classic", "POST", "/api/login/classic", form=DEMO_LOGIN),
    Step("alias login check", "GET", "/api/login/check"),
    Step("alias account get", "POST", "/api/account/get"),
    Step("alias instant download", "POST", "/api/instant/download" + _k(), form={"url": VIDEO_URL}),
    Step("alias cloud download", "POST", "/api/cloud/download" + _k(), form={"url": SINTEL_MAGNET}),
    Step(
        "alias remote download",
        "POST",
        "/api/remote/download" + _k(),
        form={"url": REPORT_URL, "remoteOptionId": GDRIVE_OPTION},
    ),
    Step("alias proxy list", "POST", "/api/proxy/list" + _k()),
    Step("alias remote account list", "POST", "/api/remote-account/list" + _k()),
    Step("alias explore", "POST", "/api/cloud/explore" + _k(), form={"requestId": UNKNOWN_ID}),
    Step("unknown route", "GET", "/api/nope"),
    Step("wrong method", "GET", "/api/cloud" + _k()),
    # beyond the documentation, second part: account, sites, torrents, the 2026 cache
    # endpoints, detailed explore, the device login. Every config plays every step, so each operation is
    # answered by the era(s) serving it and probed in the other (its 404 page there).
    Step("sites", "GET", "/api/sites" + _k()),
    Step("sites bad key", "GET", "/api/sites?key=wrong-key"),
    Step("account info", "GET", "/api/account/info" + _k()),
    Step("account info free", "GET", "/api/account/info" + _k(FREE_KEY)),
    Step("account info bad key", "GET", "/api/account/info?key=wrong-key"),
    Step("account stats", "GET", "/api/account/stats" + _k()),
    Step("account stats free", "GET", "/api/account/stats" + _k(FREE_KEY)),
    Step("account stats bad key", "GET", "/api/account/stats?key=wrong-key"),
    Step(
        "torrent upload",
        "POST",
        "/torrent/upload" + _k(),
        upload=("file", "open-movie.torrent", TORRENT),
        keep={"uploaded": "url"},
    ),
    Step(
        "torrent upload not a torrent",
        "POST",
        "/torrent/upload" + _k(),
        upload=("file", "page.html", b"<html>not a torrent</html>"),
    ),
    Step(
        "torrent upload wrong part",
        "POST",
        "/torrent/upload" + _k(),
        upload=("torrent", "open-movie.torrent", TORRENT),
    ),
    Step(
        "torrent upload bad key",
        "POST",
        "/torrent/upload?key=wrong-key",
        upload=("file", "open-movie.torrent", TORRENT),
    ),
    Step("cloud uploaded torrent", "POST", "/api/cloud" + _k(), form={"url": "{uploaded}"}),
    Step(
        "torrent check",
        "POST",
        "/api/torrent/check" + _k(),
        json={"hashes": [BUNNY_HASH.upper(), TEARS_HASH]},
    ),
    Step("torrent check bad hash", "POST", "/api/torrent/check" + _k(), json={"hashes": ["nothex"]}),
    Step("torrent check missing", "POST", "/api/torrent/check" + _k(), json={}),
    Step(
        "cache info",
        "POST",
        "/api/cache/info" + _k(),
        json={"urls": [TEARS_MAGNET, BUNNY_MAGNET, SINTEL_HASH], "includeFiles": True},
    ),
    Step("cache info no files", "POST", "/api/cache/info" + _k(), json={"urls": [SINTEL_MAGNET]}),
    Step("cache info missing urls", "POST", "/api/cache/info" + _k(), json={"includeFiles": True}),
    Step("cache info bad key", "POST", "/api/cache/info?key=wrong-key", json={"urls": [SINTEL_MAGNET]}),
    Step("cache download", "POST", "/api/cache/download" + _k(), json={"url": SINTEL_MAGNET}),
    Step("cache download not cached", "POST", "/api/cache/download" + _k(), json={"url": TEARS_MAGNET}),
    Step("cache download missing url", "POST", "/api/cache/download" + _k(), json={}),
    Step("cloud bunny to explore", "POST", "/api/cloud" + _k(), form={"url": BUNNY_MAGNET}, save="bunny3"),
    Step("cloud sintel to explore", "POST", "/api/cloud" + _k(), form={"url": SINTEL_MAGNET}, save="sintel3"),
    Step("explore detailed", "GET", "/api/cloud/explore/{bunny3}" + _k() + "&format=detailed"),
    Step("explore detailed single file", "GET", "/api/cloud/explore/{sintel3}" + _k() + "&format=detailed"),
    Step("explore detailed unknown", "GET", f"/api/cloud/explore/{UNKNOWN_ID}" + _k() + "&format=detailed"),
    Step(
        "device code",
        "POST",
        "/oauth/device/code",
        json={},
        keep={"device": "device_code", "user": "user_code"},
    ),
    Step("control device codes", "GET", "/_mock/device-codes"),
    _poll("device token pending", "{device}"),
    _poll("device token too fast", "{device}"),
    _poll("device token unknown code", "not-a-device-code"),
    Step("device token missing code", "POST", "/oauth/token", json={"grant_type": DEVICE_GRANT}),
    Step(
        "control device approve unknown", "POST", f"/_mock/device-codes/{UNKNOWN_USER_CODE}/approve", json={}
    ),
    Step(
        "control device approve bad account",
        "POST",
        "/_mock/device-codes/{user}/approve",
        json={"account": 3},
    ),
    Step(
        "control device approve no such account",
        "POST",
        "/_mock/device-codes/{user}/approve",
        json={"account": "nobody@offcloud.test"},
    ),
    Step("control device approve", "POST", "/_mock/device-codes/{user}/approve", json={}),
    Step("control device approve again", "POST", "/_mock/device-codes/{user}/approve", json={}),
    _advance(11),  # past the interval, which the slow_down grew from 5 s to 10 s
    Step(
        "device token granted",
        "POST",
        "/oauth/token",
        json={"grant_type": DEVICE_GRANT, "device_code": "{device}"},
        keep={"token": "access_token"},
    ),
    _poll("device token spent", "{device}"),
    Step("account info by token", "GET", "/api/account/info", headers={"Authorization": "Bearer {token}"}),
    Step(
        "device code to deny",
        "POST",
        "/oauth/device/code",
        json={},
        keep={"device2": "device_code", "user2": "user_code"},
    ),
    Step("control device deny", "POST", "/_mock/device-codes/{user2}/deny", json={}),
    Step("control device deny again", "POST", "/_mock/device-codes/{user2}/deny", json={}),
    _advance(6),
    _poll("device token denied", "{device2}"),
    Step("device code to expire", "POST", "/oauth/device/code", json={}, keep={"device3": "device_code"}),
    _advance(601),
    _poll("device token expired", "{device3}"),
    Step("control device deny unknown", "POST", f"/_mock/device-codes/{UNKNOWN_USER_CODE}/deny", json={}),
)

# name -> the config its steps run with
CONFIGS: dict[str, MockConfig] = {
    "2026": MockConfig(era="2026", seed=SEED, frozen_clock=True),
    "legacy": MockConfig(era="legacy", seed=SEED, frozen_clock=True),
    "legacy_string_numbers": MockConfig(era="legacy", string_numbers=True, seed=SEED, frozen_clock=True),
}


def _fill(text: str, saved: dict[str, str]) -> str:
    for name, request_id in saved.items():
        text = text.replace("{" + name + "}", request_id)
    return text


def _filled(value: Any, saved: dict[str, str]) -> Any:
    if isinstance(value, str):
        return _fill(value, saved)
    if isinstance(value, dict):
        return {key: _filled(item, saved) for key, item in value.items()}
    if isinstance(value, list):
        return [_filled(item, saved) for item in value]
    return value


def play(app: Flask) -> list[dict[str, Any]]:
    """Every step's answer: status, content type and body text, in order."""
    client = app.test_client()
    saved: dict[str, str] = {}
    answers: list[dict[str, Any]] = []
    for step in STEPS:
        kwargs: dict[str, Any] = {"headers": _filled(step.headers, saved)}
        if step.upload is not None:
            part, file_name, content = step.upload
            kwargs["data"] = {part: (io.BytesIO(content), file_name)}
            kwargs["content_type"] = "multipart/form-data"
        elif step.form is not None:
            kwargs["data"] = _filled(step.form, saved)
        elif step.json is not None:
            kwargs["json"] = _filled(step.json, saved)
        elif step.data is not None:
            kwargs["data"] = step.data
        response = client.open(_fill(step.path, saved), method=step.method, **kwargs)
        body = response.get_data(as_text=True)
        if (
            step.save
            and response.is_json
            and isinstance(response.json, dict)
            and "requestId" in response.json
        ):
            saved[step.save] = str(response.json["requestId"])
        for name, key in step.keep.items():
            if response.is_json and isinstance(response.json, dict) and key in response.json:
                saved[name] = str(response.json[key])
        answers.append(
            {
                "step": step.name,
                "status": response.status_code,
                "content_type": response.content_type,
                "body": body,
            }
        )
    return answers


def _golden_path(name: str) -> Path:
    return GOLDEN_DIR / f"{name}.json"


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_answers_are_the_recorded_ones(name: str) -> None:
    recorded = json.loads(_golden_path(name).read_text(encoding="utf-8"))
    answers = play(create_app(CONFIGS[name]))
    assert [answer["step"] for answer in answers] == [answer["step"] for answer in recorded]
    for answer, expected in zip(answers, recorded, strict=True):
        assert answer == expected, answer["step"]


def test_the_steps_reach_every_operation_and_control_route() -> None:
    app = create_app(CONFIGS["2026"])
    adapter = app.url_map.bind("mock.test")
    reached = set()
    for step in STEPS:
        path = _fill(step.path, {name: UNKNOWN_ID for name in ("report", "bunny", "remote")}).partition("?")[
            0
        ]
        with contextlib.suppress(HTTPException):
            reached.add((step.method, adapter.match(path, method=step.method)[0]))
    routed = {
        (method, rule.endpoint)
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith(("api.", "control.", "control_device."))
        for method in rule.methods or ()
        if method not in ("HEAD", "OPTIONS")
    }
    assert routed - reached == set()


def record() -> None:
    GOLDEN_DIR.mkdir(exist_ok=True)
    for name, config in CONFIGS.items():
        text = json.dumps(play(create_app(config)), indent=1, ensure_ascii=False) + "\n"
        _golden_path(name).write_text(text, encoding="utf-8")
        print(f"recorded {_golden_path(name)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--record"]:
        raise SystemExit("usage: python -m tests.mock_http.test_golden --record")
    record()
