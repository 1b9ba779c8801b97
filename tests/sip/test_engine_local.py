"""The engine without a server: one engine with a local account calls itself.

pjsua is one library per process, so "two phones" here are the two legs of one
call through the loopback network: fast (a few ms per call) and enough for the
engine's own rules. Audio checks need a separate far end (baresip).
"""

from __future__ import annotations

import time

import pytest

import sip.media as media_module
from sip.events import (
    CallEnded,
    CallMediaChanged,
    CallOutcome,
    CallPhase,
    CallStateChanged,
    CommandFailed,
    DtmfMethod,
    DtmfReceived,
    EngineEvent,
    IncomingCall,
    MediaStatus,
)
from tests.servers.baresip import baresip_phone
from tests.servers.common import wait_until
from tests.sip.conftest import EngineUnderTest
from tests.sip.tones import dominant_frequency, read_wav, rms


@pytest.fixture
def local(sip_engine: EngineUnderTest) -> str:
    return sip_engine.local_account("local", "operator")


def self_uri(under_test: EngineUnderTest, user: str = "me") -> str:
    return f"sip:{user}@127.0.0.1:{under_test.ports['udp']}"


def call_self(under_test: EngineUnderTest, account: str) -> tuple[str, IncomingCall]:
    mark = under_test.events.mark()
    outbound = under_test.engine.dial(account, self_uri(under_test))
    incoming = under_test.events.wait_for(IncomingCall, after=mark)
    return outbound, incoming


def talk_to_self(under_test: EngineUnderTest, account: str) -> tuple[str, str]:
    outbound, incoming = call_self(under_test, account)
    under_test.engine.answer(incoming.call_id).result(10)
    for call_id in (outbound, incoming.call_id):
        under_test.events.wait_for(CallStateChanged, call_id=call_id, phase=CallPhase.CONFIRMED)
    return outbound, incoming.call_id


@pytest.mark.parametrize(
    "target", ["sip:bad uri", "12ab", "", "sip:bob@host:99999", "sip:bob@host;;"]
)
def test_malformed_dial_is_an_error_event_and_the_engine_keeps_going(
    sip_engine: EngineUnderTest, local: str, target: str
) -> None:
    call_id = sip_engine.engine.dial(local, target)
    failure = sip_engine.events.wait_for(CommandFailed, call_id=call_id)
    assert failure.command == "Dial"
    assert failure.account_id == local
    # Still serving: a good call goes through.
    outbound, inbound = talk_to_self(sip_engine, local)
    sip_engine.engine.hangup(outbound).result(10)
    sip_engine.events.wait_for(CallEnded, call_id=inbound)


def test_a_uri_only_pjsip_refuses_is_named_in_the_error(
    sip_engine: EngineUnderTest, local: str
) -> None:
    # Our syntax check lets empty URI parameters through; pjsip's makeCall does not.
    call_id = sip_engine.engine.dial(local, "sip:bob@host;;")
    failure = sip_engine.events.wait_for(CommandFailed, call_id=call_id)
    assert failure.error == "pjsip does not accept the URI 'sip:bob@host;;'"


def test_commands_on_unknown_things_fail_clearly(sip_engine: EngineUnderTest, local: str) -> None:
    call_id = sip_engine.engine.dial("no-such-account", "1001")
    assert "no account" in sip_engine.events.wait_for(CommandFailed, call_id=call_id).error
    for future in (
        sip_engine.engine.answer("0" * 32),
        sip_engine.engine.hangup("0" * 32),
        sip_engine.engine.send_dtmf("0" * 32, "1"),
    ):
        with pytest.raises(Exception, match="no active call"):
            future.result(10)


def test_a_failing_listener_does_not_stop_the_engine(
    sip_engine: EngineUnderTest, local: str
) -> None:
    def broken(event: EngineEvent) -> None:
        raise RuntimeError("listener bug")

    sip_engine.engine.add_listener(broken)
    outbound, inbound = talk_to_self(sip_engine, local)
    sip_engine.engine.hangup(inbound).result(10)
    ended = sip_engine.events.wait_for(CallEnded, call_id=outbound)
    assert ended.outcome is CallOutcome.ANSWERED


def test_call_ids_are_ours_and_both_legs_share_the_sip_call_id(
    sip_engine: EngineUnderTest, local: str
) -> None:
    outbound, inbound = talk_to_self(sip_engine, local)
    assert outbound != inbound and len(outbound) == 32
    sip_engine.engine.hangup(outbound).result(10)
    out_end = sip_engine.events.wait_for(CallEnded, call_id=outbound)
    in_end = sip_engine.events.wait_for(CallEnded, call_id=inbound)
    assert out_end.sip_call_id == in_end.sip_call_id != ""
    assert (out_end.direction.value, in_end.direction.value) == ("outbound", "inbound")
    assert in_end.number == "operator"  # the caller's user part
    assert out_end.connected_seconds <= out_end.total_seconds


@pytest.mark.parametrize(
    ("code", "caller_sees"), [(486, CallOutcome.BUSY), (603, CallOutcome.REJECTED)]
)
def test_rejected_outbound_call_outcome(
    sip_engine: EngineUnderTest, local: str, code: int, caller_sees: CallOutcome
) -> None:
    outbound, incoming = call_self(sip_engine, local)
    sip_engine.engine.reject(incoming.call_id, code).result(10)
    caller_end = sip_engine.events.wait_for(CallEnded, call_id=outbound)
    assert caller_end.code == code
    assert caller_end.outcome is caller_sees
    assert sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id).outcome is (
        CallOutcome.REJECTED
    )


def test_caller_cancels_before_answer(sip_engine: EngineUnderTest, local: str) -> None:
    outbound, incoming = call_self(sip_engine, local)
    sip_engine.events.wait_for(CallStateChanged, call_id=outbound, phase=CallPhase.EARLY)
    sip_engine.engine.hangup(outbound).result(10)
    assert sip_engine.events.wait_for(CallEnded, call_id=outbound).outcome is (
        CallOutcome.NO_ANSWER
    )
    assert sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id).outcome is (
        CallOutcome.MISSED
    )


def test_dtmf_by_sip_info_and_rfc2833(sip_engine: EngineUnderTest, local: str) -> None:
    outbound, inbound = talk_to_self(sip_engine, local)
    sip_engine.engine.send_dtmf(outbound, "42", DtmfMethod.SIP_INFO).result(10)
    wait_until(
        lambda: (
            [d.digit for d in sip_engine.events.of(DtmfReceived, call_id=inbound)] == ["4", "2"]
        ),
        10,
        "two SIP INFO digits",
    )
    assert {d.method for d in sip_engine.events.of(DtmfReceived)} == {DtmfMethod.SIP_INFO}
    mark = sip_engine.events.mark()
    sip_engine.engine.send_dtmf(inbound, "*", DtmfMethod.RFC2833).result(10)
    got = sip_engine.events.wait_for(DtmfReceived, call_id=outbound, after=mark)
    assert (got.digit, got.method) == ("*", DtmfMethod.RFC2833)


def test_digits_go_the_way_the_calls_account_is_set_to(sip_engine: EngineUnderTest) -> None:
    # The window sends digits without a method: an account set to SIP INFO (a
    # PBX whose voice menu takes only that) sends SIP INFO, the others RFC 2833.
    info = sip_engine.local_account("info", "operator", dtmf_method=DtmfMethod.SIP_INFO)
    outbound, inbound = talk_to_self(sip_engine, info)
    sip_engine.engine.send_dtmf(outbound, "7").result(10)
    got = sip_engine.events.wait_for(DtmfReceived, call_id=inbound)
    assert (got.digit, got.method) == ("7", DtmfMethod.SIP_INFO)
    mark = sip_engine.events.mark()
    sip_engine.engine.send_dtmf(inbound, "3").result(10)  # the incoming leg: same account
    got = sip_engine.events.wait_for(DtmfReceived, call_id=outbound, after=mark)
    assert (got.digit, got.method) == ("3", DtmfMethod.SIP_INFO)
    sip_engine.engine.hangup(outbound).result(10)

    plain = sip_engine.local_account("plain", "operator2")
    outbound, inbound = talk_to_self(sip_engine, plain)
    mark = sip_engine.events.mark()
    sip_engine.engine.send_dtmf(outbound, "9").result(10)
    got = sip_engine.events.wait_for(DtmfReceived, call_id=inbound, after=mark)
    assert (got.digit, got.method) == ("9", DtmfMethod.RFC2833)


def test_do_not_disturb_answers_busy_and_the_call_counts_as_missed(
    sip_engine: EngineUnderTest, local: str
) -> None:
    sip_engine.engine.set_do_not_disturb(True).result(10)
    try:
        mark = sip_engine.events.mark()
        outbound = sip_engine.engine.dial(local, self_uri(sip_engine))
        incoming = sip_engine.events.wait_for(IncomingCall, after=mark)
        assert incoming.handled == "do_not_disturb"
        caller_end = sip_engine.events.wait_for(CallEnded, call_id=outbound)
        assert (caller_end.code, caller_end.outcome) == (486, CallOutcome.BUSY)
        ours = sip_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
        assert ours.outcome is CallOutcome.MISSED  # so the call log makes it a callback
    finally:
        sip_engine.engine.set_do_not_disturb(False).result(10)
    outbound, incoming = call_self(sip_engine, local)
    assert incoming.handled == ""  # it rings again
    sip_engine.engine.hangup(outbound).result(10)


def test_hold_is_seen_by_the_other_leg(sip_engine: EngineUnderTest, local: str) -> None:
    outbound, inbound = talk_to_self(sip_engine, local)
    mark = sip_engine.events.mark()
    sip_engine.engine.hold(outbound).result(10)
    sip_engine.events.wait_for(
        CallMediaChanged, call_id=inbound, status=MediaStatus.REMOTE_HOLD, after=mark
    )
    sip_engine.events.wait_for(
        CallMediaChanged, call_id=outbound, status=MediaStatus.LOCAL_HOLD, after=mark
    )
    mark = sip_engine.events.mark()
    sip_engine.engine.unhold(outbound).result(10)
    for call_id in (outbound, inbound):
        sip_engine.events.wait_for(
            CallMediaChanged, call_id=call_id, status=MediaStatus.ACTIVE, after=mark
        )


def test_mute_silences_what_the_far_end_hears(sip_engine: EngineUnderTest, local: str) -> None:
    with baresip_phone("2010", 1000.0) as far:
        call_id = sip_engine.engine.dial(local, far.direct_uri)
        sip_engine.events.wait_for(CallStateChanged, call_id=call_id, phase=CallPhase.CONFIRMED)
        received = sip_engine.audio.received

        def frames_pass(count: int) -> None:
            target = received.pushed + count
            wait_until(lambda: received.pushed >= target, 10, f"{count} frames")

        frames_pass(50)  # a second of our 440 Hz
        sip_engine.engine.set_mute(call_id, True).result(10)
        muted = sip_engine.events.wait_for(CallMediaChanged, call_id=call_id, muted=True)
        assert muted.status is MediaStatus.ACTIVE
        frames_pass(75)  # a second and a half muted
        sip_engine.engine.hangup(call_id).result(10)
        sip_engine.events.wait_for(CallEnded, call_id=call_id)
        far.wait_event("CALL_CLOSED")
        [heard_by_far] = far.recordings("dec")
        samples, rate = read_wav(heard_by_far)
    tail = samples[-rate // 2 :]  # the last half second: muted
    assert rms(tail) < 50
    middle = samples[rate // 4 : rate // 4 + rate // 2]  # early on: our tone
    assert rms(middle) > 500 and abs(dominant_frequency(middle, rate) - 440) <= 20


def test_two_engines_talk_g722_first(sip_engine: EngineUnderTest, local: str) -> None:
    # EngineConfig.codecs leads with G.722: wideband at the bridge's 16 kHz and far
    # cheaper to encode than the Speex pjsua would offer first.
    outbound, inbound = talk_to_self(sip_engine, local)
    sip_engine.engine.hangup(outbound).result(10)
    out_end = sip_engine.events.wait_for(CallEnded, call_id=outbound)
    sip_engine.events.wait_for(CallEnded, call_id=inbound)
    assert out_end.quality is not None
    assert out_end.quality.codec == "G722"


def test_the_media_clock_runs_only_while_calls_need_it(
    sip_engine: EngineUnderTest, local: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Idle, the clock would run the bridge port's Python callback 50 times a second.
    monkeypatch.setattr(media_module, "CLOCK_IDLE_S", 0.3)
    engine = sip_engine.engine
    assert engine.bridge is not None
    wait_until(lambda: not engine.media_clock_on, 5, "the idle media clock to stop")
    heard = engine.bridge.received.samples_ns
    before = len(heard)
    time.sleep(0.3)
    assert len(heard) == before  # no ticks: no callbacks

    # A call started while it was off gets it back, and its audio flows.
    outbound, inbound = talk_to_self(sip_engine, local)
    assert engine.media_clock_on
    wait_until(lambda: len(heard) >= before + 25, 5, "audio frames through the bridge port")

    engine.hangup(outbound).result(10)
    sip_engine.events.wait_for(CallEnded, call_id=inbound)
    sip_engine.events.wait_for(CallEnded, call_id=outbound)
    wait_until(lambda: not engine.media_clock_on, 5, "the media clock to stop after the call")
