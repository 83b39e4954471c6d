"""What a drift run proved and what it did not: the schema nodes the server's answers populated.

A clean report says the answers seen fit the spec; it cannot say the spec is right about answers never
seen. So while a value is held to its schema, every node the value could have populated is offered
here, with whether it did:

* `property`: an object's field, populated when present and not null (an optional field never sent);
* `items`: an array's items, populated when the array had any (an array that was always empty);
* `branch`: an alternative of a `oneOf`/`anyOf`, populated when the value took it;
* `enum-value`: a value an `enum` lists, populated when seen;
* `status` and `content`: a response the operation documents, and its media types, when answered.

Nodes are kept per operation (a field sent by one operation's answer says nothing of another's), under
the pointer of the schema that defines them, as the suggested changes are.
"""

import json
import threading
from dataclasses import dataclass
from typing import Any

__all__ = ["Coverage", "NodeKey", "Trace", "describe"]

NodeKey = tuple[str, str, str]  # (pointer, kind, detail)

_KIND_WORDS = {
    "property": "field never present",
    "items": "array always empty",
    "branch": "alternative never taken",
    "enum-value": "enum value never seen",
    "status": "status never answered",
    "content": "media type never answered",
}


def describe(kind: str) -> str:
    return _KIND_WORDS.get(kind, kind)


class Trace:
    """The nodes one exchange could have populated, and those it did; one per exchange, one thread."""

    def __init__(self) -> None:
        self.offered: dict[NodeKey, str] = {}  # node -> where (body.status.fileName, status 500)
        self.populated: set[NodeKey] = set()

    def offer(self, pointer: str, kind: str, where: str, populated: bool, detail: Any = "") -> None:
        key = (pointer, kind, detail if isinstance(detail, str) else json.dumps(detail))
        self.offered.setdefault(key, where)
        if populated:
            self.populated.add(key)


@dataclass(frozen=True, slots=True)
class Unpopulated:
    operation: str
    pointer: str
    kind: str
    detail: str
    where: str

    def to_json(self) -> dict[str, str]:
        return {
            "operation": self.operation,
            "pointer": self.pointer,
            "kind": self.kind,
            "detail": self.detail,
            "where": self.where,
        }


class Coverage:
    """Every trace of a run, per operation; thread-safe (the proxy's threads add to it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._offered: dict[str, dict[NodeKey, str]] = {}
        self._populated: dict[str, set[NodeKey]] = {}

    def add(self, operation: str, trace: Trace) -> None:
        with self._lock:
            offered = self._offered.setdefault(operation, {})
            for key, where in trace.offered.items():
                offered.setdefault(key, where)
            self._populated.setdefault(operation, set()).update(trace.populated)

    def is_populated(self, pointer: str, kind: str, detail: str = "", operation: str | None = None) -> bool:
        """Whether any answer (of `operation`, or of any) populated the node."""
        key = (pointer, kind, detail)
        with self._lock:
            if operation is not None:
                return key in self._populated.get(operation, set())
            return any(key in populated for populated in self._populated.values())

    def is_offered(self, pointer: str, kind: str, detail: str = "") -> bool:
        key = (pointer, kind, detail)
        with self._lock:
            return any(key in offered for offered in self._offered.values())

    def unpopulated(self) -> list[Unpopulated]:
        """The nodes offered but never populated, by operation, in the order first offered."""
        with self._lock:
            return [
                Unpopulated(operation, pointer, kind, detail, where)
                for operation, offered in sorted(self._offered.items())
                for (pointer, kind, detail), where in offered.items()
                if (pointer, kind, detail) not in self._populated.get(operation, set())
            ]
