"""Header values as text: encoded words, addresses and dates, read defensively.

The values come from ``Message.raw_items()``: as sent, folded, with any 8-bit
bytes kept as surrogate escapes, and never passed through the stdlib's header
parser when it isn't needed (it raises on some garbage and is slow on huge
values). So:

- ``decode_words`` decodes RFC 2047 encoded words itself: adjacent words of one
  charset are joined as bytes before decoding (senders split a UTF-8 character
  between two words), the whitespace between two words goes (RFC 2047 section
  6.2), a bad base64 pad is forgiven, the charset (and an RFC 2231 language
  suffix) goes through ``charsets.decode``, and raw 8-bit text (a sender that
  ignored RFC 2047) is read as such. Control characters and bidi overrides go:
  a right-to-left override in a display name or subject reverses what follows.
- ``addresses`` gives (name, address) pairs: the stdlib's RFC 5322 address
  parser first, ``email.utils.getaddresses`` with names decoded by
  ``decode_words`` when that raises, can't decode a name or would be too slow
  (``limits.MAX_STDLIB_ADDRESS_CHARS``); group names and empty groups
  ("undisclosed-recipients:;") give no address.
- ``parse_date`` is None when the Date is missing, unparseable or before 1980
  (broken clients send the epoch): the caller uses the server's INTERNALDATE.
  A date without a zone, or with -0000, is taken as UTC.
"""

from __future__ import annotations

import base64
import binascii
import email.utils
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy

from app.mail.charsets import decode, decode_header_bytes
from app.mail.limits import MAX_ADDRESS_HEADER_CHARS, MAX_STDLIB_ADDRESS_CHARS

MAX_ADDRESSES = 500  # per header: a To of 20,000 addresses is a mass mailing, not a list to show

_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?]*)\?=")
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_BIDI_OVERRIDES = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class Address:
    name: str  # the display name, decoded; "" when there is none
    address: str  # as written (local part's case kept)

    @property
    def key(self) -> str:
        """Case-folded, as contacts store email addresses (app/contacts.py)."""
        return self.address.casefold()


def unfold(raw: str) -> str:
    """RFC 5322 unfolding: a line break followed by whitespace is no break."""
    return _FOLD.sub("", raw)


def decode_words(raw: str | None) -> str:
    """A header value as one line of text (see the module's docstring)."""
    if not raw:
        return ""
    text = unfold(raw)
    pieces: list[str] = []
    pending: list[tuple[str, bytes]] = []  # encoded words waiting to be joined
    position = 0
    for match in _ENCODED_WORD.finditer(text):
        between = text[position : match.start()]
        if between and not (pending and between.isspace()):
            _flush(pending, pieces)
            pieces.append(_raw_text(between))
        charset = match.group(1).split("*", 1)[0]
        data = _word_bytes(match.group(2), match.group(3))
        if pending and pending[-1][0].lower() != charset.lower():
            _flush(pending, pieces)
        pending.append((charset, data))
        position = match.end()
    _flush(pending, pieces)
    pieces.append(_raw_text(text[position:]))
    return clean_line("".join(pieces))


def clean_line(text: str) -> str:
    """No control characters or bidi overrides, whitespace collapsed."""
    return _SPACES.sub(" ", _CONTROL.sub(" ", _BIDI_OVERRIDES.sub("", text))).strip()


def addresses(raw: str | None) -> tuple[Address, ...]:
    """The addresses of an address header (From, To, Cc, Reply-To)."""
    if not raw:
        return ()
    text = unfold(raw)
    if _has_8bit(text):
        text = decode_header_bytes(to_bytes(text))
    found = _stdlib_addresses(text) if len(text) <= MAX_STDLIB_ADDRESS_CHARS else None
    if found is None:
        if len(text) > MAX_ADDRESS_HEADER_CHARS:
            cut = text[:MAX_ADDRESS_HEADER_CHARS]
            text = cut[: cut.rfind(",")] if "," in cut else cut
        found = [
            Address(decode_words(name), address)
            for name, address in email.utils.getaddresses([text])
            if address
        ]
    unique: dict[str, Address] = {}
    for item in found:
        address = clean_line(item.address).strip("<>")
        if address and address.casefold() not in unique:
            unique[address.casefold()] = Address(item.name, address)
        if len(unique) >= MAX_ADDRESSES:
            break
    return tuple(unique.values())


def parse_date(raw: str | None) -> datetime | None:
    """The Date header as an aware UTC datetime, or None (see the docstring)."""
    if not raw:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(clean_line(unfold(raw)))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        parsed = parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    return parsed if parsed.year >= 1980 else None


def _stdlib_addresses(text: str) -> list[Address] | None:
    """The RFC 5322 parser's reading, or None when it raised or could not decode
    a name (an unknown charset, a UTF-8 character split between encoded words)."""
    try:
        header = policy.default.header_factory("To", text)
        found: list[Address] = []
        for parsed in header.addresses:
            name = str(parsed.display_name or "")
            if "\ufffd" in name or _has_8bit(name):
                return None
            if parsed.addr_spec and parsed.addr_spec != "<>":
                found.append(Address(clean_line(name), str(parsed.addr_spec)))
        return found
    except Exception:  # the stdlib's parser raises on some garbage (IndexError, ...)
        return None


def _has_8bit(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _raw_text(text: str) -> str:
    if _has_8bit(text):
        return decode_header_bytes(to_bytes(text))
    return text


def to_bytes(text: str) -> bytes:
    """A parser's text back to the bytes it came from (8-bit bytes were kept as
    surrogate escapes); any other lone surrogate becomes "?"."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        kept = "".join(
            "?" if "\ud800" <= ch <= "\udfff" and not "\udc80" <= ch <= "\udcff" else ch
            for ch in text
        )
        return kept.encode("utf-8", "surrogateescape")


def _word_bytes(encoding: str, payload: str) -> bytes:
    try:
        if encoding in "bB":
            cleaned = re.sub(r"[^A-Za-z0-9+/]", "", payload)
            return base64.b64decode(cleaned + "=" * (-len(cleaned) % 4))
        return _q_bytes(payload)
    except (binascii.Error, ValueError):
        return to_bytes(payload)


def _q_bytes(payload: str) -> bytes:
    out = bytearray()
    raw = to_bytes(payload.replace("_", " "))
    index = 0
    while index < len(raw):
        byte = raw[index]
        if byte == 0x3D and _is_hex(raw[index + 1 : index + 3]):
            out.append(int(raw[index + 1 : index + 3], 16))
            index += 3
        else:
            out.append(byte)
            index += 1
    return bytes(out)


def _is_hex(pair: bytes) -> bool:
    return len(pair) == 2 and all(chr(b) in "0123456789abcdefABCDEF" for b in pair)


def _flush(pending: list[tuple[str, bytes]], pieces: list[str]) -> None:
    if pending:
        pieces.append(decode(b"".join(data for _, data in pending), pending[0][0]).text)
        pending.clear()
