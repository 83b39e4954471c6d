from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.download_not_available import DownloadNotAvailable
from ...models.error_body import ErrorBody
from ...models.instant_download import InstantDownload
from ...models.instant_download_form import InstantDownloadForm
from ...types import Response


def _get_kwargs(
    *,
    body: InstantDownloadForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/instant/download",
    }

    if isinstance(body, InstantDownloadForm):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DownloadNotAvailable | ErrorBody | InstantDownload | None:
    if response.status_code == 200:
        try:

            def _parse_response_200(data: object) -> DownloadNotAvailable | ErrorBody | InstantDownload:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_type_0 = InstantDownload.from_dict(data)

                    return response_200_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_type_1 = DownloadNotAvailable.from_dict(data)

                    return response_200_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_2 = ErrorBody.from_dict(data)

                return response_200_type_2

            response_200 = _parse_response_200(response.json())

            return response_200

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "DownloadNotAvailable | ErrorBody | InstantDownload", exc) from exc

    if client.raise_on_unexpected_status or not errors.is_standard_status(response.status_code):
        raise errors.undocumented_status(response)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DownloadNotAvailable | ErrorBody | InstantDownload]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: InstantDownloadForm,
) -> Response[DownloadNotAvailable | ErrorBody | InstantDownload]:
    """Old path of addInstantDownload

     The same fields and answers as `addInstantDownload`; legacy only (2026 status unverified).
    Evidence: DOC history, JD, GAIA.

    Args:
        body (InstantDownloadForm):  Example: {'url': 'https://files.example.com/videos/big-buck-
            bunny.mp4', 'proxyId': ''}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadNotAvailable | ErrorBody | InstantDownload]
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
    body: InstantDownloadForm,
) -> DownloadNotAvailable | ErrorBody | InstantDownload | None:
    """Old path of addInstantDownload

     The same fields and answers as `addInstantDownload`; legacy only (2026 status unverified).
    Evidence: DOC history, JD, GAIA.

    Args:
        body (InstantDownloadForm):  Example: {'url': 'https://files.example.com/videos/big-buck-
            bunny.mp4', 'proxyId': ''}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadNotAvailable | ErrorBody | InstantDownload
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: InstantDownloadForm,
) -> Response[DownloadNotAvailable | ErrorBody | InstantDownload]:
    """Old path of addInstantDownload

     The same fields and answers as `addInstantDownload`; legacy only (2026 status unverified).
    Evidence: DOC history, JD, GAIA.

    Args:
        body (InstantDownloadForm):  Example: {'url': 'https://files.example.com/videos/big-buck-
            bunny.mp4', 'proxyId': ''}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadNotAvailable | ErrorBody | InstantDownload]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: InstantDownloadForm,
) -> DownloadNotAvailable | ErrorBody | InstantDownload | None:
    """Old path of addInstantDownload

     The same fields and answers as `addInstantDownload`; legacy only (2026 status unverified).
    Evidence: DOC history, JD, GAIA.

    Args:
        body (InstantDownloadForm):  Example: {'url': 'https://files.example.com/videos/big-buck-
            bunny.mp4', 'proxyId': ''}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadNotAvailable | ErrorBody | InstantDownload
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
