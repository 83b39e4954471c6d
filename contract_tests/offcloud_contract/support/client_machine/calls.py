"""What the client-vs-mock machine's rules share: the calls through the generated client, the accounts,
bundles and link strategies (an answer is compared with the model's prediction by model.answer_fields)."""

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import Bundle
from offcloud_client.errors import UnexpectedResponse

from offcloud_contract.support.answers.diagnose import diagnose_body
from offcloud_contract.support.model.demo_data import demo, magnet

__all__ = [
    "ACCOUNTS",
    "ASKER",
    "CLOUD",
    "INSTANT",
    "REMOTE",
    "SCENARIO",
    "UNKNOWN_OPTION",
    "any_links",
    "call",
    "http_links",
    "parsed",
    "seed_links",
]

SCENARIO = demo()
ACCOUNTS = ("demo", "free")  # every add-on and two remote accounts; no add-on and a link limit of 3
# Who reads a download: its owner (mostly), the other account, or the owner through the other kind's endpoint.
ASKER = st.sampled_from(("owner", "owner", "owner", "owner", "other-account", "other-kind"))
UNKNOWN_OPTION = "0123456789abcdef01234567"
# Bundles are matched by name, so each rule module may name them.
CLOUD = Bundle("cloud_downloads")
REMOTE = Bundle("remote_downloads")
INSTANT = Bundle("instant_downloads")

_FAILING = [r.link for r in SCENARIO.resources if r.fails]


def seed_links(kind: str) -> st.SearchStrategy[str]:
    """The scenario's links, weighted towards the rare paths: failing ones (retrying) and multi-file ones
    that go through `processing` (for the cloud, those that are not cached)."""
    processed = [r.link for r in SCENARIO.resources if r.multi_file and (kind == "remote" or not r.cached)]
    return st.sampled_from([*_FAILING, *_FAILING, *processed, *processed, *SCENARIO.links])


def http_links() -> st.SearchStrategy[str]:
    known = st.sampled_from([r.link for r in SCENARIO.resources if r.info_hash is None])
    unknown = st.from_regex(r"\A[a-z0-9]{1,8}\Z").map(lambda name: f"https://files.unknown.test/{name}.bin")
    return st.one_of(known, known, unknown)


def any_links() -> st.SearchStrategy[str]:
    """http(s) links and magnet links: the scenario's, the same torrents with upper-case hashes, unknown ones."""
    known = st.sampled_from(SCENARIO.links)
    shouting = st.sampled_from([magnet(h.upper()) for h in SCENARIO.info_hashes])
    unknown_magnet = st.from_regex(r"\A[0-9a-f]{40}\Z").map(magnet)
    return st.one_of(known, known, st.sampled_from(_FAILING), shouting, http_links(), unknown_magnet)


def call(what: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """`function.sync_detailed(...)`; an answer the client cannot parse fails with the operation named."""
    try:
        return function(*args, **kwargs)
    except UnexpectedResponse as error:
        operation_id = what.split("(")[0].split(" ")[0]  # every `what` starts with the operationId
        diagnosis = diagnose_body(operation_id, error.status_code, error.content)
        raise AssertionError(
            f"{what}: the generated client rejected the answer: {error}\ncontract: {diagnosis}"
        ) from error


def parsed(what: str, response: Any, *expected: type) -> Any:
    """The parsed body, which must be one of `expected` (the typed models the contract allows here)."""
    body = response.parsed
    if expected and not isinstance(body, expected):
        names = " | ".join(cls.__name__ for cls in expected)
        raise AssertionError(
            f"{what}: expected {names}, the client parsed {type(body).__name__} from HTTP "
            f"{response.status_code} {response.content[:300]!r}"
        )
    return body
