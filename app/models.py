"""The tables of the core.

Rules every table follows:
- Times are stored as UTC and always come back timezone-aware (``UTCDateTime``),
  on SQLite as on PostgreSQL, so no caller ever compares naive and aware times.
- No secret column anywhere: passwords and tokens live in the OS keyring
  (app/secrets.py), keyed by the account rows' ids.
- Enumerations are stored as their string values, so a row stays readable with
  plain SQL and a new member needs no migration.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint
from sqlalchemy import false as sa_false
from sqlalchemy.types import DateTime, TypeDecorator
from sqlmodel import Field, SQLModel

# Re-exported: the enumerations live apart so that the window can import them
# without SQLAlchemy.
from app.enums import (  # noqa: F401
    CallbackOutcome,
    CallbackSource,
    CallbackStatus,
    Channel,
    ContactKind,
    Direction,
    InteractionStatus,
    OutboxStatus,
)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as naive UTC; returns them aware (UTC).

    SQLite has no time-zone type, and mixing naive and aware values is the
    classic source of "callback due 3 hours late" bugs.
    """

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: the core stores aware UTC times only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def _utc_column(nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


def _created_column() -> Any:
    return Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class Customer(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=300, index=True)
    company: str = Field(default="", max_length=300)
    notes: str = Field(default="", sa_type=Text)
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    owner: str = Field(default="", max_length=200)
    created_at: datetime = _created_column()
    updated_at: datetime = _created_column()


class ContactPoint(SQLModel, table=True):
    """One way to reach a customer; its normalised value is unique per kind,
    so one phone number or chat id can only ever point at one customer."""

    __table_args__ = (
        UniqueConstraint("kind", "normalized", name="uq_contactpoint_kind_normalized"),
    )

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=20)
    raw: str = Field(max_length=500)
    normalized: str = Field(max_length=500, index=True)
    label: str = Field(default="", max_length=100)
    created_at: datetime = _created_column()


class Interaction(SQLModel, table=True):
    """One call, message, email, form or note: the rows of the timeline.

    ``external_id`` is the channel's own id (SIP Call-ID, Telegram message id,
    email Message-ID); unique per channel so a re-delivered event is stored once.
    NULLs do not collide, so notes need none.
    """

    __table_args__ = (
        UniqueConstraint("channel", "external_id", name="uq_interaction_channel_external"),
        Index("ix_interaction_customer_started", "customer_id", "started_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int | None = Field(
        default=None, foreign_key="customer.id", index=True, ondelete="SET NULL"
    )
    channel: str = Field(max_length=20)
    direction: str = Field(max_length=10)
    status: str = Field(max_length=20)
    started_at: datetime = _created_column()
    answered_at: datetime | None = _utc_column()
    ended_at: datetime | None = _utc_column()
    duration_s: float | None = Field(default=None)
    subject: str = Field(default="", max_length=1000)
    body: str = Field(default="", sa_type=Text)
    external_id: str | None = Field(default=None, max_length=500)
    thread_key: str | None = Field(default=None, max_length=500, index=True)
    # Where the contact came from or went to, as the channel spells it
    # (the phone number, the chat id, the address): kept even when no customer
    # is linked, so an unknown sender can be linked later.
    contact_kind: str | None = Field(default=None, max_length=20)
    contact_value: str | None = Field(default=None, max_length=500, index=True)
    account: str = Field(default="", max_length=200)
    operator: str = Field(default="", max_length=200)
    # The chat a message belongs to (None for calls, forms and notes).
    conversation_id: int | None = Field(
        default=None, foreign_key="conversation.id", index=True, ondelete="SET NULL"
    )
    meta: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = _created_column()
    updated_at: datetime = _created_column()


class Attachment(SQLModel, table=True):
    """A file belonging to an interaction (recording, photo, document).

    The bytes live under the data dir, content-addressed by sha256; the row keeps
    the sanitised name the operator sees.
    """

    id: int | None = Field(default=None, primary_key=True)
    interaction_id: int = Field(foreign_key="interaction.id", index=True, ondelete="CASCADE")
    filename: str = Field(max_length=255)
    mime: str = Field(default="application/octet-stream", max_length=200)
    size: int
    sha256: str = Field(max_length=64, index=True)
    created_at: datetime = _created_column()


class CallbackRequest(SQLModel, table=True):
    """A "call me back": the queue logic lives in app/callbacks.py.

    ``external_id`` is the delivery's own id (a web form's request_id, a
    message id): unique per source, so one delivery makes one request however
    often and however concurrently it arrives. NULLs do not collide, so
    requests made by hand and from missed calls need none."""

    __table_args__ = (
        Index("ix_callback_status_due", "status", "due_at"),
        Index("uq_callbackrequest_source_external", "source", "external_id", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int | None = Field(
        default=None, foreign_key="customer.id", index=True, ondelete="SET NULL"
    )
    phone: str = Field(max_length=40, index=True)
    name: str = Field(default="", max_length=300)
    source: str = Field(max_length=20)
    status: str = Field(default=CallbackStatus.OPEN.value, max_length=20)
    priority: int = Field(default=0)
    comment: str = Field(default="", sa_type=Text)
    requested_at: datetime = _created_column()
    due_at: datetime | None = _utc_column()
    sla_deadline: datetime | None = _utc_column()
    preferred_from: datetime | None = _utc_column()
    preferred_to: datetime | None = _utc_column()
    attempts: int = Field(default=0)
    missed_count: int = Field(default=0)
    next_attempt_at: datetime | None = _utc_column()
    claimed_by: str | None = Field(default=None, max_length=200)
    claim_expires_at: datetime | None = _utc_column()
    # The operator the request was given to (the queue's "reassign"): only they
    # take it with "call next", over attempts and expired claims, until it is
    # released to everyone. A claim is minutes; an assignment lasts.
    assigned_to: str | None = Field(default=None, max_length=200)
    outcome: str | None = Field(default=None, max_length=40)
    # The customer's IANA time zone (from the phone number's region when not
    # given): preferred windows and "call me at 10" mean the customer's 10.
    timezone: str = Field(default="", max_length=64)
    external_id: str | None = Field(default=None, max_length=500)
    # What was delivered under external_id (a digest of its fields): the same id
    # with other content is refused, not answered as a repeat.
    intake_fingerprint: str | None = Field(default=None, max_length=64)
    first_attempt_at: datetime | None = _utc_column()
    reached_at: datetime | None = _utc_column()
    closed_at: datetime | None = _utc_column()
    meta: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = _created_column()
    updated_at: datetime = _created_column()


class CallbackAttempt(SQLModel, table=True):
    """One try at calling back: who, when, and how it ended (for the report)."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="callbackrequest.id", index=True, ondelete="CASCADE")
    operator: str = Field(max_length=200)
    started_at: datetime = _created_column()
    ended_at: datetime | None = _utc_column()
    outcome: str | None = Field(default=None, max_length=40)
    interaction_id: int | None = Field(
        default=None, foreign_key="interaction.id", ondelete="SET NULL"
    )


# --- accounts: settings rows; NO secret columns (the keyring holds those) ---


class SipAccount(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    label: str = Field(max_length=200)
    enabled: bool = Field(default=True)
    username: str = Field(max_length=200)
    auth_username: str = Field(default="", max_length=200)
    display_name: str = Field(default="", max_length=200)
    domain: str = Field(max_length=255)
    registrar: str = Field(default="", max_length=255)
    proxy: str = Field(default="", max_length=255)
    transport: str = Field(default="udp", max_length=10)
    srtp: str = Field(default="off", max_length=20)
    verify_tls: bool = Field(default=True)
    stun_server: str = Field(default="", max_length=255)
    ice: bool = Field(default=False)
    # How DTMF goes: "rfc2833" (telephone-event in the audio stream) or "sip_info".
    dtmf_method: str = Field(
        default="rfc2833", max_length=20, sa_column_kwargs={"server_default": "rfc2833"}
    )
    # Incoming calls answered at once when no other call is on (headset users).
    auto_answer: bool = Field(default=False, sa_column_kwargs={"server_default": sa_false()})
    # Calls the engine records by itself: "off", "all" or "inbound" (sip.events.AutoRecord).
    auto_record: str = Field(
        default="off", max_length=20, sa_column_kwargs={"server_default": "off"}
    )
    # A beep both sides hear when a recording starts or resumes (consent).
    recording_beep: bool = Field(
        default=False, sa_column_kwargs={"server_default": sa_false()}
    )
    created_at: datetime = _created_column()


class ChannelAccount(SQLModel, table=True):
    """A messenger account (Telegram bot, WhatsApp number, Viber bot): its
    public settings only; the token is in the keyring."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)
    label: str = Field(max_length=200)
    enabled: bool = Field(default=True)
    config: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = _created_column()


class Mailbox(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    label: str = Field(max_length=200)
    enabled: bool = Field(default=True)
    address: str = Field(max_length=320)
    username: str = Field(max_length=320)
    imap_host: str = Field(max_length=255)
    imap_port: int = Field(default=993)
    imap_security: str = Field(default="ssl", max_length=10)
    smtp_host: str = Field(max_length=255)
    smtp_port: int = Field(default=465)
    smtp_security: str = Field(default="ssl", max_length=10)
    created_at: datetime = _created_column()


# --- conversations: messengers and email -------------------------------------


class Conversation(SQLModel, table=True):
    """One customer identity on one channel account: a Telegram user id (not
    the username, which changes) with one bot, a WhatsApp wa_id with one number,
    an email thread. Unique per (account, identity), so a second delivery from
    the same sender finds it however concurrently it arrives. An unknown
    sender's conversation has no customer until linked."""

    __table_args__ = (
        UniqueConstraint("account_id", "identity", name="uq_conversation_account_identity"),
        Index("ix_conversation_waiting", "waiting_since"),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="channelaccount.id", index=True, ondelete="CASCADE")
    channel: str = Field(max_length=20)
    identity: str = Field(max_length=500)
    customer_id: int | None = Field(
        default=None, foreign_key="customer.id", index=True, ondelete="SET NULL"
    )
    # How the platform names the sender (first and last name, @username): shown
    # for an unknown sender, and the name a customer made of them gets.
    title: str = Field(default="", max_length=300)
    username: str = Field(default="", max_length=200)
    # The customer's oldest unanswered message: the inbox sorts by it, oldest first.
    waiting_since: datetime | None = _utc_column()
    last_inbound_at: datetime | None = _utc_column()
    last_outbound_at: datetime | None = _utc_column()
    unread_count: int = Field(default=0)
    assignee: str = Field(default="", max_length=200)
    # Until when the platform lets us write (WhatsApp's 24 hours); None: no window.
    reply_window_until: datetime | None = _utc_column()
    # The customer may be written to at all (a Telegram bot can't write first:
    # only once the user has written; False after "bot was blocked by the user").
    can_write: bool = Field(default=True)
    meta: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = _created_column()
    updated_at: datetime = _created_column()


class OutboxMessage(SQLModel, table=True):
    """A message an operator sent, from the moment it was typed until the
    platform has it. Committed (``queued``) before any network call, ``sending``
    committed before the request; after a crash a ``sending`` row is
    ``uncertain`` ("may not have been sent"): resent only when the operator says
    so. Its timeline row is ``interaction_id``, written in the same transaction."""

    __table_args__ = (
        UniqueConstraint("idempotency_key", name="uq_outboxmessage_idempotency_key"),
        Index("ix_outbox_account_status_next", "account_id", "status", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="channelaccount.id", index=True, ondelete="CASCADE")
    conversation_id: int = Field(foreign_key="conversation.id", index=True, ondelete="CASCADE")
    interaction_id: int = Field(foreign_key="interaction.id", index=True, ondelete="CASCADE")
    idempotency_key: str = Field(max_length=100)
    status: str = Field(default="queued", max_length=20)
    text: str = Field(default="", sa_type=Text)
    # Attachment rows (of the interaction) to send with it, in order.
    attachment_ids: list[int] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    reply_to_external_id: str | None = Field(default=None, max_length=500)
    attempts: int = Field(default=0)
    next_attempt_at: datetime | None = _utc_column()
    # The platform's reason for the last failure, as it said it.
    last_error: str = Field(default="", sa_type=Text)
    failure: str | None = Field(default=None, max_length=30)
    # The platform's ids of what it stored (one text may go as several messages).
    platform_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    operator: str = Field(default="", max_length=200)
    sent_at: datetime | None = _utc_column()
    created_at: datetime = _created_column()
    updated_at: datetime = _created_column()


class MessageTemplate(SQLModel, table=True):
    """A quick reply: text with fields ({name}, {order}, {operator} and free
    fields asked for before sending), for some channels and one language."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, index=True)
    text: str = Field(sa_type=Text)
    language: str = Field(default="", max_length=10)
    # Channel kinds it is offered in; empty: all.
    channels: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = _created_column()
    updated_at: datetime = _created_column()


class ChannelCursor(SQLModel, table=True):
    """Where a channel account's reading stands on the platform (the Telegram
    offset, an IMAP folder's UIDVALIDITY and UID): written in the same
    transaction as the items it covers, so an acknowledgement never runs ahead
    of what is stored."""

    __table_args__ = (UniqueConstraint("account_id", "name", name="uq_channelcursor_account_name"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="channelaccount.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=200)
    value: str = Field(default="", max_length=500)
    updated_at: datetime = _created_column()


# --- email threads ---------------------------------------------------------------


class MailThreadId(SQLModel, table=True):
    """A mailbox's id table for threading (app/mail/threads.py): a Message-ID,
    stored or only referenced by a stored message, and a thread it leads into.
    One id may lead into several threads: replies of different people to one
    newsletter reference it, and each of them is a thread of its own."""

    __table_args__ = (
        UniqueConstraint(
            "account_id", "message_id", "thread_key", name="uq_mailthreadid_account_id_key"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="channelaccount.id", ondelete="CASCADE")
    message_id: str = Field(max_length=300)
    thread_key: str = Field(max_length=100)


class MailThreadParticipant(SQLModel, table=True):
    """An address on a thread's messages, less the mailbox's own: an id leads a
    new message into the thread only when its correspondent is one of these."""

    __table_args__ = (
        UniqueConstraint(
            "account_id", "thread_key", "address", name="uq_mailthreadparticipant_key_address"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="channelaccount.id", ondelete="CASCADE")
    thread_key: str = Field(max_length=100)
    address: str = Field(max_length=320)  # case-folded


class MailThreadSubject(SQLModel, table=True):
    """A correspondent's subject in a thread (its key: no prefixes, no tags) and
    when they last wrote under it: the subject fallback for a reply that
    carries no ids."""

    __table_args__ = (
        UniqueConstraint(
            "account_id",
            "correspondent",
            "subject_key",
            "thread_key",
            name="uq_mailthreadsubject_correspondent_subject_key",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="channelaccount.id", ondelete="CASCADE")
    thread_key: str = Field(max_length=100)
    correspondent: str = Field(max_length=320)
    subject_key: str = Field(max_length=200)  # cut: a key in a unique index
    last_at: datetime | None = _utc_column()
