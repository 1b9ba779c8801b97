"""What changed: one value every view refreshes from.

Every unit of work that commits says which customers, interactions, callback
requests and conversations it touched, as one ``Changes`` value published on
the database's ``ChangeFeed``. Nobody has to remember to announce a write: the
session's own flush bookkeeping collects the rows (``track``), so a write from
the web form's thread, the call log, a channel's worker or a dialog reaches the
open card, the list, the callback desk and the side panel alike, and a new
source of writes needs no new wiring per view (Anki's OpChanges, made
automatic).

Besides the rows, two things the conversations panel tells apart without a
read: ``new_messages`` names each message a unit stored in a conversation for
the first time, as (conversation id, interaction id): one delivered, or one an
operator queued (an edit, a delivery state, a read mark or an assignment names
the rows only); ``outbox`` names the outgoing messages whose sending state
changed (queued, sending, sent, failed, may not have been sent, resent,
cancelled), by ``OutboxMessage`` id, their timeline rows in ``interactions``.

Rows changed by a bulk ``UPDATE`` statement are not in the session's
bookkeeping: such code adds them with ``note(session, Changes(...))``.
Listeners run on the committing thread, after the commit, and must not block:
the window's bridge only re-emits the value as a queued Qt signal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

_FEED = "switchboard.changes.feed"
_PENDING = "switchboard.changes.pending"
# Interaction ids inserted by the unit so far: a message gets its conversation
# in a later flush than its insert (the inbox and the outbox both place it after).


@dataclass(frozen=True)
class Changes:
    customers: frozenset[int] = field(default_factory=frozenset)
    interactions: frozenset[int] = field(default_factory=frozenset)
    callbacks: frozenset[int] = field(default_factory=frozenset)
    conversations: frozenset[int] = field(default_factory=frozenset)
    # (conversation id, interaction id) of each message new in a conversation.
    new_messages: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    # OutboxMessage ids whose sending state changed (or that were queued).
    outbox: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def of(
        cls,
        customers: Iterable[int | None] = (),
        interactions: Iterable[int | None] = (),
        callbacks: Iterable[int | None] = (),
        conversations: Iterable[int | None] = (),
        new_messages: Iterable[tuple[int, int]] = (),
        outbox: Iterable[int | None] = (),
    ) -> Changes:
        def ids(values: Iterable[int | None]) -> frozenset[int]:
            return frozenset(v for v in values if v is not None)

        return cls(
            ids(customers),
            ids(interactions),
            ids(callbacks),
            ids(conversations),
            frozenset(new_messages),
            ids(outbox),
        )

    def new_messages_in(self, conversation_id: int) -> frozenset[int]:
        """The interaction ids of the messages new in this conversation."""
        return frozenset(i for c, i in self.new_messages if c == conversation_id)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.customers | other.customers,
            self.interactions | other.interactions,
            self.callbacks | other.callbacks,
            self.conversations | other.conversations,
            self.new_messages | other.new_messages,
            self.outbox | other.outbox,
        )

    def __bool__(self) -> bool:
        return bool(
            self.customers
            or self.interactions
            or self.callbacks
            or self.conversations
            or self.new_messages
            or self.outbox
        )


Listener = Callable[[Changes], None]


class ChangeFeed:
    """Thread-safe: subscribe from any thread; publish calls every listener on
    the publishing thread. A failing listener is logged, never the writer's end."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Returns the call that unsubscribes it again."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:
                log.exception("a change listener failed")


class _Pending:
    """What a unit of work touched so far, in sets that grow in place: a flush
    of a channel's batch holds hundreds of rows, and a new frozen value per row
    would copy the growing sets for each."""

    def __init__(self) -> None:
        self.customers: set[int] = set()
        self.interactions: set[int] = set()
        self.callbacks: set[int] = set()
        self.conversations: set[int] = set()
        self.new_messages: set[tuple[int, int]] = set()
        self.outbox: set[int] = set()
        # Interactions inserted by this unit: their conversation is new to the
        # views when set, whichever flush sets it.
        self.inserted: set[int] = set()

    def add(self, changes: Changes) -> None:
        self.customers |= changes.customers
        self.interactions |= changes.interactions
        self.callbacks |= changes.callbacks
        self.conversations |= changes.conversations
        self.new_messages |= changes.new_messages
        self.outbox |= changes.outbox

    def add_row(self, row: Any, deleted: bool = False) -> None:
        # By table name, not by class: app.models imports nothing from here,
        # and this module needs none of them.
        table = getattr(row, "__tablename__", "")
        customer = getattr(row, "customer_id", None)
        if customer is not None and table in _CUSTOMER_TABLES:
            self.customers.add(customer)
        if table == "customer":
            _add(self.customers, row.id)
        elif table == "interaction":
            _add(self.interactions, row.id)
            conversation = getattr(row, "conversation_id", None)
            _add(self.conversations, conversation)
            if conversation is not None and row.id in self.inserted and not deleted:
                self.new_messages.add((conversation, row.id))
        elif table == "callbackrequest":
            _add(self.callbacks, row.id)
        elif table == "callbackattempt":
            _add(self.callbacks, row.request_id)
        elif table == "conversation":
            _add(self.conversations, row.id)
        elif table == "outboxmessage":
            _add(self.interactions, row.interaction_id)
            _add(self.conversations, row.conversation_id)
            _add(self.outbox, row.id)
        elif table == "attachment":
            _add(self.interactions, row.interaction_id)

    def value(self) -> Changes:
        return Changes(
            frozenset(self.customers),
            frozenset(self.interactions),
            frozenset(self.callbacks),
            frozenset(self.conversations),
            frozenset(self.new_messages),
            frozenset(self.outbox),
        )


_CUSTOMER_TABLES = frozenset({"contactpoint", "interaction", "callbackrequest", "conversation"})


def _add(ids: set[int], value: int | None) -> None:
    if value is not None:
        ids.add(value)


def track(session: Session, feed: ChangeFeed) -> None:
    """Makes ``session`` publish what it committed on ``feed``."""
    session.info[_FEED] = feed
    session.info[_PENDING] = _Pending()


def note(session: Session, changes: Changes) -> None:
    """Adds rows a bulk statement changed to what ``session`` will publish."""
    pending = session.info.get(_PENDING)
    if pending is not None:
        pending.add(changes)


@event.listens_for(Session, "after_flush")
def _collect(session: Session, _context: Any) -> None:
    pending: _Pending | None = session.info.get(_PENDING)
    if pending is None:
        return
    # After a flush the three lists still show what it wrote. ``dirty`` is
    # computed at each read: once here.
    new, dirty, deleted = list(session.new), list(session.dirty), list(session.deleted)
    for row in new:
        if getattr(row, "__tablename__", "") == "interaction" and row.id is not None:
            pending.inserted.add(row.id)
    for row in new:
        pending.add_row(row)
    for row in dirty:
        if session.is_modified(row):
            pending.add_row(row)
    for row in deleted:
        pending.add_row(row, deleted=True)


@event.listens_for(Session, "after_commit")
def _publish(session: Session) -> None:
    feed = session.info.get(_FEED)
    # A savepoint released is not the commit: what it wrote is not visible yet,
    # and may still be rolled back with the whole unit.
    if feed is None or session.in_nested_transaction():
        return
    pending: _Pending = session.info[_PENDING]
    session.info[_PENDING] = _Pending()
    feed.publish(pending.value())


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    # A savepoint rolled back (a lost race for one row) leaves the rest of the
    # unit of work to be committed and announced.
    if _PENDING in session.info and not session.in_nested_transaction():
        session.info[_PENDING] = _Pending()
