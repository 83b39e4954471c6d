"""The client object passed to every API function: base URL, API key, session cookies, timeouts."""

import copy
import ssl
from collections.abc import Generator
from http.cookiejar import CookieJar
from typing import Any, Literal, Self

import httpx
from attrs import define, evolve, field, validators

AuthStyle = Literal["query", "bearer"]

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""5 s to connect; 30 s for each read, write and connection-pool wait."""


class ApiKeyAuth(httpx.Auth):
    """Sends the API key on every request.

    ``style="query"`` merges ``key=<api_key>`` into the query string (replacing any ``key`` already
    there); ``style="bearer"`` sets ``Authorization: Bearer <api_key>`` and leaves the query alone.
    """

    def __init__(self, api_key: str, style: AuthStyle = "query") -> None:
        self._api_key = api_key
        self.style: AuthStyle = style

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.style == "bearer":
            request.headers["Authorization"] = f"Bearer {self._api_key}"
        else:
            request.url = request.url.copy_merge_params({"key": self._api_key})
        yield request

    def __repr__(self) -> str:
        # Never the key itself: reprs end up in logs and tracebacks.
        return f"ApiKeyAuth(style={self.style!r}, api_key='***')"


@define
class Client:
    """Everything the API functions need to reach the Offcloud API; pass it as ``client=``.

    Construct it once and reuse it: it owns the connection pools, and a session cookie it receives
    (``connect.sid`` from the login operation) is sent by every later call, sync or async.

    Arguments (all but ``base_url`` are keyword-only):

        ``base_url``: The base URL of the API, e.g. ``https://offcloud.com``; operation paths are
        relative to it.

        ``api_key``: The Offcloud API key. When set, every request carries it, as the query parameter
        ``key`` (``auth_style="query"``, the documented way) or as ``Authorization: Bearer <key>``
        (``auth_style="bearer"``). Query style puts the key in the URL, which httpx logs at INFO level;
        bearer style keeps it out of URLs. Without a key, use the session cookie from login.

        ``auth_style``: ``"query"`` (default) or ``"bearer"``, see ``api_key``.

        ``cookies``: Cookies sent with every request, e.g. ``{"connect.sid": "..."}`` to reuse a
        session. They seed the client's cookie jar (``cookie_jar``), which the sync and the async
        httpx clients share and which also keeps cookies that responses set.

        ``headers``: Headers sent with every request.

        ``timeout``: An ``httpx.Timeout`` (or seconds as a float) for every request; defaults to
        ``DEFAULT_TIMEOUT`` (5 s connect, 30 s read). ``None`` disables timeouts. API functions raise
        ``httpx.TimeoutException`` when it is exceeded.

        ``verify_ssl``: Whether to verify the server's TLS certificate (or a CA bundle path or an
        ``ssl.SSLContext``). Keep it True in production.

        ``follow_redirects``: Whether to follow redirects. Default False.

        ``httpx_args``: Extra arguments for the ``httpx.Client`` and ``httpx.AsyncClient``
        constructors (e.g. ``{"transport": ...}``); they override the arguments above.

        ``raise_on_unexpected_status``: What to do with a standard HTTP status code that the operation
        does not document: raise ``errors.UnexpectedStatus`` if True; if False (default) return a
        Response whose ``parsed`` is None (``sync``/``asyncio`` then return None).

    Whatever this flag says, these always raise a subclass of ``errors.UnexpectedResponse`` (with
    ``status_code``, ``content`` and ``reason``): a status code that is not a standard HTTP status
    (e.g. 520: ``errors.UnexpectedStatus``), and a documented status whose body is none of the
    documented shapes: not JSON, JSON matching no branch of a oneOf, a missing field, a value outside
    an enum (``errors.UnexpectedBody``).
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _base_url: str = field(alias="base_url")
    api_key: str | None = field(default=None, kw_only=True, repr=False)
    auth_style: AuthStyle = field(default="query", kw_only=True, validator=validators.in_(("query", "bearer")))
    # Cookies and headers may hold credentials (connect.sid, Authorization): kept out of repr().
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=False)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=False)
    _timeout: httpx.Timeout | float | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=False)
    _cookie_jar: CookieJar = field(factory=CookieJar, init=False, repr=False)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # httpx.Cookies(jar) wraps the jar without copying it, so this writes into our jar.
        httpx.Cookies(self._cookie_jar).update(self._cookies)

    @property
    def cookie_jar(self) -> CookieJar:
        """The cookie jar shared by the sync and async httpx clients (holds connect.sid after login)."""
        return self._cookie_jar

    @property
    def auth(self) -> httpx.Auth | None:
        """The httpx auth that sends ``api_key``, or None without a key."""
        if self.api_key is None:
            return None
        return ApiKeyAuth(self.api_key, self.auth_style)

    def _evolve(self, **changes: Any) -> Self:
        """A copy with `changes`, whose own new jar starts with copies of this client's cookies."""
        new = evolve(self, **changes)
        for cookie in self._cookie_jar:
            new._cookie_jar.set_cookie(copy.copy(cookie))
        return new

    def with_headers(self, headers: dict[str, str]) -> Self:
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return self._evolve(headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """Get a new client matching this one (session cookie included) with additional cookies.

        As upstream, the cookies are also added to this client.
        """
        httpx.Cookies(self._cookie_jar).update(cookies)
        return self._evolve(cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> Self:
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return self._evolve(timeout=timeout)

    def _httpx_kwargs(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            # The jar object itself, not a copy: both httpx clients read and write the same one.
            "cookies": self._cookie_jar,
            "headers": self._headers,
            "timeout": self._timeout,
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            "auth": self.auth,
            **self._httpx_args,
        }

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and
        timeout; only the API key auth is attached to `client` if it has no auth of its own. To keep
        the shared cookie jar, prefer ``httpx_args={"transport": ...}``.
        """
        if client.auth is None and self.auth is not None:
            client.auth = self.auth
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            self._client = httpx.Client(**self._httpx_kwargs())
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and
        timeout; only the API key auth is attached to `async_client` if it has no auth of its own.
        """
        if async_client.auth is None and self.auth is not None:
            async_client.auth = self.auth
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(**self._httpx_kwargs())
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


# Upstream has a separate class for secured operations, whose functions are typed
# `client: AuthenticatedClient`. Here every operation takes the same Client (the key is optional
# because a login cookie also authenticates), so the name stays as an alias.
AuthenticatedClient = Client

__all__ = ["DEFAULT_TIMEOUT", "ApiKeyAuth", "AuthStyle", "AuthenticatedClient", "Client"]
