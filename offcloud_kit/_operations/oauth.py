"""Logging in without a key: the 2026 server's OAuth device flow (RFC 8628).

    oc = Offcloud.login_with_device(on_code=lambda code: print(code.user_code, code.verification_uri))

`device_login()` asks for a device code (`requestDeviceCode`), shows it through `on_code`, then polls
`requestDeviceToken` every `interval` seconds the server asked for, adding 5 s on each `slow_down` (RFC
8628 §3.5), until the user approves (the access token is returned; it is the account's API key, Bearer
or `?key=`), denies (DeviceAccessDeniedError), or the code expires (DeviceCodeExpiredError, also raised
by the client itself once `expires_in` has passed on its clock). Pending answers are non-2xx by nature,
so they are read here rather than raised as errors by the classifier.
"""

from collections.abc import Callable
from typing import Any, Final

from offcloud_client.api.oauth import request_device_code, request_device_token
from offcloud_client.models import DeviceCode, DeviceCodeForm, DeviceToken, DeviceTokenForm, OAuthError

from offcloud_kit._core import CallOptions, Core, same
from offcloud_kit._steps import Notify, Sleep, Steps
from offcloud_kit.errors import (
    DeviceAccessDeniedError,
    DeviceCodeExpiredError,
    DeviceLoginError,
    UnexpectedResponseError,
)
from offcloud_kit.redact import register_secret

__all__ = ["DEVICE_GRANT_TYPE", "SLOW_DOWN_SECONDS", "device_login"]

DEVICE_GRANT_TYPE: Final = "urn:ietf:params:oauth:grant-type:device_code"
SLOW_DOWN_SECONDS = 5.0  # added to the polling interval on every `slow_down` (RFC 8628 §3.5)
_PENDING = "authorization_pending"
_SLOW_DOWN = "slow_down"

_ERROR_CLASSES: dict[str, type[DeviceLoginError]] = {
    "expired_token": DeviceCodeExpiredError,
    "access_denied": DeviceAccessDeniedError,
}


def _answer(parsed: Any) -> DeviceToken | OAuthError:
    if isinstance(parsed, DeviceToken | OAuthError):
        return parsed
    raise UnexpectedResponseError(
        f"requestDeviceToken: a {type(parsed).__name__} where a token or an OAuth error was due",
        reason="not a token or an OAuth error",
        operation="requestDeviceToken",
    )


def _refusal(answer: OAuthError) -> DeviceLoginError:
    description = answer.error_description if isinstance(answer.error_description, str) else None
    cls = _ERROR_CLASSES.get(answer.error, DeviceLoginError)
    text = f"device login failed: {answer.error}" + (f" ({description})" if description else "")
    return cls(text, error=answer.error, description=description, status=400, body=answer.to_dict())


def device_login(
    core: Core,
    on_code: Callable[[DeviceCode], object],
    *,
    max_wait: float | None,
    options: CallOptions,
) -> Steps[DeviceToken]:
    """Ask for a device code, show it, poll until approved; return the token (see the module docstring).

    `max_wait` caps the wait below the server's `expires_in` (None: the server's). The first poll comes
    one interval after the code is shown, as RFC 8628 asks.
    """
    code: DeviceCode = yield from core.call(
        "requestDeviceCode", request_device_code, DeviceCode, same, options, body=DeviceCodeForm()
    )
    register_secret(code.device_code)  # whoever holds it can collect the token
    yield Notify(on_code, code)
    interval = float(code.interval)
    lifetime = float(code.expires_in) if max_wait is None else min(float(code.expires_in), max_wait)
    deadline = core.clock() + lifetime
    body = DeviceTokenForm(grant_type=DEVICE_GRANT_TYPE, device_code=code.device_code)
    while True:
        if core.clock() + interval > deadline:
            raise DeviceCodeExpiredError(
                f"device login failed: not approved within {lifetime:g} s", error="expired_token"
            )
        yield Sleep(interval)
        answer = yield from core.call(
            "requestDeviceToken", request_device_token, object, _answer, options, body=body
        )
        if isinstance(answer, DeviceToken):
            register_secret(answer.access_token)
            return answer
        if answer.error == _SLOW_DOWN:
            interval += SLOW_DOWN_SECONDS
        elif answer.error != _PENDING:
            raise _refusal(answer)
