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
