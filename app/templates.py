"""Quick replies: templates with fields, filled in, and split for a channel's limit.

A template's text holds fields in braces: ``{name}`` (the customer's name, or
the sender's for an unknown one), ``{operator}``, ``{order}`` (from the
conversation's deep link, or typed) and free fields with any label in any
language (``{дата доставки}``) that the operator is asked for before sending,
which is what Chatwoot's canned responses can't do. ``{{`` and ``}}`` are
braces themselves. A brace with no partner is refused when the template is
saved, so a typo never reaches a customer as a stray ``{``.

Splitting is in whatever unit the channel counts: Telegram's ``sendMessage``
takes "1-4096 characters after entities parsing" and its ``MessageEntity``
offsets and lengths are UTF-16 code units, so the Telegram channel passes
``utf16_length`` (an emoji outside the BMP is two) and gets text plus entities
re-based per chunk instead of Markdown it would have to escape.

``Templates`` is the table's service: every method is one unit of work, safe
from any thread. There are tens of templates, not thousands, so search and
order are done here in Python: casefold() folds Cyrillic on every database,
where PostgreSQL's lower() depends on the cluster's locale.
"""

from __future__ import annotations

import builtins
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from sqlmodel import Session, select

from app.db import Database, serialize_on
from app.enums import Channel
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import MessageTemplate, utcnow

NAME_LIMIT = 200  # MessageTemplate.name's column
TEXT_LIMIT = 20_000  # a quick reply, not a book; a longer one is a mistake
LABEL_LIMIT = 100
LANGUAGE_LIMIT = 10  # MessageTemplate.language's column

KNOWN_FIELDS = ("name", "operator", "order")


class TemplateError(OperatorError, ValueError):
    """A template that can't be saved or filled in; the message says why."""


class TemplateNotFound(TemplateError):
    pass


class DuplicateTemplate(TemplateError):
    pass


class MalformedTemplate(TemplateError):
    """A brace with no partner, or a field with no name: ``line`` and
    ``column`` (1-based) say where, so the editor can put the cursor there."""

    def __init__(self, template: str, /, *, line: int, column: int, **fields: Any) -> None:
        super().__init__(template, line=line, column=column, **fields)
        self.line, self.column = line, column


class FieldValueMissing(TemplateError):
    def __init__(self, field: TemplateField) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("core", "Fill in the field {field!r} before sending."),
            field=field.label,
        )
        self.field = field


# ----- fields ----------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateField:
    """One field of a template. ``key`` is what a value is looked up by (the
    label casefolded, whitespace collapsed: ``{Дата доставки}`` and
    ``{дата  доставки}`` are one field); ``label`` is how it was first written."""

    key: str
    label: str
    known: bool  # {name}, {operator}, {order}: the conversation may fill it

    @property
    def free(self) -> bool:
        return not self.known


def field_key(label: str) -> str:
    return " ".join(label.split()).casefold()


# {{ and }} first, so "{{name}}" is the literal "{name}" (as in str.format).
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")


def _parse(text: str) -> builtins.list[str | TemplateField]:
    """Literal pieces and fields, in order; refuses a malformed one."""
    pieces: builtins.list[str | TemplateField] = []
    literal: builtins.list[str] = []
    last = 0
    for match in _TOKEN.finditer(text):
        literal.append(text[last : match.start()])
        last = match.end()
        token = match.group()
        if token in ("{{", "}}"):
            literal.append(token[0])
            continue
        if len(token) == 1:
            raise MalformedTemplate(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The brace at line {line}, character {column} has no partner "
                    "(a field is a name in braces on one line; a brace itself is written twice).",
                ),
                **_where(text, match.start()),
            )
        label = " ".join(match.group(1).split())
        if not label:
            raise MalformedTemplate(
                QT_TRANSLATE_NOOP(
                    "core", "The field at line {line}, character {column} has no name."
                ),
                **_where(text, match.start()),
            )
        if len(label) > LABEL_LIMIT:
            raise MalformedTemplate(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The field at line {line}, character {column} is longer than "
                    "{limit} characters: is a closing brace missing?",
                ),
                limit=LABEL_LIMIT,
                **_where(text, match.start()),
            )
        key = label.casefold()
        pieces.append("".join(literal))
        literal = []
        pieces.append(TemplateField(key, label, key in KNOWN_FIELDS))
    literal.append(text[last:])
    pieces.append("".join(literal))
    return pieces


def _where(text: str, index: int) -> dict[str, int]:
    line = text.count("\n", 0, index) + 1
    return {"line": line, "column": index - (text.rfind("\n", 0, index) + 1) + 1}


def fields(text: str) -> builtins.list[TemplateField]:
    """The template's fields in order of first appearance, each once."""
    seen: dict[str, TemplateField] = {}
    for piece in _parse(text):
        if isinstance(piece, TemplateField):
            seen.setdefault(piece.key, piece)
    return list(seen.values())


def prefilled(
    *, customer_name: str = "", sender_name: str = "", operator: str = "", order: str = ""
) -> dict[str, str]:
    """The known fields' values a conversation offers (empty ones left out, so
    the operator is asked for them): ``{name}`` is the customer's name, or how
    the platform names an unknown sender."""
    values = {
        "name": customer_name.strip() or sender_name.strip(),
        "operator": operator.strip(),
        "order": order.strip(),
    }
    return {key: value for key, value in values.items() if value}


def render(text: str, values: Mapping[str, str]) -> str:
    """The text with every field filled in. ``values`` are keyed by label in
    any spelling of case and spacing; a value is inserted as plain text, never
    read for fields itself (a customer named "{operator}" stays so), without
    the whitespace around it. Refuses, naming it, the first field with no value
    or only whitespace."""
    given = {field_key(label): value.strip() for label, value in values.items()}
    out: builtins.list[str] = []
    for piece in _parse(text):
        if isinstance(piece, str):
            out.append(piece)
            continue
        value = given.get(piece.key, "")
        if not value:
            raise FieldValueMissing(piece)
        out.append(value)
    return "".join(out)


# ----- the table -------------------------------------------------------------------


_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")
_CHANNEL_ORDER = {kind.value: i for i, kind in enumerate(Channel)}


def clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise TemplateError(QT_TRANSLATE_NOOP("core", "The template's name is empty."))
    if len(cleaned) > NAME_LIMIT:
        raise TemplateError(
            QT_TRANSLATE_NOOP("core", "The template's name is longer than {limit} characters."),
            limit=NAME_LIMIT,
        )
    return cleaned


def clean_text(text: str) -> str:
    """Kept as typed (line breaks and indents are the operator's), checked."""
    if not text.strip():
        raise TemplateError(QT_TRANSLATE_NOOP("core", "The template's text is empty."))
    if len(text) > TEXT_LIMIT:
        raise TemplateError(
            QT_TRANSLATE_NOOP("core", "The template's text is longer than {limit} characters."),
            limit=TEXT_LIMIT,
        )
    _parse(text)
    return text


def clean_language(language: str) -> str:
    """Empty (every language) or a language tag, lower-cased: "ru", "uk", "pt-br"."""
    cleaned = language.strip().replace("_", "-").lower()
    if cleaned and (len(cleaned) > LANGUAGE_LIMIT or not _LANGUAGE.fullmatch(cleaned)):
        raise TemplateError(
            QT_TRANSLATE_NOOP(
                "core", "{language!r} is not a language code (such as en, ru or uk)."
            ),
            language=language,
        )
    return cleaned


def clean_channels(channels: Iterable[Channel | str]) -> builtins.list[str]:
    """Known channel kinds, each once, in a fixed order; empty means every channel."""
    kinds: set[str] = set()
    for channel in channels:
        try:
            kinds.add(Channel(channel).value)
        except ValueError:
            raise TemplateError(
                QT_TRANSLATE_NOOP("core", "{channel!r} is not a channel Switchboard knows."),
                channel=channel,
            ) from None
    return sorted(kinds, key=_CHANNEL_ORDER.__getitem__)


def _search_key(text: str) -> str:
    # Russian is often typed with е for ё; the search should not care.
    return text.casefold().replace("ё", "е")


def _sort_key(template: MessageTemplate) -> tuple[str, str, int]:
    return (template.name.casefold(), template.language, template.id or 0)


class Templates:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, template_id: int) -> MessageTemplate:
        with self.db.session() as s:
            return self._get(s, template_id)

    def list(
        self,
        channel: Channel | str | None = None,
        language: str | None = None,
        query: str = "",
    ) -> builtins.list[MessageTemplate]:
        """By name. ``channel``: the templates offered in it (those for every
        channel too); ``language``: those in it, in its base language ("ru" for
        "ru-ua") and in every language; ``query``: every word of it in the name
        or the text, in any case."""
        wanted_channel = None if channel is None else clean_channels([channel])[0]
        languages: set[str] | None = None
        if language is not None:
            tag = clean_language(language)
            languages = {"", tag, tag.split("-")[0]}
        words = _search_key(query).split()
        with self.db.session() as s:
            rows = builtins.list(s.exec(select(MessageTemplate)))
        found = []
        for row in rows:
            if wanted_channel is not None and row.channels and wanted_channel not in row.channels:
                continue
            if languages is not None and row.language not in languages:
                continue
            if words:
                haystack = _search_key(f"{row.name}\n{row.text}")
                if not all(word in haystack for word in words):
                    continue
            found.append(row)
        return sorted(found, key=_sort_key)

    def create(
        self,
        name: str,
        text: str,
        *,
        language: str = "",
        channels: Iterable[Channel | str] = (),
    ) -> MessageTemplate:
        name, text = clean_name(name), clean_text(text)
        language, kinds = clean_language(language), clean_channels(channels)
        with self.db.transaction() as s:
            self._refuse_duplicate(s, name, language, None)
            template = MessageTemplate(name=name, text=text, language=language, channels=kinds)
            s.add(template)
            s.flush()
            return template

    def update(
        self,
        template_id: int,
        *,
        name: str | None = None,
        text: str | None = None,
        language: str | None = None,
        channels: Iterable[Channel | str] | None = None,
    ) -> MessageTemplate:
        """Changes what is given, leaves the rest."""
        name = None if name is None else clean_name(name)
        text = None if text is None else clean_text(text)
        language = None if language is None else clean_language(language)
        kinds = None if channels is None else clean_channels(channels)
        with self.db.transaction() as s:
            template = self._get(s, template_id)
            new_name = template.name if name is None else name
            new_language = template.language if language is None else language
            if (field_key(new_name), new_language) != (field_key(template.name), template.language):
                self._refuse_duplicate(s, new_name, new_language, template_id)
            template.name, template.language = new_name, new_language
            if text is not None:
                template.text = text
            if kinds is not None:
                template.channels = kinds
            template.updated_at = utcnow()
            s.add(template)
            return template

    def delete(self, template_id: int) -> None:
        with self.db.session() as s:
            s.delete(self._get(s, template_id))

    @staticmethod
    def _get(s: Session, template_id: int) -> MessageTemplate:
        template = s.get(MessageTemplate, template_id)
        if template is None:
            raise TemplateNotFound(
                QT_TRANSLATE_NOOP(
                    "core", "Template #{template_id} does not exist (deleted elsewhere?)."
                ),
                template_id=template_id,
            )
        return template

    @staticmethod
    def _refuse_duplicate(s: Session, name: str, language: str, own_id: int | None) -> None:
        """No unique key can say "the same name in any case", so the check and
        the write it allows are one at a time (``serialize_on``)."""
        key = field_key(name)
        serialize_on(s, f"messagetemplate:{language}:{key}")
        rows = s.exec(select(MessageTemplate).where(MessageTemplate.language == language))
        for row in rows:
            if row.id != own_id and field_key(row.name) == key:
                raise DuplicateTemplate(
                    QT_TRANSLATE_NOOP(
                        "core", "A template named {name!r} exists already in this language."
                    ),
                    name=row.name,
                )


# ----- splitting for a channel's limit --------------------------------------------


Length = Callable[[str], int]


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, as Telegram counts: a character outside the
    BMP (most emoji) is two."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


# Breaking whitespace: no-break spaces (U+00A0, U+2007, U+202F) are not split at.
_SPACE_CHARS = (
    " \t\n\r\f\v\x85\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2008\u2009\u200a\u2028\u2029\u205f\u3000"
)
_SPACES = frozenset(_SPACE_CHARS)
_SPACE_CLASS = "[" + re.escape(_SPACE_CHARS) + "]"
# Where a chunk may end, best first: a blank line, a line break, after a
# sentence's end (closing quotes and brackets kept with it), a space.
_BREAKS = (
    re.compile(r"\r?\n[ \t\f\v\r]*\n|[\u2029]"),
    re.compile(r"\r?\n|\r|\u2028"),
    re.compile(
        rf"(?<=[.!?…][)\]\"'»”’])(?={_SPACE_CLASS})|(?<=[.!?…])(?={_SPACE_CLASS})|(?<=[。！？])"
    ),
    re.compile(_SPACE_CLASS),
)

_ZWJ = "\u200d"


def _extends(char: str) -> bool:
    """Belongs to the character before it (no grapheme boundary before it):
    combining marks, ZWJ/ZWNJ, variation selectors, skin tones, emoji tags."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or code in (0x200C, 0x200D)
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
        or 0xE0100 <= code <= 0xE01EF
    )


def _regional(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def _is_boundary(text: str, index: int, since: int) -> bool:
    """A grapheme-cluster boundary before ``text[index]``, by the rules of
    UAX #29 that matter in chat: CR LF, extending marks, ZWJ sequences (never
    cut after a ZWJ), flags (pairs of regional indicators). Hangul jamo and
    Indic conjuncts are not modelled; the cut then falls between code points.
    ``since`` is a known boundary (the chunk's start): flags are paired from it."""
    before, after = text[index - 1], text[index]
    if (before == "\r" and after == "\n") or before == _ZWJ or _extends(after):
        return False
    if _regional(before) and _regional(after):
        run = 0
        i = index - 1
        while i >= since and _regional(text[i]):
            run += 1
            i -= 1
        return run % 2 == 0
    return True


def _prefix_lengths(text: str, length: Length) -> Sequence[int]:
    """``[length(text[:i]) for i in 0..len(text)]``, in one pass."""
    if length is len:
        return range(len(text) + 1)
    if length is utf16_length:  # per character, without a call per character
        weights: Iterable[int] = (2 if c > "\uffff" else 1 for c in text)
    else:
        weights = map(length, text)
    return builtins.list(accumulate(weights, initial=0))


def _split_spans(text: str, limit: int, length: Length) -> builtins.list[tuple[int, int]]:
    """[start, end) code-point spans of the chunks. ``length`` must add up over
    characters (``len``, ``utf16_length``): it is applied to each one once,
    which keeps a 100,000-character text linear."""
    if limit < 1:
        raise ValueError(f"limit must be positive, not {limit}")
    size = len(text)
    total = _prefix_lengths(text, length)
    breaks = [[m.start() for m in pattern.finditer(text)] for pattern in _BREAKS]
    spans: builtins.list[tuple[int, int]] = []
    start = 0
    while start < size:
        if total[size] - total[start] <= limit:
            end = size
        else:
            # The longest prefix within the limit ends at ``reach``.
            reach = bisect_right(total, total[start] + limit) - 1
            if reach == start:
                raise ValueError(f"{text[start]!r} alone is longer than the limit {limit}")
            end = _cut(text, start, reach, breaks)
        chunk_end = end
        if end < size:
            while chunk_end > start and text[chunk_end - 1] in _SPACES:
                chunk_end -= 1
        if chunk_end > start and not text[start:chunk_end].isspace():
            spans.append((start, chunk_end))
        start = end
        while start < size and text[start] in _SPACES:
            if start + 1 < size and _extends(text[start + 1]):
                break  # a mark on a space: the space is its base, keep both
            start += 1
    return spans


def _cut(text: str, start: int, reach: int, breaks: Sequence[Sequence[int]]) -> int:
    """Where the chunk starting at ``start`` ends, at most ``reach``."""
    # A chunk at least a third full at the best kind of break there is (a
    # blank line a third of the way beats a space at the end)...
    floor = start + (reach - start) // 3
    for positions in breaks:
        i = bisect_right(positions, reach) - 1
        if i >= 0 and positions[i] > max(floor, start):
            return positions[i]
    # ...else the latest break of any kind, however early...
    latest = max(
        (
            positions[i]
            for positions in breaks
            if (i := bisect_right(positions, reach) - 1) >= 0 and positions[i] > start
        ),
        default=None,
    )
    if latest is not None:
        return latest
    # ...else inside the word, between grapheme clusters if there is one.
    for end in range(reach, start, -1):
        if _is_boundary(text, end, start):
            return end
    return reach  # one cluster longer than the limit: between code points


def split_message(text: str, limit: int, length: Length = len) -> builtins.list[str]:
    """``text`` in chunks of at most ``limit`` (as ``length`` counts), split at
    a blank line, then a line break, then a sentence's end, then a space, and
    only as a last resort inside a word (never inside a surrogate pair or a
    combining sequence, flag or ZWJ emoji). The whitespace at a split point is
    dropped; no chunk is empty or only whitespace, so an empty or blank text
    gives no chunk at all."""
    return [text[a:b] for a, b in _split_spans(text, limit, length)]


def split_with_entities(
    text: str,
    entities: Sequence[Mapping[str, Any]],
    limit: int,
    length: Length = utf16_length,
) -> builtins.list[tuple[str, builtins.list[dict[str, Any]]]]:
    """``split_message`` with Telegram's MessageEntity objects carried along:
    each entity's ``offset`` and ``length`` (UTF-16 code units) re-based onto
    the chunk it falls in; one crossing a split is cut in two, a part that
    falls on dropped whitespace is left out. Other keys (type, url, ...) are
    copied. An entity outside the text or inside a surrogate pair is the
    caller's mistake: ValueError."""
    units = _prefix_lengths(text, utf16_length)
    for entity in entities:
        offset, span = entity.get("offset"), entity.get("length")
        if not isinstance(offset, int) or not isinstance(span, int) or offset < 0 or span < 1:
            raise ValueError(f"entity {entity!r}: offset and length must be whole numbers")
        for edge in (offset, offset + span):
            at = bisect_left(units, edge)
            if at == len(units) or units[at] != edge:
                raise ValueError(f"entity {entity!r} does not fit the text's UTF-16 units")
    out: builtins.list[tuple[str, builtins.list[dict[str, Any]]]] = []
    for a, b in _split_spans(text, limit, length):
        low, high = units[a], units[b]
        parts = []
        for entity in entities:
            begin = max(entity["offset"], low)
            end = min(entity["offset"] + entity["length"], high)
            if begin < end:
                parts.append({**entity, "offset": begin - low, "length": end - begin})
        out.append((text[a:b], parts))
    return out
