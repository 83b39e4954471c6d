"""The spec and the interactive docs, served by the mock itself; /docs in a real browser."""

import os
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from flask.testing import FlaskClient

from offcloud_mock.backend.demo import DEMO_KEY
from offcloud_mock.http.docs import display_spec
from offcloud_mock.pytest_plugin import OffcloudMock
from offcloud_mock.spec import load_spec, operations, spec_path


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
    assert '"url": "/docs/openapi.json"' in html  # the copy made for a person (display_spec)
    assert '"validatorUrl": null' in html  # else Swagger UI would call validator.swagger.io
    assert not re.search(r"(src|href)=[\"'](https?:)?//", html), "the page loads something remote"
    assets = re.findall(r"(?:src|href)=\"(/docs/[^\"]+)\"", html)
    assert {"/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css"} <= set(assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert client.get("/docs/nope.js").json == {"error": "Not found: /docs/nope.js"}


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        op
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    ]


@pytest.mark.parametrize("era", ["2026", "legacy"])
def test_the_display_copy_tells_the_era_and_marks_operations(era: str) -> None:
    spec = display_spec(load_spec(), era=era, base_url="http://127.0.0.1:9000", demo_key=DEMO_KEY)
    assert f"this mock plays the {era} server" in spec["info"]["title"]
    assert spec["info"]["description"].startswith(f"**This mock plays the {era} server**")
    assert spec["servers"] == [{"url": "http://127.0.0.1:9000", "description": f"This mock (era {era})"}]
    assert "undocumented" not in {tag["name"] for tag in spec["tags"]}
    shown = {op["operationId"]: op for op in _operations(spec)}
    original = {op["operationId"]: op for op in _operations(yaml.safe_load(spec_path().read_text()))}
    assert len(shown) == len(original) == len(operations())
    for operation_id, op in shown.items():
        tags, eras = original[operation_id]["tags"], set(original[operation_id]["x-offcloud-eras"])
        assert op["tags"] == tags[:1]  # listed once, under its first tag (never `undocumented`)
        assert ("[undocumented]" in op["summary"]) == ("undocumented" in tags)
        assert ("[legacy only]" in op["summary"]) == (eras == {"legacy"})
        assert ("[2026 only]" in op["summary"]) == (eras == {"2026"})
        assert op.get("deprecated", False) is (era not in eras)
    assert DEMO_KEY in spec["components"]["securitySchemes"]["apiKey"]["description"]


def test_the_docs_follow_the_era_the_mock_plays_now(client: FlaskClient) -> None:
    before = client.get("/docs/openapi.json").json
    assert before is not None
    assert "the 2026 server" in before["info"]["title"]
    assert client.post("/_mock/settings", json={"era": "legacy"}).status_code == 200
    after = client.get("/docs/openapi.json").json
    assert after is not None
    assert "the legacy server" in after["info"]["title"]
    login = after["paths"]["/api/login"]["post"]
    assert "deprecated" not in login
    assert after["paths"]["/oauth/token"]["post"]["deprecated"] is True


def test_the_root_leads_to_the_docs(client: FlaskClient) -> None:
    answer = client.get("/")
    assert answer.status_code == 302
    assert answer.headers["Location"] == "/docs/"
    assert client.get("/", follow_redirects=True).status_code == 200


# --- /docs as a person meets it: Debian's Chromium driven by Playwright (never `playwright install`) --
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def browser_page() -> Iterator[Any]:
    missing = []
    if not os.access(CHROMIUM, os.X_OK) and shutil.which("chromium") is None:
        missing.append(f"Chromium ({CHROMIUM}: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing.append("playwright (pip install -r requirements.txt)")
    if missing:
        reason = f"no real browser here: {' and '.join(missing)} missing"
        if os.environ.get("OFFCLOUD_REQUIRE_BROWSER") == "1":  # .ci/run installs both: no skip there
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(30_000)
            yield page
        finally:
            browser.close()


@pytest.mark.live
def test_docs_in_a_real_browser(offcloud_mock_live: OffcloudMock, browser_page: Any) -> None:
    page = browser_page
    page.goto(f"{offcloud_mock_live.base_url}/")  # the root leads to the docs
    assert page.url == f"{offcloud_mock_live.base_url}/docs/"
    page.wait_for_selector(".opblock")
    assert "Offcloud API: this mock plays the 2026 server" in page.inner_text(".information-container")

    tags = page.locator(".opblock-tag").evaluate_all("tags => tags.map(tag => tag.dataset.tag)")
    assert tags == ["account", "instant", "cloud", "remote", "proxies", "cache", "oauth"]
    shown = page.locator(".opblock").evaluate_all(
        "blocks => blocks.map(block => [block.id, block.classList.contains('opblock-deprecated'),"
        " block.querySelector('.opblock-summary-description').textContent])"
    )
    ids = Counter(block_id.rsplit("-", 1)[1] for block_id, _, _ in shown)
    assert ids == Counter(op.operation_id for op in operations())  # each operation listed once
    by_id = {block_id.rsplit("-", 1)[1]: (deprecated, summary) for block_id, deprecated, summary in shown}
    assert by_id["login"] == (True, "[legacy only] Log in with e-mail and password")  # not served in 2026
    assert by_id["getCloudHistory"][0] is False
    assert by_id["getCloudHistory"][1].startswith("[undocumented] ")
    assert by_id["requestDeviceToken"][1].startswith("[2026 only] [undocumented] ")

    # Try it out: the demo key through Authorize, then POST /api/proxy answered by this mock.
    page.click("button.authorize")
    key_scheme = page.locator(".modal-ux .auth-container").first
    assert DEMO_KEY in key_scheme.inner_text()  # the page tells the demo key
    key_scheme.locator("input").fill(DEMO_KEY)
    key_scheme.locator("button.authorize").click()
    page.click(".modal-ux button.close-modal")
    operation = page.locator("#operations-proxies-listProxies")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Execute").click()
    status = operation.locator(".live-responses-table tr.response .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"
    body = operation.locator(".live-responses-table tr.response .response-col_description").first.inner_text()
    assert '"id": "fr-1"' in body  # the demo scenario's proxies, not the spec's example
    assert operation.locator(".request-url pre").inner_text().strip() == (
        f"{offcloud_mock_live.base_url}/api/proxy?key={DEMO_KEY}"  # this mock, the first server
    )
    assert offcloud_mock_live.controls.journal()[-1]["operation"] == "listProxies"
