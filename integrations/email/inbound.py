"""A fetched message as the inbox stores it: parsed, its files written, its
threading headers beside it.

``to_inbound`` parses the raw bytes with app/mail (never raising), writes each
attachment it kept to the batch's scratch folder (the inbox stores them, fsynced,
before the rows), and maps the rest:

- ``external_id`` is ``f"{account}:{Message-ID}"``: one message per mailbox,
  whichever folder or UIDVALIDITY it was fetched under (a message with no
  Message-ID has app/mail's digest of its bytes, the same at every fetch);
- the sender's address is the contact (kind email) the customer is found by;
  the conversation is the thread with that address, given in the inbox's
  transaction by app/mail_threads.PlaceInThreads from the ``ThreadHeaders``;
- ``meta["email"]`` holds what the view and a reply need (ids, addresses,
  folder/UIDVALIDITY/UID, the classification, the sanitised HTML, its blocked
  remote images, the quote folding segments), and the conversation keeps the
  latest message's subject, address, ids and text to quote;
- an auto-reply, bounce or mailing is ``from_a_person`` False.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.attachments import sanitize_filename
from app.inbox import InboundFile, InboundMessage
from app.mail.headers import Address
from app.mail.parse import MailAttachment, ParsedMail, parse
from app.mail.quotes import own_text
from app.mail.threads import ThreadHeaders
from app.models import Channel, ContactKind
from integrations.email.imap import FetchedMail, LargePart
from integrations.email.settings import MailboxSettings

QUOTE_CHARS = 4000  # of the latest message's own text, kept to quote in a reply
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"})


def own_addresses(settings: MailboxSettings) -> list[str]:
    addresses = [settings.address]
    if "@" in settings.user:
        addresses.append(settings.user)
    return addresses


def to_inbound(
    account_id: int, settings: MailboxSettings, fetched: FetchedMail, scratch: Path
) -> tuple[InboundMessage, ThreadHeaders]:
    mail = parse(fetched.raw, max_attachment_bytes=settings.max_attachment_bytes)
    headers = ThreadHeaders.from_mail(
        mail, own_addresses=own_addresses(settings), date=fetched.internaldate
    )
    correspondent = headers.correspondent
    files = [
        _file(a, scratch / f"{fetched.folder_key}-{fetched.uid}-{n}.part", settings)
        for n, a in enumerate(mail.attachments)
    ]
    text = mail.text
    if fetched.too_large:
        files += [_large_file(p, settings) for p in fetched.parts if not _is_text(p)]
        text = "\n\n".join(t.strip() for t in fetched.texts if t.strip())
    sent_at = fetched.internaldate or mail.date or datetime.now(UTC)
    person = mail.classification.from_a_person
    meta = {"email": _message_meta(mail, fetched)}
    return (
        InboundMessage(
            account_id=account_id,
            channel=Channel.EMAIL,
            external_id=f"{account_id}:{mail.message_id}",
            identity="",  # given by PlaceInThreads in the batch's transaction
            sent_at=sent_at,
            text=text,
            kind="text",
            # A bounce speaks of the customer, but the mail system wrote it: it
            # doesn't rename their conversation.
            sender_title=_name_of(mail, correspondent) if person else "",
            files=tuple(files),
            meta=meta,
            subject=mail.subject,
            from_a_person=person,
            contact_kind=ContactKind.EMAIL if correspondent else None,
            contact_value=correspondent,
            conversation_meta={"email": _conversation_meta(mail, correspondent, sent_at, text)},
        ),
        headers,
    )


def _message_meta(mail: ParsedMail, fetched: FetchedMail) -> dict[str, Any]:
    html = mail.html
    meta: dict[str, Any] = {
        "message_id": mail.message_id,
        "message_id_synthetic": mail.message_id_synthetic,
        "in_reply_to": list(mail.in_reply_to),
        "references": list(mail.references),
        "subject": mail.subject,
        "from": _pair(mail.sender) if mail.sender else None,
        "to": [_pair(a) for a in mail.to],
        "cc": [_pair(a) for a in mail.cc],
        "reply_to": [_pair(a) for a in mail.reply_to],
        "date": mail.date.isoformat() if mail.date else None,
        "folder": fetched.folder,
        "uidvalidity": fetched.uidvalidity,
        "uid": fetched.uid,
        "classification": mail.classification.kind.value,
        "classification_reason": mail.classification.reason,
        "html": html.html if html is not None else None,
        "remote_images": list(html.remote_images) if html is not None else [],
        "segments": [[s.kind.value, s.start, s.end] for s in mail.segments],
        "inline": {
            a.content_id: sanitize_filename(a.filename)
            for a in mail.attachments
            if a.content_id and a.inline
        },
    }
    if html is not None and html.remote_images and mail.unsafe_html is not None:
        # Kept only to sanitise again once the operator allows this message's
        # remote images (app/mail/html.sanitize_html(allow_remote=True)); never shown.
        meta["unsafe_html"] = mail.unsafe_html
    if mail.thread_index:
        meta["thread_index"] = mail.thread_index
    bounce = mail.classification.bounce
    if bounce is not None:
        meta["bounce"] = {
            "failed": bounce.failed,
            "recipients": [
                [r.address, r.action, r.status, r.diagnostic] for r in bounce.recipients
            ],
            "original_message_id": bounce.original_message_id,
        }
    if fetched.too_large:
        meta["too_large"] = fetched.size
    return meta


def _conversation_meta(
    mail: ParsedMail, correspondent: str, sent_at: datetime, text: str
) -> dict[str, Any]:
    """What a reply in this conversation is built from (SENDER's ReplyContext)."""
    cc = [
        _pair(a)
        for a in mail.cc
        if a.key != correspondent and a.key and mail.classification.from_a_person
    ]
    author = mail.sender
    return {
        "subject": mail.subject,
        "address": correspondent,
        "last_message_id": mail.message_id,
        "references": list(mail.references),
        "in_reply_to": list(mail.in_reply_to),
        "thread_index": mail.thread_index,
        "cc": cc,
        "quote": {
            "author": _author(author) if author else correspondent,
            "sent_at": (mail.date or sent_at).isoformat(),
            "text": own_text(text)[:QUOTE_CHARS],
        },
    }


def _file(attachment: MailAttachment, target: Path, settings: MailboxSettings) -> InboundFile:
    name = sanitize_filename(attachment.filename)
    kind = "photo" if attachment.content_type in IMAGE_TYPES else "document"
    if attachment.too_large or attachment.data is None:
        return InboundFile(
            kind=kind,
            filename=name,
            mime=attachment.content_type,
            size=attachment.size,
            unavailable=_too_large(settings),
        )
    target.write_bytes(attachment.data)
    return InboundFile(
        kind=kind,
        filename=name,
        mime=attachment.content_type,
        size=len(attachment.data),
        path=target,
    )


def _large_file(part: LargePart, settings: MailboxSettings) -> InboundFile:
    kind = "photo" if part.content_type in IMAGE_TYPES else "document"
    return InboundFile(
        kind=kind,
        filename=sanitize_filename(part.filename or part.content_type.replace("/", ".")),
        mime=part.content_type,
        size=part.size,
        unavailable=_too_large(settings),
    )


def _too_large(settings: MailboxSettings) -> str:
    return f"larger than {settings.max_attachment_mb} MB, the mailbox's limit"


def _is_text(part: LargePart) -> bool:
    return part.content_type in ("text/plain", "text/html") and not part.filename


def _pair(address: Address) -> list[str]:
    return [address.name, address.address]


def _author(address: Address) -> str:
    return f"{address.name} <{address.address}>" if address.name else address.address


def _name_of(mail: ParsedMail, correspondent: str) -> str:
    for address in (*mail.from_, *mail.to, *mail.cc):
        if address.key == correspondent:
            return address.name or address.address
    return correspondent


__all__ = ["own_addresses", "to_inbound"]
