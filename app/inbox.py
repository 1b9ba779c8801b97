"""The inbox: what a channel delivers, stored once, with its conversation.

A channel maps the platform's items to ``InboundMessage``s and hands a batch
to ``Inbox.store`` (through the ``InboundWriter``, on its thread). One batch is
one transaction, its reading position (``Cursor``: the Telegram offset, an IMAP
UID watermark) included, so the channel acknowledges the platform only for
what is committed, and a batch delivered again after a crash stores nothing
twice: a message's ``external_id`` is unique per channel.

- An edit (``edited_at``) updates its message's row and keeps the earlier text
  in ``meta["edits"]``; an edit delivered again changes nothing.
- A contact card the sender shared of themselves links the chat to the
  customer with that phone number (or makes one), and asks for a callback
  (source ``messenger``, linked to the conversation); when the chat belongs to
  another customer already, a merge is offered (``meta["merge_offer"]``),
  never done silently. A contact of someone else is only a message.
- Files were downloaded by the channel before the batch (the attachment
  store's bytes are fsynced before the rows that point at them); one the
  platform would not give us is a row that says why.
- A message not from a person (an auto-reply, a bounce, a mailing:
  ``from_a_person`` False) is shown, but neither makes its conversation
  waiting nor makes a customer of its sender.
- A channel whose messages need work inside the batch's transaction before
  they are stored (email: each placed in its thread over the mailbox's id
  table, which also gives the conversation) hands ``store`` a ``BatchStep``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from sqlmodel import Session, col, select

from app.attachments import AttachmentStore
from app.bot_replies import BotReplies
from app.callbacks import CallbackError, CallbackQueue
from app.contacts import InvalidContact, normalize_phone
from app.conversations import CONTACT_KIND_OF_CHANNEL, Conversations
from app.customers import ContactInput, CustomerError, Customers
from app.db import Database
from app.models import (
    CallbackSource,
    Channel,
    ChannelCursor,
    ContactKind,
    Conversation,
    Customer,
    Direction,
    Interaction,
    InteractionStatus,
    utcnow,
)
from app.outbox import Outbox
from app.timeline import InteractionDraft, RecordedRef, Timeline

log = logging.getLogger(__name__)

PREFETCH_CHUNK = 500  # identities per query (SQLite's limit of bound parameters)


@dataclass(frozen=True)
class SharedContact:
    phone: str
    # The platform user the card belongs to; None when the card is not a user's.
    user_id: str | None = None
    first_name: str = ""
    last_name: str = ""


@dataclass(frozen=True)
class InboundFile:
    kind: str  # photo, document, voice, audio, video, video_note, sticker
    filename: str
    mime: str = ""
    size: int | None = None
    # Downloaded by the channel before the batch is stored; None: not downloaded,
    # and ``unavailable`` says why (too large, gone from the platform).
    path: Path | None = None
    unavailable: str = ""


@dataclass(frozen=True)
class InboundMessage:
    account_id: int
    channel: Channel
    # Unique per channel (e.g. "<account>:<chat>:<message id>"): a delivery
    # with an id stored before is a repeat.
    external_id: str
    identity: str  # the sender as the platform names them for good (a user id)
    sent_at: datetime
    text: str = ""
    kind: str = "text"
    sender_title: str = ""
    sender_username: str = ""
    reply_to_external_id: str | None = None
    files: tuple[InboundFile, ...] = ()
    edited_at: datetime | None = None  # this is an edit of ``external_id``
    contact: SharedContact | None = None
    # A deep link's payload (Telegram's "/start <payload>"): an order number, a page.
    start_payload: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    subject: str = ""  # an email's
    # False for an auto-reply, a bounce, a mailing: shown, but the conversation
    # is not waiting for it and its sender is not made a customer.
    from_a_person: bool = True
    # The sender's contact when the identity is not one (an email conversation
    # is a thread: its identity is the thread and the address together).
    contact_kind: ContactKind | None = None
    contact_value: str = ""
    # What the conversation keeps of its latest message, under these keys (an
    # email thread's subject and ids, which a reply is built from); a message
    # older than the conversation's latest one changes nothing.
    conversation_meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Cursor:
    """A channel account's reading position, stored with the batch it covers."""

    account_id: int
    name: str
    value: str


class BatchStep(Protocol):
    """A channel's work on its batch inside the batch's transaction, before it
    is stored: it returns the messages to store (the same files), e.g. with
    the identity of the conversation each belongs to."""

    def __call__(self, s: Session, batch: Sequence[InboundMessage]) -> Sequence[InboundMessage]: ...


@dataclass
class _Batch:
    """One batch's transaction: what it reads once instead of once per message
    (a burst is mostly a few chats writing several messages each), and the
    writes it makes once at the end instead of once per message."""

    labels: dict[int, str] = field(default_factory=dict)
    # Every conversation the batch names, by (account, identity), read in one query.
    conversations: dict[tuple[int, str], Conversation] = field(default_factory=dict)
    # Their customers, held so that the session's identity map (which holds
    # rows only while someone does) answers the timeline's check of the
    # customer without a query per message.
    customers: list[Customer] = field(default_factory=list)
    # The conversations' new messages, counted once at the end; whether each
    # makes the conversation wait (a person wrote it).
    inbound: list[tuple[Conversation, datetime, bool]] = field(default_factory=list)


@dataclass(frozen=True)
class Stored:
    interaction_id: int
    conversation_id: int
    customer_id: int | None
    created: bool  # False: a repeat (or an edit of a stored message)
    edited: bool = False


class Inbox:
    def __init__(
        self,
        db: Database,
        timeline: Timeline,
        conversations: Conversations,
        customers: Customers,
        attachments: AttachmentStore,
        callbacks: CallbackQueue,
    ) -> None:
        self.db = db
        self.timeline = timeline
        self.conversations = conversations
        self.customers = customers
        self.attachments = attachments
        self.callbacks = callbacks
        self.replies = BotReplies(Outbox(db, timeline, attachments))  # greeting, confirmation

    def store(
        self,
        batch: Sequence[InboundMessage],
        cursor: Cursor | None = None,
        prepare: BatchStep | None = None,
    ) -> list[Stored]:
        """Stores a batch in one transaction, with the cursor that covers it;
        ``prepare`` runs first in that transaction."""
        files = {
            id(f): self.attachments.store_file(f.path)
            for message in batch
            for f in message.files
            if f.path is not None
        }
        with self.db.transaction() as s:
            if prepare is not None:
                batch = list(prepare(s, batch))
            seen = self._prefetch(s, batch)
            self._make_conversations(s, batch, seen)
            stored: list[Stored] = []
            # Plain messages are recorded in runs, one INSERT each; an edit or
            # a shared contact reads what came before it, so it ends a run.
            run: list[tuple[InboundMessage, Conversation, InteractionDraft]] = []
            for message in batch:
                if message.edited_at is None and message.contact is None:
                    conversation = self._conversation(s, message, seen)
                    run.append((message, conversation, self._draft(s, message, conversation, seen)))
                    continue
                stored.extend(self._store_run(s, run, files, seen))
                run = []
                stored.append(self._store_one(s, message, files, seen))
            stored.extend(self._store_run(s, run, files, seen))
            self._settle(s, seen)
            if cursor is not None:
                self._save_cursor(s, cursor)
        created = sum(1 for item in stored if item.created)
        if batch:
            log.info("inbox: %d of %d messages new", created, len(batch))
        return stored

    def cursor(self, account_id: int, name: str) -> str | None:
        with self.db.session() as s:
            row = s.exec(
                select(ChannelCursor).where(
                    ChannelCursor.account_id == account_id, ChannelCursor.name == name
                )
            ).first()
            return row.value if row is not None else None

    # --- one message ---------------------------------------------------------------

    def _store_run(
        self,
        s: Session,
        run: Sequence[tuple[InboundMessage, Conversation, InteractionDraft]],
        files: dict[int, Any],
        seen: _Batch,
    ) -> list[Stored]:
        if not run:
            return []
        recorded = self.timeline.record_many_in(s, [draft for _, _, draft in run])
        return [
            self._placed(s, message, conversation, item, files, seen)
            for (message, conversation, _), item in zip(run, recorded, strict=True)
        ]

    def _store_one(
        self, s: Session, message: InboundMessage, files: dict[int, Any], seen: _Batch
    ) -> Stored:
        conversation = self._conversation(s, message, seen)
        assert conversation.id is not None
        if message.edited_at is not None:
            edited = self._edit(s, conversation, message)
            if edited is not None:
                return edited
        recorded = self.timeline.record_in(s, self._draft(s, message, conversation, seen))
        row = recorded.interaction
        assert row.id is not None
        stored = self._placed(
            s,
            message,
            conversation,
            RecordedRef(row.id, row.customer_id, recorded.created),
            files,
            seen,
        )
        if (
            stored.created
            and message.contact is not None
            and message.contact.user_id == message.identity
        ):
            self._settle(s, seen)  # linking reads the conversation's counters
            self._own_contact(s, conversation, recorded.interaction, message)
            self.replies.confirm_in(s, conversation, message)
            return Stored(
                stored.interaction_id, stored.conversation_id, conversation.customer_id, True
            )
        return stored

    def _draft(
        self, s: Session, message: InboundMessage, conversation: Conversation, seen: _Batch
    ) -> InteractionDraft:
        channel = Channel(message.channel).value
        kind: ContactKind | None = CONTACT_KIND_OF_CHANNEL.get(channel)
        value: str | None = message.identity if kind is not None else None
        if message.contact_kind is not None:
            kind, value = message.contact_kind, message.contact_value or None
        meta: dict[str, Any] = dict(message.meta)
        meta["kind"] = message.kind
        if message.reply_to_external_id:
            meta["reply_to"] = message.reply_to_external_id
        if message.start_payload:
            meta["start_payload"] = message.start_payload
        if message.edited_at is not None:  # an edit of a message we never had
            meta["edited_at"] = message.edited_at.isoformat()
        if message.contact is not None:
            meta["contact"] = {
                "phone": message.contact.phone,
                "user_id": message.contact.user_id,
                "first_name": message.contact.first_name,
                "last_name": message.contact.last_name,
            }
        unavailable = [
            {"kind": f.kind, "filename": f.filename, "size": f.size, "reason": f.unavailable}
            for f in message.files
            if f.path is None
        ]
        if unavailable:  # the files the platform would not give us, and why
            meta["unavailable_files"] = unavailable
        return InteractionDraft(
            channel=channel,
            direction=Direction.INBOUND,
            status=InteractionStatus.RECEIVED,
            started_at=message.sent_at,
            subject=message.subject[:1000],
            body=message.text,
            external_id=message.external_id,
            thread_key=f"{message.account_id}:{message.identity}",
            contact_kind=kind,
            contact_value=value,
            contact_name=message.sender_title,
            create_customer=message.from_a_person,
            customer_id=conversation.customer_id,
            account=self._label(s, message.account_id, seen),
            meta=meta,
            conversation_id=conversation.id,
        )

    def _placed(
        self,
        s: Session,
        message: InboundMessage,
        conversation: Conversation,
        recorded: RecordedRef,
        files: dict[int, Any],
        seen: _Batch,
    ) -> Stored:
        """What follows a stored message: its conversation, its files."""
        assert conversation.id is not None
        row_id = recorded.interaction_id
        if not recorded.created:
            return Stored(row_id, conversation.id, recorded.customer_id, created=False)
        if conversation.customer_id is None and recorded.customer_id is not None:
            # The unknown-sender policy made the sender a customer.
            conversation.customer_id = recorded.customer_id
        if message.start_payload:
            conversation.meta = {**conversation.meta, "start_payload": message.start_payload}
        if message.conversation_meta and (
            conversation.last_inbound_at is None or message.sent_at >= conversation.last_inbound_at
        ):
            conversation.meta = {**conversation.meta, **message.conversation_meta}
        seen.inbound.append((conversation, message.sent_at, message.from_a_person))
        for item in message.files:
            if item.path is not None:
                self.attachments.add_in(
                    s, row_id, files[id(item)], filename=item.filename, mime=item.mime or None
                )
        self.replies.greet_in(s, conversation, message)
        return Stored(row_id, conversation.id, conversation.customer_id, created=True)

    @staticmethod
    def _prefetch(s: Session, batch: Sequence[InboundMessage]) -> _Batch:
        seen = _Batch()
        wanted: dict[int, set[str]] = {}
        for message in batch:
            wanted.setdefault(message.account_id, set()).add(message.identity)
        for account_id, identities in wanted.items():
            ordered = sorted(identities)
            for start in range(0, len(ordered), PREFETCH_CHUNK):
                rows = s.exec(
                    select(Conversation).where(
                        Conversation.account_id == account_id,
                        col(Conversation.identity).in_(ordered[start : start + PREFETCH_CHUNK]),
                    )
                )
                for row in rows:
                    seen.conversations[(account_id, row.identity)] = row
        customer_ids = sorted(
            {c.customer_id for c in seen.conversations.values() if c.customer_id is not None}
        )
        for start in range(0, len(customer_ids), PREFETCH_CHUNK):
            chunk = customer_ids[start : start + PREFETCH_CHUNK]
            seen.customers.extend(s.exec(select(Customer).where(col(Customer.id).in_(chunk))))
        return seen

    def _make_conversations(
        self, s: Session, batch: Sequence[InboundMessage], seen: _Batch
    ) -> None:
        """New senders' conversations, made together (a burst from a campaign
        is mostly new chats), with the name of their first message; a later
        message of the batch with another name renames as usual."""
        new: dict[tuple[int, str], dict[str, tuple[str, str, str]]] = {}
        for message in batch:
            if (message.account_id, message.identity) in seen.conversations:
                continue
            senders = new.setdefault((message.account_id, Channel(message.channel).value), {})
            senders.setdefault(
                message.identity,
                (message.identity, message.sender_title, message.sender_username),
            )
        for (account_id, channel), senders in new.items():
            made = self.conversations.create_many_in(s, account_id, channel, list(senders.values()))
            for conversation in made:
                seen.conversations[(account_id, conversation.identity)] = conversation

    def _settle(self, s: Session, seen: _Batch) -> None:
        """The conversations count their new messages: one UPDATE per
        conversation at the next flush rather than one per message. Nothing in
        between reads these columns but the linking of a shared contact, which
        settles first."""
        for conversation, at, waiting in seen.inbound:
            self.conversations.note_inbound(s, conversation, at, waiting=waiting)
        seen.inbound.clear()

    def _conversation(self, s: Session, message: InboundMessage, seen: _Batch) -> Conversation:
        key = (message.account_id, message.identity)
        conversation = seen.conversations.get(key)
        title, username = message.sender_title, message.sender_username
        # open_in makes a missing one and takes over a changed name; for one
        # the batch holds already under the same name it would do nothing.
        if (
            conversation is None
            or (title and conversation.title != title)
            or (username and conversation.username != username)
        ):
            conversation = self.conversations.open_in(
                s,
                message.account_id,
                Channel(message.channel).value,
                message.identity,
                title=message.sender_title,
                username=message.sender_username,
            )
            seen.conversations[key] = conversation
        return conversation

    def _label(self, s: Session, account_id: int, seen: _Batch) -> str:
        label = seen.labels.get(account_id)
        if label is None:
            label = seen.labels[account_id] = self.conversations.account_label(s, account_id)
        return label

    def _edit(
        self, s: Session, conversation: Conversation, message: InboundMessage
    ) -> Stored | None:
        row = s.exec(
            select(Interaction).where(
                Interaction.channel == Channel(message.channel).value,
                Interaction.external_id == message.external_id,
            )
        ).first()
        if row is None:
            return None  # an edit of a message from before our first sync: store it
        assert row.id is not None and conversation.id is not None and message.edited_at
        last = row.meta.get("edited_at")
        if last is not None and datetime.fromisoformat(last) >= message.edited_at:
            return Stored(row.id, conversation.id, row.customer_id, created=False)
        if row.body != message.text:
            edits = [
                *row.meta.get("edits", []),
                {"text": row.body, "until": message.edited_at.isoformat()},
            ]
            row.meta = {**row.meta, "edits": edits, "edited_at": message.edited_at.isoformat()}
            row.body = message.text
        else:
            row.meta = {**row.meta, "edited_at": message.edited_at.isoformat()}
        row.updated_at = utcnow()
        s.add(row)
        return Stored(row.id, conversation.id, row.customer_id, created=False, edited=True)

    def _own_contact(
        self, s: Session, conversation: Conversation, row: Interaction, message: InboundMessage
    ) -> None:
        """The sender shared their own number: link the chat to that customer
        (offering a merge when the chat is someone else's already), and ask for
        a callback, linked back to the conversation."""
        assert message.contact is not None and conversation.id is not None
        try:
            phone = normalize_phone(message.contact.phone, self.customers.default_region)
        except InvalidContact:
            log.info("inbox: a shared contact's number is not a phone number")
            return
        owner = Customers._find_normalized(s, ContactKind.PHONE.value, phone)
        if owner is not None and conversation.customer_id not in (None, owner.id):
            conversation.meta = {
                **conversation.meta,
                "merge_offer": {"customer_id": owner.id, "phone": phone},
            }
            s.add(conversation)
        elif owner is not None:
            assert owner.id is not None
            self.conversations.link_in(s, conversation.id, owner.id)
        elif conversation.customer_id is not None:
            try:
                with s.begin_nested():
                    self.customers.add_contact_in(
                        s, conversation.customer_id, ContactInput(ContactKind.PHONE.value, phone)
                    )
            except CustomerError:
                log.info("inbox: the shared number was taken meanwhile")
        else:
            name = (
                " ".join(p for p in (message.contact.first_name, message.contact.last_name) if p)
                or message.sender_title
                or phone
            )
            customer = self.customers.create_in(
                s, name, [ContactInput(ContactKind.PHONE.value, phone)]
            )
            assert customer.id is not None
            self.conversations.link_in(s, conversation.id, customer.id)
        try:
            request = self.callbacks.prepare(
                phone,
                CallbackSource.MESSENGER,
                name=conversation.title,
                customer_id=conversation.customer_id,
                external_id=message.external_id,
                meta={"conversation_id": conversation.id, "interaction_id": row.id},
            )
            self.callbacks.submit_in(s, request)
        except CallbackError as exc:
            log.info("inbox: no callback request from a shared contact: %s", exc)

    @staticmethod
    def _save_cursor(s: Session, cursor: Cursor) -> None:
        row = s.exec(
            select(ChannelCursor).where(
                ChannelCursor.account_id == cursor.account_id, ChannelCursor.name == cursor.name
            )
        ).first()
        if row is None:
            row = ChannelCursor(account_id=cursor.account_id, name=cursor.name)
        row.value = cursor.value
        row.updated_at = utcnow()
        s.add(row)
