"""Credentials for every case schemathesis sends, applied through the spec's security schemes.

Registered with `@schema.auth()` (not through schemathesis' config), because config-based auth is not
applied to the content-type probes of the coverage phase, and a probe without credentials would be
answered 401, which the suite must never accept from valid data. Per operation, the provider uses the
scheme the operation's `security` offers:

* `apiKey` (`?key=`): every operation that accepts an API key;
* `session` (`connect.sid` cookie): operations that accept only the session, i.e. getApiKey, and the
  optional session of checkLogin; the cookie comes from logging in once with the account's e-mail and
  password (no credentials: no cookie, and those operations are answered 401 as they should be);
* nothing for `security: []` (login).

The provider never retries or refreshes on a 401: a wrong key must show up as a failure, not be hidden.
"""

from collections.abc import Callable
from typing import Any

from offcloud_contract.support.spec.openapi_document import SpecOperation, operations

__all__ = ["SESSION_COOKIE", "install_auth", "scheme_for"]

SESSION_COOKIE = "connect.sid"
Login = Callable[[], str | None]  # logs in; answers the session id, or None without credentials


def scheme_for(operation: SpecOperation) -> str | None:
    """The security scheme the suite authenticates `operation` with: "apiKey", "session" or None."""
    if operation.uses_api_key:
        return "apiKey"
    if any("session" in alternative for alternative in operation.security):
        return "session"
    return None


def install_auth(schema: Any, api_key: str, login: Login) -> None:
    """Register on `schema` the provider that authenticates every case of every operation."""
    by_path = {(op.method, op.path): op for op in operations()}
    session: dict[str, str | None] = {}

    def session_id() -> str | None:
        if "id" not in session:
            session["id"] = login()
        return session["id"]

    @schema.auth(refresh_interval=None, retry_on=[])
    class OffcloudAuth:
        def get(self, case: Any, context: Any) -> tuple[str, str] | None:
            operation = by_path.get((case.operation.method.upper(), case.operation.path))
            scheme = scheme_for(operation) if operation is not None else "apiKey"
            if scheme == "apiKey":
                return ("apiKey", api_key)
            if scheme == "session":
                sid = session_id()
                return ("session", sid) if sid is not None else None
            return None

        def set(self, case: Any, data: tuple[str, str], context: Any) -> None:
            scheme, value = data
            if scheme == "apiKey":
                case.query = {**(case.query or {}), "key": value}
            else:
                case.cookies = {**(case.cookies or {}), SESSION_COOKIE: value}
