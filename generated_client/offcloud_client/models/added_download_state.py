from typing import Literal

AddedDownloadState = Literal["created", "downloaded", "error"]

ADDED_DOWNLOAD_STATE_VALUES: set[AddedDownloadState] = {
    "created",
    "downloaded",
    "error",
}


def check_added_download_state(value: str) -> AddedDownloadState:
    if value in ADDED_DOWNLOAD_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADDED_DOWNLOAD_STATE_VALUES!r}")
