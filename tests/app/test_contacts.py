"""Normalisation: the same person is found however the number was typed."""

import pytest

from app.contacts import (
    InvalidContact,
    format_phone,
    normalize,
    normalize_email,
    normalize_phone,
    number_for_dialing,
    phone_region,
)


@pytest.mark.parametrize(
    ("typed", "region", "e164"),
    [
        ("050 123 45 67", "UA", "+380501234567"),
        ("(050) 123-45-67", "UA", "+380501234567"),
        ("+38 050 123 45 67", "RU", "+380501234567"),
        ("00380501234567", "DE", "+380501234567"),
        ("8 (916) 123-45-67", "RU", "+79161234567"),
        ("+7 916 123 45 67", "UA", "+79161234567"),
        ("tel:+79161234567", "UA", "+79161234567"),
        ("8 701 123 45 67", "KZ", "+77011234567"),
        ("029 123-45-67", "BY", "+375291234567"),
        # international numbers from a trunk, without the "+"
        ("79161234567", "UA", "+79161234567"),
        ("380501234567", "RU", "+380501234567"),
        ("380501234567", "UA", "+380501234567"),
    ],
)
def test_phone_numbers_become_e164(typed: str, region: str, e164: str) -> None:
    assert normalize_phone(typed, region) == e164


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("+7 916 CALL ME", "letters"),
        ("12", "not a possible"),
        ("abc", "letters"),
        ("+999 123", "phone number"),
    ],
)
def test_bad_phone_numbers_are_refused_with_the_value_named(typed: str, reason: str) -> None:
    with pytest.raises(InvalidContact, match=reason):
        normalize_phone(typed, "UA")


def test_unknown_region_is_a_clear_error() -> None:
    with pytest.raises(InvalidContact, match="Unknown phone region 'XX'"):
        normalize_phone("0501234567", "XX")


def test_email_is_case_folded_and_checked() -> None:
    assert normalize_email("  Olga.P@Shop.UA ") == "olga.p@shop.ua"
    assert normalize_email("mailto:A@b.com") == "a@b.com"
    with pytest.raises(InvalidContact, match="not an email"):
        normalize_email("olga at shop")


def test_messenger_ids_are_kept_as_given() -> None:
    assert normalize("telegram", " 123456789 ", "UA") == "123456789"
    assert normalize("viber", "AbC+dEf==", "UA") == "AbC+dEf=="
    with pytest.raises(InvalidContact, match="contains spaces"):
        normalize("telegram", "12 34", "UA")


def test_whatsapp_ids_meet_phone_numbers() -> None:
    # wa_id has no "+"; it must match the same customer as a call from that number.
    assert normalize("whatsapp", "380501234567", "UA") == normalize("phone", "0501234567", "UA")


def test_region_and_display_format() -> None:
    assert phone_region("+380501234567") == "UA"
    assert phone_region("+79161234567") == "RU"
    assert format_phone("+380501234567") == "+380 50 123 4567"


def test_dialling_formats() -> None:
    from app.contacts import format_for_dialing

    assert format_for_dialing("+380501234567", "e164") == "+380501234567"
    assert format_for_dialing("+380501234567", "national") == "0501234567"
    assert format_for_dialing("+79161234567", "national") == "89161234567"
    assert format_for_dialing("+79161234567", "digits") == "79161234567"
    assert format_for_dialing("2001", "national") == "2001"  # an extension stays as it is
    with pytest.raises(InvalidContact, match="Unknown dialling format"):
        format_for_dialing("+380501234567", "pulse")


@pytest.mark.parametrize(
    ("typed", "style", "dialled"),
    [
        ("050 123 45 67", "e164", "+380501234567"),
        ("+380 (50) 123-45-67", "national", "0501234567"),
        ("0501234567", "digits", "380501234567"),
        ("+7 916 123-45-67", "national", "89161234567"),
        ("2001", "national", "2001"),  # an extension stays as typed
        ("*100#", "e164", "*100#"),  # a service code too
        ("112", "e164", "112"),
        ("+380 12", "e164", "+380 12"),  # not a valid number: the PBX decides
    ],
)
def test_numbers_are_dialled_in_the_pbx_format(typed: str, style: str, dialled: str) -> None:
    assert number_for_dialing(typed, "UA", style) == dialled
