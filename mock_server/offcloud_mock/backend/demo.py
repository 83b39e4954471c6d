"""The demo scenario's values by name: its file, accounts, links and torrents.

`demo_scenario.yaml` is the data; this module is the one place Python code takes its values from
(tests, bench, examples, the CLI's banner). `tests/mock_backend/test_scenario.py` checks that both agree.
"""

from pathlib import Path
from typing import Final

__all__ = [
    "BROKEN_URL",
    "BUNNY_HASH",
    "DEMO_EMAIL",
    "DEMO_EXPIRATION_DATE",
    "DEMO_KEY",
    "DEMO_PASSWORD",
    "DEMO_SCENARIO_PATH",
    "FLAKY_URL",
    "FREE_EMAIL",
    "FREE_KEY",
    "FREE_PASSWORD",
    "GDRIVE_OPTION",
    "PREMIUM_URL",
    "REPORT_URL",
    "SINTEL_HASH",
    "SITE_NAMES",
    "TEARS_HASH",
    "VIDEO_URL",
]

DEMO_SCENARIO_PATH: Final = Path(__file__).parents[1] / "demo_scenario.yaml"

# The demo account: every add-on, two remote accounts. Not secrets: documented demo values.
DEMO_EMAIL: Final = "demo@offcloud.test"
DEMO_PASSWORD: Final = "demo-password"  # noqa: S105
DEMO_KEY: Final = "demo-key-0123456789abcdef"
DEMO_EXPIRATION_DATE: Final = "2026-12-31"  # premium until then
GDRIVE_OPTION: Final = "6a1f0e2d3c4b5a6978877666"  # the demo account's Google Drive remoteOptionId
# The free account: no add-on, 3 downloads in all.
FREE_EMAIL: Final = "free@offcloud.test"
FREE_PASSWORD: Final = "free-password"  # noqa: S105
FREE_KEY: Final = "free-key-0123456789abcdef"

# The fake internet.
REPORT_URL: Final = "https://files.example.com/docs/annual-report-2025.pdf"
PREMIUM_URL: Final = "https://premiumhost.example/file/7f3a9c/holiday-photos.zip"
VIDEO_URL: Final = "https://videos.example.org/watch?v=demo42"
BROKEN_URL: Final = "https://broken.example.net/missing/dataset.tar.gz"  # always fails
FLAKY_URL: Final = "https://flaky.example.net/builds/nightly.zip"  # fails once
BUNNY_HASH: Final = "92b926e37e61e370e948cda081685a45731f9406"  # Big Buck Bunny: cached, four files
SINTEL_HASH: Final = "cb2b4cfedce06e72a7792bfdfd05549df4ca5452"  # cached, one file
TEARS_HASH: Final = "2ce6ed1b37ab62d0b2a4b369cd2f36ff15cb2eae"  # Tears of Steel: not cached, several files

# /api/sites: the legacy names of the listed hosts, in order (rapidgator healthy, youtube fragile,
# megaupload dead).
SITE_NAMES: Final = ("rapidgator", "youtube", "megaupload")
