"""The contract, served by the mock itself: /openapi.yaml, /openapi.json and an interactive /docs.

* GET /openapi.yaml - the file byte for byte (`application/yaml`).
* GET /openapi.json - the same document as JSON, with this mock's own base URL put first in `servers`.
* GET /docs/ - Swagger UI from flask-swagger-ui's bundled files (no CDN: the page loads only this
  mock's /docs/*.js and *.css; the online validator badge is off), showing /docs/openapi.json: a copy
  of the spec made for a person who meets the running mock (`display_spec`):
  - its title and description say which era the mock plays now (the control plane can change it);
  - each operation under one tag, its first (where the generated client puts it), so that it is listed
    once: the `undocumented` tag becomes an `[undocumented]` mark in the summary, beside
    `[legacy only]` or `[2026 only]` for an operation of one era;
  - an operation the current era does not serve is shown deprecated (struck through), saying so;
  - the only server is this mock, so that "Try it out" talks to it and nowhere else; with the demo
    scenario, the security scheme's description gives the demo key.
* GET / - a redirect to /docs/ (the API has no operation at /).
"""

import json
from typing import Any

from flask import Blueprint, Flask, Response, request
from flask_swagger_ui import get_swaggerui_blueprint

from offcloud_mock.backend.demo import DEMO_KEY
from offcloud_mock.eras import ERAS
from offcloud_mock.http.runtime import runtime
from offcloud_mock.spec import load_spec, spec_text

__all__ = ["DISPLAY_SPEC_PATH", "DOCS_PATH", "display_spec", "register_docs"]

DOCS_PATH = "/docs"
DISPLAY_SPEC_PATH = f"{DOCS_PATH}/openapi.json"
UNDOCUMENTED = "undocumented"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_CACHED_BODIES = 64  # a few names for the same mock, each era; never grow without bound


def _marks(operation: dict[str, Any]) -> list[str]:
    marks = []
    eras = operation.get("x-offcloud-eras", list(ERAS))
    if len(eras) == 1:
        marks.append(f"[{eras[0]} only]")
    if UNDOCUMENTED in operation.get("tags", []):
        marks.append(f"[{UNDOCUMENTED}]")
    return marks


def display_spec(spec: dict[str, Any], *, era: str, base_url: str, demo_key: str | None) -> dict[str, Any]:
    """`spec` (a copy the caller gives away) made for Swagger UI on a mock of `era` at `base_url`."""
    info = spec["info"]
    info["title"] = f"{info['title']}: this mock plays the {era} server"
    info["description"] = (
        f"**This mock plays the {era} server** (`offcloud-mock --era {era}`; `POST /_mock/settings` changes "
        "it while it runs). An operation of one era only is marked `[legacy only]` or `[2026 only]`; one "
        f"the {era} server does not serve is shown deprecated (struck through) and answers as an unknown "
        "route. `[undocumented]`: an operation real clients call beyond the public documentation.\n\n"
        + info.get("description", "")
    )
    spec["servers"] = [{"url": base_url, "description": f"This mock (era {era})"}]
    spec["tags"] = [tag for tag in spec.get("tags", []) if tag.get("name") != UNDOCUMENTED]
    for item in spec.get("paths", {}).values():
        for method in _METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            marks = _marks(operation)
            tags = [tag for tag in operation.get("tags", []) if tag != UNDOCUMENTED]
            operation["tags"] = tags[:1]
            if marks:
                operation["summary"] = f"{' '.join(marks)} {operation.get('summary', '')}".rstrip()
            if era not in operation.get("x-offcloud-eras", ERAS):
                operation["deprecated"] = True
                operation["description"] = (
                    f"**Not served by this mock in its current era ({era})**: it answers as an unknown "
                    "route. Start the mock with another `--era` to try it.\n\n"
                    + operation.get("description", "")
                )
    scheme = spec.get("components", {}).get("securitySchemes", {}).get("apiKey")
    if demo_key is not None and isinstance(scheme, dict):
        scheme["description"] = f"{scheme.get('description', '')} This mock's demo account: `{demo_key}`."
    return spec


def _spec_blueprint() -> Blueprint:
    """A new blueprint per app, so that each app keeps its own cache of rendered JSON."""
    bp = Blueprint("spec", __name__)
    served: dict[tuple[str, ...], bytes] = {}  # per app, by what the JSON depends on

    def cached(key: tuple[str, ...], make: Any) -> Response:
        body = served.get(key)
        if body is None:
            body = json.dumps(make(), ensure_ascii=False, indent=2).encode()
            if len(served) < _CACHED_BODIES:
                served[key] = body
        return Response(body, mimetype="application/json")

    @bp.get("/")
    def root() -> Response:
        return Response(status=302, headers={"Location": f"{DOCS_PATH}/"})

    @bp.get("/openapi.yaml")
    def spec_yaml() -> Response:
        return Response(spec_text(), mimetype="application/yaml")

    @bp.get("/openapi.json")
    def spec_json() -> Response:
        base_url = request.host_url.rstrip("/")

        def make() -> dict[str, Any]:
            spec = load_spec()
            servers = [server for server in spec.get("servers", []) if server.get("url") != base_url]
            spec["servers"] = [{"url": base_url, "description": "This mock server."}, *servers]
            return spec

        return cached(("spec", base_url), make)

    @bp.get(DISPLAY_SPEC_PATH)
    def docs_spec() -> Response:
        base_url, state = request.host_url.rstrip("/"), runtime()
        era = state.config.era
        accounts = state.backend.accounts()
        demo_key = DEMO_KEY if accounts and accounts[0].api_key == DEMO_KEY else None  # public: in the README

        def make() -> dict[str, Any]:
            return display_spec(load_spec(), era=era, base_url=base_url, demo_key=demo_key)

        return cached(("docs", base_url, era, demo_key or ""), make)

    return bp


def register_docs(app: Flask) -> None:
    app.register_blueprint(_spec_blueprint())
    swagger_ui = get_swaggerui_blueprint(
        DOCS_PATH,
        DISPLAY_SPEC_PATH,
        config={"app_name": "Offcloud API mock", "validatorUrl": None, "tryItOutEnabled": True},
    )
    app.register_blueprint(swagger_ui)
