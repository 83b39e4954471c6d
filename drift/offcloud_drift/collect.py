"""What the proxy saw, gathered for the report: findings merged by (operation, kind, place), how often each
was seen, one redacted minimal example each, and which operations were reached with which statuses."""

import dataclasses
import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from offcloud_drift.checks import Finding, media_type
from offcloud_drift.exchange import Exchange
from offcloud_drift.redact import Redactor

__all__ = ["Collected", "Collector", "Item"]

_EXCERPT_CHARS = 600


@dataclass(slots=True)
class Item:
    finding: Finding  # the first one seen, scrubbed
    count: int
    example: dict[str, Any]
    first_seq: int


@dataclass(slots=True)
class Collected:
    items: list[Item] = field(default_factory=list)
    reached: dict[str, dict[int, int]] = field(default_factory=dict)
    exchanges: int = 0
    upstream_failures: list[str] = field(default_factory=list)


def _excerpt(exchange: Exchange, where: str, redactor: Redactor) -> Any:
    """The smallest part of the answer that shows the finding: the object holding the field."""
    body = exchange.response_body
    if "json" in media_type(exchange.header("content-type")):
        try:
            node: Any = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            node = None
        if node is not None:
            steps = where.split(".")[1:-1] if where.startswith("body.") else []
            for step in steps:
                name, brackets = step.removesuffix("[]"), step.endswith("[]")
                node = node.get(name) if isinstance(node, dict) else None
                if brackets and isinstance(node, list):
                    node = node[0] if node else None
            if isinstance(node, list) and node:
                node = node[:1]
            text = json.dumps(redactor.value(node), sort_keys=True)
            if len(text) <= _EXCERPT_CHARS:
                return json.loads(text)
            return text[:_EXCERPT_CHARS] + "..."
    return redactor.text(body[:_EXCERPT_CHARS].decode("utf-8", "replace"))


def _scrubbed(finding: Finding, redactor: Redactor) -> Finding:
    edits = tuple(
        dataclasses.replace(edit, value=redactor.strings(edit.value), seen=redactor.value(edit.seen))
        for edit in finding.edits
    )
    return dataclasses.replace(
        finding,
        message=redactor.text(finding.message),
        where=redactor.text(finding.where),
        detail=redactor.text(finding.detail),
        edits=edits,
    )


class Collector:
    """Thread-safe; the proxy's threads add to it, the report reads a snapshot."""

    def __init__(self, redactor: Redactor) -> None:
        self._redactor = redactor
        self._lock = threading.Lock()
        self._seq = 0
        self._items: dict[tuple[str, str, str, str], Item] = {}
        self._reached: dict[str, Counter[int]] = {}
        self._failures: list[str] = []

    def next_seq(self) -> int:
        with self._lock:
            self._seq += 1
            return self._seq

    def add(self, seq: int, exchange: Exchange, operation: str, findings: list[Finding]) -> None:
        """Call after `exchange.learn_secrets(redactor)`, so examples are scrubbed of this exchange's secrets."""
        if exchange.upstream_error:
            with self._lock:
                self._failures.append(self._redactor.text(exchange.upstream_error))
            return
        prepared = [
            (finding.key(), _scrubbed(finding, self._redactor), self._example(exchange, finding))
            for finding in findings
        ]
        with self._lock:
            self._reached.setdefault(operation, Counter())[exchange.status] += 1
            for key, finding, example in prepared:
                item = self._items.get(key)
                if item is None:
                    self._items[key] = Item(finding, 1, example, seq)
                else:
                    item.count += 1

    def _example(self, exchange: Exchange, finding: Finding) -> dict[str, Any]:
        return {
            "request": f"{exchange.method.upper()} {self._redactor.text(exchange.path)}",
            "status": exchange.status,
            "content_type": media_type(exchange.header("content-type")),
            "excerpt": _excerpt(exchange, finding.where, self._redactor),
        }

    def snapshot(self) -> Collected:
        with self._lock:
            return Collected(
                items=sorted(self._items.values(), key=lambda item: (item.finding.key(), item.first_seq)),
                reached={op: dict(sorted(counts.items())) for op, counts in self._reached.items()},
                exchanges=self._seq,
                upstream_failures=list(self._failures),
            )
