"""Turn a valid answer body into one outside the spec: a required field removed, an enum field given a
value outside its enum. Paths are tuples of keys into nested objects."""

import copy
from collections.abc import Iterator
from typing import Any

__all__ = ["Path", "enum_paths", "required_paths", "with_value", "without"]

Path = tuple[str, ...]


def _walk(
    schema: dict[str, Any], instance: object, prefix: Path
) -> Iterator[tuple[Path, dict[str, Any], object]]:
    if not isinstance(instance, dict) or schema.get("type") != "object":
        return
    for name, sub in schema.get("properties", {}).items():
        if name in instance:
            yield (*prefix, name), sub, instance[name]
            yield from _walk(sub, instance[name], (*prefix, name))


def required_paths(schema: dict[str, Any], instance: object) -> list[Path]:
    """Every required field present in `instance` (nested objects included)."""
    found: list[Path] = []
    if isinstance(instance, dict) and schema.get("type") == "object":
        found += [(name,) for name in schema.get("required", []) if name in instance]
    for path, sub, value in _walk(schema, instance, ()):
        if isinstance(value, dict) and sub.get("type") == "object":
            found += [(*path, name) for name in sub.get("required", []) if name in value]
    return found


def enum_paths(schema: dict[str, Any], instance: object) -> list[tuple[Path, tuple[object, ...]]]:
    """Every field of `instance` whose schema is an enum (or a const), with the values it allows."""
    found: list[tuple[Path, tuple[object, ...]]] = []
    for path, sub, _ in _walk(schema, instance, ()):
        if "enum" in sub:
            found.append((path, tuple(sub["enum"])))
        elif "const" in sub:
            found.append((path, (sub["const"],)))
    return found


def without(instance: dict[str, Any], path: Path) -> dict[str, Any]:
    changed = copy.deepcopy(instance)
    holder = changed
    for key in path[:-1]:
        holder = holder[key]
    del holder[path[-1]]
    return changed


def with_value(instance: dict[str, Any], path: Path, value: object) -> dict[str, Any]:
    changed = copy.deepcopy(instance)
    holder = changed
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    return changed
