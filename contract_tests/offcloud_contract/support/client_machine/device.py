"""The client-vs-mock machine's device login (2026 OAuth device flow): a drawn plan of polls, waits and the
user's decision (played through the mock's controls), every answer held to the model (device_login):
the codes, `authorization_pending`, `slow_down` and the interval's growth, `access_denied` for good,
`expired_token` at the code's end and for a spent code, and the token acting as the approving account."""

import re
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule
from offcloud_client.api.account import get_account_info
from offcloud_client.api.oauth import request_device_code, request_device_token
from offcloud_client.models import (
    AccountInfo,
    DeviceCode,
    DeviceCodeForm,
    DeviceToken,
    DeviceTokenForm,
    OAuthError,
)

from offcloud_contract.support.client_machine.base import ClientMachineBase
from offcloud_contract.support.client_machine.calls import ACCOUNTS, SCENARIO, call, parsed
from offcloud_contract.support.model.answer_fields import fields_problem
from offcloud_contract.support.model.device_login import USER_CODE, DeviceLogin, code_answer

__all__ = ["APPROVED_TOUR", "DENIED_TOUR", "DeviceRules", "Step"]

# A step of a plan: ("poll", wait) or the user's ("approve",) / ("deny",).
Step = tuple[str, ...]
_WAITS = (
    "at once",
    "under the interval",
    "the interval",
    "the first interval",
    "before the expiry",
    "at the expiry",
)
_STEPS = st.sampled_from([("poll", wait) for wait in _WAITS]) | st.sampled_from([("approve",), ("deny",)])
# Every rule of the flow in two logins (the final phase's): polled at once (pending), again at once
# (slow_down), after the first interval, which has grown (slow_down again), after the grown one
# (pending); denied, twice, then expired; and approved, the token, then spent.
DENIED_TOUR: tuple[Step, ...] = (
    ("poll", "at once"),
    ("poll", "at once"),
    ("poll", "the first interval"),
    ("poll", "the interval"),
    ("deny",),
    ("poll", "the interval"),
    ("poll", "the interval"),
    ("poll", "at the expiry"),
)
APPROVED_TOUR: tuple[Step, ...] = (("approve",), ("poll", "at once"))


class DeviceRules(ClientMachineBase):
    @precondition(lambda self: not self.legacy and self.device_logins < 2)
    @rule(who=st.sampled_from(ACCOUNTS), plan=st.lists(_STEPS, max_size=8))
    def log_in_with_a_device(self, who: str, plan: list[Step]) -> None:
        self.device_login(who, tuple(plan))

    def device_login(self, who: str, plan: tuple[Step, ...]) -> None:
        """Ask for codes, follow the plan, then poll once more after the interval; a token given is used as
        a Bearer token and as `?key=`, and the spent code polled again."""
        self.device_logins += 1
        anonymous = self.target.client("", on_response=self._on_response)
        try:
            what = "requestDeviceCode"
            response = call(what, request_device_code.sync_detailed, client=anonymous, body=DeviceCodeForm())
            code = parsed(what, response, DeviceCode)
            answered = code.to_dict()
            assert isinstance(answered.pop("device_code"), str), f"{what}: no device_code"
            assert code.device_code, f"{what}: an empty device_code"
            assert re.match(USER_CODE, code.user_code), f"{what}: user_code {code.user_code!r}"
            problem = fields_problem(code_answer(SCENARIO.device, code.user_code), answered)
            assert problem is None, f"{what}: {problem}"
            login = DeviceLogin.issued(SCENARIO.device, self.model.now)
            for step in (*plan, ("poll", "the interval")):
                token = self._step(who, login, code, step, anonymous)
                if token is not None:
                    self._use(who, token)
                    self._poll(login, code, anonymous, "again, spent")
                    return
        finally:
            anonymous.get_httpx_client().close()

    def _step(self, who: str, login: DeviceLogin, code: DeviceCode, step: Step, client: Any) -> str | None:
        if step[0] in ("approve", "deny"):
            if login.decidable(self.model.now):
                if step[0] == "approve":
                    self.controls.approve_device(code.user_code, SCENARIO.account(self.keys[who]).email)
                else:
                    self.controls.deny_device(code.user_code)
                login.decision = "approved" if step[0] == "approve" else "denied"
            return None
        wait = self._wait(login, step[1])
        if wait > 0:
            self.move_clock(wait)
        return self._poll(login, code, client, step[1])

    def _wait(self, login: DeviceLogin, wait: str) -> Fraction:
        since = self.model.now - (login.last_poll if login.last_poll is not None else login.issued_at)
        until_expiry = login.expires_at - self.model.now
        seconds = {
            "at once": Fraction(0),
            "under the interval": login.interval - 1 - since,
            "the interval": login.interval - since,
            "the first interval": SCENARIO.device.interval - since,
            "before the expiry": until_expiry - 1,
            "at the expiry": until_expiry,
        }[wait]
        return max(seconds, Fraction(0))

    def _poll(self, login: DeviceLogin, code: DeviceCode, client: Any, how: str) -> str | None:
        """Poll once; the token, if the answer is one (as the model predicts)."""
        what = (
            f"requestDeviceToken ({how}; {float(self.model.now - login.issued_at):g} s after the code, "
            f"interval {login.interval} s, last poll "
            f"{'none' if login.last_poll is None else f'{float(self.model.now - login.last_poll):g} s ago'}, "
            f"decision {login.decision or 'none'}{', spent' if login.spent else ''})"
        )
        predicted = login.poll(self.model.now)
        body = DeviceTokenForm(
            grant_type="urn:ietf:params:oauth:grant-type:device_code", device_code=code.device_code
        )
        response = call(what, request_device_token.sync_detailed, client=client, body=body)
        answer = parsed(what, response, DeviceToken, OAuthError)
        if predicted is None:
            assert isinstance(answer, DeviceToken), (
                f"{what}: the model expects the token, answered {answer.to_dict()}"
            )
            assert answer.token_type == "Bearer", f"{what}: token_type {answer.token_type!r}"  # noqa: S105
            assert answer.access_token, f"{what}: an empty access_token"
            return answer.access_token
        # The token is a secret (it acts as the API key): a failure says only that one came.
        assert isinstance(answer, OAuthError), f"{what}: answered a token, the model expects {predicted}"
        assert response.status_code == 400, f"{what}: HTTP {response.status_code}, every refusal is a 400"
        answered = answer.to_dict()
        assert answered == predicted, f"{what}: answered {answered}, the model expects {predicted}"
        return None

    def _use(self, who: str, token: str) -> None:
        """The token acts as the approving account's API key: as a Bearer token and as `?key=`."""
        email = SCENARIO.account(self.keys[who]).email
        bearer = self.target.client(token, on_response=self._on_response)
        try:
            what = "getAccountInfo with the device token"
            info = parsed(what, call(what, get_account_info.sync_detailed, client=bearer), AccountInfo)
            assert info.email == email, f"{what}: {info.email!r}, not the approving {email!r}"
        finally:
            bearer.get_httpx_client().close()
        answer = self.target.http().get("/api/account/info", params={"key": token})
        what = "getAccountInfo with ?key=<the device token>"
        assert answer.status_code == 200, f"{what}: HTTP {answer.status_code} {answer.text[:200]}"
        assert answer.json().get("email") == email, f"{what}: not the approving account {email!r}"
