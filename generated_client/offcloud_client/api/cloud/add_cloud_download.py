from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cloud_download import CloudDownload
from ...models.cloud_download_form import CloudDownloadForm
from ...models.cloud_not_available import CloudNotAvailable
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: CloudDownloadForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/cloud",
    }

    if isinstance(body, CloudDownloadForm):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CloudDownload | CloudNotAvailable | ErrorBody | ErrorBody | None:
    if response.status_code == 200:
        try:

            def _parse_response_200(data: object) -> CloudDownload | CloudNotAvailable | ErrorBody:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_type_0 = CloudDownload.from_dict(data)

                    return response_200_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_type_1 = CloudNotAvailable.from_dict(data)

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
            raise errors.unparsable_body(response, "CloudDownload | CloudNotAvailable | ErrorBody", exc) from exc

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
) -> Response[CloudDownload | CloudNotAvailable | ErrorBody | ErrorBody]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CloudDownloadForm,
) -> Response[CloudDownload | CloudNotAvailable | ErrorBody | ErrorBody]:
    """Add a URL, magnet link or .torrent URL for cloud downloading

     Offcloud downloads the content into the user's cloud. The answer's `url` is
    `https://{server}.offcloud.com/cloud/download/{requestId}` without the file name;
    clients append `/{fileName}`. Content already in Offcloud's cache is `downloaded` at
    once. Adding the same URL or magnet again returns the same `requestId`.
    Evidence: DOC, field notes; 2026 DMM (live), ST26, MFpy, MFrs and others. Bad input
    in 2026 (DMM live): an unreachable torrent URL answers HTTP 500 with a bare JSON
    string `"Error parsing url - HTTP code: 404 "`; a url that is not a link answers
    `Incorrect url` (JD, legacy; our choice: 400 in 2026), before the generic `Missing
    required parameter: url`.

    Args:
        body (CloudDownloadForm):  Example: {'url': 'https://files.example.com/docs/manual.pdf'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CloudDownload | CloudNotAvailable | ErrorBody | ErrorBody]
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
    body: CloudDownloadForm,
) -> CloudDownload | CloudNotAvailable | ErrorBody | ErrorBody | None:
    """Add a URL, magnet link or .torrent URL for cloud downloading

     Offcloud downloads the content into the user's cloud. The answer's `url` is
    `https://{server}.offcloud.com/cloud/download/{requestId}` without the file name;
    clients append `/{fileName}`. Content already in Offcloud's cache is `downloaded` at
    once. Adding the same URL or magnet again returns the same `requestId`.
    Evidence: DOC, field notes; 2026 DMM (live), ST26, MFpy, MFrs and others. Bad input
    in 2026 (DMM live): an unreachable torrent URL answers HTTP 500 with a bare JSON
    string `"Error parsing url - HTTP code: 404 "`; a url that is not a link answers
    `Incorrect url` (JD, legacy; our choice: 400 in 2026), before the generic `Missing
    required parameter: url`.

    Args:
        body (CloudDownloadForm):  Example: {'url': 'https://files.example.com/docs/manual.pdf'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CloudDownload | CloudNotAvailable | ErrorBody | ErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CloudDownloadForm,
) -> Response[CloudDownload | CloudNotAvailable | ErrorBody | ErrorBody]:
    """Add a URL, magnet link or .torrent URL for cloud downloading

     Offcloud downloads the content into the user's cloud. The answer's `url` is
    `https://{server}.offcloud.com/cloud/download/{requestId}` without the file name;
    clients append `/{fileName}`. Content already in Offcloud's cache is `downloaded` at
    once. Adding the same URL or magnet again returns the same `requestId`.
    Evidence: DOC, field notes; 2026 DMM (live), ST26, MFpy, MFrs and others. Bad input
    in 2026 (DMM live): an unreachable torrent URL answers HTTP 500 with a bare JSON
    string `"Error parsing url - HTTP code: 404 "`; a url that is not a link answers
    `Incorrect url` (JD, legacy; our choice: 400 in 2026), before the generic `Missing
    required parameter: url`.

    Args:
        body (CloudDownloadForm):  Example: {'url': 'https://files.example.com/docs/manual.pdf'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CloudDownload | CloudNotAvailable | ErrorBody | ErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CloudDownloadForm,
) -> CloudDownload | CloudNotAvailable | ErrorBody | ErrorBody | None:
    """Add a URL, magnet link or .torrent URL for cloud downloading

     Offcloud downloads the content into the user's cloud. The answer's `url` is
    `https://{server}.offcloud.com/cloud/download/{requestId}` without the file name;
    clients append `/{fileName}`. Content already in Offcloud's cache is `downloaded` at
    once. Adding the same URL or magnet again returns the same `requestId`.
    Evidence: DOC, field notes; 2026 DMM (live), ST26, MFpy, MFrs and others. Bad input
    in 2026 (DMM live): an unreachable torrent URL answers HTTP 500 with a bare JSON
    string `"Error parsing url - HTTP code: 404 "`; a url that is not a link answers
    `Incorrect url` (JD, legacy; our choice: 400 in 2026), before the generic `Missing
    required parameter: url`.

    Args:
        body (CloudDownloadForm):  Example: {'url': 'https://files.example.com/docs/manual.pdf'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CloudDownload | CloudNotAvailable | ErrorBody | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
