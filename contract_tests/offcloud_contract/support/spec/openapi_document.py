"""openapi.yaml as the contract tests read it: the raw document, a $ref-free copy, and its operations.

Read independently of the mock's own reading of the spec, so that the tests hold the mock to the file
and not to the mock's interpretation of it. Every function takes the spec path, so a test can point it
at a deliberately broken copy.
"""

import copy
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import jsonref
import yaml

from offcloud_contract.support.mock_handles import ERAS, spec_path

__all__ = [
    "SPEC_PATH",
    "SpecOperation",
    "dereferenced",
    "era_document",
    "inline_refs",
    "load_raw",
    "operation_by_id",
    "operation_for",
    "operation_ids",
    "operations",
    "operations_in",
    "operations_of_era",
    "snake_case",
]

# The mock's own spec file: at a checkout's root, or inside an installed offcloud_mock.
SPEC_PATH = spec_path()
_HTTP_METHODS = ("get", "put", "post", "delete", "patch")


def snake_case(name: str) -> str:
    """`getCloudStatus` -> `get_cloud_status`, the module name openapi-python-client gives an operation."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@dataclass(frozen=True, slots=True)
class SpecOperation:
    operation_id: str
    method: str  # upper case
    path: str  # as written in the spec, e.g. /api/cloud/explore/{requestId}
    tag: str
    security: tuple[tuple[str, ...], ...]  # alternatives, each a tuple of scheme names; () means none
    raw: dict[str, Any]  # the operation object, $refs resolved

    @property
    def client_module(self) -> str:
        """The dotted module of the generated client that implements this operation."""
        return f"offcloud_client.api.{self.tag}.{snake_case(self.operation_id)}"

    @property
    def path_pattern(self) -> re.Pattern[str]:
        """Matches concrete request paths of this operation."""
        return re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(self.path)) + "$")

    @property
    def eras(self) -> frozenset[str]:
        """The servers that answer it (`x-offcloud-eras`; both when the spec does not say)."""
        return frozenset(str(era) for era in self.raw.get("x-offcloud-eras", ERAS))

    @property
    def uses_api_key(self) -> bool:
        return any("apiKey" in alternative for alternative in self.security)

    @property
    def session_only(self) -> bool:
        return bool(self.security) and all(alt in (("session",), ()) for alt in self.security)

    def response_schema(self, status: str, media_type: str = "application/json") -> dict[str, Any] | None:
        content = self.raw.get("responses", {}).get(status, {}).get("content", {})
        entry = content.get(media_type)
        return cast(dict[str, Any], entry["schema"]) if entry else None

    def documented_statuses(self) -> tuple[str, ...]:
        return tuple(str(status) for status in self.raw.get("responses", {}))


@functools.cache
def load_raw(path: Path = SPEC_PATH) -> dict[str, Any]:
    """The spec as written, $refs intact. Cached: do not change the returned mapping."""
    return cast(dict[str, Any], yaml.safe_load(path.read_text(encoding="utf-8")))


@functools.cache
def dereferenced(path: Path = SPEC_PATH) -> dict[str, Any]:
    """The spec with every $ref inlined (it has no recursive schemas). Cached: do not change it."""
    return inline_refs(load_raw(path))


def era_document(era: str, path: Path = SPEC_PATH) -> dict[str, Any]:
    """A copy of the raw spec with only the operations the server of `era` answers, and only the links
    that lead to one of them: what a stateful run against that era may follow."""
    kept = {operation.operation_id for operation in operations_of_era(era, path)}
    document = copy.deepcopy(load_raw(path))
    for url_path in list(document["paths"]):
        item = document["paths"][url_path]
        for method in [m for m in item if m in _HTTP_METHODS]:
            if item[method]["operationId"] not in kept:
                del item[method]
                continue
            for response in item[method].get("responses", {}).values():
                links = response.get("links") if isinstance(response, dict) else None
                if links:
                    for name in [n for n, link in links.items() if link.get("operationId") not in kept]:
                        del links[name]
        if not any(m in _HTTP_METHODS for m in item):
            del document["paths"][url_path]
    _fields_of_era(document, era)
    return document


def _fields_of_era(document: dict[str, Any], era: str) -> None:
    """Each shared schema as the server of `era` reads it: a property whose `x-offcloud-eras` leaves the
    era out is not a field there (the mock ignores it, as the 2026 server ignores any field it does not
    take; e.g. RequestIdForm's legacy `requestIds`). A conditional on such a property (`if: {not:
    {required: [it]}}`) then always takes its `then`, and a request example that gives it is dropped."""
    gone: set[str] = set()
    for schema in document.get("components", {}).get("schemas", {}).values():
        properties = schema.get("properties", {})
        outside = {name for name, node in properties.items() if era not in node.get("x-offcloud-eras", [era])}
        if not outside:
            continue
        gone |= outside
        for name in outside:
            del properties[name]
        if schema.get("if") in [{"not": {"required": [name]}} for name in outside]:
            del schema["if"]
            schema["required"] = [*schema.get("required", []), *schema.pop("then", {}).get("required", [])]
        if "required" in schema:
            schema["required"] = [name for name in schema["required"] if name not in outside]
    for item in document["paths"].values():
        for method in [m for m in item if m in _HTTP_METHODS]:
            for media in item[method].get("requestBody", {}).get("content", {}).values():
                example = media.get("example")
                if isinstance(example, dict) and gone & set(example):
                    del media["example"]


def inline_refs(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of `document` with every local $ref replaced by what it points at, wherever it stands."""
    resolved = jsonref.replace_refs(document, proxies=False, lazy_load=False, merge_props=True)
    return cast(dict[str, Any], _unshared(resolved))


def _unshared(value: Any) -> Any:
    """A copy in which no dict or list appears twice (deepcopy would keep jsonref's sharing)."""
    if isinstance(value, dict):
        return {key: _unshared(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_unshared(item) for item in value]
    return value


@functools.cache
def operations(path: Path = SPEC_PATH) -> tuple[SpecOperation, ...]:
    """Every operation, in the spec's order."""
    return operations_in(dereferenced(path))


def operations_in(spec: dict[str, Any]) -> tuple[SpecOperation, ...]:
    """Every operation of a $ref-free spec document."""
    default_security = spec.get("security", [])
    found: list[SpecOperation] = []
    for url_path, item in spec["paths"].items():
        for method, raw in item.items():
            if method not in _HTTP_METHODS:
                continue
            security = raw.get("security", default_security)
            found.append(
                SpecOperation(
                    operation_id=raw["operationId"],
                    method=method.upper(),
                    path=url_path,
                    tag=raw["tags"][0],
                    security=tuple(tuple(requirement) for requirement in security),
                    raw=raw,
                )
            )
    return tuple(found)


def operation_ids(path: Path = SPEC_PATH) -> tuple[str, ...]:
    return tuple(operation.operation_id for operation in operations(path))


def operations_of_era(era: str, path: Path = SPEC_PATH) -> tuple[SpecOperation, ...]:
    """The operations the server of `era` answers, in the spec's order."""
    if era not in ERAS:
        raise ValueError(f"unknown era {era!r}: one of {', '.join(ERAS)}")
    return tuple(operation for operation in operations(path) if era in operation.eras)


def operation_for(method: str, url_path: str, path: Path = SPEC_PATH) -> SpecOperation | None:
    """The operation a concrete request (method, path without query) belongs to."""
    for operation in operations(path):
        if operation.method == method.upper() and operation.path_pattern.match(url_path):
            return operation
    return None


def operation_by_id(operation_id: str, path: Path = SPEC_PATH) -> SpecOperation:
    """The operation of this operationId."""
    for operation in operations(path):
        if operation.operation_id == operation_id:
            return operation
    raise LookupError(f"no operation {operation_id!r} in {path}")
