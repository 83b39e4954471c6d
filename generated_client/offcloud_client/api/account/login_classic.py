from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.login_form import LoginForm
from ...models.login_result import LoginResult
from ...types import Response


def _get_kwargs(
    *,
    body: LoginForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/login/classic",
    }

    if isinstance(body, LoginForm):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | LoginResult | None:
    if response.status_code == 200:
        try:

            def _parse_response_200(data: object) -> ErrorBody | LoginResult:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_200_type_0 = LoginResult.from_dict(data)

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
            raise errors.unparsable_body(response, "ErrorBody | LoginResult", exc) from exc

    if client.raise_on_unexpected_status or not errors.is_standard_status(response.status_code):
        raise errors.undocumented_status(response)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | LoginResult]:
    return Response(
        status_code=errors.http_status(response),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginForm,
) -> Response[ErrorBody | LoginResult]:
    """Old path of login

     The same fields, cookie and answers as `login`. Our choice: gone from the 2026 server like
    `/api/login` (HTML 404 page).
    Evidence: DOC history (2016–2018), JD.

    Args:
        body (LoginForm):  Example: {'username': 'demo@offcloud.test', 'password': 'demo-
            password'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | LoginResult]
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
    body: LoginForm,
) -> ErrorBody | LoginResult | None:
    """Old path of login

     The same fields, cookie and answers as `login`. Our choice: gone from the 2026 server like
    `/api/login` (HTML 404 page).
    Evidence: DOC history (2016–2018), JD.

    Args:
        body (LoginForm):  Example: {'username': 'demo@offcloud.test', 'password': 'demo-
            password'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | LoginResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginForm,
) -> Response[ErrorBody | LoginResult]:
    """Old path of login

     The same fields, cookie and answers as `login`. Our choice: gone from the 2026 server like
    `/api/login` (HTML 404 page).
    Evidence: DOC history (2016–2018), JD.

    Args:
        body (LoginForm):  Example: {'username': 'demo@offcloud.test', 'password': 'demo-
            password'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | LoginResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LoginForm,
) -> ErrorBody | LoginResult | None:
    """Old path of login

     The same fields, cookie and answers as `login`. Our choice: gone from the 2026 server like
    `/api/login` (HTML 404 page).
    Evidence: DOC history (2016–2018), JD.

    Args:
        body (LoginForm):  Example: {'username': 'demo@offcloud.test', 'password': 'demo-
            password'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | LoginResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
