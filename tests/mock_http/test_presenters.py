"""The era objects: which status each domain error gets in each era, the legacy number quirk, and the
other questions on which the eras differ (routes served, pages, requestIds, detailed explore, OAuth)."""

import pytest

from offcloud_mock.backend.errors import (
    BadArchive,
    BadRequest,
    DomainError,
    InvalidCredentials,
    NoAuth,
    NotAvailable,
    NotFound,
)
from offcloud_mock.eras import ERAS
from offcloud_mock.http.presenters import Era2026, LegacyEra, NotServed, Page, era_of
from offcloud_mock.settings import MockConfig
from offcloud_mock.spec import operations

ERRORS: list[tuple[DomainError, int]] = [
    (BadRequest("bad"), 400),
    (BadArchive(), 400),
    (NoAuth(), 401),
    (InvalidCredentials(), 401),
    (NotFound(), 404),
    (NotAvailable("links"), 200),  # a refusal, answered with 200 in every era
]


@pytest.mark.parametrize(("error", "modern_status"), ERRORS, ids=lambda value: type(value).__name__)
def test_each_era_gives_each_error_its_status_and_the_same_body(
    error: DomainError, modern_status: int
) -> None:
    modern, legacy = Era2026(), LegacyEra()
    assert modern.error_status(error) == modern_status
    assert legacy.error_status(error) == 200
    assert modern.error_body(error) == legacy.error_body(error)


def test_a_refusal_names_the_addon_and_an_error_its_message() -> None:
    assert Era2026().error_body(NotAvailable("video")) == {"not_available": "video"}
    assert Era2026().error_body(NotFound()) == {"error": "Request not found"}


def test_a_refined_error_answers_like_the_error_it_refines() -> None:
    class TooManyRemotes(BadRequest):
        pass

    assert Era2026().error_status(TooManyRemotes("full")) == 400
    assert Era2026().error_status(DomainError("unclassified")) == 500


def test_the_settings_choose_the_era_and_the_number_quirk() -> None:
    legacy = era_of(MockConfig(era="legacy", string_numbers=True))
    assert isinstance(legacy, LegacyEra)
    assert legacy.string_numbers is True
    assert isinstance(era_of(MockConfig()), Era2026)
    with pytest.raises(ValueError, match="era must be one of 2026, legacy"):
        MockConfig().changed(era="future")


def test_error_mode_is_a_deprecated_alias_of_era() -> None:
    with pytest.warns(DeprecationWarning, match="use era"):
        settings = MockConfig(error_mode="modern")
    assert (settings.era, settings.error_mode) == ("2026", None)
    with pytest.warns(DeprecationWarning, match="use era"):
        assert MockConfig(error_mode="legacy").era == "legacy"
    with (
        pytest.warns(DeprecationWarning, match="use era"),
        pytest.raises(ValueError, match="error_mode must be one of"),
    ):
        MockConfig(error_mode="future")
    assert MockConfig(era="legacy").changed(string_numbers=True).era == "legacy"


def test_every_era_of_the_list_has_its_object_one_per_settings() -> None:
    for name in ERAS:
        era = era_of(MockConfig(era=name))
        assert era.name == name
        assert era_of(MockConfig(era=name)) is era  # built once, not per request
        assert era_of(MockConfig(era=name, string_numbers=True)) is not era


def test_each_era_serves_the_operations_the_spec_gives_it() -> None:
    by_id = {operation.operation_id: operation for operation in operations()}
    modern, legacy = Era2026(), LegacyEra()
    assert (modern.serves(by_id["getAccountInfo"]), legacy.serves(by_id["getAccountInfo"])) == (True, False)
    assert (modern.serves(by_id["login"]), legacy.serves(by_id["login"])) == (False, True)
    assert (modern.serves(by_id["getCloudStatus"]), legacy.serves(by_id["getCloudStatus"])) == (True, True)


def test_each_era_has_its_pages_for_routes_it_lacks() -> None:
    modern, legacy = Era2026(), LegacyEra()
    assert legacy.not_found_page() == Page(404, "Page not found.")
    assert legacy.wrong_method_page(["GET"]) == legacy.not_found_page()  # no 405 in legacy
    assert modern.not_found_page().status == 404
    assert 'The server returned a "404 Not Found".' in modern.not_found_page().html
    wrong_method = modern.wrong_method_page(["POST", "GET"])
    assert (wrong_method.status, wrong_method.allow) == (405, ("GET", "POST"))
    assert modern.wrong_method_page([]) == modern.not_found_page()  # no method of the era: unknown path


def test_what_each_era_takes_and_how_it_refuses_oauth() -> None:
    modern, legacy = Era2026(), LegacyEra()
    assert (modern.takes_request_ids, legacy.takes_request_ids) == (False, True)
    assert (modern.serves_detailed_explore, legacy.serves_detailed_explore) == (True, False)
    assert modern.oauth_error_status("slow_down") == 400
    assert modern.oauth_error("slow_down", "wait") == {"error": "slow_down", "error_description": "wait"}


def test_an_era_asked_for_an_answer_it_does_not_give_says_so() -> None:
    # A bug of the mock if ever reached: the pipeline answers the era's 404 page first.
    with pytest.raises(NotServed, match="the legacy era does not serve the OAuth device login"):
        LegacyEra().oauth_error_status("slow_down")
    with pytest.raises(NotServed, match="the 2026 era does not serve login"):
        Era2026().login("a@b.example", "1")
