from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.torrent_upload_form import TorrentUploadForm
from ...models.torrent_upload_result import TorrentUploadResult
from ...types import Response


def _get_kwargs(
    *,
    body: TorrentUploadForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/torrent/upload",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | TorrentUploadResult | None:
    if response.status_code == 200:
        try:

            def _parse_response_200(data: object) -> ErrorBody | TorrentUploadResult:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_type_0 = TorrentUploadResult.from_dict(data)

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
            raise errors.unparsable_body(response, "ErrorBody | TorrentUploadResult", exc) from exc

    if client.raise_on_unexpected_status or not errors.is_standard_status(response.status_code):
        raise errors.undocumented_status(response)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | TorrentUploadResult]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TorrentUploadForm,
) -> Response[ErrorBody | TorrentUploadResult]:
    """Upload a .torrent file (site root), to be added with addCloudDownload

     At the site root only (no /api variant seen); multipart/form-data with the file in the part
    `file` (content type `application/x-bittorrent`; PB adds fields `name=file` and `filename`),
    the key in the query. Answers `{"success": true, "url", "fileName"}`; clients then add `url`
    with `addCloudDownload` (GAIA through /api/cloud/download), and it resolves to the
    torrent's content.
    Our choice (unverified): `url` is `https://offcloud.com/torrent/download/<infohash>.torrent`
    (the info hash of the bdecoded file, lowercase); a file that is not a torrent is refused
    with `{"error": "The file is not a valid torrent."}` (HTTP 200, legacy); upload is legacy
    only, since MF dropped it in 2026 ("brittle file-upload endpoint") and ST26 refuses torrent
    files, so the 2026 server answers its HTML 404 page (alternative: the legacy behaviour).
    Evidence: 3 clients, GAIA, MF25 (2024-12-22…2026-02-20), PB and copies.

    Args:
        body (TorrentUploadForm):  Example: {'file':
            'd8:announce32:udp://tracker.example.org:1337e'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TorrentUploadResult]
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
    body: TorrentUploadForm,
) -> ErrorBody | TorrentUploadResult | None:
    """Upload a .torrent file (site root), to be added with addCloudDownload

     At the site root only (no /api variant seen); multipart/form-data with the file in the part
    `file` (content type `application/x-bittorrent`; PB adds fields `name=file` and `filename`),
    the key in the query. Answers `{"success": true, "url", "fileName"}`; clients then add `url`
    with `addCloudDownload` (GAIA through /api/cloud/download), and it resolves to the
    torrent's content.
    Our choice (unverified): `url` is `https://offcloud.com/torrent/download/<infohash>.torrent`
    (the info hash of the bdecoded file, lowercase); a file that is not a torrent is refused
    with `{"error": "The file is not a valid torrent."}` (HTTP 200, legacy); upload is legacy
    only, since MF dropped it in 2026 ("brittle file-upload endpoint") and ST26 refuses torrent
    files, so the 2026 server answers its HTML 404 page (alternative: the legacy behaviour).
    Evidence: 3 clients, GAIA, MF25 (2024-12-22…2026-02-20), PB and copies.

    Args:
        body (TorrentUploadForm):  Example: {'file':
            'd8:announce32:udp://tracker.example.org:1337e'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TorrentUploadResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TorrentUploadForm,
) -> Response[ErrorBody | TorrentUploadResult]:
    """Upload a .torrent file (site root), to be added with addCloudDownload

     At the site root only (no /api variant seen); multipart/form-data with the file in the part
    `file` (content type `application/x-bittorrent`; PB adds fields `name=file` and `filename`),
    the key in the query. Answers `{"success": true, "url", "fileName"}`; clients then add `url`
    with `addCloudDownload` (GAIA through /api/cloud/download), and it resolves to the
    torrent's content.
    Our choice (unverified): `url` is `https://offcloud.com/torrent/download/<infohash>.torrent`
    (the info hash of the bdecoded file, lowercase); a file that is not a torrent is refused
    with `{"error": "The file is not a valid torrent."}` (HTTP 200, legacy); upload is legacy
    only, since MF dropped it in 2026 ("brittle file-upload endpoint") and ST26 refuses torrent
    files, so the 2026 server answers its HTML 404 page (alternative: the legacy behaviour).
    Evidence: 3 clients, GAIA, MF25 (2024-12-22…2026-02-20), PB and copies.

    Args:
        body (TorrentUploadForm):  Example: {'file':
            'd8:announce32:udp://tracker.example.org:1337e'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TorrentUploadResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TorrentUploadForm,
) -> ErrorBody | TorrentUploadResult | None:
    """Upload a .torrent file (site root), to be added with addCloudDownload

     At the site root only (no /api variant seen); multipart/form-data with the file in the part
    `file` (content type `application/x-bittorrent`; PB adds fields `name=file` and `filename`),
    the key in the query. Answers `{"success": true, "url", "fileName"}`; clients then add `url`
    with `addCloudDownload` (GAIA through /api/cloud/download), and it resolves to the
    torrent's content.
    Our choice (unverified): `url` is `https://offcloud.com/torrent/download/<infohash>.torrent`
    (the info hash of the bdecoded file, lowercase); a file that is not a torrent is refused
    with `{"error": "The file is not a valid torrent."}` (HTTP 200, legacy); upload is legacy
    only, since MF dropped it in 2026 ("brittle file-upload endpoint") and ST26 refuses torrent
    files, so the 2026 server answers its HTML 404 page (alternative: the legacy behaviour).
    Evidence: 3 clients, GAIA, MF25 (2024-12-22…2026-02-20), PB and copies.

    Args:
        body (TorrentUploadForm):  Example: {'file':
            'd8:announce32:udp://tracker.example.org:1337e'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TorrentUploadResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
