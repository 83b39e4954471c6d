from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.download_not_available import DownloadNotAvailable
from ...models.error_body import ErrorBody
from ...models.remote_download import RemoteDownload
from ...models.remote_download_form import RemoteDownloadForm
from ...types import Response


def _get_kwargs(
    *,
    body: RemoteDownloadForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/remote",
    }

    if isinstance(body, RemoteDownloadForm):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DownloadNotAvailable | ErrorBody | RemoteDownload | ErrorBody | None:
    if response.status_code == 200:
        try:

            def _parse_response_200(data: object) -> DownloadNotAvailable | ErrorBody | RemoteDownload:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_type_0 = RemoteDownload.from_dict(data)

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
            raise errors.unparsable_body(response, "DownloadNotAvailable | ErrorBody | RemoteDownload", exc) from exc

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
) -> Response[DownloadNotAvailable | ErrorBody | RemoteDownload | ErrorBody]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RemoteDownloadForm,
) -> Response[DownloadNotAvailable | ErrorBody | RemoteDownload | ErrorBody]:
    """Add a URL for downloading into one of the user's remote accounts

     `remoteOptionId` is the field of that name on an item of `listRemoteAccounts`. The
    answer has no `url`: follow the request with `getRemoteStatus`.
    Evidence: DOC, field notes. Our choice: still served in 2026 (unverified).

    Args:
        body (RemoteDownloadForm):  Example: {'url': 'https://files.example.com/docs/manual.pdf',
            'remoteOptionId': '61a0c0ffee0000000000a001'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadNotAvailable | ErrorBody | RemoteDownload | ErrorBody]
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
    body: RemoteDownloadForm,
) -> DownloadNotAvailable | ErrorBody | RemoteDownload | ErrorBody | None:
    """Add a URL for downloading into one of the user's remote accounts

     `remoteOptionId` is the field of that name on an item of `listRemoteAccounts`. The
    answer has no `url`: follow the request with `getRemoteStatus`.
    Evidence: DOC, field notes. Our choice: still served in 2026 (unverified).

    Args:
        body (RemoteDownloadForm):  Example: {'url': 'https://files.example.com/docs/manual.pdf',
            'remoteOptionId': '61a0c0ffee0000000000a001'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadNotAvailable | ErrorBody | RemoteDownload | ErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RemoteDownloadForm,
) -> Response[DownloadNotAvailable | ErrorBody | RemoteDownload | ErrorBody]:
    """Add a URL for downloading into one of the user's remote accounts

     `remoteOptionId` is the field of that name on an item of `listRemoteAccounts`. The
    answer has no `url`: follow the request with `getRemoteStatus`.
    Evidence: DOC, field notes. Our choice: still served in 2026 (unverified).

    Args:
        body (RemoteDownloadForm):  Example: {'url': 'https://files.example.com/docs/manual.pdf',
            'remoteOptionId': '61a0c0ffee0000000000a001'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadNotAvailable | ErrorBody | RemoteDownload | ErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RemoteDownloadForm,
) -> DownloadNotAvailable | ErrorBody | RemoteDownload | ErrorBody | None:
    """Add a URL for downloading into one of the user's remote accounts

     `remoteOptionId` is the field of that name on an item of `listRemoteAccounts`. The
    answer has no `url`: follow the request with `getRemoteStatus`.
    Evidence: DOC, field notes. Our choice: still served in 2026 (unverified).

    Args:
        body (RemoteDownloadForm):  Example: {'url': 'https://files.example.com/docs/manual.pdf',
            'remoteOptionId': '61a0c0ffee0000000000a001'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadNotAvailable | ErrorBody | RemoteDownload | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
