"""Request and response validation against openapi.yaml, compiled once when the app starts.

Requests: every operation's path parameters, query parameters and request body (per media type) get a
compiled jsonschema-rs validator. A valid request costs one `is_valid` call per part (a query parameter
the request leaves out costs nothing, and an operation that declares none has no query rule at all);
only an invalid one pays for collecting errors and wording the answer. Query values arrive as text: one
declared as a number or a boolean is read as one first, so that `?page=2` is the integer 2; the query's
other names (the API key's `key`) are not the operation's parameters and are left alone. Where the spec documents the server's own wording for a failed
parameter (`x-offcloud-invalid` on the parameter's or the body's schema: the answer's body, e.g.
`{"error": "Incorrect url"}`), that body answers; else the message is worded the way the 2026 server
words it: `Missing required parameter: url`, or `Invalid parameter 'url': "ftp://x" does not match "..."`.
A body's own `x-offcloud-invalid` (at the root of its schema) also answers a body that cannot be read as
parameters at all (not JSON, or not an object).

Responses (only when switched on): one validator per operation, status and media type. A `oneOf` is
checked as a whole; when it fails, the branch the body was meant to be (an error body, an add-on refusal
or the success shape) explains why, instead of jsonschema's "not valid under any of the schemas".
"""

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import jsonschema_rs
from werkzeug.datastructures import MultiDict

from offcloud_mock.backend.errors import BadRequest, DocumentedRefusal, DomainError
from offcloud_mock.backend.secret_fields import is_secret
from offcloud_mock.eras import DEFAULT_ERA, Era
from offcloud_mock.http.bodies import BodyKind
from offcloud_mock.spec import Operation, operations, schema_in_era

__all__ = [
    "RequestValidator",
    "ResponseValidator",
    "compile_schema",
    "request_validators",
    "response_validator",
]

_FORM = "application/x-www-form-urlencoded"
_JSON = "application/json"
_MAX_SHOWN = 80  # characters of a bad value quoted back in a message
_WORDING = "x-offcloud-invalid"  # the spec's extension: the answer to a failed parameter
_ROOT = ""  # the wording of a body as a whole, in `Wordings`

# Where the spec words a failure itself: parameter name (or _ROOT) -> the answer's body.
Wordings = dict[str, dict[str, object]]


def compile_schema(schema: Mapping[str, Any]) -> jsonschema_rs.Validator:
    # Unknown formats (e.g. "password") are annotations only; known ones (uri, email, date-time) are checked.
    return jsonschema_rs.validator_for(dict(schema), validate_formats=True, ignore_unknown_formats=True)


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def _field_name(path: list[str | int]) -> str:
    head, *rest = path
    return str(head) + "".join(f"[{part}]" for part in rest)


def _reason(error: jsonschema_rs.ValidationError, *, secret: bool = False) -> str:
    """The error's message with the (possibly huge) offending value shortened, or left out if secret."""
    message: str = error.message
    shown = json.dumps(error.instance, ensure_ascii=False, separators=(",", ":"), default=str)
    if message.startswith(shown):
        return f"{'the value' if secret else _short(error.instance)}{message[len(shown) :]}"
    if secret:  # a message of another shape might quote the value anywhere: say only which rule failed
        return f"the value does not satisfy the spec's '{error.kind.__class__.__name__.lower()}' rule"
    return message if len(message) <= 300 else message[:299] + "…"


def _describe(error: jsonschema_rs.ValidationError, *, response: bool) -> str:
    path = list(error.instance_path)
    if isinstance(error.kind, jsonschema_rs.ValidationErrorKind.Required) and not path:
        name = error.kind.property
        return f"missing required field '{name}'" if response else f"Missing required parameter: {name}"
    if not path:
        # The whole body is the value here: quoted only when it holds no secret field.
        instance = error.instance
        secret = isinstance(instance, dict) and any(is_secret(name) for name in instance)
        return (
            _reason(error, secret=secret)
            if response
            else f"Invalid request body: {_reason(error, secret=secret)}"
        )
    reason = _reason(error, secret=any(is_secret(part) for part in path))
    return f"{'field' if response else 'Invalid parameter'} '{_field_name(path)}': {reason}"


def _errors(validator: jsonschema_rs.Validator, instance: object) -> list[jsonschema_rs.ValidationError]:
    errors = list(validator.iter_errors(instance))
    # A missing field is reported before a malformed one, as the 2026 server does.
    errors.sort(key=lambda e: not isinstance(e.kind, jsonschema_rs.ValidationErrorKind.Required))
    return errors


def _first_error(validator: jsonschema_rs.Validator, instance: object, *, response: bool = False) -> str:
    errors = _errors(validator, instance)
    if not errors:  # is_valid and iter_errors disagree: cannot happen, but never crash on it
        return "invalid"
    return _describe(errors[0], response=response)


def _wordings(schema: Mapping[str, Any]) -> Wordings:
    """The spec's own answers to a failed body (`_ROOT`) or to each failed top-level field."""
    found: Wordings = {}
    if _WORDING in schema:
        found[_ROOT] = dict(schema[_WORDING])
    for name, prop in (schema.get("properties") or {}).items():
        if isinstance(prop, Mapping) and _WORDING in prop:
            found[name] = dict(prop[_WORDING])
    return found


def _refusal(wordings: Wordings, error: jsonschema_rs.ValidationError) -> DocumentedRefusal | None:
    """The spec's answer to this failure, if it words one: the failed field's, else the body's.

    A missing field is the body's failure (the field has no value to be wrong), so only a body's own
    wording answers it; without one, `Missing required parameter: <name>` does.
    """
    path = list(error.instance_path)
    body = wordings.get(str(path[0])) if path else None
    body = body if body is not None else wordings.get(_ROOT)
    return DocumentedRefusal(body) if body is not None else None


def _array_fields(schemas: Mapping[str, Mapping[str, Any]]) -> frozenset[str]:
    return frozenset(
        name
        for schema in schemas.values()
        for name, prop in (schema.get("properties") or {}).items()
        if prop.get("type") == "array"
    )


_INTEGER = re.compile(r"-?[0-9]+")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_BOOLEANS = {"true": True, "false": False}


def _typed(schema: Mapping[str, Any], text: str) -> object:
    """A query value read as its schema's type says, if it reads as one; else the text, which the
    schema then refuses in words (`"abc" is not of type "integer"`)."""
    kind = schema.get("type")
    if kind == "integer" and _INTEGER.fullmatch(text):
        return int(text)
    if kind == "number" and _NUMBER.fullmatch(text):
        return float(text)
    if kind == "boolean" and text in _BOOLEANS:
        return _BOOLEANS[text]
    return text


@dataclass(frozen=True, slots=True)
class QueryRule:
    """One declared query parameter: its compiled schema, whether it is required, how its text reads."""

    schema: Mapping[str, Any]
    validator: jsonschema_rs.Validator
    required: bool
    wording: dict[str, object] | None  # the spec's own answer when it fails (`x-offcloud-invalid`)

    def value(self, query: "MultiDict[str, str]", name: str) -> object:
        if self.schema.get("type") == "array":
            items = self.schema.get("items") or {}
            return [_typed(items, text) for text in query.getlist(name)]
        return _typed(self.schema, query[name])


@dataclass(frozen=True, slots=True)
class RequestValidator:
    """The compiled request rules of one operation."""

    operation: Operation
    array_fields: frozenset[str]
    path_validators: dict[str, jsonschema_rs.Validator]
    body_validators: dict[BodyKind, jsonschema_rs.Validator]
    query_rules: dict[str, QueryRule] = field(default_factory=dict)  # empty: the operation has none
    # Read only when a request fails: the spec's own answers (path parameters, then each body kind).
    path_wordings: Wordings = field(default_factory=dict)
    body_wordings: dict[BodyKind, Wordings] = field(default_factory=dict)

    @classmethod
    def build(cls, operation: Operation, era: Era = DEFAULT_ERA) -> "RequestValidator":
        schemas = {media: schema_in_era(schema, era) for media, schema in operation.body_schemas.items()}
        body: dict[BodyKind, jsonschema_rs.Validator] = {}
        wordings: dict[BodyKind, Wordings] = {}
        # Multipart and sniffed bodies carry form fields, so they follow the form schema.
        media_of_kind: tuple[tuple[BodyKind, str], ...] = (("form", _FORM), ("json", _JSON))
        for kind, media in media_of_kind:
            schema = schemas.get(media) or next(iter(schemas.values()), None)
            if schema is not None:
                body[kind] = compile_schema(schema)
                wordings[kind] = _wordings(schema)
        path_params = operation.path_params
        return cls(
            operation=operation,
            array_fields=_array_fields(schemas),
            path_validators={name: compile_schema(s) for name, s in path_params.items()},
            body_validators=body,
            path_wordings={name: dict(s[_WORDING]) for name, s in path_params.items() if _WORDING in s},
            body_wordings=wordings,
            query_rules={
                name: QueryRule(
                    schema,
                    compile_schema(schema),
                    required,
                    dict(schema[_WORDING]) if _WORDING in schema else None,
                )
                for name, (schema, required) in operation.query_params.items()
            },
        )

    def validate(
        self,
        path_args: Mapping[str, object],
        kind: BodyKind,
        body: dict[str, object],
        query: "MultiDict[str, str] | None" = None,
    ) -> None:
        """Raise BadRequest naming the first bad parameter (path, then query, then body), or the answer
        the spec words for it (a `DocumentedRefusal`); unknown body fields and query names are ignored."""
        for name, validator in self.path_validators.items():
            value = path_args.get(name)
            if not validator.is_valid(value):
                if name in self.path_wordings:
                    raise DocumentedRefusal(self.path_wordings[name])
                errors = list(validator.iter_errors(value))
                reason = _reason(errors[0], secret=is_secret(name)) if errors else "invalid"
                raise BadRequest(f"Invalid parameter '{name}': {reason}")
        if self.query_rules:
            self._validate_query(query if query is not None else MultiDict())
        body_validator = self.body_validators.get(kind)
        if body_validator is not None and not body_validator.is_valid(body):
            errors = _errors(body_validator, body)
            refusal = _refusal(self.body_wordings.get(kind, {}), errors[0]) if errors else None
            if refusal is not None:
                raise refusal
            raise BadRequest(_describe(errors[0], response=False) if errors else "invalid")

    def _validate_query(self, query: "MultiDict[str, str]") -> None:
        for name, rule in self.query_rules.items():
            if name not in query:
                if rule.required:
                    raise BadRequest(f"Missing required parameter: {name}")
                continue
            value = rule.value(query, name)
            if rule.validator.is_valid(value):
                continue
            if rule.wording is not None:
                raise DocumentedRefusal(rule.wording)
            errors = list(rule.validator.iter_errors(value))
            reason = _reason(errors[0], secret=is_secret(name)) if errors else "invalid"
            raise BadRequest(f"Invalid parameter '{name}': {reason}")

    def unreadable(self, error: DomainError) -> DomainError:
        """What answers a body that could not be read (`error`): the body's own wording, if the spec
        gives one for the kind of body the operation takes, else `error` itself."""
        for wordings in self.body_wordings.values():
            if _ROOT in wordings:
                return DocumentedRefusal(wordings[_ROOT])
        return error


@dataclass(frozen=True, slots=True)
class _ResponseRule:
    whole: jsonschema_rs.Validator
    branches: tuple[tuple[frozenset[str], jsonschema_rs.Validator], ...] = ()  # (required keys, validator)

    def explain(self, instance: object) -> str | None:
        if self.whole.is_valid(instance):
            return None
        validator = self.whole
        if self.branches:
            keys = set(instance) if isinstance(instance, dict) else set()
            # The branch whose required fields the body has most of is the one it was meant to be.
            validator = max(self.branches, key=lambda branch: len(branch[0] & keys))[1]
            if validator.is_valid(instance):  # valid for a branch, so it matched several: say so
                validator = self.whole
        return _first_error(validator, instance, response=True)


def _rule(schema: Mapping[str, Any]) -> _ResponseRule:
    branches = tuple(
        (frozenset(branch.get("required", ())), compile_schema(branch)) for branch in schema.get("oneOf", ())
    )
    return _ResponseRule(compile_schema(schema), branches)


@dataclass(slots=True)
class ResponseValidator:
    """Every operation's documented answers; `problem()` says how an answer strays from them."""

    rules: dict[str, dict[str, dict[str, _ResponseRule]]] = field(default_factory=dict)

    @classmethod
    def build(cls, operations: tuple[Operation, ...]) -> "ResponseValidator":
        return cls(
            {
                op.operation_id: {
                    status: {media: _rule(schema) for media, schema in content.items()}
                    for status, content in op.responses.items()
                }
                for op in operations
            }
        )

    def problem(self, operation_id: str, status: int, mimetype: str, body: bytes) -> str | None:
        """None when the answer is one the spec documents, else the reason it is not."""
        responses = self.rules[operation_id]
        content = responses.get(str(status), responses.get(f"{status // 100}XX", responses.get("default")))
        if content is None:
            return f"status {status} is not documented (documented: {', '.join(sorted(responses))})"
        if not content:
            return None if not body else "a body where none is documented"
        rule = content.get(mimetype)
        if rule is None:
            return f"content type {mimetype or 'none'!r} is not documented (documented: {', '.join(content)})"
        try:
            instance: object = json.loads(body) if mimetype == _JSON else body.decode("utf-8")
        except ValueError as error:
            return f"the body is not valid {mimetype}: {error}"
        return rule.explain(instance)


@functools.cache
def request_validators(era: Era = DEFAULT_ERA) -> dict[str, RequestValidator]:
    """Every operation's request rules as `era` takes them, compiled once per process and era."""
    return {op.operation_id: RequestValidator.build(op, era) for op in operations()}


@functools.cache
def response_validator() -> ResponseValidator:
    """Every operation's response rules, compiled once per process, on first use."""
    return ResponseValidator.build(operations())
