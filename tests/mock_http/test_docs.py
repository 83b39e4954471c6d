"""The spec and the interactive docs, served by the mock itself."""

import re

import yaml
from flask.testing import FlaskClient

from offcloud_mock.spec import spec_path


def test_openapi_yaml_is_the_file_as_is(client: FlaskClient) -> None:
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert response.mimetype == "application/yaml"
    assert response.get_data() == spec_path().read_bytes()


def test_openapi_json_is_the_same_document_served_from_here(client: FlaskClient) -> None:
    response = client.get("/openapi.json", base_url="http://mock.example:9999")
    assert response.status_code == 200
    served = response.json
    assert served is not None
    original = yaml.safe_load(spec_path().read_text())
    assert served["servers"][0]["url"] == "http://mock.example:9999"
    assert served["servers"][1:] == original["servers"]
    assert {k: v for k, v in served.items() if k != "servers"} == {
        k: v for k, v in original.items() if k != "servers"
    }


def test_docs_page_uses_only_bundled_assets(client: FlaskClient) -> None:
    assert client.get("/docs").status_code in (301, 308)
    page = client.get("/docs/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert '"url": "/openapi.json"' in html
    assert '"validatorUrl": null' in html  # else Swagger UI would call validator.swagger.io
    assert not re.search(r"(src|href)=[\"'](https?:)?//", html), "the page loads something remote"
    assets = re.findall(r"(?:src|href)=\"(/docs/[^\"]+)\"", html)
    assert {"/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css"} <= set(assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert client.get("/docs/nope.js").json == {"error": "Not found: /docs/nope.js"}
