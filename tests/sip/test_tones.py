"""Ring tone, call-waiting beep and ring-back: which one plays (pure rules), and
what the bridge port really hears from the tone generator (baresip as far end)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from sip.call import CallRecord
from sip.events import (
    CallDirection,
    CallPhase,
    CallStateChanged,
    IncomingCall,
    MediaStatus,
    ToneChanged,
)
from sip.ringer import Tone, tone_for
from tests.servers.baresip import BaresipPhone, baresip_phone
from tests.servers.common import wait_until
from tests.sip.conftest import EngineUnderTest
from tests.sip.tones import goertzel_power, rms, samples_of

RATE = 16000
RING_HZ = (880, 660)
RINGBACK_HZ = 425


def record(
    direction: CallDirection,
    phase: CallPhase,
    code: int = 0,
    media: MediaStatus = MediaStatus.NONE,
    ended: bool = False,
) -> CallRecord:
    rec = CallRecord("c", "acc", direction, phase, last_code=code, media_status=media)
    rec.ended_at = 1.0 if ended else None
    return rec


IN, OUT = CallDirection.INBOUND, CallDirection.OUTBOUND


def test_an_inbound_call_rings_and_a_second_one_keeps_it_ringing() -> None:
    ringing = record(IN, CallPhase.EARLY, 180)
    assert tone_for([ringing]) is Tone.RING
    assert tone_for([ringing, record(IN, CallPhase.INCOMING)]) is Tone.RING
    # One of two answered: the other still rings, but over a conversation.
    talking = record(IN, CallPhase.CONFIRMED, 200, MediaStatus.ACTIVE)
    assert tone_for([talking, ringing]) is Tone.CALL_WAITING
    # The conversation on hold: ring out loud again.
    held = record(IN, CallPhase.CONFIRMED, 200, MediaStatus.LOCAL_HOLD)
    assert tone_for([held, ringing]) is Tone.RING
    assert tone_for([talking]) is None
    assert tone_for([record(IN, CallPhase.EARLY, 180, ended=True)]) is None


def test_ring_tone_off_silences_inbound_but_not_ringback() -> None:
    assert tone_for([record(IN, CallPhase.EARLY, 180)], ring_enabled=False) is None
    assert tone_for([record(OUT, CallPhase.EARLY, 180)], ring_enabled=False) is Tone.RINGBACK


def test_ringback_only_for_180_without_early_media() -> None:
    assert tone_for([record(OUT, CallPhase.CALLING)]) is None  # 100 Trying: nothing yet
    assert tone_for([record(OUT, CallPhase.EARLY, 180)]) is Tone.RINGBACK
    # 183 with SDP (or 180 with SDP): the far end's own audio plays instead.
    assert tone_for([record(OUT, CallPhase.EARLY, 183, MediaStatus.ACTIVE)]) is None
    assert tone_for([record(OUT, CallPhase.EARLY, 180, MediaStatus.ACTIVE)]) is None
    assert tone_for([record(OUT, CallPhase.CONFIRMED, 200, MediaStatus.ACTIVE)]) is None


# ----- the real tone generator on the bridge ---------------------------------------


def power_share(samples: list[int], frequencies: tuple[int, ...]) -> float:
    """How much of the signal's energy sits at ``frequencies`` (0..1, roughly)."""
    energy = sum(x * x for x in samples) * len(samples) / 2
    if energy == 0:
        return 0.0
    return sum(goertzel_power(samples, RATE, f) for f in frequencies) / energy


def next_frames(under_test: EngineUnderTest, frames: int) -> list[int]:
    """The next ``frames`` 20 ms frames the bridge port hears (waits in call time)."""
    received = under_test.audio.received
    target = received.pushed + frames
    wait_until(lambda: received.pushed >= target, 10, f"{frames} more frames")
    return samples_of(b"".join(received.latest(frames)))


def silence_broken(under_test: EngineUnderTest, seconds: float = 0.3) -> bool:
    """Whether anything audible reaches the bridge port within ``seconds``.

    With nothing connected to it the bridge delivers no frames at all, so absence
    can only be watched for a while (a tick or two may still be in flight)."""
    received = under_test.audio.received
    time.sleep(0.05)
    start = received.pushed
    time.sleep(seconds)
    fresh = received.pushed - start
    if fresh == 0:
        return False
    return rms(samples_of(b"".join(received.latest(min(fresh, 50))))) > 50


@pytest.fixture
def manual_phone() -> Iterator[BaresipPhone]:
    """baresip reachable directly, ringing (180) until told to answer, playing 1 kHz."""
    with baresip_phone("far", 1000.0, answer="manual") as phone:
        yield phone


def test_ringback_while_the_far_end_rings_then_its_voice(
    sip_engine: EngineUnderTest, manual_phone: BaresipPhone
) -> None:
    account = sip_engine.local_account("local", "op")
    call_id = sip_engine.engine.dial(account, manual_phone.direct_uri)
    sip_engine.events.wait_for(CallStateChanged, call_id=call_id, phase=CallPhase.EARLY, code=180)
    samples = next_frames(sip_engine, 20)  # 0.4 s: inside the first 1 s burst
    assert rms(samples) > 500
    assert power_share(samples, (RINGBACK_HZ,)) > 0.8

    manual_phone.command("accept")
    sip_engine.events.wait_for(CallStateChanged, call_id=call_id, phase=CallPhase.CONFIRMED)
    next_frames(sip_engine, 5)  # frames queued before the answer
    samples = next_frames(sip_engine, 25)
    assert power_share(samples, (1000,)) > 0.8
    assert power_share(samples, (RINGBACK_HZ,)) < 0.01


def test_ring_tone_while_an_inbound_call_rings_silent_after_answer(
    sip_engine: EngineUnderTest,
) -> None:
    account = sip_engine.local_account("local", "op")
    with baresip_phone("caller", 1000.0) as caller:
        caller.command("dial", f"sip:op@127.0.0.1:{sip_engine.ports['udp']}")
        incoming = sip_engine.events.wait_for(IncomingCall, account_id=account)
        samples = next_frames(sip_engine, 20)  # the first 0.4 s: the two notes
        assert rms(samples) > 500
        assert power_share(samples, RING_HZ) > 0.5  # two notes and a gap in the window

        # Ring tone switched off in the settings: silent at once, still ringing.
        mark = sip_engine.events.mark()
        sip_engine.engine.set_ring_tone(False).result(10)
        sip_engine.events.wait_for(ToneChanged, tone="", after=mark)
        assert not silence_broken(sip_engine)
        mark = sip_engine.events.mark()
        sip_engine.engine.set_ring_tone(True).result(10)
        sip_engine.events.wait_for(ToneChanged, tone="ring", after=mark)
        next_frames(sip_engine, 3)
        assert power_share(next_frames(sip_engine, 15), RING_HZ) > 0.5

        sip_engine.engine.answer(incoming.call_id).result(10)
        sip_engine.events.wait_for(
            CallStateChanged, call_id=incoming.call_id, phase=CallPhase.CONFIRMED
        )
        next_frames(sip_engine, 5)
        samples = next_frames(sip_engine, 25)
        assert power_share(samples, (1000,)) > 0.8
        assert power_share(samples, RING_HZ) < 0.01
