from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.site import Site
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/sites",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | ErrorBody | list[Site] | None:
    if response.status_code == 200:
        try:

            def _parse_response_200(data: object) -> ErrorBody | list[Site]:
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    response_200_type_0 = []
                    _response_200_type_0 = data
                    for componentsschemas_site_list_item_data in _response_200_type_0:
                        componentsschemas_site_list_item = Site.from_dict(componentsschemas_site_list_item_data)

                        response_200_type_0.append(componentsschemas_site_list_item)

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
            raise errors.unparsable_body(response, "ErrorBody | list[Site]", exc) from exc

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
) -> Response[ErrorBody | ErrorBody | list[Site]]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | ErrorBody | list[Site]]:
    """The supported file hosts and their health

     A bare array; one `Site` model describes both eras' items. Legacy (GAIA, JD): `name`,
    `displayName`, `hosts`, `isActive` (`Healthy`, `Fragile`, `Limited`, `Dead`, `Cloud only`),
    `noInstantDownload`, `isVideoStreaming`, `maxAmountPerUser` (a number or `unlimited`),
    `maxChunks`, `maxChunksGlobal`. 2026 (RU, K1): `name`, `status` (`up` seen; others
    unverified), optional `aliases`. GAIA notes the legacy server sometimes answered an HTML
    error page. Our choice: the 2026 statuses are `up`, `degraded` and `down`.
    Evidence: 4 clients, GAIA and JD (legacy), RU, K1 and HA (2026; HA only checks it is a list).

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | list[Site]]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | ErrorBody | list[Site] | None:
    """The supported file hosts and their health

     A bare array; one `Site` model describes both eras' items. Legacy (GAIA, JD): `name`,
    `displayName`, `hosts`, `isActive` (`Healthy`, `Fragile`, `Limited`, `Dead`, `Cloud only`),
    `noInstantDownload`, `isVideoStreaming`, `maxAmountPerUser` (a number or `unlimited`),
    `maxChunks`, `maxChunksGlobal`. 2026 (RU, K1): `name`, `status` (`up` seen; others
    unverified), optional `aliases`. GAIA notes the legacy server sometimes answered an HTML
    error page. Our choice: the 2026 statuses are `up`, `degraded` and `down`.
    Evidence: 4 clients, GAIA and JD (legacy), RU, K1 and HA (2026; HA only checks it is a list).

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | list[Site]
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | ErrorBody | list[Site]]:
    """The supported file hosts and their health

     A bare array; one `Site` model describes both eras' items. Legacy (GAIA, JD): `name`,
    `displayName`, `hosts`, `isActive` (`Healthy`, `Fragile`, `Limited`, `Dead`, `Cloud only`),
    `noInstantDownload`, `isVideoStreaming`, `maxAmountPerUser` (a number or `unlimited`),
    `maxChunks`, `maxChunksGlobal`. 2026 (RU, K1): `name`, `status` (`up` seen; others
    unverified), optional `aliases`. GAIA notes the legacy server sometimes answered an HTML
    error page. Our choice: the 2026 statuses are `up`, `degraded` and `down`.
    Evidence: 4 clients, GAIA and JD (legacy), RU, K1 and HA (2026; HA only checks it is a list).

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | list[Site]]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | ErrorBody | list[Site] | None:
    """The supported file hosts and their health

     A bare array; one `Site` model describes both eras' items. Legacy (GAIA, JD): `name`,
    `displayName`, `hosts`, `isActive` (`Healthy`, `Fragile`, `Limited`, `Dead`, `Cloud only`),
    `noInstantDownload`, `isVideoStreaming`, `maxAmountPerUser` (a number or `unlimited`),
    `maxChunks`, `maxChunksGlobal`. 2026 (RU, K1): `name`, `status` (`up` seen; others
    unverified), optional `aliases`. GAIA notes the legacy server sometimes answered an HTML
    error page. Our choice: the 2026 statuses are `up`, `degraded` and `down`.
    Evidence: 4 clients, GAIA and JD (legacy), RU, K1 and HA (2026; HA only checks it is a list).

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | list[Site]
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
