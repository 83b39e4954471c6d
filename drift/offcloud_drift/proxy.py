"""The validating proxy: a plain WSGI app that forwards every request unchanged (credentials included) to the
upstream with httpx, answers the upstream's answer, and checks each exchange against the spec on the way.

Nothing about the request is changed but what HTTP itself requires: hop-by-hop headers and Host are not
forwarded; the upstream's compressed body arrives decoded, so its Content-Encoding and Content-Length are
replaced. When the upstream cannot be reached (refused, timeout, TLS) the answer is a 502
`{"error": "..."}`, counted as an upstream failure, never as drift.
"""

import json
import logging
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Any
from urllib.parse import quote

import httpx

from offcloud_drift.checks import Checker, Finding
from offcloud_drift.collect import Collector
from offcloud_drift.exchange import Exchange
from offcloud_drift.recorder import Recorder
from offcloud_drift.redact import Redactor

__all__ = ["DriftProxy"]

_log = logging.getLogger("offcloud_drift")
_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "trailers",
    "transfer-encoding",
    "upgrade",
    "host",
    "content-length",
    "content-encoding",
}
StartResponse = Callable[..., Any]


def _request_headers(environ: dict[str, Any]) -> list[tuple[str, str]]:
    headers = []
    for name, value in environ.items():
        if name.startswith("HTTP_"):
            header = name[5:].replace("_", "-").title()
        elif name in ("CONTENT_TYPE", "CONTENT_LENGTH") and value:
            header = name.replace("_", "-").title()
        else:
            continue
        if header.lower() not in _HOP_BY_HOP:
            headers.append((header, str(value)))
    return headers


def _read_body(environ: dict[str, Any]) -> bytes:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    stream = environ.get("wsgi.input")
    return stream.read(length) if stream is not None and length > 0 else b""


class DriftProxy:
    """WSGI app: forward, answer, check, collect, record."""

    def __init__(
        self,
        upstream: str,
        checker: Checker,
        redactor: Redactor,
        collector: Collector,
        recorder: Recorder | None = None,
        *,
        timeout: float = 30.0,
        verify: bool = True,
        on_exchange: Callable[[str], None] | None = None,
    ) -> None:
        self.upstream = upstream.rstrip("/")
        self.checker = checker
        self.redactor = redactor
        self.collector = collector
        self.recorder = recorder
        self.on_exchange = on_exchange
        # A jar that keeps no cookie: the proxy must not carry one client's session into the next request
        # (httpx would store every Set-Cookie and send it again); each client sends its own Cookie header.
        no_cookies = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
        self._client = httpx.Client(
            timeout=timeout, verify=verify, follow_redirects=False, trust_env=False, cookies=no_cookies
        )

    def close(self) -> None:
        self._client.close()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = str(environ["REQUEST_METHOD"]).upper()
        # PATH_INFO arrives percent-decoded as latin-1 text; forward it encoded again, byte for byte.
        raw_path = str(environ.get("PATH_INFO", "")).encode("latin-1")
        path = raw_path.decode("utf-8", "replace")
        query = str(environ.get("QUERY_STRING", ""))
        headers = _request_headers(environ)
        body = _read_body(environ)
        url = self.upstream + quote(raw_path, safe="/:@!$&'()*+,;=-._~%") + (f"?{query}" if query else "")
        error = ""
        try:
            answer = self._client.request(method, url, headers=headers, content=body)
            status, answer_headers, answer_body = (
                answer.status_code,
                answer.headers.multi_items(),
                answer.content,
            )
        except httpx.TimeoutException as failure:
            error = f"upstream timed out ({type(failure).__name__})"
        except httpx.ConnectError as failure:
            error = f"upstream unreachable: {failure}"
        except httpx.HTTPError as failure:
            error = f"upstream failed: {type(failure).__name__}: {failure}"
        exchange_headers = tuple(headers)
        if error:
            error = self.redactor.text(error)
            status, answer_body = 502, json.dumps({"error": error}).encode()
            answer_headers = [("Content-Type", "application/json")]
        exchange = Exchange(
            method, path, query, exchange_headers, body, status, tuple(answer_headers), answer_body, error
        )
        self._observe(exchange)
        kept = [(n, v) for n, v in answer_headers if n.lower() not in _HOP_BY_HOP]
        kept.append(("Content-Length", str(len(answer_body))))
        start_response(f"{status} {_reason(status)}", kept)
        return [answer_body]

    def _observe(self, exchange: Exchange) -> None:
        """Check, collect and record; a failure here is logged, never turned into the client's answer."""
        seq = self.collector.next_seq()
        try:
            exchange.learn_secrets(self.redactor)
            operation, findings = "upstream-error", list[Finding]()
            if not exchange.upstream_error:
                operation, findings = self.checker.check(
                    exchange.method,
                    exchange.path,
                    exchange.status,
                    exchange.header("content-type"),
                    exchange.response_body,
                )
            self.collector.add(seq, exchange, operation, findings)
            if self.recorder is not None:
                self.recorder.write(exchange.record(seq, operation, findings, self.redactor))
            if self.on_exchange is not None:
                summary = f"{len(findings)} finding(s)" if findings else "ok"
                if exchange.upstream_error:
                    summary = exchange.upstream_error
                self.on_exchange(
                    self.redactor.text(
                        f"{seq:04d} {exchange.method} {exchange.path} -> {exchange.status} {operation}: {summary}"
                    )
                )
        except Exception as failure:  # the exchange is answered whatever the bookkeeping does
            _log.error("drift proxy: exchange %d not checked: %s", seq, self.redactor.text(repr(failure)))


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"
