from typing import Literal

ExploreCloudDownloadFormat = Literal["detailed"]

EXPLORE_CLOUD_DOWNLOAD_FORMAT_VALUES: set[ExploreCloudDownloadFormat] = {
    "detailed",
}


def check_explore_cloud_download_format(value: str) -> ExploreCloudDownloadFormat:
    if value in EXPLORE_CLOUD_DOWNLOAD_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXPLORE_CLOUD_DOWNLOAD_FORMAT_VALUES!r}")
