"""The mock's domain: accounts, downloads and their lifecycle, clock, scenario, fake internet, faults, journal.

Plain Python. It returns domain objects and raises domain errors (`backend.errors`) that carry no HTTP
status; it imports nothing of Flask, Werkzeug or `mock_server.http` (tests/test_architecture.py).
"""

from mock_server.backend.accounts import AccountBackend
from mock_server.backend.mock_backend import MockBackend

__all__ = ["AccountBackend", "MockBackend"]
