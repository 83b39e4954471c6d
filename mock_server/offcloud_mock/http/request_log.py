"""`--log-requests`: one line per request, on the `offcloud_mock.requests` logger at INFO. Off by default.

    POST /api/cloud addCloudDownload 200 1.4ms account=de***@offcloud.test

The path without its query (the query carries the API key), the operationId (a control route's endpoint,
e.g. `control.health`, or `-`), the status (`dropped` for a connection a fault dropped), the time spent
in the app, and the account with its e-mail's local part masked (`-` when none was identified).
"""

import logging
import time

from flask import Flask, Response, g, request

__all__ = ["LOGGER_NAME", "enable_request_log", "mask_email"]

LOGGER_NAME = "offcloud_mock.requests"
_logger = logging.getLogger(LOGGER_NAME)
_MAX_PATH = 200  # a path is echoed in a log line: bounded like any echoed input


def mask_email(email: str) -> str:
    """`de***@offcloud.test`: enough to tell the scenario's accounts apart, not the whole address."""
    local, at, domain = email.partition("@")
    return f"{local[:2]}***{at}{domain}"


def _started() -> None:
    g.request_log_started = time.perf_counter()


def _finished(response: Response) -> Response:
    started: float | None = g.get("request_log_started")
    millis = 0.0 if started is None else (time.perf_counter() - started) * 1000
    operation = g.get("operation_id") or request.endpoint or "-"
    fault = g.get("fault")
    status = "dropped" if fault is not None and fault.drop else str(response.status_code)
    account = g.get("account")
    who = mask_email(account.email) if account is not None else "-"
    path = request.path if len(request.path) <= _MAX_PATH else request.path[:_MAX_PATH] + "..."
    # A control character in the path must not forge a second log line.
    path = "".join(char if char.isprintable() else "?" for char in path)
    _logger.info("%s %s %s %s %.1fms account=%s", request.method, path, operation, status, millis, who)
    return response


def enable_request_log(app: Flask) -> None:
    # Asked for explicitly, so shown even where logging was not configured (granian's worker process).
    if _logger.getEffectiveLevel() > logging.INFO:
        _logger.setLevel(logging.INFO)
    if not _logger.hasHandlers():
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        _logger.addHandler(handler)
    app.before_request(_started)
    app.after_request(_finished)
