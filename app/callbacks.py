"""The callback queue: "call me back" requests an operator works all day.

Requests come from missed calls (merged per number while one is open), the
website form, a messenger or email, or by hand. Each is due as soon as possible
within working hours (or in the customer's preferred window), carries an SLA
deadline counted in working time, and is claimed by one operator at a time:
``claim_next`` is exactly-once (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, a
guarded UPDATE on SQLite), with an expiry so a request is never stuck with an
operator who went home.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import phonenumbers
import phonenumbers.timezone
from sqlalchemy import and_, case, func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, or_, select

from app.changes import Changes, note
from app.contacts import InvalidContact, normalize_phone, phone_region
from app.customers import CustomerNotFound, Customers
from app.db import Database, serialize_on
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.models import (
    CallbackAttempt,
    CallbackOutcome,
    CallbackRequest,
    CallbackSource,
    CallbackStatus,
    Channel,
    ContactKind,
    ContactPoint,
    Direction,
    Interaction,
    InteractionStatus,
    utcnow,
)
from app.settings import Settings
from app.timeline import InteractionDraft, Timeline
from app.working_hours import RetryStep, ScheduleError, WorkingHours, zone

log = logging.getLogger(__name__)

ACTIVE = (CallbackStatus.OPEN.value, CallbackStatus.CLAIMED.value)
# Most urgent first: the operator's priority, then the nearest SLA deadline
# (requests without one last), then the earliest due, then the oldest.
URGENCY = (
    col(CallbackRequest.priority).desc(),
    case((col(CallbackRequest.sla_deadline).is_(None), 1), else_=0),
    col(CallbackRequest.sla_deadline),
    col(CallbackRequest.due_at),
    col(CallbackRequest.id),
)
MAX_REASON = 2000  # a cancel's reason: a sentence or two, not a document
MAX_OPERATOR = 200  # the column's length
RETRY_OUTCOMES = {CallbackOutcome.NO_ANSWER, CallbackOutcome.BUSY, CallbackOutcome.VOICEMAIL}
_IN_THE_PAST = QT_TRANSLATE_NOOP("core", "The time to call back is already in the past.")
# A closed request, by how it was closed: the status is a word of the data, so
# each gets its own sentence for the catalogue.
_ALREADY_CLOSED = {
    CallbackStatus.DONE.value: QT_TRANSLATE_NOOP("core", "Callback #{request_id} is already done."),
    CallbackStatus.FAILED.value: QT_TRANSLATE_NOOP(
        "core", "Callback #{request_id} has already failed."
    ),
    CallbackStatus.CANCELLED.value: QT_TRANSLATE_NOOP(
        "core", "Callback #{request_id} is already cancelled."
    ),
}


class CallbackError(OperatorError, ValueError):
    """A request about the queue that can't be done; the message says why."""


class RequestConflict(CallbackError):
    """A delivery reused the id of an earlier, different request."""


@dataclass(frozen=True)
class Intake:
    request: CallbackRequest
    created: bool  # False: this delivery was stored before


class ClaimLost(CallbackError):
    """The claim expired and another operator holds the request now."""


@dataclass(frozen=True)
class CallbackPolicy:
    hours: WorkingHours = field(default_factory=WorkingHours)
    sla: timedelta = timedelta(minutes=15)  # working time from request to first attempt
    retry_schedule: tuple[RetryStep, ...] = (
        RetryStep("15m"),
        RetryStep("1h"),
        RetryStep("next_day"),
    )
    claim_ttl: timedelta = timedelta(minutes=10)

    @classmethod
    def from_settings(
        cls,
        hours: WorkingHours,
        sla_minutes: int,
        retry_schedule: Sequence[str],
        claim_minutes: int,
    ) -> CallbackPolicy:
        return cls(
            hours=hours,
            sla=timedelta(minutes=sla_minutes),
            retry_schedule=tuple(RetryStep(step) for step in retry_schedule),
            claim_ttl=timedelta(minutes=claim_minutes),
        )

    @classmethod
    def of(cls, settings: Settings) -> CallbackPolicy:
        """The policy ``settings`` describe (SettingsError when they can't)."""
        return cls.from_settings(
            settings.working_hours_schedule(),
            settings.callback_sla_minutes,
            settings.callback_retry_schedule,
            settings.callback_claim_minutes,
        )

    @property
    def max_attempts(self) -> int:
        return len(self.retry_schedule) + 1


@dataclass(frozen=True)
class FallbackProposal:
    """A message to send when the customer can't be reached by phone."""

    channel: str
    to: str
    text: str


# The message goes in the customer's language, guessed from the number's country.
FALLBACK_TEXTS = {
    "uk": "Вітаємо{name}! Ми не змогли до вас додзвонитися. Напишіть, будь ласка, коли вам "
    "зручно поговорити, або відповідайте тут.",
    "ru": "Здравствуйте{name}! Мы не смогли до вас дозвониться. Напишите, пожалуйста, когда вам "
    "удобно поговорить, или ответьте здесь.",
    "en": "Hello{name}! We could not reach you by phone. Please tell us when it suits you to "
    "talk, or simply reply here.",
}
_LANGUAGE_BY_REGION = {"UA": "uk", "RU": "ru", "BY": "ru", "KZ": "ru", "KG": "ru", "UZ": "ru"}


# Where a number maps to several zones (mobiles in Russia or Kazakhstan are not
# geographic), the zone most of the country's customers live in.
_MAIN_ZONE = {
    "RU": "Europe/Moscow",
    "KZ": "Asia/Almaty",
    "UA": "Europe/Kyiv",
    "US": "America/New_York",
    "CA": "America/Toronto",
    "BR": "America/Sao_Paulo",
    "AU": "Australia/Sydney",
    "MX": "America/Mexico_City",
    "ID": "Asia/Jakarta",
}


def customer_timezone(e164: str, fallback: str) -> str:
    """The customer's zone from their number. A number that spans several zones
    gets the shop's zone if it is one of them, else the country's main zone, else
    the shop's (a wrong guess of the operator's own clock is the lesser harm)."""
    try:
        parsed = phonenumbers.parse(e164, None)
        zones = phonenumbers.timezone.time_zones_for_number(parsed)
    except phonenumbers.NumberParseException:
        return fallback
    usable = [z for z in zones if z != "Etc/Unknown"]
    if fallback in usable or (fallback == "Europe/Kyiv" and "Europe/Kiev" in usable):
        return fallback
    if len(usable) == 1:
        candidate = usable[0]
    else:
        region = phonenumbers.region_code_for_number(parsed)
        candidate = _MAIN_ZONE.get(region or "", fallback)
    try:
        zone(candidate)
    except ScheduleError:
        return fallback
    return candidate


def suggest_outcome(call_status: str, sip_code: int = 0) -> CallbackOutcome | None:
    """What the outcome dialog pre-selects after a callback call; None: let the
    operator say (a failure that isn't clearly a wrong number)."""
    if call_status == "answered":
        return CallbackOutcome.REACHED
    if call_status in ("busy", "rejected"):
        return CallbackOutcome.BUSY
    if call_status in ("no_answer", "missed"):
        return CallbackOutcome.NO_ANSWER
    if sip_code in (404, 484, 604):  # not found, address incomplete, does not exist anywhere
        return CallbackOutcome.WRONG_NUMBER
    return None


class CallbackQueue:
    def __init__(
        self,
        db: Database,
        customers: Customers,
        timeline: Timeline,
        policy: CallbackPolicy | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.db = db
        self.customers = customers
        self.timeline = timeline
        self.policy = policy or CallbackPolicy()
        self.clock = clock

    # --- intake ------------------------------------------------------------

    def request(
        self,
        phone: str,
        source: CallbackSource | str,
        *,
        name: str = "",
        comment: str = "",
        customer_id: int | None = None,
        preferred_from: datetime | None = None,
        preferred_to: datetime | None = None,
        timezone: str | None = None,
        priority: int = 0,
        external_id: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> CallbackRequest:
        """A new request, recorded on the customer's timeline.

        ``external_id`` (a form submission id, a message id) makes a retried
        delivery return the request made the first time (``submit`` says which)."""
        return self.submit(
            phone,
            source,
            name=name,
            comment=comment,
            customer_id=customer_id,
            preferred_from=preferred_from,
            preferred_to=preferred_to,
            timezone=timezone,
            priority=priority,
            external_id=external_id,
            meta=meta,
        ).request

    def submit(
        self,
        phone: str,
        source: CallbackSource | str,
        *,
        name: str = "",
        comment: str = "",
        customer_id: int | None = None,
        preferred_from: datetime | None = None,
        preferred_to: datetime | None = None,
        timezone: str | None = None,
        priority: int = 0,
        external_id: str | None = None,
        fingerprint: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> Intake:
        """A delivered request, stored exactly once: the request and its
        timeline row are one transaction, and ``(source, external_id)`` is
        unique in the database, so concurrent or repeated deliveries of one id
        make one request (``created`` False for all but the first) and a crash
        leaves either both rows or neither. ``fingerprint`` (a digest of what
        was delivered) tells a repeat from a different request that reuses the
        id: that one raises ``RequestConflict``."""
        row = self.prepare(
            phone,
            source,
            name=name,
            comment=comment,
            customer_id=customer_id,
            preferred_from=preferred_from,
            preferred_to=preferred_to,
            timezone=timezone,
            priority=priority,
            external_id=external_id,
            fingerprint=fingerprint,
            meta=meta,
        )
        source = CallbackSource(row.source)
        try:
            with self.db.transaction() as s:
                intake = self.submit_in(s, row)
            if not intake.created:
                return intake
        except IntegrityError:
            # PostgreSQL: a concurrent delivery of the same id committed first
            # (SQLite serialises the transaction, so it never gets here).
            if not external_id:
                raise
            existing = self.find_by_external(source, external_id)
            if existing is None:
                raise
            return self._repeated(existing, fingerprint)
        log.info("callback #%s requested (%s)", row.id, source.value)
        return Intake(row, created=True)

    def prepare(
        self,
        phone: str,
        source: CallbackSource | str,
        *,
        name: str = "",
        comment: str = "",
        customer_id: int | None = None,
        preferred_from: datetime | None = None,
        preferred_to: datetime | None = None,
        timezone: str | None = None,
        priority: int = 0,
        external_id: str | None = None,
        fingerprint: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> CallbackRequest:
        """A request checked and scheduled, not stored yet: ``submit`` stores it,
        or ``submit_in`` inside a delivery's own unit of work (a "call me back"
        from a chat is stored with the message that asked for it)."""
        source = CallbackSource(source)
        if source is CallbackSource.MISSED_CALL:
            # A programming mistake, not the operator's: English, left out of the catalogue.
            raise CallbackError("Missed calls come in through register_missed_call().")
        if external_id is not None and not external_id.strip():
            raise CallbackError("An external id, when given, can't be blank.")
        now, policy = self.clock(), self.policy  # read once: Settings may swap it meanwhile
        e164 = self._phone(phone)
        tz = timezone or customer_timezone(e164, policy.hours.timezone)
        customer_zone = zone(tz)
        # A window given without an offset ("14:00-16:00" from a web form) is the
        # customer's own clock: their zone, from the number when not given.
        if preferred_from is not None and preferred_from.tzinfo is None:
            preferred_from = preferred_from.replace(tzinfo=customer_zone)
        if preferred_to is not None and preferred_to.tzinfo is None:
            preferred_to = preferred_to.replace(tzinfo=customer_zone)
        if preferred_to is not None and preferred_to <= now:
            raise CallbackError(
                QT_TRANSLATE_NOOP("core", "The preferred time is already in the past.")
            )
        if preferred_from and preferred_to and preferred_from >= preferred_to:
            raise CallbackError(
                QT_TRANSLATE_NOOP("core", "The preferred time window ends before it starts.")
            )
        start = max(now, preferred_from) if preferred_from else now
        due = policy.hours.next_open(start)
        extra = dict(meta or {})
        if preferred_to is not None and due >= preferred_to:
            extra["outside_preferred_window"] = True
        row = CallbackRequest(
            customer_id=customer_id,
            phone=e164,
            name=name.strip(),
            source=source.value,
            priority=priority,
            comment=comment,
            requested_at=now,
            due_at=due,
            sla_deadline=policy.hours.add_working_time(start, policy.sla),
            preferred_from=preferred_from,
            preferred_to=preferred_to,
            timezone=tz,
            external_id=external_id,
            intake_fingerprint=fingerprint,
            meta=extra,
        )
        return row

    def submit_in(self, s: Session, row: CallbackRequest) -> Intake:
        """Stores a prepared request in the caller's ``Database.transaction``:
        once per (source, external id), with its timeline row."""
        if row.external_id:
            existing = self._find_external(s, CallbackSource(row.source), row.external_id)
            if existing is not None:
                return self._repeated(existing, row.intake_fingerprint)
        self._store_request(s, row)
        return Intake(row, created=True)

    def _store_request(self, s: Session, row: CallbackRequest) -> None:
        """The request and its timeline row, in the caller's transaction."""
        if row.customer_id is not None:
            Customers._get(s, row.customer_id)  # a deleted customer: a clear CustomerNotFound
        else:
            found = Customers._find_normalized(s, ContactKind.PHONE.value, row.phone)
            row.customer_id = found.id if found else None
        s.add(row)
        s.flush()
        recorded = self.timeline.record_in(s, self._timeline_draft(row))
        if row.customer_id is None and recorded.interaction.customer_id is not None:
            # The unknown-sender policy made the caller a customer: the request is theirs too.
            row.customer_id = recorded.interaction.customer_id
            s.add(row)

    @staticmethod
    def _repeated(existing: CallbackRequest, fingerprint: str | None) -> Intake:
        stored = existing.intake_fingerprint
        if fingerprint and stored and fingerprint != stored:
            raise RequestConflict(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The id {external_id} was already used for a different request"
                    " (callback #{request_id}); send a new id for a new request.",
                ),
                external_id=existing.external_id,
                request_id=existing.id,
            )
        return Intake(existing, created=False)

    def register_missed_call(
        self, phone: str, interaction_id: int | None = None, at: datetime | None = None
    ) -> CallbackRequest | None:
        """A missed inbound call becomes a request, or adds to the open one for
        that number. An anonymous caller can't be called back: None."""
        try:
            e164 = self._phone(phone)
        except CallbackError:
            return None
        now, policy = at or self.clock(), self.policy
        # One transaction for the look and the write: two missed calls from one
        # number at once (two lines, a relay and a desktop) must make one request.
        with self.db.transaction() as s:
            serialize_on(s, f"callback-phone:{e164}")
            open_row = s.exec(
                select(CallbackRequest)
                .where(CallbackRequest.phone == e164, col(CallbackRequest.status).in_(ACTIVE))
                .order_by(col(CallbackRequest.id))
                .with_for_update()
            ).first()
            if open_row is not None:
                if interaction_id is not None and interaction_id in open_row.meta.get(
                    "missed_interactions", []
                ):
                    return open_row  # this call counted already (a write done again)
                open_row.missed_count += 1
                open_row.meta = {
                    **open_row.meta,
                    "missed_interactions": [
                        *open_row.meta.get("missed_interactions", []),
                        interaction_id,
                    ],
                }
                open_row.updated_at = now
                s.add(open_row)
                return open_row
            found = Customers._find_normalized(s, ContactKind.PHONE.value, e164)
            row = CallbackRequest(
                customer_id=found.id if found else None,
                phone=e164,
                name=found.name if found else "",
                source=CallbackSource.MISSED_CALL.value,
                requested_at=now,
                due_at=policy.hours.next_open(now),
                sla_deadline=policy.hours.add_working_time(now, policy.sla),
                timezone=customer_timezone(e164, policy.hours.timezone),
                missed_count=1,
                meta={"missed_interactions": [interaction_id]},
            )
            s.add(row)
        log.info("callback #%s from a missed call", row.id)
        return row

    def close_reached(self, phone: str, at: datetime | None = None) -> list[CallbackRequest]:
        """Any answered call with the number, either way, closes its open requests."""
        try:
            e164 = self._phone(phone)
        except CallbackError:
            return []
        now = at or self.clock()
        with self.db.session() as s:
            rows = list(
                s.exec(
                    select(CallbackRequest).where(
                        CallbackRequest.phone == e164, col(CallbackRequest.status).in_(ACTIVE)
                    )
                )
            )
            for row in rows:
                row.status, row.outcome = CallbackStatus.DONE.value, CallbackOutcome.REACHED.value
                row.reached_at = row.reached_at or now
                row.closed_at = now
                row.claimed_by = row.claim_expires_at = None
                row.updated_at = now
                s.add(row)
            return rows

    # --- claiming ----------------------------------------------------------

    def claim_next(self, operator: str) -> CallbackRequest | None:
        """The most urgent request that is due, claimed for ``operator``; None
        when nothing is due. Never hands one request to two operators."""
        operator = self._operator(operator)
        now = self.clock()
        for _ in range(20):  # lost races on SQLite: try the next candidate
            with self.db.session() as s:
                stmt = (
                    select(CallbackRequest)
                    .where(
                        self._claimable(now),
                        col(CallbackRequest.due_at) <= now,
                        self._open_to(operator),
                    )
                    .order_by(*URGENCY)
                    .limit(1)
                )
                if s.get_bind().dialect.name == "postgresql":
                    stmt = stmt.with_for_update(skip_locked=True)
                candidate = s.exec(stmt).first()
                if candidate is None:
                    return None
                if self._take(s, candidate.id, operator, now):
                    s.refresh(candidate)
                    return candidate
        return None

    def claim(self, request_id: int, operator: str) -> CallbackRequest:
        """Claims a chosen request (picked from the list rather than "next")."""
        operator = self._operator(operator)
        now = self.clock()
        with self.db.session() as s:
            row = self._get(s, request_id)
            if row.claimed_by == operator and row.status == CallbackStatus.CLAIMED.value:
                return row
            if row.status in ACTIVE and row.assigned_to not in (None, operator):
                raise CallbackError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Callback #{request_id} is assigned to {operator}: reassign it to "
                        "yourself to call it.",
                    ),
                    request_id=request_id,
                    operator=row.assigned_to,
                )
            if not self._take(s, request_id, operator, now):
                s.refresh(row)
                if row.status not in ACTIVE:
                    raise self._closed(request_id, row.status)
                raise CallbackError(
                    QT_TRANSLATE_NOOP(
                        "core", "Callback #{request_id} is being handled by {operator}."
                    ),
                    request_id=request_id,
                    operator=row.claimed_by,
                )
            s.refresh(row)
            return row

    def release(self, request_id: int, operator: str) -> CallbackRequest:
        """Gives a request back to everyone: ``operator``'s claim and an
        assignment to them let go of (a request given to another operator is
        theirs to release, or to be reassigned). Nothing held: nothing changes."""
        operator = self._operator(operator)
        with self.db.transaction() as s:
            row = self._locked(s, request_id)
            if row.status not in ACTIVE:
                raise self._closed(request_id, row.status)
            if row.assigned_to not in (None, operator):
                raise CallbackError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Callback #{request_id} is assigned to {operator}: only they can "
                        "release it; you can reassign it.",
                    ),
                    request_id=request_id,
                    operator=row.assigned_to,
                )
            changed = row.assigned_to is not None
            row.assigned_to = None
            if row.claimed_by == operator and row.status == CallbackStatus.CLAIMED.value:
                row.status = CallbackStatus.OPEN.value
                row.claimed_by = row.claim_expires_at = None
                changed = True
            if changed:
                row.updated_at = self.clock()
                s.add(row)
            return row

    def reassign(self, request_id: int, operator: str, to: str) -> CallbackRequest:
        """Gives an open request to the operator ``to`` (``operator`` does it; it
        may be themselves): only they take it with "call next" from now on. A
        running claim of a third operator is not taken from them mid-call; the
        one doing it may give away their own."""
        operator, to = self._operator(operator), self._assignee(to)
        now = self.clock()
        with self.db.transaction() as s:
            row = self._locked(s, request_id)
            if row.status not in ACTIVE:
                raise self._closed(request_id, row.status)
            if self._held_by_another(row, operator, now) and row.claimed_by != to:
                raise CallbackError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Callback #{request_id} is being called by {operator} right now: "
                        "assign it when that call is over.",
                    ),
                    request_id=request_id,
                    operator=row.claimed_by,
                )
            if row.status == CallbackStatus.CLAIMED.value and row.claimed_by != to:
                row.status = CallbackStatus.OPEN.value  # an expired claim, or the assigner's
                row.claimed_by = row.claim_expires_at = None
            row.assigned_to = to
            row.meta = {**row.meta, "assigned_by": operator, "assigned_at": now.isoformat()}
            row.updated_at = now
            s.add(row)
        log.info("callback #%s assigned to %s by %s", request_id, to, operator)
        return row

    def cancel(self, request_id: int, operator: str, reason: str = "") -> CallbackRequest:
        """Closes a request nobody is to call (the customer wrote it is settled, a
        test, a duplicate): kept, with who cancelled it and why, on the queue's
        report and the customer's timeline. Not one another operator is calling
        right now."""
        operator = self._operator(operator)
        reason = reason.strip()
        if len(reason) > MAX_REASON:
            raise CallbackError(
                QT_TRANSLATE_NOOP(
                    "core", "The reason is too long: keep it under {limit} characters."
                ),
                limit=MAX_REASON,
            )
        now = self.clock()
        with self.db.transaction() as s:
            row = self._locked(s, request_id)
            if row.status not in ACTIVE:
                raise self._closed(request_id, row.status)
            if self._held_by_another(row, operator, now):
                raise CallbackError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Callback #{request_id} is being called by {operator} right now: "
                        "it can be cancelled when that call is over.",
                    ),
                    request_id=request_id,
                    operator=row.claimed_by,
                )
            row.status = CallbackStatus.CANCELLED.value
            row.outcome = CallbackOutcome.CANCELLED.value
            row.closed_at, row.next_attempt_at = now, None
            row.claimed_by = row.claim_expires_at = None
            row.meta = {**row.meta, "cancelled_by": operator, "cancel_reason": reason}
            row.updated_at = now
            s.add(row)
            self.timeline.record_in(s, self._cancel_draft(row, operator, reason))
        log.info("callback #%s cancelled by %s", request_id, operator)
        return row

    def operators(self, limit: int = 200) -> list[str]:
        """The operators this database knows (who took, was given or tried a
        callback), most recently active first: names to assign to."""
        with self.db.session() as s:
            latest = func.max(CallbackAttempt.started_at)
            names: dict[str, datetime] = dict(
                s.exec(
                    select(CallbackAttempt.operator, latest)
                    .group_by(col(CallbackAttempt.operator))
                    .order_by(latest.desc())
                    .limit(limit)
                ).all()
            )
            for claimed, assigned, at in s.exec(
                select(
                    CallbackRequest.claimed_by,
                    CallbackRequest.assigned_to,
                    CallbackRequest.updated_at,
                ).where(col(CallbackRequest.status).in_(ACTIVE))
            ):
                for held in (claimed, assigned):
                    if held and (held not in names or names[held] < at):
                        names[held] = at
        ordered = sorted(names, key=lambda n: names[n], reverse=True)
        return ordered[:limit]

    # --- attempts ----------------------------------------------------------

    def start_attempt(
        self, request_id: int, operator: str, interaction_id: int | None = None
    ) -> CallbackAttempt:
        """The operator dials: counted now, so a crash mid-call still shows the try."""
        now = self.clock()
        with self.db.session() as s:
            row = self._get(s, request_id)
            self._check_claim(row, operator, now)
            row.attempts += 1
            row.first_attempt_at = row.first_attempt_at or now
            row.claim_expires_at = now + self.policy.claim_ttl  # the call keeps the claim fresh
            row.updated_at = now
            attempt = CallbackAttempt(
                request_id=request_id,
                operator=operator,
                started_at=now,
                interaction_id=interaction_id,
            )
            s.add(row)
            s.add(attempt)
            return attempt

    def finish_attempt(
        self,
        request_id: int,
        operator: str,
        outcome: CallbackOutcome | str,
        *,
        call_later_at: datetime | None = None,
        interaction_id: int | None = None,
    ) -> CallbackRequest:
        outcome = CallbackOutcome(outcome)
        now, policy = self.clock(), self.policy  # one policy for the whole outcome
        if outcome is CallbackOutcome.CALL_LATER:
            if call_later_at is None:
                raise CallbackError(QT_TRANSLATE_NOOP("core", "Say when to call back."))
            if call_later_at <= now:
                raise CallbackError(_IN_THE_PAST)
        with self.db.session() as s:
            row = self._get(s, request_id)
            attempt = s.exec(
                select(CallbackAttempt)
                .where(
                    CallbackAttempt.request_id == request_id,
                    CallbackAttempt.operator == operator,
                    col(CallbackAttempt.ended_at).is_(None),
                )
                .order_by(col(CallbackAttempt.id).desc())
            ).first()
            # The answered call itself may have closed the request as reached
            # (close_reached) a moment ago: the operator's outcome for that very
            # attempt still counts, and "call me later" reopens it.
            closed_by_this_call = (
                attempt is not None
                and row.status == CallbackStatus.DONE.value
                and row.outcome == CallbackOutcome.REACHED.value
            )
            if row.status not in ACTIVE and not closed_by_this_call:
                raise self._closed(request_id, row.status)
            if not closed_by_this_call:
                self._check_claim(row, operator, now)
            if closed_by_this_call and outcome is not CallbackOutcome.CALL_LATER:
                assert attempt is not None
                attempt.ended_at, attempt.outcome = now, outcome.value
                attempt.interaction_id = interaction_id or attempt.interaction_id
                s.add(attempt)
                return row
            if attempt is None:  # the outcome of a call made outside "start_attempt"
                row.attempts += 1
                row.first_attempt_at = row.first_attempt_at or now
                attempt = CallbackAttempt(request_id=request_id, operator=operator, started_at=now)
            attempt.ended_at, attempt.outcome = now, outcome.value
            attempt.interaction_id = interaction_id or attempt.interaction_id
            s.add(attempt)
            row.outcome = outcome.value
            row.claimed_by = row.claim_expires_at = None
            row.updated_at = now
            proposal: FallbackProposal | None = None
            if outcome is CallbackOutcome.REACHED:
                row.status, row.reached_at, row.closed_at = CallbackStatus.DONE.value, now, now
            elif outcome is CallbackOutcome.CANCELLED:
                row.status, row.closed_at = CallbackStatus.CANCELLED.value, now
            elif outcome is CallbackOutcome.CALL_LATER:
                assert call_later_at is not None
                row.status, row.due_at = CallbackStatus.OPEN.value, call_later_at
                row.closed_at = None
                row.next_attempt_at = call_later_at
            elif outcome in RETRY_OUTCOMES and row.attempts < policy.max_attempts:
                step = policy.retry_schedule[row.attempts - 1]
                row.status = CallbackStatus.OPEN.value
                row.due_at = row.next_attempt_at = step.due_after(now, policy.hours)
            else:  # out of attempts, or a wrong number: a message instead
                row.status, row.closed_at, row.next_attempt_at = (
                    CallbackStatus.FAILED.value,
                    now,
                    None,
                )
                proposal = self._fallback(s, row)
                row.meta = {**row.meta, "fallback": proposal.__dict__ if proposal else None}
            s.add(row)
        if row.status == CallbackStatus.FAILED.value:
            self._record_failure(row, proposal)
        return row

    # --- reading -----------------------------------------------------------

    def get(self, request_id: int) -> CallbackRequest:
        with self.db.session() as s:
            return self._get(s, request_id)

    def queue(
        self, view: str = "all", operator: str = "", limit: int = 500
    ) -> list[CallbackRequest]:
        """Open requests, most urgent first. view: "all", "mine", "overdue"."""
        now = self.clock()
        with self.db.session() as s:
            stmt = select(CallbackRequest).where(col(CallbackRequest.status).in_(ACTIVE))
            if view == "mine":
                stmt = stmt.where(
                    or_(
                        col(CallbackRequest.claimed_by) == operator,
                        col(CallbackRequest.assigned_to) == operator,
                    )
                )
            elif view == "overdue":
                stmt = stmt.where(col(CallbackRequest.sla_deadline) < now)
            elif view != "all":
                # The window's views are fixed: a programming mistake, English only.
                raise CallbackError(f"Unknown queue view {view!r}.")
            stmt = stmt.order_by(*URGENCY)
            return list(s.exec(stmt.limit(limit)))

    def attempts(self, request_id: int) -> list[CallbackAttempt]:
        with self.db.session() as s:
            return list(
                s.exec(
                    select(CallbackAttempt)
                    .where(CallbackAttempt.request_id == request_id)
                    .order_by(col(CallbackAttempt.id))
                )
            )

    # --- helpers -----------------------------------------------------------

    def _phone(self, phone: str) -> str:
        try:
            return normalize_phone(phone, self.customers.default_region)
        except InvalidContact as exc:  # its template, so the window can translate it
            raise CallbackError(exc.template, **exc.fields) from exc

    @staticmethod
    def _operator(operator: str) -> str:
        operator = operator.strip()
        if not operator:
            raise CallbackError(
                QT_TRANSLATE_NOOP(
                    "core", "Set the operator's name in the settings before taking callbacks."
                )
            )
        return operator

    @staticmethod
    def _assignee(name: str) -> str:
        name = " ".join(name.split())
        if not name:
            raise CallbackError(QT_TRANSLATE_NOOP("core", "Say which operator to assign it to."))
        if len(name) > MAX_OPERATOR:
            raise CallbackError(
                QT_TRANSLATE_NOOP("core", "An operator's name is at most {limit} characters."),
                limit=MAX_OPERATOR,
            )
        return name

    @staticmethod
    def _open_to(operator: str) -> Any:
        """Requests "call next" may hand ``operator``: nobody's, or theirs."""
        return or_(
            col(CallbackRequest.assigned_to).is_(None),
            col(CallbackRequest.assigned_to) == operator,
        )

    @staticmethod
    def _held_by_another(row: CallbackRequest, operator: str, now: datetime) -> bool:
        """Claimed by someone other than ``operator``, and the claim still runs."""
        return (
            row.status == CallbackStatus.CLAIMED.value
            and row.claimed_by not in (None, operator)
            and (row.claim_expires_at is None or row.claim_expires_at >= now)
        )

    @classmethod
    def _locked(cls, s: Session, request_id: int) -> CallbackRequest:
        """The row, held for this unit of work (``Database.transaction``): its
        checks and the write they decide see no other operator's claim, cancel
        or assignment in between (FOR UPDATE on PostgreSQL; SQLite's unit holds
        the write lock from its first statement)."""
        row = s.exec(
            select(CallbackRequest).where(col(CallbackRequest.id) == request_id).with_for_update()
        ).first()
        if row is None:
            return cls._get(s, request_id)  # its clear "does not exist"
        return row

    @staticmethod
    def _get(s: Session, request_id: int) -> CallbackRequest:
        row = s.get(CallbackRequest, request_id)
        if row is None:
            raise CallbackError(
                QT_TRANSLATE_NOOP("core", "Callback #{request_id} does not exist."),
                request_id=request_id,
            )
        return row

    @staticmethod
    def _closed(request_id: int, status: str) -> CallbackError:
        template = _ALREADY_CLOSED.get(status)
        if template is None:  # a status this version doesn't know (a newer app wrote it)
            template = QT_TRANSLATE_NOOP("core", "Callback #{request_id} is already {status}.")
            return CallbackError(template, request_id=request_id, status=status)
        return CallbackError(template, request_id=request_id)

    @staticmethod
    def _claimable(now: datetime) -> Any:
        return or_(
            col(CallbackRequest.status) == CallbackStatus.OPEN.value,
            and_(
                col(CallbackRequest.status) == CallbackStatus.CLAIMED.value,
                col(CallbackRequest.claim_expires_at) < now,
            ),
        )

    def _take(self, s: Session, request_id: int | None, operator: str, now: datetime) -> bool:
        """The guarded write: succeeds only if the row is still claimable, so two
        operators racing for one request can't both win, on any database."""
        result = s.execute(
            update(CallbackRequest)
            .where(
                col(CallbackRequest.id) == request_id,
                self._claimable(now),
                self._open_to(operator),
            )
            .values(
                status=CallbackStatus.CLAIMED.value,
                claimed_by=operator,
                claim_expires_at=now + self.policy.claim_ttl,
                updated_at=now,
            )
        )
        note(s, Changes.of(callbacks=[request_id]))  # a bulk UPDATE: not in the bookkeeping
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    def _check_claim(self, row: CallbackRequest, operator: str, now: datetime) -> None:
        if row.claimed_by in (None, operator):
            return
        if row.claim_expires_at is not None and row.claim_expires_at < now:
            return  # expired and nobody took it: the call still counts
        raise ClaimLost(
            QT_TRANSLATE_NOOP(
                "core", "Callback #{request_id} is now handled by {operator}; your claim expired."
            ),
            request_id=row.id,
            operator=row.claimed_by,
        )

    def find_by_external(self, source: CallbackSource, external_id: str) -> CallbackRequest | None:
        with self.db.session() as s:
            return self._find_external(s, CallbackSource(source), external_id)

    @staticmethod
    def _find_external(
        s: Session, source: CallbackSource, external_id: str
    ) -> CallbackRequest | None:
        return s.exec(
            select(CallbackRequest).where(
                CallbackRequest.source == source.value,
                CallbackRequest.external_id == external_id,
            )
        ).first()

    @staticmethod
    def _timeline_draft(row: CallbackRequest) -> InteractionDraft:
        direction = (
            Direction.INTERNAL if row.source == CallbackSource.MANUAL.value else Direction.INBOUND
        )
        return InteractionDraft(
            channel=Channel.CALLBACK,
            direction=direction,
            status=InteractionStatus.RECEIVED,
            started_at=row.requested_at,
            subject="Callback requested",
            body=row.comment,
            external_id=f"{row.source}:{row.external_id}" if row.external_id else None,
            contact_kind=ContactKind.PHONE,
            contact_value=row.phone,
            contact_name=row.name,
            customer_id=row.customer_id,
            meta={"callback_request_id": row.id, "source": row.source},
        )

    @staticmethod
    def _cancel_draft(row: CallbackRequest, operator: str, reason: str) -> InteractionDraft:
        return InteractionDraft(
            channel=Channel.CALLBACK,
            direction=Direction.INTERNAL,
            status=InteractionStatus.DONE,
            started_at=row.closed_at or row.updated_at,
            subject="Callback cancelled",
            body=reason,
            operator=operator,
            contact_kind=ContactKind.PHONE,
            contact_value=row.phone,
            contact_name=row.name,
            customer_id=row.customer_id,
            meta={"callback_request_id": row.id, "attempts": row.attempts},
        )

    def _record_failure(self, row: CallbackRequest, proposal: FallbackProposal | None) -> None:
        draft = InteractionDraft(
            channel=Channel.CALLBACK,
            direction=Direction.INTERNAL,
            status=InteractionStatus.DONE,
            started_at=row.closed_at or self.clock(),
            subject=f"Callback failed: {row.outcome}",
            body=proposal.text if proposal else "",
            contact_kind=ContactKind.PHONE,
            contact_value=row.phone,
            customer_id=row.customer_id,
            meta={
                "callback_request_id": row.id,
                "attempts": row.attempts,
                "fallback": proposal.__dict__ if proposal else None,
            },
        )
        try:
            self.timeline.record(draft)
        except CustomerNotFound:  # the customer was deleted meanwhile: keep it unlinked
            self.timeline.record(dataclasses.replace(draft, customer_id=None))

    def _fallback(self, s: Session, row: CallbackRequest) -> FallbackProposal | None:
        """The channel the customer last wrote in, else one we may write first in.

        A Telegram bot can't start a chat, so Telegram is proposed only when the
        customer has written to us there."""
        if row.customer_id is None:
            return None
        points = {
            p.kind: p.normalized
            for p in s.exec(select(ContactPoint).where(ContactPoint.customer_id == row.customer_id))
        }
        written_in = [
            i.channel
            for i in s.exec(
                select(Interaction)
                .where(
                    Interaction.customer_id == row.customer_id,
                    Interaction.direction == Direction.INBOUND.value,
                    col(Interaction.channel).in_(["telegram", "whatsapp", "viber", "email"]),
                )
                .order_by(col(Interaction.started_at).desc())
            )
        ]
        order: Sequence[str] = [
            *dict.fromkeys(written_in),
            *[c for c in ("whatsapp", "viber", "email") if c not in written_in],
        ]
        for channel in order:
            if channel in points:
                language = _LANGUAGE_BY_REGION.get(phone_region(row.phone) or "", "en")
                name = f", {row.name}" if row.name else ""
                return FallbackProposal(
                    channel, points[channel], FALLBACK_TEXTS[language].format(name=name)
                )
        return None
