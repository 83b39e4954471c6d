from typing import Literal

CloudDownloadState = Literal["canceled", "created", "downloaded", "downloading", "error", "processing", "queued"]

CLOUD_DOWNLOAD_STATE_VALUES: set[CloudDownloadState] = {
    "canceled",
    "created",
    "downloaded",
    "downloading",
    "error",
    "processing",
    "queued",
}


def check_cloud_download_state(value: str) -> CloudDownloadState:
    if value in CLOUD_DOWNLOAD_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLOUD_DOWNLOAD_STATE_VALUES!r}")
