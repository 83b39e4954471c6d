"""The spec's own examples asked of the server: the request beside each response example
(`x-offcloud-request`), sent through the proxy, and whether the answer is the one the example shows.

Only the examples a server can be asked as written: no preconditions (`given`), no scenario or mock
settings (a real server has neither), the caller the key's owner or nobody (`auth: key` or `none`),
the run's era among the example's, and an operation that reads (READING_OPERATIONS). Of the others only
the refusals (an example whose answer is an error), and only when writes are allowed; never an upload. The proxy holds each answer to the spec's schemas and
error wordings like any other; here each example is told apart as answered as written (same status, and
for an error the same wording) or answered otherwise. Otherwise is not drift by itself: the account
asked is not the demo scenario's (its downloads, ids and limits differ), so a status request the example
answers from a download in the demo data may well be `Request not found` here. A wording the spec does
not know is drift, and the proxy's checker names it.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from offcloud_drift.checks import is_error_body
from offcloud_drift.spec_view import SpecView
from offcloud_mock.spec import Route

__all__ = ["READING_OPERATIONS", "ExampleCall", "ExampleOutcome", "ask_examples", "example_calls"]

REQUEST_KEY = "x-offcloud-request"
# The operations that change nothing on the account whoever asks (getApiKey reads the key of a session,
# and an example without one is refused); every other operation adds, removes, retries or logs in.
READING_OPERATIONS = frozenset(
    {
        "checkLogin",
        "checkLoginAlias",
        "getApiKey",
        "getApiKeyAlias",
        "listProxies",
        "listProxiesAlias",
        "listRemoteAccounts",
        "listRemoteAccountsAlias",
        "getCloudStatus",
        "getRemoteStatus",
        "checkCache",
        "checkTorrentCache",
        "getCacheInfo",
        "getCloudHistory",
        "getInstantHistory",
        "getRemoteHistory",
        "getCloudHistoryPage",
        "getAccountStats",
        "getAccountInfo",
        "listSites",
        "exploreCloudDownload",
        "exploreCloudDownloadAlias",
        "listCloudDownloadLinks",
    }
)
_CALLERS = ("key", "none")
_BODY_MEDIA = {"form": "application/x-www-form-urlencoded", "json": "application/json"}


@dataclass(frozen=True, slots=True)
class ExampleCall:
    """One example's request, ready to send, and the answer the example shows."""

    label: str  # operationId:status:name
    method: str
    path: str  # the path parameters filled in
    query: dict[str, str] = field(default_factory=dict)
    body_kind: str | None = None  # form | json
    body: Any = None
    with_key: bool = True
    status: int = 200
    value: Any = None


@dataclass(frozen=True, slots=True)
class ExampleOutcome:
    label: str
    as_written: bool
    expected: str  # "404 'Request not found'" or "200"
    answered: str


def _shown(status: int, body: Any) -> str:
    return f"{status} {body['error']!r}" if is_error_body(body) else str(status)


def _examples(content: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, example in (content.get("examples") or {}).items():
        if isinstance(example, dict) and isinstance(example.get(REQUEST_KEY), dict):
            yield name, example


def _status_under(operation: dict[str, Any], component: str) -> int:
    for status, response in (operation.get("responses") or {}).items():
        if response.get("$ref") == f"#/components/responses/{component}":
            return int(status)
    return 0


def _every_example(spec: SpecView) -> Iterator[tuple[Route, int, str, dict[str, Any]]]:
    """(operation, status, name, example) for every response example that names its request."""
    by_id = {op.operation_id: op for op in spec.operations}
    for op in spec.operations:
        for status, response in (spec.operation_node(op).get("responses") or {}).items():
            for content in (response.get("content") or {}).values():
                for name, example in _examples(content):
                    yield op, int(status), name, example
    for component, response in (spec.document.get("components", {}).get("responses") or {}).items():
        for content in (response.get("content") or {}).values():
            for name, example in _examples(content):
                shared = by_id.get(example[REQUEST_KEY].get("operation", ""))
                if shared is not None:
                    status = _status_under(spec.operation_node(shared), component)
                    yield shared, status, f"{component}.{name}", example


def _call(spec: SpecView, op: Route, status: int, name: str, example: dict[str, Any]) -> ExampleCall | None:
    request = example[REQUEST_KEY]
    body_kind = next((kind for kind in ("form", "json", "multipart") if kind in request), None)
    if body_kind == "multipart":
        return None
    body = request.get(body_kind) if body_kind else None
    if body == "example" and body_kind is not None:
        content = spec.operation_node(op)["requestBody"]["content"][_BODY_MEDIA[body_kind]]
        body = content["example"]
    path = op.path
    for parameter, value in (request.get("path") or {}).items():
        path = path.replace("{" + parameter + "}", str(value))
    if "{" in path:
        return None
    return ExampleCall(
        label=f"{op.operation_id}:{status}:{name}",
        method=op.method,
        path=path,
        query={key: str(value) for key, value in (request.get("query") or {}).items()},
        body_kind=body_kind,
        body=body,
        with_key=request.get("auth", "key") == "key",
        status=status,
        value=example.get("value"),
    )


def example_calls(spec: SpecView, era: str, allow_writes: bool) -> tuple[list[ExampleCall], dict[str, int]]:
    """The examples the server can be asked in `era`, and how many were left out for each reason."""
    calls: list[ExampleCall] = []
    left_out: dict[str, int] = {}

    def leave(reason: str) -> None:
        left_out[reason] = left_out.get(reason, 0) + 1

    for op, status, name, example in _every_example(spec):
        request = example[REQUEST_KEY]
        if era not in (request.get("eras") or op.eras):
            continue
        if request.get("given") or request.get("scenario") or request.get("mock"):
            leave("needs the demo scenario's state or settings")
        elif request.get("auth", "key") not in _CALLERS:
            leave("needs another caller than the key's owner or nobody (the free account, a session)")
        elif op.operation_id not in READING_OPERATIONS and not allow_writes:
            leave("writes (asked with OFFCLOUD_ALLOW_WRITES=1)")
        elif op.operation_id not in READING_OPERATIONS and not is_error_body(example.get("value")):
            leave("a write that succeeds (the scripted flows write, and remove what they add)")
        elif (call := _call(spec, op, status, name, example)) is None:
            leave("an upload or a path the example does not fill")
        else:
            calls.append(call)
    return calls, left_out


def _json(answer: httpx.Response) -> Any:
    try:
        return answer.json()
    except ValueError:
        return None


def ask_examples(client: httpx.Client, calls: list[ExampleCall], api_key: str) -> list[ExampleOutcome]:
    """Send each call through `client` (the proxy, which checks the answer) and compare it with its example."""
    outcomes = []
    for call in calls:
        query = {**call.query, **({"key": api_key} if call.with_key else {})}
        body = (
            {"data": call.body} if call.body_kind == "form" else {"json": call.body} if call.body_kind else {}
        )
        answer = client.request(call.method, call.path, params=query, **body)
        value = _json(answer)
        same_status = answer.status_code == call.status
        if is_error_body(call.value):
            as_written = same_status and is_error_body(value) and value["error"] == call.value["error"]
        else:
            as_written = same_status and not is_error_body(value)
        outcomes.append(
            ExampleOutcome(
                call.label, as_written, _shown(call.status, call.value), _shown(answer.status_code, value)
            )
        )
    return outcomes
