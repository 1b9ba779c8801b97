"""Customers and their contact points: find, create, edit, merge, export, delete.

A contact point's normalised value is unique per kind, so one number or chat id
always leads to one customer. Every method is one unit of work (its own session),
safe to call from any thread.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import false, or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.attachments import AttachmentStore
from app.contacts import InvalidContact, normalize
from app.db import Database
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import (
    Attachment,
    CallbackAttempt,
    CallbackRequest,
    ContactKind,
    ContactPoint,
    Conversation,
    Customer,
    Interaction,
    utcnow,
)
from app.search import search_customers

log = logging.getLogger(__name__)


class CustomerError(OperatorError, ValueError):
    """A request about customers that can't be done; the message says why.

    Templates of mistakes only a caller's code can make (an unknown field or
    contact kind) are not marked for translation: the operator never sees them."""


class CustomerNotFound(CustomerError):
    pass


class DuplicateContact(CustomerError):
    def __init__(self, kind: str, normalized: str, owner_id: int, owner_name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core",
                "The {kind} {normalized} already belongs to customer #{owner_id} ({owner_name}).",
            ),
            kind=kind,
            normalized=normalized,
            owner_id=owner_id,
            owner_name=owner_name,
        )
        self.kind, self.normalized, self.owner_id = kind, normalized, owner_id
        self.owner_name = owner_name


@dataclass(frozen=True)
class ContactInput:
    kind: ContactKind | str
    value: str
    label: str = ""


@dataclass(frozen=True)
class MergeResult:
    kept_id: int
    removed_id: int
    contacts_moved: int
    interactions_moved: int
    callbacks_moved: int


_EDITABLE = frozenset({"name", "company", "notes", "tags", "owner"})
_CONTACT_NOT_THEIRS = QT_TRANSLATE_NOOP(
    "core", "Contact #{contact_id} is no longer this customer's (changed elsewhere?)."
)


def clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise CustomerError(QT_TRANSLATE_NOOP("core", "The customer's name is empty."))
    if len(cleaned) > 300:
        raise CustomerError(
            QT_TRANSLATE_NOOP("core", "The customer's name is longer than {limit} characters."),
            limit=300,
        )
    return cleaned


class Customers:
    def __init__(self, db: Database, default_region: str, attachments: AttachmentStore) -> None:
        self.db = db
        self.default_region = default_region
        self.attachments = attachments

    # --- reading -----------------------------------------------------------

    def get(self, customer_id: int) -> Customer:
        with self.db.session() as s:
            return self._get(s, customer_id)

    def contacts(self, customer_id: int) -> list[ContactPoint]:
        with self.db.session() as s:
            self._get(s, customer_id)
            rows = s.exec(
                select(ContactPoint)
                .where(ContactPoint.customer_id == customer_id)
                .order_by(col(ContactPoint.id))
            )
            return list(rows)

    def find(self, kind: ContactKind | str, value: str) -> Customer | None:
        """The screen-pop query: one indexed lookup on (kind, normalised value).

        A value that doesn't normalise matches nobody (an anonymous caller's
        "anonymous" is not an error here)."""
        try:
            normalized = normalize(kind, value, self.default_region)
        except InvalidContact:
            return None
        with self.db.session() as s:
            return self._find_normalized(s, ContactKind(kind).value, normalized)

    @staticmethod
    def _find_normalized(s: Session, kind: str, normalized: str) -> Customer | None:
        return s.exec(
            select(Customer)
            .join(ContactPoint, col(ContactPoint.customer_id) == col(Customer.id))
            .where(ContactPoint.kind == kind, ContactPoint.normalized == normalized)
        ).first()

    def browse(self, query: str = "", limit: int = 200, offset: int = 0) -> list[Customer]:
        """The customer list: all by name, or instant search over names, companies,
        notes and contact values (see app/search.py)."""
        with self.db.session() as s:
            if query.strip():
                return search_customers(s, query, limit=offset + limit)[offset:]
            stmt = select(Customer).order_by(col(Customer.name), col(Customer.id))
            return list(s.exec(stmt.offset(offset).limit(limit)))

    # --- writing -----------------------------------------------------------

    def create(
        self,
        name: str,
        contacts: Iterable[ContactInput] = (),
        *,
        company: str = "",
        notes: str = "",
        tags: Sequence[str] = (),
        owner: str = "",
    ) -> Customer:
        """All or nothing: a bad or taken contact leaves no half-made customer."""
        with self.db.session() as s:
            return self.create_in(
                s, name, contacts, company=company, notes=notes, tags=tags, owner=owner
            )

    def create_in(
        self,
        s: Session,
        name: str,
        contacts: Iterable[ContactInput] = (),
        *,
        company: str = "",
        notes: str = "",
        tags: Sequence[str] = (),
        owner: str = "",
    ) -> Customer:
        """``create`` inside the caller's unit of work (an inbound delivery that
        makes its sender a customer): committed or rolled back with it."""
        name = clean_name(name)
        normalized = self._normalize_all(contacts)
        customer = Customer(
            name=name, company=company.strip(), notes=notes, tags=list(tags), owner=owner
        )
        s.add(customer)
        s.flush()
        assert customer.id is not None
        for (kind, norm), item in normalized.items():
            self._claim_contact(s, customer.id, kind, norm, item)
        log.info("customer #%s created", customer.id)
        return customer

    def update(self, customer_id: int, **changes: Any) -> Customer:
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise CustomerError(
                "Unknown customer fields: {names}.", names=", ".join(sorted(unknown))
            )
        if "name" in changes:
            changes["name"] = clean_name(changes["name"])
        with self.db.session() as s:
            customer = self._get(s, customer_id)
            for key, value in changes.items():
                setattr(customer, key, list(value) if key == "tags" else value)
            customer.updated_at = utcnow()
            s.add(customer)
            return customer

    def edit(
        self,
        customer_id: int,
        changes: Mapping[str, Any],
        add: Sequence[ContactInput] = (),
        remove: Sequence[int] = (),
    ) -> Customer:
        """The card's Save: fields, new contacts and removed contacts in one
        transaction. A taken or malformed contact leaves everything as it was."""
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise CustomerError(
                "Unknown customer fields: {names}.", names=", ".join(sorted(unknown))
            )
        fields = dict(changes)
        if "name" in fields:
            fields["name"] = clean_name(fields["name"])
        for key in ("company", "owner"):
            if key in fields:
                fields[key] = " ".join(str(fields[key]).split())
        if "tags" in fields:
            fields["tags"] = list(dict.fromkeys(t.strip() for t in fields["tags"] if t.strip()))
        normalized = self._normalize_all(add)
        with self.db.session() as s:
            customer = self._get(s, customer_id)
            for contact_id in remove:
                point = s.get(ContactPoint, contact_id)
                if point is None or point.customer_id != customer_id:
                    raise CustomerError(_CONTACT_NOT_THEIRS, contact_id=contact_id)
                s.delete(point)
            # Removals first: a number moved from one row to another is freed then taken.
            s.flush()
            for (kind, norm), item in normalized.items():
                self._claim_contact(s, customer_id, kind, norm, item)
            for key, value in fields.items():
                setattr(customer, key, list(value) if key == "tags" else value)
            customer.updated_at = utcnow()
            s.add(customer)
            log.info("customer #%s edited", customer_id)
            return customer

    def add_contact(self, customer_id: int, contact: ContactInput) -> ContactPoint:
        with self.db.session() as s:
            return self.add_contact_in(s, customer_id, contact)

    def add_contact_in(self, s: Session, customer_id: int, contact: ContactInput) -> ContactPoint:
        """``add_contact`` inside the caller's unit of work."""
        (((kind, norm), item),) = self._normalize_all([contact]).items()
        self._get(s, customer_id)
        return self._claim_contact(s, customer_id, kind, norm, item)

    def remove_contact(self, contact_id: int) -> None:
        with self.db.session() as s:
            point = s.get(ContactPoint, contact_id)
            if point is None:
                raise CustomerError(
                    QT_TRANSLATE_NOOP(
                        "core", "Contact #{contact_id} does not exist (already removed?)."
                    ),
                    contact_id=contact_id,
                )
            s.delete(point)

    def merge(self, keep_id: int, remove_id: int) -> MergeResult:
        """Moves everything of ``remove_id`` onto ``keep_id`` and removes it.

        Contact points, interactions and callbacks move; notes and tags are
        joined; nothing is deleted but the emptied customer row."""
        if keep_id == remove_id:
            raise CustomerError(
                QT_TRANSLATE_NOOP("core", "A customer can't be merged with itself.")
            )
        with self.db.session() as s:
            keep = self._get(s, keep_id)
            gone = self._get(s, remove_id)
            moved = {}
            for model in (ContactPoint, Interaction, CallbackRequest, Conversation):
                rows = list(s.exec(select(model).where(model.customer_id == remove_id)))
                for row in rows:
                    row.customer_id = keep_id
                    s.add(row)
                moved[model] = len(rows)
            if gone.notes.strip():
                keep.notes = "\n\n".join(p for p in (keep.notes.strip(), gone.notes.strip()) if p)
            if not keep.company and gone.company:
                keep.company = gone.company
            keep.tags = list(dict.fromkeys([*keep.tags, *gone.tags]))
            keep.updated_at = utcnow()
            s.add(keep)
            s.flush()  # move children before the parent row goes
            s.delete(gone)
            log.info("customer #%s merged into #%s", remove_id, keep_id)
            return MergeResult(
                keep_id,
                remove_id,
                moved[ContactPoint],
                moved[Interaction],
                moved[CallbackRequest],
            )

    def delete(self, customer_id: int) -> int:
        """Erases a customer with all their data (a personal-data request):
        contacts, interactions (also the unlinked ones from their numbers and
        addresses), attachments (rows and files), callbacks and their attempts.
        Returns how many interactions went with them."""
        with self.db.session() as s:
            customer = self._get(s, customer_id)
            data = _PersonalData.collect(s, customer_id)
            hashes = {a.sha256 for a in data.attachments}
            for row in [
                *data.attachments,
                *data.attempts,
                *data.interactions,
                *data.callbacks,
                *data.contacts,
            ]:
                s.delete(row)
            # Their chats too: a conversation keeps the platform identity (a
            # Telegram user id), which is theirs; its outbox rows go with it.
            for conversation in s.exec(
                select(Conversation).where(Conversation.customer_id == customer_id)
            ):
                s.delete(conversation)
            s.flush()
            s.delete(customer)
        # Files go only after the rows are gone for good, and only the ones no
        # other interaction still points at (content-addressed storage).
        self.attachments.remove_unreferenced(hashes)
        log.info("customer #%s deleted with %d interactions", customer_id, len(data.interactions))
        return len(data.interactions)

    def export(self, customer_id: int) -> dict[str, Any]:
        """Everything stored about one customer, as JSON-ready data: the same
        rows ``delete`` would erase."""
        with self.db.session() as s:
            customer = self._get(s, customer_id)
            data = _PersonalData.collect(s, customer_id)
        attachments: dict[int, list[dict[str, Any]]] = {}
        for a in data.attachments:
            attachments.setdefault(a.interaction_id, []).append(_plain(a))
        attempts: dict[int, list[dict[str, Any]]] = {}
        for t in data.attempts:
            attempts.setdefault(t.request_id, []).append(_plain(t))
        return {
            "format": "switchboard.customer.v1",
            "exported_at": utcnow().isoformat(),
            "customer": _plain(customer),
            "contacts": [_plain(c) for c in data.contacts],
            "interactions": [
                {**_plain(i), "attachments": attachments.get(i.id or 0, [])}
                for i in data.interactions
            ],
            "callbacks": [
                {**_plain(c), "attempts": attempts.get(c.id or 0, [])} for c in data.callbacks
            ],
        }

    # --- helpers -----------------------------------------------------------

    @staticmethod
    def _get(s: Session, customer_id: int) -> Customer:
        customer = s.get(Customer, customer_id)
        if customer is None:
            raise CustomerNotFound(
                QT_TRANSLATE_NOOP(
                    "core", "Customer #{customer_id} does not exist (deleted or merged?)."
                ),
                customer_id=customer_id,
            )
        return customer

    def _normalize_all(
        self, contacts: Iterable[ContactInput]
    ) -> dict[tuple[str, str], ContactInput]:
        out: dict[tuple[str, str], ContactInput] = {}
        for item in contacts:
            try:
                kind = ContactKind(item.kind).value
            except ValueError as exc:
                raise CustomerError("Unknown contact kind {kind!r}.", kind=item.kind) from exc
            try:
                norm = normalize(kind, item.value, self.default_region)
            except InvalidContact as exc:
                raise CustomerError(exc.template, **exc.fields) from exc
            out.setdefault((kind, norm), item)  # the same number typed twice is one contact
        return out

    def _claim_contact(
        self, s: Session, customer_id: int, kind: str, norm: str, item: ContactInput
    ) -> ContactPoint:
        owner = self._find_normalized(s, kind, norm)
        if owner is not None:
            assert owner.id is not None
            if owner.id == customer_id:
                existing = s.exec(
                    select(ContactPoint).where(
                        ContactPoint.kind == kind, ContactPoint.normalized == norm
                    )
                ).one()
                return existing
            raise DuplicateContact(kind, norm, owner.id, owner.name)
        point = ContactPoint(
            customer_id=customer_id,
            kind=kind,
            raw=item.value.strip(),
            normalized=norm,
            label=item.label,
        )
        s.add(point)
        try:
            s.flush()
        except IntegrityError as exc:
            # Another operator took the same number between our check and insert.
            raise CustomerError(
                QT_TRANSLATE_NOOP(
                    "core", "The {kind} {normalized} was just added to another customer."
                ),
                kind=kind,
                normalized=norm,
            ) from exc
        return point


@dataclass(frozen=True)
class _PersonalData:
    """Every row about one person: linked to the customer, or unlinked but from
    one of their numbers or addresses (a call before they were a customer)."""

    contacts: list[ContactPoint]
    interactions: list[Interaction]
    attachments: list[Attachment]
    callbacks: list[CallbackRequest]
    attempts: list[CallbackAttempt]

    @classmethod
    def collect(cls, s: Session, customer_id: int) -> _PersonalData:
        contacts = list(
            s.exec(
                select(ContactPoint)
                .where(ContactPoint.customer_id == customer_id)
                .order_by(col(ContactPoint.id))
            )
        )
        theirs = [
            (col(Interaction.contact_kind) == c.kind)
            & (col(Interaction.contact_value) == c.normalized)
            for c in contacts
        ]
        interactions = list(
            s.exec(
                select(Interaction)
                .where(
                    or_(
                        col(Interaction.customer_id) == customer_id,
                        col(Interaction.customer_id).is_(None) & or_(*theirs)
                        if theirs
                        else false(),
                    )
                )
                .order_by(col(Interaction.started_at), col(Interaction.id))
            )
        )
        ids = [i.id for i in interactions]
        attachments = (
            list(s.exec(select(Attachment).where(col(Attachment.interaction_id).in_(ids))))
            if ids
            else []
        )
        phones = [c.normalized for c in contacts if c.kind == ContactKind.PHONE.value]
        callbacks = list(
            s.exec(
                select(CallbackRequest)
                .where(
                    or_(
                        col(CallbackRequest.customer_id) == customer_id,
                        col(CallbackRequest.customer_id).is_(None)
                        & col(CallbackRequest.phone).in_(phones),
                    )
                )
                .order_by(col(CallbackRequest.id))
            )
        )
        request_ids = [c.id for c in callbacks]
        attempts = (
            list(
                s.exec(
                    select(CallbackAttempt)
                    .where(col(CallbackAttempt.request_id).in_(request_ids))
                    .order_by(col(CallbackAttempt.id))
                )
            )
            if request_ids
            else []
        )
        return cls(contacts, interactions, attachments, callbacks, attempts)


def _plain(row: Any) -> dict[str, Any]:
    data = row.model_dump()
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in data.items()}


def write_export(data: dict[str, Any], path: Path) -> None:
    # Written beside and renamed: a full disk never leaves a half file under the name.
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    partial.replace(path)
