"""Reading request bodies the way the real (Express) server did, whatever the client library sent.

Accepted: `application/x-www-form-urlencoded` (documented), `application/json` (what most clients send),
`multipart/form-data` (form fields; an uploaded file counts as a field whose value is its file name, so
the spec's required `file` is seen; handlers read its bytes from `request.files`) and no Content-Type at all (an empty body,
or one sniffed as JSON or form fields). Form fields are folded the way Node's `qs` folds them, using the
spec to know which fields are arrays, so every array style a client library produces arrives as one list:
`hashes=a&hashes=b`, `hashes[]=a&hashes[]=b`, `hashes[0]=a&hashes[1]=b`. A single form value of a
non-array field stays a string.
"""

import re
from collections.abc import Iterable
from typing import Literal
from urllib.parse import parse_qsl

from flask import Request

from offcloud_mock.backend.errors import BadRequest, shown
from offcloud_mock.http.limits import check_strings, loads_bounded

__all__ = ["BodyKind", "fold_form", "parse_urlencoded", "read_body"]

BodyKind = Literal["json", "form"]
_BRACKETED = re.compile(r"^([^\[\]]+)\[([^\[\]]*)\]$")
_NO_BODY_METHODS = frozenset({"GET", "HEAD", "DELETE", "OPTIONS"})
_MAX_FORM_FIELDS = 10_000  # a /api/cache batch is at most 1000 hashes


def _parse_json(data: bytes) -> dict[str, object]:
    if not data.strip():
        return {}  # Express's body-parser gives an empty object for an empty JSON body
    try:
        value = loads_bounded(data)
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
        raise BadRequest(f"Invalid JSON body: {str(error)[:200]}") from None
    if not isinstance(value, dict):
        raise BadRequest("Invalid JSON body: expected an object with the parameters as its fields")
    return value


def parse_urlencoded(data: bytes) -> list[tuple[str, str]]:
    """The fields of an urlencoded body, in order: `+` and `%20` are spaces, empty values are kept.

    Parsed here rather than by werkzeug's `request.form`, whose per-request parser machinery costs more
    than the parsing of a small body. Bytes or %-escapes that are not UTF-8 are a 400.
    """
    try:
        return parse_qsl(
            data.decode("utf-8"), keep_blank_values=True, max_num_fields=_MAX_FORM_FIELDS, errors="strict"
        )
    except UnicodeDecodeError:
        raise BadRequest("Invalid form body: not UTF-8") from None
    except ValueError:
        raise BadRequest(f"Too many form fields (at most {_MAX_FORM_FIELDS})") from None


def fold_form(pairs: Iterable[tuple[str, str]], array_fields: frozenset[str]) -> dict[str, object]:
    """Fold form fields into one value per name, as `qs` would: repeated or bracketed names make lists.

    `name[k]` with a non-numeric k makes an object, as qs does; `name[3]` places the value by index.
    """
    plain: dict[str, list[str]] = {}
    indexed: dict[str, list[tuple[int, str]]] = {}
    objects: dict[str, dict[str, str]] = {}
    bracketed: set[str] = set()
    for key, value in pairs:
        if not key:
            # No name, no parameter: an empty one, or a multipart part that names none (werkzeug: None).
            continue
        match = _BRACKETED.match(key)
        if match is None:
            plain.setdefault(key, []).append(value)
            continue
        name, inner = match.groups()
        bracketed.add(name)
        if inner == "":
            plain.setdefault(name, []).append(value)
        elif inner.isdigit() and len(inner) <= 9:
            indexed.setdefault(name, []).append((int(inner), value))
        else:
            objects.setdefault(name, {}).setdefault(inner, value)
    folded: dict[str, object] = {}
    for name in plain.keys() | indexed.keys():
        values = [value for _, value in sorted(indexed.get(name, []), key=lambda pair: pair[0])]
        values += plain.get(name, [])
        is_list = name in array_fields or name in bracketed or len(values) > 1
        folded[name] = values if is_list else values[0]
    for name, members in objects.items():
        folded.setdefault(name, members)
    return folded


def read_body(request: Request, array_fields: frozenset[str]) -> tuple[BodyKind, dict[str, object]]:
    """The request's parameters and how they were sent; BadRequest for bad JSON, an unread type, or a
    string no answer could carry (`limits.check_strings`: a NUL, a lone surrogate, too long)."""
    kind, body = _read_body(request, array_fields)
    if kind == "form":  # JSON bodies were checked as they were parsed
        try:
            check_strings(body)
        except ValueError as error:
            raise BadRequest(f"Invalid form body: {error}") from None
    return kind, body


def _read_body(request: Request, array_fields: frozenset[str]) -> tuple[BodyKind, dict[str, object]]:
    """The request's parameters and how they were sent; BadRequest for bad JSON or an unread type.

    A body of another Content-Type is a 400, not a 415: the real server reads no parameters from it and
    answers as for missing ones; the message says why, which helps more than "Missing ...".
    """
    if request.method in _NO_BODY_METHODS:
        return "form", {}
    mimetype = request.mimetype
    if mimetype == "application/json" or mimetype.endswith("+json"):
        return "json", _parse_json(request.get_data(cache=True))
    if mimetype == "application/x-www-form-urlencoded":
        return "form", fold_form(parse_urlencoded(request.get_data(cache=True)), array_fields)
    if mimetype == "multipart/form-data":
        files = ((name, upload.filename or name) for name, upload in request.files.items(multi=True))
        return "form", fold_form([*request.form.items(multi=True), *files], array_fields)
    data = request.get_data(cache=True)
    if not data.strip():
        return "form", {}
    if mimetype:
        raise BadRequest(
            f"Unsupported Content-Type {shown(mimetype)}: no parameters are read from it; send "
            "application/x-www-form-urlencoded, multipart/form-data or application/json"
        )
    # No Content-Type but a body (curl -d without -H, some old clients): sniff, as lenient servers do.
    if data.lstrip()[:1] in (b"{", b"["):
        return "json", _parse_json(data)
    return "form", fold_form(parse_urlencoded(data), array_fields)
