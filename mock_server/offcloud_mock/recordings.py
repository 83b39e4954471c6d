"""The recorded-exchange file format: what `offcloud-mock proxy --record DIR` writes and replay reads.

A recording file (`<seq>-<operation>-<status>.json`, keys sorted, no times, so two runs of the same flow
diff cleanly):

    {"seq": 3, "operation": "getCloudStatus", "match_key": "<sha256>",
     "request": {"method": "POST", "path": "/api/cloud/status", "query": [["key", "<redacted>"]],
                 "headers": {...}, "body_kind": "form", "body": [["requestId", "5f..."]], "truncated": false},
     "response": {"status": 200, "headers": {"content-type": "application/json"},
                  "body_kind": "json", "body": {...}, "truncated": false},
     "findings": [{"kind": "unknown-field", "where": "body.status.progress", "message": "..."}]}

Replay matching (`match_key`): method, path, the query without secret-named parameters (key, apiKey,
token, ...) sorted, and the body without secret-named fields, canonical (form fields sorted; JSON with
sorted keys; anything else as text). Credentials never take part, so a recording answers any key.

The mock reads recordings (`offcloud_mock.replay`); the drift tools write them (their recorder imports
the names and the match key from here), so writer and reader cannot disagree on the format.
"""

import hashlib
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

__all__ = ["RECORDING_NAME", "is_secret_name", "match_key", "read_recordings", "recording_file_name"]

RECORDING_NAME = re.compile(r"^\d{4,}-[A-Za-z0-9_.-]+-\d{3}\.json$")
_SECRET_WORDS = ("password", "passwd", "secret", "token", "apikey", "credential")
_SECRET_NAMES = {"key", "sid", "connectsid", "authorization", "cookie", "setcookie", "auth", "session"}


def is_secret_name(name: str) -> bool:
    """Whether a parameter, field, header or cookie name says its value is a credential."""
    simple = re.sub(r"[^a-z0-9]", "", name.lower())
    if simple in _SECRET_NAMES or simple.endswith("key"):
        return True
    return any(word in simple for word in _SECRET_WORDS)


def _media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def _drop_secrets(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_secrets(v) for k, v in value.items() if not is_secret_name(str(k))}
    if isinstance(value, list):
        return [_drop_secrets(item) for item in value]
    return value


def _canonical_body(body: bytes, content_type: str) -> str:
    media = _media_type(content_type)
    text = body.decode("utf-8", "replace")
    if not body:
        return ""
    if media == "application/x-www-form-urlencoded":
        pairs = sorted((n, v) for n, v in parse_qsl(text, keep_blank_values=True) if not is_secret_name(n))
        return json.dumps(pairs)
    if "json" in media:
        try:
            return json.dumps(_drop_secrets(json.loads(text)), sort_keys=True, separators=(",", ":"))
        except ValueError:
            return text
    return text


def match_key(method: str, path: str, query_string: str, body: bytes, content_type: str) -> str:
    """What replay matches a request on; see the module docstring."""
    query = sorted(
        (n, v) for n, v in parse_qsl(query_string, keep_blank_values=True) if not is_secret_name(n)
    )
    material = json.dumps([method.upper(), path, query, _canonical_body(body, content_type)])
    return hashlib.sha256(material.encode()).hexdigest()


def _safe(operation: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", operation).strip("_") or "unknown"


def recording_file_name(record: dict[str, Any]) -> str:
    """`<seq>-<operation>-<status>.json`: the name a recording is written under (RECORDING_NAME matches it)."""
    return f"{record['seq']:04d}-{_safe(str(record['operation']))}-{record['response']['status']:03d}.json"


def read_recordings(directory: Path) -> list[dict[str, Any]]:
    """Every recording of DIR in sequence order; ValueError naming the file when one is not ours."""
    if not directory.is_dir():
        raise ValueError(f"{directory}: not a directory")
    records = []
    for path in sorted(directory.iterdir()):
        if not RECORDING_NAME.match(path.name):
            continue
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ValueError(f"{path}: not a recording: {error}") from error
        if not isinstance(record, dict) or not {"seq", "request", "response"} <= set(record):
            raise ValueError(f"{path}: not a recording (no seq/request/response)")
        records.append(record)
    return sorted(records, key=lambda record: int(record["seq"]))
