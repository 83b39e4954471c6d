"""examples/quickstart.py runs against a live mock, so the example cannot rot."""

import importlib.util
import io
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from offcloud_mock.pytest_plugin import OffcloudMock

from .helpers import DEMO_KEY, SleepRecorder, each_era

QUICKSTART = Path(__file__).resolve().parents[2] / "examples" / "quickstart.py"


def load_quickstart() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quickstart_example", QUICKSTART)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@each_era
def test_quickstart_runs_against_the_live_mock(
    era: str,
    offcloud_mock_live: OffcloudMock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OFFCLOUD_API_KEY", DEMO_KEY)
    quickstart = load_quickstart()
    # The mock's clock is frozen: every sleep of the example moves it instead of waiting, and the
    # example reads the time (its ETA) from it.
    sleeps = SleepRecorder(then=offcloud_mock_live.controls.advance)
    code = quickstart.main(
        ["--base-url", offcloud_mock_live.base_url, "--poll-interval", "1"],
        sleep=sleeps,
        clock=offcloud_mock_live.clock,
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "92b926e37e61e370e948cda081685a45731f9406  cached" in out
    assert "2ce6ed1b37ab62d0b2a4b369cd2f36ff15cb2eae  not cached" in out
    assert out.count("100.0%  downloaded") == 2  # both downloads followed to the end
    assert "downloading" in out
    # 10 MiB/s for 50 MiB in the demo scenario: seconds left, from the speed (legacy) or from how fast
    # the fraction grows (2026).
    assert "ETA 0:0" in out
    if era == "legacy":
        assert "MiB/s" in out
        assert out.count("50.0 MiB / 50.0 MiB") >= 1  # bytes done of total
        assert "done: 52,428,800 bytes on server " in out
    else:  # the 2026 status object has no bytes and no speed: percent and ETA only
        assert "MiB" not in out
        assert "done: annual-report-2025.pdf" in out
    # Four files of the torrent, one link of the PDF: on the download's server (legacy) or the CDN (2026).
    assert out.count("/cloud/download/" if era == "legacy" else "https://cdn.offcloud.test/obj/") == 5
    assert "is a single file" in out
    assert sleeps.delays
    assert set(sleeps.delays) == {1.0}


def test_quickstart_reports_errors_cleanly(
    offcloud_mock_live: OffcloudMock, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFCLOUD_API_KEY", "not-a-valid-key-0000")
    code = load_quickstart().main(["--base-url", offcloud_mock_live.base_url], sleep=SleepRecorder())
    _, err = capsys.readouterr()
    assert code == 1
    assert err.strip() == "Offcloud error: checkCache: NOAUTH (HTTP 401)"


def screen_line(written: str) -> str:
    """What a terminal shows after `written`: each carriage return overwrites from the first column."""
    line = ""
    for chunk in written.split("\r"):
        line = chunk + line[len(chunk) :]
    return line


def progress(
    status: str, done: int | None, total: int | None, speed: int | None, share: float | None = None
) -> Any:
    return load_quickstart().Progress("5f1b2c3d4e5f60718293a4b7", status, done, total, speed, share)


def shared(status: str, share: float | None) -> Any:
    """A 2026 poll: a fraction, no bytes, no speed."""
    return progress(status, None, None, None, share)


def test_the_progress_line_leaves_no_stale_text() -> None:
    quickstart = load_quickstart()
    stream = io.StringIO()
    renderer = quickstart.LineRenderer(stream)
    renderer.start("report.pdf")
    mib = 1_048_576
    renderer.update(progress("downloading", 20 * mib, 50 * mib, 10 * mib))
    renderer.update(progress("processing", 50 * mib, 50 * mib, None))  # shorter: no speed, no ETA
    shown = screen_line(stream.getvalue())
    assert shown.rstrip() == "  " + quickstart.progress_text(progress("processing", 50 * mib, 50 * mib, None))
    assert "MiB/s" not in shown
    assert "ETA" not in shown
    renderer.finish()
    assert stream.getvalue().endswith("\n")


def test_the_2026_progress_line_leaves_no_stale_text() -> None:
    quickstart = load_quickstart()
    stream = io.StringIO()
    now = [0.0]
    renderer = quickstart.LineRenderer(stream, clock=lambda: now[0])
    renderer.start("report.pdf")
    for second, share in ((0, 0.0), (1, 0.2), (2, 0.4)):
        now[0] = second
        renderer.update(shared("downloading", share))
    assert screen_line(stream.getvalue()).rstrip().endswith("40.0%  downloading   ETA 0:03")
    now[0] = 3
    renderer.update(shared("processing", 0.95))  # shorter: no ETA
    shown = screen_line(stream.getvalue())
    assert shown.rstrip() == "  " + quickstart.progress_text(shared("processing", 0.95))
    assert "ETA" not in shown
    renderer.finish()
    renderer.start("next.pdf")  # a new download measures afresh
    renderer.update(shared("downloading", 0.5))
    assert "ETA" not in stream.getvalue().rsplit("\n", 1)[-1]


def test_the_fraction_eta_measures_from_when_the_fraction_starts_growing() -> None:
    quickstart = load_quickstart()
    now = [0.0]
    eta = quickstart.FractionEta(lambda: now[0])
    assert eta(shared("queued", 0.0)) is None
    now[0] = 30.0  # queued for 30 s: not counted
    assert eta(shared("queued", 0.0)) is None
    now[0] = 32.0
    assert eta(shared("downloading", 0.1)) == pytest.approx(18.0)  # 0.1 in 2 s: 0.9 left in 18 s
    now[0] = 34.0
    assert eta(shared("downloading", 0.2)) == pytest.approx(16.0)
    assert eta(shared("downloading", None)) is None  # unknown fraction
    now[0] = 35.0
    assert eta(shared("processing", 0.95)) is None  # only while downloading, as the legacy ETA
    eta.reset()
    assert eta(shared("downloading", 0.5)) is None


def test_the_2026_progress_text_has_percent_and_eta() -> None:
    quickstart = load_quickstart()
    text = quickstart.progress_text(shared("downloading", 0.42), eta=3.0)
    assert text.endswith("42.0%  downloading   ETA 0:03")
    assert "B" not in text.split("]", 1)[1]  # no bytes shown
    assert quickstart.progress_text(shared("queued", 0.0)).endswith("0.0%  queued")
    unknown = quickstart.progress_text(shared("downloading", None))
    assert unknown.endswith("0.0%  downloading")
    # The server's own speed wins over a measured ETA (legacy).
    mib = 1_048_576
    assert quickstart.progress_text(progress("downloading", 20 * mib, 50 * mib, 10 * mib), eta=99.0).endswith(
        "ETA 0:03"
    )


def test_the_progress_text_has_bytes_and_eta() -> None:
    quickstart = load_quickstart()
    mib = 1_048_576
    text = quickstart.progress_text(progress("downloading", 20 * mib, 50 * mib, 10 * mib))
    assert "40.0%" in text
    assert "20.0 MiB / 50.0 MiB" in text
    assert "10.0 MiB/s" in text
    assert text.endswith("ETA 0:03")
    hours = quickstart.progress_text(progress("downloading", 0, 8 * 1024 * mib, mib))
    assert hours.endswith("ETA 2:16:32")
    unknown = quickstart.progress_text(progress("queued", 0, None, None))
    assert "0 B" in unknown
    assert "ETA" not in unknown
    assert quickstart.human_bytes(1536) == "1.5 KiB"


def test_the_rich_renderer_shows_the_same_numbers() -> None:
    pytest.importorskip("rich")
    from rich.console import Console

    quickstart = load_quickstart()
    out = io.StringIO()
    renderer = quickstart.RichRenderer(Console(file=out, width=140, force_terminal=False))
    renderer.start("report.pdf")
    mib = 1_048_576
    renderer.update(progress("downloading", 20 * mib, 50 * mib, 10 * mib))
    renderer.finish()
    text = out.getvalue()
    assert "report.pdf" in text
    assert "20.0 MiB / 50.0 MiB" in text
    assert "40%" in text
    assert "ETA 0:03" in text


def test_the_rich_renderer_shows_the_2026_fraction() -> None:
    pytest.importorskip("rich")
    from rich.console import Console

    quickstart = load_quickstart()
    out = io.StringIO()
    now = [0.0]
    renderer = quickstart.RichRenderer(
        Console(file=out, width=140, force_terminal=False), clock=lambda: now[0]
    )
    renderer.start("report.pdf")
    renderer.update(shared("downloading", 0.2))
    now[0] = 1.0
    renderer.update(shared("downloading", 0.4))
    renderer.finish()
    text = out.getvalue()
    assert "40%" in text
    assert "ETA 0:03" in text  # from 0.2 to 0.4 in a second: 0.6 left in 3 s
    assert "MiB" not in text


def test_auto_picks_the_plain_line_off_a_terminal() -> None:
    quickstart = load_quickstart()
    assert isinstance(quickstart.make_renderer("auto"), quickstart.LineRenderer)  # pytest captures stdout
    assert isinstance(quickstart.make_renderer("rich"), quickstart.RichRenderer)
