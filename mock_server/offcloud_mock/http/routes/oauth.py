"""The spec's `oauth` operations: the OAuth 2.0 device login of the 2026 server (RFC 8628).

POST /oauth/device/code issues a device code and a user code; POST /oauth/token answers
`authorization_pending`, `slow_down`, `expired_token` or `access_denied` (with the era's OAuth error
status) until the user decides. The control plane or the Python controls play the user
(`approve_device`, `deny_device`); the token then works as the account's API key. The rules are
`backend.device_flow`'s; these handlers only map its results to answers.
"""

from flask import Response, jsonify

from offcloud_mock.backend.device_flow import PollState, TooManyPendingCodes, UnknownDeviceCode
from offcloud_mock.http.pipeline import params
from offcloud_mock.http.routes.common import backend, bp, era

__all__: list[str] = []


_DESCRIPTIONS = {
    PollState.EXPIRED: "The device code has expired.",
    PollState.DENIED: "The user denied the request.",
}


def _oauth_error(error: str, description: str | None = None) -> Response:
    response = jsonify(era().oauth_error(error, description))
    response.status_code = era().oauth_error_status(error)
    return response


@bp.post("/oauth/device/code", endpoint="requestDeviceCode")
def request_device_code() -> Response:
    try:
        authorization = backend().request_device_code()
    except TooManyPendingCodes as error:
        return _oauth_error("slow_down", str(error))
    return jsonify(era().device_code(authorization))


@bp.post("/oauth/token", endpoint="requestDeviceToken")
def request_device_token() -> Response:
    device_code = params().get("device_code")
    if not isinstance(device_code, str):  # reached only with request validation off
        # openapi.yaml's wording (DeviceTokenForm), which validation answers when it is on
        return _oauth_error(
            "invalid_request", "The body must be a JSON object with grant_type and device_code."
        )
    try:
        result = backend().poll_device_token(device_code)
    except UnknownDeviceCode:
        # Our choice (openapi.yaml): never issued, spent or forgotten is answered like an expired code.
        return _oauth_error(PollState.EXPIRED.value, _DESCRIPTIONS[PollState.EXPIRED])
    if result.state is PollState.TOKEN and result.grant is not None:
        return jsonify(era().device_token(result.grant))
    return _oauth_error(result.state.value, _DESCRIPTIONS.get(result.state))
