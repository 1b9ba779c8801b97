"""Reading customers from vCard files (2.1, 3.0, 4.0), written by hand.

The maintained Python vCard libraries either reject the 2.1 files old phones
export (quoted-printable Cyrillic with soft line breaks, bare ``;CELL`` type
parameters) or swallow garbage silently; this reader accepts every dialect we
meet and reports each line it can't make sense of, with its card and line.

Only what a customer card needs is read: FN, N, TEL, EMAIL, ORG, NOTE,
CATEGORIES. Other properties (PHOTO, ADR, BDAY, X-...) are skipped whole.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import quopri
import re
from collections.abc import Callable
from dataclasses import dataclass

from app.import_common import (
    ImportFileError,
    ImportIssue,
    ParsedSource,
    RawContact,
    SourceRecord,
    decode_bytes,
    looks_like_cyrillic_text,
)
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import ContactKind

_NAME_RE = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)$")
_BASE64_LINE = re.compile(r"^[A-Za-z0-9+/=]+$")
_BROKEN_QP = re.compile(r"=(?![0-9A-Fa-f]{2})")
_BARE_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_VERSIONS = {"2.1", "3.0", "4.0"}
# TYPE values that say nothing an operator needs as a label.
_NOISE_TYPES = {"PREF", "VOICE", "INTERNET", "X400", "MSG"}


@dataclass(frozen=True)
class Property:
    name: str  # upper case, group removed
    params: dict[str, list[str]]  # upper-case keys; bare 2.1 params filed under TYPE/ENCODING
    value: str
    line: int

    @property
    def encoding(self) -> str:
        values = self.params.get("ENCODING", [])
        return values[0].upper() if values else ""


def _head(line: str) -> str:
    """The part before the value: where 2.1 puts ENCODING=QUOTED-PRINTABLE."""
    return line.split(":", 1)[0].upper()


def logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfolds lines, keeping the number of the line each property starts on.

    Three continuations: RFC folding (a line starting with a space or tab), a
    quoted-printable soft break (2.1: a value ending in "="), and unindented
    BASE64 lines after a 2.1 PHOTO."""
    out: list[tuple[int, str]] = []
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if out:
            prev_number, prev = out[-1]
            head = _head(prev)
            if "QUOTED-PRINTABLE" in head and prev.endswith("="):
                out[-1] = (prev_number, prev[:-1] + line)
                continue
            if line[:1] in (" ", "\t"):
                out[-1] = (prev_number, prev + line[1:])
                continue
            if "BASE64" in head and line and _BASE64_LINE.match(line):
                out[-1] = (prev_number, prev + line)
                continue
        out.append((number, line))
    return out


def _split_outside_quotes(text: str, sep: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def parse_property(line: str, number: int) -> Property | None:
    """None for a line that is not ``name[;params]:value``."""
    head_and_value = _split_outside_quotes(line, ":")
    if len(head_and_value) < 2:
        return None
    head, value = head_and_value[0], ":".join(head_and_value[1:])
    name_and_params = _split_outside_quotes(head, ";")
    match = _NAME_RE.match(name_and_params[0].strip())
    if not match:
        return None
    params: dict[str, list[str]] = {}
    for raw in name_and_params[1:]:
        key, eq, val = raw.partition("=")
        if not eq:  # 2.1 bare parameter: ;CELL or ;QUOTED-PRINTABLE
            key, val = ("ENCODING" if raw.upper() in _BARE_ENCODINGS else "TYPE"), raw
        for item in _split_outside_quotes(val, ","):
            params.setdefault(key.strip().upper(), []).append(item.strip().strip('"'))
    return Property(match.group(1).upper(), params, value, number)


def split_escaped(value: str, sep: str) -> list[str]:
    """Splits at ``sep`` unless escaped with a backslash; escapes stay for unescape()."""
    parts: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


def unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


class BadValue(OperatorError):
    """A property value that can't be decoded; the message says why (it is the
    problem's text on the card's line, so it starts lower-case)."""


def _decode_charset(raw: bytes, charset: str | None) -> str:
    if charset:
        try:
            return raw.decode(codecs.lookup(charset).name)
        except LookupError as exc:
            raise BadValue(
                QT_TRANSLATE_NOOP("core", "unknown CHARSET {charset!r}."), charset=charset
            ) from exc
        except UnicodeDecodeError as exc:
            raise BadValue(
                QT_TRANSLATE_NOOP("core", "the value is not valid {charset}."), charset=charset
            ) from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1251", errors="replace")
        if "\ufffd" in text or not looks_like_cyrillic_text(text):
            raise BadValue(
                QT_TRANSLATE_NOOP("core", "the value is neither UTF-8 nor Windows-1251 text.")
            ) from None
        return text


def decode_value(prop: Property) -> str:
    """The value with its transfer encoding and charset undone (escapes kept)."""
    charset = next(iter(prop.params.get("CHARSET", [])), None)
    encoding = prop.encoding
    if encoding == "QUOTED-PRINTABLE":
        if not prop.value.isascii():
            raise BadValue(
                QT_TRANSLATE_NOOP("core", "a QUOTED-PRINTABLE value has non-ASCII characters.")
            )
        if _BROKEN_QP.search(prop.value):
            raise BadValue(
                QT_TRANSLATE_NOOP(
                    "core", "broken QUOTED-PRINTABLE (an '=' not followed by two hex digits)."
                )
            )
        return _decode_charset(quopri.decodestring(prop.value.encode("ascii")), charset)
    if encoding in ("B", "BASE64"):
        try:
            raw = base64.b64decode(prop.value.strip(), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise BadValue(QT_TRANSLATE_NOOP("core", "broken BASE64.")) from exc
        return _decode_charset(raw, charset)
    return prop.value


def _label(prop: Property) -> str:
    types = [t.lower() for t in prop.params.get("TYPE", []) if t and t.upper() not in _NOISE_TYPES]
    return ",".join(dict.fromkeys(types))


_Handler = Callable[["_CardBuilder", "Property", str], None]


class _CardBuilder:
    """Collects one card's properties into a SourceRecord."""

    def __init__(self, card: int, line: int) -> None:
        self.record = SourceRecord(line=line, card=card, name_field="FN")
        self.structured_name = ""
        self.notes: list[str] = []

    def add(self, prop: Property) -> None:
        handler = _HANDLERS.get(prop.name)
        if handler is None:
            return
        try:
            value = decode_value(prop)
        except BadValue as exc:
            self.record.issue_from(prop.name, exc, prop.line)
            return
        handler(self, prop, value)

    def finish(self) -> SourceRecord:
        record = self.record
        record.name = record.name or self.structured_name
        record.notes = "\n\n".join(self.notes)
        return record


def _fn(card: _CardBuilder, prop: Property, value: str) -> None:
    card.record.name = " ".join(unescape(value).split())


def _n(card: _CardBuilder, prop: Property, value: str) -> None:
    parts = [unescape(p).strip() for p in split_escaped(value, ";")] + [""] * 5
    family, given, additional, prefix, suffix = parts[:5]
    card.structured_name = " ".join(p for p in (prefix, given, additional, family, suffix) if p)


def _version(card: _CardBuilder, prop: Property, value: str) -> None:
    if value.strip() not in _VERSIONS:
        card.record.issue(
            "VERSION",
            QT_TRANSLATE_NOOP("core", "unsupported vCard version {version!r}."),
            prop.line,
            version=value.strip(),
        )


def _contact(kind: ContactKind) -> _Handler:
    def handle(card: _CardBuilder, prop: Property, value: str) -> None:
        text = unescape(value).strip()
        if text:
            card.record.contacts.append(RawContact(kind, text, prop.name, prop.line, _label(prop)))

    return handle


def _org(card: _CardBuilder, prop: Property, value: str) -> None:
    parts = [unescape(p).strip() for p in split_escaped(value, ";")]
    card.record.company = ", ".join(p for p in parts if p)
    card.record.company_field = prop.name


def _note(card: _CardBuilder, prop: Property, value: str) -> None:
    text = unescape(value).strip()
    if text:
        card.notes.append(text)


def _categories(card: _CardBuilder, prop: Property, value: str) -> None:
    card.record.tags.extend(
        t for t in (unescape(p).strip() for p in split_escaped(value, ",")) if t
    )


_HANDLERS: dict[str, _Handler] = {
    "FN": _fn,
    "N": _n,
    "VERSION": _version,
    "TEL": _contact(ContactKind.PHONE),
    "EMAIL": _contact(ContactKind.EMAIL),
    "ORG": _org,
    "NOTE": _note,
    "CATEGORIES": _categories,
}


def parse_vcard(data: bytes, encoding: str | None = None) -> ParsedSource:
    text, used = decode_bytes(data, encoding)
    if "BEGIN:VCARD" not in text.upper():
        raise ImportFileError(
            QT_TRANSLATE_NOOP("core", "The file holds no vCard (no BEGIN:VCARD line).")
        )
    records: list[SourceRecord] = []
    stray: list[ImportIssue] = []
    current: _CardBuilder | None = None
    cards = 0
    for number, line in logical_lines(text):
        if not line.strip():
            continue
        prop = parse_property(line, number)
        keyword = (prop.name, prop.value.strip().upper()) if prop else None
        if keyword == ("BEGIN", "VCARD"):
            if current is not None:
                current.record.issue(
                    "END",
                    QT_TRANSLATE_NOOP("core", "the card has no END:VCARD before the next card."),
                )
                records.append(current.finish())
            cards += 1
            current = _CardBuilder(cards, number)
        elif keyword == ("END", "VCARD"):
            if current is None:
                stray.append(
                    ImportIssue.of(
                        "END", QT_TRANSLATE_NOOP("core", "END:VCARD without BEGIN:VCARD."), number
                    )
                )
            else:
                records.append(current.finish())
                current = None
        elif current is None:
            stray.append(
                ImportIssue.of(
                    "",
                    QT_TRANSLATE_NOOP("core", "text outside any card: {text!r}."),
                    number,
                    text=_preview(line),
                )
            )
        elif prop is None:
            current.record.issue(
                "",
                QT_TRANSLATE_NOOP("core", "not a vCard property: {text!r}."),
                number,
                text=_preview(line),
            )
        else:
            current.add(prop)
    if current is not None:
        current.record.issue(
            "END",
            QT_TRANSLATE_NOOP("core", "the file ends inside this card (no END:VCARD): truncated?"),
        )
        records.append(current.finish())
    return ParsedSource(format="vcard", encoding=used, records=records, issues=stray)


def _preview(line: str) -> str:
    """The line as shown in a problem (the template adds the quotes): cut at 40."""
    return line if len(line) <= 40 else line[:40] + "…"
