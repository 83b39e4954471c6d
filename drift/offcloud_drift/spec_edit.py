"""openapi.yaml edited in place, the way a person would: comments, key order, quoting and line layout kept.

A round-trip YAML library (ruamel.yaml) loads the file into mappings and lists that remember how each
node was written; JSON Patch operations are applied to those, and only the nodes they touch are written
anew. Loading and dumping an untouched openapi.yaml gives it back byte for byte (a test holds it to
that), so the diff of a change is the change.

What keeps a diff small beyond the library: a renamed field keeps its place among its siblings; a list
replaced by another (`required`) is changed in place and keeps its `[a, b]` flow style; a node wrapped
in a new one (a type widened to `anyOf`) keeps its own layout inside the wrapper.
"""

import copy
import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import LiteralScalarString

__all__ = ["RoundTrip", "add_note", "plain"]

_WIDTH = 4096  # never fold a long line: the file's own line breaks are kept, none are added


def _null(representer: RoundTripRepresenter, _: None) -> Any:
    # openapi.yaml writes null as `null`; the round-trip default writes nothing after the colon.
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    # `[a, {b: c}]` stays so: by default the braces of a one-key mapping in a flow list are dropped.
    yaml.brace_single_entry_mapping_in_flow_sequence = True
    yaml.width = _WIDTH
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(type(None), _null)
    return yaml


def plain(node: Any) -> Any:
    """The node as plain dicts, lists and scalars (for comparing and for JSON)."""
    if isinstance(node, dict):
        return {str(key): plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain(item) for item in node]
    if isinstance(node, str):
        return str(node)
    return node


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


class RoundTrip:
    """One YAML file, loaded for editing; `text()` is the file as it would be written now."""

    def __init__(self, text: str) -> None:
        self._yaml = _yaml()
        self.document: Any = self._yaml.load(text)

    @classmethod
    def read(cls, path: Path) -> "RoundTrip":
        return cls(path.read_text(encoding="utf-8"))

    def text(self) -> str:
        out = io.StringIO()
        self._yaml.dump(self.document, out)
        return out.getvalue()

    def get(self, pointer: str) -> Any:
        node = self.document
        for token in pointer.split("/")[1:] if pointer else []:
            key = _unescape(token)
            node = node[int(key)] if isinstance(node, list) else node[key]
        return node

    def _parent(self, pointer: str) -> tuple[Any, str]:
        head, _, last = pointer.rpartition("/")
        return self.get(head), _unescape(last)

    def apply(self, ops: list[dict[str, Any]]) -> None:
        """Apply JSON Patch operations (RFC 6902); ValueError when one cannot apply."""
        for op in ops:
            try:
                self._apply_one(op)
            except (KeyError, IndexError, TypeError) as error:
                raise ValueError(f"cannot apply {op.get('op')} at {op.get('path')}: {error!r}") from error

    def _apply_one(self, op: dict[str, Any]) -> None:
        kind, path = op["op"], op["path"]
        if kind == "test":
            if plain(self.get(path)) != op["value"]:
                raise ValueError(f"test failed at {path}")
            return
        if kind == "move":
            self._move(op["from"], path)
            return
        parent, key = self._parent(path)
        if kind == "add":
            value = _conventional(copy.deepcopy(op["value"]))
            if isinstance(parent, list):
                parent.insert(len(parent) if key == "-" else int(key), value)
            else:
                parent[key] = value
        elif kind == "remove":
            del parent[int(key) if isinstance(parent, list) else key]
        elif kind == "replace":
            index: int | str = int(key) if isinstance(parent, list) else key
            parent[index] = self._replacement(parent[index], op["value"])
        else:
            raise ValueError(f"unknown op {kind!r}")

    def _move(self, source: str, target: str) -> None:
        source_parent, source_key = self._parent(source)
        target_parent, target_key = self._parent(target)
        value = source_parent[source_key]
        if source_parent is target_parent and isinstance(source_parent, CommentedMap):
            # A rename: the field keeps its place (and its comment) among its siblings.
            position = list(source_parent).index(source_key)
            comment = source_parent.ca.items.pop(source_key, None)
            del source_parent[source_key]
            source_parent.insert(position, target_key, value)
            if comment is not None:
                source_parent.ca.items[target_key] = comment
            return
        del source_parent[source_key]
        if isinstance(target_parent, list):
            target_parent.insert(len(target_parent) if target_key == "-" else int(target_key), value)
        else:
            target_parent[target_key] = value

    @staticmethod
    def _replacement(old: Any, new: Any) -> Any:
        new = _conventional(copy.deepcopy(new))
        if isinstance(old, CommentedSeq) and isinstance(new, list):
            old[:] = new  # keeps the list's own style, e.g. `required: [a, b]`
            return old
        # A node wrapped in a new one (`{anyOf: [old, new]}`) keeps its own layout in the wrapper.
        wrapped = next(iter(new.values()), None) if isinstance(new, dict) and len(new) == 1 else None
        if isinstance(wrapped, list):
            old_plain = plain(old)
            for index, item in enumerate(wrapped):
                if item == old_plain:
                    wrapped[index] = old
                    break
        return new


# Keys a person writes first and last in a schema, a response or an operation; the report's JSON has
# them sorted, which reads oddly in openapi.yaml.
_FIRST = ("operationId", "summary", "description", "type", "$ref")
_LAST = ("example", "examples")


def _conventional(value: Any) -> Any:
    if isinstance(value, list):
        return [_conventional(item) for item in value]
    if not isinstance(value, dict):
        return value
    keys = list(value)
    ordered = [k for k in _FIRST if k in value]
    ordered += [k for k in keys if k not in _FIRST and k not in _LAST]
    ordered += [k for k in _LAST if k in value]
    return {key: _conventional(value[key]) for key in ordered}


def _block(node: Any) -> None:
    """A one-line `{type: string}` that gains a description and an example reads better as a block."""
    if isinstance(node, CommentedMap) and node.fa.flow_style():
        node.fa.set_block_style()


def add_note(node: Any, note: str) -> bool:
    """Append `note` to a schema node's description (as its own line of a block, or after a one-line
    text); False when it is there already. A node that is not a mapping is left alone."""
    if not isinstance(node, dict):
        return False
    _block(node)
    current = node.get("description")
    if current is None:
        node["description"] = note
        return True
    if note in str(current):
        return False
    if "\n" in str(current):
        node["description"] = LiteralScalarString(str(current).rstrip("\n") + "\n" + note + "\n")
    else:
        node["description"] = f"{str(current).rstrip()} {note}"
    return True
