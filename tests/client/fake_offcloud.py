"""A scripted Offcloud for the kit's tests of operations the mock does not serve yet: an httpx.MockTransport
that answers each (method, path) from a queue of answers, most of them the examples of openapi.yaml, and
records every request. A fake clock whose sleep moves it forward stands in for time."""

from collections import defaultdict, deque
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import httpx
import yaml

SPEC: dict[str, Any] = yaml.safe_load((Path(__file__).resolve().parents[2] / "openapi.yaml").read_text())


def example(operation_id: str, status: str = "200", name: str | None = None) -> Any:
    """The JSON example `name` (or the only one) of an operation's answer with `status`."""
    for item in SPEC["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                media = operation["responses"][status]["content"]["application/json"]
                if name is None and "example" in media:
                    return media["example"]
                if name is None:  # the only named example (a response example carries its request)
                    (only,) = media["examples"].values()
                    return only["value"]
                return media["examples"][name]["value"]
    raise KeyError(operation_id)


class FakeOffcloud:
    """Answers queued per (method, path); the last answer of a queue repeats. Records every request."""

    def __init__(self) -> None:
        self.answers: dict[tuple[str, str], deque[httpx.Response]] = defaultdict(deque)
        self.requests: list[httpx.Request] = []

    def on(self, method: str, path: str, *answers: Any, status: int = 200) -> "FakeOffcloud":
        """Queue JSON answers (or ready httpx.Responses) for `method path`."""
        for answer in answers:
            response = answer if isinstance(answer, httpx.Response) else httpx.Response(status, json=answer)
            self.answers[(method, path)].append(response)
        return self

    @staticmethod
    def _fresh(response: httpx.Response) -> httpx.Response:
        """A new Response like `response`: httpx binds a sent Response to its client, so none is reused."""
        return httpx.Response(response.status_code, headers=response.headers, content=response.content)

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        queue = self.answers.get((request.method, request.url.path))
        if not queue:
            return httpx.Response(404, text="<html>Not Found</html>", headers={"Content-Type": "text/html"})
        return self._fresh(queue.popleft() if len(queue) > 1 else queue[0])

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def sent(self, path: str) -> list[httpx.Request]:
        return [request for request in self.requests if request.url.path == path]

    def client_args(self) -> dict[str, Any]:
        return {"base_url": "http://offcloud.test", "httpx_args": {"transport": self.transport()}}


class FakeTime:
    """A clock and a sleeper sharing one timeline: sleeping moves the clock, nothing really waits."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


def oauth_error(error: str, description: str | None = None) -> httpx.Response:
    body = {"error": error, **({"error_description": description} if description else {})}
    return httpx.Response(400, json=body)


def ids(count: int, start: int = 0) -> list[str]:
    return [f"{index:024x}" for index in range(start, start + count)]


def flatten(batches: Iterable[list[str]]) -> list[str]:
    return [item for batch in batches for item in batch]
