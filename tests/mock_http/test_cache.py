"""/api/cache: every array style real clients send, and its limits."""

import pytest
from flask.testing import FlaskClient

from tests.mock_http.values import BUNNY_HASH, SINTEL_HASH, TEARS_HASH, key

HASHES = [BUNNY_HASH, TEARS_HASH, SINTEL_HASH.upper()]
EXPECTED = {"cachedItems": [BUNNY_HASH, SINTEL_HASH.upper()]}


def _form(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{name}={value}" for name, value in pairs)


@pytest.mark.parametrize(
    "body",
    [
        _form([("hashes", h) for h in HASHES]),
        _form([("hashes[]", h) for h in HASHES]),
        _form([(f"hashes[{i}]", h) for i, h in enumerate(HASHES)]),
        _form([(f"hashes[{i}]", h) for i, h in reversed(list(enumerate(HASHES)))]),  # qs orders by index
    ],
    ids=["repeated", "brackets", "indexed", "indexed-out-of-order"],
)
def test_form_array_styles(client: FlaskClient, body: str) -> None:
    response = client.post(f"/api/cache{key()}", data=body, content_type="application/x-www-form-urlencoded")
    assert (response.status_code, response.json) == (200, EXPECTED)


def test_json_array(client: FlaskClient) -> None:
    response = client.post(f"/api/cache{key()}", json={"hashes": HASHES})
    assert (response.status_code, response.json) == (200, EXPECTED)


def test_multipart(client: FlaskClient) -> None:
    data = {"hashes[]": HASHES}
    response = client.post(f"/api/cache{key()}", data=data, content_type="multipart/form-data")
    assert (response.status_code, response.json) == (200, EXPECTED)


def test_one_form_value_is_a_list_of_one(client: FlaskClient) -> None:
    response = client.post(f"/api/cache{key()}", data={"hashes": BUNNY_HASH})
    assert response.json == {"cachedItems": [BUNNY_HASH]}


def test_no_content_type_is_sniffed(client: FlaskClient) -> None:
    form = client.post(f"/api/cache{key()}", data=f"hashes={BUNNY_HASH}".encode(), content_type="")
    assert form.json == {"cachedItems": [BUNNY_HASH]}
    as_json = client.post(
        f"/api/cache{key()}", data=f'{{"hashes": ["{BUNNY_HASH}"]}}'.encode(), content_type=""
    )
    assert as_json.json == {"cachedItems": [BUNNY_HASH]}


def test_misses_are_never_listed(client: FlaskClient) -> None:
    assert client.post(f"/api/cache{key()}", json={"hashes": [TEARS_HASH]}).json == {"cachedItems": []}


def test_bad_hashes_are_named(client: FlaskClient) -> None:
    response = client.post(f"/api/cache{key()}", json={"hashes": [BUNNY_HASH, "xyz"]})
    assert response.status_code == 400
    assert response.json is not None
    assert response.json["error"].startswith("Invalid parameter 'hashes[1]': \"xyz\" does not match")


def test_limits(client: FlaskClient) -> None:
    missing = client.post(f"/api/cache{key()}", data={})
    assert missing.json == {"error": "Missing required parameter: hashes"}
    empty = client.post(f"/api/cache{key()}", json={"hashes": []})
    assert empty.status_code == 400
    too_many = client.post(f"/api/cache{key()}", json={"hashes": [TEARS_HASH] * 1001})
    assert too_many.status_code == 400
    assert too_many.json is not None
    assert too_many.json["error"].endswith("has more than 1000 items")
    assert len(too_many.json["error"]) < 200  # the 1001 hashes are not echoed back
    batch = client.post(f"/api/cache{key()}", data={"hashes": [TEARS_HASH] * 1000})
    assert batch.status_code == 200


def test_a_string_where_json_wants_an_array(client: FlaskClient) -> None:
    response = client.post(f"/api/cache{key()}", json={"hashes": BUNNY_HASH})
    assert response.status_code == 400
    assert response.json is not None
    assert 'is not of type "array"' in response.json["error"]
