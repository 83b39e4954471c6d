"""openapi.yaml as the drift checker queries it, over the mock's own reading of it (`offcloud_mock.spec`).

The checker needs the document as written, $refs intact (so that a suggested change points at the schema
that defines a field), JSON pointers into it, and its route table with each operation's eras: the mock's
spec module gives all three (`spec_document`, `pointer_get`, `routes`). What is the checker's own is
here: following a $ref chain to the node that holds a schema, and inlining a schema for the validator.
"""

from pathlib import Path
from typing import Any, cast

from offcloud_mock.spec import Route, pointer_get, routes, spec_document

__all__ = ["SpecView"]


class SpecView:
    """A spec document and its route table; cheap to query. Treat the document as read-only."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.operations = routes(document)

    @classmethod
    def load(cls, path: Path | None = None) -> "SpecView":
        """The spec of `path` (default: the mock's openapi.yaml); OSError or ValueError for a bad file."""
        return cls(spec_document(path))

    def match(self, method: str, path: str) -> Route | None:
        return next((op for op in self.operations if op.matches(method, path)), None)

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

    def operation_node(self, op: Route) -> dict[str, Any]:
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
