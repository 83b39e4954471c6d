"""Typed errors of the mock backend, one class per meaning.

Each error carries the HTTP status the *reworked* (2026) Offcloud API answers with, and the JSON body the
real server sends. The legacy (2014-2025) server answered most errors with HTTP 200 and the same body; that
era mapping is applied by the HTTP layer when it renders these errors, not here, so that the backend stays
free of transport concerns and the choice lives in one place.
"""

from typing import ClassVar

__all__ = [
    "BadArchive",
    "BadRequest",
    "InvalidCredentials",
    "MockApiError",
    "NoAuth",
    "NotAvailable",
    "NotFound",
    "ScenarioError",
]


class MockApiError(Exception):
    """An answer of the faked API that is not a success."""

    status: ClassVar[int] = 500
    default_message: ClassVar[str] = "Internal error"

    def __init__(self, message: str | None = None) -> None:
        self.message = self.default_message if message is None else message
        super().__init__(self.message)

    def body(self) -> dict[str, object]:
        return {"error": self.message}


class BadRequest(MockApiError):
    """The request cannot be processed as sent (bad url, unknown remote account, not ready yet...)."""

    status = 400
    default_message = "Bad request"


class NoAuth(MockApiError):
    """Missing, malformed or unknown API key or session."""

    status = 401
    default_message = "NOAUTH"


class InvalidCredentials(MockApiError):
    """Login with an unknown e-mail or a wrong password."""

    status = 401
    default_message = "The credentials entered are wrong."


class NotFound(MockApiError):
    """Unknown request id; another account's id is reported exactly the same way."""

    status = 404
    default_message = "Request not found"


class BadArchive(MockApiError):
    """Exploring a single-file download: the real server refuses it with this message."""

    status = 400
    default_message = "Bad archive"


class NotAvailable(MockApiError):
    """The account lacks the add-on this download needs.

    The real server answers these refusals with HTTP 200 in both eras, and a body without "error".
    """

    status = 200

    def __init__(self, addon: str) -> None:
        self.addon = addon
        super().__init__(f"not available without the {addon!r} add-on")

    def body(self) -> dict[str, object]:
        return {"not_available": self.addon}


class ScenarioError(ValueError):
    """A scenario that cannot be loaded; the message names the file and the path of the bad field."""
