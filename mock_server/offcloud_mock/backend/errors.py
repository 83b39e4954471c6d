"""Domain errors of the mock backend, one class per meaning, none of them knowing HTTP.

Which status and body each error is answered with, in which era of the server, is decided by the
presenters of the HTTP layer (`offcloud_mock.http.presenters`), and only there.
"""

import reprlib
from typing import ClassVar

__all__ = [
    "BadArchive",
    "BadRequest",
    "DocumentedRefusal",
    "DomainError",
    "DownloadCapReached",
    "InvalidCredentials",
    "NoAuth",
    "NotAvailable",
    "NotFound",
    "ScenarioError",
    "shown",
]

# reprlib stops at a fixed depth, length and number of items, so quoting a value costs the same however
# big it is: a "billion laughs" structure (a few hundred bytes of YAML aliases) is never expanded.
_MAX_SHOWN = 120
_SHOWN = reprlib.Repr()  # keyword arguments only from Python 3.12
_SHOWN.maxlevel, _SHOWN.maxstring, _SHOWN.maxlong, _SHOWN.maxother = 2, 60, 40, 60
_SHOWN.maxtuple = _SHOWN.maxlist = _SHOWN.maxdict = _SHOWN.maxset = _SHOWN.maxfrozenset = 4


def shown(value: object) -> str:
    """A value quoted in an error message: a short repr, bounded whatever the value."""
    text = _SHOWN.repr(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


class DomainError(Exception):
    """An outcome of an operation of the faked API that is not a success."""

    default_message: ClassVar[str] = "Internal error"

    def __init__(self, message: str | None = None) -> None:
        self.message = self.default_message if message is None else message
        super().__init__(self.message)


class BadRequest(DomainError):
    """The request cannot be processed as sent (bad url, unknown remote account, not ready yet...)."""

    default_message = "Bad request"


class DocumentedRefusal(BadRequest):
    """A bad request answered with the very body the spec documents for it (e.g. `{"error": "Incorrect
    url"}`, or an OAuth error with its description), instead of a message worded here."""

    def __init__(self, body: dict[str, object]) -> None:
        super().__init__(str(body.get("error", "")) or None)
        self.body = dict(body)


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


class DownloadCapReached(BadRequest):
    """The mock holds as many downloads as its `max_downloads` setting allows (a mock limit, not the API's).

    A refinement of BadRequest, so every era answers it as one: a client must not retry it blindly, and
    the spec documents a 400 for every add.
    """

    def __init__(self, limit: int, uploaded_files: int | None = None) -> None:
        held = f"its maximum of {limit} downloads (max_downloads)"
        if uploaded_files is not None:  # an upload takes one place per file it lists
            held = (
                f"no room for this uploaded torrent, which lists {uploaded_files} files: each file of an "
                f"uploaded torrent takes the place of a download, and the mock holds at most {limit} "
                "(max_downloads)"
            )
        super().__init__(
            f"The mock holds {held}: reset it (POST /_mock/reset) or start it with a higher --max-downloads"
        )
        self.limit = limit


class ScenarioError(ValueError):
    """A scenario that cannot be loaded; the message names the file and the path of the bad field."""
