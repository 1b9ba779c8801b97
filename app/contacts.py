"""Contact values: normalise them so the same person is found however they were typed.

Phones become E.164 through ``phonenumbers`` with a configurable default region
(a Kyiv shop types "050 123 45 67", a Moscow one "8 (916) 123-45-67"); emails are
case-folded; messenger ids are kept as the platform gives them (they are opaque
and case matters in some).

``phonenumbers`` is imported by the functions that use it, not with this module:
the window imports this module before its first paint, and phonenumbers' import
(~20 ms) would hold that paint back (bench/README.md, "The window").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.enums import ContactKind
from app.messages import QT_TRANSLATE_NOOP, OperatorError

if TYPE_CHECKING:
    import phonenumbers


class InvalidContact(OperatorError, ValueError):
    """A contact value that can't be used; the message names the value and why."""


_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# What a person may type or paste around a number: spaces, dashes, dots, brackets,
# slashes, a leading + and an extension marker. Anything else (letters) is refused
# rather than silently dropped, so "+7 916 CALL ME" is not dialled as "+7916".
_PHONE_CHARS_RE = re.compile(r"^[\d\s\-().+/]+((ext\.?|доб\.?|x|#)\s*\d+)?$", re.IGNORECASE)


def supported_regions() -> list[str]:
    import phonenumbers

    return sorted(phonenumbers.SUPPORTED_REGIONS)


_REGION_SHAPE_RE = re.compile(r"^[A-Z]{2}$")
_UNKNOWN_REGION = QT_TRANSLATE_NOOP(
    "core", "Unknown phone region {region!r}: use a two-letter country code."
)


def region_shape(region: str) -> str:
    """``region`` upper-cased if it is shaped like a region code (two letters);
    InvalidContact if not. Needs no phonenumbers: the settings file is read
    before the window's first paint. check_region says whether it is known."""
    code = region.strip().upper() if isinstance(region, str) else ""
    if not _REGION_SHAPE_RE.match(code):
        raise InvalidContact(_UNKNOWN_REGION, region=region)
    return code


def check_region(region: str) -> str:
    """``region`` upper-cased if phonenumbers knows it; InvalidContact if not."""
    import phonenumbers

    code = region_shape(region)
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise InvalidContact(_UNKNOWN_REGION, region=region)
    return code


def _parse_problem(exc: phonenumbers.NumberParseException, value: str) -> InvalidContact:
    """phonenumbers' reason, in words the catalogue can translate."""
    from phonenumbers import NumberParseException as Problem

    if exc.error_type == Problem.INVALID_COUNTRY_CODE:
        template = QT_TRANSLATE_NOOP(
            "core", "{value!r} is not a phone number: the country code is missing or unknown."
        )
    elif exc.error_type in (Problem.TOO_SHORT_NSN, Problem.TOO_SHORT_AFTER_IDD):
        template = QT_TRANSLATE_NOOP("core", "{value!r} is not a phone number: it is too short.")
    elif exc.error_type == Problem.TOO_LONG:
        template = QT_TRANSLATE_NOOP("core", "{value!r} is not a phone number: it is too long.")
    else:
        template = QT_TRANSLATE_NOOP("core", "{value!r} is not a phone number.")
    return InvalidContact(template, value=value)


def normalize_phone(value: str, default_region: str) -> str:
    """E.164 ("+380501234567") or InvalidContact naming the value."""
    import phonenumbers

    raw = value.strip()
    if not raw:
        raise InvalidContact(QT_TRANSLATE_NOOP("core", "The phone number is empty."))
    if raw.lower().startswith("tel:"):
        raw = raw[4:]
    if raw.startswith("00"):  # international prefix typed the European way
        raw = "+" + raw[2:]
    if not _PHONE_CHARS_RE.match(raw):
        raise InvalidContact(
            QT_TRANSLATE_NOOP(
                "core", "{value!r} is not a phone number: it has letters or symbols."
            ),
            value=value,
        )
    try:
        # A number with its country code needs no region (so a bad region setting
        # only stands in the way of numbers typed the national way).
        region = None if raw.lstrip().startswith("+") else check_region(default_region)
        parsed = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise _parse_problem(exc, value) from exc
    if not phonenumbers.is_valid_number(parsed) and not raw.lstrip().startswith("+"):
        # Trunks often send international numbers without the "+" ("79161234567"
        # to a Kyiv shop): take that reading when it is the only valid one.
        try:
            international = phonenumbers.parse("+" + re.sub(r"\D", "", raw), None)
        except phonenumbers.NumberParseException:
            international = None
        if international is not None and phonenumbers.is_valid_number(international):
            parsed = international
    if not phonenumbers.is_possible_number(parsed):
        raise InvalidContact(
            QT_TRANSLATE_NOOP(
                "core", "{value!r} is not a possible phone number in region {region}."
            ),
            value=value,
            region=default_region,
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def phone_region(e164: str) -> str | None:
    """The region a normalised number belongs to (for time zones, display)."""
    import phonenumbers

    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(e164, None)) or None
    except phonenumbers.NumberParseException:
        return None


def format_phone(e164: str) -> str:
    """International format for display: "+380 50 123 4567"."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


DIAL_FORMATS = ("e164", "national", "digits")


def format_for_dialing(e164: str, style: str) -> str:
    """How the PBX wants a stored number dialled: "e164" (+380501234567),
    "national" (0501234567, what most UA/RU office PBXs route), or "digits"
    (380501234567, international without the plus)."""
    if style not in DIAL_FORMATS:
        raise InvalidContact(
            QT_TRANSLATE_NOOP("core", "Unknown dialling format {style!r}: one of {formats}."),
            style=style,
            formats=", ".join(DIAL_FORMATS),
        )
    if style == "e164" or not e164.startswith("+"):
        return e164
    if style == "digits":
        return e164[1:]
    import phonenumbers

    parsed = phonenumbers.parse(e164, None)
    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return "".join(ch for ch in national if ch.isdigit())


def number_for_dialing(typed: str, default_region: str, style: str) -> str:
    """A typed, pasted or stored number as the PBX wants it dialled, so a customer
    is dialled the same way from the dial field, the card and the callback queue:
    a valid phone number in the ``style`` of format_for_dialing; anything else
    (an extension such as 2001, a service code such as *100#, 112) as typed."""
    import phonenumbers

    try:
        e164 = normalize_phone(typed, default_region)
    except InvalidContact:
        return typed
    if not phonenumbers.is_valid_number(phonenumbers.parse(e164, None)):
        return typed
    return format_for_dialing(e164, style)


def normalize_email(value: str) -> str:
    email = value.strip()
    if email.lower().startswith("mailto:"):
        email = email[7:]
    if not _EMAIL_RE.match(email):
        raise InvalidContact(
            QT_TRANSLATE_NOOP("core", "{value!r} is not an email address."), value=value
        )
    return email.casefold()


def normalize_chat_id(value: str, kind: ContactKind) -> str:
    chat_id = value.strip()
    if not chat_id:
        raise InvalidContact(QT_TRANSLATE_NOOP("core", "The {kind} id is empty."), kind=kind.value)
    if any(ch.isspace() for ch in chat_id):
        raise InvalidContact(
            QT_TRANSLATE_NOOP("core", "{value!r} is not a {kind} id: it contains spaces."),
            value=value,
            kind=kind.value,
        )
    return chat_id


def normalize(kind: ContactKind | str, value: str, default_region: str) -> str:
    """The one entry point: the value as stored in ContactPoint.normalized."""
    kind = ContactKind(kind)
    if kind is ContactKind.PHONE:
        return normalize_phone(value, default_region)
    if kind is ContactKind.EMAIL:
        return normalize_email(value)
    if kind is ContactKind.WHATSAPP:
        # WhatsApp ids are phone numbers without "+" (wa_id): store as E.164 so a
        # WhatsApp message and a call from the same number meet on one customer.
        return normalize_phone(
            value if value.strip().startswith("+") else "+" + value.strip(), default_region
        )
    return normalize_chat_id(value, kind)
