"""Hypothesis strategies for the bodies a JSON Schema (of openapi.yaml, $refs resolved) admits.

Uses the JSON-Schema-to-hypothesis engine schemathesis 4 bundles (the one its own data generation runs
on, with its `format` strategies: uri, date-time, email...), so generated answers look like the requests
schemathesis makes. It is internal to schemathesis: this module is the one place that imports it.
"""

import functools
import json
from typing import Any

import jsonschema_rs
from hypothesis import strategies as st

__all__ = ["body_strategy", "is_valid", "matching_branches", "without_string_rules"]


@functools.lru_cache(maxsize=256)
def _strategy(schema_json: str) -> st.SearchStrategy[Any]:
    from schemathesis.generation.jsonschema.builder import build
    from schemathesis.specs.openapi.formats import get_default_format_strategies

    return build(
        json.loads(schema_json), draft=jsonschema_rs.Draft202012, formats=get_default_format_strategies()
    )


def body_strategy(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values valid against `schema` (which must be free of $refs)."""
    return _strategy(json.dumps(schema, sort_keys=True))


@functools.lru_cache(maxsize=256)
def _validator(schema_json: str) -> Any:
    return jsonschema_rs.validator_for(json.loads(schema_json), validate_formats=True)


def is_valid(schema: dict[str, Any], instance: object) -> bool:
    return bool(_validator(json.dumps(schema, sort_keys=True)).is_valid(instance))


def without_string_rules(schema: Any) -> Any:
    """`schema` without `pattern` and `format`: what the generated client checks (it checks types,
    required fields, enums, consts and bounds, but no patterns or formats; generator/README.md)."""
    if isinstance(schema, dict):
        return {k: without_string_rules(v) for k, v in schema.items() if k not in ("pattern", "format")}
    if isinstance(schema, list):
        return [without_string_rules(item) for item in schema]
    return schema


def matching_branches(schema: dict[str, Any], instance: object) -> list[int]:
    """Indexes of the `oneOf` branches `instance` is valid against ([0] for a schema without oneOf)."""
    branches = schema.get("oneOf")
    if not branches:
        return [0] if is_valid(schema, instance) else []
    return [index for index, branch in enumerate(branches) if is_valid(branch, instance)]
