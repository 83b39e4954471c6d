from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.login_check import LoginCheck
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/check",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LoginCheck | None:
    if response.status_code == 200:
        try:
            response_200 = LoginCheck.from_dict(response.json())

            return response_200

        except errors.PARSE_ERRORS as exc:
            raise errors.unparsable_body(response, "LoginCheck", exc) from exc

    if client.raise_on_unexpected_status or not errors.is_standard_status(response.status_code):
        raise errors.undocumented_status(response)
    return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LoginCheck]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[LoginCheck]:
    """Tell whether the session cookie belongs to a logged-in user

     Reads only the `connect.sid` cookie; an API key does not count as logged in.
    Our choice: legacy only; without `/api/login` there is no session to check, and no
    2026 client calls it (the 2026 server answers its HTML 404 page). Evidence: DOC,
    field notes.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoginCheck]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> LoginCheck | None:
    """Tell whether the session cookie belongs to a logged-in user

     Reads only the `connect.sid` cookie; an API key does not count as logged in.
    Our choice: legacy only; without `/api/login` there is no session to check, and no
    2026 client calls it (the 2026 server answers its HTML 404 page). Evidence: DOC,
    field notes.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoginCheck
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[LoginCheck]:
    """Tell whether the session cookie belongs to a logged-in user

     Reads only the `connect.sid` cookie; an API key does not count as logged in.
    Our choice: legacy only; without `/api/login` there is no session to check, and no
    2026 client calls it (the 2026 server answers its HTML 404 page). Evidence: DOC,
    field notes.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoginCheck]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> LoginCheck | None:
    """Tell whether the session cookie belongs to a logged-in user

     Reads only the `connect.sid` cookie; an API key does not count as logged in.
    Our choice: legacy only; without `/api/login` there is no session to check, and no
    2026 client calls it (the 2026 server answers its HTML 404 page). Evidence: DOC,
    field notes.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoginCheck
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
