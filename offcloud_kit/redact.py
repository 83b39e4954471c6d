"""Keeping credentials out of logs, error messages, reprs and tracebacks.

The documented way to authenticate puts the API key in the query string (`?key=...`), so every URL the
client builds carries it. httpx logs each URL at INFO level ("HTTP Request: POST https://...?key=..."),
httpcore logs response headers (with the `connect.sid` session cookie) at DEBUG, and httpx exceptions may
quote URLs. Everything here replaces such secrets by `***`:

* `redact(text)` masks `key=`/`apikey=`/`apiKey=`/`api_key=` query or form values, the same names as
  JSON string fields, `Bearer` tokens, `connect.sid` cookies, and every secret registered with
  `register_secret()` (the clients register their API key), wherever it appears.
* `install_log_redaction()` adds a filter that rewrites log records to the httpx, httpcore and
  offcloud_kit loggers. A filter on a logger only sees records logged *to that logger*, not those
  propagated from its children, so it is added to every existing child logger too. Idempotent.
* `scrub_exception(exc)` rewrites the messages of an exception and of everything chained to it, so a
  printed traceback of a wrapped httpx error shows no secret either.
"""

import logging
import re
import threading
from urllib.parse import quote

__all__ = [
    "MASK",
    "RedactingFilter",
    "install_log_redaction",
    "redact",
    "redact_bytes",
    "register_secret",
    "scrub_exception",
]

MASK = "***"

_NAME = r"(?:key|api_?key)"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Query strings and form bodies: key=..., apikey=..., apiKey=..., api_key=...
    (re.compile(rf"(?i)(\b{_NAME}=)[^&\s\"'#<>]+"), rf"\g<1>{MASK}"),
    # JSON fields: "apiKey": "...", "key": "..."
    (re.compile(rf'(?i)("{_NAME}"\s*:\s*")[^"]*"'), rf'\g<1>{MASK}"'),
    # Python reprs of dicts: 'apiKey': '...'
    (re.compile(rf"(?i)('{_NAME}'\s*:\s*')[^']*'"), rf"\g<1>{MASK}'"),
    # Authorization headers
    (re.compile(r"(?i)(\bbearer\s+)[A-Za-z0-9._~+/=-]+"), rf"\g<1>{MASK}"),
    # The session cookie, in Set-Cookie/Cookie headers and httpcore's header reprs
    (re.compile(r"(connect\.sid=)[^;,\s\"'&]+"), rf"\g<1>{MASK}"),
)

# Shorter strings would mask innocent text; real keys are 32 characters.
_MIN_SECRET_LENGTH = 6
_secrets: set[str] = set()
_longest_first: tuple[str, ...] = ()  # _secrets sorted once per registration, not per redact() call
_secrets_lock = threading.Lock()


def register_secret(secret: str | None) -> None:
    """Mask `secret` (and its URL-encoded form) wherever redact() meets it from now on."""
    global _longest_first
    if secret is None or len(secret) < _MIN_SECRET_LENGTH:
        return
    with _secrets_lock:
        _secrets.add(secret)
        _secrets.add(quote(secret, safe=""))
        _longest_first = tuple(sorted(_secrets, key=len, reverse=True))


def redact(text: str) -> str:
    """`text` with every credential replaced by `***`."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    for secret in _longest_first:  # a tuple is replaced whole, never changed: safe to read unlocked
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def redact_bytes(content: bytes) -> bytes:
    """redact() for a body; bytes that are not UTF-8 survive unchanged (surrogateescape)."""
    text = content.decode("utf-8", errors="surrogateescape")
    clean = redact(text)
    return content if clean == text else clean.encode("utf-8", errors="surrogateescape")


class RedactingFilter(logging.Filter):
    """Rewrites a record's message, exception text and stack text with redact(); never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is the logging module's business, not ours
            return True
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_text is None:
            # Formatters reuse exc_text when it is set, so the traceback is rendered (redacted) once here.
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


_FILTER = RedactingFilter()
_LOGGER_ROOTS = ("httpx", "httpcore", "offcloud_kit", "offcloud_client")
# httpcore's loggers (httpcore/_sync/*.py); named here so they get the filter even before first use.
_KNOWN_LOGGERS = (
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)
_install_lock = threading.Lock()


def install_log_redaction() -> None:
    """Add the redacting filter to the httpx, httpcore and offcloud_kit loggers and their children.

    Safe to call any number of times; the clients call it whenever one is created.
    """
    with _install_lock:
        existing = [
            name
            for name in list(logging.Logger.manager.loggerDict)
            if any(name == root or name.startswith(root + ".") for root in _LOGGER_ROOTS)
        ]
        for name in {*_LOGGER_ROOTS, *_KNOWN_LOGGERS, *existing}:
            logger = logging.getLogger(name)
            if _FILTER not in logger.filters:
                logger.addFilter(_FILTER)


def _scrub_one(exc: BaseException) -> None:
    if not any(isinstance(arg, str) for arg in exc.args):
        return
    clean = tuple(redact(arg) if isinstance(arg, str) else arg for arg in exc.args)
    if clean != exc.args:
        exc.args = clean


def scrub_exception(exc: BaseException) -> BaseException:
    """Redact the messages of `exc` and of its whole __cause__/__context__ chain, in place; returns exc."""
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        _scrub_one(current)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return exc
