"""The mock's domain: accounts, downloads and their lifecycle, clock, scenario, fake internet, faults, journal.

Plain Python. It returns domain objects and raises domain errors (`backend.errors`) that carry no HTTP
status; it imports nothing of Flask, Werkzeug or `offcloud_mock.http` (tests/test_architecture.py).
"""

from offcloud_mock.backend.accounts import AccountBackend
from offcloud_mock.backend.mock_backend import MockBackend

__all__ = ["AccountBackend", "MockBackend"]
