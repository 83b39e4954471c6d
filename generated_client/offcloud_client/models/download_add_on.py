from typing import Literal

DownloadAddOn = Literal["links", "premium", "proxy", "video"]

DOWNLOAD_ADD_ON_VALUES: set[DownloadAddOn] = {
    "links",
    "premium",
    "proxy",
    "video",
}


def check_download_add_on(value: str) -> DownloadAddOn:
    if value in DOWNLOAD_ADD_ON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DOWNLOAD_ADD_ON_VALUES!r}")
