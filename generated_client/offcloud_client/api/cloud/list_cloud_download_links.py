from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs(
    request_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/cloud/list/{request_id}".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorBody | str | None:
    if response.status_code == 200:
        try:
            response_200 = response.text
            return response_200

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "str", exc) from exc

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorBody | str]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | str]:
    """The download links of a finished cloud download, one per line

     `text/plain`, one link per line, each line ending in a newline. No public client parses
    this answer, so it follows the public doc. Our choice: a single-file download answers
    its one link; errors are JSON bodies as everywhere else; the links are the download's
    server links (`https://{server}.offcloud.com/cloud/download/...`) in both eras, the links
    a 2026 add answer still gives (not explore's CDN links; no 2026 client shows them).
    Evidence: DOC only (no client parses it). Our choice: served in both eras.

    Args:
        request_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example:
            5f1b2c3d4e5f60718293a4b7.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | str]
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
    client: AuthenticatedClient | Client,
) -> ErrorBody | str | None:
    """The download links of a finished cloud download, one per line

     `text/plain`, one link per line, each line ending in a newline. No public client parses
    this answer, so it follows the public doc. Our choice: a single-file download answers
    its one link; errors are JSON bodies as everywhere else; the links are the download's
    server links (`https://{server}.offcloud.com/cloud/download/...`) in both eras, the links
    a 2026 add answer still gives (not explore's CDN links; no 2026 client shows them).
    Evidence: DOC only (no client parses it). Our choice: served in both eras.

    Args:
        request_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example:
            5f1b2c3d4e5f60718293a4b7.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | str
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    request_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | str]:
    """The download links of a finished cloud download, one per line

     `text/plain`, one link per line, each line ending in a newline. No public client parses
    this answer, so it follows the public doc. Our choice: a single-file download answers
    its one link; errors are JSON bodies as everywhere else; the links are the download's
    server links (`https://{server}.offcloud.com/cloud/download/...`) in both eras, the links
    a 2026 add answer still gives (not explore's CDN links; no 2026 client shows them).
    Evidence: DOC only (no client parses it). Our choice: served in both eras.

    Args:
        request_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example:
            5f1b2c3d4e5f60718293a4b7.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | str]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | str | None:
    """The download links of a finished cloud download, one per line

     `text/plain`, one link per line, each line ending in a newline. No public client parses
    this answer, so it follows the public doc. Our choice: a single-file download answers
    its one link; errors are JSON bodies as everywhere else; the links are the download's
    server links (`https://{server}.offcloud.com/cloud/download/...`) in both eras, the links
    a 2026 add answer still gives (not explore's CDN links; no 2026 client shows them).
    Evidence: DOC only (no client parses it). Our choice: served in both eras.

    Args:
        request_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example:
            5f1b2c3d4e5f60718293a4b7.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | str
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
        )
    ).parsed
