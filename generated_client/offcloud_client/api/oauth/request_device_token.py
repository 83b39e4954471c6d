from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.device_token import DeviceToken
from ...models.device_token_form import DeviceTokenForm
from ...models.o_auth_error import OAuthError
from ...types import Response


def _get_kwargs(
    *,
    body: DeviceTokenForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth/token",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeviceToken | OAuthError | None:
    if response.status_code == 200:
        try:
            response_200 = DeviceToken.from_dict(response.json())

            return response_200

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "DeviceToken", exc) from exc

    if response.status_code == 400:
        try:
            response_400 = OAuthError.from_dict(response.json())

            return response_400

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "OAuthError", exc) from exc

    if client.raise_on_unexpected_status or not errors.is_standard_status(response.status_code):
        raise errors.undocumented_status(response)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DeviceToken | OAuthError]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceTokenForm,
) -> Response[DeviceToken | OAuthError]:
    """Poll a device login for its access token

     JSON `{"grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code"}`. Until
    the user approves: a non-2xx `{"error": "authorization_pending"}` (JT's fixture: 400; K4
    and K6 treat any non-2xx as pending); polled faster than `interval`: `slow_down` (clients add
    5 s to their interval); `expired_token` and `access_denied` end the login, with an
    `error_description`. Success: `{"access_token", "token_type": "Bearer"}`; the token is the
    account's API key, as Bearer (all clients) and as `?key=` (K4, K6). Our choice: every error
    is HTTP 400 (RFC 8628 / RFC 6749 §5.2), an unknown `device_code` is `expired_token`, and no
    `refresh_token` or token expiry is sent (nobody reads them).
    Evidence: 9 clients, RU, UMB, JT (fixtures), K1–K6.

    Args:
        body (DeviceTokenForm): Our choice (RFC 6749 §5.2): a body without both fields, or not a
            JSON object, is
            `invalid_request`; another `grant_type` is `unsupported_grant_type`.
             Example: {'grant_type': 'urn:ietf:params:oauth:grant-type:device_code', 'device_code':
            '5c1b9e8a7d6f4e3b2a190817263544536271809a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceToken | OAuthError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceTokenForm,
) -> DeviceToken | OAuthError | None:
    """Poll a device login for its access token

     JSON `{"grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code"}`. Until
    the user approves: a non-2xx `{"error": "authorization_pending"}` (JT's fixture: 400; K4
    and K6 treat any non-2xx as pending); polled faster than `interval`: `slow_down` (clients add
    5 s to their interval); `expired_token` and `access_denied` end the login, with an
    `error_description`. Success: `{"access_token", "token_type": "Bearer"}`; the token is the
    account's API key, as Bearer (all clients) and as `?key=` (K4, K6). Our choice: every error
    is HTTP 400 (RFC 8628 / RFC 6749 §5.2), an unknown `device_code` is `expired_token`, and no
    `refresh_token` or token expiry is sent (nobody reads them).
    Evidence: 9 clients, RU, UMB, JT (fixtures), K1–K6.

    Args:
        body (DeviceTokenForm): Our choice (RFC 6749 §5.2): a body without both fields, or not a
            JSON object, is
            `invalid_request`; another `grant_type` is `unsupported_grant_type`.
             Example: {'grant_type': 'urn:ietf:params:oauth:grant-type:device_code', 'device_code':
            '5c1b9e8a7d6f4e3b2a190817263544536271809a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceToken | OAuthError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceTokenForm,
) -> Response[DeviceToken | OAuthError]:
    """Poll a device login for its access token

     JSON `{"grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code"}`. Until
    the user approves: a non-2xx `{"error": "authorization_pending"}` (JT's fixture: 400; K4
    and K6 treat any non-2xx as pending); polled faster than `interval`: `slow_down` (clients add
    5 s to their interval); `expired_token` and `access_denied` end the login, with an
    `error_description`. Success: `{"access_token", "token_type": "Bearer"}`; the token is the
    account's API key, as Bearer (all clients) and as `?key=` (K4, K6). Our choice: every error
    is HTTP 400 (RFC 8628 / RFC 6749 §5.2), an unknown `device_code` is `expired_token`, and no
    `refresh_token` or token expiry is sent (nobody reads them).
    Evidence: 9 clients, RU, UMB, JT (fixtures), K1–K6.

    Args:
        body (DeviceTokenForm): Our choice (RFC 6749 §5.2): a body without both fields, or not a
            JSON object, is
            `invalid_request`; another `grant_type` is `unsupported_grant_type`.
             Example: {'grant_type': 'urn:ietf:params:oauth:grant-type:device_code', 'device_code':
            '5c1b9e8a7d6f4e3b2a190817263544536271809a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceToken | OAuthError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceTokenForm,
) -> DeviceToken | OAuthError | None:
    """Poll a device login for its access token

     JSON `{"grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code"}`. Until
    the user approves: a non-2xx `{"error": "authorization_pending"}` (JT's fixture: 400; K4
    and K6 treat any non-2xx as pending); polled faster than `interval`: `slow_down` (clients add
    5 s to their interval); `expired_token` and `access_denied` end the login, with an
    `error_description`. Success: `{"access_token", "token_type": "Bearer"}`; the token is the
    account's API key, as Bearer (all clients) and as `?key=` (K4, K6). Our choice: every error
    is HTTP 400 (RFC 8628 / RFC 6749 §5.2), an unknown `device_code` is `expired_token`, and no
    `refresh_token` or token expiry is sent (nobody reads them).
    Evidence: 9 clients, RU, UMB, JT (fixtures), K1–K6.

    Args:
        body (DeviceTokenForm): Our choice (RFC 6749 §5.2): a body without both fields, or not a
            JSON object, is
            `invalid_request`; another `grant_type` is `unsupported_grant_type`.
             Example: {'grant_type': 'urn:ietf:params:oauth:grant-type:device_code', 'device_code':
            '5c1b9e8a7d6f4e3b2a190817263544536271809a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceToken | OAuthError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
