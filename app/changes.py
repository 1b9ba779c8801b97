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
_INSERTED = "switchboard.changes.inserted"


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


def track(session: Session, feed: ChangeFeed) -> None:
    """Makes ``session`` publish what it committed on ``feed``."""
    session.info[_FEED] = feed
    session.info[_PENDING] = Changes()
    session.info[_INSERTED] = set()


def note(session: Session, changes: Changes) -> None:
    """Adds rows a bulk statement changed to what ``session`` will publish."""
    if _PENDING in session.info:
        session.info[_PENDING] = session.info[_PENDING] | changes


def _of_row(row: Any) -> Changes:
    # By table name, not by class: app.models imports nothing from here, and
    # this module needs none of them.
    table = getattr(row, "__tablename__", "")
    customer = getattr(row, "customer_id", None)
    if table == "customer":
        return Changes.of(customers=[row.id])
    if table == "contactpoint":
        return Changes.of(customers=[customer])
    if table == "interaction":
        return Changes.of(
            customers=[customer],
            interactions=[row.id],
            conversations=[getattr(row, "conversation_id", None)],
        )
    if table == "callbackrequest":
        return Changes.of(customers=[customer], callbacks=[row.id])
    if table == "callbackattempt":
        return Changes.of(callbacks=[row.request_id])
    if table == "conversation":
        return Changes.of(customers=[customer], conversations=[row.id])
    if table == "outboxmessage":
        return Changes.of(
            interactions=[row.interaction_id],
            conversations=[row.conversation_id],
            outbox=[row.id],
        )
    if table == "attachment":
        return Changes.of(interactions=[row.interaction_id])
    return Changes()


@event.listens_for(Session, "after_flush")
def _collect(session: Session, _context: Any) -> None:
    if _PENDING not in session.info:
        return
    found = session.info[_PENDING]
    inserted: set[int] = session.info[_INSERTED]
    for row in session.new:
        if getattr(row, "__tablename__", "") == "interaction" and row.id is not None:
            inserted.add(row.id)
    for row in (*session.new, *session.dirty, *session.deleted):
        if row in session.dirty and not session.is_modified(row):
            continue
        found = found | _of_row(row)
        if getattr(row, "__tablename__", "") == "interaction" and row.id in inserted:
            conversation_id = getattr(row, "conversation_id", None)
            if conversation_id is not None and row not in session.deleted:
                found = found | Changes.of(new_messages=[(conversation_id, row.id)])
    session.info[_PENDING] = found


@event.listens_for(Session, "after_commit")
def _publish(session: Session) -> None:
    feed = session.info.get(_FEED)
    # A savepoint released is not the commit: what it wrote is not visible yet,
    # and may still be rolled back with the whole unit.
    if feed is None or session.in_nested_transaction():
        return
    changes = session.info[_PENDING]
    session.info[_PENDING] = Changes()
    session.info[_INSERTED] = set()
    feed.publish(changes)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    # A savepoint rolled back (a lost race for one row) leaves the rest of the
    # unit of work to be committed and announced.
    if _PENDING in session.info and not session.in_nested_transaction():
        session.info[_PENDING] = Changes()
        session.info[_INSERTED] = set()
