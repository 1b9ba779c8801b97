"""What the CSV and vCard readers hand to the importer, and how a file's bytes become text.

The readers are pure (bytes in, records out, no database), so every oddity of
a real export can be tested without one; the importer (app/importers.py) does
the normalising, the duplicate checks and the writing.

Encoding: shops in Russia and Ukraine export CSV as Windows-1251 as often as
UTF-8, and nothing in the file says which. Strict UTF-8 is tried first (a
cp1251 file with Cyrillic in it is almost never valid UTF-8); then cp1251, kept
only if the result reads like Russian or Ukrainian text, because cp1251 maps
nearly every byte to some letter and would otherwise "succeed" on any file.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import ContactKind


class ImportFileError(OperatorError, ValueError):
    """The whole file can't be read (encoding, no header, no vCard at all):
    nothing in it can be imported. The message is for the operator."""


@dataclass(frozen=True)
class ImportIssue:
    """One problem, placed so the operator can find it in the file.

    ``line`` is the file's line number (1-based; a CSV header is line 1);
    ``card`` the vCard's ordinal number in the file, when the file is vCard;
    ``field`` the column header or vCard property as the file spells it.

    ``message`` is the English text (logs, tests, ``str()``); ``template`` and
    ``fields`` are what it was made of (app/messages.py), for the window to
    translate. An empty ``template`` means the message is not ours to
    translate (it is shown as it is). Made with ``of`` or ``from_error``.
    """

    field: str
    message: str
    line: int | None = None
    card: int | None = None
    template: str = dataclasses.field(default="", compare=False, repr=False)
    fields: Mapping[str, Any] = dataclasses.field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(
        cls,
        field_name: str,
        template: str,
        line: int | None = None,
        card: int | None = None,
        /,
        **fields: Any,
    ) -> ImportIssue:
        """An issue from a template marked with QT_TRANSLATE_NOOP("core", ...)."""
        message = template.format(**fields) if fields else template
        return cls(field_name, message, line, card, template, fields)

    @classmethod
    def from_error(
        cls, field_name: str, error: Exception, line: int | None = None, card: int | None = None
    ) -> ImportIssue:
        """An issue saying what ``error`` says; an OperatorError keeps its template."""
        if isinstance(error, OperatorError):
            return cls(field_name, str(error), line, card, error.template, dict(error.fields))
        return cls(field_name, str(error), line, card)

    @property
    def where(self) -> str:
        if self.card is not None:
            return f"card {self.card}" + (f" (line {self.line})" if self.line else "")
        return f"line {self.line}" if self.line is not None else "file"

    def __str__(self) -> str:
        if self.field:
            return f"{self.where}, {self.field}: {self.message}"
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class RawContact:
    """A contact value as written in the file, with where it was written."""

    kind: ContactKind
    value: str
    field: str
    line: int
    label: str = ""


@dataclass
class SourceRecord:
    """One customer as read from the file, not yet checked."""

    line: int
    card: int | None = None
    name: str = ""
    name_field: str = "name"
    company: str = ""
    company_field: str = "company"
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    contacts: list[RawContact] = field(default_factory=list)
    # Problems found while reading (garbage, broken quoted-printable): the
    # record is invalid whatever its values are.
    issues: list[ImportIssue] = field(default_factory=list)

    def issue(
        self, field_name: str, template: str, line: int | None = None, /, **fields: Any
    ) -> None:
        """Records a problem; ``template`` is marked with QT_TRANSLATE_NOOP("core", ...)."""
        self.issues.append(
            ImportIssue.of(field_name, template, line or self.line, self.card, **fields)
        )

    def issue_from(self, field_name: str, error: Exception, line: int | None = None) -> None:
        """Records ``error`` as a problem (its template kept when it has one)."""
        self.issues.append(ImportIssue.from_error(field_name, error, line or self.line, self.card))


@dataclass
class ParsedSource:
    format: str  # "csv" or "vcard"
    encoding: str
    records: list[SourceRecord]
    # Problems not inside any record (text between vCards): they block the
    # import like record errors, unless invalid input is skipped.
    issues: list[ImportIssue] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # CSV header -> field
    ignored_columns: list[str] = field(default_factory=list)
    delimiter: str | None = None


def line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]{2,}")


def looks_like_cyrillic_text(text: str) -> bool:
    """Whether text decoded as cp1251 is plausibly what the file meant.

    Refuses control characters (binary data, UTF-16 without a BOM), words that
    mix Latin and Cyrillic letters (a Latin-1 file: "Müller" becomes "Mьller")
    and words whose case flips mid-word (a KOI8-R file: "Иван" becomes
    "йЧБО"). Names in capitals or title case pass.
    """
    if any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text):
        return False
    words = [w for w in _WORD.findall(text) if _CYRILLIC.search(w)]
    if not words:
        # Nothing Cyrillic: the non-UTF-8 bytes decoded to punctuation only.
        return not any(ord(ch) > 127 for ch in text)
    odd = 0
    for word in words:
        mixed_script = any("a" <= ch.lower() <= "z" for ch in word)
        tail = word[1:]
        flipped = any(ch.isupper() for ch in tail) and any(ch.islower() for ch in word)
        if mixed_script or flipped:
            odd += 1
    return odd <= len(words) * 0.2


def _byte(data: bytes, offset: int) -> str:
    return f"0x{data[offset]:02X}"


_NOT_IN_ENCODING = QT_TRANSLATE_NOOP(
    "core",
    "The file is not in {encoding}: line {line} has byte {byte}, which {encoding} does not allow.",
)
_BAD_UTF8_WITH_BOM = QT_TRANSLATE_NOOP(
    "core",
    "The file is marked as UTF-8 but line {line} has byte {byte}, which is not valid UTF-8. The file is damaged or was saved in two encodings.",  # noqa: E501
)
_NEITHER_UTF8_NOR_CP1251 = QT_TRANSLATE_NOOP(
    "core",
    'The file is neither UTF-8 nor Windows-1251: as UTF-8 it breaks on line {utf8_line} (byte {utf8_byte}), and line {line} has byte {byte}, which Windows-1251 does not have. Save it as "CSV UTF-8" or choose its encoding.',  # noqa: E501
)
_NOT_READABLE_AS_CP1251 = QT_TRANSLATE_NOOP(
    "core",
    'The file is not UTF-8 (line {line} has byte {byte}) and read as Windows-1251 it is not readable text. Save it as "CSV UTF-8" or choose its encoding.',  # noqa: E501
)


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The file's text and the encoding used; ImportFileError if there is none.

    An explicit ``encoding`` is used strictly and wins over detection (for a
    KOI8-R or cp866 file, which detection does not guess)."""
    if encoding:
        try:
            codec = codecs.lookup(encoding)
        except LookupError as exc:
            raise ImportFileError(
                QT_TRANSLATE_NOOP("core", "Unknown encoding {encoding!r}."), encoding=encoding
            ) from exc
        try:
            text = data.decode(codec.name)
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                _NOT_IN_ENCODING,
                encoding=encoding,
                line=line_of(data, exc.start),
                byte=_byte(data, exc.start),
            ) from exc
        return text.removeprefix("\ufeff"), codec.name
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text": UTF-16 with a byte-order mark.
        try:
            return data.decode("utf-16").removeprefix("\ufeff"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                QT_TRANSLATE_NOOP("core", "The file starts as UTF-16 but is broken: {reason}."),
                reason=exc.reason,
            ) from exc
    try:
        # Not "utf-8-sig": its error offsets don't count the BOM.
        return data.decode("utf-8").removeprefix("\ufeff"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        bad_line = line_of(data, utf8_error.start)
        bad_byte = _byte(data, utf8_error.start)
        if data.startswith(codecs.BOM_UTF8):
            raise ImportFileError(_BAD_UTF8_WITH_BOM, line=bad_line, byte=bad_byte) from utf8_error
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _NEITHER_UTF8_NOR_CP1251,
            utf8_line=bad_line,
            utf8_byte=bad_byte,
            line=line_of(data, exc.start),
            byte=_byte(data, exc.start),
        ) from exc
    if not looks_like_cyrillic_text(text):
        raise ImportFileError(_NOT_READABLE_AS_CP1251, line=bad_line, byte=bad_byte)
    return text, "cp1251"
