"""offcloud_kit: the hand-written layer over the generated Offcloud API client.

    from offcloud_kit import Offcloud, OffcloudError

    oc = Offcloud(api_key="...", base_url="https://offcloud.com")
    try:
        item = oc.add_cloud("magnet:?xt=urn:btih:...")
        oc.wait_for_cloud(item.request_id, on_progress=print)
    except OffcloudError as error:
        print(error)

AsyncOffcloud has the same methods as coroutines. `oc.raw` is the generated `offcloud_client.Client`,
for the generated call styles (sync, sync_detailed, asyncio, asyncio_detailed) with the same settings.
"""

from offcloud_kit._base import DEFAULT_BASE_URL, DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_TIMEOUT
from offcloud_kit._core import CallOptions, WaitOptions
from offcloud_kit._operations.cache import CACHE_BATCH_SIZE
from offcloud_kit.async_client import AsyncOffcloud
from offcloud_kit.client import Offcloud
from offcloud_kit.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    DeviceAccessDeniedError,
    DeviceCodeExpiredError,
    DeviceLoginError,
    DownloadFailedError,
    NotAvailableError,
    NotFoundError,
    OffcloudError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
    WaitTimeoutError,
)
from offcloud_kit.redact import install_log_redaction, redact
from offcloud_kit.retry import SAFE_OPERATIONS, RetryPolicy
from offcloud_kit.waiting import Progress

__all__ = [
    "CACHE_BATCH_SIZE",
    "DEFAULT_BASE_URL",
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_RESPONSE_SIZE",
    "DEFAULT_TIMEOUT",
    "SAFE_OPERATIONS",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncOffcloud",
    "AuthenticationError",
    "BadRequestError",
    "CallOptions",
    "DeviceAccessDeniedError",
    "DeviceCodeExpiredError",
    "DeviceLoginError",
    "DownloadFailedError",
    "NotAvailableError",
    "NotFoundError",
    "Offcloud",
    "OffcloudError",
    "Progress",
    "RateLimitError",
    "RetryPolicy",
    "ServerError",
    "UnexpectedResponseError",
    "WaitOptions",
    "WaitTimeoutError",
    "install_log_redaction",
    "redact",
]
