from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cache_check_form import CacheCheckForm
from ...models.cache_check_result import CacheCheckResult
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: CacheCheckForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/cache",
    }

    if isinstance(body, CacheCheckForm):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CacheCheckResult | ErrorBody | ErrorBody | None:
    if response.status_code == 200:
        try:

            def _parse_response_200(data: object) -> CacheCheckResult | ErrorBody:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_type_0 = CacheCheckResult.from_dict(data)

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
            raise errors.unparsable_body(response, "CacheCheckResult | ErrorBody", exc) from exc

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
) -> Response[CacheCheckResult | ErrorBody | ErrorBody]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CacheCheckForm,
) -> Response[CacheCheckResult | ErrorBody | ErrorBody]:
    """Tell which BitTorrent info hashes Offcloud has cached

     Send bare info hashes (40 hex characters, any case), usually in batches of 100 to 1000.
    The answer lists only the cached ones, never the misses.
    Evidence: DOC, field notes; 2026 DMM live (hits only, 5,000 hashes in 2.1 s).

    Args:
        body (CacheCheckForm):  Example: {'hashes': ['0123456789abcdef0123456789abcdef01234567']}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CacheCheckResult | ErrorBody | ErrorBody]
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
    body: CacheCheckForm,
) -> CacheCheckResult | ErrorBody | ErrorBody | None:
    """Tell which BitTorrent info hashes Offcloud has cached

     Send bare info hashes (40 hex characters, any case), usually in batches of 100 to 1000.
    The answer lists only the cached ones, never the misses.
    Evidence: DOC, field notes; 2026 DMM live (hits only, 5,000 hashes in 2.1 s).

    Args:
        body (CacheCheckForm):  Example: {'hashes': ['0123456789abcdef0123456789abcdef01234567']}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CacheCheckResult | ErrorBody | ErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CacheCheckForm,
) -> Response[CacheCheckResult | ErrorBody | ErrorBody]:
    """Tell which BitTorrent info hashes Offcloud has cached

     Send bare info hashes (40 hex characters, any case), usually in batches of 100 to 1000.
    The answer lists only the cached ones, never the misses.
    Evidence: DOC, field notes; 2026 DMM live (hits only, 5,000 hashes in 2.1 s).

    Args:
        body (CacheCheckForm):  Example: {'hashes': ['0123456789abcdef0123456789abcdef01234567']}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CacheCheckResult | ErrorBody | ErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CacheCheckForm,
) -> CacheCheckResult | ErrorBody | ErrorBody | None:
    """Tell which BitTorrent info hashes Offcloud has cached

     Send bare info hashes (40 hex characters, any case), usually in batches of 100 to 1000.
    The answer lists only the cached ones, never the misses.
    Evidence: DOC, field notes; 2026 DMM live (hits only, 5,000 hashes in 2.1 s).

    Args:
        body (CacheCheckForm):  Example: {'hashes': ['0123456789abcdef0123456789abcdef01234567']}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CacheCheckResult | ErrorBody | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
