from typing import Literal

CloudAddOn = Literal["cloud", "links", "premium", "proxy", "video"]

CLOUD_ADD_ON_VALUES: set[CloudAddOn] = {
    "cloud",
    "links",
    "premium",
    "proxy",
    "video",
}


def check_cloud_add_on(value: str) -> CloudAddOn:
    if value in CLOUD_ADD_ON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLOUD_ADD_ON_VALUES!r}")
