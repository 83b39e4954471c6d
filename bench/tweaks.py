"""What-if changes to the mock, applied inside a bench process only, to put numbers on recommendations.

mock_server is not edited: each tweak patches a class or module attribute of the running process (or
swaps an app's JSON provider), so the bench can measure the mock as it would be after the change. Used
by `bench.serve` (HTTP) and `bench.profiling` (in-process).

- nojournal: `Journal.record` a no-op (an upper bound for a cheaper journal: it is a feature to keep).
- orjson: Flask's JSON provider writing with orjson.

Request validation off is no tweak: it is the mock's own switch (`MockConfig(validate_requests=False)`,
`offcloud-mock --no-validate-requests`). Parsing urlencoded bodies with `parse_qsl`, once a tweak here,
is what the mock does now.
"""

import importlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from flask import Flask, jsonify, request

__all__ = ["PATCHES", "minimal_flask_app", "patched", "use_orjson"]

PATCHES = ("nojournal",)


def _no_op(self: object, *args: object) -> None:
    return None


def _targets(name: str) -> tuple[Any, str, Any]:
    """(owner, attribute, replacement) of one patch."""
    if name == "nojournal":
        from offcloud_mock.backend.journal import Journal

        return Journal, "record", _no_op
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
