"""Demo customers and a long, mixed timeline, for screenshots and trying the
window out. Qt-free; writes through the core's public services only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.core import Core
from app.customers import ContactInput
from app.models import Channel, Direction, InteractionStatus
from app.timeline import InteractionDraft

FEATURED_PHONE = "+380501234567"
CUSTOMERS = [
    ("Andrii Melnyk", "Melnyk Auto Parts", "+380672345678"),
    ("Kateryna Shevchenko", "Lavanda Cosmetics", "+380633456789"),
    ("Dmytro Bondarenko", "", "+380954567890"),
    ("Svitlana Tkachenko", "Domashnii Zatyshok", "+380735678901"),
    ("Oleksandr Kravets", "Kravets & Sons", "+380986789012"),
    ("Natalia Moroz", "", "+380507890123"),
    ("Serhii Lysenko", "TechnoDim", "+380668901234"),
    ("Iryna Savchenko", "Kids Planet", "+380939012345"),
    ("Maksym Rudenko", "", "+380680123456"),
    ("Yulia Horbunova", "Sweet Bakery", "+380991234560"),
]
STORY = [
    (Channel.CALL, Direction.INBOUND, InteractionStatus.ANSWERED, 245, "Asked about bulk prices"),
    (Channel.TELEGRAM, Direction.INBOUND, InteractionStatus.RECEIVED, 0, "Sent the order photo"),
    (Channel.EMAIL, Direction.OUTBOUND, InteractionStatus.SENT, 0, "Invoice #4471 for 120 roses"),
    (Channel.CALL, Direction.OUTBOUND, InteractionStatus.NO_ANSWER, 0, ""),
    (Channel.WEBFORM, Direction.INBOUND, InteractionStatus.RECEIVED, 0, "Call me back after 14:00"),
    (Channel.CALL, Direction.INBOUND, InteractionStatus.MISSED, 0, ""),
    (Channel.VIBER, Direction.INBOUND, InteractionStatus.RECEIVED, 0, "Is delivery on Saturday?"),
    (Channel.CALL, Direction.OUTBOUND, InteractionStatus.ANSWERED, 97, "Confirmed delivery"),
    (Channel.NOTE, Direction.INTERNAL, InteractionStatus.DONE, 0, "Wants the spring catalogue"),
    (Channel.WHATSAPP, Direction.OUTBOUND, InteractionStatus.DELIVERED, 0, "Tracking number"),
]


def seed(core: Core, now: datetime | None = None, history: int = 80) -> int:
    """Creates the demo customers; returns the featured customer's id."""
    now = now or datetime.now(UTC)
    featured = core.customers.create(
        "Olena Kovalenko",
        [
            ContactInput("phone", FEATURED_PHONE, "mobile"),
            ContactInput("phone", "+380442345678", "office"),
            ContactInput("email", "olena@kvitka.example", "work"),
            ContactInput("telegram", "@olena_kvitka"),
        ],
        company="Kvitka Flowers",
        notes="Wholesale florist, orders every Friday. Prefers calls after 14:00.",
        tags=["wholesale", "vip", "Kyiv"],
        owner="Iryna Petrenko",
    )
    assert featured.id is not None
    for name, company, phone in CUSTOMERS:
        core.customers.create(name, [ContactInput("phone", phone)], company=company)
    for i in range(history):
        channel, direction, status, seconds, subject = STORY[i % len(STORY)]
        started = now - timedelta(hours=7 * i + 1, minutes=13 * i % 60)
        row = core.timeline.record(
            InteractionDraft(
                channel=channel,
                direction=direction,
                status=status,
                started_at=started,
                subject=subject,
                customer_id=featured.id,
            )
        ).interaction
        if seconds:
            assert row.id is not None
            core.timeline.update(
                row.id,
                answered_at=started,
                ended_at=started + timedelta(seconds=seconds),
                duration_s=float(seconds),
            )
    return featured.id


def seed_callbacks(core: Core, now: datetime | None = None) -> list[int]:
    """A morning's callback queue: one overdue, one close to its deadline, a
    repeated missed call, one taken by a colleague; and a few finished ones for
    the report. Returns the ids of the open requests."""
    from sqlalchemy import update

    from app.models import CallbackOutcome, CallbackRequest

    now = now or datetime.now(UTC)
    queue = core.callbacks

    def place(request_id: int | None, requested_min: float, deadline_min: float) -> None:
        # Demo timestamps: the requests were made minutes ago, whatever the clock says.
        with core.db.session() as s:
            s.execute(
                update(CallbackRequest)
                .where(CallbackRequest.id == request_id)  # type: ignore[arg-type]
                .values(
                    requested_at=now - timedelta(minutes=requested_min),
                    due_at=now - timedelta(minutes=requested_min),
                    sla_deadline=now + timedelta(minutes=deadline_min),
                )
            )

    open_ids: list[int] = []
    for phone, name, source, ago, deadline in (
        ("+380672345678", "Andrii Melnyk", "web_form", 22, -7),
        ("+380633456789", "Kateryna Shevchenko", "messenger", 12, 3),
        ("+380954567890", "Dmytro Bondarenko", "email", 4, 11),
    ):
        row = queue.request(phone, source, name=name)
        place(row.id, ago, deadline)
        open_ids.append(row.id or 0)
    missed = queue.register_missed_call("+380441112233")
    queue.register_missed_call("+380441112233")
    assert missed is not None
    place(missed.id, 8, 7)
    open_ids.append(missed.id or 0)
    taken = queue.request("+380735678901", "manual", name="Svitlana Tkachenko")
    place(taken.id, 6, 9)
    queue.claim(taken.id or 0, "Oksana")
    open_ids.append(taken.id or 0)
    # Finished ones for the report: made at 10:00 of the last working day before
    # this one, tried minutes later (the report counts working time).
    hours = queue.policy.hours
    day = now.astimezone(hours.tz).replace(hour=10, minute=0, second=0, microsecond=0)
    day -= timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    for phone, name, operator, outcome, tried_after in (
        ("+380986789012", "Oleksandr Kravets", "Iryna", CallbackOutcome.REACHED, 6),
        ("+380507890123", "Natalia Moroz", "Iryna", CallbackOutcome.CANCELLED, 24),
        ("+380668901234", "Serhii Lysenko", "Oksana", CallbackOutcome.REACHED, 11),
        ("+380939012345", "Iryna Savchenko", "Oksana", CallbackOutcome.WRONG_NUMBER, 9),
    ):
        row = queue.request(phone, "web_form", name=name)
        assert row.id is not None
        queue.claim(row.id, operator)
        queue.start_attempt(row.id, operator)
        queue.finish_attempt(row.id, operator, outcome)
        requested = day.astimezone(UTC)
        tried = requested + timedelta(minutes=tried_after)
        reached = outcome is CallbackOutcome.REACHED
        with core.db.session() as s:
            s.execute(
                update(CallbackRequest)
                .where(CallbackRequest.id == row.id)  # type: ignore[arg-type]
                .values(
                    requested_at=requested,
                    due_at=requested,
                    sla_deadline=requested + queue.policy.sla,
                    first_attempt_at=tried,
                    reached_at=tried + timedelta(minutes=1) if reached else None,
                    closed_at=tried + timedelta(minutes=1),
                )
            )
        day += timedelta(minutes=45)
    return open_ids
