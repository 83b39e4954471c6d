"""The account: logging in, the session and the key, account info and stats, the supported sites."""

from offcloud_client.api.account import check_login, get_account_info, get_account_stats, list_sites
from offcloud_client.api.account import get_api_key as get_api_key_endpoint
from offcloud_client.api.account import login as login_endpoint
from offcloud_client.models import (
    AccountInfo,
    AccountStats,
    ApiKeyInfo,
    LoginCheck,
    LoginForm,
    LoginResult,
    Site,
)

from offcloud_kit._core import CallOptions, Core, listed, same
from offcloud_kit._steps import Steps
from offcloud_kit.redact import register_secret

__all__ = ["account_info", "account_stats", "get_api_key", "is_logged_in", "login", "sites"]


def _api_key(info: ApiKeyInfo) -> ApiKeyInfo:
    register_secret(info.api_key)  # a key we have just been told is one more to keep out of logs
    return info


def login(core: Core, email: str, password: str, options: CallOptions) -> Steps[LoginResult]:
    # Servers echo what they refuse (the mock quotes the start of an over-long password in its 400):
    # the password is masked in every message, body and log line from now on.
    register_secret(password)
    body = LoginForm(username=email, password=password)
    return core.call("login", login_endpoint, LoginResult, same, options, body=body)


def is_logged_in(core: Core, options: CallOptions) -> Steps[bool]:
    return core.call("checkLogin", check_login, LoginCheck, lambda c: c.logged_in == 1, options)


def get_api_key(core: Core, options: CallOptions) -> Steps[ApiKeyInfo]:
    return core.call("getApiKey", get_api_key_endpoint, ApiKeyInfo, _api_key, options)


def account_info(core: Core, options: CallOptions) -> Steps[AccountInfo]:
    return core.call("getAccountInfo", get_account_info, AccountInfo, same, options)


def account_stats(core: Core, options: CallOptions) -> Steps[AccountStats]:
    return core.call("getAccountStats", get_account_stats, AccountStats, same, options)


def sites(core: Core, options: CallOptions) -> Steps[list[Site]]:
    return core.call("listSites", list_sites, list, listed, options)
