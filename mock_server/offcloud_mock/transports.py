"""httpx transports straight into the mock's WSGI app, no socket: how the in-process mock is reached.

`WSGITransport` is httpx's, with one fix: httpx hands the app PATH_INFO decoded (a request for
`/api/cloud/explore/été` arrives as those characters), where PEP 3333, every real server and Werkzeug
want the path's UTF-8 bytes as latin-1 characters. Unfixed, a path outside latin-1 raised
UnicodeEncodeError inside Werkzeug, and one inside it (é) was misread as U+FFFD.

`AsyncWSGITransport` serves httpx.AsyncClient, which httpx's WSGITransport does not: it hands each
request to the sync transport in a worker thread (anyio's, so asyncio and trio both work) and returns
the whole answer, read in that thread: the event loop never blocks on the app, and the WSGI environ is
built by exactly the code the sync path uses. The mock's app is thread-safe (waitress serves it with
several threads), so concurrent requests from one event loop are fine. Chosen over a WSGI->ASGI
adapter: no extra dependency and no second translation of the request to keep in step with httpx's.
"""

from typing import Any

import anyio.to_thread
import httpx

__all__ = ["AsyncWSGITransport", "WSGITransport", "pep3333_paths"]


def pep3333_paths(app: Any) -> Any:
    """`app`, called with PATH_INFO as PEP 3333 has it when the caller passed it decoded."""

    def wsgi(environ: dict[str, Any], start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "")
        if not path.isascii():
            environ["PATH_INFO"] = path.encode("utf-8").decode("latin-1")
        return app(environ, start_response)

    return wsgi


class WSGITransport(httpx.WSGITransport):
    """`httpx.Client(transport=WSGITransport(app))`: httpx's, the path handed over as PEP 3333 says."""

    def __init__(self, app: Any, **wsgi_options: Any) -> None:
        super().__init__(app=pep3333_paths(app), **wsgi_options)


class AsyncWSGITransport(httpx.AsyncBaseTransport):
    """`httpx.AsyncClient(transport=AsyncWSGITransport(app))`: requests go straight into `app`."""

    def __init__(self, app: Any, **wsgi_options: Any) -> None:
        # wsgi_options as for httpx.WSGITransport: raise_app_exceptions, script_name, remote_addr...
        self._sync = WSGITransport(app, **wsgi_options)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        copy = httpx.Request(
            request.method, request.url, headers=request.headers, content=body, extensions=request.extensions
        )
        return await anyio.to_thread.run_sync(self._handle, copy)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        response = self._sync.handle_request(request)
        content = response.read()  # iterate the WSGI body here, in the worker thread
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=httpx.ByteStream(content),
            extensions=response.extensions,
        )
