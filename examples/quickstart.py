"""offcloud_kit quickstart: check the cache, add two downloads, follow them, list the files.

Start the mock in one terminal, run this in another (from the repository root):

    make mock
    .venv/bin/python examples/quickstart.py      # after `make venv`, which installs offcloud_kit
    .venv/bin/python -m examples.quickstart      # the same, straight from a checkout

Against the real service (your key is in your account settings at https://offcloud.com/#/account):

    OFFCLOUD_API_KEY=... .venv/bin/python examples/quickstart.py --base-url https://offcloud.com

The hashes and links below exist in the mock's demo scenario.
"""

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from mock_server.backend.demo import BUNNY_HASH, DEMO_KEY, SINTEL_HASH, TEARS_HASH
from offcloud_kit import BadRequestError, Offcloud, OffcloudError, Progress

DEFAULT_BASE_URL = "http://127.0.0.1:8080"
# DEMO_KEY: the mock's demo account; it opens nothing else.
BIG_BUCK_BUNNY = BUNNY_HASH  # cached, four files
HASHES = [
    BIG_BUCK_BUNNY,
    SINTEL_HASH,  # cached, one file
    TEARS_HASH,  # not cached
]
UNCACHED_URL = "https://files.example.com/docs/annual-report-2025.pdf"
BAR_WIDTH = 30


def show_progress(progress: Progress) -> None:
    """A one-line text progress bar, redrawn in place with a carriage return."""
    fraction = progress.fraction or 0.0
    filled = round(fraction * BAR_WIDTH)
    speed = f"  {progress.speed / 1_048_576:.1f} MiB/s" if progress.speed else ""
    bar = "#" * filled + "." * (BAR_WIDTH - filled)
    print(f"\r  [{bar}] {fraction:6.1%}  {progress.status:<12}{speed}", end="", flush=True)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--base-url", default=DEFAULT_BASE_URL, help=f"API base URL (default {DEFAULT_BASE_URL})"
    )
    parser.add_argument("--poll-interval", type=float, default=2.0, help="seconds between status polls")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait for each download")
    return parser.parse_args(argv)


def run(oc: Offcloud, args: argparse.Namespace) -> None:
    cached = set(oc.check_cache(HASHES))
    print("Cache check:")
    for info_hash in HASHES:
        print(f"  {info_hash}  {'cached' if info_hash in cached else 'not cached'}")

    torrent = oc.add_cloud(f"magnet:?xt=urn:btih:{BIG_BUCK_BUNNY}&dn=Big+Buck+Bunny")
    web = oc.add_cloud(UNCACHED_URL)
    for item in (torrent, web):
        print(f"\n{item.file_name} ({item.request_id}), added as {item.status!r}:")
        done = oc.wait_for_cloud(
            item.request_id, timeout=args.timeout, poll_interval=args.poll_interval, on_progress=show_progress
        )
        print(f"\n  done: {done.amount:,} bytes on server {done.server}")

    print(f"\nFiles of {torrent.file_name}:")
    for link in oc.explore(torrent.request_id):
        print(f"  {link}")
    try:
        oc.explore(web.request_id)
    except BadRequestError:  # "Bad archive": a single file has no listing, but it has its link
        print(f"\n{web.file_name} is a single file: {oc.list_links(web.request_id)[0]}")


def main(argv: Sequence[str] | None = None, *, sleep: Callable[[float], object] | None = None) -> int:
    """Run the tour; 0 on success, 1 on an Offcloud error. `sleep` replaces time.sleep (tests)."""
    args = parse_args(argv)
    api_key = os.environ.get("OFFCLOUD_API_KEY") or DEMO_KEY
    try:
        with Offcloud(api_key, base_url=args.base_url, sleep=sleep) as oc:
            run(oc, args)
    except OffcloudError as error:
        # Every failure of the API, the network or a download lands here, with a message that is safe
        # to show (it never contains the API key).
        print(f"\nOffcloud error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
