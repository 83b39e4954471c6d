"""Suggested changes to openapi.yaml: typed edits, turned into RFC 6902 JSON Patch operations.

A finding carries edits (add a property, drop a field from `required`, add an enum value, ...) rather than
ready-made patch operations, because several findings may change the same node: the combined patch of a
report is built by applying the edits one after the other to a working copy of the spec, so each operation
is computed against the document as the earlier operations left it (indices in `required` stay right, an
enum value added twice is added once).
"""

import copy
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from offcloud_mock.spec import escape_pointer, pointer_get

__all__ = ["Edit", "apply_patch", "bare_schema", "edit_from_json", "edits_to_patch", "ops_for", "seen_note"]

JsonPatch = list[dict[str, Any]]


def seen_note(day: dt.date | None = None) -> str:
    """The description a node seen from the server gets, until a person writes what it means."""
    day = day or dt.datetime.now(dt.UTC).date()
    return f"Seen from the server on {day.isoformat()}, describe it."


@dataclass(frozen=True, slots=True)
class Edit:
    """One change to the spec. `action` says what; `pointer` is the node it changes."""

    action: str  # add-property, drop-required, rename-property, add-enum, widen, add-response,
    # add-content, add-operation, remove-keyword, merge-list, add-example
    pointer: str
    name: str = ""  # a property, status, media type, keyword or new property name
    value: Any = field(default=None, compare=False)  # a schema, enum value, response, eras, ...
    other: str = ""  # rename-property: the new name
    # The value the server answered there (redacted), for the changed node's `example`; None: nothing
    # to show (a dropped `required`, a removed keyword).
    seen: Any = field(default=None, compare=False)

    def key(self) -> str:
        return json.dumps([self.action, self.pointer, self.name, self.other, self.value], sort_keys=True)

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "pointer": self.pointer,
            "name": self.name,
            "value": self.value,
            "other": self.other,
            "seen": self.seen,
        }


def edit_from_json(data: Any) -> Edit:
    """An edit as a report's JSON holds it; ValueError when it is not one."""
    if not isinstance(data, dict) or not isinstance(data.get("action"), str):
        raise ValueError(f"not an edit of a drift report: {str(data)[:80]}")
    if not isinstance(data.get("pointer"), str):
        raise ValueError(f"an edit without a pointer: {str(data)[:80]}")
    return Edit(
        str(data["action"]),
        str(data["pointer"]),
        str(data.get("name") or ""),
        data.get("value"),
        str(data.get("other") or ""),
        data.get("seen"),
    )


def _parent_and_key(document: Any, pointer: str) -> tuple[Any, str]:
    head, _, last = pointer.rpartition("/")
    return pointer_get(document, head), last.replace("~1", "/").replace("~0", "~")


def apply_patch(document: Any, patch: JsonPatch) -> Any:
    """A patched deep copy (add, remove, replace, move, copy, test); ValueError when an op cannot apply."""
    doc = copy.deepcopy(document)
    for op in patch:
        kind, path = op["op"], op["path"]
        try:
            if kind == "test":
                if pointer_get(doc, path) != op["value"]:
                    raise ValueError(f"test failed at {path}")
                continue
            value = copy.deepcopy(op["value"]) if "value" in op else None
            if kind in ("move", "copy"):
                source_parent, source_key = _parent_and_key(doc, op["from"])
                value = copy.deepcopy(pointer_get(doc, op["from"]))
                if kind == "move":
                    _remove(source_parent, source_key)
                kind = "add"
            parent, key = _parent_and_key(doc, path)
            if kind == "add":
                if isinstance(parent, list):
                    parent.insert(len(parent) if key == "-" else int(key), value)
                else:
                    parent[key] = value
            elif kind == "remove":
                _remove(parent, key)
            elif kind == "replace":
                pointer_get(doc, path)  # must exist
                if isinstance(parent, list):
                    parent[int(key)] = value
                else:
                    parent[key] = value
            else:
                raise ValueError(f"unknown op {kind!r}")
        except (KeyError, IndexError, TypeError) as error:
            raise ValueError(f"cannot apply {kind} at {path}: {error}") from error
    return doc


def _remove(parent: Any, key: str) -> None:
    if isinstance(parent, list):
        del parent[int(key)]
    else:
        del parent[key]


def _exists(document: Any, pointer: str) -> bool:
    try:
        pointer_get(document, pointer)
    except (KeyError, IndexError, TypeError, ValueError):
        return False
    return True


def ops_for(document: Any, edit: Edit) -> JsonPatch:
    """The operations that make `edit` true of `document`; [] when it already is."""
    p, name = edit.pointer, edit.name
    if edit.action == "add-property":
        target = f"{p}/properties/{escape_pointer(name)}"
        if _exists(document, target):
            return []
        if not _exists(document, f"{p}/properties"):
            return [{"op": "add", "path": f"{p}/properties", "value": {name: edit.value}}]
        return [{"op": "add", "path": target, "value": edit.value}]
    if edit.action == "drop-required":
        required = pointer_get(document, p).get("required") or []
        if name not in required:
            return []
        index = required.index(name)
        return [
            {"op": "test", "path": f"{p}/required/{index}", "value": name},
            {"op": "remove", "path": f"{p}/required/{index}"},
        ]
    if edit.action == "rename-property":
        old, new = f"{p}/properties/{escape_pointer(name)}", f"{p}/properties/{escape_pointer(edit.other)}"
        ops: JsonPatch = []
        if _exists(document, old) and not _exists(document, new):
            ops.append({"op": "move", "from": old, "path": new})
        required = list(pointer_get(document, p).get("required") or [])
        if name in required:
            renamed = [edit.other if item == name else item for item in required]
            ops.append({"op": "replace", "path": f"{p}/required", "value": renamed})
        return ops
    if edit.action == "add-enum":
        node = pointer_get(document, p)
        if "const" in node:
            return [
                {"op": "remove", "path": f"{p}/const"},
                {"op": "add", "path": f"{p}/enum", "value": [node["const"], edit.value]},
            ]
        if edit.value in node.get("enum", []):
            return []
        return [{"op": "add", "path": f"{p}/enum/-", "value": edit.value}]
    if edit.action == "widen":
        node = pointer_get(document, p)
        branches = node.get("anyOf") if set(node) - _NOTES == {"anyOf"} else None
        if branches is not None:
            if bare_schema(edit.value) in [bare_schema(branch) for branch in branches]:
                return []
            return [{"op": "add", "path": f"{p}/anyOf/-", "value": edit.value}]
        return [{"op": "replace", "path": p, "value": {"anyOf": [node, edit.value]}}]
    if edit.action in ("add-response", "add-content", "add-operation"):
        target = f"{p}/{escape_pointer(name)}"
        return [] if _exists(document, target) else [{"op": "add", "path": target, "value": edit.value}]
    if edit.action == "remove-keyword":
        target = f"{p}/{escape_pointer(name)}"
        return [{"op": "remove", "path": target}] if _exists(document, target) else []
    if edit.action == "add-example":  # value drift: an answer none of the examples gives
        return _example_ops(pointer_get(document, p), p, edit.value)
    if edit.action == "merge-list":  # e.g. an era added to x-offcloud-eras
        target = f"{p}/{escape_pointer(name)}"
        current = pointer_get(document, target) if _exists(document, target) else None
        if current is not None and set(edit.value) <= set(current):
            return []
        merged = sorted({str(item) for item in [*edit.value, *(current or [])]})
        return [{"op": "replace" if current is not None else "add", "path": target, "value": merged}]
    raise ValueError(f"unknown edit {edit.action!r}")


def _example_ops(media_node: Any, pointer: str, value: Any) -> JsonPatch:
    """A named example (`examples`) for `value`; a lone `example` becomes the first named one, since
    OpenAPI allows one of the two keywords, not both."""
    examples = media_node.get("examples")
    known = [media_node.get("example")]
    if isinstance(examples, dict):
        known += [item.get("value") for item in examples.values() if isinstance(item, dict)]
    if value in known:
        return []
    text = str(value.get("error", "")) if isinstance(value, dict) else str(value)
    name = "seen-" + (re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:40] or "value")
    entry = {"summary": seen_note(), "value": value}
    if isinstance(examples, dict):
        return [{"op": "add", "path": f"{pointer}/examples/{escape_pointer(name)}", "value": entry}]
    named: dict[str, Any] = {}
    ops: JsonPatch = []
    if "example" in media_node:
        named["documented"] = {"value": media_node["example"]}
        ops.append({"op": "remove", "path": f"{pointer}/example"})
    named[name] = entry
    return [*ops, {"op": "add", "path": f"{pointer}/examples", "value": named}]


_NOTES = {"description", "example"}  # what `drift apply` adds to a node it changed


def bare_schema(schema: Any) -> Any:
    """A schema without the notes a person or `drift apply` adds: what it allows."""
    if isinstance(schema, dict):
        return {key: value for key, value in schema.items() if key not in _NOTES}
    return schema


def edits_to_patch(document: Any, edits: list[Edit]) -> JsonPatch:
    """One JSON Patch that makes every edit true, computed step by step on a working copy."""
    working = copy.deepcopy(document)
    patch: JsonPatch = []
    done: set[str] = set()
    for edit in edits:
        if edit.key() in done:
            continue
        done.add(edit.key())
        ops = ops_for(working, edit)
        if ops:
            working = apply_patch(working, ops)
            patch.extend(ops)
    return patch
