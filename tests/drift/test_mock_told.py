"""The mock told: after a report is applied, each presenter change still needed, named with its file and
method; nothing when the spec and the mock agree."""

import shutil
from pathlib import Path

from offcloud_drift.apply import apply_report
from offcloud_drift.mock_map import MockMap
from offcloud_drift.mock_told import Line, tell_mock
from offcloud_mock.spec import spec_path
from tests.drift.runs import PlantedRun
from tests.drift.values import ROOT

PRESENTERS = "mock_server/offcloud_mock/http/presenters"


def lines_of(lines: list[Line]) -> set[tuple[str, str, str, str]]:
    """(era, operation, where, the place named last) of each line."""
    return {
        (line.era, line.operation, line.where, line.render()[1].split("; ")[-1].removeprefix("    edit: "))
        for line in lines
    }


def test_the_mock_is_told_each_change_with_its_presenter(planted_run: PlantedRun, tmp_path: Path) -> None:
    target = tmp_path / "openapi.yaml"
    shutil.copyfile(spec_path(), target)
    applied = apply_report(planted_run.report, target)

    told = tell_mock(target, applied.edits)

    must = lines_of(told.must_change)
    # The renamed field: the spec now requires `filename`, the mock's status objects send `fileName`.
    assert (
        "2026",
        "getCloudStatus",
        "body.status.filename",
        f"{PRESENTERS}/era2026.py Era2026.status_body",
    ) in must
    assert (
        "legacy",
        "getCloudStatus",
        "body.status.filename",
        f"{PRESENTERS}/base.py ServerEra.status_body",
    ) in must
    assert {operation for _, operation, _, _ in must} == {"getCloudStatus"}
    not_sent = lines_of(told.not_sent)
    for era in ("2026", "legacy"):
        assert (
            era,
            "listProxies",
            "body.list[].country",
            f"{PRESENTERS}/base.py ServerEra.proxies",
        ) in not_sent
        assert (era, "addCloudDownload", "body.status", f"{PRESENTERS}/base.py ServerEra.added") in not_sent
        assert (
            era,
            "listRemoteAccounts",
            "body.data[].port (string)",
            f"{PRESENTERS}/base.py ServerEra.remote_accounts",
        ) in not_sent
        assert (
            era,
            "checkCache",
            "status 500",
            "mock_server/offcloud_mock/http/routes/cache.py check_cache",
        ) in not_sent
    assert (
        "2026",
        "listSites",
        "body[].aliases[] (object)",
        f"{PRESENTERS}/era2026.py Era2026.sites",
    ) in not_sent
    text = told.text()
    assert "enum value never seen: `pending`" in text
    assert "field never present" in text
    assert told.code == 1


def test_nothing_is_told_when_the_spec_and_the_mock_agree() -> None:
    told = tell_mock()
    assert told.must_change == []
    assert told.not_sent == []
    assert told.code == 0
    assert "nothing: every answer of the mock matches the spec" in told.text()


def test_the_map_follows_the_mock_source(tmp_path: Path) -> None:
    package = ROOT / "mock_server" / "offcloud_mock" / "http"
    shutil.copytree(package / "routes", tmp_path / "routes")
    shutil.copytree(package / "presenters", tmp_path / "presenters")
    before = MockMap(tmp_path / "routes", tmp_path / "presenters").builders("getCloudStatus", "2026")
    assert [place.name for place in before.presenters] == ["ServerEra.status", "Era2026.status_body"]
    assert before.handler is not None
    assert before.handler.name == "get_cloud_status"
    # Take the 2026 override away: the shared method builds the answer, and the map says so.
    era2026 = tmp_path / "presenters" / "era2026.py"
    era2026.write_text(era2026.read_text().replace("def status_body(", "def former_status_body("))
    after = MockMap(tmp_path / "routes", tmp_path / "presenters").builders("getCloudStatus", "2026")
    assert [place.name for place in after.presenters] == ["ServerEra.status", "ServerEra.status_body"]
    # An operation no route names has no builder.
    assert (
        MockMap(tmp_path / "routes", tmp_path / "presenters").builders("noSuchOperation", "2026").handler
        is None
    )
