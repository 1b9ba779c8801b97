"""Email threads in the database: each mailbox's id table for app/mail/threads.py,
and the inbox's step that places a batch of mail in its threads.

``StoredThreads`` is ``ThreadLookup`` over the tables of migration 0007 inside
the caller's transaction (``MemoryThreads`` is its reference in memory): the
ids a thread's messages had or referenced, its participants, and the subjects
each correspondent wrote under. ``PlaceInThreads`` is the ``BatchStep`` an
email channel hands ``Inbox.store``: in the batch's transaction, so the rows
it records are committed with the messages or not at all, each message gets
its thread and the identity of its conversation, ``f"{thread key}|{address}"``
(one conversation per thread and customer address). A message stored before
(the same Message-ID in another folder, fetched again after a UIDVALIDITY
change or a cut connection) keeps the conversation it has and records nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from sqlmodel import Session, col, select

from app.inbox import InboundMessage
from app.mail.subjects import subject_key
from app.mail.threads import KnownThread, Link, Placement, ThreadHeaders, place
from app.models import (
    Channel,
    Conversation,
    Interaction,
    MailThreadId,
    MailThreadParticipant,
    MailThreadSubject,
)

log = logging.getLogger(__name__)

CHUNK = 400  # values per IN list (SQLite's limit of bound parameters)
MAX_MESSAGE_ID = 300  # MailThreadId.message_id; app/mail/message_ids keeps ids to 250
MAX_SUBJECT_KEY = 200  # MailThreadSubject.subject_key (a unique index's part)
MAX_ADDRESS = 320


def conversation_identity(thread_key: str, address: str) -> str:
    """An email conversation: one thread with one customer address."""
    return f"{thread_key}|{address}"


class StoredThreads:
    """A mailbox's ``ThreadLookup`` in the caller's session, with ``record``."""

    def __init__(self, s: Session, account_id: int) -> None:
        self.s = s
        self.account_id = account_id

    def by_ids(self, ids: Sequence[str]) -> Mapping[str, Sequence[KnownThread]]:
        wanted = sorted({i for i in ids if i and len(i) <= MAX_MESSAGE_ID})
        keys_of: dict[str, list[str]] = {}
        for start in range(0, len(wanted), CHUNK):
            rows = self.s.exec(
                select(MailThreadId.message_id, MailThreadId.thread_key).where(
                    MailThreadId.account_id == self.account_id,
                    col(MailThreadId.message_id).in_(wanted[start : start + CHUNK]),
                )
            )
            for message_id, key in rows:
                keys_of.setdefault(message_id, []).append(key)
        participants = self._participants({k for keys in keys_of.values() for k in keys})
        return {
            message_id: [KnownThread(key, participants.get(key, frozenset())) for key in keys]
            for message_id, keys in keys_of.items()
        }

    def by_subject(
        self, correspondent: str, key: str, since: datetime | None
    ) -> KnownThread | None:
        query = select(MailThreadSubject.thread_key).where(
            MailThreadSubject.account_id == self.account_id,
            MailThreadSubject.correspondent == correspondent[:MAX_ADDRESS],
            MailThreadSubject.subject_key == key[:MAX_SUBJECT_KEY],
        )
        if since is not None:
            # An undated entry counts: the message it came from had no date.
            query = query.where(
                (col(MailThreadSubject.last_at) >= since) | col(MailThreadSubject.last_at).is_(None)
            )
        found = self.s.exec(
            query.order_by(col(MailThreadSubject.last_at).desc(), col(MailThreadSubject.id).desc())
        ).first()
        if found is None:
            return None
        return KnownThread(found, self._participants({found}).get(found, frozenset()))

    def record(self, mail: ThreadHeaders, placement: Placement) -> None:
        """What the placed message adds: its ids under the thread's key, its
        participants, its correspondent's subject (as ``MemoryThreads.record``)."""
        key = placement.key
        ids = sorted({i for i in placement.ids if i and len(i) <= MAX_MESSAGE_ID})
        known = set()
        for start in range(0, len(ids), CHUNK):
            known |= set(
                self.s.exec(
                    select(MailThreadId.message_id).where(
                        MailThreadId.account_id == self.account_id,
                        MailThreadId.thread_key == key,
                        col(MailThreadId.message_id).in_(ids[start : start + CHUNK]),
                    )
                )
            )
        self.s.add_all(
            MailThreadId(account_id=self.account_id, message_id=i, thread_key=key)
            for i in ids
            if i not in known
        )
        people = {a[:MAX_ADDRESS] for a in mail.participants | {mail.correspondent} if a}
        have = self._participants({key}).get(key, frozenset())
        self.s.add_all(
            MailThreadParticipant(account_id=self.account_id, thread_key=key, address=a)
            for a in sorted(people - have)
        )
        if mail.correspondent:
            self._note_subject(mail, key)
        self.s.flush()

    def _note_subject(self, mail: ThreadHeaders, key: str) -> None:
        correspondent = mail.correspondent[:MAX_ADDRESS]
        subject = subject_key(mail.subject)[:MAX_SUBJECT_KEY]
        if not subject:
            return  # the subject fallback never looks for an empty one
        row = self.s.exec(
            select(MailThreadSubject).where(
                MailThreadSubject.account_id == self.account_id,
                MailThreadSubject.correspondent == correspondent,
                MailThreadSubject.subject_key == subject,
                MailThreadSubject.thread_key == key,
            )
        ).first()
        if row is None:
            self.s.add(
                MailThreadSubject(
                    account_id=self.account_id,
                    thread_key=key,
                    correspondent=correspondent,
                    subject_key=subject,
                    last_at=mail.date,
                )
            )
        elif mail.date is not None and (row.last_at is None or mail.date > row.last_at):
            row.last_at = mail.date
            self.s.add(row)

    def _participants(self, keys: set[str]) -> dict[str, frozenset[str]]:
        ordered = sorted(keys)
        found: dict[str, set[str]] = {}
        for start in range(0, len(ordered), CHUNK):
            rows = self.s.exec(
                select(MailThreadParticipant.thread_key, MailThreadParticipant.address).where(
                    MailThreadParticipant.account_id == self.account_id,
                    col(MailThreadParticipant.thread_key).in_(ordered[start : start + CHUNK]),
                )
            )
            for key, address in rows:
                found.setdefault(key, set()).add(address)
        return {key: frozenset(addresses) for key, addresses in found.items()}


class PlaceInThreads:
    """The inbox's ``BatchStep`` for a batch of one mailbox's mail: ``headers``
    gives each message's threading headers by its external id."""

    def __init__(self, account_id: int, headers: Mapping[str, ThreadHeaders]) -> None:
        self.account_id = account_id
        self.headers = headers
        self.placements: dict[str, Placement] = {}  # what this run placed, for logs and tests

    def __call__(self, s: Session, batch: Sequence[InboundMessage]) -> list[InboundMessage]:
        threads = StoredThreads(s, self.account_id)
        earlier = self._stored_identities(s, [m.external_id for m in batch])
        out: list[InboundMessage] = []
        for message in batch:
            identity = earlier.get(message.external_id)
            headers = self.headers.get(message.external_id)
            if identity is None and headers is not None:
                placement = place(headers, threads)
                threads.record(headers, placement)
                self.placements[message.external_id] = placement
                identity = conversation_identity(placement.key, headers.correspondent)
                earlier[message.external_id] = identity  # a second copy in this batch
            if identity is None:
                log.warning("mail %s: no threading headers; stored on its own", self.account_id)
                identity = conversation_identity("unthreaded", message.contact_value)
            out.append(replace(message, identity=identity))
        return out

    def _stored_identities(self, s: Session, external_ids: Sequence[str]) -> dict[str, str]:
        """The conversations of the batch's messages stored before."""
        wanted = sorted(set(external_ids))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), CHUNK):
            rows = s.exec(
                select(Interaction.external_id, Conversation.identity)
                .join(Conversation, col(Conversation.id) == col(Interaction.conversation_id))
                .where(
                    Interaction.channel == Channel.EMAIL.value,
                    col(Interaction.external_id).in_(wanted[start : start + CHUNK]),
                )
            )
            for external_id, identity in rows:
                if external_id is not None:
                    found[external_id] = identity
        return found


class RecordSent:
    """A ``BatchStep`` (for an empty batch) that records a message we sent in
    its conversation's thread: a reply to it that names only our Message-ID
    (In-Reply-To without References, as some clients write) still finds it."""

    def __init__(self, account_id: int, identity: str, message_id: str) -> None:
        self.account_id = account_id
        self.identity = identity
        self.message_id = message_id

    def __call__(self, s: Session, batch: Sequence[InboundMessage]) -> Sequence[InboundMessage]:
        thread_key, _, address = self.identity.rpartition("|")
        if thread_key and self.message_id:
            headers = ThreadHeaders(
                message_id=self.message_id,
                correspondent=address,
                participants=frozenset({address} - {""}),
            )
            placement = Placement(thread_key, Link.NEW, (self.message_id,))
            StoredThreads(s, self.account_id).record(headers, placement)
        return batch


__all__ = ["PlaceInThreads", "RecordSent", "StoredThreads", "conversation_identity"]
