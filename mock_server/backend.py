"""MockBackend: the whole mock (accounts, downloads, sessions, clock, faults, journal) and its reset.

The HTTP layer finds an account here (by API key or session) and calls that AccountBackend's operation.
"""

import threading

from mock_server.account_backend import AccountBackend, SharedState
from mock_server.clock import MockClock
from mock_server.downloads import Download
from mock_server.exceptions import BadRequest, InvalidCredentials, NoAuth, NotFound
from mock_server.fake_internet import FakeInternet
from mock_server.faults import FaultRegistry
from mock_server.journal import Journal
from mock_server.rng import SeededIds
from mock_server.scenario import EMAIL_PATTERN, Scenario

__all__ = ["AccountBackend", "MockBackend"]


class MockBackend:
    """The whole mock: accounts, downloads, sessions, clock, faults and journal."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        seed: int | None = None,
        clock: MockClock | None = None,
        string_numbers: bool = False,
    ) -> None:
        self._lock = threading.RLock()
        self.scenario = scenario
        self.clock = clock if clock is not None else MockClock(scenario.start)
        self.faults = FaultRegistry()
        self.journal = Journal(now=self.clock.now, at=self.clock.at)
        self._seed_override = seed
        self._string_numbers = string_numbers
        self._build()

    def _build(self) -> None:
        self._shared = SharedState(
            lock=self._lock,
            clock=self.clock,
            scenario=self.scenario,
            ids=SeededIds(self.seed),
            internet=FakeInternet(self.scenario.resources),
            downloads={},
            string_numbers=self._string_numbers,
        )
        self._by_key = {
            account.api_key: AccountBackend(self._shared, account) for account in self.scenario.accounts
        }
        self._by_email = {account.email.lower(): account for account in self._by_key.values()}
        self._sessions: dict[str, AccountBackend] = {}

    @property
    def seed(self) -> int:
        """The seed given to the constructor or reset(), else the scenario's, else 0."""
        if self._seed_override is not None:
            return self._seed_override
        return self.scenario.seed if self.scenario.seed is not None else 0

    @property
    def string_numbers(self) -> bool:
        """Play the legacy server, which sent fileSize and downloadingSpeed as strings of digits."""
        return self._shared.string_numbers

    @string_numbers.setter
    def string_numbers(self, value: bool) -> None:
        with self._lock:
            self._string_numbers = value
            self._shared.string_numbers = value

    def reset(self, scenario: Scenario | None = None, seed: int | None = None) -> None:
        """Back to the initial state: same seed, same ids again. The clock keeps its speed and freezing."""
        with self._lock:
            if scenario is not None:
                self.scenario = scenario
            if seed is not None:
                self._seed_override = seed
            self.clock.restart(self.scenario.start)
            self._build()
            self.faults.clear()
            self.journal.clear()

    def account_for_key(self, api_key: str | None) -> AccountBackend:
        with self._lock:
            account = self._by_key.get(api_key) if api_key else None
        if account is None:
            raise NoAuth()
        return account

    def account_for_session(self, session_id: str | None) -> AccountBackend:
        with self._lock:
            account = self._sessions.get(session_id) if session_id else None
        if account is None:
            raise NoAuth()
        return account

    def login(self, username: str, password: str) -> tuple[str, dict[str, object]]:
        """A new session for the account; (session id, the answer body)."""
        if not EMAIL_PATTERN.match(username):
            raise BadRequest("Please enter a valid email address.")
        with self._lock:
            account = self._by_email.get(username.lower())
            if account is None or account.account.password != password:
                raise InvalidCredentials()
            session_id = self._shared.ids.session_id()
            self._sessions[session_id] = account
        return session_id, {"email": account.email, "userId": account.user_id}

    def is_logged_in(self, session_id: str | None) -> bool:
        with self._lock:
            return session_id is not None and session_id in self._sessions

    def accounts(self) -> list[AccountBackend]:
        with self._lock:
            return list(self._by_key.values())

    def find_download(self, request_id: str) -> Download:
        """Any account's download, for the control plane."""
        with self._lock:
            download = self._shared.downloads.get(request_id)
        if download is None:
            raise NotFound()
        return download

    def force_status(self, request_id: str, status: str) -> dict[str, object]:
        """Pin a download's status; answers its status body (without the {"status": ...} wrapper)."""
        with self._lock:
            download = self.find_download(request_id)
            download.force_status(status)
            return download.status_body(self.clock.now(), string_numbers=self._shared.string_numbers)

    def download_count(self) -> int:
        with self._lock:
            return len(self._shared.downloads)

    def add_bulk_downloads(self, api_key: str, count: int) -> None:
        """Add `count` cloud downloads of distinct URLs to the account at once, skipping every check."""
        self.account_for_key(api_key).add_bulk(count)
