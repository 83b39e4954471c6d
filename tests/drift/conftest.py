"""Fixtures of the drift tools' tests: the mock (optionally drifting) served on 127.0.0.1 with a planted
account whose key and password must never reach a file, and a helper that runs `make drift`'s code."""

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from offcloud_drift.mock_bridge import mock_app
from offcloud_drift.run import DriftSettings, run_drift
from offcloud_mock.serving.waitress_server import RunningServer, serve_in_thread
from tests.drift.drifting import EXPECTED, DriftingMiddleware

ROOT = Path(__file__).resolve().parents[2]
PLANTED_KEY = "PLANTED-k3y-9f8e7d6c5b4a39281706"
PLANTED_PASSWORD = "PLANTED-pa55-0a1b2c3d4e"  # noqa: S105 - a test value, planted to be searched for
EMAIL = "demo@offcloud.test"
BUNNY_MAGNET = "magnet:?xt=urn:btih:92b926e37e61e370e948cda081685a45731f9406&dn=Big+Buck+Bunny"


def demo_scenario_text() -> str:
    # Found by name, not by module path: the mock's modules are moving into packages.
    found = sorted(ROOT.joinpath("mock_server", "offcloud_mock").rglob("demo_scenario.yaml"))
    assert found, "demo_scenario.yaml not found under mock_server/offcloud_mock/"
    return found[0].read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def planted_scenario(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = demo_scenario_text()
    assert "demo-key-0123456789abcdef" in text
    assert "password: demo-password" in text
    text = text.replace("demo-key-0123456789abcdef", PLANTED_KEY).replace(
        "password: demo-password", f"password: {PLANTED_PASSWORD}"
    )
    path = tmp_path_factory.mktemp("scenario") / "planted.yaml"
    path.write_text(text, encoding="utf-8")
    return path


UpstreamFactory = Callable[..., str]


@pytest.fixture
def upstream(planted_scenario: Path) -> Iterator[UpstreamFactory]:
    """start(drifts=(), **mock settings) -> base URL of the mock, served on 127.0.0.1, stopped after the test."""
    served: list[RunningServer] = []

    def start(drifts: Iterable[str] = (), **settings: Any) -> str:
        settings.setdefault("clock_speed", 1000.0)
        app = mock_app(planted_scenario, **settings)
        drifts = tuple(drifts)
        running = serve_in_thread(DriftingMiddleware(app, drifts) if drifts else app, threads=4)
        served.append(running)
        return running.base_url

    yield start
    for running in served:
        running.stop()


@dataclass
class Outcome:
    code: int
    report: dict[str, Any]
    messages: list[str]
    directory: Path

    @property
    def items(self) -> set[tuple[str, str, str]]:
        return {
            (op["operation"], finding["kind"], finding["where"])
            for op in self.report["operations"]
            for finding in op["findings"]
        }

    def written_files(self) -> list[Path]:
        return sorted(path for path in self.directory.rglob("*") if path.is_file())


def settings_for(base_url: str, directory: Path, **overrides: Any) -> DriftSettings:
    settings = DriftSettings(
        upstream=base_url,
        api_key=PLANTED_KEY,
        report_prefix=str(directory / "drift-report"),
        record_dir=directory / "recordings",
        allow_writes=True,
        email=EMAIL,
        password=PLANTED_PASSWORD,
        write_url=BUNNY_MAGNET,
        poll_seconds=0.02,
        contract=False,
    )
    return replace(settings, **overrides)


def run(base_url: str, directory: Path, **overrides: Any) -> Outcome:
    messages: list[str] = []
    code = run_drift(settings_for(base_url, directory, **overrides), messages.append)
    report_path = directory / "drift-report.json"
    report = json.loads(report_path.read_text()) if report_path.exists() else {}
    return Outcome(code, report, messages, directory)


@dataclass(frozen=True)
class PlantedRun:
    """`make drift` once against an upstream with every planted drift: the report every test of the
    loop (apply, the mock told, the pull request) starts from."""

    report_path: Path
    report: dict[str, Any]
    base_url: str


@pytest.fixture(scope="session")
def planted_run(planted_scenario: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlantedRun]:
    running = serve_in_thread(
        DriftingMiddleware(mock_app(planted_scenario, clock_speed=1000.0), EXPECTED), threads=4
    )
    try:
        outcome = run(running.base_url, tmp_path_factory.mktemp("planted-run"))
        assert outcome.code == 1, outcome.messages
        yield PlantedRun(outcome.directory / "drift-report.json", outcome.report, running.base_url)
    finally:
        running.stop()


@pytest.fixture(scope="session")
def clean_run(planted_scenario: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlantedRun]:
    running = serve_in_thread(mock_app(planted_scenario, clock_speed=1000.0), threads=4)
    try:
        outcome = run(running.base_url, tmp_path_factory.mktemp("clean-run"))
        assert outcome.code == 0, outcome.messages
        yield PlantedRun(outcome.directory / "drift-report.json", outcome.report, running.base_url)
    finally:
        running.stop()
