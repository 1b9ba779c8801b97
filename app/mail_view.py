"""An email's body behind the conversation view, and what the operator's reply
adds to the mail it becomes (its headers and folds: app/mail/view.py).

Any thread::

    body = MailBodies(core.db, core.attachments)
    shown = body.html(interaction_id)              # the sanitised HTML, cid: as files
    body.allow_remote_images(interaction_id)       # then html() loads them

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

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from app.attachments import AttachmentStore
from app.contacts import InvalidContact, normalize_email
from app.db import Database
from app.mail.headers import addresses, clean_line
from app.mail.html import sanitize_html
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import Attachment, Interaction

MAX_CC = 20
MAX_SUBJECT_CHARS = 900  # one header line of RFC 5322's 998, "Subject: " and folding aside


class MailViewError(OperatorError):
    pass


@dataclass(frozen=True)
class MailHtml:
    html: str
    inline: dict[str, Path]  # Content-ID (case-folded, no brackets) -> the stored file
    remote_images: tuple[str, ...]
    remote_allowed: bool


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


class MailBodies:
    """The HTML of received mail, and the operator's leave to load its images."""

    def __init__(self, db: Database, attachments: AttachmentStore) -> None:
        self.db = db
        self.attachments = attachments

    def html(self, interaction_id: int) -> MailHtml | None:
        """The message's sanitised HTML (None: it had none), its inline parts
        as stored files; with remote images when the operator allowed them."""
        with self.db.session() as s:
            row = _message(s, interaction_id)
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
            row = _message(s, interaction_id)
            meta = dict(row.meta) if isinstance(row.meta, dict) else {}
            email = meta.get("email")
            if not isinstance(email, dict) or email.get("remote_allowed") is True:
                return
            meta["email"] = {**email, "remote_allowed": True}
            row.meta = meta  # a new dict: the JSON column sees the change
            s.add(row)


def _message(s: Session, interaction_id: int) -> Interaction:
    row = s.get(Interaction, interaction_id)
    if row is None:
        raise MailViewError(
            QT_TRANSLATE_NOOP("core", "The message #{id} is not in the history."),
            id=interaction_id,
        )
    return row


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
