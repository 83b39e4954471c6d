"""What the era's server answers where it has no route: its own "not found" and "wrong method" pages.

An operation of openapi.yaml outside the current era (`x-offcloud-eras`) is an unknown route there,
answered exactly like a path no era knows. The pages are the era's (`ServerEra.not_found_page`,
`.wrong_method_page`: the 2026 server's HTML 404 and 405 pages, the legacy server's `Page not found.`);
this module finds which case a request is and makes the page a response.

The control plane (/_mock/) and the docs (/docs) are not the API's server: they keep their JSON errors.
"""

from flask import Flask, Request, Response
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound

from offcloud_mock.http.presenters import Page
from offcloud_mock.http.runtime import MockRuntime

__all__ = ["era_page", "in_era", "not_found_page"]


def in_era(state: MockRuntime, operation_id: str) -> bool:
    """Whether the era the mock plays now serves this operation."""
    operation = state.operations.get(operation_id)
    return operation is not None and state.era.serves(operation)


def not_found_page(state: MockRuntime) -> Response:
    return _response(state.era.not_found_page())


def _response(page: Page) -> Response:
    headers = {"Allow": ", ".join(page.allow)} if page.allow else None
    return Response(page.html, status=page.status, mimetype="text/html", headers=headers)


def _methods_in_era(app: Flask, state: MockRuntime, req: Request, methods: list[str]) -> list[str]:
    """Of the methods Flask routes at this path, those whose operation the current era serves."""
    adapter = app.url_map.bind_to_environ(req.environ)
    kept = []
    for method in methods:
        try:
            endpoint, _ = adapter.match(req.path, method)
        except HTTPException:
            continue
        if endpoint.startswith("api.") and in_era(state, endpoint.removeprefix("api.")):
            kept.append(method)
    return kept


def era_page(app: Flask, state: MockRuntime, req: Request, error: HTTPException) -> Response | None:
    """The era's page for an unknown route (404) or a wrong method (405); None for other errors."""
    if isinstance(error, NotFound):
        return not_found_page(state)
    if not isinstance(error, MethodNotAllowed):
        return None
    allowed = _methods_in_era(app, state, req, [m for m in error.valid_methods or () if m != "OPTIONS"])
    return _response(state.era.wrong_method_page(allowed))
