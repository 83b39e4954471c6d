"""The presenters: which status each domain error gets in each era, and the legacy number quirk."""

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
from offcloud_mock.http.presenters import Era2026Presenter, LegacyPresenter, presenter_for
from offcloud_mock.settings import MockConfig

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
    modern, legacy = Era2026Presenter(), LegacyPresenter()
    assert modern.error_status(error) == modern_status
    assert legacy.error_status(error) == 200
    assert modern.error_body(error) == legacy.error_body(error)


def test_a_refusal_names_the_addon_and_an_error_its_message() -> None:
    assert Era2026Presenter().error_body(NotAvailable("video")) == {"not_available": "video"}
    assert Era2026Presenter().error_body(NotFound()) == {"error": "Request not found"}


def test_a_refined_error_answers_like_the_error_it_refines() -> None:
    class TooManyRemotes(BadRequest):
        pass

    assert Era2026Presenter().error_status(TooManyRemotes("full")) == 400
    assert Era2026Presenter().error_status(DomainError("unclassified")) == 500


def test_the_settings_choose_the_era_and_the_number_quirk() -> None:
    legacy = presenter_for(MockConfig(era="legacy", string_numbers=True))
    assert isinstance(legacy, LegacyPresenter)
    assert legacy.string_numbers is True
    assert isinstance(presenter_for(MockConfig()), Era2026Presenter)
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
