"""Call forwarding by the phone itself (issue 21, item 4), through the real
engine against Kamailio: a caller is answered 302 with the forward target as
Contact, always, instead of busy under Do not disturb, or after ringing
unanswered; the caller (another Switchboard engine, which follows redirects,
in a process of its own) then talks to the target (baresip 2001), and the
forwarded call ends here as forwarded, with where it went."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from sip.events import CallEnded, CallOutcome, ForwardMode, IncomingCall
from tests.servers.baresip import BaresipPhone
from tests.servers.common import wait_until
from tests.servers.kamailio import KamailioServer
from tests.sip.conftest import USERS, EngineUnderTest
from tests.sip.peer import PeerEngine, peer_engine


@pytest.fixture
def registered(sip_engine: EngineUnderTest, kamailio: KamailioServer) -> str:
    account_id = sip_engine.register(kamailio, "alice")
    sip_engine.wait_registered(account_id)
    return account_id


@pytest.fixture
def caller(kamailio: KamailioServer) -> Iterator[PeerEngine]:
    with peer_engine("2003", USERS["2003"], kamailio.domain) as peer:
        yield peer


def call_alice(caller: PeerEngine, kamailio: KamailioServer) -> str:
    """The caller dials alice; its new call's id (not an earlier call's)."""
    before = {e["call_id"] for e in caller.events if e["type"] == "Dialled"}
    caller.send(f"dial sip:alice@{kamailio.domain}")
    wait_until(
        lambda: any(e["type"] == "Dialled" and e["call_id"] not in before for e in caller.events),
        10,
        "the caller's new call",
    )
    return next(
        str(e["call_id"])
        for e in caller.events
        if e["type"] == "Dialled" and e["call_id"] not in before
    )


def reaches_the_target(caller: PeerEngine, call_id: str, far_phone: BaresipPhone) -> None:
    """The caller's own call, redirected, is answered by 2001."""
    established = far_phone.wait_event("CALL_ESTABLISHED", timeout=15)
    assert "2003" in str(established.get("peeruri", established))
    caller.wait_for("CallStateChanged", call_id=call_id, phase="confirmed", timeout=15)
    caller.send(f"hangup {call_id}")
    ended = caller.wait_for("CallEnded", call_id=call_id, timeout=15)
    assert ended["outcome"] == "answered"
    far_phone.wait_event("CALL_CLOSED")


def test_always_sends_the_caller_on_and_nothing_rings(
    sip_engine: EngineUnderTest,
    registered: str,
    kamailio: KamailioServer,
    far_phone: BaresipPhone,
    caller: PeerEngine,
) -> None:
    sip_engine.engine.set_forwarding(ForwardMode.ALWAYS, "2001").result(10)
    call_id = call_alice(caller, kamailio)
    incoming = sip_engine.events.wait_for(IncomingCall)
    assert incoming.handled == "forwarded"  # the window shows no pop for it
    ended = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert ended.outcome is CallOutcome.FORWARDED
    assert ended.code == 302
    assert ended.forwarded_to == f"sip:2001@{kamailio.domain}"
    reaches_the_target(caller, call_id, far_phone)


def test_under_do_not_disturb_forwarding_replaces_busy(
    sip_engine: EngineUnderTest,
    registered: str,
    kamailio: KamailioServer,
    far_phone: BaresipPhone,
    caller: PeerEngine,
) -> None:
    engine = sip_engine.engine
    engine.set_forwarding(ForwardMode.DO_NOT_DISTURB, "2001").result(10)
    engine.set_do_not_disturb(True).result(10)
    call_id = call_alice(caller, kamailio)
    incoming = sip_engine.events.wait_for(IncomingCall)
    assert incoming.handled == "forwarded"
    ended = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert ended.outcome is CallOutcome.FORWARDED
    reaches_the_target(caller, call_id, far_phone)

    # Do not disturb off: the same setting lets calls ring here again.
    engine.set_do_not_disturb(False).result(10)
    mark = sip_engine.events.mark()
    second = call_alice(caller, kamailio)
    ringing = sip_engine.events.wait_for(IncomingCall, after=mark)
    assert ringing.handled == ""
    caller.send(f"hangup {second}")
    assert sip_engine.events.wait_for(CallEnded, call_id=ringing.call_id).outcome is (
        CallOutcome.MISSED
    )


def test_an_unanswered_call_is_sent_on_after_its_time(
    sip_engine: EngineUnderTest,
    registered: str,
    kamailio: KamailioServer,
    far_phone: BaresipPhone,
    caller: PeerEngine,
) -> None:
    sip_engine.engine.set_forwarding(ForwardMode.NO_ANSWER, "2001", after_s=1.5).result(10)
    call_id = call_alice(caller, kamailio)
    incoming = sip_engine.events.wait_for(IncomingCall)
    rang_from = time.monotonic()
    assert incoming.handled == ""  # it rings here first
    ended = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert time.monotonic() - rang_from >= 1.2
    assert ended.outcome is CallOutcome.FORWARDED
    reaches_the_target(caller, call_id, far_phone)


def test_a_call_answered_in_time_is_not_sent_on(
    sip_engine: EngineUnderTest,
    registered: str,
    kamailio: KamailioServer,
    caller: PeerEngine,
) -> None:
    engine = sip_engine.engine
    engine.set_forwarding(ForwardMode.NO_ANSWER, "2001", after_s=1.0).result(10)
    call_id = call_alice(caller, kamailio)
    incoming = sip_engine.events.wait_for(IncomingCall)
    engine.answer(incoming.call_id).result(10)
    caller.wait_for("CallStateChanged", call_id=call_id, phase="confirmed")
    time.sleep(1.5)  # past the forwarding time: an answered call stays
    engine.hangup(incoming.call_id).result(10)
    ended = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert (ended.outcome, ended.forwarded_to) == (CallOutcome.ANSWERED, None)


@pytest.mark.parametrize("target", ["alice", "two thousand"])
def test_a_target_that_cant_work_lets_the_call_ring(
    sip_engine: EngineUnderTest,
    registered: str,
    kamailio: KamailioServer,
    caller: PeerEngine,
    target: str,
) -> None:
    """This account itself (a loop) or no URI at all: the call rings as usual."""
    sip_engine.engine.set_forwarding(ForwardMode.ALWAYS, target).result(10)
    call_id = call_alice(caller, kamailio)
    incoming = sip_engine.events.wait_for(IncomingCall)
    assert incoming.handled == ""
    caller.send(f"hangup {call_id}")
    ended = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert (ended.outcome, ended.forwarded_to) == (CallOutcome.MISSED, None)


def test_forwarding_without_a_target_is_refused(sip_engine: EngineUnderTest) -> None:
    with pytest.raises(Exception, match="no number to forward calls to"):
        sip_engine.engine.set_forwarding(ForwardMode.ALWAYS, "  ").result(10)
