"""openapi.yaml, read once, and typed views of its operations: for the HTTP layer, and for tools.

The file is found beside the package first (a wheel force-includes it as `mock_server/offcloud_mock/openapi.yaml`),
else at the repository root (a source checkout or an editable install). Everything else in the mock that
needs the contract (routes, auth, request and response validation, /openapi.json) asks this module, so
there is exactly one reading of it per process.

Two views of an operation: `Operation` (every $ref inlined: what the HTTP layer validates against) and
`Route` (where the operation stands in the document as written, as a JSON pointer, and which eras serve
it: what the drift checker matches exchanges with and points its suggested changes at). The drift tools
read the document through `spec_document`, also for another OpenAPI file given to them.
"""

import copy
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, cast

import jsonref
import yaml

from offcloud_mock.eras import ERAS, Era

__all__ = [
    "AuthKind",
    "Operation",
    "Route",
    "escape_pointer",
    "load_spec",
    "operations",
    "pointer_get",
    "routes",
    "schema_in_era",
    "spec_document",
    "spec_path",
    "spec_text",
]

_HTTP_METHODS = ("get", "post", "put", "patch", "delete")


class AuthKind(Enum):
    """What credentials an operation needs, derived from its `security` in the spec."""

    NONE = "none"  # security: [] (login)
    OPTIONAL_SESSION = "optional-session"  # [{}, {session: []}] (checkLogin: reads the cookie if any)
    SESSION = "session"  # [{session: []}] (getApiKey: the cookie and nothing else)
    ACCOUNT = "account"  # the default: key, bearer or session


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of the spec, with every $ref already inlined."""

    operation_id: str
    method: str  # upper case
    path: str  # as in the spec, e.g. /api/cloud/explore/{requestId}
    auth: AuthKind
    path_params: dict[str, dict[str, Any]]  # name -> schema
    body_schemas: dict[str, dict[str, Any]]  # media type -> schema; empty when there is no body
    body_required: bool
    responses: dict[str, dict[str, dict[str, Any]]]  # status -> media type -> schema ({} if no content)
    eras: frozenset[Era] = frozenset(ERAS)  # x-offcloud-eras: the servers that answer it
    # name -> (schema, required); the API key's `key` is a security scheme, not one of these
    query_params: dict[str, tuple[dict[str, Any], bool]] = field(default_factory=dict)

    @property
    def flask_rule(self) -> str:
        return self.path.replace("{", "<").replace("}", ">")


def spec_path() -> Path:
    beside = Path(__file__).with_name("openapi.yaml")
    if beside.is_file():
        return beside
    return Path(__file__).resolve().parents[2] / "openapi.yaml"  # a checkout: mock_server/offcloud_mock/


@functools.cache
def spec_text() -> str:
    path = spec_path()
    if not path.is_file():
        raise FileNotFoundError(f"openapi.yaml not found beside the package nor at {path}")
    return path.read_text(encoding="utf-8")


def _parse_yaml(text: str) -> Any:
    # The C loader when PyYAML has it (the same document, about six times faster: ~40 ms, not ~250).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


@functools.cache
def _parsed() -> dict[str, Any]:
    return cast(dict[str, Any], _parse_yaml(spec_text()))


def load_spec() -> dict[str, Any]:
    """The spec as parsed from YAML, $refs intact; a deep copy, so callers may change it."""
    return copy.deepcopy(_parsed())


@functools.cache
def _dereferenced() -> dict[str, Any]:
    # The spec has no recursive schemas, so inlining every $ref gives self-contained schemas that
    # jsonschema-rs compiles without a registry. jsonref resolves refs wherever they stand (parameters,
    # request bodies, responses, schemas); jsonschema-rs's own `dereference` stopped resolving the ones
    # under `parameters` in 0.61. A copy makes plain dicts with no object shared between operations.
    return _inline_refs(_parsed())


def _inline_refs(document: dict[str, Any]) -> dict[str, Any]:
    resolved = jsonref.replace_refs(document, proxies=False, lazy_load=False, merge_props=True)
    return cast(dict[str, Any], _unshared(resolved))


def _unshared(value: Any) -> Any:
    """A copy in which no dict or list appears twice (deepcopy would keep jsonref's sharing)."""
    if isinstance(value, dict):
        return {key: _unshared(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_unshared(item) for item in value]
    return value


def _listed_eras(raw: dict[str, Any]) -> tuple[str, ...]:
    """The eras a document lists for an operation: its `x-offcloud-eras`, in order; absent, all. Not
    checked: drift reads documents that may name eras the mock does not play."""
    return tuple(str(era) for era in raw.get("x-offcloud-eras", ERAS))


def _auth_kind(security: list[dict[str, list[str]]]) -> AuthKind:
    if not security:
        return AuthKind.NONE
    schemes = {name for requirement in security for name in requirement}
    if schemes == {"session"}:
        return AuthKind.OPTIONAL_SESSION if {} in security else AuthKind.SESSION
    return AuthKind.ACCOUNT


def _eras(operation_id: str, names: Sequence[str]) -> frozenset[Era]:
    """x-offcloud-eras, checked: a misspelt era would leave the operation served by no era, silently."""
    unknown = [name for name in names if name not in ERAS]
    if unknown:
        raise ValueError(f"{operation_id}: x-offcloud-eras names no era of the mock: {unknown}")
    return frozenset(cast(Era, name) for name in names)


def schema_in_era(schema: dict[str, Any], era: Era) -> dict[str, Any]:
    """A request body's schema as `era` reads it: without the fields whose `x-offcloud-eras` leave it
    out (an unknown field there, ignored like any other); the schema itself when none is left out."""
    properties = schema.get("properties") or {}
    kept = {
        name: prop
        for name, prop in properties.items()
        if not (isinstance(prop, dict) and era not in prop.get("x-offcloud-eras", ERAS))
    }
    return schema if len(kept) == len(properties) else {**schema, "properties": kept}


def _operation(path: str, method: str, raw: dict[str, Any], default_security: Any) -> Operation:
    body = raw.get("requestBody") or {}
    responses: dict[str, dict[str, dict[str, Any]]] = {}
    for status, response in raw.get("responses", {}).items():
        content = response.get("content") or {}
        responses[str(status)] = {media: entry.get("schema", {}) for media, entry in content.items()}
    return Operation(
        operation_id=raw["operationId"],
        method=method.upper(),
        path=path,
        auth=_auth_kind(raw.get("security", default_security)),
        path_params={p["name"]: p["schema"] for p in raw.get("parameters", []) if p["in"] == "path"},
        body_schemas={media: entry["schema"] for media, entry in body.get("content", {}).items()},
        body_required=bool(body.get("required", False)),
        responses=responses,
        eras=_eras(raw["operationId"], raw.get("x-offcloud-eras", ERAS)),
        query_params={
            p["name"]: (p["schema"], bool(p.get("required", False)))
            for p in raw.get("parameters", [])
            if p["in"] == "query"
        },
    )


@functools.cache
def operations() -> tuple[Operation, ...]:
    """Every operation of the spec, in the spec's order."""
    spec = _dereferenced()
    default_security = spec.get("security", [])
    # The order of the YAML file (the dereferenced copy may have its keys sorted).
    return tuple(
        _operation(path, method, spec["paths"][path][method], default_security)
        for path, item in _parsed()["paths"].items()
        for method in item
        if method in _HTTP_METHODS
    )


# --- The document as written, for tools that point into it ----------------------------------------------


def spec_document(path: Path | None = None) -> dict[str, Any]:
    """The OpenAPI document of `path` (default: the mock's own openapi.yaml) as parsed, $refs intact.

    Shared and cached (per file version): treat it as read-only; `load_spec()` gives a copy to change.
    OSError when the file cannot be read, ValueError when it is not a YAML mapping.
    """
    if path is None:
        return _parsed()
    source = path.resolve()
    return _read_document(str(source), source.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _read_document(path: str, mtime_ns: int) -> dict[str, Any]:
    try:
        document = _parse_yaml(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not YAML: {' '.join(str(error).split())[:200]}") from None
    if not isinstance(document, dict):
        raise ValueError(f"{path}: not an OpenAPI document (a YAML mapping)")
    return document


def escape_pointer(token: str) -> str:
    """One key as a JSON pointer token (RFC 6901): `/api/cloud` becomes `~1api~1cloud`."""
    return token.replace("~", "~0").replace("/", "~1")


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer_get(document: Any, pointer: str) -> Any:
    """The node a JSON pointer ("/a/b/0", or "#/a/b") names; KeyError/IndexError when it names nothing."""
    node = document
    if pointer in ("", "#"):
        return node
    for token in pointer.lstrip("#").split("/")[1:]:
        key = _unescape(token)
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


@dataclass(frozen=True, slots=True)
class Route:
    """One operation of a document as written: its route, its JSON pointer, the eras that serve it."""

    operation_id: str  # the operationId, or "METHOD /path" when the document gives none
    method: str  # upper case
    path: str  # as in the spec: /api/cloud/explore/{requestId}
    pointer: str  # /paths/~1api~1cloud/post
    eras: tuple[str, ...]  # x-offcloud-eras, in the document's order
    pattern: re.Pattern[str] = field(repr=False, compare=False)

    def in_era(self, era: str) -> bool:
        return era in self.eras

    def matches(self, method: str, path: str) -> bool:
        return self.method == method.upper() and self.pattern.match(path) is not None


def _path_pattern(path: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}/]+\})", path)
    regex = "".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts)
    return re.compile(f"^{regex}$")


def routes(document: dict[str, Any] | None = None) -> tuple[Route, ...]:
    """The route table of a document (default: the mock's own): every operation of every era, literal
    paths before templated ones, so that /api/cloud/status never matches /api/cloud/{x} first."""
    document = _parsed() if document is None else document
    found = [
        Route(
            operation_id=str(raw.get("operationId") or f"{method.upper()} {path}"),
            method=method.upper(),
            path=path,
            pointer=f"/paths/{escape_pointer(path)}/{method}",
            eras=_listed_eras(raw),
            pattern=_path_pattern(path),
        )
        for path, item in (document.get("paths") or {}).items()
        for method, raw in item.items()
        if method in _HTTP_METHODS and isinstance(raw, dict)
    ]
    return tuple(sorted(found, key=lambda route: route.path.count("{")))
