"""The interaction log: idempotent, linked by contact, paged newest first."""

from datetime import UTC, datetime, timedelta

import pytest

from app.core import Core
from app.customers import ContactInput, CustomerNotFound
from app.models import Direction, InteractionStatus
from app.timeline import InteractionDraft, InteractionNotFound, TimelineError

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def call(external_id: str | None, number: str = "0501234567", **kw: object) -> InteractionDraft:
    return InteractionDraft(
        "call",
        "in",
        "ringing",
        external_id=external_id,
        contact_kind="phone",
        contact_value=number,
        **kw,  # type: ignore[arg-type]
    )


def test_redelivered_event_is_stored_once(core: Core) -> None:
    first = core.timeline.record(call("a84b4c76e66710@pc33.example.com", started_at=T0))
    again = core.timeline.record(call("a84b4c76e66710@pc33.example.com"))
    assert first.created and not again.created
    assert again.interaction.id == first.interaction.id
    # the same id on another channel is another interaction
    other = core.timeline.record(
        InteractionDraft(
            "telegram", "in", "received", external_id="a84b4c76e66710@pc33.example.com"
        )
    )
    assert other.created


def test_known_number_links_to_customer_unknown_stays_unlinked(core: Core) -> None:
    olga = core.customers.create("Ольга", [ContactInput("phone", "050 123 45 67")])
    known = core.timeline.record(call("c1", "+380501234567")).interaction
    unknown = core.timeline.record(call("c2", "0509876543")).interaction
    anonymous = core.timeline.record(call("c3", "anonymous")).interaction
    assert known.customer_id == olga.id
    assert unknown.customer_id is None and unknown.contact_value == "+380509876543"
    assert anonymous.customer_id is None and anonymous.contact_value == "anonymous"
    assert [i.id for i in core.timeline.unlinked()] == [anonymous.id, unknown.id]
    # the unknown caller is saved as a customer: their calls follow
    petro = core.customers.create("Петро", [ContactInput("phone", "0509876543")])
    assert core.timeline.link_unlinked(petro.id) == 1
    assert core.timeline.get(unknown.id).customer_id == petro.id


def test_unknown_sender_policy_creates_customer(core: Core) -> None:
    core.timeline.unknown_sender = "create_customer"
    rec = core.timeline.record(call("c9", "0671112233", contact_name="Марія")).interaction
    customer = core.customers.get(rec.customer_id)
    assert customer.name == "Марія"
    assert core.customers.find("phone", "+380671112233").id == customer.id
    # never a customer made of "anonymous"
    assert core.timeline.record(call("c10", "anonymous")).interaction.customer_id is None


def test_call_lifecycle_and_idempotent_close(core: Core) -> None:
    rec = core.timeline.record(call("life-1", started_at=T0)).interaction
    core.timeline.update(
        rec.id, status="answered", answered_at=T0 + timedelta(seconds=5), meta={"codec": "PCMA"}
    )
    closed = core.timeline.close(
        rec.id, "answered", ended_at=T0 + timedelta(seconds=65), meta={"rtt_ms": 12}
    )
    assert closed.duration_s == 60.0
    assert closed.meta == {"codec": "PCMA", "rtt_ms": 12}
    late = core.timeline.close(rec.id, "failed", ended_at=T0 + timedelta(hours=1))
    assert (late.status, late.ended_at, late.duration_s) == ("answered", closed.ended_at, 60.0)
    missed = core.timeline.record(call("life-2", started_at=T0)).interaction
    assert (
        core.timeline.close(missed.id, "missed", ended_at=T0 + timedelta(seconds=20)).duration_s
        == 0.0
    )


def test_bad_updates_are_refused(core: Core) -> None:
    rec = core.timeline.record(call("bad-1")).interaction
    with pytest.raises(TimelineError, match="can't be updated"):
        core.timeline.update(rec.id, customer_id=5)
    with pytest.raises(ValueError):
        core.timeline.update(rec.id, status="exploded")
    with pytest.raises(InteractionNotFound):
        core.timeline.update(424242, status="answered")
    with pytest.raises(TimelineError, match="blank"):
        core.timeline.record(call("  "))
    with pytest.raises(CustomerNotFound):
        core.timeline.record(InteractionDraft("note", "internal", "done", customer_id=424242))
    assert core.timeline.get(rec.id).status == "ringing"


def test_page_is_newest_first_with_stable_cursor_and_channel_filter(core: Core) -> None:
    olga = core.customers.create("Ольга", [ContactInput("phone", "0501234567")])
    channels = ["call", "telegram", "email", "whatsapp", "viber"]
    for i in range(23):
        core.timeline.record(
            InteractionDraft(
                channels[i % 5],
                "in",
                "received",
                customer_id=olga.id,
                started_at=T0 + timedelta(minutes=i // 2),
                subject=f"#{i}",
            )
        )
    seen: list[str] = []
    cursor = None
    while True:
        page = core.timeline.page(olga.id, limit=5, after=cursor)
        if not page:
            break
        seen += [p.subject for p in page]
        cursor = core.timeline.cursor_of(page[-1])
    # same started_at pairs come newest id first; nothing skipped or repeated
    assert seen == [
        f"#{i}"
        for i in [22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
    ]
    calls = core.timeline.page(olga.id, channels=["call"])
    assert [c.subject for c in calls] == ["#20", "#15", "#10", "#5", "#0"]


def test_times_come_back_aware_utc(core: Core) -> None:
    kyiv = datetime(2026, 3, 29, 3, 30, tzinfo=UTC).astimezone()
    rec = core.timeline.record(call("tz-1", started_at=kyiv)).interaction
    stored = core.timeline.get(rec.id).started_at
    assert stored.tzinfo is not None and stored == kyiv
    with pytest.raises(Exception, match="naive datetime"):
        core.timeline.record(call("tz-2", started_at=datetime(2026, 1, 1)))


def test_bodies_never_reach_the_log_at_info(core: Core, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.INFO)
    body = "Моя картка 4149 6090 1234 5678, термін 12/29"
    rec = core.timeline.record(
        InteractionDraft("telegram", "in", "received", body=body, subject="Оплата")
    ).interaction
    core.timeline.update(rec.id, body=body + "!")
    core.timeline.close(rec.id, "received")
    assert f"interaction #{rec.id} recorded" in caplog.text
    assert "4149" not in caplog.text and "Оплата" not in caplog.text


def test_a_row_recorded_in_a_batch_is_the_row_record_would_make(core: Core) -> None:
    """record_many_in inserts without the ORM: every column must come out as
    ``Interaction(...)`` fills it, also a column added later."""
    customer = core.customers.create("Олена", [ContactInput("telegram", "777")])
    at = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

    def draft(external_id: str) -> InteractionDraft:
        return InteractionDraft(
            channel="telegram",
            direction=Direction.INBOUND,
            status=InteractionStatus.RECEIVED,
            started_at=at,
            subject="",
            body="Добрий день",
            external_id=external_id,
            thread_key="1:777",
            contact_kind="telegram",
            contact_value="777",
            contact_name="Олена",
            account="Shop bot",
            meta={"kind": "text"},
        )

    single = core.timeline.record(draft("a")).interaction
    with core.db.transaction() as s:
        [batch_ref] = core.timeline.record_many_in(s, [draft("b")])
    batch = core.timeline.get(batch_ref.interaction_id)
    columns = set(type(single).model_fields) - {"id", "external_id", "created_at", "updated_at"}
    assert {c: getattr(batch, c) for c in columns} == {c: getattr(single, c) for c in columns}
    assert batch.customer_id == customer.id and batch_ref.customer_id == customer.id
    assert batch.created_at is not None and batch.updated_at is not None


def test_row_values_fill_every_column_of_the_table() -> None:
    from app.models import Interaction
    from app.timeline import row_values

    values = row_values(
        InteractionDraft(
            channel="telegram", direction=Direction.INBOUND, status=InteractionStatus.RECEIVED
        ),
        "telegram",
        None,
        None,
        None,
        datetime.now(UTC),
    )
    assert set(values) | {"id"} == set(Interaction.__table__.columns.keys())  # type: ignore[attr-defined]


def test_a_batch_announces_its_new_rows_on_the_changes_feed(core: Core) -> None:
    seen = []
    core.db.changes.subscribe(seen.append)
    with core.db.transaction() as s:
        refs = core.timeline.record_many_in(
            s,
            [
                InteractionDraft(
                    channel="telegram",
                    direction=Direction.INBOUND,
                    status=InteractionStatus.RECEIVED,
                    external_id=x,
                )
                for x in ("1", "2", "1")
            ],
        )
    assert [r.created for r in refs] == [True, True, False]
    assert refs[2].interaction_id == refs[0].interaction_id
    assert seen and seen[-1].interactions == {refs[0].interaction_id, refs[1].interaction_id}
