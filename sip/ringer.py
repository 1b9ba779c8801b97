"""Ring tone, call-waiting beep and ring-back, played into the bridge port.

The operator hears these through the same "sound card" as the calls (the
``BridgePort`` and its backend), so they follow the chosen output device and
need no second audio stream. A pjmedia ``ToneGenerator`` makes the sound in C on
the conference bridge's clock: no Python runs per frame for it, and the bridge
mixes it with whatever call is already audible (a call waiting while talking).
The generator only transmits to the bridge port, never to a call, so the far
end of a call in progress does not hear our ring tone.

``tone_for`` decides from the calls' plain state which tone (if any) should
play; ``Ringer`` owns the pjsua2 object and lives on the SIP thread only, like
every other pjsua2 object (see docs/SIP-ENGINE.md for its place in the stop
order: disconnected and pumped before it is dropped, dropped before
``libDestroy``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import pjsua2 as pj

from sip.call import CallRecord
from sip.events import CallDirection, CallPhase, MediaStatus

log = logging.getLogger(__name__)


class Tone(StrEnum):
    RING = "ring"  # an inbound call rings and the operator is free
    CALL_WAITING = "call_waiting"  # an inbound call rings during a conversation
    RINGBACK = "ringback"  # the far end of our outbound call rings (180, no early media)


@dataclass(frozen=True)
class ToneStep:
    freq1: int
    freq2: int
    on_ms: int
    off_ms: int
    volume: int = 0  # 0: pjmedia's default level


# The ring tone is two notes (880/660 Hz), clearly not a network tone, so the
# operator can tell "someone calls me" from "I am calling someone". Ring-back is
# the ITU/European one used in Ukraine and most of Europe: 425 Hz, 1 s on, 4 s
# off. The call-waiting beep is short and quieter, over the conversation.
TONES: dict[Tone, tuple[ToneStep, ...]] = {
    Tone.RING: (ToneStep(880, 0, 300, 100), ToneStep(660, 0, 300, 2300)),
    Tone.CALL_WAITING: (ToneStep(440, 0, 200, 200, 4000), ToneStep(440, 0, 200, 3400, 4000)),
    Tone.RINGBACK: (ToneStep(425, 0, 1000, 4000),),
}


def _ringing_in(call: CallRecord) -> bool:
    return not call.handled and call.direction is CallDirection.INBOUND and call.phase in (
        CallPhase.INCOMING,
        CallPhase.EARLY,
    )


def _talking(call: CallRecord) -> bool:
    # A call we put on hold is not listened to: a new call may ring out loud.
    return call.phase is CallPhase.CONFIRMED and call.media_status in (
        MediaStatus.ACTIVE,
        MediaStatus.REMOTE_HOLD,
    )


def _ringing_out(call: CallRecord) -> bool:
    # As pjsua's own sample app does: a local ring-back only for 180 without
    # early media. A 183 (or a 180 with SDP) brings the far end's own audio
    # (ring-back, announcements), which the bridge already plays.
    return (
        call.direction is CallDirection.OUTBOUND
        and call.phase is CallPhase.EARLY
        and call.last_code == 180
        and call.media_status is MediaStatus.NONE
    )


def tone_for(calls: Iterable[CallRecord], ring_enabled: bool = True) -> Tone | None:
    """Which tone the operator should hear now, given every live call."""
    live = [c for c in calls if c.ended_at is None]
    if ring_enabled and any(_ringing_in(c) for c in live):
        return Tone.CALL_WAITING if any(_talking(c) for c in live) else Tone.RING
    if any(_ringing_out(c) for c in live):
        return Tone.RINGBACK
    return None


def tone_vector(steps: tuple[ToneStep, ...]) -> pj.ToneDescVector:
    vector = pj.ToneDescVector()
    for step in steps:
        desc = pj.ToneDesc()
        desc.freq1 = step.freq1
        desc.freq2 = step.freq2
        desc.on_msec = step.on_ms
        desc.off_msec = step.off_ms
        desc.volume = step.volume
        vector.append(desc)
    return vector


class Ringer:
    """One looping tone generator, connected to the bridge port only while it plays.

    SIP thread only. Connected only while playing so an idle generator costs the
    conference bridge nothing.
    """

    def __init__(self, bridge: pj.AudioMedia, clock_rate: int) -> None:
        self._bridge = bridge
        self._generator = pj.ToneGenerator()
        self._generator.createToneGenerator(clock_rate, 1)
        self.playing: Tone | None = None

    def play(self, tone: Tone | None) -> None:
        if tone == self.playing:
            return
        generator = self._generator
        if self.playing is not None:
            generator.stopTransmit(self._bridge)
            generator.stop()
        if tone is not None:
            generator.play(tone_vector(TONES[tone]), True)
            generator.startTransmit(self._bridge)
        log.debug("tone: %s -> %s", self.playing, tone)
        self.playing = tone

    def close(self) -> None:
        """Silence and disconnect; the caller lets the clock tick before dropping us."""
        self.play(None)
