"""The contract, served by the mock itself: /openapi.yaml, /openapi.json and an interactive /docs.

* GET /openapi.yaml - the file byte for byte (`application/yaml`).
* GET /openapi.json - the same document as JSON, with this mock's own base URL put first in `servers`,
  so Swagger UI's "Try it out" talks to the mock that served it.
* GET /docs/ - Swagger UI from flask-swagger-ui's bundled files (no CDN: the page loads only this
  mock's /docs/*.js and *.css), pointed at /openapi.json; the online spec validator badge is off, so the
  page makes no request to anywhere else.
"""

import json

from flask import Blueprint, Flask, Response, request
from flask_swagger_ui import get_swaggerui_blueprint

from offcloud_mock.spec import load_spec, spec_text

__all__ = ["DOCS_PATH", "register_docs"]

DOCS_PATH = "/docs"


def _spec_blueprint() -> Blueprint:
    """A new blueprint per app, so that each app keeps its own cache of rendered JSON."""
    bp = Blueprint("spec", __name__)
    by_base_url: dict[str, bytes] = {}  # per app: the JSON depends only on the base URL it is served at

    @bp.get("/openapi.yaml")
    def spec_yaml() -> Response:
        return Response(spec_text(), mimetype="application/yaml")

    @bp.get("/openapi.json")
    def spec_json() -> Response:
        base_url = request.host_url.rstrip("/")
        body = by_base_url.get(base_url)
        if body is None:
            spec = load_spec()
            servers = [server for server in spec.get("servers", []) if server.get("url") != base_url]
            spec["servers"] = [{"url": base_url, "description": "This mock server."}, *servers]
            body = json.dumps(spec, ensure_ascii=False, indent=2).encode()
            if len(by_base_url) < 64:  # a few names for the same mock; never grow without bound
                by_base_url[base_url] = body
        return Response(body, mimetype="application/json")

    return bp


def register_docs(app: Flask) -> None:
    app.register_blueprint(_spec_blueprint())
    swagger_ui = get_swaggerui_blueprint(
        DOCS_PATH,
        "/openapi.json",
        config={"app_name": "Offcloud API mock", "validatorUrl": None, "tryItOutEnabled": True},
    )
    app.register_blueprint(swagger_ui)
