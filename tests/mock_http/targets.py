"""A mock app reached one way or the other: in-process through httpx's WSGI transport, or served on a
loopback port; the `target` fixture (conftest.py) gives a test both."""

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
from flask import Flask

from offcloud_mock.controls import HttpControls, InProcessControls, MockControls
from offcloud_mock.serving.waitress_server import serve_in_thread

__all__ = ["Target", "reach"]


@dataclass
class Target:
    """A mock reached one way or the other: in-process through httpx's WSGI transport, or over sockets."""

    http: httpx.Client
    controls: MockControls
    live: bool


@contextlib.contextmanager
def reach(app: Flask, *, live: bool) -> Iterator[Target]:
    """`app` reached in-process (InProcessControls) or served by waitress (HttpControls)."""
    if not live:
        with httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://mock.test") as client:
            yield Target(client, InProcessControls(app), live=False)
        return
    with (
        serve_in_thread(app) as server,
        # Plain http: verify=False only skips loading the CA bundle (50 ms a client).
        httpx.Client(base_url=server.base_url, timeout=10, verify=False) as client,  # noqa: S501
    ):
        controls = HttpControls(server.base_url)
        try:
            yield Target(client, controls, live=True)
        finally:
            controls.close()
