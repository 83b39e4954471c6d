"""The legacy path aliases answer exactly like their originals, and only in the legacy era."""

import pytest
from flask.testing import FlaskClient

from offcloud_mock.http.app import create_app
from offcloud_mock.settings import MockConfig
from tests.mock_http.values import BUNNY_MAGNET, DEMO_LOGIN, GDRIVE_OPTION, REPORT_URL, SINTEL_MAGNET, key


def _legacy() -> FlaskClient:
    return create_app(
        MockConfig(era="legacy", seed=5, validate_responses=True, frozen_clock=True)
    ).test_client()


# (alias path, original path, form): both run on twin apps (same seed), so even new ids must agree.
PAIRS = [
    ("/api/instant/download", "/api/instant", {"url": REPORT_URL}),
    ("/api/cloud/download", "/api/cloud", {"url": SINTEL_MAGNET}),
    ("/api/remote/download", "/api/remote", {"url": REPORT_URL, "remoteOptionId": GDRIVE_OPTION}),
    ("/api/proxy/list", "/api/proxy", None),
    ("/api/remote-account/list", "/api/remote/accounts", None),
    ("/api/cloud/download", "/api/cloud", {"url": "not a url"}),
]


@pytest.mark.parametrize(
    ("alias", "original", "form"), PAIRS, ids=[pair[0] + str(i) for i, pair in enumerate(PAIRS)]
)
def test_an_alias_answers_like_its_original(alias: str, original: str, form: dict[str, str] | None) -> None:
    by_alias = _legacy().post(f"{alias}{key()}", data=form)
    by_original = _legacy().post(f"{original}{key()}", data=form)
    assert (by_alias.status_code, by_alias.get_data()) == (by_original.status_code, by_original.get_data())


def test_the_session_aliases() -> None:
    client = _legacy()
    assert client.get("/api/login/check").json == {"loggedIn": 0}
    login = client.post("/api/login/classic", data=DEMO_LOGIN)
    assert login.json is not None
    assert login.json["email"] == DEMO_LOGIN["username"]
    assert client.get("/api/login/check").json == {"loggedIn": 1}
    account = client.post("/api/account/get").json
    assert account is not None
    assert account["email"] == DEMO_LOGIN["username"]


def test_explore_by_body_is_explore_by_path() -> None:
    client = _legacy()
    added = client.post(f"/api/cloud{key()}", data={"url": BUNNY_MAGNET}).json
    assert added is not None
    by_body = client.post(f"/api/cloud/explore{key()}", data={"requestId": added["requestId"]})
    by_path = client.get(f"/api/cloud/explore/{added['requestId']}{key()}")
    assert by_body.get_data() == by_path.get_data()
    assert len(by_body.json or []) == 4


def test_aliases_are_unknown_to_the_2026_server(client: FlaskClient) -> None:
    for alias, _, form in PAIRS:
        assert client.post(f"{alias}{key()}", data=form).status_code == 404
