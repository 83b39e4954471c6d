"""What-if changes to the mock, applied inside a bench process only, to put numbers on recommendations.

mock_server is not edited: each tweak patches a class or module attribute of the running process (or
swaps an app's JSON provider), so the bench can measure the mock as it would be after the change. Used
by `bench.serve` (HTTP) and `bench.profiling` (in-process).

- novalidation: `RequestValidator.validate` a no-op (MockConfig has no switch for it).
- parse_qsl: form bodies parsed with `urllib.parse.parse_qsl` instead of werkzeug's `request.form`.
- nojournal: `Journal.record` a no-op (an upper bound for a cheaper journal: it is a feature to keep).
- orjson: Flask's JSON provider writing with orjson.
"""

import importlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any
from urllib.parse import parse_qsl

from flask import Flask, jsonify, request

__all__ = ["PATCHES", "minimal_flask_app", "patched", "read_form_with_parse_qsl", "use_orjson"]

PATCHES = ("novalidation", "parse_qsl", "nojournal")
_FORM = "application/x-www-form-urlencoded"


def _no_op(self: object, *args: object) -> None:
    return None


def read_form_with_parse_qsl(request: Any, array_fields: frozenset[str]) -> tuple[str, dict[str, object]]:
    """bodies.read_body, except that a urlencoded body is parsed with parse_qsl.

    werkzeug builds a FormDataParser and wraps the input stream for every form request; for a body of a
    few dozen bytes that machinery costs more than the parsing itself.
    """
    from mock_server import bodies

    if request.mimetype == _FORM:
        text = request.get_data(cache=True).decode("utf-8", errors="replace")
        pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=10_000)
        return "form", bodies.fold_form(pairs, array_fields)
    return bodies.read_body(request, array_fields)


def _targets(name: str) -> tuple[Any, str, Any]:
    """(owner, attribute, replacement) of one patch."""
    if name == "novalidation":
        from mock_server.validation import RequestValidator

        return RequestValidator, "validate", _no_op
    if name == "nojournal":
        from mock_server.journal import Journal

        return Journal, "record", _no_op
    if name == "parse_qsl":
        from mock_server import pipeline

        return pipeline, "read_body", read_form_with_parse_qsl  # the name pipeline calls
    raise ValueError(f"unknown patch {name!r}; known: {', '.join(PATCHES)}")


@contextmanager
def patched(names: tuple[str, ...]) -> Iterator[None]:
    """The named patches applied for the duration of the block, and undone after it."""
    with ExitStack() as stack:
        for name in names:
            owner, attribute, replacement = _targets(name)
            original = getattr(owner, attribute)
            setattr(owner, attribute, replacement)
            stack.callback(setattr, owner, attribute, original)
        yield


def use_orjson(app: Flask) -> None:
    """Swap the app's JSON provider for one writing with orjson (from .cache/bench-extras)."""
    from flask.json.provider import DefaultJSONProvider

    # Imported by name: orjson lives in .cache/bench-extras, not in the venv the type checker sees.
    orjson = importlib.import_module("orjson")

    class OrjsonProvider(DefaultJSONProvider):
        # orjson keeps insertion order and writes compact JSON, as the mock's provider is set to.
        def dumps(self, obj: Any, **kwargs: Any) -> str:
            encoded: bytes = orjson.dumps(obj)
            return encoded.decode("utf-8")

    app.json = OrjsonProvider(app)


def minimal_flask_app() -> Flask:
    """The framework's floor: the mix's routes, each reading the form and answering a small JSON."""
    app = Flask("minimal")

    @app.post("/api/cloud/status")
    @app.post("/api/cloud")
    @app.post("/api/cache")
    @app.get("/api/cloud/explore/<request_id>")
    def answer(request_id: str = "") -> Any:
        return jsonify({"status": {"requestId": request.form.get("requestId", request_id)}})

    return app
