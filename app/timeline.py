"""The interaction log: every call, message, email, form and note, one timeline.

Recording is idempotent: an event that carries the channel's own id (SIP
Call-ID, message id, Message-ID) is stored once however often it is delivered,
and ``record`` says whether it was new. Interactions are written when they start
(a call when it rings or is dialled, an outbound message before it is sent) and
updated after, so a crash never loses that the contact happened.

Message bodies are personal data: this module logs ids and channels at INFO,
never bodies.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, or_, select

from app.changes import Changes, note
from app.contacts import InvalidContact, normalize
from app.customers import ContactInput, CustomerError, CustomerNotFound, Customers
from app.db import Database
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import (
    Channel,
    ContactKind,
    ContactPoint,
    Direction,
    Interaction,
    InteractionStatus,
    utcnow,
)

log = logging.getLogger(__name__)

QUERY_CHUNK = 500  # values per IN list (SQLite's limit of bound parameters)


class TimelineError(OperatorError, ValueError):
    """An interaction request that can't be done; the message says why.

    Templates of mistakes only a caller's code can make (a field that can't be
    set, a blank external id) are not marked for translation: the operator never
    sees them."""


class InteractionNotFound(TimelineError):
    pass


@dataclass(frozen=True)
class InteractionDraft:
    """What a channel knows when a contact starts."""

    channel: Channel | str
    direction: Direction | str
    status: InteractionStatus | str
    started_at: datetime | None = None
    subject: str = ""
    body: str = ""
    external_id: str | None = None
    thread_key: str | None = None
    contact_kind: ContactKind | str | None = None
    contact_value: str | None = None
    # A name the channel gave (caller display name, Telegram first name): used
    # when the unknown-sender policy creates a customer.
    contact_name: str = ""
    # False: the unknown-sender policy makes no customer of this contact (an
    # auto-reply, a bounce); one on file is linked all the same.
    create_customer: bool = True
    customer_id: int | None = None
    account: str = ""
    operator: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    conversation_id: int | None = None  # a message's conversation, known when it arrives


@dataclass(frozen=True)
class Recorded:
    interaction: Interaction
    created: bool  # False: the same (channel, external id) was stored before


@dataclass(frozen=True)
class RecordedRef:
    """What ``record_many_in`` says of a draft: its row, without loading it."""

    interaction_id: int
    customer_id: int | None
    created: bool  # False: stored before, or earlier in the same batch


@dataclass(frozen=True)
class TimelineCursor:
    """Keyset position for paging: stable while new rows arrive at the top."""

    started_at: datetime
    id: int


def row_values(
    draft: InteractionDraft,
    channel: str,
    contact_kind: str | None,
    contact_value: str | None,
    customer_id: int | None,
    now: datetime,
) -> dict[str, Any]:
    """Every column of a new interaction but its id, as ``Interaction(...)``
    would fill it, for a statement that inserts many without the ORM."""
    return {
        "customer_id": customer_id,
        "channel": channel,
        "direction": Direction(draft.direction).value,
        "status": InteractionStatus(draft.status).value,
        "started_at": draft.started_at or now,
        "answered_at": None,
        "ended_at": None,
        "duration_s": None,
        "subject": draft.subject,
        "body": draft.body,
        "external_id": draft.external_id,
        "thread_key": draft.thread_key,
        "contact_kind": contact_kind,
        "contact_value": contact_value,
        "account": draft.account,
        "operator": draft.operator,
        "conversation_id": draft.conversation_id,
        "meta": dict(draft.meta),
        "created_at": now,
        "updated_at": now,
    }


_UPDATABLE = {
    "status",
    "answered_at",
    "ended_at",
    "duration_s",
    "subject",
    "body",
    "thread_key",
    "account",
    "operator",
    "meta",
    "external_id",
}


class Timeline:
    def __init__(
        self, db: Database, customers: Customers, unknown_sender: str = "unlinked"
    ) -> None:
        self.db = db
        self.customers = customers
        self.unknown_sender = unknown_sender

    # --- writing -----------------------------------------------------------

    def record(self, draft: InteractionDraft) -> Recorded:
        """Stores a contact once: a delivery whose (channel, external id) is
        stored already returns that row with ``created=False``, also when two
        deliveries race (the unique key decides; the loser reads the winner)."""
        try:
            with self.db.transaction() as s:
                recorded = self.record_in(s, draft)
        except IntegrityError:
            if draft.external_id:
                existing = self.find_external(draft.channel, draft.external_id)
                if existing is not None:
                    return Recorded(existing, created=False)
            raise
        if recorded.created:
            row = recorded.interaction
            log.info(
                "interaction #%s recorded: %s %s %s", row.id, row.channel, row.direction, row.status
            )
        return recorded

    def record_in(self, s: Session, draft: InteractionDraft) -> Recorded:
        """``record`` inside the caller's unit of work, so what the contact
        brought with it (a callback request, an attachment's row) is committed
        with its timeline row or not at all. Use it in ``Database.transaction``:
        the check for an earlier delivery and the insert must not be split by
        another writer. A race lost on PostgreSQL raises IntegrityError at the
        flush; the caller's whole unit rolls back and may read the winner."""
        channel = Channel(draft.channel).value
        if draft.external_id is not None and not draft.external_id.strip():
            raise TimelineError("An external id, when given, can't be blank.")
        if draft.external_id:
            existing = self._find_external(s, channel, draft.external_id)
            if existing is not None:
                return Recorded(existing, created=False)
        contact_kind, contact_value = self._normalize_contact(draft)
        customer_id = draft.customer_id
        if customer_id is not None:
            Customers._get(s, customer_id)  # raises CustomerNotFound with a clear message
        elif contact_kind and contact_value:
            customer_id = self._resolve_customer(
                s, contact_kind, contact_value, draft.contact_name, create=draft.create_customer
            )
        row = self._new_row(draft, channel, contact_kind, contact_value, customer_id)
        s.add(row)
        s.flush()
        return Recorded(row, created=True)

    def record_many_in(self, s: Session, drafts: Sequence[InteractionDraft]) -> list[RecordedRef]:
        """``record_in`` for a burst (a channel's batch), in the drafts' order:
        one query for earlier deliveries of the whole batch, each contact
        value resolved once, one INSERT statement, announced on the changes
        feed like any row. A draft repeating an earlier one of the same batch
        is a repeat of that row. The rows are not loaded into the session:
        read them by id when needed. Same unit-of-work rules as ``record_in``."""
        for draft in drafts:
            if draft.external_id is not None and not draft.external_id.strip():
                raise TimelineError("An external id, when given, can't be blank.")
        known: dict[tuple[str, str], RecordedRef | int] = {
            key: RecordedRef(row.id, row.customer_id, created=False)
            for key, row in self._find_externals(
                s,
                [
                    (Channel(d.channel).value, d.external_id)
                    for d in drafts
                    if d.external_id is not None
                ],
            ).items()
            if row.id is not None
        }
        contacts = [self._normalize_contact(d) for d in drafts]
        resolved = self._resolve_customers(
            s,
            [
                (kind, value, d.contact_name, d.create_customer)
                for d, (kind, value) in zip(drafts, contacts, strict=True)
                if d.customer_id is None and kind and value
            ],
        )
        checked: set[int] = set()
        now = utcnow()
        # Each draft's answer: a row stored before, or the index of its new row.
        placed: list[RecordedRef | int] = []
        rows: list[dict[str, Any]] = []
        for draft, (contact_kind, contact_value) in zip(drafts, contacts, strict=True):
            channel = Channel(draft.channel).value
            key = (channel, draft.external_id) if draft.external_id else None
            if key is not None and key in known:
                placed.append(known[key])
                continue
            customer_id = draft.customer_id
            if customer_id is not None:
                if customer_id not in checked:
                    Customers._get(s, customer_id)  # CustomerNotFound with a clear message
                    checked.add(customer_id)
            elif contact_kind and contact_value:
                customer_id = resolved.get((contact_kind, contact_value))
            if key is not None:
                known[key] = len(rows)
            placed.append(len(rows))
            rows.append(row_values(draft, channel, contact_kind, contact_value, customer_id, now))
        ids = self._insert_rows(s, rows)
        note(
            s,
            Changes.of(
                customers=[row["customer_id"] for row in rows],
                interactions=ids,
                conversations=[row["conversation_id"] for row in rows],
                new_messages=[
                    (row["conversation_id"], id_)
                    for row, id_ in zip(rows, ids, strict=True)
                    if row["conversation_id"] is not None
                ],
            ),
        )
        first: set[int] = set()
        out: list[RecordedRef] = []
        for item in placed:
            if isinstance(item, RecordedRef):
                out.append(RecordedRef(item.interaction_id, item.customer_id, created=False))
                continue
            out.append(RecordedRef(ids[item], rows[item]["customer_id"], item not in first))
            first.add(item)
        return out

    @staticmethod
    def _insert_rows(s: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
        """One INSERT for all ``rows``; their ids in order. On SQLite the rows
        are numbered here (the largest rowid plus one, as SQLite would) and go
        as one executemany: SQLite doesn't promise the order of what RETURNING
        gives a many-row INSERT, so SQLAlchemy would insert one row per
        statement. Safe under ``Database.transaction``'s write lock; outside it
        a concurrent writer's row makes the INSERT fail on the key, never two
        rows share an id. On PostgreSQL the ids come from the table's own
        sequence, as a row's default would take them."""
        if not rows:
            return []
        table = Interaction.__table__  # type: ignore[attr-defined]
        connection = s.connection()
        if connection.dialect.name == "sqlite":
            top = s.exec(select(func.max(Interaction.id))).one() or 0
            ids = list(range(top + 1, top + 1 + len(rows)))
        else:
            # The ids taken from the table's sequence first: then the INSERT is
            # one short statement executed for each row (the driver parses it
            # once and pipelines the rows) instead of one long VALUES list
            # rendered and parsed anew for every batch.
            ids = [
                int(id_)
                for (id_,) in connection.execute(
                    text(
                        "SELECT nextval(pg_get_serial_sequence('interaction', 'id'))"
                        " FROM generate_series(1, :n)"
                    ),
                    {"n": len(rows)},
                )
            ]
        connection.execute(
            insert(table), [{**row, "id": id_} for row, id_ in zip(rows, ids, strict=True)]
        )
        return ids

    def update(self, interaction_id: int, **changes: Any) -> Interaction:
        unknown = set(changes) - _UPDATABLE
        if unknown:
            raise TimelineError(
                "Interaction fields that can't be updated: {names}.", names=sorted(unknown)
            )
        if "status" in changes:
            changes["status"] = InteractionStatus(changes["status"]).value
        with self.db.session() as s:
            row = self._get(s, interaction_id)
            for key, value in changes.items():
                if key == "meta":
                    value = {**row.meta, **value}  # merge: a late quality report keeps the rest
                setattr(row, key, value)
            row.updated_at = utcnow()
            s.add(row)
            return row

    def close(
        self,
        interaction_id: int,
        status: InteractionStatus | str,
        ended_at: datetime | None = None,
        **changes: Any,
    ) -> Interaction:
        """Ends an interaction once: a second close (a late event) changes nothing.

        The duration of an answered call counts from the answer, as a phone bill does."""
        with self.db.session() as s:
            row = self._get(s, interaction_id)
            if row.ended_at is not None:
                return row
            end = ended_at or utcnow()
            row.status = InteractionStatus(status).value
            row.ended_at = end
            start = row.answered_at if row.answered_at is not None else None
            row.duration_s = max(0.0, (end - start).total_seconds()) if start else 0.0
            for key, value in changes.items():
                if key not in _UPDATABLE:
                    raise TimelineError("Interaction field {key!r} can't be set on close.", key=key)
                setattr(row, key, {**row.meta, **value} if key == "meta" else value)
            row.updated_at = utcnow()
            s.add(row)
            log.info("interaction #%s closed: %s", row.id, row.status)
            return row

    def link(self, interaction_id: int, customer_id: int) -> Interaction:
        self.customers.get(customer_id)
        with self.db.session() as s:
            row = self._get(s, interaction_id)
            row.customer_id = customer_id
            row.updated_at = utcnow()
            s.add(row)
            return row

    def link_unlinked(self, customer_id: int) -> int:
        """Attaches every unlinked interaction from this customer's contact values
        (after an unknown caller was saved as a customer). Returns how many."""
        points = self.customers.contacts(customer_id)
        if not points:
            return 0
        with self.db.session() as s:
            rows = list(
                s.exec(
                    select(Interaction).where(
                        col(Interaction.customer_id).is_(None),
                        or_(
                            *(
                                (Interaction.contact_kind == p.kind)
                                & (Interaction.contact_value == p.normalized)
                                for p in points
                            )
                        ),
                    )
                )
            )
            for row in rows:
                row.customer_id = customer_id
                s.add(row)
            return len(rows)

    # --- reading -----------------------------------------------------------

    def get(self, interaction_id: int) -> Interaction:
        with self.db.session() as s:
            return self._get(s, interaction_id)

    def find_external(self, channel: Channel | str, external_id: str) -> Interaction | None:
        with self.db.session() as s:
            return self._find_external(s, Channel(channel).value, external_id)

    @staticmethod
    def _find_external(s: Session, channel: str, external_id: str) -> Interaction | None:
        return s.exec(
            select(Interaction).where(
                Interaction.channel == channel, Interaction.external_id == external_id
            )
        ).first()

    @staticmethod
    def _find_externals(
        s: Session, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], Interaction]:
        by_channel: dict[str, list[str]] = {}
        for channel, external_id in dict.fromkeys(keys):
            by_channel.setdefault(channel, []).append(external_id)
        found: dict[tuple[str, str], Interaction] = {}
        for channel, ids in by_channel.items():
            for start in range(0, len(ids), QUERY_CHUNK):
                rows = s.exec(
                    select(Interaction).where(
                        Interaction.channel == channel,
                        col(Interaction.external_id).in_(ids[start : start + QUERY_CHUNK]),
                    )
                )
                for row in rows:
                    assert row.external_id is not None
                    found[(channel, row.external_id)] = row
        return found

    def last_call_account(self, customer_id: int, among: Iterable[str]) -> str | None:
        """The SIP account of the customer's latest call (either way) that is
        one of ``among``: the line they know the shop by."""
        wanted = [a for a in among if a]
        if not wanted:
            return None
        with self.db.session() as s:
            return s.exec(
                select(Interaction.account)
                .where(
                    Interaction.customer_id == customer_id,
                    Interaction.channel == Channel.CALL.value,
                    col(Interaction.account).in_(wanted),
                )
                .order_by(col(Interaction.started_at).desc(), col(Interaction.id).desc())
                .limit(1)
            ).first()

    def page(
        self,
        customer_id: int,
        limit: int = 50,
        after: TimelineCursor | None = None,
        channels: Iterable[Channel | str] | None = None,
    ) -> list[Interaction]:
        """Newest first. Pass the cursor of the last row shown to get the next page."""
        with self.db.session() as s:
            stmt = select(Interaction).where(Interaction.customer_id == customer_id)
            if channels is not None:
                wanted = [Channel(c).value for c in channels]
                stmt = stmt.where(col(Interaction.channel).in_(wanted))
            if after is not None:
                stmt = stmt.where(
                    or_(
                        col(Interaction.started_at) < after.started_at,
                        (col(Interaction.started_at) == after.started_at)
                        & (col(Interaction.id) < after.id),
                    )
                )
            stmt = stmt.order_by(col(Interaction.started_at).desc(), col(Interaction.id).desc())
            return list(s.exec(stmt.limit(limit)))

    def unlinked(self, limit: int = 200) -> list[Interaction]:
        with self.db.session() as s:
            return list(
                s.exec(
                    select(Interaction)
                    .where(col(Interaction.customer_id).is_(None))
                    .order_by(col(Interaction.started_at).desc(), col(Interaction.id).desc())
                    .limit(limit)
                )
            )

    @staticmethod
    def cursor_of(row: Interaction) -> TimelineCursor:
        assert row.id is not None
        return TimelineCursor(row.started_at, row.id)

    # --- helpers -----------------------------------------------------------

    @staticmethod
    def _get(s: Session, interaction_id: int) -> Interaction:
        row = s.get(Interaction, interaction_id)
        if row is None:
            raise InteractionNotFound(
                QT_TRANSLATE_NOOP("core", "Interaction #{interaction_id} does not exist."),
                interaction_id=interaction_id,
            )
        return row

    def _normalize_contact(self, draft: InteractionDraft) -> tuple[str | None, str | None]:
        if not draft.contact_kind or not draft.contact_value:
            return (
                ContactKind(draft.contact_kind).value if draft.contact_kind else None,
                draft.contact_value or None,
            )
        kind = ContactKind(draft.contact_kind).value
        try:
            return kind, normalize(kind, draft.contact_value, self.customers.default_region)
        except InvalidContact:
            # "anonymous", a withheld number: keep what the channel said, link nobody.
            return kind, draft.contact_value.strip()

    @staticmethod
    def _new_row(
        draft: InteractionDraft,
        channel: str,
        contact_kind: str | None,
        contact_value: str | None,
        customer_id: int | None,
    ) -> Interaction:
        return Interaction(
            customer_id=customer_id,
            channel=channel,
            direction=Direction(draft.direction).value,
            status=InteractionStatus(draft.status).value,
            started_at=draft.started_at or utcnow(),
            subject=draft.subject,
            body=draft.body,
            external_id=draft.external_id,
            thread_key=draft.thread_key,
            contact_kind=contact_kind,
            contact_value=contact_value,
            account=draft.account,
            operator=draft.operator,
            meta=dict(draft.meta),
            conversation_id=draft.conversation_id,
        )

    def _resolve_customers(
        self, s: Session, contacts: Sequence[tuple[str, str, str, bool]]
    ) -> dict[tuple[str, str], int]:
        """The customers of many (kind, normalized value) at once: one query per
        kind for those on file; the unknown ones as ``_resolve_customer`` does
        (the unknown-sender policy), once each, with the first name given, when
        one of their drafts may create a customer."""
        names: dict[tuple[str, str], str] = {}
        creatable: set[tuple[str, str]] = set()
        for kind, value, name, create in contacts:
            names.setdefault((kind, value), name)
            if create:
                creatable.add((kind, value))
        by_kind: dict[str, list[str]] = {}
        for kind, value in names:
            by_kind.setdefault(kind, []).append(value)
        found: dict[tuple[str, str], int] = {}
        for kind, values in by_kind.items():
            for start in range(0, len(values), QUERY_CHUNK):
                rows = s.exec(
                    select(ContactPoint.normalized, ContactPoint.customer_id).where(
                        ContactPoint.kind == kind,
                        col(ContactPoint.normalized).in_(values[start : start + QUERY_CHUNK]),
                    )
                )
                for normalized, customer_id in rows:
                    found[(kind, normalized)] = customer_id
        if self.unknown_sender == "create_customer":
            for (kind, value), name in names.items():
                if (kind, value) not in found and (kind, value) in creatable:
                    made = self._resolve_customer(s, kind, value, name)
                    if made is not None:
                        found[(kind, value)] = made
        return found

    def _resolve_customer(
        self, s: Session, kind: str, value: str, name: str, *, create: bool = True
    ) -> int | None:
        found = Customers._find_normalized(s, kind, value)
        if found is not None:
            return found.id
        if self.unknown_sender != "create_customer" or not create:
            return None
        try:
            normalize(kind, value, self.customers.default_region)
        except InvalidContact:
            return None  # never make a customer out of "anonymous"
        try:
            # A savepoint: losing the race for the contact must not undo the
            # caller's unit of work, only this customer.
            with s.begin_nested():
                created = self.customers.create_in(
                    s, name.strip() or value, [ContactInput(kind, value)]
                )
        except (CustomerError, IntegrityError):
            # Created by someone else a moment ago: use theirs.
            again = Customers._find_normalized(s, kind, value)
            return again.id if again else None
        return created.id


__all__ = [
    "CustomerNotFound",
    "InteractionDraft",
    "InteractionNotFound",
    "Recorded",
    "RecordedRef",
    "Timeline",
    "TimelineCursor",
    "TimelineError",
]
