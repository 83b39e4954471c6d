"""openapi.yaml as the drift checker needs it: $refs intact (so a suggested change points at the schema
that defines a field), JSON pointers into it, and the route table of one era.

This module reads the file itself instead of asking `offcloud_mock.spec`: that module is about to move, and
the checker needs the raw document with its $refs, which the mock's dereferenced view has lost.

Eras: an operation may carry `x-offcloud-eras: [legacy, 2026]`; absent means every era.
"""

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

__all__ = [
    "ERAS",
    "HTTP_METHODS",
    "SpecOperation",
    "SpecView",
    "default_spec_path",
    "escape_pointer",
    "pointer_get",
]

ERAS = ("legacy", "2026")
HTTP_METHODS = ("get", "post", "put", "patch", "delete", "head", "options")


def default_spec_path() -> Path:
    """openapi.yaml beside the mock package (a wheel), else at the repository root (a checkout)."""
    package = Path(__file__).resolve().parents[1]
    beside = package / "openapi.yaml"
    return beside if beside.is_file() else package.parent / "openapi.yaml"


def escape_pointer(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer_get(document: Any, pointer: str) -> Any:
    """The node a JSON pointer ("/a/b/0") names; KeyError/IndexError when it names nothing."""
    node = document
    if pointer in ("", "#"):
        return node
    for token in pointer.lstrip("#").split("/")[1:]:
        key = _unescape(token)
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


@dataclass(frozen=True, slots=True)
class SpecOperation:
    operation_id: str
    method: str  # upper case
    path: str  # as in the spec: /api/cloud/explore/{requestId}
    pointer: str  # /paths/~1api~1cloud/post
    eras: tuple[str, ...]
    pattern: re.Pattern[str]

    def in_era(self, era: str) -> bool:
        return era in self.eras


def _path_pattern(path: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}/]+\})", path)
    regex = "".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts)
    return re.compile(f"^{regex}$")


class SpecView:
    """The spec document and its operations; cheap to query, read once."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        ops: list[SpecOperation] = []
        for path, item in (document.get("paths") or {}).items():
            for method, raw in item.items():
                if method not in HTTP_METHODS or not isinstance(raw, dict):
                    continue
                eras = raw.get("x-offcloud-eras") or item.get("x-offcloud-eras") or ERAS
                ops.append(
                    SpecOperation(
                        operation_id=str(raw.get("operationId") or f"{method.upper()} {path}"),
                        method=method.upper(),
                        path=path,
                        pointer=f"/paths/{escape_pointer(path)}/{method}",
                        eras=tuple(str(era) for era in eras),
                        pattern=_path_pattern(path),
                    )
                )
        # Literal paths before templated ones, so /api/cloud/status never matches /api/cloud/{x}.
        self.operations = tuple(sorted(ops, key=lambda op: op.path.count("{")))

    @classmethod
    def load(cls, path: Path | None = None) -> "SpecView":
        """The spec of `path` (default: the kit's); read once per file version. Treat it as read-only."""
        source = (path or default_spec_path()).resolve()
        return _load(str(source), source.stat().st_mtime_ns)

    def match(self, method: str, path: str) -> SpecOperation | None:
        for op in self.operations:
            if op.method == method.upper() and op.pattern.match(path):
                return op
        return None

    def path_known(self, path: str) -> bool:
        return any(op.pattern.match(path) for op in self.operations)

    def get(self, pointer: str) -> Any:
        return pointer_get(self.document, pointer)

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow $ref chains: the node that holds the schema and its own pointer."""
        seen = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 32:
            pointer = node["$ref"].lstrip("#")
            node = self.get(pointer)
            seen += 1
        return node, pointer

    def by_id(self, operation_id: str) -> SpecOperation | None:
        return next((op for op in self.operations if op.operation_id == operation_id), None)

    def operation_node(self, op: SpecOperation) -> dict[str, Any]:
        return cast(dict[str, Any], self.get(op.pointer))

    def inline(self, node: Any, depth: int = 0) -> Any:
        """A copy of `node` with every $ref replaced by its target (the spec has no recursion)."""
        if depth > 64:
            raise ValueError("openapi.yaml: $ref nesting deeper than 64")
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                target, _ = self.resolve(node, "")
                rest = {k: v for k, v in node.items() if k != "$ref"}
                merged = self.inline(target, depth + 1)
                if rest and isinstance(merged, dict):
                    return {**merged, **{k: self.inline(v, depth + 1) for k, v in rest.items()}}
                return merged
            return {key: self.inline(value, depth + 1) for key, value in node.items()}
        if isinstance(node, list):
            return [self.inline(item, depth + 1) for item in node]
        return node


@functools.lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int) -> SpecView:
    # The C loader when PyYAML has it: the pure-Python one takes about a second for openapi.yaml.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = Path(path).read_text(encoding="utf-8")
    return SpecView(cast(dict[str, Any], yaml.load(text, Loader=loader)))  # noqa: S506 - a safe loader
