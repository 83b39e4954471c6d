"""What the account endpoints report of an account, by the rules the scenario and the spec state.

From demo_scenario.yaml's comments, the README ("premium ends after its date; `limits.links` in stats
is what is left after the account's own downloads") and openapi.yaml (getAccountInfo, getAccountStats):

* premium: the account's `premium` flag until its `expiration_date` has passed: through the whole expiry
  day (mock time, UTC), false from the next day on; without a date it does not end;
* the expiry date is reported for a premium membership (the flag), ended or not, and absent (2026) or
  empty (legacy) without one: `YYYY-MM-DD` in 2026's `expiration_date`, `DD-MM-YYYY` in the legacy
  `expirationDate`;
* `can_download`: while premium, or while links are left: the `links` add-on, or fewer downloads held
  (added, not removed) than the link limit ("not premium, no expiry date: can_download while links are
  left");
* the legacy stats' `limits` are the scenario's (`links` defaulting to the link limit, the others to 0),
  `links` being what is left: the limit minus the downloads held, never below 0;
* `user_id`/`userId` is the scenario's, or, where the scenario leaves it out, the server's own: the
  caller learns it from the first answer and holds every later one to it.
"""

from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Protocol

from offcloud_contract.support.model.demo_data import LIMIT_NAMES, DemoAccount, DemoScenario

__all__ = ["AccountState", "account_info", "account_stats", "membership_end", "today"]


class AccountState(Protocol):
    """What the rules read of an account besides the scenario (reference_model.AccountModel is one)."""

    @property
    def addons(self) -> frozenset[str]: ...

    @property
    def link_limit(self) -> int | None: ...  # None: the scenario sets none

    @property
    def added(self) -> int: ...  # the downloads it holds: added, not removed


def today(scenario: DemoScenario, now: Fraction) -> date:
    """The mock's date (UTC) `now` seconds after the scenario's start."""
    return (scenario.start + timedelta(seconds=float(now))).date()


def membership_end(scenario: DemoScenario, account: DemoAccount) -> Fraction | None:
    """Mock seconds from the start to the first moment premium has ended (the day after the expiry date)."""
    if not account.premium or account.expiration_date is None:
        return None
    end = datetime.combine(
        account.expiration_date + timedelta(days=1), datetime.min.time(), scenario.start.tzinfo
    )
    return Fraction(int((end - scenario.start).total_seconds()))


def _is_premium(account: DemoAccount, day: date) -> bool:
    return account.premium and (account.expiration_date is None or day <= account.expiration_date)


def _can_download(account: DemoAccount, state: AccountState, day: date) -> bool:
    links_left = "links" in state.addons or state.link_limit is None or state.added < state.link_limit
    return _is_premium(account, day) or links_left


def account_info(
    account: DemoAccount, state: AccountState, day: date, user_id: str | None
) -> dict[str, object]:
    """Every field of getAccountInfo (2026); `user_id` None where it is not known yet (to be learned)."""
    answer: dict[str, object] = {
        "user_id": user_id,
        "email": account.email,
        "is_premium": _is_premium(account, day),
    }
    if account.premium and account.expiration_date is not None:
        answer["expiration_date"] = account.expiration_date.isoformat()
    answer["can_download"] = _can_download(account, state, day)
    return answer


def account_stats(
    account: DemoAccount, state: AccountState, day: date, user_id: str | None
) -> dict[str, object]:
    """Every field of getAccountStats (legacy); a limit None where the scenario does not say it."""
    expiry = account.expiration_date if account.premium else None
    limits: dict[str, object] = {}
    for name in LIMIT_NAMES:
        value = account.limits.get(name)
        limits[name] = max(0, value - state.added) if name == "links" and value is not None else value
    return {
        "userId": user_id,
        "email": account.email,
        "isPremium": _is_premium(account, day),
        "expirationDate": f"{expiry:%d-%m-%Y}" if expiry is not None else "",
        "limits": limits,
    }
