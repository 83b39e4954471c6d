"""The contract suite reads a field of one era (`x-offcloud-eras` on a property) as the mock does: no
field at all in the other era (offcloud_contract.support.spec.openapi_document.era_document)."""

import copy
from typing import Any

from offcloud_contract.support.spec.openapi_document import _fields_of_era, era_document


def test_request_ids_is_no_field_of_the_2026_server() -> None:
    form = era_document("2026")["components"]["schemas"]["RequestIdForm"]
    assert "requestIds" not in form["properties"]
    assert form["required"] == ["requestId"]  # its alternative gone, the conditional always holds
    assert "if" not in form
    assert "then" not in form
    legacy = era_document("legacy")["components"]["schemas"]["RequestIdForm"]
    assert "requestIds" in legacy["properties"]
    assert legacy["if"] == {"not": {"required": ["requestIds"]}}


def test_a_field_of_one_era_leaves_the_others_schemas_and_examples() -> None:
    document: dict[str, Any] = {
        "components": {
            "schemas": {
                "Form": {
                    "type": "object",
                    "required": ["url", "tag"],
                    "properties": {
                        "url": {"type": "string"},
                        "tag": {"type": "string", "x-offcloud-eras": ["2026"]},
                    },
                }
            }
        },
        "paths": {
            "/add": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"example": {"url": "u", "tag": "t"}},
                            "application/x-www-form-urlencoded": {"example": {"url": "u"}},
                        }
                    }
                }
            }
        },
    }
    as_written = copy.deepcopy(document)
    _fields_of_era(document, "2026")
    assert document == as_written  # the field's own era keeps it
    _fields_of_era(document, "legacy")
    form = document["components"]["schemas"]["Form"]
    assert set(form["properties"]) == {"url"}
    assert form["required"] == ["url"]
    content = document["paths"]["/add"]["post"]["requestBody"]["content"]
    assert "example" not in content["application/json"]  # it gave the field the era does not have
    assert content["application/x-www-form-urlencoded"]["example"] == {"url": "u"}
