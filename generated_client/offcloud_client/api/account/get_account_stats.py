from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_stats import AccountStats
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/account/stats",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountStats | ErrorBody | None:
    if response.status_code == 200:
        try:

            def _parse_response_200(data: object) -> AccountStats | ErrorBody:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_type_0 = AccountStats.from_dict(data)

                    return response_200_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_1 = ErrorBody.from_dict(data)

                return response_200_type_1

            response_200 = _parse_response_200(response.json())

            return response_200

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "AccountStats | ErrorBody", exc) from exc

    if client.raise_on_unexpected_status or not errors.is_standard_status(response.status_code):
        raise errors.undocumented_status(response)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccountStats | ErrorBody]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AccountStats | ErrorBody]:
    """The account's premium state, expiry and limits (legacy)

     `expirationDate` is `DD-MM-YYYY`, or empty without premium; `limits.cloud` and
    `limits.proxy` are bytes. Our choice: legacy only; 2026 clients call it only as a
    fallback when `getAccountInfo` is empty and its 2026 answer is unverified, so the 2026
    server answers its HTML 404 page.
    Evidence: 7 clients, GAIA (all fields), FEN×3 and PY (some), K2 and K3 (2026 fallback).

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountStats | ErrorBody]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> AccountStats | ErrorBody | None:
    """The account's premium state, expiry and limits (legacy)

     `expirationDate` is `DD-MM-YYYY`, or empty without premium; `limits.cloud` and
    `limits.proxy` are bytes. Our choice: legacy only; 2026 clients call it only as a
    fallback when `getAccountInfo` is empty and its 2026 answer is unverified, so the 2026
    server answers its HTML 404 page.
    Evidence: 7 clients, GAIA (all fields), FEN×3 and PY (some), K2 and K3 (2026 fallback).

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountStats | ErrorBody
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AccountStats | ErrorBody]:
    """The account's premium state, expiry and limits (legacy)

     `expirationDate` is `DD-MM-YYYY`, or empty without premium; `limits.cloud` and
    `limits.proxy` are bytes. Our choice: legacy only; 2026 clients call it only as a
    fallback when `getAccountInfo` is empty and its 2026 answer is unverified, so the 2026
    server answers its HTML 404 page.
    Evidence: 7 clients, GAIA (all fields), FEN×3 and PY (some), K2 and K3 (2026 fallback).

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountStats | ErrorBody]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> AccountStats | ErrorBody | None:
    """The account's premium state, expiry and limits (legacy)

     `expirationDate` is `DD-MM-YYYY`, or empty without premium; `limits.cloud` and
    `limits.proxy` are bytes. Our choice: legacy only; 2026 clients call it only as a
    fallback when `getAccountInfo` is empty and its 2026 answer is unverified, so the 2026
    server answers its HTML 404 page.
    Evidence: 7 clients, GAIA (all fields), FEN×3 and PY (some), K2 and K3 (2026 fallback).

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountStats | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
