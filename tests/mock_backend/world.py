"""A small scenario with round numbers for the backend tests.

Timing: 1 s created, 2 s queued, then 100 bytes/s, 2 s processing, 3 s uploading, errors at half the bytes.
Every file set below totals 1000 bytes, so a download is "downloading" from t=3 to t=13.
"""

from typing import Any

from offcloud_mock.http.presenters import Era2026, LegacyEra

# The backend answers domain objects; the tests check their wire shape as the servers show it: errors
# with the 2026 server's statuses, status objects with the legacy fields (amount, fileSize, speed), which
# show the backend's bookkeeping (the 2026 status object: tests/mock_http/test_status_2026.py).
WIRE = Era2026()
LEGACY_WIRE = LegacyEra()

ALICE_EMAIL = "alice@test.example"
ALICE_PASSWORD = "alice-password"  # noqa: S105 - a test fixture, not a secret
ALICE_KEY = "alice-key"
ALICE_REMOTE = "alice-remote-1"
BOB_EMAIL = "bob@test.example"
BOB_KEY = "bob-key"
BOB_REMOTE = "bob-remote-1"
BOB_LINK_LIMIT = 3

SINGLE_URL = "https://files.test.example/docs/report.pdf"
FOLDER_URL = "https://files.test.example/folder/"
FOLDER_FILES = ("a file.txt", "b.txt", "c (1)/d.txt")
PREMIUM_URL = "https://premium.test.example/file/abc/archive.zip"
VIDEO_URL = "https://video.test.example/watch?v=42"
FAILS_ONCE_URL = "https://flaky.test.example/fails-once.bin"
ALWAYS_FAILS_URL = "https://broken.test.example/always-fails.bin"
ALWAYS_FAILS_MESSAGE = "The file is not available on the server."
CACHED_PACK_HASH = "aa" * 20
CACHED_SINGLE_HASH = "bb" * 20
UNCACHED_PACK_HASH = "cc" * 20


def magnet(info_hash: str, name: str = "x") -> str:
    return f"magnet:?xt=urn:btih:{info_hash}&dn={name}"


def _single(url: str, **extra: Any) -> dict[str, Any]:
    return {"url": url, "files": [{"name": url.rsplit("/", 1)[-1], "size": 1000}], **extra}


def world_data() -> dict[str, Any]:
    """A fresh, mutable scenario mapping (as YAML would give it), for tests to edit before parsing."""
    pack_files = [
        {"name": "one.mkv", "size": 600},
        {"name": "two.mkv", "size": 300},
        {"name": "three.srt", "size": 100},
    ]
    return {
        "start": "2026-01-01T00:00:00Z",
        "timing": {
            "created_seconds": 1,
            "queued_seconds": 2,
            "default_speed": 100,
            "processing_seconds": 2,
            "uploading_seconds": 3,
            "fail_after_fraction": 0.5,
        },
        "accounts": [
            {
                "email": ALICE_EMAIL,
                "password": ALICE_PASSWORD,
                "api_key": ALICE_KEY,
                "addons": ["premium", "links", "proxy", "cloud", "video"],
                "remote_accounts": [
                    {
                        "account_id": "alice-account-1",
                        "remote_option_id": ALICE_REMOTE,
                        "type": "FTP",
                        "username": "alice",
                        "host": "ftp.test.example",
                        "port": 21,
                        "path": "/in",
                        "usage": 12345,
                    }
                ],
            },
            {
                "email": BOB_EMAIL,
                "password": "bob-password",
                "api_key": BOB_KEY,
                "link_limit": BOB_LINK_LIMIT,
                "remote_accounts": [
                    {"account_id": "bob-account-1", "remote_option_id": BOB_REMOTE, "type": "WebDAV"}
                ],
            },
        ],
        "proxies": [{"id": "fr-1", "name": "Main server (France)", "region": "EU"}],
        "resources": [
            _single(SINGLE_URL, site="Files"),
            {
                "url": FOLDER_URL,
                "name": "My Folder",
                "files": [
                    {"name": name, "size": size}
                    for name, size in zip(FOLDER_FILES, (400, 300, 300), strict=True)
                ],
            },
            _single(PREMIUM_URL, kind="premium"),
            {"url": VIDEO_URL, "kind": "video", "files": [{"name": "talk.mp4", "size": 1000}]},
            _single(FAILS_ONCE_URL, fails=1),
            _single(ALWAYS_FAILS_URL, fails=1000, error_message=ALWAYS_FAILS_MESSAGE),
            {"info_hash": CACHED_PACK_HASH, "name": "Cached Pack", "cached": True, "files": pack_files},
            {
                "info_hash": CACHED_SINGLE_HASH,
                "cached": True,
                "files": [{"name": "Single Movie.mkv", "size": 1000}],
            },
            {"info_hash": UNCACHED_PACK_HASH.upper(), "name": "Slow Pack", "files": pack_files},
        ],
    }
