"""Contains all the data models used in inputs/outputs"""

from .account_info import AccountInfo
from .account_limits import AccountLimits
from .account_stats import AccountStats
from .api_key_info import ApiKeyInfo
from .cache_check_form import CacheCheckForm
from .cache_check_result import CacheCheckResult
from .cache_download_form import CacheDownloadForm
from .cache_info_form import CacheInfoForm
from .cache_info_item import CacheInfoItem
from .cached_file import CachedFile
from .cached_file_link import CachedFileLink
from .cloud_add_on import CloudAddOn
from .cloud_download import CloudDownload
from .cloud_download_form import CloudDownloadForm
from .cloud_download_state import CloudDownloadState
from .cloud_download_status import CloudDownloadStatus
from .cloud_not_available import CloudNotAvailable
from .cloud_status_list import CloudStatusList
from .cloud_status_result import CloudStatusResult
from .detailed_explore_result import DetailedExploreResult
from .device_code import DeviceCode
from .device_code_form import DeviceCodeForm
from .device_token import DeviceToken
from .device_token_form import DeviceTokenForm
from .download_add_on import DownloadAddOn
from .download_not_available import DownloadNotAvailable
from .error_body import ErrorBody
from .explore_cloud_download_format import ExploreCloudDownloadFormat
from .explore_form import ExploreForm
from .explored_file import ExploredFile
from .history_item import HistoryItem
from .history_page import HistoryPage
from .history_page_form import HistoryPageForm
from .instant_download import InstantDownload
from .instant_download_form import InstantDownloadForm
from .instant_download_state import InstantDownloadState
from .login_check import LoginCheck
from .login_form import LoginForm
from .login_result import LoginResult
from .o_auth_error import OAuthError
from .proxy import Proxy
from .proxy_list import ProxyList
from .remote_account import RemoteAccount
from .remote_account_list import RemoteAccountList
from .remote_download import RemoteDownload
from .remote_download_form import RemoteDownloadForm
from .remote_download_state import RemoteDownloadState
from .remote_download_status import RemoteDownloadStatus
from .remote_status_list import RemoteStatusList
from .remote_status_result import RemoteStatusResult
from .remove_many_form import RemoveManyForm
from .remove_result import RemoveResult
from .request_id_form import RequestIdForm
from .retry_result import RetryResult
from .site import Site
from .torrent_upload_form import TorrentUploadForm
from .torrent_upload_result import TorrentUploadResult

__all__ = (
    "AccountInfo",
    "AccountLimits",
    "AccountStats",
    "ApiKeyInfo",
    "CacheCheckForm",
    "CacheCheckResult",
    "CachedFile",
    "CachedFileLink",
    "CacheDownloadForm",
    "CacheInfoForm",
    "CacheInfoItem",
    "CloudAddOn",
    "CloudDownload",
    "CloudDownloadForm",
    "CloudDownloadState",
    "CloudDownloadStatus",
    "CloudNotAvailable",
    "CloudStatusList",
    "CloudStatusResult",
    "DetailedExploreResult",
    "DeviceCode",
    "DeviceCodeForm",
    "DeviceToken",
    "DeviceTokenForm",
    "DownloadAddOn",
    "DownloadNotAvailable",
    "ErrorBody",
    "ExploreCloudDownloadFormat",
    "ExploredFile",
    "ExploreForm",
    "HistoryItem",
    "HistoryPage",
    "HistoryPageForm",
    "InstantDownload",
    "InstantDownloadForm",
    "InstantDownloadState",
    "LoginCheck",
    "LoginForm",
    "LoginResult",
    "OAuthError",
    "Proxy",
    "ProxyList",
    "RemoteAccount",
    "RemoteAccountList",
    "RemoteDownload",
    "RemoteDownloadForm",
    "RemoteDownloadState",
    "RemoteDownloadStatus",
    "RemoteStatusList",
    "RemoteStatusResult",
    "RemoveManyForm",
    "RemoveResult",
    "RequestIdForm",
    "RetryResult",
    "Site",
    "TorrentUploadForm",
    "TorrentUploadResult",
)
