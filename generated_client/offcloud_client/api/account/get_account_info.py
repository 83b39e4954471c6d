from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_info import AccountInfo
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/account/info",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountInfo | ErrorBody | None:
    if response.status_code == 200:
        try:
            response_200 = AccountInfo.from_dict(response.json())

            return response_200

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "AccountInfo", exc) from exc

    if response.status_code == 401:
        try:
            response_401 = ErrorBody.from_dict(response.json())

            return response_401

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "ErrorBody", exc) from exc

    if client.raise_on_unexpected_status or not errors.is_standard_status(response.status_code):
        raise errors.undocumented_status(response)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccountInfo | ErrorBody]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AccountInfo | ErrorBody]:
    """The account's identity, premium state and expiry (2026)

     snake_case names. `user_id` is a string (DMM's fixture has a numeric one); `expiration_date`
    is `YYYY-MM-DD` and may be absent (ST26). A bad key is 401 `{"error": "NOAUTH"}` (CMT live).
    Our choice: `email` is always sent (read by RU, HA, JT, K1 and DMM's type, not in CMT's
    excerpt); `expiration_date` is absent without premium.
    Evidence: 13 clients, ST26, DMM, RU, HA, UMB, JT, K1–K6, CMT (live); K4 and K6 call it with
    `?key=<token>`.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountInfo | ErrorBody]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> AccountInfo | ErrorBody | None:
    """The account's identity, premium state and expiry (2026)

     snake_case names. `user_id` is a string (DMM's fixture has a numeric one); `expiration_date`
    is `YYYY-MM-DD` and may be absent (ST26). A bad key is 401 `{"error": "NOAUTH"}` (CMT live).
    Our choice: `email` is always sent (read by RU, HA, JT, K1 and DMM's type, not in CMT's
    excerpt); `expiration_date` is absent without premium.
    Evidence: 13 clients, ST26, DMM, RU, HA, UMB, JT, K1–K6, CMT (live); K4 and K6 call it with
    `?key=<token>`.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountInfo | ErrorBody
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AccountInfo | ErrorBody]:
    """The account's identity, premium state and expiry (2026)

     snake_case names. `user_id` is a string (DMM's fixture has a numeric one); `expiration_date`
    is `YYYY-MM-DD` and may be absent (ST26). A bad key is 401 `{"error": "NOAUTH"}` (CMT live).
    Our choice: `email` is always sent (read by RU, HA, JT, K1 and DMM's type, not in CMT's
    excerpt); `expiration_date` is absent without premium.
    Evidence: 13 clients, ST26, DMM, RU, HA, UMB, JT, K1–K6, CMT (live); K4 and K6 call it with
    `?key=<token>`.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountInfo | ErrorBody]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> AccountInfo | ErrorBody | None:
    """The account's identity, premium state and expiry (2026)

     snake_case names. `user_id` is a string (DMM's fixture has a numeric one); `expiration_date`
    is `YYYY-MM-DD` and may be absent (ST26). A bad key is 401 `{"error": "NOAUTH"}` (CMT live).
    Our choice: `email` is always sent (read by RU, HA, JT, K1 and DMM's type, not in CMT's
    excerpt); `expiration_date` is absent without premium.
    Evidence: 13 clients, ST26, DMM, RU, HA, UMB, JT, K1–K6, CMT (live); K4 and K6 call it with
    `?key=<token>`.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountInfo | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
