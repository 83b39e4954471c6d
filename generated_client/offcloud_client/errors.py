"""Errors raised by the API functions when a response is not what openapi.yaml documents.

Hierarchy::

    UnexpectedResponse          any answer the spec does not describe
    ├── UnexpectedStatus        a status code the operation does not document (only raised when
    │                           Client.raise_on_unexpected_status is True), or one that is not a
    │                           standard HTTP status at all, such as Cloudflare's 520 (always raised)
    └── UnexpectedBody          a documented status whose body is none of the documented shapes:
                                not JSON (an HTML error page), JSON that matches no branch of a
                                oneOf, a missing required field, an enum value outside the enum

Transport problems (timeouts, refused connections) are httpx's own exceptions and are not wrapped.
"""

import json
from http import HTTPStatus

import httpx

# How much of the body an error message shows; the whole body stays in `.content`.
_BODY_EXCERPT_CHARS = 300

# What generated parsing code raises on a body of the wrong shape: a missing key (KeyError), an
# unparsable date or JSON document (ValueError, JSONDecodeError), a value outside an enum (TypeError
# from a literal enum's check, ValueError from an Enum class), a value of the wrong type (TypeError,
# AttributeError). Upstream's oneOf parsing catches this same set between branches.
PARSE_ERRORS = (KeyError, ValueError, TypeError, AttributeError)


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
    else:
        reason = (
            f"the body matches none of the documented shapes ({expected}); "
            f"parsing failed with {error.__class__.__name__}: {error}"
        )
    return UnexpectedBody(response.status_code, response.content, reason=reason)


__all__ = [
    "PARSE_ERRORS",
    "UnexpectedBody",
    "UnexpectedResponse",
    "UnexpectedStatus",
    "http_status",
    "is_standard_status",
    "undocumented_status",
    "unparsable_body",
]
