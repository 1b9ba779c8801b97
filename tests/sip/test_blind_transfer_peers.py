"""Blind transfers to far ends that are not baresip: once the far end accepted
our REFER, the operator's leg never stays up for ever, whatever the far end
says afterwards (nothing, a NOTIFY pjsip can't parse, Refer-Sub: false).

The far end is tests/servers/refer_peer.py (a test peer written from RFC 3515
and 4488) registered at Kamailio; the transfer target is a baresip it really
calls. The call log records the transfer on the call's interaction."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core import Core
from sip import transfers as transfers_module
from sip.adapters.call_log import CallLog
from sip.events import CallEnded, CallPhase, CallStateChanged, TransferProgress
from tests.servers.baresip import BaresipPhone, baresip_phone
from tests.servers.kamailio import KamailioServer, kamailio_server
from tests.servers.refer_peer import ReferPeer, refer_peer
from tests.sip.conftest import EngineUnderTest

USERS = {"alice": "alice-secret", "peer": "peer-secret", "2002": "target-secret"}


@pytest.fixture(scope="module")
def pbx() -> Iterator[KamailioServer]:
    with kamailio_server(USERS) as server:
        yield server


@pytest.fixture(scope="module")
def target(pbx: KamailioServer) -> Iterator[BaresipPhone]:
    """The transfer target: baresip as 2002, answering by itself."""
    with baresip_phone("2002", 600.0, registrar=pbx.domain, password=USERS["2002"]) as phone:
        yield phone


@pytest.fixture
def operator(sip_engine: EngineUnderTest, pbx: KamailioServer) -> str:
    account_id = sip_engine.register(pbx, "alice", password=USERS["alice"])
    assert sip_engine.wait_registered(account_id).status.value == "registered"
    return account_id


@pytest.fixture
def call_log(sip_engine: EngineUnderTest, sqlite_core: Core) -> Iterator[CallLog]:
    log = CallLog(sqlite_core.timeline, sqlite_core.callbacks, operator="anna")
    sip_engine.engine.add_listener(log)
    yield log
    log.close()


def talking_to(
    peer: ReferPeer, sip_engine: EngineUnderTest, operator: str, call_log: CallLog
) -> str:
    call_id = call_log.dial(sip_engine.engine, operator, "peer", number="peer")
    sip_engine.events.wait_for(CallStateChanged, call_id=call_id, phase=CallPhase.CONFIRMED)
    return call_id


def transfer_of(call_log: CallLog, sqlite_core: Core, ended: CallEnded) -> dict[str, object]:
    """The call's ``meta["transfer"]`` on its interaction, once the log wrote its end."""
    assert call_log.flush()
    row = sqlite_core.timeline.find_external("call", ended.sip_call_id)
    assert row is not None and row.status == "answered"
    return dict(row.meta["transfer"])


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> float:
    monkeypatch.setattr(transfers_module, "TRANSFER_CONFIRM_TIMEOUT_S", 2.0)
    return 2.0


@pytest.fixture
def long_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """So that a test ends only by what the far end does, never by the timeout."""
    monkeypatch.setattr(transfers_module, "TRANSFER_CONFIRM_TIMEOUT_S", 600.0)


@pytest.mark.parametrize("notify", ["none", "broken"])
def test_no_readable_notify_ends_our_leg_at_the_timeout_as_not_confirmed(
    notify: str,
    sip_engine: EngineUnderTest,
    pbx: KamailioServer,
    target: BaresipPhone,
    operator: str,
    call_log: CallLog,
    sqlite_core: Core,
    short_wait: float,
) -> None:
    with refer_peer("peer", USERS["peer"], pbx.domain, notify=notify) as peer:
        call_id = talking_to(peer, sip_engine, operator, call_log)
        sip_engine.engine.blind_transfer(call_id, "2002").result(10)
        peer.wait_target_connected()  # the far end is with the target now
        ended = sip_engine.events.wait_for(CallEnded, call_id=call_id, timeout=short_wait + 10)
        assert ended.transferred and ended.outcome.value == "answered"
        final = sip_engine.events.wait_for(TransferProgress, call_id=call_id, final=True)
        assert final.code == transfers_module.TRANSFER_NOT_CONFIRMED
        peer.wait_request("BYE")  # our leg hung up cleanly, by us
        if notify == "broken":
            # The final NOTIFY reached the engine and pjsip dropped it unparsed.
            assert any("no final answer to 'NOTIFY" in failure for failure in peer.failures)
    assert transfer_of(call_log, sqlite_core, ended)["status"] == "not_confirmed"


def test_a_notify_without_subscription_state_still_says_the_target_answered(
    sip_engine: EngineUnderTest,
    pbx: KamailioServer,
    target: BaresipPhone,
    operator: str,
    call_log: CallLog,
    sqlite_core: Core,
    long_wait: None,
) -> None:
    """pjsip refuses that NOTIFY (400, "Missing Subscription-State") and pjsua
    reports a failure of its own; its sipfrag says 200 and the engine reads it."""
    with refer_peer("peer", USERS["peer"], pbx.domain, notify="missing") as peer:
        call_id = talking_to(peer, sip_engine, operator, call_log)
        sip_engine.engine.blind_transfer(call_id, "2002").result(10)
        ended = sip_engine.events.wait_for(CallEnded, call_id=call_id, timeout=15)
        assert ended.transferred
        final = sip_engine.events.wait_for(TransferProgress, call_id=call_id, final=True)
        assert (final.code, final.reason) == (200, "OK")
        peer.wait_request("BYE")
    assert transfer_of(call_log, sqlite_core, ended) == {
        "status": "confirmed",
        "code": 200,
        "reason": "OK",
    }


def test_the_far_end_hanging_up_after_accepting_completes_the_transfer(
    sip_engine: EngineUnderTest,
    pbx: KamailioServer,
    target: BaresipPhone,
    operator: str,
    call_log: CallLog,
    sqlite_core: Core,
    long_wait: None,
) -> None:
    with refer_peer("peer", USERS["peer"], pbx.domain, notify="broken", bye_after=True) as peer:
        call_id = talking_to(peer, sip_engine, operator, call_log)
        sip_engine.engine.blind_transfer(call_id, "2002").result(10)
        ended = sip_engine.events.wait_for(CallEnded, call_id=call_id, timeout=15)
        assert ended.transferred
        final = sip_engine.events.wait_for(TransferProgress, call_id=call_id, final=True)
        assert final.code == transfers_module.TRANSFER_NOT_CONFIRMED
        assert peer.requests("BYE") == []  # the far end hung up, not us
    assert transfer_of(call_log, sqlite_core, ended)["status"] == "not_confirmed"


def test_refer_sub_false_ends_our_leg_at_the_202(
    sip_engine: EngineUnderTest,
    pbx: KamailioServer,
    target: BaresipPhone,
    operator: str,
    call_log: CallLog,
    sqlite_core: Core,
    long_wait: None,
) -> None:
    sip_engine.engine.ask_no_refer_sub = True
    with refer_peer("peer", USERS["peer"], pbx.domain, honour_refer_sub=True) as peer:
        call_id = talking_to(peer, sip_engine, operator, call_log)
        sip_engine.engine.blind_transfer(call_id, "2002").result(10)
        ended = sip_engine.events.wait_for(CallEnded, call_id=call_id, timeout=15)
        assert ended.transferred
        [final] = sip_engine.events.of(TransferProgress, call_id=call_id)
        assert (final.code, final.final) == (transfers_module.TRANSFER_NOT_CONFIRMED, True)
        assert peer.wait_request("REFER").get("refer-sub") == "false"
        peer.wait_request("BYE")
        assert peer.requests("SUBSCRIBE") == []
    assert transfer_of(call_log, sqlite_core, ended)["status"] == "not_confirmed"


def test_refer_sub_false_ignored_by_the_far_end_is_reported_as_usual(
    sip_engine: EngineUnderTest,
    pbx: KamailioServer,
    target: BaresipPhone,
    operator: str,
    call_log: CallLog,
    sqlite_core: Core,
    long_wait: None,
) -> None:
    sip_engine.engine.ask_no_refer_sub = True
    with refer_peer("peer", USERS["peer"], pbx.domain, notify="good") as peer:
        call_id = talking_to(peer, sip_engine, operator, call_log)
        sip_engine.engine.blind_transfer(call_id, "2002").result(10)
        ended = sip_engine.events.wait_for(CallEnded, call_id=call_id, timeout=15)
        assert ended.transferred
        final = sip_engine.events.wait_for(TransferProgress, call_id=call_id, final=True)
        assert final.code == 200
    assert transfer_of(call_log, sqlite_core, ended)["status"] == "confirmed"


def test_a_refused_refer_leaves_our_call_as_it_was(
    sip_engine: EngineUnderTest,
    pbx: KamailioServer,
    target: BaresipPhone,
    operator: str,
    call_log: CallLog,
    sqlite_core: Core,
    short_wait: float,
) -> None:
    with refer_peer("peer", USERS["peer"], pbx.domain, refer_answer=403) as peer:
        call_id = talking_to(peer, sip_engine, operator, call_log)
        sip_engine.engine.blind_transfer(call_id, "2002").result(10)
        final = sip_engine.events.wait_for(TransferProgress, call_id=call_id, final=True)
        assert final.code == 403
        # Past the transfer's timeout: still talking, the caller is still ours.
        mark = sip_engine.events.mark()
        with pytest.raises(AssertionError):
            sip_engine.events.wait_for(
                CallEnded, call_id=call_id, after=mark, timeout=short_wait + 1
            )
        sip_engine.engine.hangup(call_id).result(10)
        ended = sip_engine.events.wait_for(CallEnded, call_id=call_id)
        assert not ended.transferred
        assert peer.requests("NOTIFY") == []
    assert transfer_of(call_log, sqlite_core, ended)["status"] == "failed"
