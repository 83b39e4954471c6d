"""The spec's own extensions are well formed: a typo in one fails here instead of being ignored.

* `x-offcloud-request` beside every response example: the request that produces it (run by the contract
  suite's test_examples.py); its shape, and that what it names exists (setups, parameters, bodies, eras).
* `components/x-offcloud-example-setups`: the preconditions examples share by name.
* `x-offcloud-invalid` on a request schema or field: the answer the server gives when it fails, which
  must be an answer the operation documents.
* No other `x-` key, and each only where it means something (a misspelt name would be ignored).
"""

import re
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from tests.spec.test_spec import METHODS, SPEC, operations, resolve, validator_at

REQUEST = "x-offcloud-request"
SETUPS: dict[str, list[dict[str, Any]]] = SPEC["components"].get("x-offcloud-example-setups", {})
ERAS = ["legacy", "2026"]
REQUEST_ID = {"type": "string", "pattern": "^[0-9a-f]{24}$"}
_STRINGS = {"type": "object", "additionalProperties": {"type": "string"}}

# One step of a precondition: add a download, move the clock, or play the device login.
STEP_SCHEMA: dict[str, Any] = {
    "oneOf": [
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["add", "url"],
            "properties": {
                "add": {"enum": ["cloud", "instant", "remote"]},
                "url": {"type": "string", "minLength": 1},
                "id": REQUEST_ID,
                "remoteOptionId": {"type": "string"},
                "proxyId": {"type": "string"},
                "auth": {"enum": ["key", "free"]},
            },
        },
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["advance"],
            "properties": {"advance": {"type": "number", "exclusiveMinimum": 0}},
        },
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["deviceCode", "userCode"],
            "properties": {"deviceCode": {"type": "string"}, "userCode": {"type": "string"}},
        },
        *(
            {
                "type": "object",
                "additionalProperties": False,
                "required": [name],
                "properties": {name: {"type": "string"}},
            }
            for name in ("approve", "deny", "poll")
        ),
    ]
}
REQUEST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "operation": {"type": "string"},
        "eras": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": ERAS}},
        "scenario": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"single_file_explore": {"enum": ["plain_list", "bad_archive", "lists"]}},
        },
        "mock": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"string_numbers": {"type": "boolean"}},
        },
        "given": {"type": "array", "minItems": 1, "items": {"oneOf": [{"type": "string"}, STEP_SCHEMA]}},
        "auth": {"enum": ["key", "free", "session", "bearer", "none"]},
        "path": _STRINGS,
        "query": _STRINGS,
        "form": {"oneOf": [{"const": "example"}, {"type": "object"}]},
        "json": {"oneOf": [{"const": "example"}, {"type": ["object", "array"]}]},
        "multipart": {"oneOf": [{"const": "example"}, _STRINGS]},
    },
    "not": {
        "anyOf": [
            {"required": ["form", "json"]},
            {"required": ["form", "multipart"]},
            {"required": ["json", "multipart"]},
        ]
    },
}
SETUPS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": {"type": "array", "minItems": 1, "items": STEP_SCHEMA},
}
MEDIA_OF_BODY = {
    "form": "application/x-www-form-urlencoded",
    "json": "application/json",
    "multipart": "multipart/form-data",
}
AUTH_SCHEME = {"key": "apiKey", "free": "apiKey", "bearer": "bearer", "session": "session"}


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def response_examples() -> Iterator[tuple[str, dict[str, Any] | None, str, dict[str, Any]]]:
    """(pointer, the operation or None for a shared response, the shared response's name, example)."""
    for method, path, operation in operations():
        for status, response in operation["responses"].items():
            if "$ref" in response:
                continue
            for media, content in response.get("content", {}).items():
                for name, example in content.get("examples", {}).items():
                    pointer = f"/paths/{_escape(path)}/{method}/responses/{status}/content/{_escape(media)}"
                    yield f"{pointer}/examples/{name}", operation, "", example
    for component, response in SPEC["components"]["responses"].items():
        for media, content in response["content"].items():
            for name, example in content.get("examples", {}).items():
                pointer = f"/components/responses/{component}/content/{_escape(media)}/examples/{name}"
                yield pointer, None, component, example


EXAMPLES = list(response_examples())
BY_ID = {operation["operationId"]: (method, path, operation) for method, path, operation in operations()}


def test_every_answer_s_example_is_named_so_that_it_can_carry_its_request() -> None:
    """A single `example:` has no room for x-offcloud-request: responses use named examples only."""
    single = [
        f"{operation['operationId']} {status} {media}"
        for _, _, operation in operations()
        for status, response in operation["responses"].items()
        for media, content in resolve(response).get("content", {}).items()
        if "example" in content
    ]
    single += [
        name
        for name, response in SPEC["components"]["responses"].items()
        if "example" in response["content"]["application/json"]
    ]
    assert not single, single


@pytest.mark.parametrize(
    ("pointer", "operation", "component", "example"), EXAMPLES, ids=[e[0] for e in EXAMPLES]
)
def test_the_example_names_its_request(
    pointer: str, operation: dict[str, Any] | None, component: str, example: dict[str, Any]
) -> None:
    assert set(example) <= {"summary", "description", "value", REQUEST}, f"{pointer}: {sorted(example)}"
    request = example.get(REQUEST)
    assert request is not None, f"{pointer}: no {REQUEST}; the contract suite could not produce it"
    jsonschema.validate(request, REQUEST_SCHEMA)
    if operation is None:
        assert "operation" in request, f"{pointer}: a shared response's example names its operation"
        _, path, operation = BY_ID[request["operation"]]
        refs = [response.get("$ref") for response in operation["responses"].values()]
        assert f"#/components/responses/{component}" in refs, (
            f"{request['operation']} does not answer {component}"
        )
    else:
        assert "operation" not in request, f"{pointer}: the example's operation is the one it is written in"
        path = BY_ID[operation["operationId"]][1]
    assert set(request.get("eras", [])) <= set(operation["x-offcloud-eras"]), f"{pointer}: eras"
    _check_parameters(pointer, path, operation, request)
    _check_auth(pointer, operation, request)
    _check_steps(pointer, request.get("given", []))


def _check_parameters(pointer: str, path: str, operation: dict[str, Any], request: dict[str, Any]) -> None:
    parameters = [resolve(parameter) for parameter in operation.get("parameters", [])]
    in_path = {p["name"] for p in parameters if p["in"] == "path"}
    in_query = {p["name"] for p in parameters if p["in"] == "query"}
    assert set(request.get("path", {})) == in_path, f"{pointer}: path parameters of {path}"
    assert set(request.get("query", {})) <= in_query, f"{pointer}: query parameters"
    content = operation.get("requestBody", {}).get("content", {})
    for kind, media in MEDIA_OF_BODY.items():
        if kind in request:
            assert media in content, f"{pointer}: {operation['operationId']} takes no {media} body"
            if request[kind] == "example":
                assert "example" in content[media], f"{pointer}: no request example of {media}"


def _check_auth(pointer: str, operation: dict[str, Any], request: dict[str, Any]) -> None:
    auth = request.get("auth", "key")
    security = operation.get("security", SPEC["security"])
    if auth != "none":
        schemes = {name for requirement in security for name in requirement}
        assert AUTH_SCHEME[auth] in schemes, f"{pointer}: {auth!r} is not a way to call this operation"


def _check_steps(pointer: str, given: list[Any]) -> None:
    codes: set[str] = set()
    for item in given:
        steps = SETUPS.get(item) if isinstance(item, str) else [item]
        assert steps is not None, (
            f"{pointer}: no setup named {item!r} in components/x-offcloud-example-setups"
        )
        for step in steps:
            if "userCode" in step:
                codes |= {step["deviceCode"], step["userCode"]}
            for name in ("approve", "deny", "poll"):
                if name in step:
                    assert step[name] in codes, f"{pointer}: {name} of a code no earlier step gave"


def test_the_shared_setups_are_well_formed_and_used() -> None:
    jsonschema.validate(SETUPS, SETUPS_SCHEMA)
    used = {
        item
        for *_, example in EXAMPLES
        for item in example.get(REQUEST, {}).get("given", [])
        if isinstance(item, str)
    }
    assert set(SETUPS) == used, f"setups no example uses: {sorted(set(SETUPS) - used)}"


def test_a_typo_in_a_request_fails() -> None:
    """The checks above are not vacuous: a misspelt key, step or value is refused."""
    wrong: Any
    for wrong in (
        {"giv": ["bunnyInCloud"]},
        {"given": [{"add": "cloud", "url": "x", "idd": "5f1b2c3d4e5f60718293a4b7"}]},
        {"given": [{"advance": "5 s"}]},
        {"auth": "demo"},
        {"eras": ["modern"]},
        {"scenario": {"single_file_explore": "list"}},
        {"form": {}, "json": {}},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(wrong, REQUEST_SCHEMA)
    with pytest.raises(AssertionError, match="no setup named"):
        _check_steps("here", ["bunnyInCloudd"])


def _wordings(schema: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    if "x-offcloud-invalid" in schema:
        yield "the body", schema["x-offcloud-invalid"]
    for name, prop in schema.get("properties", {}).items():
        prop = resolve(prop)
        if "x-offcloud-invalid" in prop:
            yield name, prop["x-offcloud-invalid"]


WORDED = [
    (operation["operationId"], media, field, wording)
    for _, _, operation in operations()
    for media, content in operation.get("requestBody", {}).get("content", {}).items()
    for field, wording in _wordings(resolve(content["schema"]))
]


def test_some_failures_have_the_server_s_own_wording() -> None:
    worded = {(operation_id, field) for operation_id, _, field, _ in WORDED}
    assert {("addCloudDownload", "url"), ("addInstantDownload", "url"), ("login", "username")} <= worded


@pytest.mark.parametrize(
    ("operation_id", "media", "field", "wording"), WORDED, ids=[f"{w[0]}-{w[2]}" for w in WORDED]
)
def test_a_wording_is_an_answer_the_operation_documents(
    operation_id: str, media: str, field: str, wording: Any
) -> None:
    method, path, operation = BY_ID[operation_id]
    status = "400" if "400" in operation["responses"] else "200"  # legacy-only operations err with 200
    escaped = path.replace("~", "~0").replace("/", "~1")
    pointer = f"/paths/{escaped}/{method}/responses/{status}/content/application~1json/schema"
    if "$ref" in operation["responses"][status]:
        pointer = (
            operation["responses"][status]["$ref"].removeprefix("#") + "/content/application~1json/schema"
        )
    errors = [error.message for error in validator_at(pointer).iter_errors(wording)]
    assert not errors, f"{operation_id} {field}: {errors}"
    assert method in METHODS


def _extensions(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """(pointer of the object that holds it, name) of every `x-` key of the spec."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and key.startswith("x-"):
                yield pointer, key
            yield from _extensions(value, f"{pointer}/{_escape(str(key))}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _extensions(value, f"{pointer}/{index}")


# Where each of the spec's own extensions may stand (a pattern of the pointer of the object holding it).
PLACES = {
    # An operation's eras, or a request field's (the fields an era does not take are unknown there).
    "x-offcloud-eras": r"^(/paths/[^/]+/(get|post|put|patch|delete)|/components/schemas/[^/]+/properties/[^/]+)$",
    "x-offcloud-error-eras": r"^/paths/[^/]+/(get|post|put|patch|delete)/responses/[^/]+$",
    "x-offcloud-request": r"/content/[^/]+/examples/[^/]+$",
    "x-offcloud-example-setups": r"^/components$",
    "x-offcloud-invalid": r"^/components/schemas/[^/]+(/properties/[^/]+)?$",
}


def test_every_extension_is_a_known_one_in_its_place() -> None:
    """A misspelt extension name would be ignored by every reader: it fails here."""
    wrong = [
        f"{pointer}: {name}"
        for pointer, name in _extensions(SPEC)
        if name not in PLACES or not re.search(PLACES[name], pointer)
    ]
    assert not wrong, wrong
    assert list(_extensions({"a": {"x-offcloud-invlaid": 1}})) == [("/a", "x-offcloud-invlaid")]
