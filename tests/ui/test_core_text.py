"""The core's messages reach the operator in the window's language (ui/common/core_text.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app.contacts import InvalidContact, normalize_phone
from app.customers import DuplicateContact
from ui.common.core_text import error_text
from ui.shell.i18n import Translations


@pytest.fixture
def translations() -> Iterator[Translations]:
    installed = Translations()
    yield installed
    installed.install("en")  # the rest of the suite reads English


def letters_error() -> InvalidContact:
    with pytest.raises(InvalidContact) as caught:
        normalize_phone("+7 916 CALL ME", "UA")
    return caught.value


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "'+7 916 CALL ME' — не номер телефона: в нём есть буквы или символы."),
        ("uk", "'+7 916 CALL ME' — не номер телефону: у ньому є літери або символи."),
        ("en", "'+7 916 CALL ME' is not a phone number: it has letters or symbols."),
    ],
)
def test_a_core_refusal_is_shown_in_the_chosen_language(
    qapp: object, translations: Translations, language: str, expected: str
) -> None:
    translations.install(language)
    assert error_text(letters_error()) == expected


@pytest.mark.parametrize(
    ("language", "kind"), [("uk", "(телефон)"), ("ru", "(телефон)"), ("en", "The phone +380")]
)
def test_the_contact_kind_inside_a_core_message_is_in_the_chosen_language(
    qapp: object, translations: Translations, language: str, kind: str
) -> None:
    translations.install(language)
    text = error_text(DuplicateContact("phone", "+380501234567", 1, "Olena Kovalenko"))
    assert kind in text and "Olena Kovalenko" in text
    if language != "en":
        assert "phone" not in text


class FieldLosingTranslator(QTranslator):
    """A catalogue whose translation misspells the template's field."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if context == "core":
            return "{valeur!r} n'est pas un numéro."
        return ""


def test_a_translation_that_lost_its_field_falls_back_to_english(qapp: object) -> None:
    translator = FieldLosingTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        text = error_text(letters_error())
    finally:
        QCoreApplication.removeTranslator(translator)
    assert text == "'+7 916 CALL ME' is not a phone number: it has letters or symbols."


def test_other_errors_are_shown_as_they_come(qapp: object) -> None:
    full = OSError(28, "No space left on device")
    assert error_text(full) == "[Errno 28] No space left on device"
    assert error_text(KeyError()) == "KeyError"
