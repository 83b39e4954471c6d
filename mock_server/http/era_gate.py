"""Bridge (issue 10): an operation outside the current era answers the unknown-route 404.

openapi.yaml lists each operation's eras (`x-offcloud-eras`). The generic era switch gates every route;
until it lands, the blueprints of the content and OAuth routes run `gate_by_era` first, so a legacy-only
operation (upload, stats, torrent check) is unknown to the 2026 server and a 2026-only one (account
info, cache info and download, device login) to the legacy server, before any auth or validation.
Remove once the era switch gates routes itself.
"""

import functools

from flask import request
from werkzeug.exceptions import NotFound

from mock_server.http.runtime import runtime
from mock_server.spec import load_spec

__all__ = ["gate_by_era"]


@functools.cache
def _eras() -> dict[str, frozenset[str]]:
    return {
        operation["operationId"]: frozenset(str(era) for era in operation.get("x-offcloud-eras", ()))
        for item in load_spec()["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }


def gate_by_era() -> None:
    if request.method == "OPTIONS":
        return
    operation_id = (request.endpoint or "").partition(".")[2]
    era = "legacy" if runtime().presenter.era == "legacy" else "2026"
    eras = _eras().get(operation_id)
    if eras and era not in eras:
        raise NotFound()
