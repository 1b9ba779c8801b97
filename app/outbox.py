"""The outbox: what an operator sends, from the press of Send until the
platform has it, with no message lost and none sent twice without the
operator's say.

- ``queue`` commits the message (its timeline row, its outbox row ``queued``
  and its attachments' rows: one transaction) before any network call. The
  composer makes one idempotency key per press of Send: a double press or a
  retried call with that key returns the first row and writes nothing (the
  key is unique in the database, so it decides races).
- ``claim_next`` commits ``sending`` before it returns the row, so no request
  is ever made for a message the database doesn't know is being sent; two
  senders never get one row (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, the
  serialised ``Database.transaction`` on SQLite). A conversation's messages
  go out in the order they were queued: none is claimed while an earlier
  one of its conversation is still queued or sending.
- The sender then says ``mark_sent``, ``mark_failed`` (transient failures go
  back to the queue with back-off, the others fail at once) or
  ``mark_uncertain`` (the request may have reached the platform: a timeout
  after it was written).
- ``recover`` at a host's start turns every ``sending`` row into ``uncertain``
  ("may not have been sent"), resent only when the operator says so
  (``resend``); ``queued`` rows stay queued and are sent once.

A cancelled message is ``failed`` with failure ``permanent``, ``last_error``
"cancelled by <operator>" and ``cancelled_by`` in its timeline row's meta:
like any failed message it can be sent again by the operator.

A sent message's timeline row gets ``external_id``
``"<account id>:<conversation identity>:<first platform id>"`` (as the inbox
names delivered messages): Telegram numbers messages per chat, so the chat is
part of the key that is unique per channel.

Message bodies are personal data: this module logs ids and statuses only.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import exists
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, or_, select

from app.attachments import AttachmentStore, StoredFile
from app.conversations import Conversations, contact_of
from app.db import Database
from app.enums import Channel, SendFailure
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import (
    Conversation,
    Direction,
    Interaction,
    InteractionStatus,
    OutboxMessage,
    OutboxStatus,
    utcnow,
)
from app.refusals import notice_record
from app.timeline import InteractionDraft, Timeline

log = logging.getLogger(__name__)

# Failures worth another try by themselves: the platform didn't get the request
# or asked us to come back later. Everything else waits for the operator.
TRANSIENT = frozenset({SendFailure.NOT_REACHABLE, SendFailure.RATE_LIMITED})
MAX_ATTEMPTS = 8  # tries of one message (since the operator last pressed Send or Resend)
RETRY_FIRST_S = 2.0  # the first retry's delay, doubling per try up to RETRY_MAX_S
RETRY_MAX_S = 300.0
RETRY_JITTER = 0.5  # each delay is stretched by up to this share, at random
# Keys are made by the composer (a uuid4 is 36 characters); the column holds 100.
MAX_KEY_LENGTH = 100

SENT_STATES = frozenset({OutboxStatus.SENT, OutboxStatus.DELIVERED, OutboxStatus.READ})
# Waiting for the sender, in order: a conversation's later messages wait for these.
IN_LINE = (OutboxStatus.QUEUED.value, OutboxStatus.SENDING.value)

_CANT_WRITE = QT_TRANSLATE_NOOP("core", "This chat can't be written to: {reason}")
_CANT_WRITE_UNSAID = QT_TRANSLATE_NOOP(
    "core", "This chat can't be written to: the platform doesn't allow it now."
)
_BEING_SENT = QT_TRANSLATE_NOOP("core", "Message #{message_id} is being sent already.")
_SENT_ALREADY = QT_TRANSLATE_NOOP("core", "Message #{message_id} was sent already.")


class OutboxError(OperatorError, ValueError):
    """A request about an outgoing message that can't be done; the message says why.

    Templates of mistakes only a caller's code can make (a blank idempotency
    key) are not marked for translation: the operator never sees them."""


class MessageNotFound(OutboxError):
    pass


@dataclass(frozen=True)
class OutgoingFile:
    """A file to send; ``name`` is what the customer sees (a pasted image's
    temporary file has none worth showing)."""

    path: Path
    name: str | None = None
    mime: str | None = None


def message_external_id(account_id: int, identity: str, platform_id: str) -> str:
    """A message's id on the timeline, unique per channel: the platform's own
    id may be unique only within one chat (Telegram's message_id)."""
    return f"{account_id}:{identity}:{platform_id}"


def retry_delay(tries: int, rng: random.Random) -> float:
    """Seconds before the next try after ``tries`` failed ones (1 or more):
    2 s doubling to 5 min, each stretched by up to half at random, so senders
    that failed together don't come back together."""
    base = min(RETRY_MAX_S, RETRY_FIRST_S * 2 ** max(0, tries - 1))
    return min(RETRY_MAX_S, base * (1 + RETRY_JITTER * rng.random()))


class Outbox:
    def __init__(
        self,
        db: Database,
        timeline: Timeline,
        attachments: AttachmentStore,
        clock: Callable[[], datetime] = utcnow,
        *,
        max_attempts: int = MAX_ATTEMPTS,
        rng: random.Random | None = None,
    ) -> None:
        self.db = db
        self.timeline = timeline
        self.attachments = attachments
        self.clock = clock
        self.max_attempts = max_attempts
        self.rng = rng or random.Random()

    # --- the operator's side ----------------------------------------------------

    def queue(
        self,
        conversation_id: int,
        text: str,
        *,
        operator: str,
        idempotency_key: str,
        attachments: Sequence[Path | OutgoingFile] = (),
        reply_to_external_id: str | None = None,
        email: dict[str, Any] | None = None,
    ) -> OutboxMessage:
        """Commits a message to send: its timeline row (queued) and its outbox
        row, with its attachments, in one transaction, before any network call.
        ``email``: an email reply's subject and Cc (``app.mail_view.reply_fields``),
        kept in the row's ``meta["email"]`` where the channel reads them.
        The same ``idempotency_key`` again returns the first row and writes
        nothing, however concurrently it comes. The customer counts as
        answered from now on (``waiting_since`` cleared)."""
        key = self._key(idempotency_key)
        operator = self._operator(operator)
        files = [f if isinstance(f, OutgoingFile) else OutgoingFile(f) for f in attachments]
        if not text.strip() and not files:
            raise OutboxError(
                QT_TRANSLATE_NOOP("core", "Write a message or attach a file before sending.")
            )
        with self.db.session() as s:
            earlier = self._by_key(s, key)
            if earlier is None:
                self._check_writable(Conversations._get(s, conversation_id))
        if earlier is not None:
            return self._repeat(earlier, conversation_id, text)
        # The bytes first (fsynced), outside the transaction: its rows then
        # never point at a file that isn't there, and it never waits on a copy.
        stored = [(self.attachments.store_file(f.path), f) for f in files]
        try:
            with self.db.transaction() as s:
                earlier = self._by_key(s, key)
                if earlier is not None:
                    return self._repeat(earlier, conversation_id, text)
                row = self._write(
                    s, conversation_id, text, operator, key, stored, reply_to_external_id, email
                )
        except IntegrityError:
            # PostgreSQL: a concurrent call with the same key committed first
            # (SQLite serialises the transaction, so it never gets here).
            with self.db.session() as s:
                earlier = self._by_key(s, key)
            if earlier is None:
                raise
            return self._repeat(earlier, conversation_id, text)
        log.info(
            "outbox #%s queued (conversation #%s, %d files)", row.id, conversation_id, len(files)
        )
        return row

    def _write(
        self,
        s: Session,
        conversation_id: int,
        text: str,
        operator: str,
        key: str,
        stored: list[tuple[StoredFile, OutgoingFile]],
        reply_to_external_id: str | None,
        email: dict[str, Any] | None = None,
    ) -> OutboxMessage:
        conversation = Conversations._get(s, conversation_id)
        self._check_writable(conversation)
        meta: dict[str, Any] = {"reply_to": reply_to_external_id} if reply_to_external_id else {}
        if email is not None and conversation.channel == Channel.EMAIL.value:
            meta["email"] = dict(email)
        row = self._rows(s, conversation, text, operator, key, stored, reply_to_external_id, meta)
        conversation.waiting_since = None
        s.add(conversation)
        s.flush()  # the unique key is checked here, before the commit
        return row

    def queue_reply_in(
        self,
        s: Session,
        conversation: Conversation,
        text: str,
        *,
        idempotency_key: str,
        meta: dict[str, Any],
    ) -> OutboxMessage:
        """A reply the bot makes by itself to a message being stored (a
        greeting, a confirmation), queued in that delivery's own
        ``Database.transaction``: the message and its answer are committed
        together or not at all, and the same ``idempotency_key`` (made from
        the message's id) again returns the first row and writes nothing.
        ``meta`` goes to the timeline row (``meta["reply_markup"]``: the
        keyboard the platform shows with it). No person answered, so the
        customer still waits (``waiting_since`` is kept) and the row names no
        operator; the chat is writable, for the customer has just written."""
        key = self._key(idempotency_key)
        earlier = self._by_key(s, key)
        if earlier is not None:
            return earlier
        row = self._rows(s, conversation, text, "", key, [], None, meta)
        s.flush()  # the unique key is checked here, before the commit
        log.info("outbox #%s queued by the bot (conversation #%s)", row.id, conversation.id)
        return row

    def _rows(
        self,
        s: Session,
        conversation: Conversation,
        text: str,
        operator: str,
        key: str,
        stored: list[tuple[StoredFile, OutgoingFile]],
        reply_to_external_id: str | None,
        meta: dict[str, Any],
    ) -> OutboxMessage:
        """The message's timeline row (queued), its attachments' rows and its
        outbox row, in ``s``; the conversation's last outbound time."""
        assert conversation.id is not None
        now = self.clock()
        contact = contact_of(conversation.channel, conversation.identity)
        recorded = self.timeline.record_in(
            s,
            InteractionDraft(
                channel=conversation.channel,
                direction=Direction.OUTBOUND,
                status=InteractionStatus.QUEUED,
                started_at=now,
                body=text,
                thread_key=f"{conversation.account_id}:{conversation.identity}",
                contact_kind=contact[0] if contact is not None else None,
                contact_value=contact[1] if contact is not None else None,
                customer_id=conversation.customer_id,
                account=Conversations.account_label(s, conversation.account_id),
                operator=operator,
                meta=meta,
            ),
        )
        interaction = recorded.interaction
        assert interaction.id is not None
        interaction.conversation_id = conversation.id
        s.add(interaction)
        if conversation.customer_id is None and interaction.customer_id is not None:
            # The chat's identity is a customer's contact already (as the inbox does).
            conversation.customer_id = interaction.customer_id
        attachment_ids: list[int] = []
        for file, wanted in stored:
            attachment = self.attachments.add_in(
                s, interaction.id, file, filename=wanted.name, mime=wanted.mime
            )
            assert attachment.id is not None
            attachment_ids.append(attachment.id)
        row = OutboxMessage(
            account_id=conversation.account_id,
            conversation_id=conversation.id,
            interaction_id=interaction.id,
            idempotency_key=key,
            status=OutboxStatus.QUEUED.value,
            text=text,
            attachment_ids=attachment_ids,
            reply_to_external_id=reply_to_external_id,
            operator=operator,
            created_at=now,
            updated_at=now,
        )
        s.add(row)
        conversation.last_outbound_at = now
        conversation.updated_at = now
        s.add(conversation)
        return row

    def resend(self, message_id: int, operator: str) -> OutboxMessage:
        """The operator's choice for a message that failed or may not have been
        sent: queued again, due now. Its tries so far are kept; it gets a fresh
        allowance of automatic retries."""
        operator = self._operator(operator)
        now = self.clock()
        with self.db.transaction() as s:
            row = self._locked(s, message_id)
            status = OutboxStatus(row.status)
            if status.value in IN_LINE:
                raise OutboxError(_BEING_SENT, message_id=message_id)
            if status in SENT_STATES:
                raise OutboxError(_SENT_ALREADY, message_id=message_id)
            conversation = Conversations._get(s, row.conversation_id)
            self._check_writable(conversation)
            interaction = self._interaction(s, row)
            note = {"by": operator, "at": now.isoformat(), "was": status.value}
            if row.last_error:
                note["error"] = row.last_error
            self._set_interaction(
                interaction,
                InteractionStatus.QUEUED,
                now,
                resends=[*interaction.meta.get("resends", []), note],
                tries_before_resend=row.attempts,
            )
            row.status = OutboxStatus.QUEUED.value
            row.next_attempt_at = now
            row.failure = None
            row.last_error = ""
            row.updated_at = now
            s.add(row)
        log.info("outbox #%s queued again by the operator (was %s)", message_id, status.value)
        return row

    def cancel(self, message_id: int, operator: str) -> OutboxMessage:
        """Takes a queued message out of the queue, or settles one that may not
        have been sent without sending it again (the operator looked in the
        chat): it becomes ``failed`` (``permanent``, "cancelled by <operator>").
        One being sent already can't be called back."""
        operator = self._operator(operator)
        now = self.clock()
        with self.db.transaction() as s:
            row = self._locked(s, message_id)
            if row.status == OutboxStatus.SENDING.value:
                raise OutboxError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Message #{message_id} is being sent already; it can't be cancelled.",
                    ),
                    message_id=message_id,
                )
            if row.status in SENT_STATES:
                raise OutboxError(_SENT_ALREADY, message_id=message_id)
            if row.status not in (OutboxStatus.QUEUED.value, OutboxStatus.UNCERTAIN.value):
                raise OutboxError(
                    QT_TRANSLATE_NOOP("core", "Message #{message_id} is not waiting to be sent."),
                    message_id=message_id,
                )
            reason = f"cancelled by {operator}"
            self._fail(s, row, SendFailure.PERMANENT, reason, now, cancelled_by=operator)
        log.info("outbox #%s cancelled", message_id)
        return row

    def refuse_conversation(self, conversation_id: int, reason: str) -> Conversation:
        """The platform won't let us write to this chat (the user blocked the
        bot, a bot can't write first): the composer says so with ``reason``
        until the customer writes again."""
        with self.db.transaction() as s:
            conversation = self._refuse_in(s, conversation_id, reason)
        return conversation

    def _refuse_in(self, s: Session, conversation_id: int, reason: str) -> Conversation:
        conversation = Conversations._get(s, conversation_id)
        conversation.can_write = False
        conversation.meta = {**conversation.meta, "cannot_write_reason": reason}
        conversation.updated_at = self.clock()
        s.add(conversation)
        log.info("conversation #%s: the platform refuses our messages", conversation_id)
        return conversation

    # --- the sender's side --------------------------------------------------------

    def claim_next(self, account_id: int) -> OutboxMessage | None:
        """The oldest due message of the account whose conversation has no
        earlier one waiting, marked ``sending`` and committed before it is
        returned; None when nothing is due. Never hands one row to two senders."""
        now = self.clock()
        earlier = aliased(OutboxMessage)
        waits_for_earlier = (
            exists()
            .where(
                col(earlier.conversation_id) == col(OutboxMessage.conversation_id),
                col(earlier.id) < OutboxMessage.id,
                col(earlier.status).in_(IN_LINE),
            )
            .correlate(OutboxMessage)
        )
        due = (
            OutboxMessage.account_id == account_id,
            OutboxMessage.status == OutboxStatus.QUEUED.value,
            or_(
                col(OutboxMessage.next_attempt_at).is_(None),
                col(OutboxMessage.next_attempt_at) <= now,
            ),
            ~waits_for_earlier,
        )
        # Looked for with a read first: a write transaction (SQLite's takes the
        # file's write lock at BEGIN) every poll of every idle sender queued
        # behind the inbox's batches and timed out as "the database is busy".
        with self.db.session() as s:
            if s.exec(select(OutboxMessage.id).where(*due).limit(1)).first() is None:
                return None
        stmt = select(OutboxMessage).where(*due).order_by(col(OutboxMessage.id)).limit(1)
        with self.db.transaction() as s:
            if s.get_bind().dialect.name == "postgresql":
                stmt = stmt.with_for_update(skip_locked=True, of=OutboxMessage)
            row = s.exec(stmt).first()
            if row is None:
                return None
            row.status = OutboxStatus.SENDING.value
            row.attempts += 1
            row.updated_at = now
            s.add(row)
            self._set_interaction(self._interaction(s, row), InteractionStatus.SENDING, now)
        log.info("outbox #%s sending (try %d)", row.id, row.attempts)
        return row

    def mark_sent(
        self,
        message_id: int,
        platform_ids: Sequence[str],
        at: datetime | None = None,
        *,
        notes: Sequence[OperatorError] = (),
    ) -> OutboxMessage:
        """The platform has the message (``platform_ids``: what it stored, one
        id per part of a split text). Whatever the row said before, the
        platform's word wins; a repeat changes nothing. ``notes``: what the
        operator should know of a message that went nonetheless (an email's
        Cc refused, its copy not saved to Sent), kept in its timeline row's
        ``meta["send_notes"]`` (``app.refusals.notice_record``); it is sent all
        the same."""
        ids = [str(p) for p in platform_ids]
        if not ids:
            raise OutboxError("A sent message needs the platform's id of what it stored.")
        now = self.clock()
        with self.db.transaction() as s:
            row = self._locked(s, message_id)
            if row.status in SENT_STATES:
                return row
            conversation = Conversations._get(s, row.conversation_id)
            row.status = OutboxStatus.SENT.value
            row.sent_at = at or now
            row.platform_ids = ids
            row.next_attempt_at = None
            row.failure = None
            row.last_error = ""
            row.updated_at = now
            s.add(row)
            interaction = self._interaction(s, row)
            interaction.external_id = message_external_id(
                row.account_id, conversation.identity, ids[0]
            )
            extra: dict[str, Any] = {"platform_ids": ids} if len(ids) > 1 else {}
            if notes:
                extra["send_notes"] = [notice_record(n) for n in notes]
            self._set_interaction(interaction, InteractionStatus.SENT, now, **extra)
        log.info("outbox #%s sent", message_id)
        return row

    def mark_failed(
        self,
        message_id: int,
        failure: SendFailure | str,
        reason: str,
        retry_after: float | None = None,
    ) -> OutboxMessage:
        """The platform did not take the message. ``not_reachable`` (the request
        did not reach it: connection refused, name not resolved) and
        ``rate_limited`` go back to the queue after a back-off (never sooner
        than ``retry_after`` seconds), up to ``max_attempts`` tries; the others
        fail at once with the platform's ``reason``. A request that may have
        reached the platform is not a failure: ``mark_uncertain``. Only a
        message being sent (or one ``recover`` found so) is changed."""
        failure = SendFailure(failure)
        now = self.clock()
        with self.db.transaction() as s:
            row = self._locked(s, message_id)
            if row.status not in (OutboxStatus.SENDING.value, OutboxStatus.UNCERTAIN.value):
                log.info(
                    "outbox #%s: a failure reported for a %s message ignored",
                    message_id,
                    row.status,
                )
                return row
            interaction = self._interaction(s, row)
            tries = row.attempts - int(interaction.meta.get("tries_before_resend", 0))
            if failure in TRANSIENT and tries < self.max_attempts:
                delay = max(retry_delay(tries, self.rng), retry_after or 0.0)
                row.status = OutboxStatus.QUEUED.value
                row.next_attempt_at = now + timedelta(seconds=delay)
                row.failure = failure.value
                row.last_error = reason
                row.updated_at = now
                s.add(row)
                self._set_interaction(
                    interaction,
                    InteractionStatus.QUEUED,
                    now,
                    send_failure=failure.value,
                    send_error=reason,
                )
                log.info("outbox #%s: %s, next try in %.1f s", message_id, failure.value, delay)
            else:
                self._fail(s, row, failure, reason, now)
                if failure is SendFailure.POLICY_REFUSED:
                    # With the failure, not after it: nobody may read the
                    # message failed and the chat still writable.
                    self._refuse_in(s, row.conversation_id, reason)
                log.info("outbox #%s failed: %s", message_id, failure.value)
        return row

    def note_parts(self, message_id: int, platform_ids: Sequence[str]) -> OutboxMessage:
        """Parts of a split message the platform took before a later part
        failed: kept, so the retry goes on after them instead of sending them
        again."""
        ids = [str(p) for p in platform_ids]
        now = self.clock()
        with self.db.transaction() as s:
            row = self._locked(s, message_id)
            if row.status != OutboxStatus.SENDING.value or not ids:
                return row
            row.platform_ids = [*row.platform_ids, *ids]
            row.updated_at = now
            s.add(row)
        return row

    def mark_uncertain(self, message_id: int, reason: str) -> OutboxMessage:
        """The request may have reached the platform, and no answer came (a
        timeout after it was written, a connection reset mid-answer): "may not
        have been sent", resent only when the operator says so."""
        now = self.clock()
        with self.db.transaction() as s:
            row = self._locked(s, message_id)
            if row.status != OutboxStatus.SENDING.value:
                return row
            self._make_uncertain(s, row, now, reason)
        log.info("outbox #%s may not have been sent", message_id)
        return row

    def recover(self, account_id: int | None = None) -> list[int]:
        """At a host's start, before its first claim: every message still
        ``sending`` (of the account, or of all) was being sent when the last
        host stopped, and may or may not have reached the platform. It becomes
        ``uncertain`` and is never resent by itself. Call it only for accounts
        no running host is sending for. Returns their ids."""
        now = self.clock()
        stmt = select(OutboxMessage).where(OutboxMessage.status == OutboxStatus.SENDING.value)
        if account_id is not None:
            stmt = stmt.where(OutboxMessage.account_id == account_id)
        with self.db.transaction() as s:
            if s.get_bind().dialect.name == "postgresql":
                stmt = stmt.with_for_update()
            rows = list(s.exec(stmt.order_by(col(OutboxMessage.id))))
            for row in rows:
                self._make_uncertain(s, row, now, "")
        ids = [row.id for row in rows if row.id is not None]
        if ids:
            log.warning("outbox: %d messages may not have been sent: %s", len(ids), ids)
        return ids

    # --- reading -------------------------------------------------------------------

    def get(self, message_id: int) -> OutboxMessage:
        with self.db.session() as s:
            return self._get(s, message_id)

    def pending(self, account_id: int) -> list[OutboxMessage]:
        """The sender's work of the account: queued (due or not) and sending, oldest first."""
        with self.db.session() as s:
            return list(
                s.exec(
                    select(OutboxMessage)
                    .where(
                        OutboxMessage.account_id == account_id,
                        col(OutboxMessage.status).in_(IN_LINE),
                    )
                    .order_by(col(OutboxMessage.id))
                )
            )

    def for_conversation(self, conversation_id: int, limit: int = 50) -> list[OutboxMessage]:
        """The conversation's outgoing messages, newest first."""
        with self.db.session() as s:
            return list(
                s.exec(
                    select(OutboxMessage)
                    .where(OutboxMessage.conversation_id == conversation_id)
                    .order_by(col(OutboxMessage.id).desc())
                    .limit(limit)
                )
            )

    # --- helpers -------------------------------------------------------------------

    def _fail(
        self,
        s: Session,
        row: OutboxMessage,
        failure: SendFailure,
        reason: str,
        now: datetime,
        **meta: Any,
    ) -> None:
        row.status = OutboxStatus.FAILED.value
        row.next_attempt_at = None
        row.failure = failure.value
        row.last_error = reason
        row.updated_at = now
        s.add(row)
        self._set_interaction(
            self._interaction(s, row),
            InteractionStatus.FAILED,
            now,
            send_failure=failure.value,
            send_error=reason,
            **meta,
        )

    def _make_uncertain(self, s: Session, row: OutboxMessage, now: datetime, reason: str) -> None:
        row.status = OutboxStatus.UNCERTAIN.value
        row.last_error = reason
        row.updated_at = now
        s.add(row)
        extra = {"send_error": reason} if reason else {}
        self._set_interaction(self._interaction(s, row), InteractionStatus.UNCERTAIN, now, **extra)

    @staticmethod
    def _set_interaction(
        interaction: Interaction, status: InteractionStatus, now: datetime, **meta: Any
    ) -> None:
        interaction.status = status.value
        if meta:
            interaction.meta = {**interaction.meta, **meta}
        interaction.updated_at = now

    @staticmethod
    def _interaction(s: Session, row: OutboxMessage) -> Interaction:
        interaction = s.get(Interaction, row.interaction_id)
        assert interaction is not None  # a foreign key, deleted with the row
        s.add(interaction)
        return interaction

    @staticmethod
    def _locked(s: Session, message_id: int) -> OutboxMessage:
        """The row, locked until the end of ``s``'s transaction on PostgreSQL
        (SQLite's ``Database.transaction`` holds the write lock already), so a
        change of state never interleaves with a claim or another change."""
        row = s.exec(
            select(OutboxMessage).where(OutboxMessage.id == message_id).with_for_update()
        ).first()
        if row is None:
            raise Outbox._not_found(message_id)
        return row

    @staticmethod
    def _get(s: Session, message_id: int) -> OutboxMessage:
        row = s.get(OutboxMessage, message_id)
        if row is None:
            raise Outbox._not_found(message_id)
        return row

    @staticmethod
    def _not_found(message_id: int) -> MessageNotFound:
        return MessageNotFound(
            QT_TRANSLATE_NOOP("core", "Message #{message_id} does not exist."),
            message_id=message_id,
        )

    @staticmethod
    def _by_key(s: Session, key: str) -> OutboxMessage | None:
        return s.exec(select(OutboxMessage).where(OutboxMessage.idempotency_key == key)).first()

    @staticmethod
    def _repeat(earlier: OutboxMessage, conversation_id: int, text: str) -> OutboxMessage:
        if earlier.conversation_id != conversation_id or earlier.text != text:
            raise OutboxError(
                "The idempotency key {key!r} was used for another message already.",
                key=earlier.idempotency_key,
            )
        return earlier

    @staticmethod
    def _check_writable(conversation: Conversation) -> None:
        if conversation.can_write:
            return
        reason = str(conversation.meta.get("cannot_write_reason") or "").strip()
        if reason:
            raise OutboxError(_CANT_WRITE, reason=reason)
        raise OutboxError(_CANT_WRITE_UNSAID)

    @staticmethod
    def _key(key: str) -> str:
        if not key.strip():
            raise OutboxError("An idempotency key can't be blank.")
        if len(key) > MAX_KEY_LENGTH:
            raise OutboxError(
                "An idempotency key is at most {limit} characters.", limit=MAX_KEY_LENGTH
            )
        return key

    @staticmethod
    def _operator(operator: str) -> str:
        operator = operator.strip()
        if not operator:
            raise OutboxError(
                QT_TRANSLATE_NOOP(
                    "core", "Set the operator's name in the settings before sending messages."
                )
            )
        return operator


__all__ = [
    "MAX_ATTEMPTS",
    "TRANSIENT",
    "MessageNotFound",
    "Outbox",
    "OutboxError",
    "OutgoingFile",
    "message_external_id",
    "retry_delay",
]
