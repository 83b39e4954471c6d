from typing import Literal

InstantDownloadState = Literal["created"]

INSTANT_DOWNLOAD_STATE_VALUES: set[InstantDownloadState] = {
    "created",
}


def check_instant_download_state(value: str) -> InstantDownloadState:
    if value in INSTANT_DOWNLOAD_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INSTANT_DOWNLOAD_STATE_VALUES!r}")
