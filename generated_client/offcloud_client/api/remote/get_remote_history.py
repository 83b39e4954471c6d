from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.history_item import HistoryItem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/remote/history",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | list[HistoryItem] | None:
    if response.status_code == 200:
        try:

            def _parse_response_200(data: object) -> ErrorBody | list[HistoryItem]:
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    response_200_type_0 = []
                    _response_200_type_0 = data
                    for componentsschemas_download_history_item_data in _response_200_type_0:
                        componentsschemas_download_history_item = HistoryItem.from_dict(
                            componentsschemas_download_history_item_data
                        )

                        response_200_type_0.append(componentsschemas_download_history_item)

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
            raise errors.unparsable_body(response, "ErrorBody | list[HistoryItem]", exc) from exc

    if client.raise_on_unexpected_status or not errors.is_standard_status(response.status_code):
        raise errors.undocumented_status(response)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | list[HistoryItem]]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | list[HistoryItem]]:
    """List the user's remote downloads, newest first

     Unverified: named by the field notes, but no client calls it. Our choice: served by the
    legacy server with `getCloudHistory`'s shape (statuses may include `uploading`), and not
    by the 2026 server (HTML 404 page); the alternative, served in both eras, waits for
    evidence.
    Evidence: none beyond the field notes' list (no client).

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[HistoryItem]]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ErrorBody | list[HistoryItem] | None:
    """List the user's remote downloads, newest first

     Unverified: named by the field notes, but no client calls it. Our choice: served by the
    legacy server with `getCloudHistory`'s shape (statuses may include `uploading`), and not
    by the 2026 server (HTML 404 page); the alternative, served in both eras, waits for
    evidence.
    Evidence: none beyond the field notes' list (no client).

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[HistoryItem]
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | list[HistoryItem]]:
    """List the user's remote downloads, newest first

     Unverified: named by the field notes, but no client calls it. Our choice: served by the
    legacy server with `getCloudHistory`'s shape (statuses may include `uploading`), and not
    by the 2026 server (HTML 404 page); the alternative, served in both eras, waits for
    evidence.
    Evidence: none beyond the field notes' list (no client).

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[HistoryItem]]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ErrorBody | list[HistoryItem] | None:
    """List the user's remote downloads, newest first

     Unverified: named by the field notes, but no client calls it. Our choice: served by the
    legacy server with `getCloudHistory`'s shape (statuses may include `uploading`), and not
    by the 2026 server (HTML 404 page); the alternative, served in both eras, waits for
    evidence.
    Evidence: none beyond the field notes' list (no client).

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[HistoryItem]
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
