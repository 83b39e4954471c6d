"""$refs are inlined wherever they stand, by the mock and by the contract tests.

Regression: jsonschema-rs 0.61's `dereference` left the `$ref` of a parameter in place, and the mock
crashed at start-up with `KeyError: 'in'`. Both readers of the spec now use jsonref.
"""

from typing import Any

import pytest

from offcloud_contract.support.spec.openapi_document import inline_refs
from offcloud_mock import spec

DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/api/items/{itemId}": {
            "get": {
                "operationId": "getItem",
                "parameters": [{"$ref": "#/components/parameters/ItemId"}],
                "responses": {"200": {"$ref": "#/components/responses/Item"}},
            }
        }
    },
    "components": {
        "parameters": {
            "ItemId": {
                "name": "itemId",
                "in": "path",
                "required": True,
                "schema": {"$ref": "#/components/schemas/Id"},
            }
        },
        "schemas": {
            "Id": {"type": "string", "pattern": "^[0-9a-f]{24}$"},
            "Item": {"type": "object", "properties": {"id": {"$ref": "#/components/schemas/Id"}}},
        },
        "responses": {
            "Item": {
                "description": "one item",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}},
            }
        },
    },
}
ID_SCHEMA = {"type": "string", "pattern": "^[0-9a-f]{24}$"}


@pytest.mark.parametrize("inline", [spec._inline_refs, inline_refs], ids=["mock", "contract_tests"])
def test_a_ref_under_parameters_is_inlined(inline: Any) -> None:
    resolved = inline(DOCUMENT)
    operation = resolved["paths"]["/api/items/{itemId}"]["get"]
    assert operation["parameters"] == [
        {"name": "itemId", "in": "path", "required": True, "schema": ID_SCHEMA}
    ]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["properties"]["id"] == ID_SCHEMA
    assert "$ref" not in repr(resolved["paths"])
    assert DOCUMENT["paths"]["/api/items/{itemId}"]["get"]["parameters"][0] == {
        "$ref": "#/components/parameters/ItemId"
    }  # the input is left as it was


def test_inlined_objects_are_not_shared() -> None:
    resolved = spec._inline_refs(DOCUMENT)
    resolved["components"]["parameters"]["ItemId"]["schema"]["pattern"] = "changed"
    operation = resolved["paths"]["/api/items/{itemId}"]["get"]
    assert operation["parameters"][0]["schema"]["pattern"] == ID_SCHEMA["pattern"]


def test_the_mock_reads_path_parameters_given_by_ref() -> None:
    raw = spec.load_spec()["paths"]["/api/cloud/explore/{requestId}"]["get"]
    assert {"$ref": "#/components/parameters/RequestIdPath"} in raw["parameters"]  # the case of the crash
    explore = next(op for op in spec.operations() if op.operation_id == "exploreCloudDownload")
    assert set(explore.path_params) == {"requestId"}
    assert explore.path_params["requestId"]["type"] == "string"
