"""The OAuth 2.0 device authorization grant of the 2026 server (RFC 8628; openapi.yaml's `oauth`
operations).

A client asks for a device code (`issue`), shows the user code and the verification URI, and polls
(`poll`) until the user approves or denies it on the site; here the control plane plays the user
(`approve`, `deny`). The token a successful poll returns works as the account's API key: the backend
registers `TokenGrant.access_token` for `TokenGrant.account_id`.

Time is mock seconds, given to each call or read from the injected clock; randomness comes from an
injected byte source (the mock's seeded generator), so a test replays the same codes. Secrets (device
codes, tokens) never appear in reprs or error messages.
"""

import base64
import enum
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

__all__ = [
    "DEFAULT_EXPIRES_IN",
    "DEFAULT_INTERVAL",
    "MAX_LIVE_CODES",
    "SLOW_DOWN_STEP",
    "USER_CODE_ALPHABET",
    "VERIFICATION_URI",
    "CodeAlreadyDecided",
    "DeviceAuthorization",
    "DeviceFlow",
    "DeviceFlowError",
    "PollResult",
    "PollState",
    "TokenGrant",
    "TooManyPendingCodes",
    "UnknownDeviceCode",
    "UnknownUserCode",
]

VERIFICATION_URI: Final = "https://offcloud.com/activate"
# Client defaults seen in the wild (RU uses 300 s); the scenario may set others.
DEFAULT_EXPIRES_IN: Final = 600
DEFAULT_INTERVAL: Final = 5
SLOW_DOWN_STEP: Final = 5  # RFC 8628 section 3.5: the interval grows by 5 s on each slow_down
# RFC 8628 section 6.1: consonants only (no words, no 0/O or 1/I confusion); 8 of 20 is ~34 bits.
USER_CODE_ALPHABET: Final = "BCDFGHJKLMNPQRSTVWXZ"
# Bounds the memory a client looping on POST /oauth/device/code can take; codes expire on their own.
MAX_LIVE_CODES: Final = 10_000
_DEVICE_CODE_BYTES: Final = 32
_TOKEN_BYTES: Final = 24  # 32 URL-safe characters, the length of an API key


class DeviceFlowError(Exception):
    """A device-flow request the flow cannot serve; no HTTP status here, the presenters map it."""


class UnknownDeviceCode(DeviceFlowError):
    """OAuth `invalid_grant`: never issued, already exchanged for a token, or forgotten after expiry."""

    def __init__(self) -> None:
        super().__init__("Unknown device code.")


class UnknownUserCode(DeviceFlowError):
    """Approving or denying a user code that is not pending (never issued, or expired)."""

    def __init__(self, user_code: str) -> None:
        super().__init__(f"No pending device login has the user code {user_code[:32]!r}.")


class CodeAlreadyDecided(DeviceFlowError):
    """Approving or denying a user code that was already approved or denied."""

    def __init__(self, user_code: str) -> None:
        super().__init__(f"The device login {user_code} was already approved or denied.")


class TooManyPendingCodes(DeviceFlowError):
    def __init__(self, limit: int) -> None:
        super().__init__(f"{limit} device logins are pending already; try again later.")


class PollState(enum.Enum):
    PENDING = "authorization_pending"
    SLOW_DOWN = "slow_down"
    EXPIRED = "expired_token"
    DENIED = "access_denied"
    TOKEN = "token"  # noqa: S105 - a state name; approved, the result carries the grant


@dataclass(frozen=True, slots=True)
class DeviceAuthorization:
    """The answer to POST /oauth/device/code."""

    device_code: str = field(repr=False)
    user_code: str
    verification_uri: str
    verification_uri_complete: str
    expires_in: int
    interval: int


@dataclass(frozen=True, slots=True)
class TokenGrant:
    access_token: str = field(repr=False)
    account_id: str
    token_type: str = "Bearer"  # noqa: S105 - the OAuth token type, not a secret


@dataclass(frozen=True, slots=True)
class PollResult:
    state: PollState
    interval: int  # the interval the client must keep from now on (grown after a slow_down)
    grant: TokenGrant | None = None  # only with PollState.TOKEN


@dataclass(slots=True)
class _Pending:
    user_code: str
    expires_at: float
    interval: int
    last_poll: float | None = None
    account_id: str | None = None  # set by approve
    denied: bool = False


class DeviceFlow:
    """Pending device logins of one mock server; thread-safe."""

    def __init__(
        self,
        clock: Callable[[], float],
        *,
        random_bytes: Callable[[int], bytes] = secrets.token_bytes,
        expires_in: int = DEFAULT_EXPIRES_IN,
        interval: int = DEFAULT_INTERVAL,
        verification_uri: str = VERIFICATION_URI,
        max_live_codes: int = MAX_LIVE_CODES,
    ) -> None:
        if expires_in <= 0 or interval <= 0:
            raise ValueError("expires_in and interval must be positive numbers of seconds")
        self._clock = clock
        self._random_bytes = random_bytes
        self.expires_in = expires_in
        self.interval = interval
        self.verification_uri = verification_uri
        self._max_live_codes = max_live_codes
        self._by_device_code: dict[str, _Pending] = {}
        self._by_user_code: dict[str, str] = {}  # user code -> device code
        self._lock = threading.Lock()

    def issue(self, now: float | None = None) -> DeviceAuthorization:
        now = self._now(now)
        with self._lock:
            self._forget_expired(now)
            if len(self._by_device_code) >= self._max_live_codes:
                raise TooManyPendingCodes(self._max_live_codes)
            device_code = (
                base64.urlsafe_b64encode(self._random_bytes(_DEVICE_CODE_BYTES)).decode().rstrip("=")
            )
            user_code = self._new_user_code()
            self._by_device_code[device_code] = _Pending(user_code, now + self.expires_in, self.interval)
            self._by_user_code[user_code] = device_code
        return DeviceAuthorization(
            device_code=device_code,
            user_code=user_code,
            verification_uri=self.verification_uri,
            verification_uri_complete=f"{self.verification_uri}?code={user_code}",
            expires_in=self.expires_in,
            interval=self.interval,
        )

    def poll(self, device_code: str, now: float | None = None) -> PollResult:
        """What POST /oauth/token answers for this device code at `now`.

        Checked in this order: expiry, polling faster than the interval (RFC 8628 section 3.5: every
        request counts, and each slow_down adds 5 s for good), the user's decision. The first poll may
        come at any time (our choice: RFC 8628 only asks clients to wait *between* requests). A token is
        given once; the code is then spent.
        """
        now = self._now(now)
        with self._lock:
            pending = self._by_device_code.get(device_code)
            if pending is None:
                raise UnknownDeviceCode()
            if now >= pending.expires_at:
                return PollResult(PollState.EXPIRED, pending.interval)
            last_poll, pending.last_poll = pending.last_poll, now
            if last_poll is not None and now - last_poll < pending.interval:
                pending.interval += SLOW_DOWN_STEP
                return PollResult(PollState.SLOW_DOWN, pending.interval)
            if pending.denied:
                return PollResult(PollState.DENIED, pending.interval)
            if pending.account_id is None:
                return PollResult(PollState.PENDING, pending.interval)
            self._drop(device_code)
            token = base64.urlsafe_b64encode(self._random_bytes(_TOKEN_BYTES)).decode()
            return PollResult(PollState.TOKEN, pending.interval, TokenGrant(token, pending.account_id))

    def approve(self, user_code: str, account_id: str, now: float | None = None) -> None:
        """The user logs in on the activation page and approves this device for `account_id`."""
        with self._lock:
            pending = self._decidable(user_code, self._now(now))
            pending.account_id = account_id

    def deny(self, user_code: str, now: float | None = None) -> None:
        with self._lock:
            self._decidable(user_code, self._now(now)).denied = True

    def pending_user_codes(self, now: float | None = None) -> list[str]:
        """User codes still waiting for a decision, oldest first (for the control plane)."""
        now = self._now(now)
        with self._lock:
            return [
                entry.user_code
                for entry in self._by_device_code.values()
                if now < entry.expires_at and entry.account_id is None and not entry.denied
            ]

    def reset(self) -> None:
        with self._lock:
            self._by_device_code.clear()
            self._by_user_code.clear()

    def _now(self, now: float | None) -> float:
        return self._clock() if now is None else now

    def _decidable(self, user_code: str, now: float) -> _Pending:
        # People type codes by hand: case, spaces and the hyphen do not matter.
        normal = "".join(user_code.split()).replace("-", "").upper()
        device_code = self._by_user_code.get(f"{normal[:4]}-{normal[4:]}")
        pending = self._by_device_code.get(device_code) if device_code is not None else None
        if pending is None or now >= pending.expires_at:
            raise UnknownUserCode(user_code)
        if pending.denied or pending.account_id is not None:
            raise CodeAlreadyDecided(pending.user_code)
        return pending

    def _new_user_code(self) -> str:
        while True:  # a clash among live codes is rare (~1e-6 at the cap): draw again
            letters: list[str] = []
            while len(letters) < 8:
                for byte in self._random_bytes(8):
                    # 240 = 12 * 20: dropping bytes above it keeps every letter equally likely.
                    if byte < 240 and len(letters) < 8:
                        letters.append(USER_CODE_ALPHABET[byte % 20])
            code = "".join(letters[:4]) + "-" + "".join(letters[4:])
            if code not in self._by_user_code:
                return code

    def _forget_expired(self, now: float) -> None:
        # An expired code is kept for one more lifetime, so a late poll still hears expired_token.
        stale = [
            code for code, entry in self._by_device_code.items() if now >= entry.expires_at + self.expires_in
        ]
        for device_code in stale:
            self._drop(device_code)

    def _drop(self, device_code: str) -> None:
        entry = self._by_device_code.pop(device_code)
        del self._by_user_code[entry.user_code]
