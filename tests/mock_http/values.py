"""The demo scenario's values the HTTP layer's tests send: keys, logins, links, hashes, an unknown id."""

from offcloud_mock.backend.demo import (
    BROKEN_URL,
    BUNNY_HASH,
    DEMO_EMAIL,
    DEMO_KEY,
    DEMO_PASSWORD,
    FLAKY_URL,
    FREE_KEY,
    GDRIVE_OPTION,
    REPORT_URL,
    SINTEL_HASH,
    TEARS_HASH,
)

__all__ = [
    "BROKEN_URL",
    "BUNNY_HASH",
    "BUNNY_MAGNET",
    "DEMO_KEY",
    "DEMO_LOGIN",
    "FLAKY_URL",
    "FREE_KEY",
    "GDRIVE_OPTION",
    "REPORT_URL",
    "SINTEL_HASH",
    "SINTEL_MAGNET",
    "TEARS_HASH",
    "TEARS_MAGNET",
    "UNKNOWN_ID",
    "key",
]

DEMO_LOGIN = {"username": DEMO_EMAIL, "password": DEMO_PASSWORD}
BUNNY_MAGNET = f"magnet:?xt=urn:btih:{BUNNY_HASH}&dn=Big+Buck+Bunny"
SINTEL_MAGNET = f"magnet:?xt=urn:btih:{SINTEL_HASH}"
TEARS_MAGNET = f"magnet:?xt=urn:btih:{TEARS_HASH}&dn=Tears+of+Steel"
UNKNOWN_ID = "0123456789abcdef01234567"


def key(api_key: str = DEMO_KEY) -> str:
    return f"?key={api_key}"
