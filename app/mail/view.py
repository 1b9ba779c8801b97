"""An email message as the conversation view shows it, read from its timeline
row's ``meta["email"]`` (written by integrations/email/inbound.py for a
received message, by app/mail_view.reply_fields for the operator's reply).
Pure and light (no database, no phone numbers): the bubbles import it before
the database is open.

    headers = mail_headers(interaction.meta)        # None: not an email
    parts = visible_parts(text, headers.segments)   # own words; quotes folded

- ``mail_headers`` reads defensively: a field of the wrong type is left out,
  never an error.
- ``visible_parts`` cuts the stored text along the quote segments of
  app/mail/quotes.py: the message's own words and forwarded mail are shown,
  quoted history and signatures fold (the view can unfold them). Nothing is
  dropped: the parts are the text's own pieces.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from app.mail.quotes import Segment, SegmentKind

FOLDED = frozenset({SegmentKind.QUOTE, SegmentKind.SIGNATURE})
_SPECIALS = frozenset('()<>[]:;@\\,."')  # RFC 5322 section 3.2.3


@dataclass(frozen=True)
class Party:
    name: str
    address: str

    @property
    def shown(self) -> str:
        """As a mail client writes it: a name with a comma or the like quoted."""
        if not self.name:
            return self.address
        name = self.name
        if any(c in name for c in _SPECIALS):
            name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return f"{name} <{self.address}>"


@dataclass(frozen=True)
class MailHeaders:
    subject: str
    sender: Party | None
    to: tuple[Party, ...]
    cc: tuple[Party, ...]
    segments: tuple[Segment, ...]  # offsets into the row's text
    has_html: bool
    remote_images: int  # blocked (or, once allowed, loaded) remote images
    remote_allowed: bool
    classification: str  # app.mail.classify.MailKind's value; "human" for ours


@dataclass(frozen=True)
class Part:
    text: str
    folded: bool  # quoted history or a signature: hidden until unfolded
    kind: SegmentKind


def mail_headers(meta: Mapping[str, Any] | None) -> MailHeaders | None:
    """The email fields of a timeline row's meta; None for a row that has none."""
    email = meta.get("email") if isinstance(meta, Mapping) else None
    if not isinstance(email, Mapping):
        return None
    subject = email.get("subject")
    sender = parties([email.get("from")])
    remote = email.get("remote_images")
    classification = email.get("classification")
    return MailHeaders(
        subject=subject if isinstance(subject, str) else "",
        sender=sender[0] if sender else None,
        to=parties(email.get("to")),
        cc=parties(email.get("cc")),
        segments=_segments(email.get("segments")),
        has_html=isinstance(email.get("html"), str) and bool(email.get("html")),
        remote_images=len(remote) if isinstance(remote, list) else 0,
        remote_allowed=email.get("remote_allowed") is True,
        classification=classification if isinstance(classification, str) else "human",
    )


def visible_parts(text: str, segments: Sequence[Segment]) -> list[Part]:
    """``text`` cut along ``segments``, neighbours of the same foldedness joined.
    Segments that don't cover ``text`` exactly (an older row, a text fetched
    apart from its message) are ignored: the whole text is one shown part."""
    if not text:
        return []
    ordered = sorted(segments, key=lambda s: s.start)
    covers = (
        bool(ordered)
        and ordered[0].start == 0
        and ordered[-1].end == len(text)
        and all(a.end == b.start for a, b in pairwise(ordered))
        and all(s.start < s.end for s in ordered)
    )
    if not covers:
        return [Part(text, False, SegmentKind.BODY)]
    parts: list[Part] = []
    for segment in ordered:
        piece = text[segment.start : segment.end]
        folded = segment.kind in FOLDED
        if parts and parts[-1].folded == folded:
            last = parts[-1]
            parts[-1] = Part(last.text + piece, folded, last.kind)
        else:
            parts.append(Part(piece, folded, segment.kind))
    cleaned = [Part(p.text.strip("\n"), p.folded, p.kind) for p in parts]
    return [p for p in cleaned if p.text.strip()]


def cc_text(cc: Sequence[Party]) -> str:
    """Cc as the composer's field shows it (``reply_fields`` reads it back)."""
    return ", ".join(p.shown for p in cc)


def parties(value: object) -> tuple[Party, ...]:
    """A stored address list ([[name, address], ...]), its malformed entries left out."""
    if not isinstance(value, list):
        return ()
    found: list[Party] = []
    for item in value:
        if (
            isinstance(item, list | tuple)
            and len(item) == 2
            and all(isinstance(x, str) for x in item)
            and item[1]
        ):
            found.append(Party(item[0], item[1]))
    return tuple(found)


def _segments(value: object) -> tuple[Segment, ...]:
    if not isinstance(value, list):
        return ()
    found: list[Segment] = []
    for item in value:
        if not (isinstance(item, list | tuple) and len(item) == 3):
            return ()
        kind, start, end = item
        if not (isinstance(start, int) and isinstance(end, int)):
            return ()
        try:
            found.append(Segment(SegmentKind(kind), start, end))
        except ValueError:
            return ()
    return tuple(found)
