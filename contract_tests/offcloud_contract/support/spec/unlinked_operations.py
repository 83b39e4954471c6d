"""The operations of an era that no OpenAPI link leads to or from, and a case for each from the spec.

Schemathesis' state machine only follows links, so it never calls these; the workflow machine calls each
once with the request example openapi.yaml gives it (every request has one), path ids unknown to the
server, and the account's key. The answers are checked like those of the generated rules.
"""

import functools
from typing import Any

from offcloud_contract.support.spec.openapi_document import SpecOperation, era_document, operations_of_era

__all__ = ["UNKNOWN_ID", "example_case", "unlinked_operations"]

UNKNOWN_ID = "0" * 24
# Called by rules of their own (login_then_get_key, check_cache): a session cookie or the cache model.
_OWN_RULES = frozenset({"login", "checkLogin", "getApiKey", "checkCache"})


@functools.cache
def unlinked_operations(era: str) -> tuple[SpecOperation, ...]:
    """Of the operations of `era`, those that are neither the source nor the target of a link."""
    linked: set[str] = set()
    for item in era_document(era)["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            for response in operation.get("responses", {}).values():
                links = (response.get("links") or {}) if isinstance(response, dict) else {}
                if links:
                    linked.add(operation["operationId"])
                linked.update(str(link.get("operationId")) for link in links.values())
    return tuple(
        operation
        for operation in operations_of_era(era)
        if operation.operation_id not in linked and operation.operation_id not in _OWN_RULES
    )


def example_case(schema: Any, operation: SpecOperation, api_key: str) -> Any:
    """A schemathesis Case of `operation` with the spec's request example and the account's key."""
    kwargs: dict[str, Any] = {}
    content = operation.raw.get("requestBody", {}).get("content", {})
    if content:
        media_type, media = next(iter(content.items()))
        example = media.get("example", media.get("schema", {}).get("example"))
        kwargs.update(body=example, media_type=media_type)
    names = [part[1:-1] for part in operation.path.split("/") if part.startswith("{")]
    if names:
        kwargs["path_parameters"] = dict.fromkeys(names, UNKNOWN_ID)
    if operation.security:  # the OAuth endpoints take no key
        kwargs["query"] = {"key": api_key}
    return schema[operation.path][operation.method].Case(**kwargs)
