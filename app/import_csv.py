"""Reading customers from a CSV export (a shop, a CRM, Excel, Google Contacts).

Headers are matched loosely (case, spaces, dashes, apostrophes and trailing
numbers don't matter) against English, Russian and Ukrainian names, so
"E-mail", "Эл. почта" and "Пошта" are all the email column and "Телефон 2" is
a second phone column. Columns we don't know are listed, not silently lost.

A name column and at least one contact column are required: a file whose name
header we don't recognise would otherwise import every customer under their
phone number and lose the names.
"""

from __future__ import annotations

import csv
import io
import re

from app.import_common import (
    ImportFileError,
    ParsedSource,
    RawContact,
    SourceRecord,
    decode_bytes,
)
from app.messages import QT_TRANSLATE_NOOP
from app.models import ContactKind

_HEADER_NOISE = re.compile(r"[\W_\d]+")


def header_key(header: str) -> str:
    """ "Ім’я 2" -> "імя": what a header is matched by."""
    return _HEADER_NOISE.sub("", header.casefold().replace("ё", "е"))


# "|"-separated so the table stays one line per language and field.
_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "name|full name|fullname|display name|customer|client|customer name|client name"
        "|first name|given name",
        "имя|фио|ф.и.о.|полное имя|клиент|имя клиента|покупатель",
        "ім'я|піб|п.і.б.|повне ім'я|клієнт|ім'я клієнта|покупець",
    ),
    "last_name": ("last name|family name|surname", "фамилия", "прізвище"),
    "middle_name": ("middle name", "отчество", "по батькові|по-батькові"),
    "phone": (
        "phone|phones|tel|telephone|mobile|mobile phone|phone number|cell",
        "телефон|телефоны|тел|мобильный|мобильный телефон|номер телефона",
        "телефони|мобільний|мобільний телефон|номер телефону",
    ),
    "email": (
        "email|e-mail|emails|mail|email address",
        "почта|эл. почта|электронная почта|емейл|имейл",
        "пошта|ел. пошта|електронна пошта|імейл",
    ),
    "company": (
        "company|organization|organisation|org",
        "компания|организация|фирма",
        "компанія|організація|фірма",
    ),
    "notes": (
        "notes|note|comment|comments",
        "комментарий|комментарии|примечание|заметки",
        "коментар|коментарі|примітка|нотатки",
    ),
    "telegram": ("telegram|tg", "телеграм|телеграмм"),
    "viber": ("viber", "вайбер"),
    "whatsapp": ("whatsapp", "ватсап|вотсап|вацап"),
    "tags": ("tags|tag|labels", "теги|тег|метки", "мітки|теґи"),
}
FIELD_BY_KEY: dict[str, str] = {
    header_key(alias): fieldname
    for fieldname, groups in _ALIASES.items()
    for group in groups
    for alias in group.split("|")
}
CONTACT_FIELDS: dict[str, ContactKind] = {
    "phone": ContactKind.PHONE,
    "email": ContactKind.EMAIL,
    "telegram": ContactKind.TELEGRAM,
    "viber": ContactKind.VIBER,
    "whatsapp": ContactKind.WHATSAPP,
}
# Several values in one cell: phones by comma, semicolon or line break (not by
# space or "/", which people type inside one number); ids and emails by space too.
_SPLIT: dict[str, re.Pattern[str]] = {
    "phone": re.compile(r"[,;\n]+"),
    "tags": re.compile(r"[,;|\n]+"),
}
_SPLIT_DEFAULT = re.compile(r"[,;\s]+")
DELIMITERS = (";", ",", "\t")
# What the refusal of a header lists as examples (not translated: headers).
_NAME_EXAMPLES = "name, ФИО, имя, ПІБ, ім'я"
_CONTACT_EXAMPLES = "phone/телефон, email/почта/пошта, telegram, viber, whatsapp"
_LACKS_NAME = QT_TRANSLATE_NOOP(
    "core", "Line {line}: the header lacks a name column ({names}). Found: {found}."
)
_LACKS_CONTACT = QT_TRANSLATE_NOOP(
    "core", "Line {line}: the header lacks a contact column ({contacts}). Found: {found}."
)
_LACKS_BOTH = QT_TRANSLATE_NOOP(
    "core",
    "Line {line}: the header lacks a name column ({names}) and a contact column ({contacts}). Found: {found}.",  # noqa: E501
)
_TOO_MANY_CELLS = QT_TRANSLATE_NOOP(
    "core",
    "the row has {cells} cells but the header has {columns} (an unquoted delimiter inside a value?).",  # noqa: E501
)


def _split(fieldname: str, cell: str) -> list[str]:
    pattern = _SPLIT.get(fieldname, _SPLIT_DEFAULT)
    return [part.strip() for part in pattern.split(cell) if part.strip()]


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0].rstrip("\r")


def sniff_delimiter(header_line: str) -> str:
    """The delimiter that makes the most headers recognisable (then the most columns).

    Counting known headers beats csv.Sniffer on the short, quote-free header
    lines that exports have, and it can't be fooled by commas inside data."""

    def score(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([header_line], delimiter=delimiter), [])
        known = sum(1 for c in cells if header_key(c) in FIELD_BY_KEY)
        return known, len(cells)

    return max(DELIMITERS, key=score)


def _compose_name(parts: dict[str, str], cyrillic_order: bool) -> str:
    given, middle, family = (
        parts.get("name", ""),
        parts.get("middle_name", ""),
        parts.get("last_name", ""),
    )
    # Split name columns are joined in the order an "ФИО"/"ПІБ" column uses when
    # the headers are Russian/Ukrainian, so both kinds of file sort alike.
    order = (family, given, middle) if cyrillic_order else (given, middle, family)
    return " ".join(p for p in order if p)


def parse_csv(data: bytes, encoding: str | None = None) -> ParsedSource:
    text, used = decode_bytes(data, encoding)
    first = _first_line(text)
    line_offset = 0
    delimiter: str | None = None
    if first.lower().startswith("sep=") and len(first) == 5:  # Excel's delimiter hint
        delimiter = first[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
        line_offset = 1
        first = _first_line(text)
    if not first.strip():
        raise ImportFileError(
            QT_TRANSLATE_NOOP("core", "The file is empty or its first line (the header) is blank.")
        )
    delimiter = delimiter or sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("core", "Line {line}: the header can't be read: {reason}."),
            line=1 + line_offset,
            reason=str(exc),
        ) from exc
    columns: dict[int, str] = {}
    ignored: list[str] = []
    for index, cell in enumerate(header):
        fieldname = FIELD_BY_KEY.get(header_key(cell))
        if fieldname:
            columns[index] = fieldname
        elif cell.strip():
            ignored.append(cell.strip())
    found = set(columns.values())
    lacks_name = not found & {"name", "last_name"}
    lacks_contact = not found & set(CONTACT_FIELDS)
    if lacks_name or lacks_contact:
        examples: dict[str, str] = {}
        if lacks_name:
            examples["names"] = _NAME_EXAMPLES
        if lacks_contact:
            examples["contacts"] = _CONTACT_EXAMPLES
        template = (
            _LACKS_BOTH if len(examples) == 2 else _LACKS_NAME if lacks_name else _LACKS_CONTACT
        )
        raise ImportFileError(
            template,
            line=1 + line_offset,
            found=", ".join(repr(c) for c in header) or "''",
            **examples,
        )
    cyrillic_order = any(
        _CYRILLIC_RE.search(header[i]) for i, f in columns.items() if f == "last_name"
    )
    name_header = next(
        header[i].strip()
        for wanted in ("name", "last_name")
        for i, f in columns.items()
        if f == wanted
    )
    records: list[SourceRecord] = []
    last_line = reader.line_num
    while True:
        start = last_line + 1 + line_offset
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFileError(
                QT_TRANSLATE_NOOP("core", "Line {line}: the row can't be read: {reason}."),
                line=start,
                reason=str(exc),
            ) from exc
        last_line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # blank lines and ";;;;" rows that spreadsheets leave at the end
        record = _record(row, header, columns, start, cyrillic_order)
        record.name_field = name_header
        records.append(record)
    return ParsedSource(
        format="csv",
        encoding=used,
        records=records,
        columns={header[i]: f for i, f in columns.items()},
        ignored_columns=ignored,
        delimiter=delimiter,
    )


_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")


def _record(
    row: list[str], header: list[str], columns: dict[int, str], line: int, cyrillic_order: bool
) -> SourceRecord:
    record = SourceRecord(line=line)
    if len(row) > len(header) and any(c.strip() for c in row[len(header) :]):
        record.issue("", _TOO_MANY_CELLS, cells=len(row), columns=len(header))
    name_parts: dict[str, str] = {}
    notes: list[str] = []
    for index, fieldname in columns.items():
        cell = row[index].strip() if index < len(row) else ""
        if not cell:
            continue
        if fieldname in ("name", "last_name", "middle_name"):
            name_parts.setdefault(fieldname, cell)
        elif fieldname in CONTACT_FIELDS:
            record.contacts.extend(
                RawContact(CONTACT_FIELDS[fieldname], value, header[index].strip(), line)
                for value in _split(fieldname, cell)
            )
        elif fieldname == "company" and not record.company:
            record.company, record.company_field = cell, header[index].strip()
        elif fieldname == "notes":
            notes.append(cell)
        elif fieldname == "tags":
            record.tags.extend(_split("tags", cell))
    record.name = _compose_name(name_parts, cyrillic_order)
    record.notes = "\n".join(notes)
    return record
