from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cache_download_form import CacheDownloadForm
from ...models.cached_file_link import CachedFileLink
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: CacheDownloadForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/cache/download",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | list[CachedFileLink] | None:
    if response.status_code == 200:
        try:
            response_200 = []
            _response_200 = response.json()
            for componentsschemas_cached_file_links_item_data in _response_200:
                componentsschemas_cached_file_links_item = CachedFileLink.from_dict(
                    componentsschemas_cached_file_links_item_data
                )

                response_200.append(componentsschemas_cached_file_links_item)

            return response_200

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "list[CachedFileLink]", exc) from exc

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

    if client.raise_on_unexpected_status or not errors.is_standard_status(response.status_code):
        raise errors.undocumented_status(response)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | list[CachedFileLink]]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CacheDownloadForm,
) -> Response[ErrorBody | list[CachedFileLink]]:
    """Direct links to the files of cached content (2026)

     JSON `{"url": magnet}`; answers a bare array `[{"filename", "url", "size"}]`, one per file,
    with an optional `folder` (segments; K1 reads it; K4 splits `filename` on `/`). JT also
    accepts `{"files": [...]}`; this spec follows the bare array. Our choice (unverified):
    content that is not cached is refused with 400 `{"error": "Not cached"}` and adds no cloud
    item (alternative: the server adds it to the cloud).
    Evidence: 8 clients, RU, UMB, JT, K1–K5.

    Args:
        body (CacheDownloadForm):  Example: {'url':
            'magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[CachedFileLink]]
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
    client: AuthenticatedClient,
    body: CacheDownloadForm,
) -> ErrorBody | list[CachedFileLink] | None:
    """Direct links to the files of cached content (2026)

     JSON `{"url": magnet}`; answers a bare array `[{"filename", "url", "size"}]`, one per file,
    with an optional `folder` (segments; K1 reads it; K4 splits `filename` on `/`). JT also
    accepts `{"files": [...]}`; this spec follows the bare array. Our choice (unverified):
    content that is not cached is refused with 400 `{"error": "Not cached"}` and adds no cloud
    item (alternative: the server adds it to the cloud).
    Evidence: 8 clients, RU, UMB, JT, K1–K5.

    Args:
        body (CacheDownloadForm):  Example: {'url':
            'magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[CachedFileLink]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CacheDownloadForm,
) -> Response[ErrorBody | list[CachedFileLink]]:
    """Direct links to the files of cached content (2026)

     JSON `{"url": magnet}`; answers a bare array `[{"filename", "url", "size"}]`, one per file,
    with an optional `folder` (segments; K1 reads it; K4 splits `filename` on `/`). JT also
    accepts `{"files": [...]}`; this spec follows the bare array. Our choice (unverified):
    content that is not cached is refused with 400 `{"error": "Not cached"}` and adds no cloud
    item (alternative: the server adds it to the cloud).
    Evidence: 8 clients, RU, UMB, JT, K1–K5.

    Args:
        body (CacheDownloadForm):  Example: {'url':
            'magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[CachedFileLink]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CacheDownloadForm,
) -> ErrorBody | list[CachedFileLink] | None:
    """Direct links to the files of cached content (2026)

     JSON `{"url": magnet}`; answers a bare array `[{"filename", "url", "size"}]`, one per file,
    with an optional `folder` (segments; K1 reads it; K4 splits `filename` on `/`). JT also
    accepts `{"files": [...]}`; this spec follows the bare array. Our choice (unverified):
    content that is not cached is refused with 400 `{"error": "Not cached"}` and adds no cloud
    item (alternative: the server adds it to the cloud).
    Evidence: 8 clients, RU, UMB, JT, K1–K5.

    Args:
        body (CacheDownloadForm):  Example: {'url':
            'magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[CachedFileLink]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
