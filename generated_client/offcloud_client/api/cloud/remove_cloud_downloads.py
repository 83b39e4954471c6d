from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.remove_many_form import RemoveManyForm
from ...models.remove_result import RemoveResult
from ...types import Response


def _get_kwargs(
    *,
    body: RemoveManyForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/cloud/remove",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | RemoveResult | None:
    if response.status_code == 200:
        try:
            response_200 = RemoveResult.from_dict(response.json())

            return response_200

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "RemoveResult", exc) from exc

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
) -> Response[ErrorBody | RemoveResult]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RemoveManyForm,
) -> Response[ErrorBody | RemoveResult]:
    """Remove several cloud downloads

     JSON `{"requests": [ids]}`, answers `{"success": true}`. Our choice (unverified): at most
    200 ids a call (JD's batch size on the site-root form); ids that are unknown or belong to
    another account are skipped, and the answer is still `{"success": true}` as long as the
    body is well formed; a malformed id is 400.
    Evidence: 5 clients, RU, HA, JT, K1, MFrs (JD posts the same body to site-root
    /cloud/remove, unparsed).

    Args:
        body (RemoveManyForm):  Example: {'requests': ['5f1b2c3d4e5f60718293a4b6']}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RemoveResult]
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
    body: RemoveManyForm,
) -> ErrorBody | RemoveResult | None:
    """Remove several cloud downloads

     JSON `{"requests": [ids]}`, answers `{"success": true}`. Our choice (unverified): at most
    200 ids a call (JD's batch size on the site-root form); ids that are unknown or belong to
    another account are skipped, and the answer is still `{"success": true}` as long as the
    body is well formed; a malformed id is 400.
    Evidence: 5 clients, RU, HA, JT, K1, MFrs (JD posts the same body to site-root
    /cloud/remove, unparsed).

    Args:
        body (RemoveManyForm):  Example: {'requests': ['5f1b2c3d4e5f60718293a4b6']}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RemoveResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RemoveManyForm,
) -> Response[ErrorBody | RemoveResult]:
    """Remove several cloud downloads

     JSON `{"requests": [ids]}`, answers `{"success": true}`. Our choice (unverified): at most
    200 ids a call (JD's batch size on the site-root form); ids that are unknown or belong to
    another account are skipped, and the answer is still `{"success": true}` as long as the
    body is well formed; a malformed id is 400.
    Evidence: 5 clients, RU, HA, JT, K1, MFrs (JD posts the same body to site-root
    /cloud/remove, unparsed).

    Args:
        body (RemoveManyForm):  Example: {'requests': ['5f1b2c3d4e5f60718293a4b6']}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RemoveResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RemoveManyForm,
) -> ErrorBody | RemoveResult | None:
    """Remove several cloud downloads

     JSON `{"requests": [ids]}`, answers `{"success": true}`. Our choice (unverified): at most
    200 ids a call (JD's batch size on the site-root form); ids that are unknown or belong to
    another account are skipped, and the answer is still `{"success": true}` as long as the
    body is well formed; a malformed id is 400.
    Evidence: 5 clients, RU, HA, JT, K1, MFrs (JD posts the same body to site-root
    /cloud/remove, unparsed).

    Args:
        body (RemoveManyForm):  Example: {'requests': ['5f1b2c3d4e5f60718293a4b6']}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RemoveResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
