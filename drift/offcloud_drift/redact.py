"""Keeping secrets out of every file and line the drift tools write.

Two nets, because one is not enough:
* by name: query parameters, form and JSON fields, headers and cookies whose name says secret (key,
  apiKey, token, password, secret, session, Authorization, Cookie, ...) get `<redacted>` as value; the
  rule (`is_secret_name`) is the recordings' own, by which replay's match key leaves credentials out;
* by value: every secret seen by name (and the API key given on the command line or in
  OFFCLOUD_API_KEY) is remembered and scrubbed from ALL text afterwards, wherever it turns up: an echoed
  URL, an error message, a body field with an innocent name, a later exchange.
"""

import json
import re
import threading
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl

from offcloud_mock.recordings import is_secret_name

__all__ = ["REDACTED", "Redactor", "is_secret_name", "redact_names"]

REDACTED = "<redacted>"
_MIN_SECRET = 4  # shorter values would scrub ordinary words and digits
_URL_SECRET = re.compile(r"(?i)([?&;](?:key|api_?key|token|access_token|password)=)[^&#\s\"'<>]+")
_BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+")
# Headers worth keeping in a recording: what a diff of two runs or a replay needs, nothing identifying.
_KEPT_HEADERS = ("content-type", "location", "retry-after", "set-cookie", "allow", "www-authenticate")


def redact_names(value: Any) -> Any:
    """A copy of a JSON-like value with every secret-named field `<redacted>` (the first net alone)."""
    if isinstance(value, dict):
        return {
            str(k): REDACTED if is_secret_name(str(k)) and v not in (None, "") else redact_names(v)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact_names(item) for item in value]
    return value


class Redactor:
    """Remembers secrets and scrubs them; one per proxy, shared by its threads."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        for secret in secrets:
            self.learn(secret)

    def learn(self, value: object) -> None:
        if isinstance(value, str) and len(value) >= _MIN_SECRET and value != REDACTED:
            with self._lock:
                self._secrets.add(value)

    def learn_pairs(self, pairs: Iterable[tuple[str, str]]) -> None:
        for name, value in pairs:
            if is_secret_name(name):
                self.learn(value)

    def learn_json(self, value: Any) -> None:
        if isinstance(value, dict):
            for name, item in value.items():
                if is_secret_name(str(name)) and isinstance(item, str):
                    self.learn(item)
                else:
                    self.learn_json(item)
        elif isinstance(value, list):
            for item in value:
                self.learn_json(item)

    def learn_headers(self, headers: Iterable[tuple[str, str]]) -> None:
        for name, value in headers:
            lower = name.lower()
            if lower == "authorization":
                self.learn(value)
                self.learn(value.partition(" ")[2].strip())
            elif lower in ("cookie", "set-cookie"):
                first = value.split(";")[0] if lower == "set-cookie" else value
                for part in first.split(";"):
                    self.learn(part.partition("=")[2].strip())
            elif is_secret_name(name):
                self.learn(value)

    def learn_body(self, body: bytes, media: str) -> None:
        text = body.decode("utf-8", "replace")
        if media == "application/x-www-form-urlencoded":
            self.learn_pairs(parse_qsl(text, keep_blank_values=True))
        elif "json" in media:
            try:
                self.learn_json(json.loads(text))
            except ValueError:
                return

    def text(self, text: str) -> str:
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        text = _URL_SECRET.sub(lambda m: m.group(1) + REDACTED, text)
        return _BEARER.sub(lambda m: f"{m.group(1)} {REDACTED}", text)

    def value(self, value: Any) -> Any:
        """A copy of a JSON-like value: secret-named fields `<redacted>`, every string scrubbed."""
        return self.strings(redact_names(value))

    def strings(self, value: Any) -> Any:
        """A copy with every string (keys too) scrubbed by value; names left alone (schemas keep
        a property called `apiKey`)."""
        if isinstance(value, dict):
            return {self.text(str(k)): self.strings(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.strings(item) for item in value]
        if isinstance(value, str):
            return self.text(value)
        return value

    def pairs(self, pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
        return [[self.text(n), REDACTED if is_secret_name(n) else self.text(v)] for n, v in pairs]

    def headers(self, headers: Iterable[tuple[str, str]]) -> dict[str, str]:
        kept: dict[str, str] = {}
        for name, value in headers:
            lower = name.lower()
            if lower not in _KEPT_HEADERS:
                continue
            if lower == "set-cookie":
                cookie, _, attributes = value.partition(";")
                value = f"{cookie.partition('=')[0]}={REDACTED}" + (f";{attributes}" if attributes else "")
            kept[lower] = self.text(value) if lower not in kept else f"{kept[lower]}, {self.text(value)}"
        return kept
