"""The body of a request whose client stopped sending before its end (it closed its side, or the
connection broke): what both servers hand the app in its place, so that the app answers it.

Reading it raises werkzeug's `ClientDisconnected`, a 400 the app's error handlers answer as JSON
`{"error": ...}` like any other, logged by `--log-requests` and journaled. Nothing is created from
the part that did arrive: a URL cut short is not a URL the client sent.
"""

import io

from werkzeug.exceptions import ClientDisconnected

__all__ = ["TruncatedBody"]


class TruncatedBody(io.RawIOBase):
    """A `wsgi.input` that holds no body, only the reason why."""

    def __init__(self, declared: str | None) -> None:
        super().__init__()
        whole = f"its Content-Length ({declared} bytes)" if declared else "its last chunk"
        self.message = f"The request body ended before {whole}: the client stopped sending it"

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: "memoryview | bytearray") -> int:  # type: ignore[override]
        raise ClientDisconnected(self.message)
