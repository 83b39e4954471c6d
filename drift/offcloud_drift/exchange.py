"""One request and its answer, as the proxy saw it and as a recording file keeps it (redacted, capped).

The file format (names, fields, the replay match key) is the mock's: `offcloud_mock.recordings`, whose
replay reads what `Exchange.record` writes.
"""

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from offcloud_drift.checks import Finding, media_type
from offcloud_drift.redact import Redactor
from offcloud_mock.recordings import match_key

__all__ = ["BODY_CAP", "Exchange"]

BODY_CAP = 64 * 1024  # bytes of each body kept in a recording; the check sees the whole body


@dataclass(frozen=True, slots=True)
class Exchange:
    method: str
    path: str
    query_string: str
    request_headers: tuple[tuple[str, str], ...]
    request_body: bytes
    status: int
    response_headers: tuple[tuple[str, str], ...]
    response_body: bytes
    upstream_error: str = ""  # set when the upstream could not be reached (the answer is our 502)

    def header(self, name: str, response: bool = True) -> str:
        headers = self.response_headers if response else self.request_headers
        return next((v for n, v in headers if n.lower() == name.lower()), "")

    def learn_secrets(self, redactor: Redactor) -> None:
        """Teach the redactor every secret of this exchange, before anything of it is written."""
        redactor.learn_pairs(parse_qsl(self.query_string, keep_blank_values=True))
        redactor.learn_headers(self.request_headers)
        redactor.learn_headers(self.response_headers)
        redactor.learn_body(self.request_body, media_type(self.header("content-type", response=False)))
        redactor.learn_body(self.response_body, media_type(self.header("content-type")))

    def record(self, seq: int, operation: str, findings: list[Finding], redactor: Redactor) -> dict[str, Any]:
        request_type = self.header("content-type", response=False)
        record: dict[str, Any] = {
            "seq": seq,
            "operation": operation,
            "match_key": match_key(
                self.method, self.path, self.query_string, self.request_body, request_type
            ),
            "request": {
                "method": self.method.upper(),
                "path": redactor.text(self.path),
                "query": redactor.pairs(parse_qsl(self.query_string, keep_blank_values=True)),
                "headers": redactor.headers(self.request_headers),
                **_body(self.request_body, request_type, redactor),
            },
            "response": {
                "status": self.status,
                "headers": redactor.headers(self.response_headers),
                **_body(self.response_body, self.header("content-type"), redactor),
            },
            "findings": [
                {"kind": f.kind, "where": f.where, "message": redactor.text(f.message)} for f in findings
            ],
        }
        if self.upstream_error:
            record["upstream_error"] = redactor.text(self.upstream_error)
        return record


def _body(body: bytes, content_type: str, redactor: Redactor) -> dict[str, Any]:
    media = media_type(content_type)
    truncated = len(body) > BODY_CAP
    text = body[:BODY_CAP].decode("utf-8", "replace")
    if not body:
        return {"body_kind": "none", "body": None, "truncated": False}
    if media == "application/x-www-form-urlencoded" and not truncated:
        return {
            "body_kind": "form",
            "body": redactor.pairs(parse_qsl(text, keep_blank_values=True)),
            "truncated": False,
        }
    if "json" in media and not truncated:
        try:
            return {"body_kind": "json", "body": redactor.value(json.loads(text)), "truncated": False}
        except ValueError:
            pass
    return {"body_kind": "text", "body": redactor.text(text), "truncated": truncated}
