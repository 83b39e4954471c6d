"""Fixtures of the drift tools' tests: the mock (optionally drifting) served on 127.0.0.1 with a planted
account whose key and password must never reach a file (values.py); runs.py runs `make drift`'s code;
planted_run and clean_run run it once a session, against every planted drift and against none."""

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from offcloud_drift.mock_bridge import mock_app
from offcloud_mock.serving.waitress_server import RunningServer, serve_in_thread
from tests.drift.drifting import EXPECTED, DriftingMiddleware
from tests.drift.runs import PlantedRun, UpstreamFactory, run
from tests.drift.values import PLANTED_KEY, PLANTED_PASSWORD, demo_scenario_text


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


def _serve(scenario: Path, drifts: Iterable[str] = (), **settings: Any) -> RunningServer:
    """The mock of `scenario` (its clock 1000 times real time unless `settings` say otherwise), drifting
    as `drifts` plant, served on 127.0.0.1."""
    settings.setdefault("clock_speed", 1000.0)
    app = mock_app(scenario, **settings)
    drifts = tuple(drifts)
    return serve_in_thread(DriftingMiddleware(app, drifts) if drifts else app, threads=4)


@pytest.fixture
def upstream(planted_scenario: Path) -> Iterator[UpstreamFactory]:
    """start(drifts=(), **mock settings) -> base URL of the mock, served on 127.0.0.1, stopped after the test."""
    served: list[RunningServer] = []

    def start(drifts: Iterable[str] = (), **settings: Any) -> str:
        served.append(_serve(planted_scenario, drifts, **settings))
        return served[-1].base_url

    yield start
    for running in served:
        running.stop()


def _run_once(scenario: Path, folder: Path, drifts: Iterable[str], code: int) -> Iterator[PlantedRun]:
    running = _serve(scenario, drifts)
    try:
        outcome = run(running.base_url, folder)
        assert outcome.code == code, outcome.messages
        yield PlantedRun(outcome.directory / "drift-report.json", outcome.report, running.base_url)
    finally:
        running.stop()


@pytest.fixture(scope="session")
def planted_run(planted_scenario: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlantedRun]:
    yield from _run_once(planted_scenario, tmp_path_factory.mktemp("planted-run"), EXPECTED, code=1)


@pytest.fixture(scope="session")
def clean_run(planted_scenario: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlantedRun]:
    yield from _run_once(planted_scenario, tmp_path_factory.mktemp("clean-run"), (), code=0)
