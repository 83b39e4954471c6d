"""Checks of the suite's own, registered with schemathesis next to its built-in ones.

`credentials_accepted`: a case sent with the suite's credentials must not be answered "NOAUTH", with any
status. The legacy server answers a wrong key with HTTP 200 `{"error": "NOAUTH"}`, which every status
based check accepts; this check catches it in both eras.
"""

import json
from typing import Any

import schemathesis

__all__ = ["CUSTOM_CHECKS", "credentials_accepted"]


def _error_message(response: Any) -> object:
    try:
        body = json.loads(response.content or b"null")
    except ValueError:
        return None
    return body.get("error") if isinstance(body, dict) else None


@schemathesis.check
def credentials_accepted(ctx: Any, response: Any, case: Any) -> bool | None:
    if not getattr(case, "_has_explicit_auth", False):
        return None  # sent without credentials on purpose (ignored_auth probes, negated security)
    if _error_message(response) == "NOAUTH":
        raise AssertionError(
            f"{case.operation.label} refused the suite's credentials: HTTP {response.status_code} "
            '{"error": "NOAUTH"}. Check OFFCLOUD_API_KEY (or the account\'s e-mail and password).'
        )
    return None


CUSTOM_CHECKS = ("credentials_accepted",)
