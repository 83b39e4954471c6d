"""The drift checker reads openapi.yaml through the mock's spec module: one reading, one route table."""

import os
from pathlib import Path
from typing import Any

import pytest

from offcloud_drift.cli import main
from offcloud_drift.spec_view import SpecView
from offcloud_mock import spec
from offcloud_mock.eras import ERAS


def test_the_checker_reads_the_mocks_own_document() -> None:
    view = SpecView.load()
    assert view.document is spec.spec_document()  # the mock's parse, not a second reading
    assert view.document == spec.load_spec()  # $refs intact
    assert "$ref" in str(view.document["paths"]["/api/cloud/explore/{requestId}"])


def test_the_route_table_is_the_mocks_operations_with_pointers() -> None:
    routes = {route.operation_id: route for route in spec.routes()}
    operations = spec.operations()
    assert set(routes) == {op.operation_id for op in operations}
    for op in operations:
        route = routes[op.operation_id]
        assert (route.method, route.path, frozenset(route.eras)) == (op.method, op.path, op.eras)
        node = spec.pointer_get(spec.spec_document(), route.pointer)
        assert node["operationId"] == op.operation_id
        assert route.matches(op.method.lower(), op.path.replace("{", "").replace("}", ""))


def test_literal_paths_match_before_templated_ones() -> None:
    operation: dict[str, Any] = {"responses": {"200": {"description": "ok"}}}
    document = {
        "paths": {
            "/api/items/{itemId}": {"get": {**operation, "operationId": "getItem"}},
            "/api/items/new": {"get": {**operation, "operationId": "newItem", "x-offcloud-eras": ["legacy"]}},
            "/api/items": {"post": operation},
        }
    }
    view = SpecView(document)
    match = view.match
    assert match("GET", "/api/items/new").operation_id == "newItem"  # type: ignore[union-attr]
    assert match("get", "/api/items/5f3c").operation_id == "getItem"  # type: ignore[union-attr]
    assert match("POST", "/api/items").operation_id == "POST /api/items"  # type: ignore[union-attr]
    assert match("DELETE", "/api/items/5f3c") is None
    assert match("GET", "/api/items/5f3c/more") is None
    eras = {route.operation_id: route.eras for route in view.operations}
    assert eras["newItem"] == ("legacy",)
    assert eras["getItem"] == ERAS  # no x-offcloud-eras: every era, from the one list of eras
    assert view.operations[0].pointer == "/paths/~1api~1items~1new/get"


@pytest.mark.parametrize(
    "pointer", ["/paths/~1api~1login/post/operationId", "#/paths/~1api~1login/post/operationId"]
)
def test_pointers_name_nodes_and_fail_on_nothing(pointer: str) -> None:
    document = spec.spec_document()
    assert spec.pointer_get(document, pointer) == "login"
    assert spec.escape_pointer("a/b~c") == "a~1b~0c"
    with pytest.raises(KeyError):
        spec.pointer_get(document, "/paths/~1api~1nowhere")


@pytest.mark.parametrize(
    ("text", "message"),
    [("paths: [unclosed", "not YAML"), ("- a list\n- of things\n", "not an OpenAPI document")],
)
def test_a_bad_spec_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        spec.spec_document(bad)
    assert main(["proxy", "--upstream", "http://127.0.0.1:9", "--spec", str(bad)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_another_spec_file_is_read_and_reread_when_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "other.yaml"
    path.write_text("paths:\n  /a:\n    get: {operationId: first}\n", encoding="utf-8")
    assert [route.operation_id for route in SpecView.load(path).operations] == ["first"]
    path.write_text("paths:\n  /a:\n    get: {operationId: second}\n", encoding="utf-8")
    os.utime(path, ns=(0, path.stat().st_mtime_ns + 1_000_000))
    assert [route.operation_id for route in SpecView.load(path).operations] == ["second"]
