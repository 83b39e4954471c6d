"""What the generated client should make of an answer: the documented (operation, status, media type)
triples of the spec, the typed model each oneOf branch maps to, and a way to hand a body to the client's
parser without a server."""

from dataclasses import dataclass
from importlib import import_module
from typing import Any

import httpx
import offcloud_client
import offcloud_client.models

from offcloud_contract.support.spec.openapi_document import SpecOperation, load_raw, operations

__all__ = ["Answer", "answers", "expected_type", "parse", "parse_response"]

BASE_URL = "http://parser.offcloud.test"


@dataclass(frozen=True, slots=True)
class Answer:
    """One documented answer: `operation` answers `status` with a body of `media_type` and `schema`."""

    operation: SpecOperation
    status: int
    media_type: str
    schema: dict[str, Any]  # $refs resolved
    branch_names: tuple[str | None, ...]  # the component name of each oneOf branch (one entry without oneOf)

    @property
    def read_by_client(self) -> bool:
        """openapi-python-client reads one media type per status (the first listed); a body of another
        one reaches the caller as that media type's parse (the raw text, when it is text/plain)."""
        return self.media_type == self.media_types[0]

    @property
    def media_types(self) -> tuple[str, ...]:
        """The media types of this status, in the order of openapi.yaml."""
        operation = self.operation
        raw = load_raw()["paths"][operation.path][operation.method.lower()]["responses"][str(self.status)]
        if "$ref" in raw:
            raw = load_raw()["components"]["responses"][raw["$ref"].rsplit("/", 1)[-1]]
        return tuple(raw.get("content", {}))

    @property
    def id(self) -> str:
        return f"{self.operation.operation_id}-{self.status}-{self.media_type.split('/')[1]}"


def _name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def answers() -> list[Answer]:
    found = []
    for operation in operations():
        raw_responses = load_raw()["paths"][operation.path][operation.method.lower()]["responses"]
        for status, response in operation.raw["responses"].items():
            for media_type, content in (response.get("content") or {}).items():
                raw = raw_responses[status]
                if "$ref" in raw:  # a shared response of components/responses
                    raw = load_raw()["components"]["responses"][raw["$ref"].rsplit("/", 1)[-1]]
                raw_schema = raw["content"][media_type]["schema"]
                branches = raw_schema.get("oneOf")
                names = tuple(_name(b) for b in branches) if branches else (_name(raw_schema),)
                found.append(Answer(operation, int(status), media_type, content["schema"], names))
    return found


def expected_type(answer: Answer, branch: int) -> type:
    """The Python type the client must parse a body of that branch into."""
    if answer.media_type == "text/plain" or (
        not answer.read_by_client and answer.media_types[0] == "text/plain"
    ):
        return str
    branches = answer.schema.get("oneOf") or [answer.schema]
    if branches[branch].get("type") == "array":
        return list
    name = answer.branch_names[branch]
    if name is None:
        raise LookupError(f"{answer.id}: branch {branch} is an inline schema; no model to expect")
    model: type = getattr(offcloud_client.models, name)
    return model


def _module(operation: SpecOperation) -> Any:
    return import_module(operation.client_module)


def parse_response(operation: SpecOperation, response: httpx.Response, **client_args: Any) -> Any:
    """The client's `_build_response` of a canned response: a `Response` with `.parsed`, or its error."""
    client = offcloud_client.Client(base_url=BASE_URL, **client_args)
    return _module(operation)._build_response(client=client, response=response)


def canned(operation: SpecOperation, status: int, content: bytes, content_type: str) -> httpx.Response:
    request = httpx.Request(operation.method, BASE_URL + operation.path)
    return httpx.Response(status, content=content, headers={"Content-Type": content_type}, request=request)


def parse(
    operation: SpecOperation, status: int, content: bytes, content_type: str, **client_args: Any
) -> Any:
    """`.parsed` of the client's answer to a canned response (errors propagate)."""
    return parse_response(operation, canned(operation, status, content, content_type), **client_args).parsed
