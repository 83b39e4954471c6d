"""An async httpx transport into a WSGI app, so an httpx.AsyncClient reaches the in-process mock.

httpx's WSGITransport only serves httpx.Client. This transport hands each request to that same
WSGITransport in a worker thread (anyio's, so asyncio and trio both work) and returns the whole answer,
read in that thread: the event loop never blocks on the app, and the WSGI environ is built by exactly the
code the sync path uses. The mock's app is thread-safe (waitress serves it with several threads), so
concurrent requests from one event loop are fine. Chosen over a WSGI->ASGI adapter: no extra dependency
and no second translation of the request to keep in step with httpx's.
"""

from typing import Any

import anyio.to_thread
import httpx

__all__ = ["AsyncWSGITransport"]


class AsyncWSGITransport(httpx.AsyncBaseTransport):
    """`httpx.AsyncClient(transport=AsyncWSGITransport(app))`: requests go straight into `app`."""

    def __init__(self, app: Any, **wsgi_options: Any) -> None:
        # wsgi_options as for httpx.WSGITransport: raise_app_exceptions, script_name, remote_addr...
        self._sync = httpx.WSGITransport(app=app, **wsgi_options)

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
