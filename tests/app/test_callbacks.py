"""The callback queue on SQLite and PostgreSQL, with a clock the test moves."""

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.callbacks import CallbackError, CallbackQueue, ClaimLost, customer_timezone
from app.core import Core
from app.customers import ContactInput, CustomerNotFound
from app.timeline import InteractionDraft
from tests.app.callback_clock import KYIV, MONDAY_10, Clock


def test_manual_request_is_due_now_with_sla_and_on_the_timeline(
    core: Core, queue: CallbackQueue
) -> None:
    olga = core.customers.create("Ольга", [ContactInput("phone", "0501234567")])
    req = queue.request("050 123 45 67", "manual", comment="Про доставку")
    assert (req.customer_id, req.phone, req.status) == (olga.id, "+380501234567", "open")
    assert req.due_at == MONDAY_10
    assert req.sla_deadline == MONDAY_10 + timedelta(minutes=15)
    assert req.timezone == "Europe/Kyiv"
    [item] = core.timeline.page(olga.id)
    assert (item.channel, item.direction, item.subject, item.body) == (
        "callback",
        "internal",
        "Callback requested",
        "Про доставку",
    )
    assert item.meta == {"callback_request_id": req.id, "source": "manual"}


def test_request_outside_hours_is_due_at_opening(queue: CallbackQueue, clock: Clock) -> None:
    clock.now = datetime(2026, 11, 27, 20, 0, tzinfo=KYIV).astimezone(UTC)  # Friday evening
    req = queue.request("0501234567", "web_form")
    monday_9 = datetime(2026, 11, 30, 9, 0, tzinfo=KYIV).astimezone(UTC)
    assert req.due_at == monday_9
    assert req.sla_deadline == monday_9 + timedelta(minutes=15)


def test_preferred_window_in_the_customers_zone(queue: CallbackQueue, clock: Clock) -> None:
    almaty = ZoneInfo("Asia/Almaty")
    start = datetime(2026, 11, 23, 17, 0, tzinfo=almaty)  # 14:00 in Kyiv
    req = queue.request(
        "+7 701 123 45 67",
        "web_form",
        preferred_from=start,
        preferred_to=start + timedelta(hours=2),
    )
    assert req.due_at == start.astimezone(UTC)
    assert req.timezone == "Asia/Almaty"
    assert "outside_preferred_window" not in req.meta
    late = datetime(2026, 11, 23, 23, 0, tzinfo=almaty)  # 20:00 in Kyiv: the shop is closed
    req2 = queue.request(
        "+7 701 765 43 21", "web_form", preferred_from=late, preferred_to=late + timedelta(hours=1)
    )
    assert req2.due_at == datetime(2026, 11, 24, 9, 0, tzinfo=KYIV).astimezone(UTC)
    assert req2.meta["outside_preferred_window"] is True


def test_a_window_without_offset_is_the_customers_local_time(
    queue: CallbackQueue, clock: Clock
) -> None:
    """A web form sends "17:00" as the customer sees it: for a Kazakh number that
    is Almaty time, not the shop's Kyiv time."""
    naive = datetime(2026, 11, 23, 17, 0)
    req = queue.request(
        "+7 701 123 45 67",
        "web_form",
        preferred_from=naive,
        preferred_to=naive + timedelta(hours=2),
    )
    almaty = datetime(2026, 11, 23, 17, 0, tzinfo=ZoneInfo("Asia/Almaty"))
    assert req.timezone == "Asia/Almaty"
    assert req.preferred_from == almaty.astimezone(UTC)
    assert req.preferred_to == (almaty + timedelta(hours=2)).astimezone(UTC)
    assert req.due_at == almaty.astimezone(UTC)  # 14:00 in Kyiv: open


def test_bad_requests_are_refused_and_nothing_is_stored(
    core: Core, queue: CallbackQueue, clock: Clock
) -> None:
    with pytest.raises(CallbackError, match="not a phone number"):
        queue.request("call me maybe", "web_form")
    with pytest.raises(CallbackError, match="in the past"):
        queue.request(
            "0501234567",
            "web_form",
            preferred_from=clock.now - timedelta(hours=2),
            preferred_to=clock.now - timedelta(hours=1),
        )
    with pytest.raises(CallbackError, match="ends before it starts"):
        queue.request(
            "0501234567",
            "web_form",
            preferred_from=clock.now + timedelta(hours=2),
            preferred_to=clock.now + timedelta(hours=1),
        )
    with pytest.raises(CustomerNotFound):
        queue.request("0501234567", "manual", customer_id=99999)
    with pytest.raises(ValueError):
        queue.request("0501234567", "carrier_pigeon")
    assert queue.queue() == []


def test_retried_form_delivery_makes_one_request(queue: CallbackQueue) -> None:
    a = queue.request("0501234567", "web_form", external_id="form-123")
    b = queue.request("0501234567", "web_form", external_id="form-123")
    assert a.id == b.id
    assert len(queue.queue()) == 1


def test_missed_calls_merge_and_a_reached_call_closes(
    core: Core, queue: CallbackQueue, clock: Clock
) -> None:
    first = queue.register_missed_call("0501234567", interaction_id=None)
    clock.advance(minutes=3)
    again = queue.register_missed_call("+380501234567")
    assert first is not None and again is not None
    assert again.id == first.id and again.missed_count == 2
    assert first.source == "missed_call"
    assert queue.register_missed_call("anonymous") is None
    other = queue.register_missed_call("0677777777")
    assert other is not None and other.id != first.id
    [closed] = queue.close_reached("050 123 45 67")
    assert (closed.status, closed.outcome) == ("done", "reached")
    assert [r.id for r in queue.queue()] == [other.id]
    # after the close, a new missed call opens a new request
    new = queue.register_missed_call("0501234567")
    assert new is not None and new.id != first.id


def test_the_same_missed_call_registered_twice_counts_once(queue: CallbackQueue) -> None:
    """The call log writes a call's end again when the database refused it part-way
    (sip/adapters/call_log.py): the missed call must not count twice."""
    first = queue.register_missed_call("0501234567", interaction_id=41)
    again = queue.register_missed_call("0501234567", interaction_id=41)
    later = queue.register_missed_call("0501234567", interaction_id=42)
    assert first is not None and again is not None and later is not None
    assert again.id == first.id and again.missed_count == 1
    assert later.missed_count == 2
    assert later.meta["missed_interactions"] == [41, 42]


def test_claim_next_takes_the_most_urgent_due_request_once(
    queue: CallbackQueue, clock: Clock
) -> None:
    a = queue.request("0501000001", "manual")
    clock.advance(minutes=1)
    b = queue.request("0501000002", "manual", priority=5)
    clock.advance(minutes=1)
    queue.request(
        "0501000003",
        "manual",
        preferred_from=clock.now + timedelta(hours=3),
        preferred_to=clock.now + timedelta(hours=4),
    )  # not due yet
    assert queue.claim_next("anna").id == b.id  # priority first
    assert queue.claim_next("ivan").id == a.id
    assert queue.claim_next("olga") is None  # the third one is not due
    with pytest.raises(CallbackError, match="being handled by anna"):
        queue.claim(b.id, "ivan")
    with pytest.raises(CallbackError, match="operator's name"):
        queue.claim_next("  ")


def test_expired_claim_can_be_taken_and_the_late_outcome_is_refused(
    queue: CallbackQueue, clock: Clock
) -> None:
    req = queue.request("0501234567", "manual")
    queue.claim_next("anna")
    queue.start_attempt(req.id, "anna")
    clock.advance(minutes=11)  # anna went to lunch mid-call
    assert queue.claim_next("ivan").id == req.id
    with pytest.raises(ClaimLost, match="handled by ivan"):
        queue.finish_attempt(req.id, "anna", "no_answer")
    done = queue.finish_attempt(req.id, "ivan", "reached")
    assert (done.status, done.attempts) == ("done", 2)
    assert [(a.operator, a.outcome) for a in queue.attempts(req.id)] == [
        ("anna", None),
        ("ivan", "reached"),
    ]


def test_retry_schedule_then_fallback_message(
    core: Core, queue: CallbackQueue, clock: Clock
) -> None:
    olga = core.customers.create(
        "Ольга",
        [
            ContactInput("phone", "0501234567"),
            ContactInput("telegram", "55501"),
            ContactInput("email", "olga@shop.ua"),
        ],
    )
    core.timeline.record(
        InteractionDraft("telegram", "in", "received", customer_id=olga.id, body="привіт")
    )
    req = queue.request("0501234567", "manual")
    expected_due = [
        MONDAY_10 + timedelta(minutes=15),
        MONDAY_10 + timedelta(minutes=15) + timedelta(hours=1),
        datetime(2026, 11, 24, 9, 0, tzinfo=KYIV).astimezone(UTC),  # next working day
    ]
    for due in expected_due:
        assert queue.claim_next("anna").id == req.id
        queue.start_attempt(req.id, "anna")
        after = queue.finish_attempt(req.id, "anna", "no_answer")
        assert (after.status, after.due_at) == ("open", due)
        assert queue.claim_next("anna") is None  # not due yet
        clock.now = due
    assert queue.claim_next("anna").id == req.id
    final = queue.finish_attempt(req.id, "anna", "busy")
    assert (final.status, final.attempts) == ("failed", 4)
    # she wrote in Telegram, so the bot may answer her there
    assert final.meta["fallback"]["channel"] == "telegram"
    assert final.meta["fallback"]["to"] == "55501"
    assert final.meta["fallback"]["text"].startswith("Вітаємо")
    note = core.timeline.page(olga.id, channels=["callback"])[0]
    assert note.subject == "Callback failed: busy"
    assert note.body == final.meta["fallback"]["text"]


def test_telegram_is_never_proposed_when_the_customer_never_wrote(
    core: Core, queue: CallbackQueue
) -> None:
    core.customers.create(
        "Ivan",
        [
            ContactInput("phone", "+79161234567"),
            ContactInput("telegram", "777"),
            ContactInput("email", "ivan@x.ru"),
        ],
    )
    req = queue.request("+79161234567", "manual")
    queue.claim_next("anna")
    final = queue.finish_attempt(req.id, "anna", "wrong_number")
    assert final.status == "failed"
    assert final.meta["fallback"]["channel"] == "email"
    assert final.meta["fallback"]["text"].startswith("Здравствуйте")


def test_call_later_and_bad_outcomes(queue: CallbackQueue, clock: Clock) -> None:
    req = queue.request("0501234567", "manual")
    queue.claim_next("anna")
    with pytest.raises(CallbackError, match="Say when"):
        queue.finish_attempt(req.id, "anna", "call_later")
    with pytest.raises(CallbackError, match="in the past"):
        queue.finish_attempt(req.id, "anna", "call_later", call_later_at=clock.now)
    later = clock.now + timedelta(hours=5)
    moved = queue.finish_attempt(req.id, "anna", "call_later", call_later_at=later)
    assert (moved.status, moved.due_at, moved.claimed_by) == ("open", later, None)
    clock.now = later
    queue.claim_next("anna")
    queue.finish_attempt(req.id, "anna", "reached")
    with pytest.raises(CallbackError, match="already done"):
        queue.finish_attempt(req.id, "anna", "reached")
    with pytest.raises(CallbackError, match="does not exist"):
        queue.get(424242)


def test_views(queue: CallbackQueue, clock: Clock) -> None:
    a = queue.request("0501000001", "manual")
    b = queue.request("0501000002", "manual")
    queue.claim(b.id, "anna")
    clock.advance(minutes=20)
    assert [r.id for r in queue.queue("mine", "anna")] == [b.id]
    assert {r.id for r in queue.queue("overdue")} == {a.id, b.id}
    with pytest.raises(CallbackError, match="Unknown queue view"):
        queue.queue("someday")


@pytest.mark.parametrize(
    ("number", "zone"),
    [
        ("+380501234567", "Europe/Kyiv"),
        ("+79161234567", "Europe/Moscow"),
        ("+77011234567", "Asia/Almaty"),
        ("+4930123456", "Europe/Berlin"),
    ],
)
def test_customer_time_zone_from_number(number: str, zone: str) -> None:
    assert ZoneInfo(customer_timezone(number, "Europe/Kyiv")).key in (zone, "Europe/Kiev")


def test_concurrent_claimers_never_share_a_request(core: Core, queue: CallbackQueue) -> None:
    """1,000 due requests, 8 operators claiming at once until the queue is empty:
    every request claimed exactly once (FOR UPDATE SKIP LOCKED on PostgreSQL)."""
    from app.models import CallbackRequest

    with core.db.session() as s:
        for i in range(1000):
            s.add(
                CallbackRequest(
                    phone=f"+38050{i:07d}",
                    source="manual",
                    due_at=MONDAY_10,
                    sla_deadline=MONDAY_10 + timedelta(minutes=15),
                )
            )
    claimed: list[tuple[str, int]] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def operator(name: str) -> None:
        try:
            while (got := queue.claim_next(name)) is not None:
                with lock:
                    claimed.append((name, got.id))
        except BaseException as exc:  # surfaced below, not lost in a thread
            errors.append(exc)

    threads = [threading.Thread(target=operator, args=(f"op{i}",)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    counts = Counter(request_id for _, request_id in claimed)
    assert len(counts) == 1000
    assert max(counts.values()) == 1
    with core.db.session() as s:
        from sqlmodel import select

        owners = {r.id: r.claimed_by for r in s.exec(select(CallbackRequest))}
    assert all(owners[rid] == name for name, rid in claimed)
