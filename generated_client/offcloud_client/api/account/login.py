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
        "url": "/api/login",
    }

    if isinstance(body, LoginForm):
        _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | ErrorBody | LoginResult | None:
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
) -> Response[ErrorBody | ErrorBody | LoginResult]:
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
) -> Response[ErrorBody | ErrorBody | LoginResult]:
    """Log in with e-mail and password

     Checks the credentials and sets the `connect.sid` session cookie; later requests that
    send the cookie need no API key. A username that is not an e-mail address, and wrong
    credentials, are errors with HTTP 200 (the legacy server's way). Retired by the 2026
    server, which answers 404.
    Evidence: DOC; the 2026 server answers 404 (CMT live).

    Args:
        body (LoginForm):  Example: {'username': 'demo@offcloud.test', 'password': 'demo-
            password'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | LoginResult]
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
) -> ErrorBody | ErrorBody | LoginResult | None:
    """Log in with e-mail and password

     Checks the credentials and sets the `connect.sid` session cookie; later requests that
    send the cookie need no API key. A username that is not an e-mail address, and wrong
    credentials, are errors with HTTP 200 (the legacy server's way). Retired by the 2026
    server, which answers 404.
    Evidence: DOC; the 2026 server answers 404 (CMT live).

    Args:
        body (LoginForm):  Example: {'username': 'demo@offcloud.test', 'password': 'demo-
            password'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | LoginResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginForm,
) -> Response[ErrorBody | ErrorBody | LoginResult]:
    """Log in with e-mail and password

     Checks the credentials and sets the `connect.sid` session cookie; later requests that
    send the cookie need no API key. A username that is not an e-mail address, and wrong
    credentials, are errors with HTTP 200 (the legacy server's way). Retired by the 2026
    server, which answers 404.
    Evidence: DOC; the 2026 server answers 404 (CMT live).

    Args:
        body (LoginForm):  Example: {'username': 'demo@offcloud.test', 'password': 'demo-
            password'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | LoginResult]
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
) -> ErrorBody | ErrorBody | LoginResult | None:
    """Log in with e-mail and password

     Checks the credentials and sets the `connect.sid` session cookie; later requests that
    send the cookie need no API key. A username that is not an e-mail address, and wrong
    credentials, are errors with HTTP 200 (the legacy server's way). Retired by the 2026
    server, which answers 404.
    Evidence: DOC; the 2026 server answers 404 (CMT live).

    Args:
        body (LoginForm):  Example: {'username': 'demo@offcloud.test', 'password': 'demo-
            password'}.

    Raises:
        errors.UnexpectedStatus: If the server returns a non-standard status code (such as 520), or an undocumented one and Client.raise_on_unexpected_status is True.
        errors.UnexpectedBody: If the body is none of the shapes documented for its status code.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | LoginResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
