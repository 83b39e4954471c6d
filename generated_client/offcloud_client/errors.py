"""Errors raised by the API functions when a response is not what openapi.yaml documents.

Hierarchy::

    UnexpectedResponse          any answer the spec does not describe
    ├── UnexpectedStatus        a status code the operation does not document (only raised when
    │                           Client.raise_on_unexpected_status is True), or one that is not a
    │                           standard HTTP status at all, such as Cloudflare's 520 (always raised)
    └── UnexpectedBody          a documented status whose body is none of the documented shapes:
                                not JSON (an HTML error page), JSON that matches no branch of a
                                oneOf, a missing required field, a value of the wrong JSON type,
                                an enum or const value outside the spec, a string, array or number
                                outside its declared bounds

Transport problems (timeouts, refused connections) are httpx's own exceptions and are not wrapped.
"""

import json
from collections.abc import Mapping
from http import HTTPStatus
from types import NoneType
from typing import TypeVar

import httpx

from .types import Unset

T = TypeVar("T")

# How much of the body an error message shows; the whole body stays in `.content`.
_BODY_EXCERPT_CHARS = 300

# What generated parsing code raises on a body of the wrong shape: a missing key (KeyError), an
# unparsable date or JSON document (ValueError, JSONDecodeError), a value outside an enum (TypeError
# from a literal enum's check, ValueError from an Enum class), a value of the wrong type (TypeError
# from check_type(), AttributeError), a value outside its const or bounds (ValueError from
# check_const() or check_bounds()). Upstream's oneOf parsing catches this same set between branches.
# And a JSON document nested deeper than the interpreter's recursion limit, which Python's JSON reader
# gives up on with a RecursionError (an answer 100,000 brackets deep): raised before any branch is tried.
PARSE_ERRORS = (KeyError, ValueError, TypeError, AttributeError, RecursionError)


def _excerpt(content: bytes) -> str:
    text = content.decode("utf-8", errors="replace")
    if len(text) <= _BODY_EXCERPT_CHARS:
        return repr(text)
    return f"{text[:_BODY_EXCERPT_CHARS]!r}... ({len(content)} bytes in all)"


class UnexpectedResponse(Exception):
    """The server answered something that openapi.yaml does not describe.

    Attributes:
        status_code: The HTTP status code as received (possibly non-standard, e.g. 520).
        content: The raw response body.
        reason: Why the response was not accepted, in words.
    """

    def __init__(self, status_code: int, content: bytes, reason: str) -> None:
        self.status_code = status_code
        self.content = content
        self.reason = reason
        super().__init__(f"Unexpected response, HTTP {status_code}: {reason}. Body: {_excerpt(content)}")


class UnexpectedStatus(UnexpectedResponse):
    """The status code is not documented for the operation, or is not a standard HTTP status.

    Raised for an undocumented standard status only when Client.raise_on_unexpected_status is True
    (otherwise `parsed` is None); always raised for a non-standard status such as 520.
    """

    def __init__(self, status_code: int, content: bytes, reason: str | None = None) -> None:
        if reason is None:
            reason = "the status code is not documented for this operation"
        super().__init__(status_code, content, reason)


class UnexpectedBody(UnexpectedResponse):
    """The status code is documented, but the body is none of the shapes documented for it."""


def is_standard_status(status_code: int) -> bool:
    """Whether `status_code` is one of http.HTTPStatus (520 and the like are not)."""
    try:
        HTTPStatus(status_code)
    except ValueError:
        return False
    return True


def undocumented_status(response: httpx.Response) -> UnexpectedStatus:
    """The error for a status code that the operation does not document."""
    if is_standard_status(response.status_code):
        return UnexpectedStatus(response.status_code, response.content)
    return UnexpectedStatus(
        response.status_code, response.content, reason="the status code is not a standard HTTP status"
    )


def http_status(response: httpx.Response) -> HTTPStatus:
    """The response status as HTTPStatus; raises UnexpectedStatus for a non-standard code such as 520."""
    if not is_standard_status(response.status_code):
        raise undocumented_status(response)
    return HTTPStatus(response.status_code)


def unparsable_body(response: httpx.Response, expected: str, error: Exception) -> UnexpectedBody:
    """The error for a documented status whose body could not be parsed as `expected`."""
    content_type = response.headers.get("content-type", "none")
    if isinstance(error, json.JSONDecodeError):
        reason = f"the body is not valid JSON (Content-Type: {content_type}); expected {expected}"
    elif isinstance(error, RecursionError):
        reason = f"the body is JSON nested too deep to read; expected {expected}"
    else:
        reason = (
            f"the body matches none of the documented shapes ({expected}); "
            f"parsing failed with {error.__class__.__name__}: {error}"
        )
    return UnexpectedBody(response.status_code, response.content, reason=reason)


# The JSON names of the types check_type() is given, for its messages.
_JSON_NAMES: dict[type, str] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    list: "array",
    dict: "object",
    Mapping: "object",
    NoneType: "null",
}

# An isinstance() argument: a type or a tuple of types.
Expected = type | tuple[type, ...]


def _admits(expected: Expected, kind: type) -> bool:
    return expected is kind or (isinstance(expected, tuple) and kind in expected)


def _has_type(value: object, expected: Expected) -> bool:
    if value.__class__ is bool:  # JSON true is no integer, though Python's True is an int
        return _admits(expected, bool)
    if isinstance(value, expected) or value.__class__ is Unset:
        return True
    return value.__class__ is int and _admits(expected, float)  # JSON 1 is a number


def _wrong_type(name: str, value: object, expected: Expected) -> TypeError:
    kinds = expected if isinstance(expected, tuple) else (expected,)
    wanted = " or ".join(_JSON_NAMES.get(kind, kind.__name__) for kind in kinds)
    got = _JSON_NAMES.get(value.__class__, value.__class__.__name__)
    return TypeError(f"{name}: expected {wanted}, got {got}")


def check_type(name: str, value: T, expected: Expected, *, items: Expected | None = None) -> T:
    """`value`, after checking that it is an `expected` (and, for a list, each item an `items`).

    Used by the models' from_dict on each JSON value before anything else sees it; `name` says where
    the value is (`ErrorBody.error`). An absent value (UNSET) passes. Raises TypeError naming the
    place and the expected and actual JSON types.
    """
    # `.__class__ is`: the common case (a str where str is expected) without a call.
    if value.__class__ is not expected and not _has_type(value, expected):
        raise _wrong_type(name, value, expected)
    if items is not None and isinstance(value, list):
        for index, item in enumerate(value):
            if item.__class__ is not items and not _has_type(item, items):
                raise _wrong_type(f"{name}[{index}]", item, items)
    return value


def check_const(name: str, value: object, const: object) -> None:
    """Raise ValueError unless `value` is the spec's `const` (or absent: UNSET).

    For a const that upstream's property type does not keep (a boolean with `const: true`); called
    after check_type(), which already rejects 1 for True.
    """
    if value != const and not isinstance(value, Unset):
        raise ValueError(f"{name}: expected {json.dumps(const)}, got {json.dumps(value, default=repr)}")


def check_bounds(name: str, value: object, minimum: float | None = None, maximum: float | None = None) -> None:
    """Raise ValueError unless `value` is within the spec's bounds (inclusive; None: no bound).

    The bounds are a string's minLength/maxLength, an array's minItems/maxItems (on its length), or a
    number's minimum/maximum. An absent value (UNSET) passes; called after check_type().
    """
    size: float
    if isinstance(value, (str, list)):
        size, what = len(value), "a length"
    elif isinstance(value, (int, float)):
        size, what = value, "a value"
    else:
        return
    if minimum is not None and size < minimum:
        raise ValueError(f"{name}: expected {what} of at least {minimum}, got {size}")
    if maximum is not None and size > maximum:
        raise ValueError(f"{name}: expected {what} of at most {maximum}, got {size}")


__all__ = [
    "PARSE_ERRORS",
    "UnexpectedBody",
    "UnexpectedResponse",
    "UnexpectedStatus",
    "check_bounds",
    "check_const",
    "check_type",
    "http_status",
    "is_standard_status",
    "undocumented_status",
    "unparsable_body",
]
