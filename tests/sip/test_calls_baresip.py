"""Calls through Kamailio to and from a real baresip: audio by frequency, both ways."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sip.events import (
    CallEnded,
    CallMediaChanged,
    CallOutcome,
    CallPhase,
    CallStateChanged,
    DtmfMethod,
    DtmfReceived,
    IncomingCall,
    MediaStatus,
)
from tests.servers.baresip import BaresipPhone, baresip_phone
from tests.servers.common import wait_until
from tests.servers.kamailio import KamailioServer
from tests.sip.conftest import USERS, EngineUnderTest
from tests.sip.tones import dominant_frequency, read_wav, rms, samples_of


def heard(under_test: EngineUnderTest, frames: int = 25) -> list[int]:
    """The last ``frames`` (20 ms each) the engine received, once they carry sound."""

    def loud_enough() -> bool:
        chunks = under_test.audio.received.latest(frames)
        return len(chunks) == frames and rms(samples_of(b"".join(chunks))) > 500

    wait_until(loud_enough, timeout=10, what="sound from the far end")
    return samples_of(b"".join(under_test.audio.received.latest(frames)))


def let_frames_pass(under_test: EngineUnderTest, frames: int) -> None:
    """Wait until ``frames`` more 20 ms frames went through the bridge (call time, not sleep)."""
    target = under_test.audio.received.pushed + frames
    wait_until(lambda: under_test.audio.received.pushed >= target, 10, f"{frames} more frames")


def connected(under_test: EngineUnderTest, call_id: str) -> None:
    under_test.events.wait_for(CallStateChanged, call_id=call_id, phase=CallPhase.CONFIRMED)


@pytest.fixture
def registered(sip_engine: EngineUnderTest, kamailio: KamailioServer) -> str:
    account_id = sip_engine.register(kamailio, "alice", display_name="Alice Operator")
    sip_engine.wait_registered(account_id)
    return account_id


def test_outbound_call_carries_audio_both_ways(
    sip_engine: EngineUnderTest, registered: str, far_phone: BaresipPhone
) -> None:
    call_id = sip_engine.engine.dial(registered, "2001")  # a bare number: sip:2001@registrar
    connected(sip_engine, call_id)
    samples = heard(sip_engine)
    assert abs(dominant_frequency(samples, 16000) - 1000) <= 20
    # Let baresip hear our 440 Hz for a while before hanging up; its recorder
    # writes what it decoded ("dec") into a WAV we read after the call.
    let_frames_pass(sip_engine, 50)
    sip_engine.engine.hangup(call_id).result(10)
    ended = sip_engine.events.wait_for(CallEnded, call_id=call_id)
    assert ended.outcome is CallOutcome.ANSWERED
    assert ended.sip_call_id and ended.connected_seconds > 0
    far_phone.wait_event("CALL_CLOSED")
    [received_by_far] = far_phone.recordings("dec")
    far_samples, rate = read_wav(received_by_far)
    tail = far_samples[-rate // 2 :]  # the last half second
    assert rms(tail) > 500
    assert abs(dominant_frequency(tail, rate) - 440) <= 20


def test_inbound_call_has_number_and_name_and_is_answered(
    sip_engine: EngineUnderTest,
    registered: str,
    far_phone: BaresipPhone,
    kamailio: KamailioServer,
) -> None:
    far_phone.command("dial", f"sip:alice@{kamailio.domain}")
    incoming = sip_engine.events.wait_for(IncomingCall)
    assert incoming.account_id == registered
    assert incoming.number == "2001"
    assert incoming.display_name == "Far Phone"
    assert incoming.sip_call_id
    sip_engine.engine.answer(incoming.call_id).result(10)
    connected(sip_engine, incoming.call_id)
    assert abs(dominant_frequency(heard(sip_engine), 16000) - 1000) <= 20
    far_phone.command("hangup")
    ended = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert ended.outcome is CallOutcome.ANSWERED
    assert ended.sip_call_id == incoming.sip_call_id


@pytest.mark.parametrize(("code", "far_sees"), [(486, "486"), (603, "603")])
def test_inbound_call_rejected_busy_or_declined(
    sip_engine: EngineUnderTest,
    registered: str,
    far_phone: BaresipPhone,
    kamailio: KamailioServer,
    code: int,
    far_sees: str,
) -> None:
    far_phone.command("dial", f"sip:alice@{kamailio.domain}")
    incoming = sip_engine.events.wait_for(IncomingCall)
    sip_engine.engine.reject(incoming.call_id, code).result(10)
    ended = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert ended.outcome is CallOutcome.REJECTED
    closed = far_phone.wait_event("CALL_CLOSED")
    assert far_sees in str(closed.get("param"))


def test_inbound_call_the_caller_gives_up_on_is_missed(
    sip_engine: EngineUnderTest,
    registered: str,
    far_phone: BaresipPhone,
    kamailio: KamailioServer,
) -> None:
    far_phone.command("dial", f"sip:alice@{kamailio.domain}")
    incoming = sip_engine.events.wait_for(IncomingCall)
    sip_engine.events.wait_for(CallStateChanged, call_id=incoming.call_id, phase=CallPhase.EARLY)
    far_phone.command("hangup")
    ended = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert ended.outcome is CallOutcome.MISSED
    assert ended.connected_seconds == 0
    # Answering a call that is gone is an error event, not a crash.
    with pytest.raises(Exception, match="no active call"):
        sip_engine.engine.answer(incoming.call_id).result(10)


def test_do_not_disturb_answers_another_phone_busy_and_the_call_is_missed(
    sip_engine: EngineUnderTest,
    registered: str,
    far_phone: BaresipPhone,
    kamailio: KamailioServer,
) -> None:
    sip_engine.engine.set_do_not_disturb(True).result(10)
    far_phone.command("dial", f"sip:alice@{kamailio.domain}")
    incoming = sip_engine.events.wait_for(IncomingCall)
    assert incoming.handled == "do_not_disturb"
    closed = far_phone.wait_event("CALL_CLOSED")
    assert "486" in str(closed.get("param"))
    ended = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert (ended.outcome, ended.number) == (CallOutcome.MISSED, "2001")


def test_an_auto_answer_account_answers_another_phone_at_once(
    sip_engine: EngineUnderTest, kamailio: KamailioServer, far_phone: BaresipPhone
) -> None:
    headset = sip_engine.register(kamailio, "alice", auto_answer=True)
    sip_engine.wait_registered(headset)
    far_phone.command("dial", f"sip:alice@{kamailio.domain}")
    incoming = sip_engine.events.wait_for(IncomingCall)
    assert incoming.handled == "auto_answer"
    connected(sip_engine, incoming.call_id)  # nobody pressed Answer
    far_phone.wait_event("CALL_ESTABLISHED")
    assert abs(dominant_frequency(heard(sip_engine), 16000) - 1000) <= 20
    far_phone.command("hangup")
    ended = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert ended.outcome is CallOutcome.ANSWERED


def test_hold_and_unhold_both_directions(
    sip_engine: EngineUnderTest, registered: str, far_phone: BaresipPhone
) -> None:
    call_id = sip_engine.engine.dial(registered, "2001")
    connected(sip_engine, call_id)

    events = sip_engine.events
    steps: list[tuple[Callable[[], object], MediaStatus]] = [
        (lambda: sip_engine.engine.hold(call_id).result(10), MediaStatus.LOCAL_HOLD),
        (lambda: sip_engine.engine.unhold(call_id).result(10), MediaStatus.ACTIVE),
        # The far end holds us: its SDP says sendonly, we see remote hold.
        (lambda: far_phone.key("x"), MediaStatus.REMOTE_HOLD),
        (lambda: far_phone.key("X"), MediaStatus.ACTIVE),
    ]
    for action, expected in steps:
        mark = events.mark()
        action()
        events.wait_for(CallMediaChanged, call_id=call_id, status=expected, after=mark)
    sip_engine.engine.hangup(call_id).result(10)
    sip_engine.events.wait_for(CallEnded, call_id=call_id)


def test_dtmf_both_ways(
    sip_engine: EngineUnderTest, registered: str, far_phone: BaresipPhone
) -> None:
    call_id = sip_engine.engine.dial(registered, "2001")
    connected(sip_engine, call_id)
    heard(sip_engine)  # media flows
    sip_engine.engine.send_dtmf(call_id, "159#").result(10)
    wait_until(
        lambda: (
            [e.get("param") for e in far_phone.events() if e.get("type") == "CALL_DTMF_START"]
            == ["1", "5", "9", "#"]
        ),
        timeout=10,
        what="baresip receiving 159#",
    )
    far_phone.command("sndcode", "7")
    digit = sip_engine.events.wait_for(DtmfReceived, call_id=call_id)
    assert digit.digit == "7"
    sip_engine.engine.hangup(call_id).result(10)
    sip_engine.events.wait_for(CallEnded, call_id=call_id)


def test_dtmf_by_sip_info_reaches_a_phone_that_is_not_ours(
    sip_engine: EngineUnderTest, registered: str, far_phone: BaresipPhone
) -> None:
    """A card number's worth of digits, typed fast: each arrives, in order. pjsua
    alone sends every digit's INFO at once; through Kamailio's several workers
    two could pass each other, and the far end must refuse the later CSeq's
    elder (RFC 3261 12.2.2: 500), so a digit was lost now and then (seen in CI
    with "42"). The engine sends the next INFO once the last is answered."""
    call_id = sip_engine.engine.dial(registered, "2001")
    connected(sip_engine, call_id)
    digits = "4111111111111111#"
    sip_engine.engine.send_dtmf(call_id, digits[:2], DtmfMethod.SIP_INFO).result(10)
    sip_engine.engine.send_dtmf(call_id, digits[2:], DtmfMethod.SIP_INFO).result(10)

    def received() -> list[str]:
        return [e.get("param") for e in far_phone.events() if e.get("type") == "CALL_DTMF_START"]

    wait_until(
        lambda: len(received()) >= len(digits), timeout=20, what="baresip receiving the digits"
    )
    assert "".join(received()) == digits
    sip_engine.engine.hangup(call_id).result(10)
    sip_engine.events.wait_for(CallEnded, call_id=call_id)


def test_a_bare_sip_user_name_is_dialled_at_the_accounts_domain(
    sip_engine: EngineUnderTest, registered: str, kamailio: KamailioServer
) -> None:
    """Typing "bob" dials sip:bob@<the account's domain>, as a number is."""
    with baresip_phone(
        "bob", 1000.0, registrar=kamailio.domain, password=USERS["bob"], display_name="Bob Desk"
    ) as bob:
        call_id = sip_engine.engine.dial(registered, "bob")
        connected(sip_engine, call_id)
        sip_engine.engine.hangup(call_id).result(10)
        ended = sip_engine.events.wait_for(CallEnded, call_id=call_id)
        assert ended.outcome is CallOutcome.ANSWERED
        bob.wait_event("CALL_CLOSED")


def test_a_caller_offering_a_costly_codec_first_gets_one_of_ours(
    sip_engine: EngineUnderTest, registered: str, kamailio: KamailioServer
) -> None:
    """baresip offers GSM first, then G.722 and G.711: GSM is not one of the
    engine's codecs (sip/config.py), so the call runs on G.722."""
    with baresip_phone(
        "2002",
        1000.0,
        registrar=kamailio.domain,
        password=USERS["2002"],
        codecs=("gsm", "g722", "g711"),
        tone_rate=16000,
    ) as caller:
        caller.command("dial", f"sip:alice@{kamailio.domain}")
        incoming = sip_engine.events.wait_for(IncomingCall)
        sip_engine.engine.answer(incoming.call_id).result(10)
        connected(sip_engine, incoming.call_id)
        assert abs(dominant_frequency(heard(sip_engine), 16000) - 1000) <= 20
        sip_engine.engine.hangup(incoming.call_id).result(10)
        ended = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert ended.quality is not None
    assert ended.quality.codec.upper().startswith("G722"), ended.quality.codec


def test_codecs_changed_while_running_apply_to_the_next_call(
    sip_engine: EngineUnderTest, registered: str, far_phone: BaresipPhone, kamailio: KamailioServer
) -> None:
    """baresip's G.711 offers PCMU before PCMA: with only PCMA on, the call is PCMA."""
    sip_engine.engine.set_codecs(("PCMA/8000/1",)).result(10)
    far_phone.command("dial", f"sip:alice@{kamailio.domain}")
    incoming = sip_engine.events.wait_for(IncomingCall)
    sip_engine.engine.answer(incoming.call_id).result(10)
    connected(sip_engine, incoming.call_id)
    assert abs(dominant_frequency(heard(sip_engine), 16000) - 1000) <= 20
    sip_engine.engine.hangup(incoming.call_id).result(10)
    ended = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert ended.quality is not None and ended.quality.codec.upper().startswith("PCMA")
