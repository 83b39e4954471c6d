"""The checker alone: each kind of drift, the era rules, and that each suggested change fixes its finding."""

import copy
import json
from typing import Any

import pytest

from offcloud_drift.checks import Checker, Finding
from offcloud_drift.patch import apply_patch, edits_to_patch
from offcloud_drift.spec_view import SpecView

STATUS_OK = {
    "status": {
        "requestId": "5f1b2c3d4e5f60718293a4b6",
        "fileName": "manual.pdf",
        "status": "downloading",
        "amount": 1,
        "fileSize": 5,
    }
}


def check(body: Any, *, era: str = "2026", spec: SpecView | None = None, **exchange: Any) -> list[Finding]:
    method = exchange.get("method", "POST")
    path = exchange.get("path", "/api/cloud/status")
    status = exchange.get("status", 200)
    content_type = exchange.get("content_type", "application/json")
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    _, findings = Checker(spec or SpecView.load(), era).check(method, path, status, content_type, raw)
    return findings


def fixed_by_own_patch(findings: list[Finding], body: Any, **exchange: Any) -> bool:
    spec = SpecView.load()
    patch = edits_to_patch(spec.document, [edit for finding in findings for edit in finding.edits])
    return check(body, spec=SpecView(apply_patch(spec.document, patch)), **exchange) == []


def status_with(**changes: Any) -> dict[str, Any]:
    body = copy.deepcopy(STATUS_OK)
    for name, value in changes.items():
        if value is None:
            del body["status"][name]
        else:
            body["status"][name] = value
    return body


def test_a_documented_answer_has_no_finding() -> None:
    assert check(STATUS_OK) == []


@pytest.mark.parametrize(
    ("body", "kind", "where"),
    [
        (status_with(percentDone=0.5), "unknown-field", "body.status.percentDone"),
        (status_with(amount="1"), "type-mismatch", "body.status.amount"),
        (status_with(status="paused"), "enum-value", "body.status.status"),
        (status_with(fileName=None), "missing-field", "body.status.fileName"),
        (status_with(requestId="NOT-AN-ID"), "constraint", "body.status.requestId"),
        ({"status": {**STATUS_OK["status"], "file_name": "a"}}, "unknown-field", "body.status.file_name"),
    ],
)
def test_each_body_drift_is_found_and_fixed_by_its_suggestion(body: Any, kind: str, where: str) -> None:
    findings = check(body)
    assert [(f.kind, f.where) for f in findings] == [(kind, where)]
    assert fixed_by_own_patch(findings, body)


def test_a_renamed_field_is_one_finding_with_a_move() -> None:
    body = status_with(fileName=None, filename="manual.pdf")
    findings = check(body)
    assert [(f.kind, f.where) for f in findings] == [("renamed-field", "body.status.fileName")]
    patch = edits_to_patch(SpecView.load().document, list(findings[0].edits))
    assert patch[0] == {
        "op": "move",
        "from": "/components/schemas/CloudDownloadStatus/properties/fileName",
        "path": "/components/schemas/CloudDownloadStatus/properties/filename",
    }
    assert fixed_by_own_patch(findings, body)


def test_extra_fields_are_audited_where_the_schema_allows_them() -> None:
    spec = SpecView.load()
    assert "additionalProperties" not in spec.get("/components/schemas/CloudDownloadStatus")
    assert [f.kind for f in check(status_with(note="working"))] == ["unknown-field"]


@pytest.mark.parametrize(
    ("exchange", "kind"),
    [
        ({"status": 500}, "undocumented-status"),
        ({"content_type": "text/html"}, "undocumented-content-type"),
        ({"method": "GET", "path": "/api/history"}, "undocumented-route"),
        ({"method": "DELETE", "path": "/api/cloud/status"}, "undocumented-route"),
    ],
)
def test_answer_level_drift(exchange: dict[str, Any], kind: str) -> None:
    body = {"error": "boom"} if exchange.get("status") == 500 else STATUS_OK
    findings = check(body, **exchange)
    assert [f.kind for f in findings] == [kind]
    assert fixed_by_own_patch(findings, body, **exchange)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("PUT", "/api/proxy", 405),  # a method the spec does not have, refused
        ("GET", "/api/nothing-here", 404),
        ("OPTIONS", "/api/proxy", 200),
        ("GET", "/_mock/health", 200),
    ],
)
def test_refusals_and_http_machinery_are_not_drift(method: str, path: str, status: int) -> None:
    assert check({"error": "no"}, method=method, path=path, status=status) == []


def test_json_that_does_not_parse_is_reported() -> None:
    assert [f.kind for f in check(b"{not json")] == ["invalid-json"]


def test_errors_follow_the_era() -> None:
    error = {"error": "Request not found"}
    assert [f.kind for f in check(error, status=200)] == ["other-era"]
    assert check(error, status=404) == []
    assert check(error, status=200, era="legacy") == []
    assert [f.kind for f in check(error, status=404, era="legacy")] == ["other-era"]
    assert fixed_by_own_patch(check(error, status=200), error, status=200)


def test_an_operation_outside_the_era_may_only_answer_404() -> None:
    spec = SpecView.load()
    document = copy.deepcopy(spec.document)
    document["paths"]["/api/login"]["post"]["x-offcloud-eras"] = ["legacy"]
    legacy_only = SpecView(document)
    login = {"email": "demo@offcloud.test", "userId": "5f3c2a1b9d8e7f6a5b4c3d2e"}
    path = "/api/login"
    assert check({"error": "Not found"}, status=404, path=path, spec=legacy_only) == []
    assert [f.kind for f in check(login, path=path, spec=legacy_only)] == ["not-in-era"]
    assert check(login, era="legacy", path=path, spec=legacy_only) == []


def test_an_unknown_era_is_refused() -> None:
    with pytest.raises(ValueError, match="era must be one of"):
        Checker(SpecView.load(), "2030")
