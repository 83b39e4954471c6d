"""examples/quickstart.py with the client alone (no `[mock]` extra), against a mock running elsewhere."""

import subprocess
import sys
from pathlib import Path

import pytest

from offcloud_mock.backend import demo
from offcloud_mock.pytest_plugin import OffcloudMock

ROOT = Path(__file__).resolve().parents[2]
QUICKSTART = ROOT / "examples" / "quickstart.py"
# The modules of the [mock] extra made unimportable, as on `pip install offcloud-kit` without it.
CLIENT_ONLY = (
    "import runpy, sys\n"
    "for name in ('flask', 'waitress', 'flask_swagger_ui', 'yaml', 'jsonschema_rs', 'jsonref', 'jsonschema', 'granian'):\n"
    "    sys.modules[name] = None\n"
    "sys.argv = sys.argv[1:]\n"
    "runpy.run_path(sys.argv[0], run_name='__main__')\n"
)


def test_the_quickstart_names_the_demo_values_of_the_mock() -> None:
    namespace: dict[str, object] = {}
    source = QUICKSTART.read_text(encoding="utf-8")
    exec(compile(source, str(QUICKSTART), "exec"), namespace)  # noqa: S102 - our own example, defined only
    assert namespace["DEMO_KEY"] == demo.DEMO_KEY
    assert namespace["HASHES"] == [demo.BUNNY_HASH, demo.SINTEL_HASH, demo.TEARS_HASH]
    assert namespace["UNCACHED_URL"] == demo.REPORT_URL
    assert "import offcloud_mock" not in source  # a client-only install has no mock to import from
    assert "from offcloud_mock" not in source


@pytest.mark.live
def test_the_quickstart_runs_with_the_client_alone(offcloud_mock_live: OffcloudMock) -> None:
    # The mock's clock runs 1000 times faster: the example's real waits (0.05 s polls) see progress.
    offcloud_mock_live.controls.set_speed(1000)
    offcloud_mock_live.controls.unfreeze()
    arguments = ["--base-url", offcloud_mock_live.base_url, "--poll-interval", "0.05", "--progress", "plain"]
    result = subprocess.run(  # noqa: S603 - our own interpreter and example
        [sys.executable, "-c", CLIENT_ONLY, str(QUICKSTART), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No module named" not in result.stderr
    assert f"{demo.BUNNY_HASH}  cached" in result.stdout
    # Four files of the torrent, one link of the PDF (the 2026 era answers CDN links).
    assert result.stdout.count("https://cdn.offcloud.test/obj/") == 5
