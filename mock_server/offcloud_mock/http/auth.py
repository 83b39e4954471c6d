"""Who is calling: the account behind an API key or a session cookie.

What an operation needs is declared by its `security` in openapi.yaml (see `spec.AuthKind`), so the
routes carry no auth code of their own. The key is looked for where real clients put it, in this order:
`?key=` (documented), `?apikey=` / `?apiKey=` (old clients), `Authorization: Bearer <key>` (2026
clients), `key` in the body (old clients); without a key, the `connect.sid` cookie set by /api/login.
A key that is present but unknown is refused even when a valid cookie comes along, as a server that
checks the key first would. Missing or unknown credentials: `NoAuth` (401 `{"error": "NOAUTH"}`).
"""

from flask import Request, g, request

from offcloud_mock.backend import AccountBackend, MockBackend
from offcloud_mock.backend.errors import NoAuth
from offcloud_mock.spec import AuthKind

__all__ = ["SESSION_COOKIE", "authenticate", "current_account", "identify", "presented_key", "session_id"]

SESSION_COOKIE = "connect.sid"
_QUERY_KEYS = ("key", "apikey", "apiKey")


def session_id(req: Request | None = None) -> str | None:
    """The session cookie of `req` (by default the current request)."""
    return (request if req is None else req).cookies.get(SESSION_COOKIE)


def presented_key(req: Request, body: dict[str, object]) -> str | None:
    """The API key the request carries, wherever it is; None when it carries none."""
    args = req.args
    for name in _QUERY_KEYS:
        value = args.get(name)
        if value is not None:
            return value
    header = req.headers.get("Authorization")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() == "bearer":
            return token.strip()
    in_body = body.get("key")
    if isinstance(in_body, list) and in_body:  # a form field sent twice
        in_body = in_body[0]
    return in_body if isinstance(in_body, str) else None


def _named_account(backend: MockBackend, req: Request, body: dict[str, object]) -> AccountBackend:
    key = presented_key(req, body)
    return backend.account_for_key(key) if key is not None else backend.account_for_session(session_id(req))


def authenticate(
    backend: MockBackend, kind: AuthKind, req: Request, body: dict[str, object]
) -> AccountBackend | None:
    """The calling account, None when the operation needs none; NoAuth when it needs one.

    The caller keeps it as `g.account`, for `current_account()`.
    """
    if kind is AuthKind.SESSION:
        return backend.account_for_session(session_id(req))
    if kind is AuthKind.ACCOUNT:
        return _named_account(backend, req, body)
    return None


def identify(backend: MockBackend, req: Request, body: dict[str, object]) -> AccountBackend | None:
    """The account the request names, if any, without refusing it (for the journal of faulted requests)."""
    try:
        return _named_account(backend, req, body)
    except NoAuth:
        return None


def current_account() -> AccountBackend:
    """The authenticated account of this request; only for operations that need one."""
    account: AccountBackend | None = g.get("account")
    if account is None:
        raise NoAuth()
    return account
