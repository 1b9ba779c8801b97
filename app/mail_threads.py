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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlmodel import Session, col, select

from app.inbox import InboundMessage
from app.mail.subjects import subject_key
from app.mail.threads import (
    KnownThread,
    Link,
    Placement,
    ThreadHeaders,
    place,
    thread_index_id,
)
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
    """A mailbox's ``ThreadLookup`` in the caller's session, with ``record``.

    What it reads is kept for the rest of the unit of work, and what ``record``
    adds is written by ``flush`` in one statement per table: a batch of mail is
    a few queries, not a few per message (``prefetch`` reads the ids a batch
    names at once). Meant for one writer per mailbox (the host's inbound
    writer, one host per account)."""

    def __init__(self, s: Session, account_id: int) -> None:
        self.s = s
        self.account_id = account_id
        self._keys_of: dict[str, list[str]] = {}  # message id -> thread keys
        self._ids_read: set[str] = set()
        self._people: dict[str, set[str]] = {}  # thread key -> participants
        # (correspondent, subject key) -> thread key -> [row id or None, last_at]
        self._subjects: dict[tuple[str, str], dict[str, list[Any]]] = {}
        self._new_ids: list[dict[str, Any]] = []
        self._new_people: list[dict[str, Any]] = []
        self._changed_subjects: set[tuple[str, str, str]] = set()

    def prefetch(self, headers: Iterable[ThreadHeaders]) -> None:
        """Reads at once the ids that placing ``headers`` will ask about."""
        wanted: set[str] = set()
        subjects: set[tuple[str, str]] = set()
        for mail in headers:
            wanted.update(mail.references, mail.in_reply_to, (mail.message_id,))
            index_id = thread_index_id(mail.thread_index)
            if index_id is not None:
                wanted.add(index_id)
            subject = subject_key(mail.subject)[:MAX_SUBJECT_KEY]
            if mail.correspondent and subject:
                subjects.add((mail.correspondent[:MAX_ADDRESS], subject))
        self._read_ids(wanted)
        self._read_subject_pairs(subjects)

    def by_ids(self, ids: Sequence[str]) -> Mapping[str, Sequence[KnownThread]]:
        self._read_ids(ids)
        found = {i: self._keys_of[i] for i in ids if self._keys_of.get(i)}
        self._read_people({key for keys in found.values() for key in keys})
        return {
            i: [KnownThread(key, frozenset(self._people.get(key, ()))) for key in keys]
            for i, keys in found.items()
        }

    def by_subject(
        self, correspondent: str, key: str, since: datetime | None
    ) -> KnownThread | None:
        entries = self._read_subjects(correspondent[:MAX_ADDRESS], key[:MAX_SUBJECT_KEY])
        # As MemoryThreads decides: the latest, an undated one counting as oldest.
        matches = [
            (when or _UNDATED, thread_key)
            for thread_key, (_, when) in entries.items()
            if since is None or when is None or when >= since
        ]
        if not matches:
            return None
        chosen = max(matches)[1]
        self._read_people({chosen})
        return KnownThread(chosen, frozenset(self._people.get(chosen, ())))

    def record(self, mail: ThreadHeaders, placement: Placement) -> None:
        """What the placed message adds: its ids under the thread's key, its
        participants, its correspondent's subject (as ``MemoryThreads.record``).
        Written by ``flush``."""
        key = placement.key
        ids = [i for i in dict.fromkeys(placement.ids) if i and len(i) <= MAX_MESSAGE_ID]
        self._read_ids(ids)
        for i in ids:
            keys = self._keys_of.setdefault(i, [])
            if key not in keys:
                keys.append(key)
                self._new_ids.append(
                    {"account_id": self.account_id, "message_id": i, "thread_key": key}
                )
        if placement.new:
            self._people.setdefault(key, set())  # a key just made has no rows yet
        self._read_people({key})
        have = self._people.setdefault(key, set())
        for address in sorted({a[:MAX_ADDRESS] for a in mail.participants | {mail.correspondent}}):
            if address and address not in have:
                have.add(address)
                self._new_people.append(
                    {"account_id": self.account_id, "thread_key": key, "address": address}
                )
        subject = subject_key(mail.subject)[:MAX_SUBJECT_KEY]
        correspondent = mail.correspondent[:MAX_ADDRESS]
        if correspondent and subject:  # the fallback never looks for an empty subject
            entries = self._read_subjects(correspondent, subject)
            entry = entries.get(key)
            if entry is None:
                entries[key] = [None, mail.date]
            elif mail.date is not None and (entry[1] is None or mail.date > entry[1]):
                entry[1] = mail.date
            else:
                return
            self._changed_subjects.add((correspondent, subject, key))

    def flush(self) -> None:
        """Writes what ``record`` added."""
        tables = {
            "ids": MailThreadId.__table__,  # type: ignore[attr-defined]
            "people": MailThreadParticipant.__table__,  # type: ignore[attr-defined]
            "subjects": MailThreadSubject.__table__,  # type: ignore[attr-defined]
        }
        if self._new_ids:
            self.s.execute(insert(tables["ids"]), self._new_ids)
        if self._new_people:
            self.s.execute(insert(tables["people"]), self._new_people)
        new_subjects: list[dict[str, Any]] = []
        moved: list[dict[str, Any]] = []
        for correspondent, subject, key in sorted(self._changed_subjects):
            row_id, when = self._subjects[(correspondent, subject)][key]
            if row_id is None:
                new_subjects.append(
                    {
                        "account_id": self.account_id,
                        "thread_key": key,
                        "correspondent": correspondent,
                        "subject_key": subject,
                        "last_at": when,
                    }
                )
            else:
                moved.append({"row_id": row_id, "when": when})
        if new_subjects:
            self.s.execute(insert(tables["subjects"]), new_subjects)
        if moved:
            table = tables["subjects"]
            self.s.execute(
                update(table)
                .where(table.c.id == bindparam("row_id"))
                .values(last_at=bindparam("when")),
                moved,
            )
        self._new_ids, self._new_people = [], []
        self._changed_subjects.clear()
        # New subject rows are read again (with their ids) when next needed.
        for correspondent, subject in {
            (r["correspondent"], r["subject_key"]) for r in new_subjects
        }:
            self._subjects.pop((correspondent, subject), None)

    # --- reading, once per unit of work ----------------------------------------------

    def _read_ids(self, ids: Iterable[str]) -> None:
        wanted = sorted({i for i in ids if i and len(i) <= MAX_MESSAGE_ID} - self._ids_read)
        self._ids_read.update(wanted)
        for start in range(0, len(wanted), CHUNK):
            rows = self.s.exec(
                select(MailThreadId.message_id, MailThreadId.thread_key).where(
                    MailThreadId.account_id == self.account_id,
                    col(MailThreadId.message_id).in_(wanted[start : start + CHUNK]),
                )
            )
            for message_id, key in rows:
                keys = self._keys_of.setdefault(message_id, [])
                if key not in keys:
                    keys.append(key)

    def _read_people(self, keys: set[str]) -> None:
        wanted = sorted(keys - set(self._people))
        for key in wanted:
            self._people[key] = set()
        for start in range(0, len(wanted), CHUNK):
            rows = self.s.exec(
                select(MailThreadParticipant.thread_key, MailThreadParticipant.address).where(
                    MailThreadParticipant.account_id == self.account_id,
                    col(MailThreadParticipant.thread_key).in_(wanted[start : start + CHUNK]),
                )
            )
            for key, address in rows:
                self._people[key].add(address)

    def _read_subject_pairs(self, pairs: set[tuple[str, str]]) -> None:
        """The subject entries of many (correspondent, subject key) at once."""
        wanted = sorted(pairs - set(self._subjects))
        for pair in wanted:
            self._subjects[pair] = {}
        people = sorted({correspondent for correspondent, _ in wanted})
        for start in range(0, len(people), CHUNK):
            rows = self.s.exec(
                select(MailThreadSubject).where(
                    MailThreadSubject.account_id == self.account_id,
                    col(MailThreadSubject.correspondent).in_(people[start : start + CHUNK]),
                )
            )
            for row in rows:
                pair = (row.correspondent, row.subject_key)
                entries = self._subjects.get(pair)
                if entries is not None and pair in pairs:
                    entries.setdefault(row.thread_key, [row.id, row.last_at])

    def _read_subjects(self, correspondent: str, subject: str) -> dict[str, list[Any]]:
        entries = self._subjects.get((correspondent, subject))
        if entries is None:
            rows = self.s.exec(
                select(
                    MailThreadSubject.id, MailThreadSubject.thread_key, MailThreadSubject.last_at
                ).where(
                    MailThreadSubject.account_id == self.account_id,
                    MailThreadSubject.correspondent == correspondent,
                    MailThreadSubject.subject_key == subject,
                )
            )
            entries = {key: [row_id, when] for row_id, key, when in rows}
            self._subjects[(correspondent, subject)] = entries
        return entries


_UNDATED = datetime.min.replace(tzinfo=UTC)


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
        threads.prefetch(
            h
            for m in batch
            if m.external_id not in earlier and (h := self.headers.get(m.external_id))
        )
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
        threads.flush()
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
            # An existing thread's key (not NEW: its rows are read first).
            placement = Placement(thread_key, Link.IN_REPLY_TO, (self.message_id,))
            threads = StoredThreads(s, self.account_id)
            threads.record(headers, placement)
            threads.flush()
        return batch


__all__ = ["PlaceInThreads", "RecordSent", "StoredThreads", "conversation_identity"]
