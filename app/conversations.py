"""Conversations: one customer identity on one channel account.

A conversation knows who waits for whom and since when: ``waiting_since`` is the
customer's oldest unanswered message (the inbox sorts by it, so the customer
who has waited longest comes first, not the one who wrote last), cleared when
an operator answers. It counts unread messages, has an assignee, and says
whether the platform lets us write at all (``can_write``: a Telegram bot can't
write first, nor to a user who blocked it).

An unknown sender gets a conversation at once; it is linked to a customer
later (``link``), which moves the conversation's messages to the customer's
timeline and records the identity as one of the customer's contacts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.contacts import InvalidContact, normalize
from app.customers import ContactInput, CustomerError, Customers
from app.db import Database
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import ChannelAccount, ContactKind, Conversation, Interaction, utcnow

log = logging.getLogger(__name__)

# The contact kind a conversation's identity is stored as on its customer.
CONTACT_KIND_OF_CHANNEL = {
    "telegram": ContactKind.TELEGRAM,
    "whatsapp": ContactKind.WHATSAPP,
    "viber": ContactKind.VIBER,
}


def contact_of(channel: str, identity: str) -> tuple[ContactKind, str] | None:
    """The customer's contact a conversation's identity stands for: the chat id
    itself on a messenger, the address in an email one (``"<thread>|<address>"``:
    a thread with one address)."""
    if channel == ContactKind.EMAIL.value:
        address = identity.rpartition("|")[2]
        return (ContactKind.EMAIL, address) if "@" in address else None
    kind = CONTACT_KIND_OF_CHANNEL.get(channel)
    return (kind, identity) if kind is not None else None


class ConversationError(OperatorError, ValueError):
    pass


class ConversationGone(ConversationError):
    """The conversation is not (or no longer) in the database: deleted with
    its customer, perhaps in another window."""


class Conversations:
    def __init__(
        self, db: Database, customers: Customers, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.db = db
        self.customers = customers
        self.clock = clock

    # --- inside a delivery's unit of work ----------------------------------------

    def open_in(
        self,
        s: Session,
        account_id: int,
        channel: str,
        identity: str,
        *,
        title: str = "",
        username: str = "",
    ) -> Conversation:
        """The conversation of ``identity`` on the account, made if new; a name
        that changed on the platform is taken over. Use in ``Database.transaction``."""
        found = self._find(s, account_id, identity)
        if found is None:
            try:
                with s.begin_nested():  # a lost race costs only this insert
                    found = Conversation(
                        account_id=account_id,
                        channel=channel,
                        identity=identity,
                        title=title[:300],
                        username=username[:200],
                    )
                    s.add(found)
                    s.flush()
            except IntegrityError:
                found = self._find(s, account_id, identity)
                if found is None:
                    raise
        elif (title and found.title != title) or (username and found.username != username):
            found.title, found.username = title[:300] or found.title, username[:200]
            found.updated_at = self.clock()
            s.add(found)
        return found

    def create_many_in(
        self, s: Session, account_id: int, channel: str, senders: Sequence[tuple[str, str, str]]
    ) -> list[Conversation]:
        """The conversations of many new senders (identity, title, username)
        at once, one INSERT where the database batches them; when one of them
        was made meanwhile by another writer, each is opened as ``open_in``
        does. Use in ``Database.transaction``."""
        if not senders:
            return []
        try:
            with s.begin_nested():
                made = [
                    Conversation(
                        account_id=account_id,
                        channel=channel,
                        identity=identity,
                        title=title[:300],
                        username=username[:200],
                    )
                    for identity, title, username in senders
                ]
                s.add_all(made)
                s.flush()
            return made
        except IntegrityError:
            return [
                self.open_in(s, account_id, channel, identity, title=title, username=username)
                for identity, title, username in senders
            ]

    def note_inbound(
        self, s: Session, conversation: Conversation, at: datetime, *, waiting: bool = True
    ) -> None:
        """A new message from the customer: they wait from their oldest
        unanswered message on; the platform lets us answer (a Telegram user who
        writes again has unblocked the bot). With ``waiting`` False (an
        auto-reply, a bounce: no person wrote it) it is only unread."""
        if waiting and conversation.waiting_since is None:
            conversation.waiting_since = at
        if conversation.last_inbound_at is None or at > conversation.last_inbound_at:
            conversation.last_inbound_at = at
        conversation.unread_count += 1
        if not conversation.can_write:
            conversation.can_write = True
            conversation.meta = {
                k: v for k, v in conversation.meta.items() if k != "cannot_write_reason"
            }
        conversation.updated_at = self.clock()
        s.add(conversation)

    def set_writable(
        self, account_id: int, identity: str, can_write: bool, reason: str = ""
    ) -> Conversation | None:
        """The platform says whether the chat may be written to (Telegram's
        my_chat_member: the user blocked the bot, or started it again). A chat
        we have no conversation with yet changes nothing."""
        with self.db.transaction() as s:
            row = self._find(s, account_id, identity)
            if row is None or row.can_write == can_write:
                return row
            row.can_write = can_write
            meta = {k: v for k, v in row.meta.items() if k != "cannot_write_reason"}
            row.meta = meta if can_write else {**meta, "cannot_write_reason": reason}
            row.updated_at = self.clock()
            s.add(row)
            return row

    # --- the operator's side ----------------------------------------------------

    def get(self, conversation_id: int) -> Conversation:
        with self.db.session() as s:
            return self._get(s, conversation_id)

    def for_customer(self, customer_id: int) -> list[Conversation]:
        with self.db.session() as s:
            return list(
                s.exec(
                    select(Conversation)
                    .where(Conversation.customer_id == customer_id)
                    .order_by(col(Conversation.last_inbound_at).desc(), col(Conversation.id))
                )
            )

    def waiting(
        self, *, assignee: str | None = None, channel: str | None = None, limit: int = 500
    ) -> list[Conversation]:
        """Every conversation whose customer waits for an answer, the longest
        waiting first. ``assignee=""`` gives the unassigned ones."""
        with self.db.session() as s:
            stmt = select(Conversation).where(col(Conversation.waiting_since).is_not(None))
            if assignee is not None:
                stmt = stmt.where(Conversation.assignee == assignee)
            if channel is not None:
                stmt = stmt.where(Conversation.channel == channel)
            stmt = stmt.order_by(col(Conversation.waiting_since), col(Conversation.id))
            return list(s.exec(stmt.limit(limit)))

    def mark_read(self, conversation_id: int) -> Conversation:
        with self.db.session() as s:
            row = self._get(s, conversation_id)
            if row.unread_count:
                row.unread_count = 0
                row.updated_at = self.clock()
                s.add(row)
            return row

    def assign(self, conversation_id: int, operator: str) -> Conversation:
        with self.db.session() as s:
            row = self._get(s, conversation_id)
            row.assignee = operator.strip()[:200]
            row.updated_at = self.clock()
            s.add(row)
            return row

    def link(self, conversation_id: int, customer_id: int) -> Conversation:
        with self.db.transaction() as s:
            return self.link_in(s, conversation_id, customer_id)

    def link_in(self, s: Session, conversation_id: int, customer_id: int) -> Conversation:
        """Links the conversation to a customer: its messages move to the
        customer's timeline and the identity becomes one of their contacts. An
        identity that belongs to another customer already is refused (merge the
        two customers instead): nothing is moved silently."""
        row = self._get(s, conversation_id)
        Customers._get(s, customer_id)
        contact = contact_of(row.channel, row.identity)
        if contact is not None:
            kind, value = contact
            owner = Customers._find_normalized(s, kind.value, self._normalized(kind, value))
            if owner is not None and owner.id != customer_id:
                raise ConversationError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "This chat belongs to {owner} (customer #{owner_id}) already; merge"
                        " the two customers instead.",
                    ),
                    owner=owner.name,
                    owner_id=owner.id,
                )
            if owner is None:
                try:
                    with s.begin_nested():
                        self.customers.add_contact_in(
                            s, customer_id, ContactInput(kind.value, value, label="")
                        )
                except (CustomerError, IntegrityError):
                    log.warning("conversation #%s: the identity was taken meanwhile", row.id)
        row.customer_id = customer_id
        row.updated_at = self.clock()
        s.add(row)
        for message in s.exec(select(Interaction).where(Interaction.conversation_id == row.id)):
            if message.customer_id != customer_id:
                message.customer_id = customer_id
                s.add(message)
        return row

    # --- helpers -------------------------------------------------------------------

    @staticmethod
    def account_label(s: Session, account_id: int) -> str:
        account = s.get(ChannelAccount, account_id)
        return account.label if account is not None else str(account_id)

    def _normalized(self, kind: ContactKind, value: str) -> str:
        try:
            return normalize(kind.value, value, self.customers.default_region)
        except InvalidContact:
            return value

    @staticmethod
    def _find(s: Session, account_id: int, identity: str) -> Conversation | None:
        return s.exec(
            select(Conversation).where(
                Conversation.account_id == account_id, Conversation.identity == identity
            )
        ).first()

    @staticmethod
    def _get(s: Session, conversation_id: int) -> Conversation:
        row = s.get(Conversation, conversation_id)
        if row is None:
            raise ConversationGone(
                QT_TRANSLATE_NOOP("core", "Conversation #{conversation_id} does not exist."),
                conversation_id=conversation_id,
            )
        return row
