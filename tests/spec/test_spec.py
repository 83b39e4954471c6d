"""openapi.yaml is valid, complete, and its examples agree with its schemas."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import referencing
import referencing.jsonschema
import yaml
from openapi_spec_validator import validate

from offcloud_mock.eras import ERAS

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
SPEC_URI = "urn:offcloud-kit:openapi"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
METHODS = {"get", "post", "put", "patch", "delete"}

# The 15 documented operations: method, path, operationId, tag, required body fields,
# the 200 answer's schemas (oneOf branches, by component name).
DOCUMENTED = [
    ("post", "/api/login", "login", "account", {"username", "password"}, {"LoginResult", "ErrorBody"}),
    ("get", "/api/check", "checkLogin", "account", set(), {"LoginCheck"}),
    ("post", "/api/key", "getApiKey", "account", set(), {"ApiKeyInfo", "ErrorBody"}),
    (
        "post",
        "/api/instant",
        "addInstantDownload",
        "instant",
        {"url"},
        {"InstantDownload", "DownloadNotAvailable", "ErrorBody"},
    ),
    (
        "post",
        "/api/cloud",
        "addCloudDownload",
        "cloud",
        {"url"},
        {"CloudDownload", "CloudNotAvailable", "ErrorBody"},
    ),
    (
        "post",
        "/api/remote",
        "addRemoteDownload",
        "remote",
        {"url", "remoteOptionId"},
        {"RemoteDownload", "DownloadNotAvailable", "ErrorBody"},
    ),
    ("post", "/api/proxy", "listProxies", "proxies", set(), {"ProxyList", "ErrorBody"}),
    (
        "post",
        "/api/cloud/status",
        "getCloudStatus",
        "cloud",
        {"requestId"},
        {"CloudStatusResult", "CloudStatusList", "ErrorBody"},
    ),
    ("post", "/api/cache", "checkCache", "cache", {"hashes"}, {"CacheCheckResult", "ErrorBody"}),
    (
        "get",
        "/api/cloud/explore/{requestId}",
        "exploreCloudDownload",
        "cloud",
        set(),
        {"ExploreResult", "DetailedExploreResult", "ErrorBody"},
    ),
    ("get", "/api/cloud/list/{requestId}", "listCloudDownloadLinks", "cloud", set(), set()),
    (
        "post",
        "/api/remote/accounts",
        "listRemoteAccounts",
        "remote",
        set(),
        {"RemoteAccountList", "ErrorBody"},
    ),
    (
        "post",
        "/api/remote/status",
        "getRemoteStatus",
        "remote",
        {"requestId"},
        {"RemoteStatusResult", "RemoteStatusList", "ErrorBody"},
    ),
    (
        "get",
        "/api/cloud/retry/{requestId}",
        "retryCloudDownload",
        "cloud",
        set(),
        {"RetryResult", "ErrorBody"},
    ),
    (
        "get",
        "/api/remote/retry/{requestId}",
        "retryRemoteDownload",
        "remote",
        set(),
        {"RetryResult", "ErrorBody"},
    ),
]


LEGACY, MODERN = ["legacy"], ["2026"]
BOTH = [*LEGACY, *MODERN]  # every era, in the order the spec writes them

# The eras of the documented operations (the 2026 server retired the login and key routes).
DOCUMENTED_ERAS = {
    "login": LEGACY,
    "checkLogin": LEGACY,
    "getApiKey": LEGACY,
    **{d[2]: BOTH for d in DOCUMENTED if d[2] not in {"login", "checkLogin", "getApiKey"}},
}

# The operations real clients call beyond the documentation (evidence: docs/evidence.md):
# method, path, operationId, first tag, eras.
UNDOCUMENTED = [
    ("get", "/api/cloud/history", "getCloudHistory", "cloud", BOTH),
    ("get", "/api/instant/history", "getInstantHistory", "instant", LEGACY),
    ("get", "/api/remote/history", "getRemoteHistory", "remote", LEGACY),
    ("post", "/cloud/history", "getCloudHistoryPage", "cloud", LEGACY),
    ("get", "/cloud/remove/{requestId}", "removeCloudDownloadSiteRoot", "cloud", BOTH),
    ("get", "/instant/remove/{requestId}", "removeInstantDownloadSiteRoot", "instant", LEGACY),
    ("get", "/api/cloud/remove/{requestId}", "removeCloudDownload", "cloud", MODERN),
    ("post", "/api/cloud/remove", "removeCloudDownloads", "cloud", MODERN),
    ("get", "/api/account/stats", "getAccountStats", "account", LEGACY),
    ("get", "/api/account/info", "getAccountInfo", "account", MODERN),
    ("get", "/api/sites", "listSites", "account", BOTH),
    ("post", "/torrent/upload", "uploadTorrent", "cloud", LEGACY),
    ("post", "/api/torrent/check", "checkTorrentCache", "cache", LEGACY),
    ("post", "/api/cache/info", "getCacheInfo", "cache", MODERN),
    ("post", "/api/cache/download", "getCachedDownloadLinks", "cache", MODERN),
    ("post", "/oauth/device/code", "requestDeviceCode", "oauth", MODERN),
    ("post", "/oauth/token", "requestDeviceToken", "oauth", MODERN),
    ("post", "/api/login/classic", "loginClassic", "account", LEGACY),
    ("get", "/api/login/check", "checkLoginAlias", "account", LEGACY),
    ("post", "/api/account/get", "getApiKeyAlias", "account", LEGACY),
    ("post", "/api/instant/download", "addInstantDownloadAlias", "instant", LEGACY),
    ("post", "/api/cloud/download", "addCloudDownloadAlias", "cloud", LEGACY),
    ("post", "/api/remote/download", "addRemoteDownloadAlias", "remote", LEGACY),
    ("post", "/api/proxy/list", "listProxiesAlias", "proxies", LEGACY),
    ("post", "/api/remote-account/list", "listRemoteAccountsAlias", "remote", LEGACY),
    ("post", "/api/cloud/explore", "exploreCloudDownloadAlias", "cloud", LEGACY),
]
OAUTH = {"requestDeviceCode", "requestDeviceToken"}


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follows a local `$ref` (components only hold plain objects, so one hop suffices)."""
    ref = node.get("$ref")
    if ref is None:
        return node
    target: Any = SPEC
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return resolve(target)


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield method, path, operation


def iter_examples(node: Any, pointer: str = "") -> Iterator[tuple[str, str, Any]]:
    """Yields (pointer of the example, pointer of the schema it illustrates, example value)."""
    if isinstance(node, dict):
        if "schema" in node:
            schema_pointer = f"{pointer}/schema"
            if "example" in node:
                yield f"{pointer}/example", schema_pointer, node["example"]
            for name, example in node.get("examples", {}).items():
                yield f"{pointer}/examples/{name}", schema_pointer, resolve(example)["value"]
        elif "example" in node and pointer.startswith("/components/schemas/"):
            yield f"{pointer}/example", pointer, node["example"]
        for key, value in node.items():
            if key not in {"example", "examples"}:
                yield from iter_examples(value, f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}")


EXAMPLES = list(iter_examples(SPEC))
REGISTRY: referencing.Registry[Any] = referencing.Registry().with_resource(
    SPEC_URI, referencing.jsonschema.DRAFT202012.create_resource(SPEC)
)


def validator_at(schema_pointer: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        {"$ref": f"{SPEC_URI}#{schema_pointer}"},
        registry=REGISTRY,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def test_spec_is_valid_openapi_3_1() -> None:
    assert SPEC["openapi"].startswith("3.1")
    validate(SPEC)


def test_exactly_the_documented_and_undocumented_operations() -> None:
    found = [(method, path, op["operationId"]) for method, path, op in operations()]
    expected = {(m, p, o) for m, p, o, *_ in DOCUMENTED} | {(m, p, o) for m, p, o, *_ in UNDOCUMENTED}
    assert set(found) == expected
    ids = [operation_id for *_, operation_id in found]
    assert len(ids) == len(set(ids)), "operationIds are unique"


def test_the_spec_and_the_mock_know_the_same_eras() -> None:
    assert sorted(BOTH) == sorted(ERAS)


@pytest.mark.parametrize(("method", "path", "operation"), list(operations()), ids=lambda v: str(v)[:40])
def test_every_operation_has_eras_and_evidence(method: str, path: str, operation: dict[str, Any]) -> None:
    operation_id = operation["operationId"]
    eras = operation["x-offcloud-eras"]
    assert eras in (LEGACY, MODERN, BOTH), f"{operation_id}: eras {eras!r}"
    expected = DOCUMENTED_ERAS.get(operation_id) or next(d[4] for d in UNDOCUMENTED if d[2] == operation_id)
    assert eras == expected
    assert "Evidence:" in operation["description"], f"{operation_id} names no evidence"


@pytest.mark.parametrize(
    ("method", "path", "operation_id", "tag", "eras"), UNDOCUMENTED, ids=[d[2] for d in UNDOCUMENTED]
)
def test_undocumented_operation(method: str, path: str, operation_id: str, tag: str, eras: list[str]) -> None:
    operation = SPEC["paths"][path][method]
    assert operation["operationId"] == operation_id
    assert operation["tags"] == [tag, "undocumented"]
    security = operation.get("security", SPEC["security"])
    if operation_id in OAUTH:
        assert security == []
    elif eras == MODERN:
        assert security == [{"apiKey": []}, {"bearer": []}]  # Bearer and ?key=
    elif eras == LEGACY:
        assert {"bearer": []} not in security  # the legacy server knew no Bearer
    if "{requestId}" in path:
        (parameter,) = (resolve(p) for p in operation["parameters"])
        assert resolve(parameter["schema"])["pattern"] == "^[0-9a-f]{24}$"


def test_tags_separate_documented_from_undocumented() -> None:
    documented = {d[2] for d in DOCUMENTED}
    for _, _, operation in operations():
        assert ("undocumented" in operation["tags"]) == (operation["operationId"] not in documented)
    assert "undocumented" in {tag["name"] for tag in SPEC["tags"]}


@pytest.mark.parametrize(
    "operation_id", ["exploreCloudDownload", "getCloudHistory", "getRemoteHistory", "uploadTorrent"]
)
def test_unverified_behaviour_is_a_stated_choice(operation_id: str) -> None:
    (operation,) = (op for _, _, op in operations() if op["operationId"] == operation_id)
    assert "Our choice" in operation["description"]


@pytest.mark.parametrize(
    ("method", "path", "operation_id", "tag", "fields", "answers"), DOCUMENTED, ids=[d[2] for d in DOCUMENTED]
)
def test_documented_operation(
    method: str, path: str, operation_id: str, tag: str, fields: set[str], answers: set[str]
) -> None:
    operation = SPEC["paths"][path][method]
    assert operation["operationId"] == operation_id
    assert operation["tags"] == [tag]
    body = operation.get("requestBody")
    if fields == {"requestId"}:
        # `requestId`, or (legacy getCloudStatus) `requestIds`: required through if/then.
        for media in body["content"].values():
            schema = resolve(media["schema"])
            assert set(schema["properties"]) == {"requestId", "requestIds"}
            assert schema["then"] == {"required": ["requestId"]}
    elif fields:
        # Documented as form fields; the server takes the same fields as JSON.
        assert set(body["content"]) == {"application/x-www-form-urlencoded", "application/json"}
        for media in body["content"].values():
            assert set(resolve(media["schema"])["required"]) == fields
    else:
        assert body is None
    ok = operation["responses"]["200"]["content"]
    if operation_id == "listCloudDownloadLinks":
        assert set(ok) == {"text/plain", "application/json"}  # links, or a legacy JSON error
        assert ok["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorBody"}
    else:
        schema = ok["application/json"]["schema"]
        branches = schema.get("oneOf", [schema])
        assert {b["$ref"].rsplit("/", 1)[1] for b in branches} == answers
    if "{requestId}" in path:
        (parameter,) = (resolve(p) for p in operation["parameters"] if resolve(p)["in"] == "path")
        assert resolve(parameter["schema"])["pattern"] == "^[0-9a-f]{24}$"
    if operation_id == "exploreCloudDownload":  # 2026: ?format=detailed
        (query,) = (p for p in operation["parameters"] if p.get("in") == "query")
        assert (query["name"], query["schema"]["enum"]) == ("format", ["detailed"])


@pytest.mark.parametrize(("method", "path", "operation"), list(operations()), ids=lambda v: str(v)[:40])
def test_errors_documented_for_each_era(method: str, path: str, operation: dict[str, Any]) -> None:
    responses = operation["responses"]
    if operation["operationId"] in {"checkLogin", "checkLoginAlias"}:
        return  # answers loggedIn 0 rather than an error
    eras = operation["x-offcloud-eras"]
    error_statuses = {s for s in responses if s != "200"}
    error_schema = "OAuthError" if operation["operationId"] in OAUTH else "ErrorBody"
    if "2026" in eras:
        assert error_statuses, "the modern server's error statuses must be documented"
    for status in error_statuses:
        schema = resolve(responses[status])["content"]["application/json"]["schema"]
        assert schema == {"$ref": f"#/components/schemas/{error_schema}"}
    if "legacy" in eras:
        legacy = responses["200"]["content"]["application/json"]["schema"]
        assert {"$ref": "#/components/schemas/ErrorBody"} in legacy.get("oneOf", [legacy]), (
            "legacy 200 errors"
        )


@pytest.mark.parametrize(
    ("operation_id", "addons"),
    [
        ("addInstantDownload", ["premium", "links", "proxy", "video"]),
        ("addCloudDownload", ["premium", "links", "proxy", "cloud", "video"]),
        ("addRemoteDownload", ["premium", "links", "proxy", "video"]),
    ],
)
def test_not_available_values_per_operation(operation_id: str, addons: list[str]) -> None:
    (operation,) = (op for _, _, op in operations() if op["operationId"] == operation_id)
    branches = operation["responses"]["200"]["content"]["application/json"]["schema"]["oneOf"]
    (refusal,) = (resolve(b) for b in branches if "not_available" in resolve(b).get("required", []))
    assert resolve(refusal["properties"]["not_available"])["enum"] == addons


def test_security_schemes() -> None:
    schemes = SPEC["components"]["securitySchemes"]
    assert schemes["apiKey"] == {**schemes["apiKey"], "type": "apiKey", "in": "query", "name": "key"}
    assert schemes["session"] == {
        **schemes["session"],
        "type": "apiKey",
        "in": "cookie",
        "name": "connect.sid",
    }
    assert schemes["bearer"]["scheme"] == "bearer"
    assert SPEC["security"] == [{"apiKey": []}, {"bearer": []}, {"session": []}]
    assert SPEC["paths"]["/api/login"]["post"]["security"] == []


@pytest.mark.parametrize(
    ("source", "targets"),
    [
        (
            "addCloudDownload",
            {
                "getCloudStatus",
                "exploreCloudDownload",
                "listCloudDownloadLinks",
                "retryCloudDownload",
                "getCloudHistory",
            },
        ),
        ("addRemoteDownload", {"getRemoteStatus", "retryRemoteDownload"}),
    ],
)
def test_links_from_creating_operations(source: str, targets: set[str]) -> None:
    (operation,) = (op for _, _, op in operations() if op["operationId"] == source)
    links = operation["responses"]["200"]["links"]
    assert {link["operationId"] for link in links.values()} == targets
    for link in links.values():
        expressions = {**link.get("parameters", {}), **link.get("requestBody", {})}
        if link["operationId"] == "getCloudHistory":
            assert expressions == {}  # history needs nothing: the new download is its first item
        else:
            assert expressions == {"requestId": "$response.body#/requestId"}


def test_links_of_removal() -> None:
    """add -> history -> remove -> status: the removed download's status is then "not found"."""
    by_id = {op["operationId"]: op for _, _, op in operations()}
    history = by_id["getCloudHistory"]["responses"]["200"]["links"]
    assert {link["operationId"] for link in history.values()} == {
        "removeCloudDownload",
        "removeCloudDownloadSiteRoot",
    }
    assert all(
        link["parameters"] == {"requestId": "$response.body#/0/requestId"} for link in history.values()
    )
    for remove in ("removeCloudDownload", "removeCloudDownloadSiteRoot"):
        (link,) = by_id[remove]["responses"]["200"]["links"].values()
        assert link == {
            "operationId": "getCloudStatus",
            "requestBody": {"requestId": "$request.path.requestId"},
        }


def test_every_request_and_response_has_an_example() -> None:
    illustrated = {schema_pointer for _, schema_pointer, _ in EXAMPLES}
    for method, path, operation in operations():
        escaped = path.replace("~", "~0").replace("/", "~1")
        base = f"/paths/{escaped}/{method}"
        for media in operation.get("requestBody", {}).get("content", {}):
            assert f"{base}/requestBody/content/{media.replace('/', '~1')}/schema" in illustrated
        for status, response in operation["responses"].items():
            if "$ref" in response:
                continue  # shared responses carry their own example (checked below)
            for media in response.get("content", {}):
                pointer = f"{base}/responses/{status}/content/{media.replace('/', '~1')}/schema"
                assert pointer in illustrated, f"no example for {operation['operationId']} {status} {media}"
    for name, response in SPEC["components"]["responses"].items():
        assert response["content"]["application/json"].get("examples"), name


@pytest.mark.parametrize(
    ("example_pointer", "schema_pointer", "value"), EXAMPLES, ids=[e[0] for e in EXAMPLES]
)
def test_example_is_valid_against_its_schema(example_pointer: str, schema_pointer: str, value: Any) -> None:
    errors = [e.message for e in validator_at(schema_pointer).iter_errors(value)]
    assert not errors, f"{example_pointer}: {errors}"


def test_example_validation_can_fail() -> None:
    """The check above is not vacuous: a wrong example is rejected."""
    pointer = "/components/schemas/CloudStatusResult"
    assert not validator_at(pointer).is_valid({"requestId": "5f1b2c3d4e5f60718293a4b6", "status": "created"})
    assert not validator_at("/components/schemas/RequestId").is_valid("5F1B2C3D4E5F60718293A4B6")
    modern = {"requestId": "5f1b2c3d4e5f60718293a4b6", "fileName": "a", "status": "downloading"}
    assert validator_at(pointer).is_valid({"status": {**modern, "progress": 0.5, "message": None}})
    assert not validator_at(pointer).is_valid({"status": {**modern, "progress": 1.5}})
    assert not validator_at(pointer).is_valid({"status": {**modern, "message": 3}})
    assert len(EXAMPLES) > 60
