"""Say which field of an answer breaks the contract, and where, in words a person can act on.

jsonschema reports a body that matches no branch of a `oneOf` as "not valid under any of the schemas";
this module finds the branch the body was meant to be (the one it misses by the fewest errors) and
names the fields: `addCloudDownload 200 (closest: CloudDownload): /status: 'queued' is not one of ...`.
"""

import functools
import json
from typing import Any

import jsonschema_rs

from offcloud_contract.support.spec.openapi_document import dereferenced, inline_refs, load_raw, operations_in

__all__ = ["Diagnosis", "diagnose_body", "field_errors"]


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def field_errors(schema: dict[str, Any], instance: object) -> list[str]:
    """`/path: message` for every error of `instance` against a $ref-free `schema`, sorted."""
    validator = jsonschema_rs.validator_for(schema, validate_formats=True)
    errors = [
        f"/{'/'.join(str(part) for part in error.instance_path)}: {error.message}"
        for error in validator.iter_errors(instance)
    ]
    return sorted(errors)


class Diagnosis:
    def __init__(self, label: str, closest: str | None, errors: list[str]) -> None:
        self.label = label  # "addCloudDownload 200"
        self.closest = closest  # the oneOf branch the body is nearest to, by component name
        self.errors = errors

    @property
    def ok(self) -> bool:
        return not self.errors

    def __str__(self) -> str:
        if self.ok:
            return f"{self.label}: conforms"
        where = f" (closest shape: {self.closest})" if self.closest else ""
        return f"{self.label}{where}: " + "; ".join(self.errors)


@functools.lru_cache(maxsize=8)
def _dereferenced(raw_json: str) -> dict[str, Any]:
    return inline_refs(json.loads(raw_json))


def diagnose_body(
    operation_id: str,
    status: int,
    body: bytes | str,
    media_type: str = "application/json",
    raw_spec: dict[str, Any] | None = None,
) -> Diagnosis:
    """How `body` (an answer of `operation_id` with `status`) departs from the spec (openapi.yaml, or the
    document `raw_spec`); `.ok` if it does not."""
    label = f"{operation_id} {status}"
    raw = raw_spec if raw_spec is not None else load_raw()
    spec = dereferenced() if raw_spec is None else _dereferenced(json.dumps(raw_spec, sort_keys=True))
    operation = next((op for op in operations_in(spec) if op.operation_id == operation_id), None)
    if operation is None:
        return Diagnosis(label, None, [f"no operation {operation_id!r} in the spec"])
    schema = operation.response_schema(str(status), media_type)
    if schema is None:
        return Diagnosis(label, None, [f"status {status} with {media_type} is not documented"])
    if media_type != "application/json":
        return Diagnosis(label, None, [])
    try:
        instance = json.loads(body)
    except ValueError as error:
        return Diagnosis(label, None, [f"/: not JSON ({error})"])
    branches = schema.get("oneOf")
    if not branches:
        return Diagnosis(label, None, field_errors(schema, instance))
    if not field_errors(schema, instance):
        return Diagnosis(label, None, [])
    raw_operation = raw["paths"][operation.path][operation.method.lower()]
    raw_response = raw_operation["responses"][str(status)]
    if "$ref" in raw_response:
        raw_response = raw["components"]["responses"][raw_response["$ref"].rsplit("/", 1)[-1]]
    raw_branches = raw_response["content"][media_type]["schema"].get("oneOf", [])
    scored = []
    for index, branch in enumerate(branches):
        name = _ref_name(raw_branches[index]) if index < len(raw_branches) else None
        errors = field_errors(branch, instance)
        # The shape meant is the one whose own fields are there; among those, the one with fewest errors.
        absent = [
            key for key in branch.get("required", []) if not isinstance(instance, dict) or key not in instance
        ]
        shape_mismatch = (
            len(absent) if branch.get("type") == "object" else int(not isinstance(instance, list))
        )
        scored.append((shape_mismatch, len(errors), index, name or f"branch {index}", errors))
    matching = [entry for entry in scored if entry[1] == 0]
    if len(matching) > 1:
        names = ", ".join(entry[3] for entry in matching)
        return Diagnosis(label, None, [f"/: matches more than one branch of oneOf ({names})"])
    _, _, _, name, errors = min(scored)
    return Diagnosis(label, name, errors)
