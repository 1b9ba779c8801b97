"""A parsed email stored through the real inbox, as the email channel stores
one: its row's ``meta["email"]`` holds the fields integrations/email/inbound.py
writes that the view reads (headers, HTML, remote images, quote segments,
inline parts). Shared by the core's and the window's email tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from app.core import Core
from app.inbox import InboundFile, InboundMessage, Stored
from app.mail.parse import ParsedMail
from app.mail_threads import conversation_identity
from app.models import Channel, ChannelAccount, ContactKind

ANNA = "anna@customer.example"
T0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def mail_meta(mail: ParsedMail) -> dict[str, Any]:
    """What integrations/email/inbound.py keeps of a message (the fields read here)."""
    html = mail.html
    pair = lambda a: [a.name, a.address]  # noqa: E731
    meta: dict[str, Any] = {
        "subject": mail.subject,
        "from": pair(mail.sender) if mail.sender else None,
        "to": [pair(a) for a in mail.to],
        "cc": [pair(a) for a in mail.cc],
        "classification": mail.classification.kind.value,
        "html": html.html if html is not None else None,
        "remote_images": list(html.remote_images) if html is not None else [],
        "segments": [[s.kind.value, s.start, s.end] for s in mail.segments],
        "inline": {a.content_id: a.filename for a in mail.attachments if a.inline},
    }
    if mail.unsafe_html is not None:
        meta["unsafe_html"] = mail.unsafe_html
    return {"email": meta}


def mailbox(core: Core) -> int:
    with core.db.session() as s:
        row = ChannelAccount(kind="email", label="shop@shop.example")
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


def store_mail(
    core: Core,
    mail: ParsedMail,
    *,
    files: Sequence[InboundFile] = (),
    conversation_meta: dict[str, Any] | None = None,
    sent_at: datetime = T0,
) -> Stored:
    """``mail`` from Anna, in a new mailbox's thread."""
    account_id = mailbox(core)
    (stored,) = core.inbox.store(
        [
            InboundMessage(
                account_id=account_id,
                channel=Channel.EMAIL,
                external_id=f"{account_id}:{mail.message_id}",
                identity=conversation_identity("thread:a1", ANNA),
                sent_at=sent_at,
                text=mail.text,
                subject=mail.subject,
                sender_title="Анна",
                contact_kind=ContactKind.EMAIL,
                contact_value=ANNA,
                files=tuple(files),
                meta=mail_meta(mail),
                conversation_meta=conversation_meta or {},
            )
        ]
    )
    assert stored.interaction_id is not None
    return stored
