"""The recording-consent beep: a short tone both sides of a call hear when its
recording starts or resumes (``AccountConfig.recording_beep``), so the customer
is told by the line itself, as many countries' rules want, and the operator
hears that it took.

1400 Hz for half a second: the recorder warning tone of the FCC's rules (47 CFR
64.501), which customers know from other lines. Played once at each start and
resume, not every 15 seconds as those rules also allow; a shop that must repeat
it says it in its greeting.

A pjmedia ``ToneGenerator`` of its own: the Ringer's loops ring tones into the
bridge port only, and must never reach a call; this one plays once into one
call and the bridge, connected only while it plays (``tick`` from every turn
of the engine loop disconnects it once the tone is over). SIP thread only, and
in the engine's stop order like the Ringer: closed before the bridge port,
dropped once the clock has settled.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

import pjsua2 as pj

from sip.ringer import ToneStep, tone_vector

log = logging.getLogger(__name__)

BEEP = ToneStep(1400, 0, 500, 0)
# Kept connected a little past the tone: the generator's last frame is mixed
# on the clock's next tick, after ``play`` returned.
_TAIL_S = 0.1


class ConsentBeep:
    def __init__(self, clock_rate: int) -> None:
        self._generator = pj.ToneGenerator()
        self._generator.createToneGenerator(clock_rate, 1)
        self._targets: list[pj.AudioMedia] = []
        self._until = 0.0
        self.played = 0  # how many beeps were started (the tests read it)

    @property
    def playing(self) -> bool:
        return bool(self._targets)

    def play(self, targets: Sequence[pj.AudioMedia]) -> None:
        """Beeps once into each of ``targets`` (a call's port and the bridge)."""
        self._disconnect()
        self._generator.play(tone_vector((BEEP,)), False)
        for target in targets:
            self._generator.startTransmit(target)
            self._targets.append(target)
        self._until = time.monotonic() + BEEP.on_ms / 1000 + _TAIL_S
        self.played += 1

    def tick(self, now: float) -> None:
        if self._targets and now >= self._until:
            self._disconnect()

    def forget(self, target: pj.AudioMedia | None) -> None:
        """A port going away (its call ended): no more beep into it."""
        if target is None:
            return
        for kept in list(self._targets):
            if kept.getPortId() == target.getPortId():
                self._stop_into(kept)
                self._targets.remove(kept)

    def close(self) -> None:
        """Silent and disconnected; the engine lets the clock tick before dropping us."""
        self._disconnect()

    def _disconnect(self) -> None:
        for target in self._targets:
            self._stop_into(target)
        self._targets.clear()
        self._generator.stop()

    def _stop_into(self, target: pj.AudioMedia) -> None:
        try:
            self._generator.stopTransmit(target)
        except pj.Error as error:  # the port is gone already (its call ended)
            log.debug("consent beep: %s", error.reason)
