"""The generated client parses every answer the spec documents into the right typed model, and refuses
every answer outside it with `offcloud_client.errors.UnexpectedResponse` (never a stray KeyError,
ValueError or TypeError).

Bodies come from each response schema (see body_strategies), so they include the documented real-server
variants: legacy 200 error bodies (`ErrorBody` is a branch of every 200 that has one), byte counts as
strings of digits (`ByteCount`), and random extra fields; the spec's own examples run too.
"""

import json
from typing import Any

import pytest
from hypothesis import assume, event, example, given, note
from hypothesis import strategies as st
from offcloud_client.errors import UnexpectedResponse, UnexpectedStatus

from offcloud_contract.support.answers.body_strategies import (
    body_strategy,
    matching_branches,
    without_string_rules,
)
from offcloud_contract.support.answers.mutations import enum_paths, required_paths, with_value, without
from offcloud_contract.support.answers.parsing import (
    Answer,
    answers,
    canned,
    expected_type,
    parse,
    parse_response,
)
from offcloud_contract.support.spec.openapi_document import operations

ALL_ANSWERS = answers()


def _representative(found: list[Answer]) -> list[Answer]:
    """Every 200 answer, and one error answer per operation: the error statuses of an operation share
    their schema (ErrorBody) and the client's code path, so testing each again buys nothing."""
    chosen: list[Answer] = []
    with_error: set[str] = set()
    for answer in found:
        if answer.status == 200:
            chosen.append(answer)
        elif answer.operation.operation_id not in with_error:
            with_error.add(answer.operation.operation_id)
            chosen.append(answer)
    return chosen


def _media_types(answer: Answer) -> list[str]:
    return list(answer.operation.raw["responses"][str(answer.status)].get("content", {}))


def _has_enum(schema: dict[str, Any]) -> bool:
    if "enum" in schema or "const" in schema:
        return True
    children = list(schema.get("properties", {}).values()) + list(schema.get("oneOf", []))
    return any(_has_enum(child) for child in children if isinstance(child, dict))


ANSWERS = _representative(ALL_ANSWERS)
JSON_ANSWERS = [answer for answer in ANSWERS if answer.media_type == "application/json"]
# Bodies the client parses as JSON: a JSON body beside a text/plain one reaches the caller as text (see
# parsing.Answer.read_by_client; offcloud_kit classifies it), so it cannot refuse a wrong one.
PARSED_JSON = [answer for answer in JSON_ANSWERS if answer.read_by_client]
OPERATIONS = {operation.operation_id: operation for operation in operations()}
STATUS_ANSWERS = [
    a
    for a in JSON_ANSWERS
    if a.operation.operation_id in ("getCloudStatus", "getRemoteStatus") and a.status == 200
]
OBJECT_ANSWERS = [
    a for a in PARSED_JSON if any(b.get("type") == "object" for b in (a.schema.get("oneOf") or [a.schema]))
]
ENUM_ANSWERS = [a for a in PARSED_JSON if _has_enum(a.schema)]
# An HTML page is text: an answer that may also be text/plain cannot be told from one by its body.
OK_ANSWERS = [
    a
    for a in PARSED_JSON
    if a.status == 200 and not any(media.startswith("text/") for media in _media_types(a))
]


def _ids(found: list[Answer]) -> list[str]:
    return [answer.id for answer in found]


def _encode(answer: Answer, body: object) -> bytes:
    return (
        body.encode()
        if isinstance(body, str) and answer.media_type == "text/plain"
        else json.dumps(body).encode()
    )


def _keys(value: object) -> set[str]:
    return set(value) if isinstance(value, dict) else set()


def _assert_parses(answer: Answer, body: object) -> Any:
    branches = matching_branches(answer.schema, body)
    assert len(branches) == 1, f"{answer.id}: the generated body matches branches {branches}"
    expected = expected_type(answer, branches[0])
    parsed = parse(answer.operation, answer.status, _encode(answer, body), answer.media_type)
    assert isinstance(parsed, expected), (
        f"{answer.id}: a {expected.__name__} body was parsed as {type(parsed).__name__}: {body!r}"
    )
    if hasattr(parsed, "to_dict"):
        assert _keys(parsed.to_dict()) == _keys(body), f"{answer.id}: fields lost or invented: {body!r}"
    elif isinstance(parsed, list) and isinstance(body, list) and any(hasattr(i, "to_dict") for i in parsed):
        # A bare array of objects (history, sites, cache info): each item a model, no field lost or invented.
        assert len(parsed) == len(body)
        for item, raw in zip(parsed, body, strict=True):
            assert _keys(item.to_dict()) == _keys(raw), f"{answer.id}: fields lost or invented: {raw!r}"
    elif expected is str and not answer.read_by_client:
        assert parsed == _encode(answer, body).decode(), (
            f"{answer.id}: the text must reach the caller as sent"
        )
    else:
        assert parsed == body
    return parsed


@pytest.mark.parametrize("answer", ANSWERS, ids=_ids(ANSWERS))
@given(data=st.data())
def test_documented_bodies_parse_into_their_model(answer: Answer, data: st.DataObject) -> None:
    body = data.draw(body_strategy(answer.schema), label="body")
    branches = matching_branches(answer.schema, body)
    event(f"branch {answer.branch_names[branches[0]] if len(branches) == 1 else branches}")
    _assert_parses(answer, body)


def _spec_examples() -> list[tuple[str, Answer, object]]:
    found = []
    for answer in ALL_ANSWERS:
        content = answer.operation.raw["responses"][str(answer.status)]["content"][answer.media_type]
        if "example" in content:
            found.append((f"{answer.id}-example", answer, content["example"]))
        for name, item in (content.get("examples") or {}).items():
            found.append((f"{answer.id}-{name}", answer, item["value"]))
    return found


@pytest.mark.parametrize(
    ("answer", "body"), [(a, b) for _, a, b in _spec_examples()], ids=[i for i, _, _ in _spec_examples()]
)
def test_spec_examples_parse_into_their_model(answer: Answer, body: object) -> None:
    _assert_parses(answer, body)


@pytest.mark.parametrize("answer", STATUS_ANSWERS, ids=_ids(STATUS_ANSWERS))
@given(data=st.data(), size=st.integers(0, 2**53), speed=st.integers(0, 2**40))
def test_legacy_string_byte_counts_parse(answer: Answer, data: st.DataObject, size: int, speed: int) -> None:
    """The legacy server sent fileSize and downloadingSpeed as strings of digits."""
    body = data.draw(body_strategy(answer.schema["oneOf"][0]), label="body")
    body = with_value(body, ("status", "fileSize"), str(size))
    body = with_value(body, ("status", "downloadingSpeed"), str(speed))
    parsed = _assert_parses(answer, body)
    assert (parsed.status.file_size, parsed.status.downloading_speed) in (
        (str(size), str(speed)),
        (size, speed),
    )


@pytest.mark.parametrize(
    "operation_id",
    sorted(
        {a.operation.operation_id for a in PARSED_JSON if a.status == 200 and "ErrorBody" in a.branch_names}
    ),
)
@given(message=st.text(min_size=1))
@example(message="NOAUTH")
def test_legacy_200_error_bodies_parse_as_errors(operation_id: str, message: str) -> None:
    from offcloud_client.models import ErrorBody

    parsed = parse(OPERATIONS[operation_id], 200, json.dumps({"error": message}).encode(), "application/json")
    assert isinstance(parsed, ErrorBody), parsed
    assert parsed.error == message


def _refused(answer: Answer, body: object) -> UnexpectedResponse:
    # Outside the spec even as far as the client checks it: a body that only breaks a pattern or a format
    # (e.g. an empty info hash) is not the client's to refuse.
    assume(not matching_branches(without_string_rules(answer.schema), body))
    note(f"body outside the spec: {body!r}")
    try:
        parsed = parse(answer.operation, answer.status, _encode(answer, body), answer.media_type)
    except UnexpectedResponse as error:
        return error
    raise AssertionError(f"{answer.id}: a body outside the spec was accepted as {parsed!r}: {body!r}")


def _branch(answer: Answer, body: object) -> dict[str, Any]:
    branches: list[dict[str, Any]] = answer.schema.get("oneOf") or [answer.schema]
    return branches[matching_branches(answer.schema, body)[0]]


@pytest.mark.parametrize("answer", OBJECT_ANSWERS, ids=_ids(OBJECT_ANSWERS))
@given(data=st.data())
def test_missing_required_field_is_an_unexpected_response(answer: Answer, data: st.DataObject) -> None:
    body = data.draw(body_strategy(answer.schema), label="valid body")
    paths = required_paths(_branch(answer, body), body)
    assume(paths)
    path = data.draw(st.sampled_from(paths), label="removed")
    event(f"removed {'/'.join(path)}")
    assert isinstance(body, dict)
    error = _refused(answer, without(body, path))
    assert error.status_code == answer.status


@pytest.mark.parametrize("answer", ENUM_ANSWERS, ids=_ids(ENUM_ANSWERS))
@given(data=st.data())
def test_value_outside_an_enum_is_an_unexpected_response(answer: Answer, data: st.DataObject) -> None:
    body = data.draw(body_strategy(answer.schema), label="valid body")
    paths = enum_paths(_branch(answer, body), body)
    assume(paths)
    path, allowed = data.draw(st.sampled_from(paths), label="field")
    wrong = data.draw(st.text(max_size=12) | st.integers() | st.booleans() | st.none(), label="value")
    assume(wrong not in allowed)
    event(f"{'/'.join(path)} = {type(wrong).__name__}")
    assert isinstance(body, dict)
    _refused(answer, with_value(body, path, wrong))


@pytest.mark.parametrize("answer", OK_ANSWERS, ids=_ids(OK_ANSWERS))
@given(
    page=st.sampled_from(
        ["<html><body>Page not found.</body></html>", "<!DOCTYPE html><h1>502 Bad Gateway</h1>", ""]
    )
)
def test_html_instead_of_json_is_an_unexpected_response(answer: Answer, page: str) -> None:
    with pytest.raises(UnexpectedResponse) as raised:
        parse(answer.operation, answer.status, page.encode(), "text/html")
    assert raised.value.status_code == answer.status


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
@given(
    status=st.sampled_from([520, 521, 522, 525, 530, 598, 599, 299, 600, 999]),
    body=st.sampled_from([b"", b"{}", b"<html/>"]),
)
def test_non_standard_status_is_an_unexpected_response(operation_id: str, status: int, body: bytes) -> None:
    with pytest.raises(UnexpectedStatus) as raised:
        parse_response(OPERATIONS[operation_id], canned(OPERATIONS[operation_id], status, body, "text/html"))
    assert raised.value.status_code == status


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
@given(status=st.sampled_from([402, 405, 409, 418, 429, 500, 502, 503]))
def test_undocumented_status_is_none_or_unexpected_on_request(operation_id: str, status: int) -> None:
    operation = OPERATIONS[operation_id]
    assume(str(status) not in operation.documented_statuses())
    response = canned(operation, status, b'{"error": "x"}', "application/json")
    assert parse_response(operation, response).parsed is None
    with pytest.raises(UnexpectedStatus):
        parse_response(operation, response, raise_on_unexpected_status=True)
