"""Domain errors of the mock backend, one class per meaning, none of them knowing HTTP.

Which status and body each error is answered with, in which era of the server, is decided by the
presenters of the HTTP layer (`mock_server.http.presenters`), and only there.
"""

from typing import ClassVar

__all__ = [
    "BadArchive",
    "BadRequest",
    "DomainError",
    "InvalidCredentials",
    "NoAuth",
    "NotAvailable",
    "NotFound",
    "ScenarioError",
]


class DomainError(Exception):
    """An outcome of an operation of the faked API that is not a success."""

    default_message: ClassVar[str] = "Internal error"

    def __init__(self, message: str | None = None) -> None:
        self.message = self.default_message if message is None else message
        super().__init__(self.message)


class BadRequest(DomainError):
    """The request cannot be processed as sent (bad url, unknown remote account, not ready yet...)."""

    default_message = "Bad request"


class NoAuth(DomainError):
    """Missing, malformed or unknown API key or session."""

    default_message = "NOAUTH"


class InvalidCredentials(DomainError):
    """Login with an unknown e-mail or a wrong password."""

    default_message = "The credentials entered are wrong."


class NotFound(DomainError):
    """Unknown request id; another account's id is reported exactly the same way."""

    default_message = "Request not found"


class BadArchive(DomainError):
    """Exploring a single-file download: the real server refuses it with this message."""

    default_message = "Bad archive"


class NotAvailable(DomainError):
    """The account lacks the add-on this download needs (a refusal, not a failure, on the real server)."""

    def __init__(self, addon: str) -> None:
        self.addon = addon
        super().__init__(f"not available without the {addon!r} add-on")


class ScenarioError(ValueError):
    """A scenario that cannot be loaded; the message names the file and the path of the bad field."""
