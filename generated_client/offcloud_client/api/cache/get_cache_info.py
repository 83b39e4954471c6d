from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cache_info_form import CacheInfoForm
from ...models.cache_info_item import CacheInfoItem
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: CacheInfoForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/cache/info",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | list[CacheInfoItem] | None:
    if response.status_code == 200:
        try:
            response_200 = []
            _response_200 = response.json()
            for componentsschemas_cache_info_result_item_data in _response_200:
                componentsschemas_cache_info_result_item = CacheInfoItem.from_dict(
                    componentsschemas_cache_info_result_item_data
                )

                response_200.append(componentsschemas_cache_info_result_item)

            return response_200

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "list[CacheInfoItem]", exc) from exc

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
) -> Response[ErrorBody | list[CacheInfoItem]]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CacheInfoForm,
) -> Response[ErrorBody | list[CacheInfoItem]]:
    """Whether each magnet is cached, with its files (2026)

     JSON `{"urls": [magnet...], "includeFiles": bool}`; the answer is an array in input order,
    one `{"cached": bool, "files": [...]}` per url, `files` present when `includeFiles` and
    cached. `folder` is an array of path segments (DMM live; ST26 `[]string`). Bare info hashes
    (not magnets) answer `cached: false` (DMM live). Our choice: at most 1000 urls a call, like
    `checkCache`; `files` is absent (not empty) when not asked for or not cached.
    Evidence: 6 clients, ST26, DMM (live), RU, HA, JT, K4.

    Args:
        body (CacheInfoForm):  Example: {'urls':
            ['magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567'], 'includeFiles': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[CacheInfoItem]]
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
    body: CacheInfoForm,
) -> ErrorBody | list[CacheInfoItem] | None:
    """Whether each magnet is cached, with its files (2026)

     JSON `{"urls": [magnet...], "includeFiles": bool}`; the answer is an array in input order,
    one `{"cached": bool, "files": [...]}` per url, `files` present when `includeFiles` and
    cached. `folder` is an array of path segments (DMM live; ST26 `[]string`). Bare info hashes
    (not magnets) answer `cached: false` (DMM live). Our choice: at most 1000 urls a call, like
    `checkCache`; `files` is absent (not empty) when not asked for or not cached.
    Evidence: 6 clients, ST26, DMM (live), RU, HA, JT, K4.

    Args:
        body (CacheInfoForm):  Example: {'urls':
            ['magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567'], 'includeFiles': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[CacheInfoItem]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CacheInfoForm,
) -> Response[ErrorBody | list[CacheInfoItem]]:
    """Whether each magnet is cached, with its files (2026)

     JSON `{"urls": [magnet...], "includeFiles": bool}`; the answer is an array in input order,
    one `{"cached": bool, "files": [...]}` per url, `files` present when `includeFiles` and
    cached. `folder` is an array of path segments (DMM live; ST26 `[]string`). Bare info hashes
    (not magnets) answer `cached: false` (DMM live). Our choice: at most 1000 urls a call, like
    `checkCache`; `files` is absent (not empty) when not asked for or not cached.
    Evidence: 6 clients, ST26, DMM (live), RU, HA, JT, K4.

    Args:
        body (CacheInfoForm):  Example: {'urls':
            ['magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567'], 'includeFiles': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[CacheInfoItem]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CacheInfoForm,
) -> ErrorBody | list[CacheInfoItem] | None:
    """Whether each magnet is cached, with its files (2026)

     JSON `{"urls": [magnet...], "includeFiles": bool}`; the answer is an array in input order,
    one `{"cached": bool, "files": [...]}` per url, `files` present when `includeFiles` and
    cached. `folder` is an array of path segments (DMM live; ST26 `[]string`). Bare info hashes
    (not magnets) answer `cached: false` (DMM live). Our choice: at most 1000 urls a call, like
    `checkCache`; `files` is absent (not empty) when not asked for or not cached.
    Evidence: 6 clients, ST26, DMM (live), RU, HA, JT, K4.

    Args:
        body (CacheInfoForm):  Example: {'urls':
            ['magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567'], 'includeFiles': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[CacheInfoItem]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
