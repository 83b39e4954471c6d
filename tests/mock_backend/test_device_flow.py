"""The OAuth device flow: codes, polling at the interval, slow_down, expiry, approval and denial."""

import random
import re

import pytest

from offcloud_mock.backend.device_flow import (
    SLOW_DOWN_STEP,
    USER_CODE_ALPHABET,
    CodeAlreadyDecided,
    DeviceFlow,
    PollState,
    TokenGrant,
    TooManyPendingCodes,
    UnknownDeviceCode,
    UnknownUserCode,
)

ACCOUNT = "53f89e52822c8bf413000008"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def flow(clock: FakeClock) -> DeviceFlow:
    return DeviceFlow(clock, random_bytes=random.Random(3).randbytes, expires_in=600, interval=5)


def test_a_device_code_has_the_shape_clients_read(flow: DeviceFlow) -> None:
    issued = flow.issue()
    assert re.fullmatch(rf"[{USER_CODE_ALPHABET}]{{4}}-[{USER_CODE_ALPHABET}]{{4}}", issued.user_code)
    assert issued.verification_uri == "https://offcloud.com/activate"
    assert issued.verification_uri_complete == f"https://offcloud.com/activate?code={issued.user_code}"
    assert (issued.expires_in, issued.interval) == (600, 5)
    assert len(issued.device_code) >= 40
    assert issued.device_code not in repr(issued)


def test_codes_are_distinct_and_replayable_from_the_seed(clock: FakeClock) -> None:
    def codes(seed: int) -> list[tuple[str, str]]:
        flow = DeviceFlow(clock, random_bytes=random.Random(seed).randbytes)
        return [(issued.device_code, issued.user_code) for issued in (flow.issue() for _ in range(200))]

    first = codes(1)
    assert first == codes(1)
    assert first != codes(2)
    assert len({device for device, _ in first}) == len({user for _, user in first}) == 200


def test_pending_until_approved_then_a_token_once(flow: DeviceFlow, clock: FakeClock) -> None:
    issued = flow.issue()
    assert flow.poll(issued.device_code).state is PollState.PENDING
    assert flow.pending_user_codes() == [issued.user_code]
    clock.now += 5
    flow.approve(issued.user_code, ACCOUNT)
    assert flow.pending_user_codes() == []
    result = flow.poll(issued.device_code)
    assert result.state is PollState.TOKEN
    assert isinstance(result.grant, TokenGrant)
    assert result.grant.account_id == ACCOUNT
    assert result.grant.token_type == "Bearer"  # noqa: S105 - the OAuth token type
    assert len(result.grant.access_token) >= 32
    assert result.grant.access_token not in repr(result)
    clock.now += 5
    with pytest.raises(UnknownDeviceCode):  # spent
        flow.poll(issued.device_code)


def test_each_approval_gives_its_own_token(flow: DeviceFlow, clock: FakeClock) -> None:
    tokens = set()
    for _ in range(3):
        issued = flow.issue()
        flow.approve(issued.user_code, ACCOUNT)
        grant = flow.poll(issued.device_code).grant
        assert grant is not None
        tokens.add(grant.access_token)
    assert len(tokens) == 3


def test_polling_faster_than_the_interval_slows_down_and_the_interval_grows(
    flow: DeviceFlow, clock: FakeClock
) -> None:
    issued = flow.issue()
    assert flow.poll(issued.device_code).state is PollState.PENDING  # the first poll may come at once
    clock.now += 4.9
    slow = flow.poll(issued.device_code)
    assert (slow.state, slow.interval) == (PollState.SLOW_DOWN, 5 + SLOW_DOWN_STEP)
    clock.now += 5  # enough for the old interval, not for the new one
    assert flow.poll(issued.device_code).interval == 5 + 2 * SLOW_DOWN_STEP
    clock.now += 15
    steady = flow.poll(issued.device_code)
    assert (steady.state, steady.interval) == (PollState.PENDING, 15)
    flow.approve(issued.user_code, ACCOUNT)
    clock.now += 1  # too fast even once approved: slow_down first, the token on the next good poll
    assert flow.poll(issued.device_code).state is PollState.SLOW_DOWN
    clock.now += 20
    assert flow.poll(issued.device_code).state is PollState.TOKEN


def test_a_code_expires(flow: DeviceFlow, clock: FakeClock) -> None:
    issued = flow.issue()
    clock.now += 599.9
    assert flow.poll(issued.device_code).state is PollState.PENDING
    clock.now += 0.1
    assert flow.poll(issued.device_code).state is PollState.EXPIRED
    assert flow.poll(issued.device_code).state is PollState.EXPIRED  # expiry outranks slow_down
    with pytest.raises(UnknownUserCode):
        flow.approve(issued.user_code, ACCOUNT)
    assert flow.pending_user_codes() == []


def test_an_expired_code_is_forgotten_after_another_lifetime(flow: DeviceFlow, clock: FakeClock) -> None:
    old = flow.issue()
    clock.now += 1200
    flow.issue()  # issuing sweeps the long-expired codes
    with pytest.raises(UnknownDeviceCode):
        flow.poll(old.device_code)


def test_a_denied_code_answers_access_denied(flow: DeviceFlow, clock: FakeClock) -> None:
    issued = flow.issue()
    flow.deny(issued.user_code.lower())
    assert flow.poll(issued.device_code).state is PollState.DENIED
    clock.now += 5
    assert flow.poll(issued.device_code).state is PollState.DENIED
    with pytest.raises(CodeAlreadyDecided):
        flow.approve(issued.user_code, ACCOUNT)


def test_a_decision_cannot_be_changed(flow: DeviceFlow) -> None:
    issued = flow.issue()
    flow.approve(issued.user_code, ACCOUNT)
    with pytest.raises(CodeAlreadyDecided):
        flow.deny(issued.user_code)
    with pytest.raises(CodeAlreadyDecided):
        flow.approve(issued.user_code, "another")


@pytest.mark.parametrize("typed", ["{code}", "{lower}", "{plain}", " {spaced} "])
def test_user_codes_are_read_as_people_type_them(flow: DeviceFlow, typed: str) -> None:
    code = flow.issue().user_code
    flow.approve(
        typed.format(
            code=code, lower=code.lower(), plain=code.replace("-", ""), spaced=code.replace("-", " ")
        ),
        ACCOUNT,
    )
    assert flow.pending_user_codes() == []


@pytest.mark.parametrize("user_code", ["", "ZZZZ-ZZZZ", "x" * 10_000])
def test_unknown_user_codes_are_refused(flow: DeviceFlow, user_code: str) -> None:
    flow.issue()
    with pytest.raises(UnknownUserCode) as raised:
        flow.approve(user_code, ACCOUNT)
    assert len(str(raised.value)) < 100


def test_an_unknown_device_code_is_refused_without_echoing_it(flow: DeviceFlow) -> None:
    with pytest.raises(UnknownDeviceCode) as raised:
        flow.poll("secret-device-code")
    assert "secret" not in str(raised.value)


def test_explicit_times_override_the_clock(flow: DeviceFlow) -> None:
    issued = flow.issue(now=0.0)
    assert flow.poll(issued.device_code, now=599.0).state is PollState.PENDING
    assert flow.poll(issued.device_code, now=600.0).state is PollState.EXPIRED


def test_the_number_of_live_codes_is_capped(clock: FakeClock) -> None:
    flow = DeviceFlow(clock, random_bytes=random.Random(0).randbytes, max_live_codes=3)
    for _ in range(3):
        flow.issue()
    with pytest.raises(TooManyPendingCodes, match="3 device logins"):
        flow.issue()
    clock.now += 2 * flow.expires_in
    flow.issue()  # the expired ones made room


def test_reset_forgets_everything(flow: DeviceFlow) -> None:
    issued = flow.issue()
    flow.reset()
    with pytest.raises(UnknownDeviceCode):
        flow.poll(issued.device_code)


@pytest.mark.parametrize(("expires_in", "interval"), [(0, 5), (600, 0), (-1, 5)])
def test_timings_must_be_positive(clock: FakeClock, expires_in: int, interval: int) -> None:
    with pytest.raises(ValueError, match="positive"):
        DeviceFlow(clock, expires_in=expires_in, interval=interval)


def test_user_code_letters_are_drawn_evenly(clock: FakeClock) -> None:
    flow = DeviceFlow(clock, random_bytes=random.Random(5).randbytes)
    letters = "".join(flow.issue().user_code.replace("-", "") for _ in range(1000))
    counts = [letters.count(letter) for letter in USER_CODE_ALPHABET]
    # 400 expected for each of the 20 letters
    assert min(counts) > 300
    assert max(counts) < 500
