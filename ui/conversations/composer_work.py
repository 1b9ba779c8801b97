"""The composer's database work, run on the window's task worker (never on the
GUI thread): what a conversation offers before the operator types, whether a
draft's press of Send was committed already, and the queueing itself.

This module imports nothing of SQLAlchemy at import time (the window is built
before the database is open); the core's modules come in where they are used,
on the worker, once the core is connected.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import Core

if TYPE_CHECKING:
    from app.models import OutboxMessage
    from app.reply_options import ReplyOptions


@dataclass(frozen=True)
class ComposerContext:
    """What the composer shows and fills in for one conversation."""

    conversation_id: int
    options: ReplyOptions
    customer_id: int | None
    customer_name: str  # "" for an unknown sender
    sender_name: str  # how the platform names them (the conversation's title)
    order: str  # the conversation's start payload (a deep link's order number), or ""
    language: str  # the customer's app language as the platform said it, or ""
    # An email thread's reply subject ("Re: ...") and Cc, as the composer fills them in.
    mail_subject: str = ""
    mail_cc: str = ""


@dataclass(frozen=True)
class PickedFile:
    """A file the operator attached: where it is and how big it was when picked."""

    path: str
    size: int | None  # None: it could not be read (gone, not a file)
    pasted: bool = False  # an image pasted from the clipboard, saved by the composer

    @property
    def name(self) -> str:
        return Path(self.path).name


class AttachmentProblem(Exception):
    """A file that can't go with the message; the composer words it."""

    GONE = "gone"  # deleted or moved since it was attached, or not a file
    TOO_LARGE = "too_large"  # over the channel's upload limit

    def __init__(self, kind: str, name: str, size: int = 0, limit: int = 0) -> None:
        super().__init__(f"{name}: {kind}")
        self.kind, self.name, self.size, self.limit = kind, name, size, limit


@dataclass(frozen=True)
class SendRequest:
    conversation_id: int
    channel: str
    text: str
    files: tuple[PickedFile, ...]
    reply_to: int | None  # the interaction answered, if any
    operator: str
    key: str  # the outbox idempotency key of this press of Send (kept in the draft)
    mail: tuple[str, str] | None = None  # an email reply's (subject, cc) as shown


def upload_limit(channel: str) -> int | None:
    """Bytes one file may have on the channel; None where there is no limit here.
    Telegram: bots upload at most 50 MB (integrations/telegram checks it too)."""
    if channel == "telegram":
        from integrations.telegram.channel import UPLOAD_LIMIT

        return UPLOAD_LIMIT
    return None


def named_as_picture_but_not_one(path: str) -> bool:
    """A file whose name says picture (.jpg, .png...) and whose first bytes
    are not one: the core records and sends it as a plain file
    (``app.attachments.content_mime``); the composer says so."""
    import mimetypes

    from app.attachments import content_mime, read_head

    named = mimetypes.guess_type(path)[0] or ""
    return named.startswith("image/") and content_mime(named, read_head(Path(path))) != named


def file_size(path: str) -> int | None:
    """The file's size without reading it (a 2 GB file is never read here)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size if os.path.isfile(path) else None


def load_context(core: Core, conversation_id: int) -> ComposerContext:
    from sqlmodel import col, select

    from app.enums import Direction
    from app.models import Interaction

    options = core.reply_options.options(conversation_id)
    conversation = core.conversations.get(conversation_id)
    customer_name = ""
    if conversation.customer_id is not None:
        customer_name = core.customers.get(conversation.customer_id).name
    with core.db.session() as s:
        # The language the customer's app speaks, from their latest message that says.
        meta = s.exec(
            select(Interaction.meta)
            .where(
                Interaction.conversation_id == conversation_id,
                Interaction.direction == Direction.INBOUND.value,
            )
            .order_by(col(Interaction.started_at).desc(), col(Interaction.id).desc())
            .limit(20)
        ).all()
    language = next(
        (m["language_code"] for m in meta if isinstance(m.get("language_code"), str)), ""
    )
    payload = conversation.meta.get("start_payload")
    mail_subject, mail_cc = _thread_fields(conversation.meta)
    return ComposerContext(
        conversation_id=conversation_id,
        options=options,
        customer_id=conversation.customer_id,
        customer_name=customer_name,
        sender_name=conversation.title,
        order=payload if isinstance(payload, str) else "",
        language=language,
        mail_subject=mail_subject,
        mail_cc=mail_cc,
    )


def _thread_fields(meta: dict[str, object]) -> tuple[str, str]:
    """An email conversation's reply subject and Cc (what the channel would use)."""
    from app.mail.subjects import reply_subject
    from app.mail.view import cc_text, parties

    email = meta.get("email")
    if not isinstance(email, dict):
        return "", ""
    subject = email.get("subject")
    shown = reply_subject(subject) if isinstance(subject, str) and subject else ""
    return shown, cc_text(parties(email.get("cc")))


def committed_with_key(core: Core, key: str) -> int | None:
    """The outbox message queued with ``key`` (a draft's press of Send that was
    committed before the draft could be cleared), or None."""
    from sqlmodel import select

    from app.models import OutboxMessage

    with core.db.session() as s:
        return s.exec(select(OutboxMessage.id).where(OutboxMessage.idempotency_key == key)).first()


def queue_message(core: Core, request: SendRequest) -> OutboxMessage:
    """Checks the files (still there, within the channel's limit: stat only,
    nothing read), then ``Outbox.queue`` with the request's key: a repeat of
    one already committed returns that message and writes nothing."""
    from app.outbox import OutgoingFile

    limit = upload_limit(request.channel)
    files = []
    for picked in request.files:
        size = file_size(picked.path)
        if size is None:
            raise AttachmentProblem(AttachmentProblem.GONE, picked.name)
        if limit is not None and size > limit:
            raise AttachmentProblem(AttachmentProblem.TOO_LARGE, picked.name, size, limit)
        files.append(
            OutgoingFile(Path(picked.path), None, "image/png")
            if picked.pasted
            else OutgoingFile(Path(picked.path))
        )
    reply_to_external_id = None
    if request.reply_to is not None:
        # The message answered may be gone meanwhile (deleted in another view):
        # the answer then goes without the quote rather than not at all.
        from app.timeline import TimelineError

        try:
            reply_to_external_id = core.timeline.get(request.reply_to).external_id
        except TimelineError:
            reply_to_external_id = None
    email = None
    if request.mail is not None:
        from app.mail_view import reply_fields

        email = reply_fields(*request.mail)  # a wrong Cc is refused before anything is queued
    return core.outbox.queue(
        request.conversation_id,
        request.text,
        operator=request.operator,
        idempotency_key=request.key,
        attachments=files,
        reply_to_external_id=reply_to_external_id,
        email=email,
    )
