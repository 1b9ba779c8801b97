"""Turning what the operator typed into a SIP URI, and a caller's URI into a number.

Pure string work, no pjsua2: the engine still asks pjsip to verify the result
(``Endpoint.utilVerifySipUri``), but the cheap checks here give a readable error
for the usual typos before a request is ever built.
"""

from __future__ import annotations

import re

# What people paste as a phone number: digits with separators, an optional
# leading +, and * / # for service codes.
_NUMBER_SEPARATORS = re.compile(r"[\s\-().]")
_NUMBER = re.compile(r"^\+?[0-9*#]+$")
# user@host[:port][;params]: deliberately strict about the host, lenient about params.
_SIP_URI = re.compile(
    r"^(?P<scheme>sips?):"
    r"(?:(?P<user>[^@\s<>\"]+)@)?"
    r"(?P<host>[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])"
    r"(?::(?P<port>[0-9]{1,5}))?"
    r"(?P<params>;[^\s<>\"]*)?$"
)
_NAME_ADDR = re.compile(
    r'^\s*(?:"(?P<quoted>(?:[^"\\]|\\.)*)"|(?P<token>[^<"]*?))\s*<(?P<uri>[^>]*)>'
)


# A SIP user typed bare ("bob", "reception", "sales.kyiv"), dialled at the
# account's domain as a number is. A letter first, so "12ab" stays a mistyped
# number, and no spaces, so "+7 916 CALL ME" is never a user.
_USER_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9._~+\-]*$")
# "bob@example.org" typed without the scheme.
_USER_AT_HOST = re.compile(r"^[A-Za-z0-9._~+\-]+@[^@\s]+$")


def is_user_name(text: str) -> bool:
    return _USER_NAME.match(text.strip()) is not None


def is_user_at_host(text: str) -> bool:
    return _USER_AT_HOST.match(text.strip()) is not None


class InvalidTarget(ValueError):
    """The dial target is neither a SIP URI nor a phone number."""


def dial_uri(target: str, domain: str | None) -> str:
    """A SIP URI to put in the INVITE's Request-URI.

    ``sip:``/``sips:`` URIs pass through after a syntax check; ``tel:`` URIs,
    bare numbers and bare user names become ``sip:NUMBER@domain`` (the
    account's registrar domain); ``user@host`` gets the ``sip:`` scheme.
    """
    text = target.strip()
    if not text:
        raise InvalidTarget("nothing to dial")
    if is_user_at_host(text):
        text = "sip:" + text
    lowered = text.lower()
    if lowered.startswith(("sip:", "sips:")):
        match = _SIP_URI.match(text)
        if match is None:
            raise InvalidTarget(f"not a valid SIP URI: {target!r}")
        port = match.group("port")
        if port is not None and not 0 < int(port) < 65536:
            raise InvalidTarget(f"port out of range in {target!r}")
        return text
    if is_user_name(text):
        if not domain:
            raise InvalidTarget(f"cannot dial {text!r}: the account has no domain")
        return f"sip:{text}@{domain}"
    if lowered.startswith("tel:"):
        text = text[4:].split(";", 1)[0]
    number = _NUMBER_SEPARATORS.sub("", text)
    if not _NUMBER.match(number) or not any(ch.isdigit() for ch in number):
        raise InvalidTarget(f"not a phone number or SIP URI: {target!r}")
    if not domain:
        raise InvalidTarget(f"cannot dial number {number!r}: the account has no domain")
    return f"sip:{number}@{domain}"


def parse_remote(name_addr: str) -> tuple[str, str]:
    """(display name, user part) of a From/To header value such as
    ``"Alice" <sip:1001@example.com>``; empty strings for what is missing."""
    text = name_addr.strip()
    display = ""
    uri = text
    match = _NAME_ADDR.match(text)
    if match is not None:
        quoted = match.group("quoted")
        if quoted is not None:
            display = re.sub(r"\\(.)", r"\1", quoted)
        else:
            display = (match.group("token") or "").strip()
        uri = match.group("uri")
    uri = uri.strip()
    lowered = uri.lower()
    if lowered.startswith("tel:"):
        return display, uri[4:].split(";", 1)[0]
    for scheme in ("sips:", "sip:"):
        if lowered.startswith(scheme):
            rest = uri[len(scheme) :]
            user = rest.split("@", 1)[0] if "@" in rest else ""
            return display, user.split(";", 1)[0]
    return display, ""
