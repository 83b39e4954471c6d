"""The words of the refusals the suite provokes, and the HTTP status each era answers them with.

From openapi.yaml's examples and descriptions: a legacy refusal is `{"error": ...}` with HTTP 200; the
2026 server answers the same words with the status of the error (400, 404). Add-on refusals
(`not_available`) are not errors in either era (reference_model).
"""

__all__ = [
    "BAD_ARCHIVE",
    "INCORRECT_URL",
    "NOT_CACHED",
    "NOT_DOWNLOADED",
    "NOT_FAILED",
    "NOT_FOUND",
    "REQUEST_IDS_REFUSED",
    "refusal_status",
]

# getCloudStatus and every operation on a requestId: an unknown id, another account's, a removed one.
NOT_FOUND = "Request not found"
# explore and list of a download that is not finished (`notReady`).
NOT_DOWNLOADED = "File is not downloaded yet."
# explore of a finished single file (legacy; 2026 `format=detailed`).
BAD_ARCHIVE = "Bad archive"
# retry of a download that is not in error (`notFailed`).
NOT_FAILED = "Only failed downloads can be retried."
# 2026 getCloudStatus with `requestIds` (several ids) and no `requestId` (DMM live).
REQUEST_IDS_REFUSED = "Missing required parameter: requestId"
# 2026 getCachedDownloadLinks: a magnet that is not cached (the spec's choice), or no magnet at all.
NOT_CACHED = "Not cached"
INCORRECT_URL = "Incorrect url"


def refusal_status(era: str, status: int) -> int:
    """The HTTP status a refusal of `status` comes with in `era`."""
    return 200 if era == "legacy" else status
