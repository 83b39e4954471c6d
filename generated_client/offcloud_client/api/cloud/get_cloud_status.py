from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cloud_status_list import CloudStatusList
from ...models.cloud_status_result import CloudStatusResult
from ...models.error_body import ErrorBody
from ...models.request_id_form import RequestIdForm
from ...types import Response


def _get_kwargs(
    *,
    body: RequestIdForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/cloud/status",
    }

    if isinstance(body, RequestIdForm):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CloudStatusList | CloudStatusResult | ErrorBody | ErrorBody | None:
    if response.status_code == 200:
        try:

            def _parse_response_200(data: object) -> CloudStatusList | CloudStatusResult | ErrorBody:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_type_0 = CloudStatusResult.from_dict(data)

                    return response_200_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_type_1 = CloudStatusList.from_dict(data)

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
            raise errors.unparsable_body(response, "CloudStatusList | CloudStatusResult | ErrorBody", exc) from exc

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
) -> Response[CloudStatusList | CloudStatusResult | ErrorBody | ErrorBody]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RequestIdForm,
) -> Response[CloudStatusList | CloudStatusResult | ErrorBody | ErrorBody]:
    """Read the status of a cloud download

     The real server wraps the answer in `{"status": {...}}`; one `CloudDownloadStatus` model
    reads both eras' objects. Legacy: `amount` is the bytes done, `fileSize` the total;
    `downloadingSpeed` and `downloadingTime` appear while downloading, `isDirectory` when
    done, `errorMessage` on error; `fileSize` and `downloadingSpeed` were sometimes strings of
    digits. 2026 (DMM live type): `requestId`, `status`, `fileName`, `progress` (a 0–1
    fraction) and `message` (text while working or on error), both null when finished; a
    magnet that never resolves stays `created` with `Loading...`. Our choice: the 2026
    server sends no legacy field (whether it still does is unverified; MFpy/MFrs read
    `server`, `isDirectory`).
    Legacy clients also sent `requestIds` (several ids, form or JSON) and read
    `{"requests": [...]}` (MF25 since 2023-12-29; JD on site-root /cloud/status); the 2026
    server refuses them with 400 `Missing required parameter: requestId` (DMM live).
    Evidence: DOC, field notes, MF25, JD, GAIA, ST25; 2026 DMM (live), RU, HA, K1, K2.

    Args:
        body (RequestIdForm): `requestId` (documented). Legacy `getCloudStatus` also took
            `requestIds` instead (several
            ids, answered with `{"requests": [...]}`; form clients send `requestIds=<id>` or
            `requestIds[]=<id>`; MF25, JD); the 2026 server refuses them with 400 `Missing required
            parameter: requestId` (DMM live). `requestId` is required unless `requestIds` is given.
            Our choice: `getRemoteStatus` (legacy) serves `requestIds` like `getCloudStatus`; beside a
            `requestId`, the 2026 server ignores `requestIds` as it ignores any field it does not take
            (`x-offcloud-eras` on the field).
             Example: {'requestId': '5f1b2c3d4e5f60718293a4b6'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CloudStatusList | CloudStatusResult | ErrorBody | ErrorBody]
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
    body: RequestIdForm,
) -> CloudStatusList | CloudStatusResult | ErrorBody | ErrorBody | None:
    """Read the status of a cloud download

     The real server wraps the answer in `{"status": {...}}`; one `CloudDownloadStatus` model
    reads both eras' objects. Legacy: `amount` is the bytes done, `fileSize` the total;
    `downloadingSpeed` and `downloadingTime` appear while downloading, `isDirectory` when
    done, `errorMessage` on error; `fileSize` and `downloadingSpeed` were sometimes strings of
    digits. 2026 (DMM live type): `requestId`, `status`, `fileName`, `progress` (a 0–1
    fraction) and `message` (text while working or on error), both null when finished; a
    magnet that never resolves stays `created` with `Loading...`. Our choice: the 2026
    server sends no legacy field (whether it still does is unverified; MFpy/MFrs read
    `server`, `isDirectory`).
    Legacy clients also sent `requestIds` (several ids, form or JSON) and read
    `{"requests": [...]}` (MF25 since 2023-12-29; JD on site-root /cloud/status); the 2026
    server refuses them with 400 `Missing required parameter: requestId` (DMM live).
    Evidence: DOC, field notes, MF25, JD, GAIA, ST25; 2026 DMM (live), RU, HA, K1, K2.

    Args:
        body (RequestIdForm): `requestId` (documented). Legacy `getCloudStatus` also took
            `requestIds` instead (several
            ids, answered with `{"requests": [...]}`; form clients send `requestIds=<id>` or
            `requestIds[]=<id>`; MF25, JD); the 2026 server refuses them with 400 `Missing required
            parameter: requestId` (DMM live). `requestId` is required unless `requestIds` is given.
            Our choice: `getRemoteStatus` (legacy) serves `requestIds` like `getCloudStatus`; beside a
            `requestId`, the 2026 server ignores `requestIds` as it ignores any field it does not take
            (`x-offcloud-eras` on the field).
             Example: {'requestId': '5f1b2c3d4e5f60718293a4b6'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CloudStatusList | CloudStatusResult | ErrorBody | ErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RequestIdForm,
) -> Response[CloudStatusList | CloudStatusResult | ErrorBody | ErrorBody]:
    """Read the status of a cloud download

     The real server wraps the answer in `{"status": {...}}`; one `CloudDownloadStatus` model
    reads both eras' objects. Legacy: `amount` is the bytes done, `fileSize` the total;
    `downloadingSpeed` and `downloadingTime` appear while downloading, `isDirectory` when
    done, `errorMessage` on error; `fileSize` and `downloadingSpeed` were sometimes strings of
    digits. 2026 (DMM live type): `requestId`, `status`, `fileName`, `progress` (a 0–1
    fraction) and `message` (text while working or on error), both null when finished; a
    magnet that never resolves stays `created` with `Loading...`. Our choice: the 2026
    server sends no legacy field (whether it still does is unverified; MFpy/MFrs read
    `server`, `isDirectory`).
    Legacy clients also sent `requestIds` (several ids, form or JSON) and read
    `{"requests": [...]}` (MF25 since 2023-12-29; JD on site-root /cloud/status); the 2026
    server refuses them with 400 `Missing required parameter: requestId` (DMM live).
    Evidence: DOC, field notes, MF25, JD, GAIA, ST25; 2026 DMM (live), RU, HA, K1, K2.

    Args:
        body (RequestIdForm): `requestId` (documented). Legacy `getCloudStatus` also took
            `requestIds` instead (several
            ids, answered with `{"requests": [...]}`; form clients send `requestIds=<id>` or
            `requestIds[]=<id>`; MF25, JD); the 2026 server refuses them with 400 `Missing required
            parameter: requestId` (DMM live). `requestId` is required unless `requestIds` is given.
            Our choice: `getRemoteStatus` (legacy) serves `requestIds` like `getCloudStatus`; beside a
            `requestId`, the 2026 server ignores `requestIds` as it ignores any field it does not take
            (`x-offcloud-eras` on the field).
             Example: {'requestId': '5f1b2c3d4e5f60718293a4b6'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CloudStatusList | CloudStatusResult | ErrorBody | ErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RequestIdForm,
) -> CloudStatusList | CloudStatusResult | ErrorBody | ErrorBody | None:
    """Read the status of a cloud download

     The real server wraps the answer in `{"status": {...}}`; one `CloudDownloadStatus` model
    reads both eras' objects. Legacy: `amount` is the bytes done, `fileSize` the total;
    `downloadingSpeed` and `downloadingTime` appear while downloading, `isDirectory` when
    done, `errorMessage` on error; `fileSize` and `downloadingSpeed` were sometimes strings of
    digits. 2026 (DMM live type): `requestId`, `status`, `fileName`, `progress` (a 0–1
    fraction) and `message` (text while working or on error), both null when finished; a
    magnet that never resolves stays `created` with `Loading...`. Our choice: the 2026
    server sends no legacy field (whether it still does is unverified; MFpy/MFrs read
    `server`, `isDirectory`).
    Legacy clients also sent `requestIds` (several ids, form or JSON) and read
    `{"requests": [...]}` (MF25 since 2023-12-29; JD on site-root /cloud/status); the 2026
    server refuses them with 400 `Missing required parameter: requestId` (DMM live).
    Evidence: DOC, field notes, MF25, JD, GAIA, ST25; 2026 DMM (live), RU, HA, K1, K2.

    Args:
        body (RequestIdForm): `requestId` (documented). Legacy `getCloudStatus` also took
            `requestIds` instead (several
            ids, answered with `{"requests": [...]}`; form clients send `requestIds=<id>` or
            `requestIds[]=<id>`; MF25, JD); the 2026 server refuses them with 400 `Missing required
            parameter: requestId` (DMM live). `requestId` is required unless `requestIds` is given.
            Our choice: `getRemoteStatus` (legacy) serves `requestIds` like `getCloudStatus`; beside a
            `requestId`, the 2026 server ignores `requestIds` as it ignores any field it does not take
            (`x-offcloud-eras` on the field).
             Example: {'requestId': '5f1b2c3d4e5f60718293a4b6'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CloudStatusList | CloudStatusResult | ErrorBody | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
