from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.remote_status_list import RemoteStatusList
from ...models.remote_status_result import RemoteStatusResult
from ...models.request_id_form import RequestIdForm
from ...types import Response


def _get_kwargs(
    *,
    body: RequestIdForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/remote/status",
    }

    if isinstance(body, RequestIdForm):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | ErrorBody | RemoteStatusList | RemoteStatusResult | None:
    if response.status_code == 200:
        try:

            def _parse_response_200(data: object) -> ErrorBody | RemoteStatusList | RemoteStatusResult:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_type_0 = RemoteStatusResult.from_dict(data)

                    return response_200_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_type_1 = RemoteStatusList.from_dict(data)

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
            raise errors.unparsable_body(response, "ErrorBody | RemoteStatusList | RemoteStatusResult", exc) from exc

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
) -> Response[ErrorBody | ErrorBody | RemoteStatusList | RemoteStatusResult]:
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
) -> Response[ErrorBody | ErrorBody | RemoteStatusList | RemoteStatusResult]:
    """Read the status of a remote download

     Same wrapper and fields as `getCloudStatus`; a remote download also passes through
    `uploading` while Offcloud copies it to the remote account.
    A real transcript (field notes) shows a finished download without `server` and with
    `amount` 0: `{"status": {"status": "downloaded", "amount": 0, "fileSize": 835210861,
    "requestId": "…", "fileName": "Big.Buck.Bunny.2008.mkv"}}`; the schema allows it, the mock
    always sends `server` and the bytes done.
    Evidence: DOC, field notes (transcript). Our choice: in 2026 the legacy fields
    (`amount`, `fileSize`) are kept for remote downloads (no 2026 client reads this
    operation); like `getCloudStatus`, the legacy server also takes `requestIds` and answers
    `{"requests": [...]}`, the 2026 one refuses them (no client shows either for remote
    downloads).

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
        Response[ErrorBody | ErrorBody | RemoteStatusList | RemoteStatusResult]
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
) -> ErrorBody | ErrorBody | RemoteStatusList | RemoteStatusResult | None:
    """Read the status of a remote download

     Same wrapper and fields as `getCloudStatus`; a remote download also passes through
    `uploading` while Offcloud copies it to the remote account.
    A real transcript (field notes) shows a finished download without `server` and with
    `amount` 0: `{"status": {"status": "downloaded", "amount": 0, "fileSize": 835210861,
    "requestId": "…", "fileName": "Big.Buck.Bunny.2008.mkv"}}`; the schema allows it, the mock
    always sends `server` and the bytes done.
    Evidence: DOC, field notes (transcript). Our choice: in 2026 the legacy fields
    (`amount`, `fileSize`) are kept for remote downloads (no 2026 client reads this
    operation); like `getCloudStatus`, the legacy server also takes `requestIds` and answers
    `{"requests": [...]}`, the 2026 one refuses them (no client shows either for remote
    downloads).

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
        ErrorBody | ErrorBody | RemoteStatusList | RemoteStatusResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RequestIdForm,
) -> Response[ErrorBody | ErrorBody | RemoteStatusList | RemoteStatusResult]:
    """Read the status of a remote download

     Same wrapper and fields as `getCloudStatus`; a remote download also passes through
    `uploading` while Offcloud copies it to the remote account.
    A real transcript (field notes) shows a finished download without `server` and with
    `amount` 0: `{"status": {"status": "downloaded", "amount": 0, "fileSize": 835210861,
    "requestId": "…", "fileName": "Big.Buck.Bunny.2008.mkv"}}`; the schema allows it, the mock
    always sends `server` and the bytes done.
    Evidence: DOC, field notes (transcript). Our choice: in 2026 the legacy fields
    (`amount`, `fileSize`) are kept for remote downloads (no 2026 client reads this
    operation); like `getCloudStatus`, the legacy server also takes `requestIds` and answers
    `{"requests": [...]}`, the 2026 one refuses them (no client shows either for remote
    downloads).

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
        Response[ErrorBody | ErrorBody | RemoteStatusList | RemoteStatusResult]
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
) -> ErrorBody | ErrorBody | RemoteStatusList | RemoteStatusResult | None:
    """Read the status of a remote download

     Same wrapper and fields as `getCloudStatus`; a remote download also passes through
    `uploading` while Offcloud copies it to the remote account.
    A real transcript (field notes) shows a finished download without `server` and with
    `amount` 0: `{"status": {"status": "downloaded", "amount": 0, "fileSize": 835210861,
    "requestId": "…", "fileName": "Big.Buck.Bunny.2008.mkv"}}`; the schema allows it, the mock
    always sends `server` and the bytes done.
    Evidence: DOC, field notes (transcript). Our choice: in 2026 the legacy fields
    (`amount`, `fileSize`) are kept for remote downloads (no 2026 client reads this
    operation); like `getCloudStatus`, the legacy server also takes `requestIds` and answers
    `{"requests": [...]}`, the 2026 one refuses them (no client shows either for remote
    downloads).

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
        ErrorBody | ErrorBody | RemoteStatusList | RemoteStatusResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
