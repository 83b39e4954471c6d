from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.remove_result import RemoveResult
from ...types import Response


def _get_kwargs(
    request_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/cloud/remove/{request_id}".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | RemoveResult | None:
    if response.status_code == 200:
        try:
            response_200 = RemoveResult.from_dict(response.json())

            return response_200

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "RemoveResult", exc) from exc

    if response.status_code == 400:
        try:
            response_400 = ErrorBody.from_dict(response.json())

            return response_400

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "ErrorBody", exc) from exc

    if response.status_code == 401:
        try:
            response_401 = ErrorBody.from_dict(response.json())

            return response_401

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "ErrorBody", exc) from exc

    if response.status_code == 404:
        try:
            response_404 = ErrorBody.from_dict(response.json())

            return response_404

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "ErrorBody", exc) from exc

    if client.raise_on_unexpected_status or not errors.is_standard_status(response.status_code):
        raise errors.undocumented_status(response)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | RemoveResult]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | RemoveResult]:
    """Remove a cloud download

     Answers `{"success": true}` and deletes at once (DMM live): the download is gone from
    status, explore, lists and history, and adding the same content again gives a new
    `requestId`. Our choice: an unknown id answers 404 `{"error": "Request not found"}`
    (unverified); 2026 only (every client that calls it is a 2026 one); a removed download
    frees its place under the account's link limit (no client shows whether it does).
    Evidence: 7 clients, DMM (live), MFrs, UMB, K2, K3, K4, K5 (K5 also accepts `removed`).

    Args:
        request_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example:
            5f1b2c3d4e5f60718293a4b7.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RemoveResult]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorBody | RemoveResult | None:
    """Remove a cloud download

     Answers `{"success": true}` and deletes at once (DMM live): the download is gone from
    status, explore, lists and history, and adding the same content again gives a new
    `requestId`. Our choice: an unknown id answers 404 `{"error": "Request not found"}`
    (unverified); 2026 only (every client that calls it is a 2026 one); a removed download
    frees its place under the account's link limit (no client shows whether it does).
    Evidence: 7 clients, DMM (live), MFrs, UMB, K2, K3, K4, K5 (K5 also accepts `removed`).

    Args:
        request_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example:
            5f1b2c3d4e5f60718293a4b7.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RemoveResult
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    request_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | RemoveResult]:
    """Remove a cloud download

     Answers `{"success": true}` and deletes at once (DMM live): the download is gone from
    status, explore, lists and history, and adding the same content again gives a new
    `requestId`. Our choice: an unknown id answers 404 `{"error": "Request not found"}`
    (unverified); 2026 only (every client that calls it is a 2026 one); a removed download
    frees its place under the account's link limit (no client shows whether it does).
    Evidence: 7 clients, DMM (live), MFrs, UMB, K2, K3, K4, K5 (K5 also accepts `removed`).

    Args:
        request_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example:
            5f1b2c3d4e5f60718293a4b7.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RemoveResult]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorBody | RemoveResult | None:
    """Remove a cloud download

     Answers `{"success": true}` and deletes at once (DMM live): the download is gone from
    status, explore, lists and history, and adding the same content again gives a new
    `requestId`. Our choice: an unknown id answers 404 `{"error": "Request not found"}`
    (unverified); 2026 only (every client that calls it is a 2026 one); a removed download
    frees its place under the account's link limit (no client shows whether it does).
    Evidence: 7 clients, DMM (live), MFrs, UMB, K2, K3, K4, K5 (K5 also accepts `removed`).

    Args:
        request_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example:
            5f1b2c3d4e5f60718293a4b7.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RemoveResult
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
        )
    ).parsed
