"""Keeping credentials out of logs, error messages, reprs and tracebacks.

The documented way to authenticate puts the API key in the query string (`?key=...`), so every URL the
client builds carries it. httpx logs each URL at INFO level ("HTTP Request: POST https://...?key=..."),
httpcore logs response headers (with the `connect.sid` session cookie) at DEBUG, httpx exceptions keep
the request (URL and all), and servers echo what they were sent (the mock quotes the first 79 characters
of an over-long password in its 400). Everything here replaces such secrets by `***`:

* `redact(text)` masks every secret registered with `register_secret()` (the clients register their API
  key, the login password and keys they are told), in each form it takes on the way: raw, percent-encoded
  (`%2B`, and `+` for a space, as httpx encodes a query or a form), JSON- and repr-escaped; a truncated
  echo of a long one (a prefix of 16 characters or more) too. Then the values of fields named like a
  credential (`key=`, `"apiKey": "..."`, `'password': '...'`, `access_token`...), `Bearer` tokens and
  `connect.sid` cookies, registered or not.
* `install_log_redaction()` adds a filter that rewrites log records to the httpx, httpcore and
  offcloud_kit loggers. A filter on a logger only sees records logged *to that logger*, not those
  propagated from its children, so it is added to every existing child logger too. Idempotent.
* `scrub_exception(exc)` detaches an exception from the request that caused it: messages and text
  attributes redacted, httpx/httpcore request, response and URL objects dropped, tracebacks (whose
  frames' locals hold the request) dropped, along the whole __cause__/__context__ chain.
"""

import json
import logging
import re
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, quote_plus

__all__ = [
    "MASK",
    "RedactedDict",
    "RedactingFilter",
    "install_log_redaction",
    "redact",
    "redact_bytes",
    "redact_json",
    "register_secret",
    "scrub_exception",
]

MASK = "***"

# Names whose values are credentials wherever they appear: query strings, forms, JSON, Python reprs.
_NAME = r"(?:key|api_?key|password|passwd|(?:access|refresh|id)_?token|device_?code|client_?secret)"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Query strings and form bodies: key=..., apikey=..., apiKey=..., api_key=..., password=...
    (re.compile(rf"(?i)(\b{_NAME}=)[^&\s\"'#<>]+"), rf"\g<1>{MASK}"),
    # JSON fields: "apiKey": "...", "key": "...", "access_token": "..." (escaped quotes included)
    (re.compile(rf'(?i)("{_NAME}"\s*:\s*")(?:[^"\\]|\\.)*"'), rf'\g<1>{MASK}"'),
    # Python reprs of dicts: 'apiKey': '...', 'password': '...'
    (re.compile(rf"(?i)('{_NAME}'\s*:\s*')(?:[^'\\]|\\.)*'"), rf"\g<1>{MASK}'"),
    # Authorization headers
    (re.compile(r"(?i)(\bbearer\s+)[A-Za-z0-9._~+/=-]+"), rf"\g<1>{MASK}"),
    # The session cookie, in Set-Cookie/Cookie headers and httpcore's header reprs
    (re.compile(r"(connect\.sid=)[^;,\s\"'&]+"), rf"\g<1>{MASK}"),
)

# Shorter strings would mask innocent text; real keys are 32 characters.
_MIN_SECRET_LENGTH = 6
# A piece of a secret this long is a truncated echo of it (a server quoting the first 79 characters of
# a password), not a coincidence; shorter pieces are left alone, so "password1" does not mask "password".
_MIN_PREFIX_LENGTH = 16
_given: set[str] = set()  # the secrets as registered
_secrets: set[str] = set()  # and every form of them
_registered: tuple[str, ...] = ()  # a snapshot of _secrets, replaced whole on each registration
_secrets_lock = threading.Lock()


def _forms(secret: str) -> set[str]:
    """`secret` as it appears in URLs, forms, JSON, reprs and httpcore's byte reprs."""
    forms = {
        secret,
        quote(secret, safe=""),  # %20 for a space, %2B for a plus
        quote(secret),  # urllib's default keeps "/"
        quote_plus(secret, safe=""),  # "+" for a space: httpx's query strings and form bodies
        json.dumps(secret)[1:-1],  # \u00e9, \", \\
        json.dumps(secret, ensure_ascii=False)[1:-1],
        repr(secret)[1:-1],
        repr(secret.encode("utf-8", errors="surrogatepass"))[2:-1],  # b'...\xc3\xa9...'
    }
    return {form for form in forms if len(form) >= _MIN_SECRET_LENGTH}


def register_secret(secret: str | None) -> None:
    """Mask `secret` (and its encoded and escaped forms) wherever redact() meets it from now on."""
    global _registered
    if secret is None or len(secret) < _MIN_SECRET_LENGTH:
        return
    with _secrets_lock:
        if secret in _given:
            return
        _given.add(secret)
        _secrets.update(_forms(secret))
        _registered = tuple(_secrets)


def _spans(text: str, secret: str) -> Iterator[tuple[int, int]]:
    """Where `secret`, or a prefix of it of _MIN_PREFIX_LENGTH or more (a truncated echo), is in `text`."""
    anchor = secret[:_MIN_PREFIX_LENGTH]
    start = text.find(anchor)
    while start >= 0:
        end = start + len(anchor)
        if len(secret) > len(anchor):
            limit = min(len(text), start + len(secret))
            while end < limit and text[end] == secret[end - start]:
                end += 1
        yield start, end
        start = text.find(anchor, end)


def redact(text: str) -> str:
    """`text` with every credential replaced by `***`."""
    # Registered secrets first: a key with "&" or a space would otherwise be masked only up to it by the
    # patterns. The spans of all forms are merged, so a form sharing its start with another (raw and
    # JSON-escaped) cannot mask part of an occurrence and leave the rest for no form to match.
    # _registered is replaced whole, never changed: safe to read unlocked.
    spans = sorted(span for secret in _registered for span in _spans(text, secret))
    if spans:
        pieces: list[str] = []
        done = 0
        for start, end in spans:
            if start > done or not pieces:
                pieces += [text[done:start], MASK]
            done = max(done, end)
        pieces.append(text[done:])
        text = "".join(pieces)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def redact_bytes(content: bytes) -> bytes:
    """redact() for a body; bytes that are not UTF-8 survive unchanged (surrogateescape)."""
    text = content.decode("utf-8", errors="surrogateescape")
    clean = redact(text)
    return content if clean == text else clean.encode("utf-8", errors="surrogateescape")


_SECRET_FIELD = re.compile(rf"(?i){_NAME}")


def redact_json(value: Any) -> Any:
    """A parsed JSON value with its strings redacted and the values of credential fields masked.

    Redacting the parsed value, not the raw body, also catches a secret the server escaped twice (a
    message quoting a JSON-encoded password, itself sent as JSON).
    """
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [redact_json(item) for item in value]
    if isinstance(value, dict):
        return {
            redact(str(name)): MASK
            if isinstance(item, str) and _SECRET_FIELD.fullmatch(str(name))
            else redact_json(item)
            for name, item in value.items()
        }
    return value


class RedactedDict(dict[str, Any]):
    """A dict whose repr() is redacted: request arguments (form bodies with passwords) kept in objects
    that tracebacks with locals (pytest --showlocals, Sentry) print."""

    def __repr__(self) -> str:
        return redact(super().__repr__())


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


# Attribute values kept as they are on a scrubbed exception; str and bytes are redacted; anything else
# (an httpx.Request, Response or URL, whose url holds ?key=) is kept only if its repr shows no secret.
_PLAIN = (int, float, bool, type(None))


def _scrub_value(value: object) -> object:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, bytes):
        return redact_bytes(value)
    if isinstance(value, _PLAIN):
        return value
    if type(value).__module__.split(".")[0] in ("httpx", "httpcore"):
        return None  # requests, responses, URLs: they carry the key whatever their repr shows
    try:
        shown = repr(value)
    except Exception:  # an object that cannot even show itself is not worth keeping
        return None
    return value if redact(shown) == shown else None


def _scrub_one(exc: BaseException) -> None:
    exc.args = tuple(_scrub_value(arg) for arg in exc.args)
    for name, value in list(vars(exc).items()):
        clean = _scrub_value(value)
        if clean is not value:
            vars(exc)[name] = clean  # not setattr: a read-only property of the same name is no obstacle
    # The frames of a transport's traceback hold the request (URL, key and all) in their locals, which
    # pytest --showlocals and Sentry print; the message says what went wrong without them.
    exc.__traceback__ = None


def scrub_exception(exc: BaseException, *, outside: BaseException | None = None) -> BaseException:
    """Detach `exc` and its whole __cause__/__context__ chain from the request, in place; returns exc.

    Messages and text attributes are redacted, httpx/httpcore objects (requests, responses, URLs) set to
    None (so `.request` of a scrubbed httpx error raises RuntimeError, as for one never sent), and the
    tracebacks dropped: the frames of httpx and httpcore hold the raw URL in their locals.

    `outside` is the exception the caller was handling when the request was made (sys.exc_info()), which
    Python chains as the __context__ of the request's errors: it and what lies beyond it are the caller's
    and left alone.
    """
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen or current is outside:
            continue
        seen.add(id(current))
        _scrub_one(current)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return exc
