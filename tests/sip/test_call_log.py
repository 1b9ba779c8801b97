"""Calls through the real engine, Kamailio and baresip land on the timeline and
feed the callback queue, row by row exactly."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import time as clock
from pathlib import Path

import pytest

from app.callbacks import CallbackPolicy
from app.core import Core
from app.customers import ContactInput
from app.models import CallbackOutcome
from app.working_hours import WorkingHours
from sip.adapters.call_log import CallLog
from sip.adapters.callback_dialer import CallbackDialer
from sip.config import AccountConfig
from sip.events import (
    CallEnded,
    CallPhase,
    CallStateChanged,
    CommandFailed,
    ForwardMode,
    IncomingCall,
)
from tests.servers.baresip import BaresipPhone, baresip_phone
from tests.servers.kamailio import KamailioServer, kamailio_server
from tests.sip.conftest import EngineUnderTest

# The customer's phone registers as a real-looking Ukrainian number, so its
# calls normalise to E.164 and find the customer card.
USERS = {"operator": "op-secret", "0501234567": "customer-secret"}
CUSTOMER_E164 = "+380501234567"


@pytest.fixture(scope="module")
def pbx() -> Iterator[KamailioServer]:
    with kamailio_server(USERS) as server:
        yield server


@pytest.fixture
def customer_phone(pbx: KamailioServer) -> Iterator[BaresipPhone]:
    with baresip_phone(
        "0501234567",
        1000.0,
        registrar=pbx.domain,
        password=USERS["0501234567"],
        answer="manual",
        display_name="Ольга",
    ) as phone:
        yield phone


@pytest.fixture
def operator(sip_engine: EngineUnderTest, pbx: KamailioServer, sqlite_core: Core) -> str:
    config = AccountConfig("office", "operator", pbx.domain)
    sip_engine.engine.add_account(config, USERS["operator"]).result(10)
    sip_engine.wait_registered("office")
    return "office"


@pytest.fixture
def call_log(sip_engine: EngineUnderTest, sqlite_core: Core) -> Iterator[CallLog]:
    log = CallLog(
        sqlite_core.timeline,
        sqlite_core.callbacks,
        attach_recording=sqlite_core.attachments.add,
        operator="anna",
    )
    sip_engine.engine.add_listener(log)
    yield log
    log.close()


def ring_and_hang_up(sip_engine: EngineUnderTest, phone: BaresipPhone, pbx: KamailioServer) -> str:
    mark = sip_engine.events.mark()
    phone.command("dial", f"sip:operator@{pbx.domain}")
    incoming = sip_engine.events.wait_for(IncomingCall, after=mark)
    sip_engine.events.wait_for(CallStateChanged, call_id=incoming.call_id, phase=CallPhase.EARLY)
    phone.command("hangup")
    sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    return incoming.sip_call_id


def test_missed_calls_become_one_callback_and_call_next_reaches_the_customer(
    sip_engine: EngineUnderTest,
    pbx: KamailioServer,
    operator: str,
    call_log: CallLog,
    customer_phone: BaresipPhone,
    sqlite_core: Core,
) -> None:
    core = sqlite_core
    # The test runs at any hour: the shop is open round the clock.
    core.callbacks.policy = CallbackPolicy(
        hours=WorkingHours("UTC", {day: ((clock(0), clock(0)),) for day in range(7)})
    )
    olga = core.customers.create("Ольга", [ContactInput("phone", "050 123 45 67")])

    # Two missed calls from the customer.
    first_sip_id = ring_and_hang_up(sip_engine, customer_phone, pbx)
    ring_and_hang_up(sip_engine, customer_phone, pbx)
    assert call_log.flush()
    missed = core.timeline.page(olga.id, channels=["call"])
    assert [(i.direction, i.status, i.duration_s) for i in missed] == [
        ("in", "missed", 0.0),
        ("in", "missed", 0.0),
    ]
    assert missed[1].external_id == first_sip_id
    assert missed[1].contact_value == CUSTOMER_E164
    assert missed[1].meta["display_name"] == "Ольга"
    [request] = core.callbacks.queue()
    assert (request.source, request.missed_count, request.customer_id) == (
        "missed_call",
        2,
        olga.id,
    )

    # "Call next": claim, count the attempt, record the call, dial; she answers.
    # this PBX knows the customer's phone by its national number
    dialer = CallbackDialer(
        core.callbacks, call_log, sip_engine.engine, operator, "anna", dial_format="national"
    )
    placed = dialer.call_next()
    assert placed is not None and placed.request.id == request.id
    assert dialer.call_next() is None  # nothing else is due
    call_id = placed.call_id
    dialled_id = call_log.interaction_of(call_id)
    assert core.timeline.get(dialled_id).status == "dialing"  # durable before the call
    customer_phone.wait_event("CALL_INCOMING")
    customer_phone.command("accept")
    sip_engine.events.wait_for(CallStateChanged, call_id=call_id, phase=CallPhase.CONFIRMED)
    assert call_log.flush()
    # reaching the customer closed the request by itself
    assert core.callbacks.get(request.id).status == "done"
    sip_engine.engine.hangup(call_id).result(10)
    ended = sip_engine.events.wait_for(CallEnded, call_id=call_id)
    assert call_log.flush()

    row = core.timeline.get(dialled_id)
    assert (row.channel, row.direction, row.status, row.customer_id) == (
        "call",
        "out",
        "answered",
        olga.id,
    )
    assert row.external_id == ended.sip_call_id
    assert row.duration_s == pytest.approx(ended.connected_seconds, abs=0.01)
    assert row.duration_s > 0 and row.answered_at is not None and row.ended_at is not None
    assert row.meta["callback_request_id"] == request.id
    assert row.meta["sip_code"] == 200 or row.meta["sip_reason"]

    # The operator confirms the outcome the engine suggests.
    outcome = dialer.suggestion(ended)
    assert outcome is CallbackOutcome.REACHED
    done = dialer.finish(placed, outcome)
    assert (done.status, done.outcome, done.attempts) == ("done", "reached", 1)
    assert [(a.outcome, a.interaction_id) for a in core.callbacks.attempts(request.id)] == [
        ("reached", dialled_id)
    ]
    timeline = core.timeline.page(olga.id)
    assert [(i.channel, i.direction, i.status) for i in timeline] == [
        ("call", "out", "answered"),
        ("call", "in", "missed"),
        ("call", "in", "missed"),
    ]


def test_inbound_answered_call_and_unknown_caller(
    sip_engine: EngineUnderTest,
    pbx: KamailioServer,
    operator: str,
    call_log: CallLog,
    customer_phone: BaresipPhone,
    sqlite_core: Core,
    tmp_path: Path,
) -> None:
    core = sqlite_core
    customer_phone.command("dial", f"sip:operator@{pbx.domain}")
    incoming = sip_engine.events.wait_for(IncomingCall)
    sip_engine.engine.answer(incoming.call_id).result(10)
    sip_engine.events.wait_for(
        CallStateChanged, call_id=incoming.call_id, phase=CallPhase.CONFIRMED
    )
    recording = tmp_path / "recordings" / "call.wav"
    recording.parent.mkdir()
    sip_engine.engine.start_recording(incoming.call_id, str(recording)).result(10)
    time.sleep(1.0)  # a second of the caller's 1 kHz tone
    sip_engine.engine.hangup(incoming.call_id).result(10)
    ended = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert call_log.flush()
    [row] = core.timeline.unlinked()  # nobody has this number yet
    assert (row.direction, row.status, row.external_id, row.contact_value, row.operator) == (
        "in",
        "answered",
        incoming.sip_call_id,
        CUSTOMER_E164,
        "anna",
    )
    assert row.duration_s == pytest.approx(ended.connected_seconds, abs=0.01)
    # Quality figures of the call's stream, as the engine measured them.
    assert ended.quality is not None
    assert row.meta["quality"]["codec"] == ended.quality.codec
    assert row.meta["quality"]["rx_packets"] == ended.quality.rx_packets > 0
    # The recording is the interaction's attachment, and only there.
    assert ended.recording == str(recording)
    [attachment] = core.attachments.for_interaction(row.id or 0)
    assert attachment.filename == "call.wav" and attachment.mime in ("audio/x-wav", "audio/wav")
    stored = core.attachments.path_for(attachment.sha256)
    assert stored.stat().st_size == attachment.size > 16_000  # 1 s of 8 kHz 16-bit audio
    assert not recording.exists()
    assert core.callbacks.queue() == []  # an answered call makes no callback
    # saved as a customer later: the call follows
    olga = core.customers.create("Ольга", [ContactInput("phone", CUSTOMER_E164)])
    assert core.timeline.link_unlinked(olga.id) == 1


def test_notes_typed_while_ringing_talking_and_after_the_hang_up_land_on_the_call(
    sip_engine: EngineUnderTest,
    pbx: KamailioServer,
    operator: str,
    call_log: CallLog,
    customer_phone: BaresipPhone,
    sqlite_core: Core,
) -> None:
    customer_phone.command("dial", f"sip:operator@{pbx.domain}")
    incoming = sip_engine.events.wait_for(IncomingCall)
    # At once, before the call log has written the ringing call.
    call_log.note(incoming.call_id, "Дзвонить")
    sip_engine.engine.answer(incoming.call_id).result(10)
    sip_engine.events.wait_for(
        CallStateChanged, call_id=incoming.call_id, phase=CallPhase.CONFIRMED
    )
    call_log.note(incoming.call_id, "Замовлення 1042: розмір M")
    sip_engine.engine.hangup(incoming.call_id).result(10)
    sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    # The wrap-up, typed after the hang-up.
    call_log.note(incoming.call_id, "Замовлення 1042: розмір M, доставка в п'ятницю")
    assert call_log.flush()
    [row] = sqlite_core.timeline.unlinked()
    assert (row.status, row.body) == ("answered", "Замовлення 1042: розмір M, доставка в п'ятницю")
    # Notes for a call it never saw are dropped with a warning, not an error.
    call_log.note("no-such-call", "x")
    assert call_log.flush()
    assert [r.body for r in sqlite_core.timeline.unlinked()] == [row.body]


def test_declined_and_busy_calls_are_recorded_as_such(
    sip_engine: EngineUnderTest,
    pbx: KamailioServer,
    operator: str,
    call_log: CallLog,
    customer_phone: BaresipPhone,
    sqlite_core: Core,
) -> None:
    core = sqlite_core
    olga = core.customers.create("Ольга", [ContactInput("phone", "050 123 45 67")])
    # Inbound, the operator declines: rejected, and no callback (we chose not to talk).
    customer_phone.command("dial", f"sip:operator@{pbx.domain}")
    incoming = sip_engine.events.wait_for(IncomingCall)
    sip_engine.engine.reject(incoming.call_id, 603).result(10)
    declined = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    customer_phone.wait_event("CALL_CLOSED")
    # Outbound, the customer's phone answers busy.
    mark = sip_engine.events.mark()
    call_id = call_log.dial(sip_engine.engine, operator, "0501234567", number="050 123 45 67")
    customer_phone.wait_event("CALL_INCOMING")
    customer_phone.command("hangup")  # baresip refuses a ringing call with 486 Busy Here
    busy = sip_engine.events.wait_for(CallEnded, call_id=call_id, after=mark)
    assert call_log.flush()
    assert (declined.outcome, busy.outcome, busy.code) == ("rejected", "busy", 486)
    rows = core.timeline.page(olga.id, channels=["call"])
    assert [
        (r.direction, r.status, r.duration_s, r.meta["sip_code"], r.external_id) for r in rows
    ] == [
        ("out", "busy", 0.0, 486, busy.sip_call_id),
        ("in", "rejected", 0.0, declined.code, incoming.sip_call_id),
    ]
    assert all(r.ended_at is not None and r.answered_at is None for r in rows)
    assert core.callbacks.queue() == []


def test_a_forwarded_call_is_recorded_as_forwarded_and_asks_no_callback(
    sip_engine: EngineUnderTest,
    pbx: KamailioServer,
    operator: str,
    call_log: CallLog,
    customer_phone: BaresipPhone,
    sqlite_core: Core,
) -> None:
    """Sent on to a colleague's number (302): someone else takes the customer,
    so the timeline says where it went and no callback is made here."""
    core = sqlite_core
    olga = core.customers.create("Ольга", [ContactInput("phone", "050 123 45 67")])
    sip_engine.engine.set_forwarding(ForwardMode.ALWAYS, "reception").result(10)
    customer_phone.command("dial", f"sip:operator@{pbx.domain}")
    incoming = sip_engine.events.wait_for(IncomingCall)
    assert incoming.handled == "forwarded"
    ended = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert call_log.flush()
    [row] = core.timeline.page(olga.id, channels=["call"])
    assert (row.direction, row.status, row.meta["sip_code"]) == ("in", "forwarded", 302)
    assert row.meta["forwarded_to"] == ended.forwarded_to == f"sip:reception@{pbx.domain}"
    assert core.callbacks.queue() == []


def test_a_dial_the_engine_refuses_is_recorded_as_failed(
    sip_engine: EngineUnderTest, operator: str, call_log: CallLog, sqlite_core: Core
) -> None:
    """The row is written before dialling; a dial that never starts must not
    leave it "dialing" for ever."""
    bad = call_log.dial(sip_engine.engine, operator, "two thousand", number="two thousand")
    missing_account = call_log.dial(sip_engine.engine, "nobody", "2001")
    for call_id in (bad, missing_account):
        sip_engine.events.wait_for(CommandFailed, call_id=call_id)
    assert call_log.flush()
    for call_id in (bad, missing_account):
        assert call_log.interaction_of(call_id) is None  # nothing left waiting for it
    rows = sqlite_core.timeline.unlinked(limit=10)
    assert sorted((r.status, r.ended_at is not None) for r in rows) == [
        ("failed", True),
        ("failed", True),
    ]
    errors = sorted(r.meta["error"] for r in rows)
    assert "not a phone number" in errors[1] and "nobody" in errors[0], errors
