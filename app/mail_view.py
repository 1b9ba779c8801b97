"""An email message as the conversation view shows it, and what the operator's
reply adds to the mail it becomes.

Reading (any thread)::

    headers = mail_headers(interaction.meta)       # None: not an email
    folded = visible_parts(text, headers.segments) # the own words; quotes folded
    body = MailBodies(core.db, core.attachments)
    shown = body.html(interaction_id)              # the sanitised HTML, cid: as files
    body.allow_remote_images(interaction_id)       # then html() loads them

- ``MailHeaders`` comes from the row's ``meta["email"]`` (written by
  integrations/email/inbound.py for a received message, by ``reply_fields``
  for the operator's reply), read defensively: a field of the wrong type is
  left out, never an error.
- ``visible_parts`` cuts the stored text along the quote segments of
  app/mail/quotes.py: the message's own words and forwarded mail are shown,
  quoted history and signatures are folded (one line says how many lines are
  hidden, and the view can unfold them).
- Remote images stay blocked (app/mail/html.py) until the operator allows them
  for that message: ``allow_remote_images`` records it on the row (so it holds
  after a restart and for every operator of a team), and ``html`` then
  sanitises the stored original again with ``allow_remote=True``. The images
  themselves are fetched by the window, never here.
- ``reply_fields(subject, cc)`` checks what the composer gave: one subject
  line, each Cc an address (with an optional name); a wrong one is an
  ``OperatorError`` naming it, before anything is queued.

Message bodies are personal data: nothing here logs them.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from app.attachments import AttachmentStore
from app.contacts import InvalidContact, normalize_email
from app.db import Database
from app.mail.headers import addresses, clean_line
from app.mail.html import sanitize_html
from app.mail.quotes import Segment, SegmentKind
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import Attachment, Interaction

MAX_CC = 20
_SPECIALS = frozenset('()<>[]:;@\\,."')  # RFC 5322 section 3.2.3
MAX_SUBJECT_CHARS = 900  # one header line of RFC 5322's 998, "Subject: " and folding aside
FOLDED = frozenset({SegmentKind.QUOTE, SegmentKind.SIGNATURE})


class MailViewError(OperatorError):
    pass


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


@dataclass(frozen=True)
class MailHtml:
    html: str
    inline: dict[str, Path]  # Content-ID (case-folded, no brackets) -> the stored file
    remote_images: tuple[str, ...]
    remote_allowed: bool


def mail_headers(meta: Mapping[str, Any] | None) -> MailHeaders | None:
    """The email fields of a timeline row's meta; None for a row that has none."""
    email = meta.get("email") if isinstance(meta, Mapping) else None
    if not isinstance(email, Mapping):
        return None
    subject = email.get("subject")
    sender = _parties([email.get("from")])
    remote = email.get("remote_images")
    classification = email.get("classification")
    return MailHeaders(
        subject=subject if isinstance(subject, str) else "",
        sender=sender[0] if sender else None,
        to=_parties(email.get("to")),
        cc=_parties(email.get("cc")),
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
        and all(a.end == b.start for a, b in itertools.pairwise(ordered))
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


def reply_fields(subject: str, cc: str) -> dict[str, Any]:
    """The composer's subject and Cc as the reply's ``meta["email"]``, checked."""
    subject = " ".join(subject.split())
    if len(subject) > MAX_SUBJECT_CHARS:
        raise MailViewError(
            QT_TRANSLATE_NOOP("core", "The subject is too long: at most {limit} characters."),
            limit=MAX_SUBJECT_CHARS,
        )
    pairs: list[list[str]] = []
    for piece in _cc_pieces(cc):
        found = addresses(piece)
        if len(found) != 1:
            raise MailViewError(
                QT_TRANSLATE_NOOP("core", "{value!r} in Cc is not an email address."),
                value=piece,
            )
        try:
            normalize_email(found[0].address)
        except InvalidContact:
            raise MailViewError(
                QT_TRANSLATE_NOOP("core", "{value!r} in Cc is not an email address."),
                value=piece,
            ) from None
        if found[0].address.casefold() not in {p[1].casefold() for p in pairs}:
            pairs.append([clean_line(found[0].name), found[0].address])
    if len(pairs) > MAX_CC:
        raise MailViewError(
            QT_TRANSLATE_NOOP("core", "At most {limit} addresses in Cc."), limit=MAX_CC
        )
    fields: dict[str, Any] = {"cc": pairs}
    if subject:
        fields["subject"] = subject
    return fields


def cc_text(cc: Sequence[Party]) -> str:
    """Cc as the composer's field shows it (``reply_fields`` reads it back)."""
    return ", ".join(p.shown for p in cc)


class MailBodies:
    """The HTML of received mail, and the operator's leave to load its images."""

    def __init__(self, db: Database, attachments: AttachmentStore) -> None:
        self.db = db
        self.attachments = attachments

    def html(self, interaction_id: int) -> MailHtml | None:
        """The message's sanitised HTML (None: it had none), its inline parts
        as stored files; with remote images when the operator allowed them."""
        with self.db.session() as s:
            row = s.get(Interaction, interaction_id)
            if row is None:
                raise MailViewError(
                    QT_TRANSLATE_NOOP("core", "The message #{id} is not in the history."),
                    id=interaction_id,
                )
            email = row.meta.get("email") if isinstance(row.meta, dict) else None
            if not isinstance(email, dict) or not isinstance(email.get("html"), str):
                return None
            files = list(
                s.exec(select(Attachment).where(col(Attachment.interaction_id) == interaction_id))
            )
        by_name = {a.filename: self.attachments.path_for(a.sha256) for a in files}
        inline: dict[str, Path] = {}
        named = email.get("inline")
        if isinstance(named, dict):
            for content_id, filename in named.items():
                path = by_name.get(filename) if isinstance(filename, str) else None
                if isinstance(content_id, str) and path is not None:
                    inline[content_id.strip("<>").casefold()] = path
        allowed = email.get("remote_allowed") is True
        remote = email.get("remote_images")
        listed = tuple(u for u in remote if isinstance(u, str)) if isinstance(remote, list) else ()
        unsafe = email.get("unsafe_html")
        if allowed and isinstance(unsafe, str):
            # The stored original, sanitised again: everything else stays removed.
            cid = {key: f"cid:{key}" for key in inline}
            safe = sanitize_html(unsafe, inline=cid, allow_remote=True)
            return MailHtml(safe.html, inline, safe.remote_images, True)
        return MailHtml(email["html"], inline, listed, False)

    def allow_remote_images(self, interaction_id: int) -> None:
        """Records on the row that its remote images may be loaded."""
        with self.db.transaction() as s:
            row = s.get(Interaction, interaction_id)
            if row is None:
                raise MailViewError(
                    QT_TRANSLATE_NOOP("core", "The message #{id} is not in the history."),
                    id=interaction_id,
                )
            meta = dict(row.meta) if isinstance(row.meta, dict) else {}
            email = meta.get("email")
            if not isinstance(email, dict) or email.get("remote_allowed") is True:
                return
            meta["email"] = {**email, "remote_allowed": True}
            row.meta = meta  # a new dict: the JSON column sees the change
            s.add(row)


def _cc_pieces(cc: str) -> list[str]:
    """The entries of a typed Cc: split at commas and semicolons outside quotes
    and angle brackets (a name may hold a comma: "Petrenko, Olena" <o@x.ua>)."""
    pieces: list[str] = []
    current: list[str] = []
    quoted = angled = escaped = False
    for char in cc:
        if escaped:
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"' and not angled:
            quoted = not quoted
        elif char == "<" and not quoted:
            angled = True
        elif char == ">" and not quoted:
            angled = False
        if char in ",;\n" and not quoted and not angled:
            pieces.append("".join(current))
            current = []
        else:
            current.append(char)
    pieces.append("".join(current))
    return [p.strip() for p in pieces if p.strip()]


def _parties(value: object) -> tuple[Party, ...]:
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
