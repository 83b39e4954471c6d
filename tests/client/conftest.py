"""Fixtures of the offcloud_kit tests: clients on the mock, recorders.

The mock's own fixtures (`offcloud_mock`, `offcloud_mock_live`) come from its pytest plugin,
`offcloud_mock.pytest_plugin`, an entry point of the offcloud-kit distribution (`make venv` installs it).
"""

from collections.abc import Iterator

import pytest

from offcloud_kit import Offcloud
from offcloud_mock.pytest_plugin import OffcloudMock

from .helpers import SleepRecorder, make_client


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def oc(offcloud_mock: OffcloudMock, sleeps: SleepRecorder) -> Iterator[Offcloud]:
    """A sync client on the in-process mock, with the demo key and a recording sleeper."""
    client = make_client(offcloud_mock, sleep=sleeps)
    yield client
    client.close()
