"""Calls an account records by itself, and the consent beep (issue 21, item 3),
through the real engine against Kamailio and baresip: which calls are recorded,
the file, the event the window marks the Record button by, and the 1400 Hz beep
heard by the far end (baresip's own recording of what it received), by the
operator (the bridge port) and kept in the file, at the start and on resume."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sip.config import EngineConfig
from sip.events import (
    AutoRecord,
    CallEnded,
    CallPhase,
    CallStateChanged,
    CommandFailed,
    IncomingCall,
    RecordingStarted,
)
from tests.servers.baresip import BaresipPhone
from tests.servers.common import wait_until
from tests.servers.kamailio import KamailioServer
from tests.sip.conftest import EngineUnderTest
from tests.sip.tones import goertzel_power, read_wav, samples_of

BEEP_HZ = 1400


@pytest.fixture
def recordings(tmp_path: Path) -> Path:
    return tmp_path / "recordings"  # made by the engine when it first records


@pytest.fixture
def recording_engine(recordings: Path) -> Iterator[EngineUnderTest]:
    under_test = EngineUnderTest(
        EngineConfig(bind_address="127.0.0.1", recordings_dir=str(recordings))
    )
    try:
        yield under_test
    finally:
        under_test.engine.stop()


def register(under_test: EngineUnderTest, kamailio: KamailioServer, **options: object) -> str:
    account_id = under_test.register(kamailio, "alice", **options)
    under_test.wait_registered(account_id)
    return account_id


def talk(under_test: EngineUnderTest, call_id: str, frames: int) -> None:
    """``frames`` 20 ms frames of call time once the call is answered."""
    under_test.events.wait_for(CallStateChanged, call_id=call_id, phase=CallPhase.CONFIRMED)
    received = under_test.audio.received
    target = received.pushed + frames
    wait_until(lambda: received.pushed >= target, 10, f"{frames} frames of call")


def has_tone(samples: list[int], rate: int, frequency: float) -> bool:
    """Some 100 ms window of ``samples`` carries ``frequency`` with at least a
    tenth of the power a pure tone of the window's energy would show."""
    size = rate // 10
    for start in range(0, max(1, len(samples) - size), size // 2):
        window = samples[start : start + size]
        energy = sum(x * x for x in window)
        if energy and goertzel_power(window, rate, frequency) > 0.1 * energy * len(window) / 2:
            return True
    return False


def test_incoming_calls_are_recorded_by_themselves_and_outgoing_ones_not(
    recording_engine: EngineUnderTest,
    kamailio: KamailioServer,
    far_phone: BaresipPhone,
    recordings: Path,
) -> None:
    engine = recording_engine.engine
    account = register(recording_engine, kamailio, auto_record=AutoRecord.INBOUND)
    far_phone.command("dial", f"sip:alice@{kamailio.domain}")
    incoming = recording_engine.events.wait_for(IncomingCall)
    engine.answer(incoming.call_id).result(10)
    started = recording_engine.events.wait_for(RecordingStarted, call_id=incoming.call_id)
    assert started.automatic
    assert Path(started.path).parent == recordings
    talk(recording_engine, incoming.call_id, 50)
    far_phone.command("hangup")
    ended = recording_engine.events.wait_for(CallEnded, call_id=incoming.call_id)
    assert ended.recording == started.path
    samples, rate = read_wav(Path(started.path))
    assert len(samples) >= rate * 0.8  # the second of call, from the answer on
    # No beep asked for: none in the file.
    assert not has_tone(samples, rate, BEEP_HZ)

    far_phone.wait_event("CALL_CLOSED")
    outgoing = engine.dial(account, "2001")
    talk(recording_engine, outgoing, 25)
    engine.hangup(outgoing).result(10)
    assert recording_engine.events.wait_for(CallEnded, call_id=outgoing).recording is None
    assert not recording_engine.events.of(RecordingStarted, call_id=outgoing)
    assert [p.name for p in recordings.iterdir()] == [Path(started.path).name]


def test_the_consent_beep_is_heard_by_both_sides_and_kept_in_the_file(
    recording_engine: EngineUnderTest, kamailio: KamailioServer, far_phone: BaresipPhone
) -> None:
    engine = recording_engine.engine
    account = register(
        recording_engine, kamailio, auto_record=AutoRecord.ALL, recording_beep=True
    )
    call_id = engine.dial(account, "2001")
    started = recording_engine.events.wait_for(RecordingStarted, call_id=call_id)
    assert started.automatic
    talk(recording_engine, call_id, 40)
    # The operator heard it: the bridge port's last 0.8 s hold the start of the call.
    heard = samples_of(b"".join(recording_engine.audio.received.latest(40)))
    assert has_tone(heard, 16000, BEEP_HZ)
    # Pause and resume: said again on resume.
    engine.pause_recording(call_id, True).result(10)
    talk(recording_engine, call_id, 50)
    engine.pause_recording(call_id, False).result(10)
    talk(recording_engine, call_id, 50)
    engine.hangup(call_id).result(10)
    ended = recording_engine.events.wait_for(CallEnded, call_id=call_id)
    assert ended.recording == started.path

    samples, rate = read_wav(Path(started.path))
    first, last = samples[: rate], samples[-rate:]
    assert has_tone(first, rate, BEEP_HZ)  # at the start
    assert has_tone(last, rate, BEEP_HZ)  # and after the resume

    far_phone.wait_event("CALL_CLOSED")
    [received_by_far] = far_phone.recordings("dec")
    far_samples, far_rate = read_wav(received_by_far)
    assert has_tone(far_samples[: 2 * far_rate], far_rate, BEEP_HZ)  # the customer heard it


def test_a_recording_that_cant_be_opened_leaves_the_call_up_and_says_why(
    tmp_path: Path, kamailio: KamailioServer, far_phone: BaresipPhone
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the recordings folder should be")
    under_test = EngineUnderTest(
        EngineConfig(bind_address="127.0.0.1", recordings_dir=str(blocked))
    )
    try:
        account = register(under_test, kamailio, auto_record=AutoRecord.ALL)
        call_id = under_test.engine.dial(account, "2001")
        talk(under_test, call_id, 25)
        failed = under_test.events.wait_for(CommandFailed, call_id=call_id)
        assert failed.command == "StartRecording"
        under_test.engine.hangup(call_id).result(10)
        ended = under_test.events.wait_for(CallEnded, call_id=call_id)
        assert ended.recording is None and ended.connected_seconds > 0
    finally:
        under_test.engine.stop()
