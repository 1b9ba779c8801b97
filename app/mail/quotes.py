"""Where a message's own words end: quoted history, forwarded mail and signatures
located, so the view can fold them. Nothing is deleted: ``segments(text)`` cuts
the text into consecutive ``Segment``s (offsets into ``text``) that cover it all.

What counts as quoted history (each seen from the mail clients our customers use):

- "> " lines (any depth), with the blank lines inside a run of them;
- an attribution line and what it introduces: "On ... wrote:" (Gmail folds it
  over two lines), "... пишет:", "... написал(а):", "... пише:", "... написав(ла):",
  "... schrieb:", "... a écrit :", and Gmail's Russian and Yandex's "<date>, Имя
  <address>:" with no verb. Followed by "> " lines it is quoted with them
  (and text after them is the sender's again: an inline reply); followed by
  unmarked text (a client that quotes without "> "), it and everything after it;
- "-----Original Message-----" and its Russian, Ukrainian and German forms, and
  Outlook's header block (From:/Sent:/To:/Subject: or От:/Отправлено:/Кому:/Тема:
  or Від:/Надіслано:/Кому:/Тема:, at least three of them within six lines, with
  the line of underscores above it): from there to the end, as Outlook quotes
  by top-posting without marks.

A forwarded message ("---------- Forwarded message ---------", "Пересылаемое
сообщение", "Begin forwarded message:") is ``FORWARDED``, not a quote: a customer
who forwards an order confirmation wants it read. A signature runs from a "-- "
line (RFC 3676 section 4.3; also "--" with the space stripped) or a mobile
client's "Sent from my iPhone" line to the next quote or the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class SegmentKind(StrEnum):
    BODY = "body"
    QUOTE = "quote"
    FORWARDED = "forwarded"
    SIGNATURE = "signature"


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    start: int
    end: int  # exclusive: text[start:end]


_QUOTED = re.compile(r"^[ \t]*>")
_ATTRIBUTION_END = re.compile(
    r"(?:\bwrote|\bnapsal|\bschrieb|\ba écrit|\bescribió|\bпишет|\bнаписал(?:\(а\)|а)?"
    r"|\bпише|\bнаписав(?:\(ла\)|ла)?|\bнаписала)\s*:\s*$",
    re.IGNORECASE,
)
# Gmail in Russian and Yandex write no verb: "пн, 1 янв. 2024 г. в 10:00, Имя <a@b.ru>:".
_ATTRIBUTION_ADDRESS_END = re.compile(r"\d.*<[^<>\s]+@[^<>\s]+>\s*:\s*$")
_ATTRIBUTION_START = re.compile(r"^\s*(?:On|Am|Le|El|В|У|Op|Il)\s", re.IGNORECASE)
_ORIGINAL = re.compile(
    r"^\s*-{2,}\s*(?:Original Message|Исходное сообщение|Оригинальное сообщение"
    r"|Оригінальне повідомлення|Вихідне повідомлення|Ursprüngliche Nachricht"
    r"|Message d'origine)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_FORWARDED = re.compile(
    r"^\s*(?:-{2,}\s*(?:Forwarded message|Пересылаемое сообщение|Пересланное сообщение"
    r"|Переслане повідомлення|Пересланий лист|Weitergeleitete Nachricht)\s*-{2,}"
    r"|Begin forwarded message:|Начало переадресованного сообщения:)\s*$",
    re.IGNORECASE,
)
_HEADER_LABEL = re.compile(
    r"^\s*\*?(From|Sent|Date|To|Cc|Subject|От|Отправлено|Дата|Кому|Копия|Тема"
    r"|Від|Надіслано|Копія|Von|Gesendet|An|Betreff|De|Envoyé|À|Objet)\*?\s*:",
    re.IGNORECASE,
)
_FROM_LABEL = re.compile(r"^\s*\*?(From|От|Від|Von|De)\*?\s*:", re.IGNORECASE)
_UNDERSCORES = re.compile(r"^\s*_{10,}\s*$")
_SIGNATURE = re.compile(r"^--[ \t]?$")
_MOBILE = re.compile(
    r"^\s*(?:Sent from my |Sent from Mail for |Get Outlook for |Отправлено с |Отправлено из "
    r"|Надіслано з |Надіслано із |Von meinem |Envoyé de mon )[^\n]{1,60}$",
    re.IGNORECASE,
)


def segments(text: str) -> tuple[Segment, ...]:
    """``text`` cut into body, quote, forwarded and signature segments."""
    lines = text.splitlines(keepends=True)
    kinds = _line_kinds([line.rstrip("\r\n") for line in lines])
    out: list[Segment] = []
    position = 0
    for line, kind in zip(lines, kinds, strict=True):
        end = position + len(line)
        if out and out[-1].kind == kind:
            out[-1] = Segment(kind, out[-1].start, end)
        else:
            out.append(Segment(kind, position, end))
        position = end
    return tuple(out)


def own_text(text: str, found: tuple[Segment, ...] | None = None) -> str:
    """The sender's own words: the body segments joined (a preview, a search text)."""
    parts = [text[s.start : s.end] for s in (found or segments(text)) if s.kind == SegmentKind.BODY]
    return "".join(parts).strip()


def _line_kinds(lines: list[str]) -> list[SegmentKind]:
    kinds = [SegmentKind.BODY] * len(lines)
    index = 0
    while index < len(lines):
        line = lines[index]
        if _ORIGINAL.match(line) or _outlook_block(lines, index):
            start = index - 1 if index and _UNDERSCORES.match(lines[index - 1]) else index
            _fill(kinds, start, len(lines), SegmentKind.QUOTE)
            break
        if _FORWARDED.match(line):
            _fill(kinds, index, len(lines), SegmentKind.FORWARDED)
            break
        attribution = _attribution(lines, index)
        if attribution is not None:
            first, last = attribution
            after = _next_nonblank(lines, last + 1)
            if after is None or not _QUOTED.match(lines[after]):
                _fill(kinds, first, len(lines), SegmentKind.QUOTE)
                break
            index = _quoted_run_end(lines, after)
            _fill(kinds, first, index, SegmentKind.QUOTE)
            continue
        if _QUOTED.match(line):
            end = _quoted_run_end(lines, index)
            _fill(kinds, index, end, SegmentKind.QUOTE)
            index = end
            continue
        if _SIGNATURE.match(line) or _MOBILE.match(line):
            end = index + 1
            while end < len(lines) and not _starts_quote(lines, end):
                end += 1
            _fill(kinds, index, end, SegmentKind.SIGNATURE)
            index = end
            continue
        index += 1
    return kinds


def _starts_quote(lines: list[str], index: int) -> bool:
    line = lines[index]
    return bool(
        _QUOTED.match(line)
        or _ORIGINAL.match(line)
        or _FORWARDED.match(line)
        or _outlook_block(lines, index)
        or _attribution(lines, index) is not None
        or (_UNDERSCORES.match(line) and _outlook_block(lines, index + 1))
    )


def _attribution(lines: list[str], index: int) -> tuple[int, int] | None:
    """(first, last) line of an attribution starting at ``index``, or None."""
    line = lines[index]
    if (
        len(line) <= 300
        and not _QUOTED.match(line)
        and (_ATTRIBUTION_END.search(line) or _ATTRIBUTION_ADDRESS_END.search(line))
    ):
        return index, index
    if (
        index + 1 < len(lines)
        and _ATTRIBUTION_START.match(line)
        and len(line) + len(lines[index + 1]) <= 300
        and _ATTRIBUTION_END.search(lines[index + 1])
        and not _QUOTED.match(lines[index + 1])
    ):
        return index, index + 1
    return None


def _outlook_block(lines: list[str], index: int) -> bool:
    if index >= len(lines) or not _FROM_LABEL.match(lines[index]):
        return False
    labels = {
        match.group(1).casefold()
        for line in lines[index : index + 6]
        if (match := _HEADER_LABEL.match(line))
    }
    return len(labels) >= 3


def _quoted_run_end(lines: list[str], index: int) -> int:
    """The line after a run of "> " lines (blank lines inside the run belong to it)."""
    end = index
    while end < len(lines):
        if _QUOTED.match(lines[end]):
            end += 1
            continue
        following = _next_nonblank(lines, end)
        if not lines[end].strip() and following is not None and _QUOTED.match(lines[following]):
            end = following
            continue
        break
    return end


def _next_nonblank(lines: list[str], index: int) -> int | None:
    while index < len(lines):
        if lines[index].strip():
            return index
        index += 1
    return None


def _fill(kinds: list[SegmentKind], start: int, end: int, kind: SegmentKind) -> None:
    for index in range(start, end):
        kinds[index] = kind
