"""Whether an answer is a success: a 2xx that is not a legacy refusal (the legacy server refuses with HTTP
200 and an `{"error": ...}` body; the 2026 server with an error status)."""

import json

__all__ = ["succeeded"]


def succeeded(status_code: int, content: bytes) -> bool:
    if not 200 <= status_code < 300:
        return False
    try:
        body = json.loads(content or b"null")
    except ValueError:
        return True  # not JSON (listCloudDownloadLinks answers text): not an error body
    return not (isinstance(body, dict) and "error" in body)
