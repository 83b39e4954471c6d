"""Holding one exchange (a request and the server's answer) to openapi.yaml under one era.

What counts as drift, in the order it is looked at:

* `undocumented-route`: no operation of the spec has this method and path, yet it answered something
  other than 404, 405 or 501 (HEAD, OPTIONS, TRACE and the mock's `/_mock/` control plane are not looked at);
* `not-in-era`: the operation's `x-offcloud-eras` leaves out this era, yet it answered something other
  than 404 (a 404 is how a server says a route is retired);
* `undocumented-status`, `undocumented-content-type`, `invalid-json`;
* in the body (`schema_walk`): `type-mismatch`, `missing-field`, `renamed-field`, `unknown-field`
  (audited even where the schema allows extra properties), `enum-value`, `constraint`;
* `other-era`: an `{"error": ...}` body with a status the era does not use for errors. The legacy server
  answered errors with 200, the 2026 one with 4xx; a response may list other eras in
  `x-offcloud-error-eras` (the suggested change for this finding adds it);
* `error-wording` (value drift, only while `check_wordings` is on: the scripted flows, whose requests
  are the documented ones, not the contract suite's invalid data): an error whose text no example of
  the spec gives. Any example counts, not only the answered response's: a response documents one
  wording among several, so a text known elsewhere is no evidence of change; a text the spec never
  shows is (a reworded message, a new refusal).

With a `Coverage`, every exchange also notes the spec's nodes its answer populated (`coverage`).
"""

import json
import re
from dataclasses import dataclass
from typing import Any

from offcloud_drift.coverage import Coverage, Trace
from offcloud_drift.patch import Edit, seen_note
from offcloud_drift.redact import redact_names
from offcloud_drift.schema_walk import Problem, SchemaWalker, infer_schema
from offcloud_drift.spec_view import SpecView
from offcloud_mock.eras import ERAS
from offcloud_mock.spec import Route, escape_pointer

__all__ = ["Checker", "Finding", "is_error_body", "media_type"]

# Not the API: the mock's control plane (the contract suite asks it whether it talks to the mock), and
# methods HTTP itself answers (HEAD, OPTIONS, TRACE) on any route. Unknown routes answered 404, 405 or 501
# are the server agreeing with the spec that they do not exist.
_CONTROL_PLANE = "/_mock/"
_HTTP_MACHINERY = {"HEAD", "OPTIONS", "TRACE"}
_REFUSALS = {404, 405, 501}
_ID_SEGMENT = re.compile(r"^(?:[0-9a-f]{24}|[0-9]+|[0-9a-fA-F-]{32,36})$")


@dataclass(frozen=True, slots=True)
class Finding:
    operation: str  # the operationId, or "METHOD /path" for a route the spec does not have
    kind: str
    where: str
    message: str
    edits: tuple[Edit, ...] = ()
    detail: str = ""

    def key(self) -> tuple[str, str, str, str]:
        return (self.operation, self.kind, self.where, self.detail)


def media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def _is_json(media: str) -> bool:
    return media == "application/json" or media.endswith("+json")


def is_error_body(body: Any) -> bool:
    return isinstance(body, dict) and set(body) == {"error"} and isinstance(body["error"], str)


def _default_error_eras(status: int) -> tuple[str, ...]:
    if 200 <= status < 300:
        return ("legacy",)
    if 400 <= status < 500:
        return ("2026",)
    return ERAS


def _templated(path: str) -> str:
    segments = ["{id}" if _ID_SEGMENT.match(part) else part for part in path.split("/")]
    return "/".join(segments)


class Checker:
    """Checks exchanges against one spec under one era; safe to share between threads."""

    def __init__(self, spec: SpecView, era: str, coverage: Coverage | None = None) -> None:
        if era not in ERAS:
            raise ValueError(f"era must be one of {', '.join(ERAS)}, not {era!r}")
        self.spec = spec
        self.era = era
        self.walker = SchemaWalker(spec)
        self.coverage = coverage
        self.check_wordings = False  # switched on by `make drift` for its scripted flows only
        self.known_errors = frozenset(_error_texts(spec.document))

    def check(
        self, method: str, path: str, status: int, content_type: str, body: bytes
    ) -> tuple[str, list[Finding]]:
        """The operation's name (operationId, or "METHOD /path") and every finding of the exchange."""
        media = media_type(content_type)
        parsed, parse_error = _parse(body, media)
        if path.startswith(_CONTROL_PLANE) or method.upper() in _HTTP_MACHINERY:
            return f"{method.upper()} {_templated(path)}", []
        op = self.spec.match(method, path)
        if op is None:
            if status in _REFUSALS:  # the server agrees: no such route, or not with this method
                return f"{method.upper()} {_templated(path)}", []
            return self._unknown_route(method, path, status, media, parsed)
        findings: list[Finding] = []
        if not op.in_era(self.era):
            if status == 404:
                return op.operation_id, []
            findings.append(
                Finding(
                    op.operation_id,
                    "not-in-era",
                    "route",
                    f"the spec says {op.operation_id} does not exist in the {self.era} era, yet it answered {status}",
                    (Edit("merge-list", op.pointer, "x-offcloud-eras", value=[*op.eras, self.era]),),
                )
            )
        trace = Trace() if self.coverage is not None else None
        findings += self._answer(op, status, media, body, parsed, parse_error, trace)
        if self.coverage is not None and trace is not None and op.in_era(self.era):
            self.coverage.add(op.operation_id, trace)
        return op.operation_id, findings

    def _unknown_route(
        self, method: str, path: str, status: int, media: str, parsed: Any
    ) -> tuple[str, list[Finding]]:
        template = _templated(path)
        name = f"{method.upper()} {template}"
        operation: dict[str, Any] = {
            "operationId": _operation_id(method, template),
            "summary": seen_note(),
            "x-offcloud-eras": [self.era],
            "responses": {str(status): _response(status, media, parsed)},
        }
        params = re.findall(r"\{([^}]+)\}", template)
        if params:
            operation["parameters"] = [
                {"name": p, "in": "path", "required": True, "schema": {"type": "string"}} for p in params
            ]
        known = template in (self.spec.document.get("paths") or {})
        edit = (
            Edit("add-operation", f"/paths/{escape_pointer(template)}", method.lower(), value=operation)
            if known
            else Edit("add-operation", "/paths", template, value={method.lower(): operation})
        )
        message = f"{name} is not in the spec (answered {status})"
        return name, [Finding(name, "undocumented-route", "route", message, (edit,))]

    def _answer(
        self,
        op: Route,
        status: int,
        media: str,
        body: bytes,
        parsed: Any,
        parse_error: str,
        trace: Trace | None = None,
    ) -> list[Finding]:
        oid = op.operation_id
        responses = self.spec.operation_node(op).get("responses") or {}
        key = next((k for k in (str(status), f"{status // 100}XX", "default") if k in responses), None)
        if trace is not None:
            for documented in responses:
                pointer = f"{op.pointer}/responses/{escape_pointer(documented)}"
                trace.offer(pointer, "status", f"status {documented}", documented == key)
        if key is None:
            return [
                Finding(
                    oid,
                    "undocumented-status",
                    "status",
                    f"answered {status}, a status the spec does not document for {oid}",
                    (
                        Edit(
                            "add-response",
                            f"{op.pointer}/responses",
                            str(status),
                            value=_response(status, media, parsed),
                        ),
                    ),
                    detail=str(status),
                )
            ]
        response, rpointer = self.spec.resolve(
            responses[key], f"{op.pointer}/responses/{escape_pointer(key)}"
        )
        content: dict[str, Any] = response.get("content") or {}
        if not content:
            return []
        if trace is not None:
            for documented in content:
                pointer = f"{rpointer}/content/{escape_pointer(documented)}"
                trace.offer(pointer, "content", f"status {key} {documented}", documented == media)
        if media not in content:
            documented = ", ".join(content)
            return [
                Finding(
                    oid,
                    "undocumented-content-type",
                    f"status {status}",
                    f"answered {status} as {media or 'no content type'}; the spec says {documented}",
                    (Edit("add-content", f"{rpointer}/content", media, value=_media(media, parsed)),),
                    detail=media,
                )
            ]
        if _is_json(media) and parse_error:
            return [Finding(oid, "invalid-json", "body", f"answered {media} that is not JSON: {parse_error}")]
        schema = content[media].get("schema")
        findings: list[Finding] = []
        if isinstance(schema, dict):
            value = parsed if _is_json(media) else body.decode("utf-8", "replace")
            problems = self.walker.walk(
                value, schema, f"{rpointer}/content/{escape_pointer(media)}/schema", "body", trace
            )
            findings += [_finding(oid, problem) for problem in problems]
        if is_error_body(parsed) and self.check_wordings and parsed["error"] not in self.known_errors:
            findings += _wording(
                oid, status, content[media], f"{rpointer}/content/{escape_pointer(media)}", parsed
            )
        if is_error_body(parsed):
            eras = response.get("x-offcloud-error-eras") or _default_error_eras(status)
            if self.era not in eras:
                usual = "4xx" if self.era == "2026" else "200"
                findings.append(
                    Finding(
                        oid,
                        "other-era",
                        f"status {status}",
                        f"an error answered with {status}, as the {_other(self.era)} server did; "
                        f"the {self.era} server answers errors with {usual}",
                        (Edit("merge-list", rpointer, "x-offcloud-error-eras", value=[*eras, self.era]),),
                        detail=str(status),
                    )
                )
        return findings


def documented_errors(media_node: dict[str, Any]) -> list[str]:
    """The error texts a response's examples give (its `example` and every named `examples` value)."""
    values: list[Any] = [media_node.get("example")]
    examples = media_node.get("examples")
    if isinstance(examples, dict):
        values += [item.get("value") for item in examples.values() if isinstance(item, dict)]
    return [value["error"] for value in values if is_error_body(value)]


def _error_texts(node: Any) -> list[str]:
    """Every error text the document's examples give, wherever they stand."""
    if is_error_body(node):
        return [node["error"]]
    if isinstance(node, dict):
        return [text for value in node.values() for text in _error_texts(value)]
    if isinstance(node, list):
        return [text for value in node for text in _error_texts(value)]
    return []


def _wording(oid: str, status: int, media_node: dict[str, Any], pointer: str, parsed: Any) -> list[Finding]:
    text = parsed["error"]
    documented = documented_errors(media_node)
    listed = ", ".join(repr(item) for item in documented) or "none"
    return [
        Finding(
            oid,
            "error-wording",
            f"status {status}",
            f"answered {status} {text!r}, a wording no example of the spec gives "
            f"(this answer's examples: {listed})",
            (Edit("add-example", pointer, value={"error": text}, seen={"error": text}),),
            detail=text,
        )
    ]


def _other(era: str) -> str:
    return "legacy" if era == "2026" else "2026"


def _finding(operation: str, problem: Problem) -> Finding:
    return Finding(operation, problem.kind, problem.where, problem.message, problem.edits, problem.detail)


def _parse(body: bytes, media: str) -> tuple[Any, str]:
    if not _is_json(media):
        return None, ""
    try:
        return json.loads(body.decode("utf-8")), ""
    except (UnicodeDecodeError, ValueError) as error:
        return None, str(error).splitlines()[0][:120]


def _media(media: str, parsed: Any) -> dict[str, Any]:
    # The example is the server's own answer (redacted before anything is written): the spec keeps an
    # example on every response.
    if _is_json(media) and parsed is not None:
        if is_error_body(parsed):
            return {"schema": {"$ref": "#/components/schemas/ErrorBody"}, "example": parsed}
        return {"schema": infer_schema(parsed), "example": redact_names(parsed)}
    return {"schema": {"type": "string"}}


def _response(status: int, media: str, parsed: Any) -> dict[str, Any]:
    if not media:
        return {"description": seen_note()}
    return {"description": seen_note(), "content": {media: _media(media, parsed)}}


def _operation_id(method: str, template: str) -> str:
    words = [w for w in re.split(r"[^A-Za-z0-9]+", template) if w and w != "api" and w != "id"]
    return method.lower() + "".join(word[:1].upper() + word[1:] for word in words)
