"""Doing what an injected fault says: wait, answer an error status or an HTML page, or drop the connection.

How a connection is dropped, honestly in both ways the mock runs:
* Under waitress, the answer's body raises waitress's own `ClientDisconnected` before a byte is written.
  Waitress then closes the socket without writing anything: the client sees the connection closed with
  no answer (httpx: `RemoteProtocolError: Server disconnected without sending a response.`), exactly what
  a crashed upstream or a load balancer's idle cut looks like. Nothing is logged above INFO.
* In-process (httpx's WSGITransport, Flask's test client) there is no socket: the body raises
  `ConnectionDropped`, a subclass of `httpx.RemoteProtocolError` with the same message, so a client under
  test sees the same exception type as it would live.
* Under granian (offcloud_mock.serving.rsgi_bridge), which cannot close a connection without answering: a 500
  with an empty body, the nearest it has.
"""

import math
import time
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

import httpx
from flask import Response

from offcloud_mock.backend.faults import Fault
from offcloud_mock.http.error_handlers import json_error, mark_outside_contract

__all__ = ["DROPPED_STATUS", "SLEEP_ENVIRON_KEY", "ConnectionDropped", "fault_response"]

# Both servers put a function here that takes a fault's latency over, so that no thread sleeps through
# it: granian's bridge waits on its event loop, waitress holds the connection's output (waitress_channel);
# either way the answer, built at once, is sent that much later. In-process, the caller's thread sleeps.
SLEEP_ENVIRON_KEY = "offcloud_mock.sleep"
DROPPED_STATUS = 0  # what the journal records for a request that got no answer at all
_DROP_MESSAGE = "Server disconnected without sending a response."
_HTML_STATUS = 502  # what a proxy in front of a broken app answers


class ConnectionDropped(httpx.RemoteProtocolError):
    """The mock dropped the connection (in-process stand-in for a closed socket)."""

    def __init__(self) -> None:
        super().__init__(_DROP_MESSAGE)


class _DroppedBody:
    """A WSGI body that ends the connection instead of yielding anything."""

    def __init__(self, under_waitress: bool) -> None:
        self._under_waitress = under_waitress

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        if self._under_waitress:
            from waitress.channel import ClientDisconnected  # only ever reached under waitress

            raise ClientDisconnected
        raise ConnectionDropped()


def _html_page(status: int) -> str:
    phrase = HTTPStatus(status).phrase
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Page not found.</title></head>\n'
        f"<body><h1>Page not found.</h1><p>{status} {phrase}</p></body></html>\n"
    )


def fault_response(fault: Fault, environ: dict[str, Any]) -> Response | None:
    """Apply the fault: wait its latency, then the answer to send instead (None: answer normally)."""
    if fault.latency > 0:
        environ.get(SLEEP_ENVIRON_KEY, time.sleep)(fault.latency)
    if fault.drop:
        mark_outside_contract()
        under_waitress = "waitress.client_disconnected" in environ
        return Response(_DroppedBody(under_waitress), status=500, direct_passthrough=True)
    if fault.html or fault.status is not None:
        mark_outside_contract()
        headers: dict[str, str] = {}
        if fault.retry_after is not None:
            # Retry-After takes whole seconds (RFC 9110); round up so a client never retries too early.
            headers["Retry-After"] = str(math.ceil(fault.retry_after))
        if fault.html:
            status = fault.status or _HTML_STATUS
            return Response(_html_page(status), status=status, mimetype="text/html", headers=headers)
        assert fault.status is not None
        return json_error(fault.status, "Injected fault", headers)
    return None
