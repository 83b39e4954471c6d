"""Contains all the data models used in inputs/outputs"""

from .api_key_info import ApiKeyInfo
from .cache_check_form import CacheCheckForm
from .cache_check_result import CacheCheckResult
from .cloud_add_on import CloudAddOn
from .cloud_download import CloudDownload
from .cloud_download_form import CloudDownloadForm
from .cloud_download_state import CloudDownloadState
from .cloud_download_status import CloudDownloadStatus
from .cloud_not_available import CloudNotAvailable
from .cloud_status_result import CloudStatusResult
from .download_add_on import DownloadAddOn
from .download_not_available import DownloadNotAvailable
from .error_body import ErrorBody
from .instant_download import InstantDownload
from .instant_download_form import InstantDownloadForm
from .instant_download_state import InstantDownloadState
from .login_check import LoginCheck
from .login_form import LoginForm
from .login_result import LoginResult
from .proxy import Proxy
from .proxy_list import ProxyList
from .remote_account import RemoteAccount
from .remote_account_list import RemoteAccountList
from .remote_download import RemoteDownload
from .remote_download_form import RemoteDownloadForm
from .remote_download_state import RemoteDownloadState
from .remote_download_status import RemoteDownloadStatus
from .remote_status_result import RemoteStatusResult
from .request_id_form import RequestIdForm
from .retry_result import RetryResult

__all__ = (
    "ApiKeyInfo",
    "CacheCheckForm",
    "CacheCheckResult",
    "CloudAddOn",
    "CloudDownload",
    "CloudDownloadForm",
    "CloudDownloadState",
    "CloudDownloadStatus",
    "CloudNotAvailable",
    "CloudStatusResult",
    "DownloadAddOn",
    "DownloadNotAvailable",
    "ErrorBody",
    "InstantDownload",
    "InstantDownloadForm",
    "InstantDownloadState",
    "LoginCheck",
    "LoginForm",
    "LoginResult",
    "Proxy",
    "ProxyList",
    "RemoteAccount",
    "RemoteAccountList",
    "RemoteDownload",
    "RemoteDownloadForm",
    "RemoteDownloadState",
    "RemoteDownloadStatus",
    "RemoteStatusResult",
    "RequestIdForm",
    "RetryResult",
)
