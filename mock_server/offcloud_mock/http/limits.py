"""Bounds on what a request may carry, checked before a body is parsed, stored or echoed.

The body's size is bounded by Flask (`MAX_CONTENT_LENGTH`, from `MockConfig.max_body_bytes`); here:

* JSON nesting depth, counted on the raw bytes before `json.loads` recurses (a body nested ~500 deep
  parsed fine, then broke the journal's copy and every answer that quoted it);
* every string of a body (keys too): valid Unicode without lone surrogates (`"\\ud800"` parses in
  Python, then cannot be encoded in any answer), no NUL, at most `MAX_STRING_CHARS` characters;
* numbers: finite only (`1e999` parses to infinity, which JSON cannot carry back).

A refused body raises `ValueError` with a short reason; the caller words its own 400.
"""

import json
import math
import re

__all__ = ["MAX_JSON_DEPTH", "MAX_STRING_CHARS", "check_strings", "loads_bounded"]

MAX_JSON_DEPTH = 64  # the deepest body of the API is 2 levels; a scenario 5
MAX_STRING_CHARS = 65_536  # longer than any URL or magnet link a client sends; the body limit is 1 MB
# The closing quote is optional so that a match never fails: a failing match would be retried from
# every later quote, quadratic in the body (1 MB of `\"` took minutes). An unterminated string is
# invalid JSON anyway; json.loads refuses it after this count.
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"?', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_OPENING = frozenset(b"[{")


def _too_deep(data: bytes) -> bool:
    """Whether JSON text nests arrays and objects deeper than MAX_JSON_DEPTH (brackets in strings aside)."""
    if data.count(b"[") + data.count(b"{") <= MAX_JSON_DEPTH:
        return False  # cannot be too deep: the common case costs two counts
    brackets = _JSON_STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    depth = 0
    for byte in brackets:
        depth += 1 if byte in _OPENING else -1
        if depth > MAX_JSON_DEPTH:
            return True
    return False


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:40]} is too large")
    return value


def _constant(name: str) -> float:
    # Python's json accepts NaN and Infinity, JSON does not; a JavaScript server would refuse them too.
    raise ValueError(f"{name} is not valid JSON")


def check_strings(value: object) -> None:
    """ValueError for the first string (value or key) that is too long, holds a NUL or a lone surrogate.

    Recursive, so only for values whose depth is already bounded (what `loads_bounded` returns).
    """
    if isinstance(value, str):
        if len(value) > MAX_STRING_CHARS:
            raise ValueError(f"a string is longer than {MAX_STRING_CHARS} characters")
        if "\x00" in value:
            raise ValueError("a string holds a NUL character")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("a string holds a lone UTF-16 surrogate (not valid Unicode)") from None
    elif isinstance(value, dict):
        for name, item in value.items():
            check_strings(name)
            check_strings(item)
    elif isinstance(value, list):
        for item in value:
            check_strings(item)


def loads_bounded(data: bytes) -> object:
    """`json.loads` within the bounds above; ValueError (UnicodeDecodeError included) for a refused body."""
    text = data.decode("utf-8")  # JSON is UTF-8 (RFC 8259); json.loads would also guess UTF-16 and 32
    if _too_deep(data):
        raise ValueError(f"nested deeper than {MAX_JSON_DEPTH} levels")
    value = json.loads(text, parse_constant=_constant, parse_float=_finite)
    check_strings(value)
    return value
