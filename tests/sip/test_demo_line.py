"""The built-in demo line: a newcomer's first call, with no PBX."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sip.demo_line import DemoLine
from sip.events import CallEnded, CallOutcome, CallPhase, CallStateChanged
from tests.servers.common import wait_until
from tests.sip.conftest import EngineUnderTest
from tests.sip.tones import dominant_frequency, goertzel_power, rms, samples_of


@pytest.fixture
def demo_line() -> Iterator[DemoLine]:
    line = DemoLine.start(max_call_s=30)
    yield line
    line.stop()
    assert line.process.returncode == 0  # a clean libDestroy, no SIGABRT


def last_frames(under_test: EngineUnderTest, frames: int = 25) -> list[int]:
    return samples_of(b"".join(list(under_test.audio.received._chunks)[-frames:]))


def test_demo_line_answers_beeps_and_echoes_the_caller(
    sip_engine: EngineUnderTest, demo_line: DemoLine
) -> None:
    account = sip_engine.local_account("demo", "newcomer")
    call_id = sip_engine.engine.dial(account, demo_line.uri)
    sip_engine.events.wait_for(CallStateChanged, call_id=call_id, phase=CallPhase.CONFIRMED)

    def hears(frequency: float) -> bool:
        samples = last_frames(sip_engine, 10)
        return (
            len(samples) == 10 * 320
            and rms(samples) > 300
            and abs(dominant_frequency(samples, 16000) - frequency) <= 20
        )

    def beeped() -> bool:
        """Two 180 ms beeps at 880 Hz, looked for in every 80 ms window of the last
        5 s received (polling only the newest frames missed them on a busy CI box)."""
        frames = sip_engine.audio.received.latest(250)
        for start in range(0, len(frames) - 4, 2):
            window = samples_of(b"".join(frames[start : start + 4]))
            energy = sum(x * x for x in window)
            if (
                rms(window) > 300
                and goertzel_power(window, 16000, 880) > 0.5 * energy * len(window) / 2
            ):
                return True
        return False

    wait_until(beeped, timeout=10, what="the demo line's beep")
    # our "microphone" plays 440 Hz: once the beeps are over we hear ourselves
    wait_until(lambda: hears(440), timeout=10, what="our own 440 Hz echoed back")
    sip_engine.engine.hangup(call_id).result(10)
    ended = sip_engine.events.wait_for(CallEnded, call_id=call_id)
    assert ended.outcome is CallOutcome.ANSWERED


def test_demo_line_ends_overlong_calls(sip_engine: EngineUnderTest) -> None:
    line = DemoLine.start(max_call_s=1)
    try:
        account = sip_engine.local_account("demo", "newcomer")
        call_id = sip_engine.engine.dial(account, line.uri)
        ended = sip_engine.events.wait_for(CallEnded, call_id=call_id, timeout=15)
        assert ended.outcome is CallOutcome.ANSWERED and ended.connected_seconds >= 1
    finally:
        line.stop()
