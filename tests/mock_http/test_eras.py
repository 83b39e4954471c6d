"""The eras: each is the whole server of its time, its routes per openapi.yaml's `x-offcloud-eras`.

Outside its era an operation is an unknown route: the 2026 server's HTML 404 page (a wrong method its
HTML 405 page), the legacy server's `Page not found.`.
"""

import ast
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

import offcloud_mock.http
from offcloud_mock import spec
from offcloud_mock.controls import InProcessControls
from offcloud_mock.eras import ERAS, Era
from offcloud_mock.http.app import create_app
from offcloud_mock.settings import MockConfig
from offcloud_mock.spec import operations
from tests.mock_http.values import DEMO_LOGIN, REPORT_URL, UNKNOWN_ID, key


def _client(era: Era) -> FlaskClient:
    return create_app(MockConfig(era=era, frozen_clock=True, validate_responses=True)).test_client()


def _is_2026_404(response: TestResponse) -> None:
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert 'The server returned a "404 Not Found".' in response.text


def _is_legacy_404(response: TestResponse) -> None:
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert response.text == "Page not found."


def test_the_default_era_is_2026() -> None:
    assert MockConfig().era == "2026"
    assert _client("2026").get("/_mock/settings").json["era"] == "2026"  # type: ignore[index]


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/api/login"), ("POST", "/api/key"), ("GET", "/api/check"), ("GET", "/api/instant/history")],
)
def test_legacy_only_routes_are_the_2026_html_404(method: str, path: str) -> None:
    client = _client("2026")
    _is_2026_404(client.open(f"{path}{key()}", method=method, data=DEMO_LOGIN))
    assert client.get("/_mock/journal").json == []  # not an operation of this server: not journaled


def test_2026_only_routes_are_the_legacy_page_not_found() -> None:
    client = _client("legacy")
    _is_legacy_404(client.get(f"/api/cloud/remove/{UNKNOWN_ID}{key()}"))
    _is_legacy_404(client.post(f"/api/cloud/remove{key()}", json={"requests": [UNKNOWN_ID]}))


def test_every_operation_outside_its_era_is_unknown_there() -> None:
    clients = {era: _client(era) for era in ERAS}
    for operation in operations():
        path = operation.path.replace("{requestId}", UNKNOWN_ID)
        for era, client in clients.items():
            if era in operation.eras:
                continue
            response = client.open(f"{path}{key()}", method=operation.method)
            assert response.status_code == 404, (era, operation.operation_id)
            assert response.mimetype == "text/html"


def test_an_era_the_mock_does_not_play_in_the_spec_fails_at_start_up() -> None:
    # Silently, a misspelt era would leave its operation served by no era of the mock.
    assert spec._eras("getThing", ["legacy", "2026"]) == frozenset(ERAS)
    with pytest.raises(ValueError, match=r"getThing: x-offcloud-eras names no era of the mock: \['2025'\]"):
        spec._eras("getThing", ["2026", "2025"])


def test_unknown_paths_per_era() -> None:
    _is_2026_404(_client("2026").get("/api/nope"))
    _is_legacy_404(_client("legacy").get("/api/nope"))
    _is_2026_404(_client("2026").get(f"/api/history{key()}"))  # our choice: not served (spec)


def test_a_wrong_method_is_the_2026_html_405_page() -> None:
    response = _client("2026").get(f"/api/cloud{key()}")
    assert (response.status_code, response.mimetype) == (405, "text/html")
    assert 'The server returned a "405 Method Not Allowed".' in response.text
    assert response.headers["Allow"] == "POST"
    # Only the methods of the era: POST /api/cloud/remove is 2026's, so GET is a 405 there...
    assert _client("2026").get(f"/api/cloud/remove{key()}").status_code == 405
    # ...while a path only the legacy server had is a plain 404, whatever the method.
    _is_2026_404(_client("2026").get(f"/api/login{key()}"))


def test_a_wrong_method_is_page_not_found_in_legacy() -> None:
    _is_legacy_404(_client("legacy").get(f"/api/cloud{key()}"))


def test_switching_the_era_at_run_time_switches_the_routes(
    client: FlaskClient, controls: InProcessControls
) -> None:
    _is_2026_404(client.post("/api/login", data=DEMO_LOGIN))
    assert controls.set_era("legacy")["era"] == "legacy"
    assert client.post("/api/login", data=DEMO_LOGIN).json == {
        "email": "demo@offcloud.test",
        "userId": client.post("/api/login", data=DEMO_LOGIN).json["userId"],  # type: ignore[index]
    }
    assert client.post(f"/api/cloud{key()}", data={"url": REPORT_URL}).status_code == 200


def test_the_deprecated_error_mode_still_switches_the_era(
    controls: InProcessControls, client: FlaskClient
) -> None:
    with pytest.warns(DeprecationWarning, match="set_era"):
        assert controls.set_error_mode("legacy")["era"] == "legacy"
    assert client.post("/_mock/settings", json={"error_mode": "modern"}).json["era"] == "2026"  # type: ignore[index]


HTTP_LAYER = Path(offcloud_mock.http.__file__).parent


def _era_compares(tree: ast.AST) -> list[int]:
    """The lines that compare something with an era's name (`== "legacy"`, `in ("2026", ...)`)."""

    def names_an_era(node: ast.expr) -> bool:
        if isinstance(node, ast.Constant):
            return node.value in ERAS
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            return any(names_an_era(item) for item in node.elts)
        return False

    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare) and any(map(names_an_era, [node.left, *node.comparators]))
    ]


@pytest.mark.parametrize(
    "path", sorted(HTTP_LAYER.rglob("*.py")), ids=lambda path: str(path.relative_to(HTTP_LAYER))
)
def test_no_module_of_the_http_layer_decides_by_an_eras_name(path: Path) -> None:
    # Every era question goes to the era object (`runtime().era`), so that an era is one place to read.
    assert _era_compares(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_the_era_compare_finder_sees_a_compare() -> None:
    planted = 'if state.config.era == "legacy" or era in ("2026",):\n    pass\nif x == "other":\n    pass\n'
    assert _era_compares(ast.parse(planted)) == [1, 1]


def test_a_request_field_of_another_era_is_unknown_and_ignored() -> None:
    # `requestIds` is legacy's (x-offcloud-eras on the field): the 2026 server reads only `requestId` and
    # ignores the rest, so no rule of the legacy field refuses the request there.
    requests = {"requestId": UNKNOWN_ID, "requestIds": {"not": "a list"}}
    answer_2026 = _client("2026").post(f"/api/cloud/status{key()}", json=requests)
    assert answer_2026.status_code == 404  # the id is unknown: the field was not what refused it
    legacy = _client("legacy").post(f"/api/cloud/status{key()}", json=requests)
    assert legacy.get_json()["error"].startswith("Invalid parameter 'requestIds'")
    # Without `requestId`, 2026 still refuses as the real server does (DMM live).
    alone = _client("2026").post(f"/api/cloud/status{key()}", json={"requestIds": [UNKNOWN_ID]})
    assert (alone.status_code, alone.get_json()) == (400, {"error": "Missing required parameter: requestId"})
