"""What each era's server answers where it has no route: its own "not found" and "wrong method" pages.

An operation of openapi.yaml outside the current era (`x-offcloud-eras`) is an unknown route there,
answered exactly like a path no era knows:

* 2026: an HTML 404 page and, for a known path with a wrong method, an HTML 405 page with `Allow`,
  both `text/html` from the server's Symfony front (DMM live; the wording is Symfony's stock page);
* legacy: `Page not found.` as `text/html` (field notes, I8 live), status 404. Our choice: the legacy
  server answers a wrong method the same way (its Express router has no 405).

The control plane (/_mock/) and the docs (/docs) are not the API's server: they keep their JSON errors.
"""

from flask import Flask, Request, Response
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound

from offcloud_mock.http.runtime import MockRuntime

__all__ = ["era_page", "in_era", "not_found_page"]

_SYMFONY_PAGE = """<!DOCTYPE html>
<html>
<head>
    <meta charset="UTF-8" />
    <meta name="robots" content="noindex,nofollow,noarchive" />
    <title>An Error Occurred: {phrase}</title>
</head>
<body>
<div class="container">
    <h1>Oops! An Error Occurred</h1>
    <h2>The server returned a "{status} {phrase}".</h2>
    <p>
        Something is broken. Please let us know what you were doing when this error occurred.
        We will fix it as soon as possible. Sorry for any inconvenience caused.
    </p>
</div>
</body>
</html>
"""
_LEGACY_PAGE = "Page not found."


def in_era(state: MockRuntime, operation_id: str) -> bool:
    """Whether the era the mock plays now serves this operation."""
    operation = state.operations.get(operation_id)
    return operation is not None and state.config.era in operation.eras


def not_found_page(era: str) -> Response:
    if era == "legacy":
        return Response(_LEGACY_PAGE, status=404, mimetype="text/html")
    return Response(_SYMFONY_PAGE.format(status=404, phrase="Not Found"), status=404, mimetype="text/html")


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
    era = state.config.era
    if isinstance(error, NotFound):
        return not_found_page(era)
    if not isinstance(error, MethodNotAllowed):
        return None
    allowed = _methods_in_era(app, state, req, [m for m in error.valid_methods or () if m != "OPTIONS"])
    if era == "legacy" or not allowed:
        return not_found_page(era)
    page = _SYMFONY_PAGE.format(status=405, phrase="Method Not Allowed")
    return Response(page, status=405, mimetype="text/html", headers={"Allow": ", ".join(sorted(allowed))})
