"""MockClock: mock time follows a (fake) monotonic clock times a speed, and never jumps."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offcloud_mock.backend.clock import MAX_ELAPSED, MAX_SPEED, MockClock, iso_millis
from offcloud_mock.backend.errors import BadRequest

START = datetime(2026, 1, 1, tzinfo=UTC)


class FakeMonotonic:
    """Real time that only moves when the test says so."""

    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def real() -> FakeMonotonic:
    return FakeMonotonic()


def test_runs_with_real_time_from_zero(real: FakeMonotonic) -> None:
    clock = MockClock(START, monotonic=real)
    assert clock.now() == 0
    real.value += 2.5
    assert clock.now() == 2.5
    assert clock.now_datetime() == START + timedelta(seconds=2.5)


def test_speed_multiplies_real_time(real: FakeMonotonic) -> None:
    clock = MockClock(START, speed=10, monotonic=real)
    real.value += 3
    assert clock.now() == 30


def test_freeze_stops_time_and_unfreeze_resumes_without_a_jump(real: FakeMonotonic) -> None:
    clock = MockClock(START, monotonic=real)
    real.value += 5
    clock.freeze()
    assert clock.frozen
    real.value += 100
    assert clock.now() == 5
    clock.unfreeze()
    assert not clock.frozen
    assert clock.now() == 5
    real.value += 1
    assert clock.now() == 6


def test_advance_works_frozen_and_running(real: FakeMonotonic) -> None:
    clock = MockClock(START, frozen=True, monotonic=real)
    clock.advance(7)
    assert clock.now() == 7
    clock.unfreeze()
    real.value += 1
    clock.advance(2)
    assert clock.now() == 10


def test_changing_speed_does_not_make_time_jump(real: FakeMonotonic) -> None:
    clock = MockClock(START, monotonic=real)
    real.value += 10
    clock.set_speed(5)
    assert clock.now() == 10
    assert clock.speed == 5
    real.value += 2
    assert clock.now() == 20
    clock.set_speed(0.5)
    assert clock.now() == 20
    real.value += 2
    assert clock.now() == 21


def test_state_reports_now_elapsed_speed_and_frozen(real: FakeMonotonic) -> None:
    clock = MockClock(START, speed=2, monotonic=real)
    real.value += 1.5
    assert clock.state() == {"now": "2026-01-01T00:00:03.000Z", "elapsed": 3.0, "speed": 2.0, "frozen": False}


def test_restart_goes_back_to_zero_and_keeps_speed_and_freezing(real: FakeMonotonic) -> None:
    clock = MockClock(START, speed=3, frozen=True, monotonic=real)
    clock.advance(50)
    later = START + timedelta(days=1)
    clock.restart(later)
    assert clock.now() == 0
    assert clock.start == later
    assert clock.frozen
    assert clock.speed == 3


@pytest.mark.parametrize("speed", [0, -1, float("nan"), float("inf")])
def test_refuses_a_speed_that_is_not_positive_and_finite(speed: float) -> None:
    with pytest.raises(BadRequest):
        MockClock(START, speed=speed)
    clock = MockClock(START)
    with pytest.raises(BadRequest):
        clock.set_speed(speed)


@pytest.mark.parametrize("seconds", [-0.1, float("nan"), float("inf")])
def test_refuses_to_go_backwards_or_to_infinity(seconds: float) -> None:
    with pytest.raises(BadRequest):
        MockClock(START).advance(seconds)


def test_refuses_a_naive_start() -> None:
    with pytest.raises(BadRequest, match="time zone"):
        MockClock(datetime(2026, 1, 1))


def test_start_in_another_zone_is_kept_as_utc() -> None:
    paris = timezone(timedelta(hours=1))
    clock = MockClock(datetime(2026, 1, 1, 1, 0, tzinfo=paris))
    assert clock.start == START


def test_iso_millis_is_utc_with_milliseconds_and_z() -> None:
    assert iso_millis(START + timedelta(seconds=3, microseconds=45_678)) == "2026-01-01T00:00:03.045Z"


_operations = st.lists(
    st.one_of(
        st.tuples(st.just("real"), st.floats(0, 100)),
        st.tuples(st.just("advance"), st.floats(0, 100)),
        st.tuples(st.just("speed"), st.floats(0.01, 100)),
        st.tuples(st.just("freeze"), st.just(0.0)),
        st.tuples(st.just("unfreeze"), st.just(0.0)),
    ),
    max_size=30,
)


@given(_operations)
def test_mock_time_never_goes_backwards(operations: list[tuple[str, float]]) -> None:
    real = FakeMonotonic()
    clock = MockClock(START, monotonic=real)
    previous = clock.now()
    for name, value in operations:
        if name == "real":
            real.value += value
        elif name == "advance":
            clock.advance(value)
        elif name == "speed":
            clock.set_speed(value)
        elif name == "freeze":
            clock.freeze()
        else:
            clock.unfreeze()
        now = clock.now()
        assert now >= previous
        previous = now


def test_time_stays_writable_as_a_date(real: FakeMonotonic) -> None:
    clock = MockClock(START, monotonic=real)
    clock.advance(MAX_ELAPSED - 10)
    with pytest.raises(BadRequest, match="at most"):
        clock.advance(11)
    assert clock.now() == MAX_ELAPSED - 10  # a refused advance changes nothing
    clock.now_datetime().isoformat()
    with pytest.raises(BadRequest, match="at most"):
        clock.set_speed(MAX_SPEED * 2)
    clock.set_speed(MAX_SPEED)
