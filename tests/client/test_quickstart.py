"""examples/quickstart.py runs against a live mock, so the example cannot rot."""

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from mock_server.pytest_plugin import OffcloudMock

from .helpers import DEMO_KEY, SleepRecorder

QUICKSTART = Path(__file__).resolve().parents[2] / "examples" / "quickstart.py"


def load_quickstart() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quickstart_example", QUICKSTART)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quickstart_runs_against_the_live_mock(
    offcloud_mock_live: OffcloudMock, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFCLOUD_API_KEY", DEMO_KEY)
    quickstart = load_quickstart()
    # The mock's clock is frozen: every sleep of the example moves it instead of waiting.
    sleeps = SleepRecorder(then=offcloud_mock_live.controls.advance)
    code = quickstart.main(["--base-url", offcloud_mock_live.base_url, "--poll-interval", "1"], sleep=sleeps)
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "92b926e37e61e370e948cda081685a45731f9406  cached" in out
    assert "2ce6ed1b37ab62d0b2a4b369cd2f36ff15cb2eae  not cached" in out
    assert out.count("100.0%  downloaded") == 2  # both downloads followed to the end
    assert "downloading" in out
    assert "MiB/s" in out
    assert out.count("/cloud/download/") == 5  # four files of the torrent, one link of the PDF
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
