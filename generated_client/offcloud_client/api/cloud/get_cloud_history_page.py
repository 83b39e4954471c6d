from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.history_page import HistoryPage
from ...models.history_page_form import HistoryPageForm
from ...types import Response


def _get_kwargs(
    *,
    body: HistoryPageForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/cloud/history",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | HistoryPage | None:
    if response.status_code == 200:
        try:

            def _parse_response_200(data: object) -> ErrorBody | HistoryPage:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_type_0 = HistoryPage.from_dict(data)

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
            raise errors.unparsable_body(response, "ErrorBody | HistoryPage", exc) from exc

    if client.raise_on_unexpected_status or not errors.is_standard_status(response.status_code):
        raise errors.undocumented_status(response)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | HistoryPage]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: HistoryPageForm,
) -> Response[ErrorBody | HistoryPage]:
    """One page of the user's cloud downloads (site root, web-site session)

     At the site root, not under /api; sent with the `connect.sid` cookie (or `?key=`). JSON
    `{"page": n}`, pages counted from 0; the answer `{"history": [...], "isEnd": bool}`,
    items like `getCloudHistory`'s plus `fileSize`, `site` and `userId`. Our choice: 20
    items a page, newest first (the page size is not shown by any client).
    Evidence: 2 legacy clients, JD (also /instant/history) and ST25.

    Args:
        body (HistoryPageForm):  Example: {'page': 0}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HistoryPage]
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
    body: HistoryPageForm,
) -> ErrorBody | HistoryPage | None:
    """One page of the user's cloud downloads (site root, web-site session)

     At the site root, not under /api; sent with the `connect.sid` cookie (or `?key=`). JSON
    `{"page": n}`, pages counted from 0; the answer `{"history": [...], "isEnd": bool}`,
    items like `getCloudHistory`'s plus `fileSize`, `site` and `userId`. Our choice: 20
    items a page, newest first (the page size is not shown by any client).
    Evidence: 2 legacy clients, JD (also /instant/history) and ST25.

    Args:
        body (HistoryPageForm):  Example: {'page': 0}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HistoryPage
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: HistoryPageForm,
) -> Response[ErrorBody | HistoryPage]:
    """One page of the user's cloud downloads (site root, web-site session)

     At the site root, not under /api; sent with the `connect.sid` cookie (or `?key=`). JSON
    `{"page": n}`, pages counted from 0; the answer `{"history": [...], "isEnd": bool}`,
    items like `getCloudHistory`'s plus `fileSize`, `site` and `userId`. Our choice: 20
    items a page, newest first (the page size is not shown by any client).
    Evidence: 2 legacy clients, JD (also /instant/history) and ST25.

    Args:
        body (HistoryPageForm):  Example: {'page': 0}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HistoryPage]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: HistoryPageForm,
) -> ErrorBody | HistoryPage | None:
    """One page of the user's cloud downloads (site root, web-site session)

     At the site root, not under /api; sent with the `connect.sid` cookie (or `?key=`). JSON
    `{"page": n}`, pages counted from 0; the answer `{"history": [...], "isEnd": bool}`,
    items like `getCloudHistory`'s plus `fileSize`, `site` and `userId`. Our choice: 20
    items a page, newest first (the page size is not shown by any client).
    Evidence: 2 legacy clients, JD (also /instant/history) and ST25.

    Args:
        body (HistoryPageForm):  Example: {'page': 0}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HistoryPage
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
