"""What the operator typed or pasted into the dial field, made dialable.

Pure string work (no Qt): numbers in every common written form
("+380 (50) 123-45-67", "050.123.45.67", "00380501234567", "tel:+380501234567",
"callto://+380501234567") become "+380501234567"-style strings; sip:/sips: URIs
pass through, and so do SIP user names ("reception", "bob@pbx.example.com").
Letters in a number are refused with a reason instead of being dropped, so
"+7 916 CALL ME" is never dialled as "+7916".
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from sip.uri import InvalidTarget, dial_uri, is_user_at_host, is_user_name

# Separators people type or that come with a paste: spaces (also no-break and
# thin ones), dashes (also Unicode dashes), dots, brackets, slashes.
_SEPARATORS = re.compile(r"[\s\u00a0\u2009\u202f\-\u2010-\u2015().\/]")
_NUMBER = re.compile(r"^\+?[0-9*#]+$")
MAX_DIGITS = 20
LINK_SCHEMES = ("tel:", "callto:", "sip:", "sips:")


class DialProblem(enum.Enum):
    EMPTY = "empty"
    LETTERS = "letters"
    SYMBOLS = "symbols"
    TOO_LONG = "too_long"
    BAD_URI = "bad_uri"


@dataclass(frozen=True)
class DialTarget:
    target: str  # what the engine dials: "+380501234567", "*100#" or a SIP URI
    is_uri: bool = False


def parse_dial(text: str) -> DialTarget | DialProblem:
    raw = text.strip()
    if not raw:
        return DialProblem.EMPTY
    lowered = raw.lower()
    if lowered.startswith(("sip:", "sips:")):
        try:
            return DialTarget(dial_uri(raw, None), is_uri=True)
        except InvalidTarget:
            return DialProblem.BAD_URI
    if is_user_name(raw):
        return DialTarget(raw, is_uri=True)  # a SIP user at the account's domain
    if is_user_at_host(raw):
        try:
            return DialTarget(dial_uri(raw, None), is_uri=True)
        except InvalidTarget:
            return DialProblem.BAD_URI
    if lowered.startswith("callto:"):
        raw = raw[len("callto:") :].lstrip("/")
    elif lowered.startswith("tel:"):
        raw = raw[len("tel:") :].split(";", 1)[0]
    number = _SEPARATORS.sub("", raw)
    if any(ch.isalpha() for ch in number):
        return DialProblem.LETTERS
    if number.startswith("00"):
        number = "+" + number[2:]
    if not number or not _NUMBER.match(number) or not any(ch.isdigit() for ch in number):
        return DialProblem.SYMBOLS
    if sum(ch.isdigit() for ch in number) > MAX_DIGITS:
        return DialProblem.TOO_LONG
    return DialTarget(number)


def is_call_link(text: str) -> bool:
    """Whether a command-line argument is a link the app should dial."""
    return text.strip().lower().startswith(LINK_SCHEMES)
