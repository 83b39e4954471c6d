"""The whole mock: keys and sessions, login, determinism from the seed, reset."""

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offcloud_mock.backend import MockBackend
from offcloud_mock.backend.clock import MockClock
from offcloud_mock.backend.errors import BadRequest, InvalidCredentials, NoAuth, NotFound
from offcloud_mock.backend.scenario import Scenario, parse_scenario

from .world import (
    ALICE_EMAIL,
    ALICE_KEY,
    ALICE_PASSWORD,
    ALICE_REMOTE,
    BOB_KEY,
    CACHED_PACK_HASH,
    FAILS_ONCE_URL,
    FOLDER_URL,
    SINGLE_URL,
    WIRE,
    magnet,
    world_data,
)


def play(backend: MockBackend) -> list[object]:
    """A fixed sequence of calls; every answer, for comparison between backends."""
    alice = backend.account_for_key(ALICE_KEY)
    single = WIRE.added(alice.add_cloud(SINGLE_URL))
    instant = WIRE.added(alice.add_instant("https://elsewhere.example.org/some/file.iso"))
    remote = WIRE.added(alice.add_remote(magnet(CACHED_PACK_HASH), ALICE_REMOTE))
    session_id, account = backend.login(ALICE_EMAIL, ALICE_PASSWORD)
    login = (session_id, account.user_id)
    folder = WIRE.added(alice.add_cloud(FOLDER_URL))
    backend.clock.advance(9)
    statuses = [WIRE.status(alice.cloud_status(str(answer["requestId"]))) for answer in (single, folder)]
    return [single, instant, remote, login, folder, *statuses]


def fresh(seed: int | None = None, scenario: Scenario | None = None) -> MockBackend:
    scenario = scenario or parse_scenario(world_data())
    return MockBackend(scenario, seed=seed, clock=MockClock(scenario.start, frozen=True))


def test_same_seed_and_calls_give_identical_answers() -> None:
    assert play(fresh(seed=3)) == play(fresh(seed=3))


def test_another_seed_gives_other_ids() -> None:
    assert play(fresh(seed=3)) != play(fresh(seed=4))


def test_reset_gives_the_same_ids_again_and_forgets_everything(backend: MockBackend) -> None:
    first = play(backend)
    backend.faults.add("cloud_status", status=500)
    backend.journal.record("cloud_status", ALICE_EMAIL, {}, 200)
    session_id, _ = backend.login(ALICE_EMAIL, ALICE_PASSWORD)
    backend.reset()
    assert backend.clock.now() == 0
    assert backend.download_count() == 0
    assert backend.faults.list() == []
    assert backend.journal.entries() == []
    assert not backend.is_logged_in(session_id)
    assert play(backend) == first


def test_reset_with_a_new_seed_or_scenario(backend: MockBackend) -> None:
    first = play(backend)
    backend.reset(seed=99)
    assert backend.seed == 99
    assert play(backend) != first
    smaller = replace(backend.scenario, accounts=backend.scenario.accounts[:1])
    backend.reset(scenario=smaller)
    assert [account.email for account in backend.accounts()] == [ALICE_EMAIL]
    assert backend.seed == 99  # an explicit seed outlives a change of scenario


def test_seed_comes_from_the_constructor_then_the_scenario_then_zero() -> None:
    data = world_data()
    data["seed"] = 42
    assert fresh(scenario=parse_scenario(data)).seed == 42
    assert fresh(seed=5, scenario=parse_scenario(data)).seed == 5
    assert fresh().seed == 0
    assert play(fresh(scenario=parse_scenario(data))) == play(fresh(seed=42))


@given(st.lists(st.sampled_from(["cloud", "instant", "remote", "login", "advance"]), max_size=15))
def test_any_sequence_of_calls_is_reproducible(calls: list[str]) -> None:
    def run() -> list[object]:
        backend = fresh(seed=11)
        alice = backend.account_for_key(ALICE_KEY)
        answers: list[object] = []
        for number, call in enumerate(calls):
            url = f"https://files.test.example/{number % 4}.bin"
            if call == "cloud":
                answers.append(WIRE.added(alice.add_cloud(url)))
            elif call == "instant":
                answers.append(WIRE.added(alice.add_instant(url)))
            elif call == "remote":
                answers.append(WIRE.added(alice.add_remote(url, ALICE_REMOTE)))
            elif call == "login":
                answers.append(backend.login(ALICE_EMAIL, ALICE_PASSWORD)[0])
            else:
                backend.clock.advance(4)
        return answers

    assert run() == run()


def test_account_for_key(backend: MockBackend) -> None:
    assert backend.account_for_key(ALICE_KEY).email == ALICE_EMAIL
    for key in (None, "", "wrong-key", ALICE_KEY.upper()):
        with pytest.raises(NoAuth) as refused:
            backend.account_for_key(key)
        assert WIRE.error_body(refused.value) == {"error": "NOAUTH"}
        assert WIRE.error_status(refused.value) == 401


def test_accounts_in_scenario_order(backend: MockBackend) -> None:
    assert [account.api_key for account in backend.accounts()] == [ALICE_KEY, BOB_KEY]
    alice = backend.accounts()[0]
    assert alice.addons == frozenset({"premium", "links", "proxy", "cloud", "video"})
    assert len(alice.user_id) == 24


def test_login_opens_a_session(backend: MockBackend) -> None:
    session_id, account = backend.login(ALICE_EMAIL.upper(), ALICE_PASSWORD)
    assert account is backend.account_for_key(ALICE_KEY)
    assert len(session_id) == 32
    assert int(session_id, 16) >= 0
    assert backend.is_logged_in(session_id)
    assert backend.account_for_session(session_id) is account
    another, _ = backend.login(ALICE_EMAIL, ALICE_PASSWORD)
    assert another != session_id
    assert backend.is_logged_in(session_id)


@pytest.mark.parametrize(
    "username", ["", "alice", "alice@", "@test.example", "alice@test", "a b@test.example"]
)
def test_login_refuses_what_is_not_an_email(backend: MockBackend, username: str) -> None:
    with pytest.raises(BadRequest) as refused:
        backend.login(username, ALICE_PASSWORD)
    assert WIRE.error_body(refused.value) == {"error": "Please enter a valid email address."}


@pytest.mark.parametrize(
    ("username", "password"),
    [(ALICE_EMAIL, "wrong"), (ALICE_EMAIL, ""), ("nobody@test.example", ALICE_PASSWORD)],
)
def test_login_refuses_wrong_credentials(backend: MockBackend, username: str, password: str) -> None:
    with pytest.raises(InvalidCredentials) as refused:
        backend.login(username, password)
    assert WIRE.error_body(refused.value) == {"error": "The credentials entered are wrong."}
    assert WIRE.error_status(refused.value) == 401


@pytest.mark.parametrize("session_id", [None, "", "0" * 32])
def test_unknown_sessions_are_not_logged_in(backend: MockBackend, session_id: str | None) -> None:
    assert not backend.is_logged_in(session_id)
    with pytest.raises(NoAuth):
        backend.account_for_session(session_id)


def test_find_download_sees_every_account_and_nothing_else(backend: MockBackend) -> None:
    bob_id = str(backend.account_for_key(BOB_KEY).add_instant(FAILS_ONCE_URL).request_id)
    assert backend.find_download(bob_id).original_link == FAILS_ONCE_URL
    with pytest.raises(NotFound):
        backend.find_download("f" * 24)
    with pytest.raises(NotFound):
        backend.force_status("f" * 24, "error")


def test_journal_uses_the_mock_clock(backend: MockBackend) -> None:
    backend.clock.advance(61.5)
    backend.journal.record("proxy_list", ALICE_EMAIL, {}, 200)
    assert backend.journal.entries()[0]["time"] == "2026-01-01T00:01:01.500Z"
