from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.device_code import DeviceCode
from ...models.device_code_form import DeviceCodeForm
from ...models.o_auth_error import OAuthError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: DeviceCodeForm | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth/device/code",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeviceCode | OAuthError | None:
    if response.status_code == 200:
        try:
            response_200 = DeviceCode.from_dict(response.json())

            return response_200

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "DeviceCode", exc) from exc

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
) -> Response[DeviceCode | OAuthError]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceCodeForm | Unset = UNSET,
) -> Response[DeviceCode | OAuthError]:
    """Start a device login (OAuth 2.0 device authorization grant)

     No authentication and no `client_id`; the body is empty (K4, K5, K6) or JSON `{}`. Show
    `user_code` and `verification_uri` (or `verification_uri_complete`) to the user, then poll
    `requestDeviceToken` every `interval` seconds until `expires_in` runs out. Clients default
    to `https://offcloud.com/activate`, 5 s and 600 s. Our choice: user codes look like
    `ABCD-EFGH` (JT's fixture); `verification_uri_complete` is always sent.
    Evidence: 9 clients, RU, UMB, JT, K1–K6.

    Args:
        body (DeviceCodeForm | Unset): Empty; some clients send no body at all. Example: {}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceCode | OAuthError]
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
    body: DeviceCodeForm | Unset = UNSET,
) -> DeviceCode | OAuthError | None:
    """Start a device login (OAuth 2.0 device authorization grant)

     No authentication and no `client_id`; the body is empty (K4, K5, K6) or JSON `{}`. Show
    `user_code` and `verification_uri` (or `verification_uri_complete`) to the user, then poll
    `requestDeviceToken` every `interval` seconds until `expires_in` runs out. Clients default
    to `https://offcloud.com/activate`, 5 s and 600 s. Our choice: user codes look like
    `ABCD-EFGH` (JT's fixture); `verification_uri_complete` is always sent.
    Evidence: 9 clients, RU, UMB, JT, K1–K6.

    Args:
        body (DeviceCodeForm | Unset): Empty; some clients send no body at all. Example: {}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceCode | OAuthError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceCodeForm | Unset = UNSET,
) -> Response[DeviceCode | OAuthError]:
    """Start a device login (OAuth 2.0 device authorization grant)

     No authentication and no `client_id`; the body is empty (K4, K5, K6) or JSON `{}`. Show
    `user_code` and `verification_uri` (or `verification_uri_complete`) to the user, then poll
    `requestDeviceToken` every `interval` seconds until `expires_in` runs out. Clients default
    to `https://offcloud.com/activate`, 5 s and 600 s. Our choice: user codes look like
    `ABCD-EFGH` (JT's fixture); `verification_uri_complete` is always sent.
    Evidence: 9 clients, RU, UMB, JT, K1–K6.

    Args:
        body (DeviceCodeForm | Unset): Empty; some clients send no body at all. Example: {}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceCode | OAuthError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceCodeForm | Unset = UNSET,
) -> DeviceCode | OAuthError | None:
    """Start a device login (OAuth 2.0 device authorization grant)

     No authentication and no `client_id`; the body is empty (K4, K5, K6) or JSON `{}`. Show
    `user_code` and `verification_uri` (or `verification_uri_complete`) to the user, then poll
    `requestDeviceToken` every `interval` seconds until `expires_in` runs out. Clients default
    to `https://offcloud.com/activate`, 5 s and 600 s. Our choice: user codes look like
    `ABCD-EFGH` (JT's fixture); `verification_uri_complete` is always sent.
    Evidence: 9 clients, RU, UMB, JT, K1–K6.

    Args:
        body (DeviceCodeForm | Unset): Empty; some clients send no body at all. Example: {}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceCode | OAuthError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
