"""Planted secrets, servers that echo them, and a search for them in everything an error can reach.

The key and passwords hold characters that URL-encoding, JSON and repr() change (`+ / = %`, a space, a
quote, non-ASCII), so a redaction that only knows the raw form misses them. Each begins with a marker
made of letters and digits, which every encoding leaves alone: finding the marker anywhere finds the
secret in any of its forms, whole or truncated.
"""

import contextlib
import json
import socket
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote, quote_plus

import httpx

from offcloud_kit import AsyncOffcloud, Offcloud

KEY = 'PLANTEDkey9 +/=%é"ü-Zq81'
PASSWORD = "PLANTEDpw7 +/=%é-ok"  # noqa: S105 - planted, the account's password
LONG_PASSWORD = 'PLANTEDlong3 "é+/' + "x" * 1100  # over 1,024: the mock quotes its start in the 400
MARKERS = ("PLANTEDkey9", "PLANTEDpw7", "PLANTEDlong3")
EMAIL = "planted@offcloud.test"


def forms(secret: str) -> list[str]:
    """`secret` raw, percent-encoded (%20 and + for a space), JSON-escaped and repr-escaped."""
    return [
        secret,
        quote(secret, safe=""),
        quote_plus(secret, safe=""),
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        repr(secret)[1:-1],
    ]


def leaks(text: str) -> list[str]:
    """The planted markers found in `text`."""
    return [marker for marker in MARKERS if marker in text]


def planted_scenario() -> dict[str, Any]:
    """A mock scenario whose one account has the planted key and password."""
    return {
        "start": "2026-01-01T00:00:00Z",
        "accounts": [{"email": EMAIL, "password": PASSWORD, "api_key": KEY, "addons": ["cloud", "premium"]}],
    }


# --- fake servers --------------------------------------------------------------------------------------
def _echo(request: httpx.Request) -> str:
    """What a careless server quotes back: the URL (key percent-encoded) and the key itself."""
    return f"refused {request.method} {request.url} for key {request.url.params.get('key')}"


def echo_handler(kind: str) -> Callable[[httpx.Request], httpx.Response]:
    """A fake server answering every request with one kind of failure, quoting the key in it."""

    def handler(request: httpx.Request) -> httpx.Response:
        if kind == "http400":
            return httpx.Response(400, json={"error": _echo(request)})
        if kind == "http503":
            return httpx.Response(503, json={"error": _echo(request)}, headers={"Retry-After": "1"})
        if kind == "legacy200":
            return httpx.Response(200, json={"error": "Request not found: " + _echo(request)})
        if kind == "unexpected":
            page = f"<html><body>Moved: <a href='{request.url}'>{_echo(request)}</a></body></html>"
            return httpx.Response(200, text=page, headers={"Content-Type": "text/html"})
        raise AssertionError(kind)

    return handler


@contextlib.contextmanager
def silent_server() -> Iterator[int]:
    """A loopback port that accepts connections and never answers (the client's read times out)."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                held.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()


def closed_port() -> int:
    """A loopback port nobody listens on (connecting is refused)."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port


KINDS = ("timeout", "refused", "http400", "http503", "legacy200", "unexpected")


@contextlib.contextmanager
def failing_client(kind: str, *, asynchronous: bool = False) -> Iterator[Offcloud | AsyncOffcloud]:
    """A client with the planted key whose calls fail with `kind`; only loopback or in-memory servers."""
    cls = AsyncOffcloud if asynchronous else Offcloud
    with contextlib.ExitStack() as stack:
        if kind == "timeout":
            port = stack.enter_context(silent_server())
            yield cls(KEY, base_url=f"http://127.0.0.1:{port}", timeout=0.3, max_retries=0)
        elif kind == "refused":
            yield cls(KEY, base_url=f"http://127.0.0.1:{closed_port()}", max_retries=0)
        else:
            transport = httpx.MockTransport(echo_handler(kind))
            yield cls(KEY, base_url="http://fake.test", httpx_args={"transport": transport}, max_retries=0)


# --- searching an error ------------------------------------------------------------------------------
def chain(error: BaseException) -> list[BaseException]:
    """`error` and everything reachable through __cause__ and __context__."""
    found: list[BaseException] = []
    pending = [error]
    while pending:
        current = pending.pop()
        if any(current is seen for seen in found):
            continue
        found.append(current)
        pending += [e for e in (current.__cause__, current.__context__) if e is not None]
    return found


def _safe_repr(value: object) -> str:
    try:
        return repr(value)
    except Exception as exc:  # a repr that fails shows nothing
        return f"<repr failed: {exc!r}>"


def exposures(error: BaseException) -> list[str]:
    """Every place where `error` lets a planted secret or a raw httpx request/response be reached.

    Looks at each exception of the chain: str, repr, args, every attribute (vars()), the `request` and
    `response` httpx exceptions offer, the locals of every frame of its traceback (what pytest
    --showlocals and Sentry print), and the formatted traceback with locals.
    """
    problems: list[str] = []
    for exc in chain(error):
        name = type(exc).__name__
        places = {"str": str(exc), "repr": _safe_repr(exc), "args": _safe_repr(exc.args)}
        attributes = dict(vars(exc))
        for attribute in ("request", "response"):
            with contextlib.suppress(Exception):  # httpx raises RuntimeError for an unset .request
                attributes[attribute] = getattr(exc, attribute)
        for attribute, value in attributes.items():
            places[f"attribute {attribute}"] = _safe_repr(value)
            if isinstance(value, httpx.Request | httpx.Response):
                problems.append(f"{name}.{attribute} is a raw {type(value).__name__}")
        for frame, _ in traceback.walk_tb(exc.__traceback__):
            for local, value in frame.f_locals.items():
                places[f"local {local} of {frame.f_code.co_name}()"] = _safe_repr(value)
        places["traceback with locals"] = "".join(
            traceback.TracebackException.from_exception(exc, capture_locals=True).format()
        )
        problems += [
            f"{marker} in {name} {place}" for place, text in places.items() for marker in leaks(text)
        ]
    return problems
