"""Importing customers from CSV and vCard files: check everything, then write.

The import is two steps so a bad file never leaves half its rows behind:

1. ``check`` reads every record, normalises every contact and looks each one up
   (in the file and in the database). Nothing is written. The report lists
   every problem with its line (and card) and field.
2. ``write`` stores the valid records only if there were no problems, or with
   ``skip_invalid=True`` stores the valid ones and leaves the rest listed.

Existing customers are never touched: a contact already stored is an error on
the row, never a merge. Rows are written in batches (one transaction each) for
speed; cancelling stops between batches, and the batches already committed
stay and are counted in the report.

Rules for incomplete rows:
- no name but a contact: the first contact (a phone as "+380 50 123 4567")
  becomes the name, as a phone book shows an unnamed number, with a warning;
- neither a name nor a contact: an error;
- a name but no contact: imported with a warning (a second import of the file
  will create it again, as there is nothing to recognise it by).

Threads: run it on a worker thread. ``progress(done, total)`` is called on that
thread (the window re-marshals it); cancelling is a ``threading.Event`` the
window's Cancel button sets, read between rows and between batches.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.changes import Changes, note
from app.contacts import InvalidContact, format_phone, normalize
from app.customers import CustomerError, Customers, DuplicateContact, clean_name
from app.import_common import (
    ImportFileError,
    ImportIssue,
    ParsedSource,
    RawContact,
    SourceRecord,
)
from app.import_csv import parse_csv
from app.import_vcard import parse_vcard
from app.messages import QT_TRANSLATE_NOOP
from app.models import ContactKind, ContactPoint, Customer, utcnow

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
DEFAULT_BATCH_SIZE = 500
# Rows between progress calls while checking: ~100 calls for a big file, and
# no more than one per 100 rows for a small one.
MIN_PROGRESS_STEP = 100
LOOKUP_CHUNK = 500  # values per IN (...) query: far below every driver's limit
# The column sizes (app/models.py): checked here because PostgreSQL refuses a
# longer value mid-batch, and silently cutting a company name is worse.
MAX_COMPANY_LENGTH = 300
MAX_CONTACT_LENGTH = 500

_TOO_LONG = QT_TRANSLATE_NOOP("core", "longer than {limit} characters.")
_NO_CONTACT = QT_TRANSLATE_NOOP(
    "core",
    "no phone, email or messenger: imported, but a second import of this file will create it again.",  # noqa: E501
)
_BATCH_LOST = QT_TRANSLATE_NOOP(
    "core",
    "this row and the next {count} were not imported: a contact in them was just added by someone else. Import the file again to see which.",  # noqa: E501
)

__all__ = [
    "CustomerImporter",
    "ImportFileError",
    "ImportIssue",
    "ImportPlan",
    "ImportReport",
    "read_file",
]


class CancelToken(Protocol):
    """What cancelling needs: ``threading.Event`` is one."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class NewContact:
    kind: str
    raw: str
    normalized: str
    label: str
    field: str
    line: int


@dataclass(frozen=True)
class ValidRecord:
    line: int
    card: int | None
    name: str
    company: str
    notes: str
    tags: tuple[str, ...]
    contacts: tuple[NewContact, ...]


@dataclass
class ImportReport:
    format: str
    encoding: str
    total: int = 0  # records found in the file
    valid: int = 0  # records that passed the check
    imported: int = 0  # customers written (committed)
    errors: list[ImportIssue] = field(default_factory=list)
    warnings: list[ImportIssue] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not self.cancelled

    def summary(self) -> str:
        text = f"{self.imported} of {self.total} imported"
        if self.errors:
            text += f", {len(self.errors)} problem(s)"
        if self.cancelled:
            text += ", cancelled"
        return text


@dataclass
class ImportPlan:
    """The result of ``check``: the report so far and the records fit to write."""

    report: ImportReport
    records: list[ValidRecord]


def read_file(path: Path, encoding: str | None = None) -> ParsedSource:
    """Reads a CSV or vCard file, chosen by extension or, failing that, content."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("core", "{name} can't be read: {reason}."),
            name=path.name,
            reason=exc.strerror or str(exc),
        ) from exc
    return parse_bytes(data, encoding, vcard=path.suffix.lower() in (".vcf", ".vcard") or None)


def parse_bytes(
    data: bytes, encoding: str | None = None, vcard: bool | None = None
) -> ParsedSource:
    if vcard is None:
        head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
        vcard = head.startswith(b"BEGIN:VCARD")
    return parse_vcard(data, encoding) if vcard else parse_csv(data, encoding)


class CustomerImporter:
    """Safe to use from a worker thread; each batch is its own unit of work."""

    def __init__(
        self, customers: Customers, *, owner: str = "", batch_size: int = DEFAULT_BATCH_SIZE
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.db = customers.db
        self.default_region = customers.default_region
        self.owner = owner
        self.batch_size = batch_size

    # --- the one call the window makes ---------------------------------------

    def import_file(
        self,
        path: Path,
        *,
        encoding: str | None = None,
        skip_invalid: bool = False,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> ImportReport:
        """Reads, checks and (if allowed) writes. ImportFileError if the file as a
        whole is unreadable; every other problem is in the report."""
        return self.run(
            read_file(path, encoding), skip_invalid=skip_invalid, progress=progress, cancel=cancel
        )

    def run(
        self,
        source: ParsedSource,
        *,
        skip_invalid: bool = False,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> ImportReport:
        plan = self.check(source, progress=progress, cancel=cancel)
        return self.write(plan, skip_invalid=skip_invalid, progress=progress, cancel=cancel)

    # --- step 1: check -------------------------------------------------------

    def check(
        self,
        source: ParsedSource,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> ImportPlan:
        """Validates every record; writes nothing. ``progress`` counts records."""
        report = ImportReport(
            format=source.format,
            encoding=source.encoding,
            total=len(source.records),
            errors=list(source.issues),
            ignored_columns=list(source.ignored_columns),
        )
        total = len(source.records)
        step = max(MIN_PROGRESS_STEP, total // 100)
        seen: dict[tuple[str, str], SourceRecord] = {}
        checked: list[tuple[ValidRecord | None, list[ImportIssue]]] = []
        for done, record in enumerate(source.records):
            if done % step == 0:
                if cancel is not None and cancel.is_set():
                    report.cancelled = True
                    return ImportPlan(report, [])
                if progress is not None:
                    progress(done, total)
            checked.append(self._check_record(record, seen, report.warnings))
        self._check_stored(checked)
        records: list[ValidRecord] = []
        for valid, issues in checked:
            if issues:
                report.errors.extend(issues)
            elif valid is not None:
                records.append(valid)
        report.errors.sort(key=lambda i: (i.line or 0, i.card or 0))
        report.valid = len(records)
        if progress is not None:
            progress(total, total)
        return ImportPlan(report, records)

    def _check_record(
        self,
        record: SourceRecord,
        seen: dict[tuple[str, str], SourceRecord],
        warnings: list[ImportIssue],
    ) -> tuple[ValidRecord | None, list[ImportIssue]]:
        issues = list(record.issues)

        def issue(
            field_name: str, template: str, line: int | None = None, /, **fields: object
        ) -> None:
            issues.append(
                ImportIssue.of(field_name, template, line or record.line, record.card, **fields)
            )

        def issue_from(field_name: str, error: Exception, line: int | None = None) -> None:
            issues.append(
                ImportIssue.from_error(field_name, error, line or record.line, record.card)
            )

        contacts: dict[tuple[str, str], NewContact] = {}
        for raw in record.contacts:
            try:
                norm = normalize(raw.kind, raw.value, self.default_region)
            except InvalidContact as exc:
                issue_from(raw.field, exc, raw.line)
                continue
            if len(norm) > MAX_CONTACT_LENGTH:
                issue(raw.field, _TOO_LONG, raw.line, limit=MAX_CONTACT_LENGTH)
                continue
            key = (raw.kind.value, norm)
            if key in contacts:
                continue  # the same number twice on one row is one contact
            first = seen.setdefault(key, record)
            if first is not record:
                if first.card is not None:
                    template = QT_TRANSLATE_NOOP(
                        "core", "{value} is also on card {card} of this file."
                    )
                    issue(raw.field, template, raw.line, value=norm, card=first.card)
                else:
                    template = QT_TRANSLATE_NOOP(
                        "core", "{value} is also on line {other_line} of this file."
                    )
                    issue(raw.field, template, raw.line, value=norm, other_line=first.line)
                continue
            contacts[key] = _new_contact(raw, norm)
        name = record.name
        if not name.strip():
            if contacts:
                first_contact = next(iter(contacts.values()))
                name = _display(first_contact)
                warnings.append(
                    ImportIssue.of(
                        record.name_field,
                        QT_TRANSLATE_NOOP("core", "no name: saved as {name!r}."),
                        record.line,
                        record.card,
                        name=name,
                    )
                )
            elif not issues:
                issue(
                    record.name_field,
                    QT_TRANSLATE_NOOP("core", "neither a name nor a contact: nothing to import."),
                )
        try:
            name = clean_name(name) if name.strip() else name
        except CustomerError as exc:
            issue_from(record.name_field, exc)
        company = " ".join(record.company.split())
        if len(company) > MAX_COMPANY_LENGTH:
            issue(record.company_field, _TOO_LONG, limit=MAX_COMPANY_LENGTH)
        if issues or not name.strip():
            return None, issues
        if not contacts:
            warnings.append(ImportIssue.of("", _NO_CONTACT, record.line, record.card))
        return (
            ValidRecord(
                line=record.line,
                card=record.card,
                name=name,
                company=company,
                notes=record.notes,
                tags=tuple(dict.fromkeys(t for t in record.tags if t)),
                contacts=tuple(contacts.values()),
            ),
            issues,
        )

    def _check_stored(self, checked: list[tuple[ValidRecord | None, list[ImportIssue]]]) -> None:
        """Adds an error to each record whose contact already belongs to a customer."""
        wanted = [
            (valid, contact)
            for valid, _ in checked
            if valid is not None
            for contact in valid.contacts
        ]
        with self.db.session() as s:
            taken = _owners(s, [(c.kind, c.normalized) for _, c in wanted])
        if not taken:
            return
        by_record = {id(valid): issues for valid, issues in checked if valid is not None}
        for valid, contact in wanted:
            owner = taken.get((contact.kind, contact.normalized))
            if owner is not None:
                by_record[id(valid)].append(_taken_issue(valid, contact, owner))

    # --- step 2: write -------------------------------------------------------

    def write(
        self,
        plan: ImportPlan,
        *,
        skip_invalid: bool = False,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> ImportReport:
        """Writes the checked records in batches; ``progress`` counts written records.

        Writes nothing if the check found errors (unless ``skip_invalid``) or was
        cancelled. A contact taken by someone else since the check makes its
        row an error: the batch is written without it when ``skip_invalid``,
        otherwise writing stops there."""
        report = plan.report
        if report.cancelled or (report.errors and not skip_invalid):
            return report
        records = plan.records
        total = len(records)
        if progress is not None:
            progress(0, total)
        for start in range(0, total, self.batch_size):
            if cancel is not None and cancel.is_set():
                report.cancelled = True
                break
            batch = records[start : start + self.batch_size]
            try:
                written, late = self._write_batch(batch, skip_invalid)
            except IntegrityError:
                # Lost a race inside the batch after its own check: nothing of
                # this batch is stored (the transaction rolled back).
                report.errors.append(
                    ImportIssue.of(
                        "", _BATCH_LOST, batch[0].line, batch[0].card, count=len(batch) - 1
                    )
                )
                break
            report.errors.extend(late)
            report.imported += written
            if progress is not None:
                progress(start + len(batch), total)
            if late and not skip_invalid:
                break
        log.info(
            "import of a %s file: %d of %d records written%s",
            report.format,
            report.imported,
            report.total,
            " (cancelled)" if report.cancelled else "",
        )
        return report

    def _write_batch(
        self, batch: Sequence[ValidRecord], skip_invalid: bool
    ) -> tuple[int, list[ImportIssue]]:
        with self.db.session() as s:
            taken = _owners(s, [(c.kind, c.normalized) for r in batch for c in r.contacts])
            late = [
                _taken_issue(r, c, taken[(c.kind, c.normalized)])
                for r in batch
                for c in r.contacts
                if (c.kind, c.normalized) in taken
            ]
            if late:
                if not skip_invalid:
                    return 0, late
                batch = [
                    r for r in batch if not any((c.kind, c.normalized) in taken for c in r.contacts)
                ]
            if not batch:
                return 0, late
            now = utcnow()
            ids = (
                s.connection()
                .execute(
                    insert(Customer).returning(col(Customer.id), sort_by_parameter_order=True),
                    [
                        {
                            "name": r.name,
                            "company": r.company,
                            "notes": r.notes,
                            "tags": list(r.tags),
                            "owner": self.owner,
                            "created_at": now,
                            "updated_at": now,
                        }
                        for r in batch
                    ],
                )
                .scalars()
                .all()
            )
            points = [
                {
                    "customer_id": customer_id,
                    "kind": c.kind,
                    "raw": c.raw[:MAX_CONTACT_LENGTH],
                    "normalized": c.normalized,
                    "label": c.label[:100],
                    "created_at": now,
                }
                for customer_id, r in zip(ids, batch, strict=True)
                for c in r.contacts
            ]
            if points:
                s.connection().execute(insert(ContactPoint), points)
            note(s, Changes.of(customers=ids))  # bulk inserts: not in the bookkeeping
            return len(batch), late


def _new_contact(raw: RawContact, norm: str) -> NewContact:
    return NewContact(raw.kind.value, raw.value.strip(), norm, raw.label, raw.field, raw.line)


def _display(contact: NewContact) -> str:
    if contact.kind in (ContactKind.PHONE.value, ContactKind.WHATSAPP.value):
        return format_phone(contact.normalized)
    return contact.raw


def _owners(s: Session, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, str]]:
    """Who already holds each (kind, normalised value): one query per chunk."""
    by_kind: dict[str, list[str]] = {}
    for kind, norm in keys:
        by_kind.setdefault(kind, []).append(norm)
    found: dict[tuple[str, str], tuple[int, str]] = {}
    for kind, values in by_kind.items():
        for i in range(0, len(values), LOOKUP_CHUNK):
            chunk = values[i : i + LOOKUP_CHUNK]
            rows = s.exec(
                select(ContactPoint.normalized, Customer.id, Customer.name)
                .join(Customer, col(Customer.id) == col(ContactPoint.customer_id))
                .where(ContactPoint.kind == kind, col(ContactPoint.normalized).in_(chunk))
            )
            for norm, customer_id, name in rows:
                found[(kind, norm)] = (int(customer_id or 0), name)
    return found


def _taken_issue(record: ValidRecord, contact: NewContact, owner: tuple[int, str]) -> ImportIssue:
    error = DuplicateContact(contact.kind, contact.normalized, owner[0], owner[1])
    return ImportIssue.from_error(contact.field, error, contact.line, record.card)
