"""Dial field parsing: every common way a number is written, and refusals."""

from __future__ import annotations

import pytest

from ui.calls.dial_input import DialProblem, DialTarget, is_call_link, parse_dial


@pytest.mark.parametrize(
    "typed",
    [
        "+380 (50) 123-45-67",
        "+380.50.123.45.67",
        "00380501234567",
        "tel:+380501234567",
        "tel:+380-50-123-45-67;phone-context=example.com",
        "callto:+380501234567",
        "callto://+380501234567",
        "+380\u00a050\u00a0123\u201245\u201267",
        "  +380501234567  ",
    ],
)
def test_numbers_in_common_forms(typed: str) -> None:
    assert parse_dial(typed) == DialTarget("+380501234567")


def test_local_numbers_and_service_codes_pass_as_typed() -> None:
    assert parse_dial("050 123 45 67") == DialTarget("0501234567")
    assert parse_dial("*100#") == DialTarget("*100#")
    assert parse_dial("1001") == DialTarget("1001")


def test_sip_uri_passes_through() -> None:
    assert parse_dial("sip:alice@pbx.example.com") == DialTarget(
        "sip:alice@pbx.example.com", is_uri=True
    )
    assert parse_dial("sip:bad uri@") is DialProblem.BAD_URI


@pytest.mark.parametrize(
    ("typed", "target"),
    [
        ("reception", DialTarget("reception", is_uri=True)),
        (" bob ", DialTarget("bob", is_uri=True)),
        ("sales.kyiv", DialTarget("sales.kyiv", is_uri=True)),
        ("bob@pbx.example.com", DialTarget("sip:bob@pbx.example.com", is_uri=True)),
        ("2001@10.0.0.5:5070", DialTarget("sip:2001@10.0.0.5:5070", is_uri=True)),
    ],
)
def test_a_sip_user_name_is_dialled_like_a_number(typed: str, target: DialTarget) -> None:
    assert parse_dial(typed) == target


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", DialProblem.EMPTY),
        ("   ", DialProblem.EMPTY),
        ("+7 916 CALL ME", DialProblem.LETTERS),
        ("ольга", DialProblem.LETTERS),
        ("1-800-FLOWERS", DialProblem.LETTERS),
        ("bob@exa mple.org", DialProblem.LETTERS),
        ("bob@host:99999", DialProblem.BAD_URI),
        ("+380!501", DialProblem.SYMBOLS),
        ("---", DialProblem.SYMBOLS),
        ("1" * 21, DialProblem.TOO_LONG),
    ],
)
def test_refusals(typed: str, problem: DialProblem) -> None:
    assert parse_dial(typed) is problem


def test_call_links() -> None:
    assert is_call_link("tel:+380501234567")
    assert is_call_link("SIP:alice@example.com")
    assert is_call_link("callto:+1")
    assert not is_call_link("--help")
