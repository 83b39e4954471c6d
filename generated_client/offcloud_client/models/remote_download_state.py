from typing import Literal

RemoteDownloadState = Literal[
    "canceled", "created", "downloaded", "downloading", "error", "processing", "queued", "uploading"
]

REMOTE_DOWNLOAD_STATE_VALUES: set[RemoteDownloadState] = {
    "canceled",
    "created",
    "downloaded",
    "downloading",
    "error",
    "processing",
    "queued",
    "uploading",
}


def check_remote_download_state(value: str) -> RemoteDownloadState:
    if value in REMOTE_DOWNLOAD_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REMOTE_DOWNLOAD_STATE_VALUES!r}")
