"""The 2026 OAuth device login of one device code, by the rules openapi.yaml, the README and RFC 8628 state.

* requestDeviceCode answers the codes with the scenario's `device_flow` timings (`expires_in`,
  `interval`), `verification_uri` `https://offcloud.com/activate` and `verification_uri_complete` that
  URI with `?code=<user_code>`; user codes look like `ABCD-EFGH` (the spec's choice).
* A code lives `expires_in` seconds from its issue, whatever happens meanwhile: from then on every poll
  answers `expired_token` ("The device code has expired."), decided or not.
* Polled again less than `interval` seconds after the previous poll (whatever that one answered):
  `slow_down`, and the interval grows by 5 s for every later poll (RFC 8628 section 3.5; the README:
  "polled faster than the interval, which then grows by 5 s"). The first poll may come at once.
* Then the user's decision: none yet, `authorization_pending`; denied, `access_denied` ("The user
  denied the request.") on this poll and every later one; approved, the token, once: the code is then
  spent, and a spent code is answered like an unknown one, `expired_token` (the spec's choice).
* Every refusal is HTTP 400; the token is `{access_token, token_type: Bearer}`, and the access token
  then acts as the approving account's API key, as a Bearer token and as `?key=`.
"""

from dataclasses import dataclass
from fractions import Fraction

from offcloud_contract.support.model.demo_data import DeviceTiming

__all__ = [
    "DENIED",
    "EXPIRED",
    "SLOW_DOWN_STEP",
    "USER_CODE",
    "VERIFICATION_URI",
    "DeviceLogin",
    "code_answer",
]

VERIFICATION_URI = "https://offcloud.com/activate"
USER_CODE = r"\A[A-Z]{4}-[A-Z]{4}\Z"
SLOW_DOWN_STEP = 5
EXPIRED = {"error": "expired_token", "error_description": "The device code has expired."}
DENIED = {"error": "access_denied", "error_description": "The user denied the request."}


def code_answer(timing: DeviceTiming, user_code: str) -> dict[str, object]:
    """Every field of requestDeviceCode's answer but `device_code` (any non-empty text)."""
    return {
        "user_code": user_code,
        "verification_uri": VERIFICATION_URI,
        "verification_uri_complete": f"{VERIFICATION_URI}?code={user_code}",
        "expires_in": timing.expires_in,
        "interval": timing.interval,
    }


@dataclass(slots=True)
class DeviceLogin:
    """One device code, from its issue on (mock seconds since the reset)."""

    issued_at: Fraction
    expires_in: int
    interval: int  # grows by SLOW_DOWN_STEP on each slow_down
    last_poll: Fraction | None = None
    decision: str | None = None  # "approved" | "denied"
    spent: bool = False  # its token was given

    @classmethod
    def issued(cls, timing: DeviceTiming, now: Fraction) -> "DeviceLogin":
        return cls(now, timing.expires_in, timing.interval)

    @property
    def expires_at(self) -> Fraction:
        return self.issued_at + self.expires_in

    def decidable(self, now: Fraction) -> bool:
        """Whether the user can still approve or deny it (the activation page knows it)."""
        return not self.spent and self.decision is None and now < self.expires_at

    def poll(self, now: Fraction) -> dict[str, str] | None:
        """The answer to polling for the token at `now`, the login moved along: the OAuth error's body, or
        None for the token (whose fields the caller checks)."""
        if self.spent or now >= self.expires_at:
            return dict(EXPIRED)
        previous, self.last_poll = self.last_poll, now
        if previous is not None and now - previous < self.interval:
            self.interval += SLOW_DOWN_STEP
            return {"error": "slow_down"}
        if self.decision == "denied":
            return dict(DENIED)
        if self.decision is None:
            return {"error": "authorization_pending"}
        self.spent = True
        return None
