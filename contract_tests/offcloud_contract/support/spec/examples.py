"""The response examples of openapi.yaml and the requests that produce them (`x-offcloud-request`).

Every example an answer of the API gives in the spec (an operation's response, or a shared response of
`components/responses`) carries, beside its `value`, the request that produces it on the mock:

    examples:
      downloaded:
        x-offcloud-request:
          given: [bunnyInCloud]             # preconditions: setup names or steps, in order
          eras: [legacy]                    # narrows the operation's x-offcloud-eras (default: all of them)
          form: {requestId: 5f1b2c3d4e5f60718293a4b7}
        value: {status: {requestId: 5f1b2c3d4e5f60718293a4b7, ...}}

A request names its parameters (`path`, `query`) and its body (`form`, `json` or `multipart`; the word
`example` stands for the operation's own request example of that media type), the caller (`auth`: the
demo account's key by default; `free`, the free account's; `session`, the demo account logged in; `bearer`;
`none`), and what must be true first: `scenario` (settings of the demo scenario), `mock` (settings of the
mock, e.g. the legacy `string_numbers` quirk) and `given`, a list of steps or of the names of the shared
setups in `components/x-offcloud-example-setups`. A step adds a download (`add: cloud`, with `url` and
the `id` the example calls it by), moves the clock (`advance: seconds`), or plays the device login
(`deviceCode`/`userCode`, `approve`, `deny`, `poll`). Examples under `components/responses` name their
`operation`. The shape is checked by tests/spec (test_example_requests.py); this module reads it.
"""

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from offcloud_contract.support.spec.openapi_document import SPEC_PATH, SpecOperation, load_raw, operations

__all__ = [
    "REQUEST_KEY",
    "SETUPS_KEY",
    "ExampleRequest",
    "SpecExample",
    "spec_examples",
]

REQUEST_KEY = "x-offcloud-request"
SETUPS_KEY = "x-offcloud-example-setups"  # under components: the preconditions examples share by name
_BODY_KINDS = ("form", "json", "multipart")
_MEDIA_OF_BODY = {
    "form": "application/x-www-form-urlencoded",
    "json": "application/json",
    "multipart": "multipart/form-data",
}
_HTTP_METHODS = ("get", "put", "post", "delete", "patch")

Step = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ExampleRequest:
    """The request of one example, its shared setups already replaced by their steps."""

    steps: tuple[Step, ...] = ()
    auth: str = "key"
    path: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    body_kind: str | None = None  # form | json | multipart; None: no body
    body: Any = None
    scenario: dict[str, Any] = field(default_factory=dict)  # keys of the demo scenario replaced
    mock: dict[str, Any] = field(default_factory=dict)  # settings of the mock (MockConfig fields)


@dataclass(frozen=True, slots=True)
class SpecExample:
    operation: SpecOperation | None  # None: a shared response's example that names no operation
    status: int
    media_type: str
    name: str
    pointer: str  # where the example is written in the spec, for messages
    value: Any
    request: ExampleRequest | None  # None: the spec names no request (a failure of the suite)
    eras: tuple[str, ...]

    @property
    def label(self) -> str:
        where = self.operation.operation_id if self.operation else "components"
        return f"{where}:{self.status}:{self.name}"


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _request(raw: dict[str, Any], operation: SpecOperation, setups: dict[str, list[Step]]) -> ExampleRequest:
    steps: list[Step] = []
    for item in raw.get("given", []):
        steps.extend(setups[item] if isinstance(item, str) else [item])
    body_kind = next((kind for kind in _BODY_KINDS if kind in raw), None)
    body = raw.get(body_kind) if body_kind else None
    if body == "example":  # the operation's own request example of that media type
        content = operation.raw["requestBody"]["content"][_MEDIA_OF_BODY[str(body_kind)]]
        body = content["example"]
    return ExampleRequest(
        steps=tuple(steps),
        auth=raw.get("auth", "key"),
        path={name: str(value) for name, value in raw.get("path", {}).items()},
        query={name: str(value) for name, value in raw.get("query", {}).items()},
        body_kind=body_kind,
        body=body,
        scenario=dict(raw.get("scenario", {})),
        mock=dict(raw.get("mock", {})),
    )


def _eras(raw: dict[str, Any] | None, operation: SpecOperation | None) -> tuple[str, ...]:
    given = raw.get("eras") if raw else None
    if given:
        return tuple(str(era) for era in given)
    return tuple(sorted(operation.eras)) if operation else ("2026",)


def _media_examples(content: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(name, example) for name, example in (content.get("examples") or {}).items()]


@functools.cache
def spec_examples(path: Path = SPEC_PATH) -> tuple[SpecExample, ...]:
    """Every named response example of the spec, with its request; in the spec's order."""
    raw_spec = load_raw(path)
    components = raw_spec.get("components", {})
    setups: dict[str, list[Step]] = components.get(SETUPS_KEY, {})
    by_id = {operation.operation_id: operation for operation in operations(path)}
    found: list[SpecExample] = []

    def collect(operation: SpecOperation, status: str, response: dict[str, Any], where: str) -> None:
        for media_type, content in response.get("content", {}).items():
            for name, example in _media_examples(content):
                raw = example.get(REQUEST_KEY)
                pointer = f"{where}/content/{_escape(media_type)}/examples/{name}"
                found.append(
                    SpecExample(
                        operation=operation,
                        status=int(status),
                        media_type=media_type,
                        name=name,
                        pointer=pointer,
                        value=example.get("value"),
                        request=None if raw is None else _request(raw, operation, setups),
                        eras=_eras(raw, operation),
                    )
                )

    for url_path, item in raw_spec["paths"].items():
        for method, raw_operation in item.items():
            if method not in _HTTP_METHODS:
                continue
            operation = by_id[raw_operation["operationId"]]
            for status, response in raw_operation.get("responses", {}).items():
                if "$ref" not in response:
                    where = f"/paths/{_escape(url_path)}/{method}/responses/{status}"
                    collect(operation, str(status), response, where)
    for component, response in components.get("responses", {}).items():
        for media_type, content in response.get("content", {}).items():
            for name, example in _media_examples(content):
                raw = example.get(REQUEST_KEY)
                shared = by_id.get(raw.get("operation", "")) if raw else None
                found.append(
                    SpecExample(
                        operation=shared,
                        status=_status_of(shared, component, raw_spec) if shared else 0,
                        media_type=media_type,
                        name=f"{component}.{name}",
                        pointer=f"/components/responses/{component}/content/{_escape(media_type)}/examples/{name}",
                        value=example.get("value"),
                        request=_request(raw, shared, setups) if raw and shared else None,
                        eras=_eras(raw, shared),
                    )
                )
    return tuple(found)


def _status_of(operation: SpecOperation, component: str, raw_spec: dict[str, Any]) -> int:
    """The status under which `operation` answers the shared response `component` (0: it does not)."""
    raw_operation = raw_spec["paths"][operation.path][operation.method.lower()]
    for status, response in raw_operation.get("responses", {}).items():
        if response.get("$ref") == f"#/components/responses/{component}":
            return int(status)
    return 0
