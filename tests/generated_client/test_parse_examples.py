"""Every response example in openapi.yaml parses, through the generated `_parse_response`, into the
type generated for the schema branch it belongs to (found with jsonschema, independently)."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import httpx
import jsonschema
import offcloud_client.models
import pytest
import referencing
import referencing.jsonschema
import yaml
from offcloud_client import Client
from openapi_python_client.strings import ClassName, PythonIdentifier

from generator import generate

SPEC: dict[str, Any] = yaml.safe_load(generate.SPEC.read_text(encoding="utf-8"))
SPEC_URI = "urn:offcloud-kit:openapi"
REGISTRY: referencing.Registry[Any] = referencing.Registry().with_resource(
    SPEC_URI,
    referencing.Resource.from_contents(SPEC, default_specification=referencing.jsonschema.DRAFT202012),
)
CONFIG: dict[str, Any] = yaml.safe_load(generate.CONFIG.read_text(encoding="utf-8"))
FIELD_PREFIX = "field_"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _node(pointer: str) -> Any:
    """The spec node at the JSON pointer `pointer` (`#/paths/~1api~1login/post`)."""
    node: Any = SPEC
    for token in pointer.removeprefix("#/").split("/"):
        key = token.replace("~1", "/").replace("~0", "~")
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


def _resolve(pointer: str) -> tuple[str, Any]:
    """Follow `$ref`s from the JSON pointer `pointer` in the spec; return the final pointer and node."""
    node = _node(pointer)
    if isinstance(node, dict) and "$ref" in node:
        return _resolve(node["$ref"])
    return pointer, node


INLINE_LABELS = {"string": "str", "array": "list", "integer": "int", "boolean": "bool", "object": "object"}


@dataclass(frozen=True)
class Branch:
    """One documented shape: where it is in the spec, and its component name if it has one."""

    pointer: str
    name: str | None

    @property
    def label(self) -> str:
        return self.name or INLINE_LABELS.get(str(_resolve(self.pointer)[1].get("type")), "inline")

    def matches(self, example: object) -> bool:
        schema = {"$ref": f"{SPEC_URI}{self.pointer}"}
        validator = jsonschema.Draft202012Validator(schema, registry=REGISTRY)
        return bool(validator.is_valid(example))


def _branches(schema_pointer: str) -> list[Branch]:
    _, schema = _resolve(schema_pointer)
    if "oneOf" in schema or "anyOf" in schema:
        keyword = "oneOf" if "oneOf" in schema else "anyOf"
        pointer, _ = _resolve(schema_pointer)
        return [_branch(f"{pointer}/{keyword}/{index}") for index in range(len(schema[keyword]))]
    return [_branch(schema_pointer)]


def _branch(pointer: str) -> Branch:
    node = _node(pointer)
    reference = node.get("$ref", "") if isinstance(node, dict) else ""
    name = reference.rsplit("/", 1)[-1] if reference.startswith("#/components/schemas/") else None
    return Branch(pointer, name)


@dataclass(frozen=True)
class Example:
    operation_id: str
    tag: str
    status: str
    media_type: str
    example_name: str | None
    value: Any
    branch: Branch
    primary: bool  # the status's first media type, the only one the generated client reads

    @property
    def module(self) -> ModuleType:
        operation = PythonIdentifier(self.operation_id, FIELD_PREFIX)
        tag = PythonIdentifier(self.tag, "tag")  # the prefix upstream's parser uses for tags
        return importlib.import_module(f"offcloud_client.api.{tag}.{operation}")

    @property
    def id(self) -> str:
        parts = [PythonIdentifier(self.operation_id, FIELD_PREFIX), self.status, self.branch.label]
        return "-".join([*parts, *([self.example_name] if self.example_name else [])])


def _examples_of(media_pointer: str, media: dict[str, Any]) -> Iterator[tuple[str | None, Any]]:
    if "example" in media:
        yield None, media["example"]
    for name in media.get("examples", {}):
        _, resolved = _resolve(f"{media_pointer}/examples/{_escape(name)}")
        if "value" in resolved:
            yield name, resolved["value"]


def _collect() -> list[Example]:
    found = []
    for path, item in SPEC["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            base = f"#/paths/{_escape(path)}/{method}"
            for status in operation.get("responses", {}):
                response_pointer, response = _resolve(f"{base}/responses/{status}")
                for position, (media_type, media) in enumerate(response.get("content", {}).items()):
                    media_pointer = f"{response_pointer}/content/{_escape(media_type)}"
                    branches = _branches(f"{media_pointer}/schema")
                    for example_name, value in _examples_of(media_pointer, media):
                        matching = [branch for branch in branches if branch.matches(value)]
                        where = (
                            f"{operation['operationId']} {status} {media_type} {example_name or 'example'}"
                        )
                        assert len(matching) == 1, (
                            f"{where}: matches {len(matching)} branches, not exactly one"
                        )
                        found.append(
                            Example(
                                operation["operationId"],
                                operation["tags"][0],
                                str(status),
                                media_type,
                                example_name,
                                value,
                                matching[0],
                                position == 0,
                            )
                        )
    return found


EXAMPLES = _collect()


def _model_class(schema_name: str) -> type:
    override = (CONFIG.get("class_overrides") or {}).get(schema_name) or {}
    class_name = ClassName(override.get("class_name") or schema_name, FIELD_PREFIX)
    model = getattr(offcloud_client.models, class_name, None)
    assert isinstance(model, type), (
        f"offcloud_client.models has no class {class_name} for schema {schema_name}"
    )
    return model


def _assert_parsed_as(parsed: object, pointer: str, name: str | None, value: object) -> None:
    """`parsed` is what the generator makes of the schema at `pointer` (component `name`, if any)."""
    _, schema = _resolve(pointer)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        assert name is not None, f"{pointer}: an inline object schema; give it a component name"
        assert isinstance(parsed, _model_class(name)), f"{parsed!r} is not a {name}"
        # Keys the schema does not declare end up here: a misspelt example or property.
        assert not getattr(parsed, "additional_properties", {}), f"undeclared keys in {name}: {parsed!r}"
    elif kind == "array":
        assert isinstance(parsed, list)
        assert isinstance(value, list)
        item_pointer = f"{_resolve(pointer)[0]}/items"
        item_branch = _branch(item_pointer)
        for parsed_item, item in zip(parsed, value, strict=True):
            _assert_parsed_as(parsed_item, item_pointer, item_branch.name, item)
    elif kind == "string":
        assert isinstance(parsed, str)
    elif kind == "integer":
        assert isinstance(parsed, int)
    elif kind == "boolean":
        assert isinstance(parsed, bool)
    else:
        raise AssertionError(f"{pointer}: no rule for a schema of type {kind!r}")


def test_the_spec_has_response_examples() -> None:
    operations = {example.operation_id for example in EXAMPLES}
    assert len(operations) >= 15, sorted(operations)


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.id for example in EXAMPLES])
def test_example_parses_into_its_branch_type(example: Example) -> None:
    if example.media_type == "application/json":
        response = httpx.Response(int(example.status), json=example.value)
    else:
        response = httpx.Response(
            int(example.status), text=example.value, headers={"Content-Type": example.media_type}
        )
    client = Client(base_url="https://offcloud.test", raise_on_unexpected_status=True)

    parsed = example.module._parse_response(client=client, response=response)

    if not example.primary:
        # openapi-python-client reads one media type per status (listCloudDownloadLinks: text/plain,
        # beside its legacy JSON error); the body comes back as text, and offcloud_kit's classifier
        # raises the error it holds (tests/client/test_errors.py).
        assert parsed == response.text
        return
    _assert_parsed_as(parsed, example.branch.pointer, example.branch.name, example.value)
