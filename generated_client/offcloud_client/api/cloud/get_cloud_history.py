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
        "url": "/api/cloud/history",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | ErrorBody | list[HistoryItem] | None:
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
) -> Response[ErrorBody | ErrorBody | list[HistoryItem]]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | ErrorBody | list[HistoryItem]]:
    """List the user's cloud downloads, newest first

     A bare JSON array, newest first, no pagination seen. Items always carry `requestId`,
    `fileName`, `status` and `originalLink`; legacy items also `createdOn`, `server`,
    `isDirectory` (and sometimes `fileSize`, `site`, `metaData`); 2026 items have no sizes
    and optional `createdOn`, `isDirectory`, `server`. The live 2026 server (DMM) shows
    `originalLink` resolved: a magnet with trackers added, or `<hash>.torrent`; when it gives
    which is unverified. Our choice: `originalLink` is the link as it was added, in both eras
    (what the add answer shows), until a rule is known.
    Our choice: `GET /api/history?limit&offset&sort&order` (one low-credibility client, PY)
    is not served (404 in both eras); the alternative, an alias of this operation, waits
    for evidence.
    Evidence: 21 clients, legacy NOC, TIO, GAIA, MF25, FEN; 2026 ST26, DMM (live), MFpy,
    MFrs, HA, UMB, JT, K1–K5, OCA, SW.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | list[HistoryItem]]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | ErrorBody | list[HistoryItem] | None:
    """List the user's cloud downloads, newest first

     A bare JSON array, newest first, no pagination seen. Items always carry `requestId`,
    `fileName`, `status` and `originalLink`; legacy items also `createdOn`, `server`,
    `isDirectory` (and sometimes `fileSize`, `site`, `metaData`); 2026 items have no sizes
    and optional `createdOn`, `isDirectory`, `server`. The live 2026 server (DMM) shows
    `originalLink` resolved: a magnet with trackers added, or `<hash>.torrent`; when it gives
    which is unverified. Our choice: `originalLink` is the link as it was added, in both eras
    (what the add answer shows), until a rule is known.
    Our choice: `GET /api/history?limit&offset&sort&order` (one low-credibility client, PY)
    is not served (404 in both eras); the alternative, an alias of this operation, waits
    for evidence.
    Evidence: 21 clients, legacy NOC, TIO, GAIA, MF25, FEN; 2026 ST26, DMM (live), MFpy,
    MFrs, HA, UMB, JT, K1–K5, OCA, SW.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | list[HistoryItem]
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | ErrorBody | list[HistoryItem]]:
    """List the user's cloud downloads, newest first

     A bare JSON array, newest first, no pagination seen. Items always carry `requestId`,
    `fileName`, `status` and `originalLink`; legacy items also `createdOn`, `server`,
    `isDirectory` (and sometimes `fileSize`, `site`, `metaData`); 2026 items have no sizes
    and optional `createdOn`, `isDirectory`, `server`. The live 2026 server (DMM) shows
    `originalLink` resolved: a magnet with trackers added, or `<hash>.torrent`; when it gives
    which is unverified. Our choice: `originalLink` is the link as it was added, in both eras
    (what the add answer shows), until a rule is known.
    Our choice: `GET /api/history?limit&offset&sort&order` (one low-credibility client, PY)
    is not served (404 in both eras); the alternative, an alias of this operation, waits
    for evidence.
    Evidence: 21 clients, legacy NOC, TIO, GAIA, MF25, FEN; 2026 ST26, DMM (live), MFpy,
    MFrs, HA, UMB, JT, K1–K5, OCA, SW.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | list[HistoryItem]]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | ErrorBody | list[HistoryItem] | None:
    """List the user's cloud downloads, newest first

     A bare JSON array, newest first, no pagination seen. Items always carry `requestId`,
    `fileName`, `status` and `originalLink`; legacy items also `createdOn`, `server`,
    `isDirectory` (and sometimes `fileSize`, `site`, `metaData`); 2026 items have no sizes
    and optional `createdOn`, `isDirectory`, `server`. The live 2026 server (DMM) shows
    `originalLink` resolved: a magnet with trackers added, or `<hash>.torrent`; when it gives
    which is unverified. Our choice: `originalLink` is the link as it was added, in both eras
    (what the add answer shows), until a rule is known.
    Our choice: `GET /api/history?limit&offset&sort&order` (one low-credibility client, PY)
    is not served (404 in both eras); the alternative, an alias of this operation, waits
    for evidence.
    Evidence: 21 clients, legacy NOC, TIO, GAIA, MF25, FEN; 2026 ST26, DMM (live), MFpy,
    MFrs, HA, UMB, JT, K1–K5, OCA, SW.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | list[HistoryItem]
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
