"""No planted key or password is reachable from anything the client leaves behind.

Errors of every kind are searched whole (chain, attributes, traceback frames' locals); a pytest run with
--showlocals is grepped; a session with every logger at DEBUG is grepped. The secrets hold characters
that URL-encoding and JSON change (see secret_fakes).
"""

import asyncio
import logging
import os
import subprocess
import sys
import textwrap
import traceback
from pathlib import Path

import httpx
import pytest

from offcloud_kit import (
    APIConnectionError,
    APITimeoutError,
    AsyncOffcloud,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    Offcloud,
    OffcloudError,
    ServerError,
    UnexpectedResponseError,
)
from offcloud_mock.pytest_plugin import OffcloudMock

from .helpers import ERAS, UNKNOWN_ID
from .secret_fakes import (
    EMAIL,
    KEY,
    KINDS,
    LONG_PASSWORD,
    PASSWORD,
    chain,
    exposures,
    failing_client,
    leaks,
    planted_scenario,
)

EXPECTED: dict[str, type[OffcloudError]] = {
    "timeout": APITimeoutError,
    "refused": APIConnectionError,
    "http400": BadRequestError,
    "http503": ServerError,
    "legacy200": NotFoundError,
    "unexpected": UnexpectedResponseError,
}


def _check(error: OffcloudError, kind: str) -> None:
    assert type(error) is EXPECTED[kind]
    assert exposures(error) == []
    # What was sent stays known, with the key masked.
    request = getattr(error, "request", None)  # an offcloud_kit.errors.RedactedRequest
    assert request is not None
    assert request.method == "POST"
    assert request.url.endswith("/api/cloud/status?key=***"), request.url


@pytest.mark.parametrize("kind", KINDS)
def test_sync_errors_hold_no_reachable_key(kind: str) -> None:
    with failing_client(kind) as client:
        assert isinstance(client, Offcloud)
        with pytest.raises(OffcloudError) as caught:
            client.cloud_status(UNKNOWN_ID)
    _check(caught.value, kind)


@pytest.mark.parametrize("kind", KINDS)
def test_async_errors_hold_no_reachable_key(kind: str) -> None:
    async def call() -> OffcloudError:
        with failing_client(kind, asynchronous=True) as client:
            assert isinstance(client, AsyncOffcloud)
            try:
                await client.cloud_status(UNKNOWN_ID)
            except OffcloudError as error:
                return error
        raise AssertionError("no error")

    _check(asyncio.run(call()), kind)


def test_chained_transport_error_is_a_scrubbed_copy() -> None:
    with failing_client("refused") as client, pytest.raises(APIConnectionError) as caught:
        client.cloud_status(UNKNOWN_ID)
    cause = caught.value.__cause__
    assert isinstance(cause, httpx.ConnectError)  # the kind of failure is still there to see
    assert cause.__traceback__ is None  # httpcore's frames hold the request in their locals
    with pytest.raises(RuntimeError):
        _ = cause.request


@pytest.mark.parametrize("kind", ["refused", "unexpected"])
def test_the_callers_own_exception_is_left_alone(kind: str) -> None:
    """Called while handling an exception, the client scrubs its own chain, not the caller's."""
    handled: list[BaseException] = []
    with failing_client(kind) as client:
        try:
            raise ValueError("the caller's own problem, with its own traceback")
        except ValueError as own:
            handled.append(own)
            with pytest.raises(OffcloudError) as caught:
                client.cloud_status(UNKNOWN_ID)
    assert handled[0].__traceback__ is not None
    assert handled[0].args == ("the caller's own problem, with its own traceback",)
    assert any(exc is handled[0] for exc in chain(caught.value))  # chained, as Python does
    assert exposures(caught.value) == []


def planted_client(mock: OffcloudMock) -> Offcloud:
    """A client with the planted key on `mock`, reset to an account with the planted key and password."""
    mock.controls.load_scenario(planted_scenario())
    transport = mock.transport()  # None when live: real sockets, httpcore and its DEBUG logs
    httpx_args = {} if transport is None else {"transport": transport}
    return Offcloud(KEY, base_url=mock.base_url, httpx_args=httpx_args, max_retries=0)


@pytest.fixture
def planted(offcloud_mock: OffcloudMock) -> Offcloud:
    return planted_client(offcloud_mock)


@pytest.mark.offcloud_mock(era="legacy")  # login is legacy-only
def test_an_echoed_over_long_password_is_masked(planted: Offcloud) -> None:
    with pytest.raises(BadRequestError) as caught:
        planted.login(EMAIL, LONG_PASSWORD)
    error = caught.value
    # The mock names the field without quoting its value; the kit's masking of an echo that a
    # server does quote is test_redaction's test_a_truncated_echo_of_a_long_secret_is_masked_...
    assert "'password': the value is longer than 1024 characters" in str(error)
    assert exposures(error) == []
    assert leaks(repr(error.body)) == []


@pytest.mark.offcloud_mock(era="legacy")  # login is legacy-only
def test_a_wrong_password_is_masked(planted: Offcloud) -> None:
    with pytest.raises(AuthenticationError) as caught:
        planted.login(EMAIL, PASSWORD + "-wrong")
    assert exposures(caught.value) == []


@pytest.mark.parametrize(
    "era", [pytest.param(era, marks=pytest.mark.offcloud_mock(era=era), id=era) for era in ERAS]
)
@pytest.mark.parametrize("live", [False, True], ids=["in-process", "live"])
def test_everything_captured_at_debug_holds_no_secret(
    era: str, live: bool, request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> None:
    offcloud_mock: OffcloudMock = request.getfixturevalue("offcloud_mock_live" if live else "offcloud_mock")
    planted = planted_client(offcloud_mock)
    caplog.set_level(logging.DEBUG)
    for name in list(logging.Logger.manager.loggerDict):
        # The server's own logs (the mock, waitress) are the server side's business, not the client's.
        if not name.startswith(("offcloud_mock", "waitress")):
            caplog.set_level(logging.DEBUG, logger=name)
    errors: list[OffcloudError] = []

    def attempt(call: object) -> None:
        try:
            call()  # type: ignore[operator]
        except OffcloudError as error:
            errors.append(error)

    if era == "legacy":  # login and getApiKey are legacy-only
        attempt(lambda: planted.login(EMAIL, LONG_PASSWORD))
        attempt(lambda: planted.login(EMAIL, PASSWORD + "-wrong"))
        assert planted.login(EMAIL, PASSWORD).email == EMAIL
        assert planted.get_api_key().api_key == KEY
    planted.list_proxies()
    attempt(lambda: planted.cloud_status(UNKNOWN_ID))
    offcloud_mock.controls.add_fault("listProxies", status=503)
    attempt(planted.list_proxies)
    try:
        raise RuntimeError("while handling a client error")
    except RuntimeError:
        logging.getLogger("offcloud_kit").exception("logged with %r", errors[0])
    logging.getLogger("app").error("the caller logs it", exc_info=errors[0])

    logins: list[type[OffcloudError]] = [BadRequestError, AuthenticationError] if era == "legacy" else []
    assert [type(error) for error in errors] == [*logins, NotFoundError, ServerError]
    assert any(record.name == "httpx" for record in caplog.records)
    assert live == any(record.name.startswith("httpcore.") for record in caplog.records)
    captured = [caplog.text, *(record.getMessage() for record in caplog.records)]
    captured += [repr(planted), repr(planted.raw), repr(planted.to_async())]
    for error in errors:
        captured.append("".join(traceback.format_exception(error)))
        assert exposures(error) == [], error
    assert [leaks(text) for text in captured if leaks(text)] == []


SHOWLOCALS_TESTS = f"""
import httpx

from offcloud_kit import Offcloud

KEY = {KEY!r}
LONG_PASSWORD = {LONG_PASSWORD!r}


def answer(request):
    return httpx.Response(400, json={{"error": f"refused {{request.url}}"}})


def test_refused_by_the_server():
    client = Offcloud(KEY, base_url="http://fake.test", httpx_args={{"transport": httpx.MockTransport(answer)}})
    client.cloud_status("5f1b2c3d4e5f60718293a4b6")  # the message quotes the answer


def test_no_answer():
    client = Offcloud(KEY, base_url="http://127.0.0.1:PORT", max_retries=0)
    client.list_proxies()


def test_login_refused(offcloud_mock):
    client = Offcloud(KEY, base_url=offcloud_mock.base_url, httpx_args={{"transport": offcloud_mock.transport()}})
    client.login("demo@offcloud.test", LONG_PASSWORD)
"""


def test_pytest_showlocals_output_holds_no_secret(tmp_path: Path) -> None:
    from .secret_fakes import closed_port

    test_file = tmp_path / "test_failing_client.py"
    test_file.write_text(textwrap.dedent(SHOWLOCALS_TESTS).replace("PORT", str(closed_port())))
    run = subprocess.run(  # noqa: S603 - our own interpreter and a file this test wrote
        [
            sys.executable,
            "-m",
            "pytest",
            "--showlocals",
            "--log-level=DEBUG",
            "--tb=long",
            "-p",
            "no:cacheprovider",
            "-p",
            "offcloud_mock.pytest_plugin",
            "--rootdir",
            str(tmp_path),
            str(test_file),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        # Only the mock's plugin: other installed plugins take seconds to import on a busy machine.
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
        check=False,
    )
    output = run.stdout + run.stderr
    assert "3 failed" in output, output[-3000:]
    # The failures are shown with their locals and logs, and the URLs with the key masked.
    assert "plan = " in output
    assert "Captured log call" in output
    assert "refused http://fake.test/api/cloud/status?key=***" in output  # the echo, masked
    assert leaks(output) == [], [line for line in output.splitlines() if leaks(line)][:20]
