"""offcloud_kit quickstart: check the cache, add two downloads, follow them, list the files.

Start the mock in one terminal, run this in another (from the repository root):

    make mock
    .venv/bin/python examples/quickstart.py      # after `make venv`, which installs offcloud_kit
    .venv/bin/python -m examples.quickstart      # the same, straight from a checkout

Against the real service (your key is in your account settings at https://offcloud.com/#/account):

    OFFCLOUD_API_KEY=... .venv/bin/python examples/quickstart.py --base-url https://offcloud.com

The hashes and links below exist in the mock's demo scenario. Progress is one redrawn text line, or a rich
progress bar when rich is installed and the output is a terminal (`--progress plain|rich` to choose).
Either server era works: the legacy server reports bytes, so the line shows bytes done of total, the speed
and the ETA; the 2026 server (the default of `make mock`) reports only a fraction done, so the line shows
the percentage and an ETA measured from how fast that fraction grows.
"""

import argparse
import importlib.util
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TextIO

from offcloud_client.models import CloudDownloadStatus

from offcloud_kit import BadRequestError, Offcloud, OffcloudError, Progress
from offcloud_kit.waiting import to_int
from offcloud_mock.backend.demo import BUNNY_HASH, DEMO_KEY, SINTEL_HASH, TEARS_HASH

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


def human_bytes(count: int) -> str:
    """1536 -> '1.5 KiB'."""
    value = float(count)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TiB"


def eta_seconds(progress: Progress) -> float | None:
    """Seconds left at the speed the server reports, or None when it reports none (queued, processing,
    and the 2026 server, which reports no bytes and no speed)."""
    if progress.status != "downloading" or not progress.speed or not progress.bytes_total:
        return None
    return max(progress.bytes_total - (progress.bytes_done or 0), 0) / progress.speed


class FractionEta:
    """Seconds left from how fast `fraction` grows, for a server that reports neither bytes nor speed.

    It measures from the last poll at which the fraction had not grown yet (so time spent queued does not
    count) to now, on `clock`; None until the fraction has grown while downloading.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._since: tuple[float, float] | None = None  # (time, fraction) where the measure starts

    def reset(self) -> None:
        self._since = None

    def __call__(self, progress: Progress) -> float | None:
        fraction, now = progress.fraction, self._clock()
        if fraction is None:
            return None
        if self._since is None or fraction <= self._since[1]:
            self._since = (now, fraction)
            return None
        start, start_fraction = self._since
        if progress.status != "downloading" or now <= start:
            return None
        return (1.0 - fraction) * (now - start) / (fraction - start_fraction)


def format_eta(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def size_text(progress: Progress) -> str:
    """'21.0 MiB / 50.0 MiB' (legacy), '21.0 MiB' without a total, '' when the server gives no bytes (2026)."""
    if progress.bytes_done is None:
        return ""
    size = human_bytes(progress.bytes_done)
    if progress.bytes_total:
        size += f" / {human_bytes(progress.bytes_total)}"
    return size


def progress_text(progress: Progress, eta: float | None = None) -> str:
    """[#####.....]  42.0%  downloading  21.0 MiB / 50.0 MiB  10.0 MiB/s  ETA 0:03   (legacy)
    [#####.....]  42.0%  downloading  ETA 0:03                                      (2026)

    The ETA is the server's (bytes left at its speed) when it has one, else `eta` (a FractionEta's).
    """
    fraction = progress.fraction or 0.0
    filled = round(fraction * BAR_WIDTH)
    bar = "#" * filled + "." * (BAR_WIDTH - filled)
    speed = f"  {progress.speed / 1_048_576:.1f} MiB/s" if progress.speed else ""
    seconds = eta_seconds(progress)
    if seconds is None:
        seconds = eta
    remaining = f"  ETA {format_eta(seconds)}" if seconds is not None else ""
    return f"[{bar}] {fraction:6.1%}  {progress.status:<12}{size_text(progress)}{speed}{remaining}".rstrip()


def done_text(done: CloudDownloadStatus) -> str:
    """'done: 52,428,800 bytes on server de-3' (legacy), 'done: annual-report-2025.pdf' (2026: no sizes)."""
    size = to_int(done.amount)
    if size is None:
        return f"done: {done.file_name}"
    server = f" on server {done.server}" if isinstance(done.server, str) else ""
    return f"done: {size:,} bytes{server}"


class Renderer(Protocol):
    """Shows the progress of one download at a time: start, updates, finish."""

    def start(self, label: str) -> None: ...
    def update(self, progress: Progress) -> None: ...
    def finish(self) -> None: ...


class LineRenderer:
    """One text line redrawn in place with a carriage return.

    A shorter line would leave the end of the longer one before it on screen ("downloadeding"), so each
    redraw is padded with spaces to the longest line drawn so far.
    """

    def __init__(self, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream if stream is not None else sys.stdout
        self._width = 0
        self._eta = FractionEta(clock)

    def start(self, label: str) -> None:
        self._width = 0
        self._eta.reset()

    def update(self, progress: Progress) -> None:
        text = "  " + progress_text(progress, self._eta(progress))
        self._stream.write("\r" + text.ljust(self._width))
        self._stream.flush()
        self._width = max(self._width, len(text))

    def finish(self) -> None:
        self._stream.write("\n")
        self._width = 0


class RichRenderer:
    """The same information as a rich progress bar (used when rich is installed and stdout is a terminal)."""

    def __init__(self, console: Any = None, clock: Callable[[], float] = time.monotonic) -> None:
        self._console = console
        self._bar: Any = None
        self._task: Any = None
        self._eta = FractionEta(clock)

    def start(self, label: str) -> None:
        from rich.progress import BarColumn, TaskProgressColumn, TextColumn
        from rich.progress import Progress as RichProgress

        self._eta.reset()
        self._bar = RichProgress(
            TextColumn("  {task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn(
                "{task.fields[size]}  {task.fields[status]}  {task.fields[speed]}  {task.fields[eta]}"
            ),
            console=self._console,
        )
        self._bar.start()
        self._task = self._bar.add_task(label, total=None, size="", status="", speed="", eta="")

    def update(self, progress: Progress) -> None:
        # The bar runs on the fraction, which both eras give; the bytes are text, when the server has them.
        fraction = progress.fraction
        eta = eta_seconds(progress)
        if eta is None:
            eta = self._eta(progress)
        self._bar.update(
            self._task,
            completed=fraction or 0.0,
            total=None if fraction is None else 1.0,
            size=size_text(progress),
            status=progress.status,
            speed=f"{progress.speed / 1_048_576:.1f} MiB/s" if progress.speed else "",
            eta=f"ETA {format_eta(eta)}" if eta is not None else "",
        )

    def finish(self) -> None:
        self._bar.stop()


def make_renderer(choice: str, clock: Callable[[], float] = time.monotonic) -> Renderer:
    """`plain`, `rich`, or `auto`: rich when it is importable and stdout is a terminal."""
    if choice == "auto":
        rich_found = importlib.util.find_spec("rich") is not None
        choice = "rich" if rich_found and sys.stdout.isatty() else "plain"
    return RichRenderer(clock=clock) if choice == "rich" else LineRenderer(clock=clock)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--base-url", default=DEFAULT_BASE_URL, help=f"API base URL (default {DEFAULT_BASE_URL})"
    )
    parser.add_argument("--poll-interval", type=float, default=2.0, help="seconds between status polls")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait for each download")
    parser.add_argument(
        "--progress",
        choices=("auto", "plain", "rich"),
        default="auto",
        help="progress display (default auto: rich if installed and on a terminal, else a text line)",
    )
    return parser.parse_args(argv)


def run(oc: Offcloud, args: argparse.Namespace, renderer: Renderer | None = None) -> None:
    renderer = renderer if renderer is not None else LineRenderer()
    cached = set(oc.check_cache(HASHES))
    print("Cache check:")
    for info_hash in HASHES:
        print(f"  {info_hash}  {'cached' if info_hash in cached else 'not cached'}")

    torrent = oc.add_cloud(f"magnet:?xt=urn:btih:{BIG_BUCK_BUNNY}&dn=Big+Buck+Bunny")
    web = oc.add_cloud(UNCACHED_URL)
    for item in (torrent, web):
        print(f"\n{item.file_name} ({item.request_id}), added as {item.status!r}:")
        renderer.start(item.file_name)
        try:
            done = oc.wait_for_cloud(
                item.request_id,
                timeout=args.timeout,
                poll_interval=args.poll_interval,
                on_progress=renderer.update,
            )
        finally:
            renderer.finish()
        print(f"  {done_text(done)}")

    print(f"\nFiles of {torrent.file_name}:")
    for link in oc.explore(torrent.request_id):
        print(f"  {link}")
    try:
        links = oc.explore(web.request_id)  # 2026: a single file's one link
    except BadRequestError:  # legacy "Bad archive": a single file has no listing, but it has its link
        links = oc.list_links(web.request_id)
    print(f"\n{web.file_name} is a single file: {links[0]}")


def main(
    argv: Sequence[str] | None = None,
    *,
    sleep: Callable[[float], object] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Run the tour; 0 on success, 1 on an Offcloud error. `sleep` replaces time.sleep and `clock`
    time.monotonic (tests: both on the mock's clock)."""
    args = parse_args(argv)
    api_key = os.environ.get("OFFCLOUD_API_KEY") or DEMO_KEY
    try:
        with Offcloud(api_key, base_url=args.base_url, sleep=sleep, clock=clock) as oc:
            run(oc, args, make_renderer(args.progress, clock))
    except OffcloudError as error:
        # Every failure of the API, the network or a download lands here, with a message that is safe
        # to show (it never contains the API key).
        print(f"\nOffcloud error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
