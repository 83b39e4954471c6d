"""Holding one JSON value to one schema of the spec, finding by finding, each with the edit that fixes it.

A validator says "invalid"; the drift report needs more: which field, of which component schema, and what
the schema should say instead. So this walks value and schema together, following $refs (keeping the
pointer of the schema that defines each field), choosing the `oneOf`/`anyOf` branch the value meant, and
auditing every field the schema does not name, even where `additionalProperties` would allow it.
Keywords it does not walk (pattern, minimum, ...) are checked by jsonschema-rs (the mock's validator) on the node itself.
`format` is not checked: it is an annotation in OpenAPI 3.1, and the mock does not check it either.
Given a `Trace`, it also notes every node the value could have populated and whether it did
(`coverage`): what the run did not prove.
"""

import re
from dataclasses import dataclass, field
from typing import Any

import jsonschema_rs

from offcloud_drift.coverage import Trace
from offcloud_drift.patch import Edit, seen_note
from offcloud_drift.spec_view import SpecView
from offcloud_mock.spec import escape_pointer

__all__ = ["Problem", "SchemaWalker", "infer_schema"]

_MAX_ITEMS = 200  # array elements walked per array: enough to see a drift, bounded for huge lists
_CONSTRAINTS = (
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "multipleOf",
    "uniqueItems",
    "minProperties",
    "maxProperties",
)


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str
    where: str  # body.status.fileName, body.data[].port
    message: str
    edits: tuple[Edit, ...] = field(default=(), compare=False)
    detail: str = ""  # what distinguishes two problems at one place (the enum value, the keyword)


def infer_schema(value: Any, depth: int = 0) -> dict[str, Any]:
    """The plainest schema `value` satisfies, for a suggested change."""
    if value is None:
        return {"type": "null"}
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, int):
        return {"type": "integer"}
    if isinstance(value, float):
        return {"type": "number"}
    if isinstance(value, str):
        return {"type": "string"}
    if isinstance(value, list):
        return {"type": "array", "items": infer_schema(value[0], depth + 1) if value and depth < 8 else {}}
    if isinstance(value, dict):
        if depth >= 8:
            return {"type": "object"}
        return {
            "type": "object",
            "properties": {str(k): infer_schema(v, depth + 1) for k, v in value.items()},
        }
    return {}


def _type_ok(value: Any, expected: str) -> bool:
    if expected == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    return {
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "string": isinstance(value, str),
        "boolean": isinstance(value, bool),
        "object": isinstance(value, dict),
        "array": isinstance(value, list),
        "null": value is None,
    }.get(expected, True)


def _simplified(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


class SchemaWalker:
    def __init__(self, spec: SpecView) -> None:
        self.spec = spec
        self._validators: dict[str, jsonschema_rs.Draft202012Validator] = {}

    def _validator(self, node: Any, pointer: str) -> jsonschema_rs.Draft202012Validator:
        found = self._validators.get(pointer)
        if found is None:
            found = jsonschema_rs.Draft202012Validator(self.spec.inline(node))
            self._validators[pointer] = found
        return found

    def is_valid(self, value: Any, node: Any, pointer: str) -> bool:
        return bool(self._validator(node, pointer).is_valid(value))

    def walk(
        self, value: Any, node: Any, pointer: str, where: str, trace: Trace | None = None
    ) -> list[Problem]:
        """Every problem of `value` against the schema `node` found at `pointer`."""
        resolved, rpointer = self.spec.resolve(node, pointer)
        if not isinstance(resolved, dict) or not resolved:
            return []
        for combinator in ("oneOf", "anyOf"):
            if isinstance(resolved.get(combinator), list):
                base = f"{rpointer}/{combinator}"
                return self._branches(value, resolved[combinator], base, pointer, where, trace)
        types = resolved.get("type")
        if types is not None:
            allowed = [types] if isinstance(types, str) else list(types)
            if not any(_type_ok(value, t) for t in allowed):
                return [
                    Problem(
                        "type-mismatch",
                        where,
                        f"{where} is {type(value).__name__} {_short(value)}; the spec says {' or '.join(allowed)}",
                        (Edit("widen", pointer, value=infer_schema(value), seen=value),),
                    )
                ]
        if "enum" in resolved or "const" in resolved:
            listed = resolved["enum"] if "enum" in resolved else [resolved["const"]]
            if value not in listed:
                return [
                    Problem(
                        "enum-value",
                        where,
                        f"{where} is {_short(value)}, a value the spec does not list ({', '.join(map(str, listed))})",
                        (Edit("add-enum", rpointer, value=value, seen=value),),
                        detail=_short(value),
                    )
                ]
            if trace is not None and len(listed) > 1:
                for item in listed:
                    trace.offer(rpointer, "enum-value", where, item == value, detail=item)
        problems: list[Problem] = []
        if isinstance(value, dict):
            problems += self._object(value, resolved, rpointer, where, trace)
        elif isinstance(value, list) and isinstance(resolved.get("items"), dict):
            if trace is not None:
                trace.offer(f"{rpointer}/items", "items", f"{where}[]", bool(value))
            for item in value[:_MAX_ITEMS]:
                problems += self.walk(item, resolved["items"], f"{rpointer}/items", f"{where}[]", trace)
        problems += self._constraints(value, resolved, rpointer, where)
        return _unique(problems)

    def _branches(
        self, value: Any, branches: list[Any], base: str, pointer: str, where: str, trace: Trace | None
    ) -> list[Problem]:
        pointers = [f"{base}/{index}" for index in range(len(branches))]
        taken = next(
            (
                i
                for i, (b, p) in enumerate(zip(branches, pointers, strict=True))
                if self.is_valid(value, b, p)
            ),
            None,
        )
        if taken is None:
            scored = [(self._score(value, b), i) for i, b in enumerate(branches)]
            best_score, taken = max(scored, key=lambda pair: (pair[0], -pair[1]))
            if best_score < 0:
                return [
                    Problem(
                        "type-mismatch",
                        where,
                        f"{where} is {type(value).__name__} {_short(value)}, which no alternative of the spec allows",
                        (Edit("widen", pointer, value=infer_schema(value), seen=value),),
                    )
                ]
        if trace is not None:
            for index, branch in enumerate(branches):
                label = f"{where} ({_branch_label(branch)})"
                trace.offer(pointers[index], "branch", label, index == taken)
        # A valid branch is still audited: fields it does not name are drift too.
        return self.walk(value, branches[taken], pointers[taken], where, trace)

    def _score(self, value: Any, branch: Any) -> int:
        """How well `value` fits a branch it fails: below 0 when even its type is wrong."""
        resolved, _ = self.spec.resolve(branch, "")
        if not isinstance(resolved, dict):
            return -1
        types = resolved.get("type")
        if types is not None:
            allowed = [types] if isinstance(types, str) else list(types)
            if not any(_type_ok(value, t) for t in allowed):
                return -1
        if not isinstance(value, dict):
            return 0
        properties = resolved.get("properties") or {}
        required = resolved.get("required") or []
        known = sum(1 for key in value if key in properties)
        missing = sum(1 for key in required if key not in value)
        return 2 * known - missing

    def _object(
        self, value: dict[str, Any], schema: dict[str, Any], pointer: str, where: str, trace: Trace | None
    ) -> list[Problem]:
        properties: dict[str, Any] = schema.get("properties") or {}
        if trace is not None:
            for name in properties:
                present = value.get(name) is not None
                trace.offer(
                    f"{pointer}/properties/{escape_pointer(name)}", "property", f"{where}.{name}", present
                )
        missing = [name for name in schema.get("required") or [] if name not in value]
        unknown = [name for name in value if name not in properties]
        problems: list[Problem] = []
        for name in list(missing):
            partner = self._renamed_to(name, missing, unknown, value, properties, pointer)
            if partner is None:
                continue
            missing.remove(name)
            unknown.remove(partner)
            problems.append(
                Problem(
                    "renamed-field",
                    f"{where}.{name}",
                    f"{where}.{name} is missing and {where}.{partner} is there instead: renamed?",
                    (Edit("rename-property", pointer, name, other=partner, seen=value[partner]),),
                    detail=partner,
                )
            )
        for name in missing:
            problems.append(
                Problem(
                    "missing-field",
                    f"{where}.{name}",
                    f"{where}.{name} is required by the spec but missing",
                    (Edit("drop-required", pointer, name),),
                )
            )
        for name in unknown:
            problems.append(
                Problem(
                    "unknown-field",
                    f"{where}.{name}",
                    f"{where}.{name} is a field the spec does not name",
                    (
                        Edit(
                            "add-property",
                            pointer,
                            name,
                            value={**infer_schema(value[name]), "description": seen_note()},
                            seen=value[name],
                        ),
                    ),
                )
            )
        for name, item in value.items():
            if name in properties:
                problems += self.walk(
                    item,
                    properties[name],
                    f"{pointer}/properties/{escape_pointer(name)}",
                    f"{where}.{name}",
                    trace,
                )
        return problems

    def _renamed_to(
        self,
        name: str,
        missing: list[str],
        unknown: list[str],
        value: dict[str, Any],
        properties: dict[str, Any],
        pointer: str,
    ) -> str | None:
        """The unknown field that is `name` under a new name: same name but for case/punctuation, or the
        only unknown field when exactly one field is missing; its value must fit the old field's schema."""
        candidates = [u for u in unknown if _simplified(u) == _simplified(name)]
        if not candidates and len(missing) == 1 and len(unknown) == 1:
            candidates = list(unknown)
        schema_pointer = f"{pointer}/properties/{escape_pointer(name)}"
        for candidate in candidates:
            if name in properties and self.is_valid(value[candidate], properties[name], schema_pointer):
                return candidate
        return None

    def _constraints(self, value: Any, schema: dict[str, Any], pointer: str, where: str) -> list[Problem]:
        present = [keyword for keyword in _CONSTRAINTS if keyword in schema]
        if not present:
            return []
        only = {keyword: schema[keyword] for keyword in present}
        if "type" in schema:
            only["type"] = schema["type"]
        problems = []
        for error in jsonschema_rs.Draft202012Validator(only).iter_errors(value):
            keyword = str(error.schema_path[-1]) if error.schema_path else ""
            if keyword in present:
                problems.append(
                    Problem(
                        "constraint",
                        where,
                        f"{where} breaks `{keyword}: {schema[keyword]}`: {_short(value)}",
                        (Edit("remove-keyword", pointer, keyword),),
                        detail=keyword,
                    )
                )
        return problems


def _branch_label(branch: Any) -> str:
    """How a person recognises an alternative: the schema it names, else its type."""
    if isinstance(branch, dict):
        if isinstance(branch.get("$ref"), str):
            return str(branch["$ref"]).rsplit("/", 1)[-1]
        if branch.get("type") is not None:
            return str(branch["type"])
    return "an alternative"


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for problem in problems:
        key = (problem.kind, problem.where, problem.detail)
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return kept
