"""This project's own `mock_server` and `contract_tests` packages, beside the installed kit.

Before the kit's packages were named for it, its wheel installed a top-level `mock_server` too: pytest
then failed to load the kit's plugin in a project like this one and ran none of its tests.
"""

from pathlib import Path

from contract_tests.shapes import has_keys
from mock_server.replies import reply

import contract_tests
import mock_server

HERE = Path(__file__).resolve().parent


def test_our_mock_server_is_ours() -> None:
    assert Path(mock_server.__file__).resolve().parent == HERE / "mock_server"
    assert reply("/weather") == {"city": "Lyon", "celsius": 21}


def test_our_contract_tests_are_ours() -> None:
    assert Path(contract_tests.__file__).resolve().parent == HERE / "contract_tests"
    assert has_keys(reply("/nowhere"), "error")


def test_plain() -> None:
    assert sum(range(4)) == 6
