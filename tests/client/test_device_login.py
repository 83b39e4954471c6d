"""login_with_device(): the 2026 OAuth device flow against a scripted server (the mock does not serve it
yet), on a fake clock whose sleeps move it, so the polling rhythm is asserted without waiting."""

import asyncio
import json
from typing import Any

import httpx
import pytest
from offcloud_client.models import DeviceCode

from offcloud_kit import (
    AsyncOffcloud,
    AuthenticationError,
    DeviceAccessDeniedError,
    DeviceCodeExpiredError,
    DeviceLoginError,
    Offcloud,
)
from offcloud_kit._operations.oauth import DEVICE_GRANT_TYPE

from .fake_offcloud import FakeOffcloud, FakeTime, example, oauth_error

CODE = example("requestDeviceCode")  # interval 5, expires_in 600
TOKEN = example("requestDeviceToken")
PENDING = oauth_error("authorization_pending")
SLOW_DOWN = oauth_error("slow_down")


def server(*token_answers: Any, code: dict[str, Any] | None = None) -> FakeOffcloud:
    fake = FakeOffcloud().on("POST", "/oauth/device/code", code or CODE)
    return fake.on("POST", "/oauth/token", *token_answers)


def login(fake: FakeOffcloud, time: FakeTime, shown: list[DeviceCode], **kwargs: Any) -> Offcloud:
    return Offcloud.login_with_device(
        on_code=shown.append, sleep=time.sleep, clock=time.clock, **fake.client_args(), **kwargs
    )


def test_polls_at_the_interval_slows_down_and_returns_a_client_holding_the_token() -> None:
    fake = server(PENDING, SLOW_DOWN, PENDING, TOKEN)
    time, shown = FakeTime(), list[DeviceCode]()
    oc = login(fake, time, shown)

    (code,) = shown
    assert (code.user_code, code.verification_uri) == ("ABCD-EFGH", "https://offcloud.com/activate")
    assert code.verification_uri_complete == "https://offcloud.com/activate?code=ABCD-EFGH"
    # One interval before each poll; 5 s more from the slow_down on.
    assert time.sleeps == [5.0, 5.0, 10.0, 10.0]
    polls = fake.sent("/oauth/token")
    assert len(polls) == 4
    assert json.loads(polls[0].content) == {
        "grant_type": DEVICE_GRANT_TYPE,
        "device_code": CODE["device_code"],
    }
    # Neither device call carries a key (the client had none).
    for request in fake.requests:
        assert "key" not in request.url.params
        assert "authorization" not in request.headers

    assert isinstance(oc, Offcloud)
    assert oc.raw.api_key == TOKEN["access_token"]
    assert TOKEN["access_token"] not in repr(oc)
    fake.on("GET", "/api/account/info", example("getAccountInfo", name="premium"))
    assert oc.account_info().is_premium is True
    assert fake.requests[-1].url.params["key"] == TOKEN["access_token"]  # the token works as the key


def test_the_token_goes_as_bearer_when_asked() -> None:
    fake = server(TOKEN).on("GET", "/api/account/info", example("getAccountInfo", name="premium"))
    oc = login(fake, FakeTime(), [], auth_style="bearer")
    oc.account_info()
    assert fake.requests[-1].headers["authorization"] == f"Bearer {TOKEN['access_token']}"


def test_the_code_request_sends_an_empty_json_object_without_credentials() -> None:
    fake = server(TOKEN)
    login(fake, FakeTime(), [])
    (request,) = fake.sent("/oauth/device/code")
    assert json.loads(request.content) == {}


@pytest.mark.parametrize(
    ("error", "cls"),
    [("access_denied", DeviceAccessDeniedError), ("expired_token", DeviceCodeExpiredError)],
)
def test_refusals_are_typed(error: str, cls: type[DeviceLoginError]) -> None:
    fake = server(PENDING, oauth_error(error, "The user said no."))
    with pytest.raises(cls) as raised:
        login(fake, FakeTime(), [])
    assert isinstance(raised.value, AuthenticationError)
    assert (raised.value.error, raised.value.description, raised.value.status) == (
        error,
        "The user said no.",
        400,
    )
    assert "The user said no." in str(raised.value)


def test_an_unknown_oauth_error_ends_the_login() -> None:
    with pytest.raises(DeviceLoginError) as raised:
        login(server(oauth_error("invalid_grant")), FakeTime(), [])
    assert type(raised.value) is DeviceLoginError
    assert raised.value.error == "invalid_grant"


def test_the_client_gives_up_when_the_code_expires_on_its_clock() -> None:
    code = {**CODE, "expires_in": 12, "interval": 5}
    fake = server(PENDING, code=code)
    time = FakeTime()
    with pytest.raises(DeviceCodeExpiredError, match="within 12 s"):
        login(fake, time, [])
    assert time.sleeps == [5.0, 5.0]  # a third poll would come after the code expired
    assert len(fake.sent("/oauth/token")) == 2


def test_max_wait_caps_the_wait() -> None:
    time = FakeTime()
    with pytest.raises(DeviceCodeExpiredError):
        login(server(PENDING), time, [], max_wait=20)
    assert sum(time.sleeps) <= 20


def test_login_settings_must_not_include_a_key() -> None:
    with pytest.raises(TypeError, match="no api_key"):
        Offcloud.login_with_device(on_code=print, api_key="x" * 20)


def test_the_device_code_and_token_are_masked_in_errors() -> None:
    """A failure after the code was issued does not show the device code (it can collect the token)."""
    fake = server(
        httpx.Response(400, json={"error": "invalid_grant", "error_description": CODE["device_code"]})
    )
    with pytest.raises(DeviceLoginError) as raised:
        login(fake, FakeTime(), [])
    assert CODE["device_code"] not in str(raised.value)


def test_async_login_with_a_coroutine_callback() -> None:
    fake = server(SLOW_DOWN, TOKEN)
    time = FakeTime()
    shown: list[str] = []

    async def on_code(code: DeviceCode) -> None:
        shown.append(code.user_code)

    async def run() -> AsyncOffcloud:
        return await AsyncOffcloud.login_with_device(
            on_code=on_code, sleep=time.asleep, clock=time.clock, **fake.client_args()
        )

    oc = asyncio.run(run())
    assert isinstance(oc, AsyncOffcloud)
    assert shown == ["ABCD-EFGH"]
    assert time.sleeps == [5.0, 10.0]
    assert oc.raw.api_key == TOKEN["access_token"]


def test_async_methods_mirror_the_sync_ones() -> None:
    fake = FakeOffcloud().on("GET", "/api/cloud/history", example("getCloudHistory", name="modern"))
    fake.on("POST", "/api/cloud/remove", {"success": True})

    async def run() -> tuple[int, bool]:
        async with AsyncOffcloud("async-key-0123456789abcdef", **fake.client_args()) as oc:
            history = await oc.cloud_history()
            return len(history), await oc.remove_cloud_many([history[0].request_id])

    assert asyncio.run(run()) == (1, True)
    assert json.loads(fake.requests[1].content) == {"requests": ["5f1b2c3d4e5f60718293a4b7"]}
