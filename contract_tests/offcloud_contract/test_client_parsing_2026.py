"""The 2026 shapes parse into the client's models with their values kept: the status with `progress` and
`message` (both null once finished), history items without sizes, account info, cache info, and the
device-flow answers (codes, pending/slow_down errors, the token). The generic properties of
test_client_parsing cover every schema; these hold the fields a 2026 client reads to what was sent."""

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from offcloud_client.models import (
    AccountInfo,
    CacheInfoItem,
    CloudStatusResult,
    DeviceCode,
    DeviceToken,
    HistoryItem,
    OAuthError,
)

from offcloud_contract.support.answers.parsing import parse
from offcloud_contract.support.spec.openapi_document import operations

_BY_ID = {operation.operation_id: operation for operation in operations()}
_IDS = st.from_regex(r"\A[0-9a-f]{24}\Z")
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20)
_WORKING = st.sampled_from(("created", "queued", "downloading", "processing"))  # cloud states


def _parsed(operation_id: str, body: Any, status: int = 200) -> Any:
    return parse(_BY_ID[operation_id], status, json.dumps(body).encode(), "application/json")


@given(
    request_id=_IDS,
    name=_TEXT,
    state=_WORKING,
    progress=st.floats(0, 1, exclude_max=True),
    message=_TEXT,
)
def test_working_status_keeps_progress_and_message(
    request_id: str, name: str, state: str, progress: float, message: str
) -> None:
    body = {
        "requestId": request_id,
        "status": state,
        "fileName": name,
        "progress": progress,
        "message": message,
    }
    result = _parsed("getCloudStatus", {"status": body})
    assert isinstance(result, CloudStatusResult)
    assert (result.status.progress, result.status.message, str(result.status.status)) == (
        progress,
        message,
        state,
    )


@given(request_id=_IDS, name=_TEXT, error=st.none() | _TEXT, failed=st.booleans())
def test_finished_status_has_null_progress(
    request_id: str, name: str, error: str | None, failed: bool
) -> None:
    state, message = ("error", error) if failed else ("downloaded", None)
    body = {"requestId": request_id, "status": state, "fileName": name, "progress": None, "message": message}
    result = _parsed("getCloudStatus", {"status": body})
    assert isinstance(result, CloudStatusResult)
    assert result.status.progress is None
    assert result.status.message == message


@given(st.lists(st.tuples(_IDS, _TEXT, st.sampled_from(("downloaded", "downloading", "error"))), max_size=5))
def test_history_items_without_sizes(items: list[tuple[str, str, str]]) -> None:
    body = [
        {"requestId": rid, "fileName": name, "status": state, "originalLink": f"{rid}.torrent"}
        for rid, name, state in items
    ]
    result = _parsed("getCloudHistory", body)
    assert isinstance(result, list)
    assert all(isinstance(item, HistoryItem) for item in result)
    assert [(i.request_id, i.file_name, str(i.status)) for i in result] == items


@given(user_id=st.from_regex(r"\A[0-9a-z]{1,24}\Z"), premium=st.booleans(), email=st.emails())
def test_account_info(user_id: str, premium: bool, email: str) -> None:
    body = {"user_id": user_id, "is_premium": premium, "can_download": premium, "email": email}
    result = _parsed("getAccountInfo", body)
    assert isinstance(result, AccountInfo)
    assert (result.user_id, result.is_premium, result.email) == (user_id, premium, email)


@given(st.lists(st.booleans(), min_size=1, max_size=6))
def test_cache_info_in_input_order(cached: list[bool]) -> None:
    result = _parsed("getCacheInfo", [{"cached": flag} for flag in cached])
    assert isinstance(result, list)
    assert all(isinstance(item, CacheInfoItem) for item in result)
    assert [item.cached for item in result] == cached


@given(
    interval=st.integers(1, 60), expires=st.integers(60, 1800), code=st.from_regex(r"\A[A-Z]{4}-[A-Z]{4}\Z")
)
def test_device_code(interval: int, expires: int, code: str) -> None:
    body = {
        "device_code": "d" * 43,
        "user_code": code,
        "verification_uri": "https://offcloud.com/activate",
        "verification_uri_complete": f"https://offcloud.com/activate?code={code}",
        "expires_in": expires,
        "interval": interval,
    }
    result = _parsed("requestDeviceCode", body)
    assert isinstance(result, DeviceCode)
    assert (result.user_code, result.interval, result.expires_in) == (code, interval, expires)


@given(error=st.sampled_from(("authorization_pending", "slow_down", "expired_token", "access_denied")))
def test_device_token_errors(error: str) -> None:
    result = _parsed("requestDeviceToken", {"error": error, "error_description": "x"}, status=400)
    assert isinstance(result, OAuthError)
    assert result.error == error


@given(token=st.from_regex(r"\A[A-Za-z0-9_-]{20,64}\Z"))
def test_device_token(token: str) -> None:
    result = _parsed("requestDeviceToken", {"access_token": token, "token_type": "Bearer"})
    assert isinstance(result, DeviceToken)
    assert result.access_token == token
