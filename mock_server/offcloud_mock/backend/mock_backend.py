"""MockBackend: the whole mock (accounts, downloads, sessions, clock, faults, journal) and its reset.

The HTTP layer finds an account here (by API key or session) and calls that AccountBackend's operation.
"""

import random
import threading

from offcloud_mock.backend.accounts import AccountBackend, SharedState
from offcloud_mock.backend.clock import MockClock
from offcloud_mock.backend.device_flow import DeviceAuthorization, DeviceFlow, PollResult, PollState
from offcloud_mock.backend.downloads import Download, DownloadSnapshot
from offcloud_mock.backend.errors import BadRequest, InvalidCredentials, NoAuth, NotFound
from offcloud_mock.backend.fake_internet import FakeInternet
from offcloud_mock.backend.faults import FaultRegistry
from offcloud_mock.backend.ids import SeededIds
from offcloud_mock.backend.journal import Journal
from offcloud_mock.backend.scenario import EMAIL_PATTERN, Scenario
from offcloud_mock.backend.seeded_downloads import seeded_download

__all__ = ["MAX_SESSIONS", "AccountBackend", "MockBackend"]

# Sessions (logins) held at once, and as many device-login tokens: a client that logs in for every
# request made one session per request, each kept until a reset. Past the cap the oldest is forgotten
# (its next request gets NOAUTH, as an expired session would). About 0.2 KB each.
MAX_SESSIONS = 10_000


class MockBackend:
    """The whole mock: accounts, downloads, sessions, clock, faults and journal."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        seed: int | None = None,
        clock: MockClock | None = None,
        max_downloads: int | None = None,
        max_sessions: int = MAX_SESSIONS,
    ) -> None:
        if max_sessions < 1:
            raise ValueError(f"max_sessions must be at least 1, not {max_sessions}")
        self._lock = threading.RLock()
        self.scenario = scenario
        self.clock = clock if clock is not None else MockClock(scenario.start)
        self.faults = FaultRegistry()
        self.journal = Journal(now=self.clock.now, at=self.clock.at)
        self._seed_override = seed
        self.max_downloads = max_downloads  # all accounts together; None: no cap
        self.max_sessions = max_sessions  # sessions, and device-login tokens, each; the oldest go first
        self._build()

    def _build(self) -> None:
        self._shared = SharedState(
            lock=self._lock,
            clock=self.clock,
            scenario=self.scenario,
            ids=SeededIds(self.seed),
            internet=FakeInternet(self.scenario.resources),
            downloads={},
            max_downloads=self.max_downloads,
        )
        self._by_key = {
            account.api_key: AccountBackend(self._shared, account) for account in self.scenario.accounts
        }
        self._by_email = {account.email.lower(): account for account in self._by_key.values()}
        for account in self._by_key.values():  # the downloads the scenario starts with, every reset alike
            for seed in account.account.downloads:
                account.adopt(
                    seeded_download(
                        seed, account.user_id, self._shared.internet, self.scenario.timing, self.clock.start
                    )
                )
        self._sessions: dict[str, AccountBackend] = {}
        self._build_device_flow()

    @property
    def seed(self) -> int:
        """The seed given to the constructor or reset(), else the scenario's, else 0."""
        if self._seed_override is not None:
            return self._seed_override
        return self.scenario.seed if self.scenario.seed is not None else 0

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
            account = (self._by_key.get(api_key) or self._tokens.get(api_key)) if api_key else None
        if account is None:
            raise NoAuth()
        return account

    def account_for_session(self, session_id: str | None) -> AccountBackend:
        with self._lock:
            account = self._sessions.get(session_id) if session_id else None
        if account is None:
            raise NoAuth()
        return account

    def login(self, username: str, password: str) -> tuple[str, AccountBackend]:
        """A new session for the account: (session id, the account)."""
        if not EMAIL_PATTERN.match(username):
            raise BadRequest("Please enter a valid email address.")
        with self._lock:
            account = self._by_email.get(username.lower())
            if account is None or account.account.password != password:
                raise InvalidCredentials()
            session_id = self._shared.ids.session_id()
            _hold(self._sessions, session_id, account, self.max_sessions)
        return session_id, account

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

    def download_snapshot(self, request_id: str) -> DownloadSnapshot:
        """Any account's download as of now, for the control plane."""
        with self._lock:
            return self.find_download(request_id).snapshot(self.clock.now())

    def force_status(self, request_id: str, status: str) -> DownloadSnapshot:
        """Pin a download's status; answers the download as of now."""
        with self._lock:
            download = self.find_download(request_id)
            download.force_status(status)
            return download.snapshot(self.clock.now())

    def download_count(self) -> int:
        with self._lock:
            return len(self._shared.downloads)

    # --- the OAuth device login of the 2026 server ---------------------------------------

    def _build_device_flow(self) -> None:
        timing = self.scenario.device_flow
        # Its own seeded source: device logins must not shift the request ids a test expects.
        rng = random.Random(f"device-flow:{self.seed}")
        self.device_flow = DeviceFlow(
            self.clock.now, random_bytes=rng.randbytes, expires_in=timing.expires_in, interval=timing.interval
        )
        self._tokens: dict[str, AccountBackend] = {}  # granted access tokens, used as API keys

    def request_device_code(self) -> DeviceAuthorization:
        return self.device_flow.issue()

    def poll_device_token(self, device_code: str) -> PollResult:
        """A token once approved, registered at once as the approving account's API key."""
        result = self.device_flow.poll(device_code)
        if result.state is PollState.TOKEN and result.grant is not None:
            with self._lock:
                account = self._by_email[result.grant.account_id]
                _hold(self._tokens, result.grant.access_token, account, self.max_sessions)
        return result

    def approve_device(self, user_code: str, email: str | None = None) -> AccountBackend:
        """The user approves the login for `email`'s account (by default the scenario's first)."""
        with self._lock:
            if email is None:
                account = next(iter(self._by_key.values()))
            else:
                found = self._by_email.get(email.lower())
                if found is None:
                    raise NotFound(f"No account has the e-mail {email[:100]!r}.")
                account = found
        self.device_flow.approve(user_code, account.email.lower())
        return account

    def deny_device(self, user_code: str) -> None:
        self.device_flow.deny(user_code)

    def device_codes(self) -> list[str]:
        """The user codes waiting for a decision, oldest first."""
        return self.device_flow.pending_user_codes()


def _hold(held: dict[str, AccountBackend], key: str, account: AccountBackend, most: int) -> None:
    """Add `key` to `held`, forgetting the oldest entries (dicts keep their order) beyond `most`."""
    while len(held) >= most:
        del held[next(iter(held))]
    held[key] = account
