from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.explore_form import ExploreForm
from ...types import Response


def _get_kwargs(
    *,
    body: ExploreForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/cloud/explore",
    }

    if isinstance(body, ExploreForm):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorBody | list[str] | None:
    if response.status_code == 200:
        try:

            def _parse_response_200(data: object) -> ErrorBody | list[str]:
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    response_200_type_0 = cast(list[str], data)

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
            raise errors.unparsable_body(response, "ErrorBody | list[str]", exc) from exc

    if client.raise_on_unexpected_status or not errors.is_standard_status(response.status_code):
        raise errors.undocumented_status(response)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | list[str]]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ExploreForm,
) -> Response[ErrorBody | list[str]]:
    """Old form of exploreCloudDownload, the id in the body

     Field `requestId` (form or JSON); the same answers as `exploreCloudDownload`, including
    `{"error": "Bad archive"}` for a single file. The 2017 doc also showed
    `GET /api/cloud/explore?requestId=`, not described here. Our choice: legacy only.
    Evidence: DOC history (2017-01), ST25, PB.

    Args:
        body (ExploreForm):  Example: {'requestId': '5f1b2c3d4e5f60718293a4b7'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[str]]
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
    body: ExploreForm,
) -> ErrorBody | list[str] | None:
    """Old form of exploreCloudDownload, the id in the body

     Field `requestId` (form or JSON); the same answers as `exploreCloudDownload`, including
    `{"error": "Bad archive"}` for a single file. The 2017 doc also showed
    `GET /api/cloud/explore?requestId=`, not described here. Our choice: legacy only.
    Evidence: DOC history (2017-01), ST25, PB.

    Args:
        body (ExploreForm):  Example: {'requestId': '5f1b2c3d4e5f60718293a4b7'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[str]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ExploreForm,
) -> Response[ErrorBody | list[str]]:
    """Old form of exploreCloudDownload, the id in the body

     Field `requestId` (form or JSON); the same answers as `exploreCloudDownload`, including
    `{"error": "Bad archive"}` for a single file. The 2017 doc also showed
    `GET /api/cloud/explore?requestId=`, not described here. Our choice: legacy only.
    Evidence: DOC history (2017-01), ST25, PB.

    Args:
        body (ExploreForm):  Example: {'requestId': '5f1b2c3d4e5f60718293a4b7'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[str]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ExploreForm,
) -> ErrorBody | list[str] | None:
    """Old form of exploreCloudDownload, the id in the body

     Field `requestId` (form or JSON); the same answers as `exploreCloudDownload`, including
    `{"error": "Bad archive"}` for a single file. The 2017 doc also showed
    `GET /api/cloud/explore?requestId=`, not described here. Our choice: legacy only.
    Evidence: DOC history (2017-01), ST25, PB.

    Args:
        body (ExploreForm):  Example: {'requestId': '5f1b2c3d4e5f60718293a4b7'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[str]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
