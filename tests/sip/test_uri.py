"""Dial targets and caller ids: pure string rules, no SIP stack."""

from __future__ import annotations

import pytest

from sip.uri import InvalidTarget, dial_uri, parse_remote


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1001", "sip:1001@pbx.example.com"),
        (" +38 (044) 123-45-67 ", "sip:+380441234567@pbx.example.com"),
        ("*97", "sip:*97@pbx.example.com"),
        ("tel:+380441234567", "sip:+380441234567@pbx.example.com"),
        ("tel:+1-555-0100;phone-context=example.com", "sip:+15550100@pbx.example.com"),
        ("sip:bob@example.org", "sip:bob@example.org"),
        ("sips:bob@example.org:5061;transport=tls", "sips:bob@example.org:5061;transport=tls"),
        ("sip:127.0.0.1:5070", "sip:127.0.0.1:5070"),
        ("bob", "sip:bob@pbx.example.com"),
        ("reception", "sip:reception@pbx.example.com"),
        ("bob@example.org", "sip:bob@example.org"),
        ("2001@127.0.0.1:5070", "sip:2001@127.0.0.1:5070"),
    ],
)
def test_dial_targets(typed: str, expected: str) -> None:
    assert dial_uri(typed, "pbx.example.com") == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "12ab",
        "bob smith",
        "bob@",
        "bob@host:99999",
        "sip:",
        "sip:bob@",
        "sip:bob@exa mple.org",
        "sip:bob@host:99999",
        "sip:<bob@x>",
        "tel:",
        "+",
        "mailto:bob@example.org",
    ],
)
def test_malformed_targets_are_refused(typed: str) -> None:
    with pytest.raises(InvalidTarget):
        dial_uri(typed, "pbx.example.com")


def test_a_number_needs_a_domain() -> None:
    with pytest.raises(InvalidTarget, match="no domain"):
        dial_uri("1001", None)
    with pytest.raises(InvalidTarget, match="no domain"):
        dial_uri("reception", None)


@pytest.mark.parametrize(
    ("header", "name", "number"),
    [
        ('"Far Phone" <sip:2001@127.0.0.1;transport=udp>;tag=x', "Far Phone", "2001"),
        ('"Иван \\"Ваня\\"" <sip:+380441234567@pbx>', 'Иван "Ваня"', "+380441234567"),
        ("Bob <sips:bob@example.org>", "Bob", "bob"),
        ("<sip:alice@127.0.0.1>", "", "alice"),
        ("sip:1001@pbx;user=phone", "", "1001"),
        ("<tel:+15550100>", "", "+15550100"),
        ("sip:pbx.example.com", "", ""),
    ],
)
def test_caller_name_and_number(header: str, name: str, number: str) -> None:
    assert parse_remote(header) == (name, number)
