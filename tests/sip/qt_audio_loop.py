"""Plays 440 Hz through QtAudioBackend into PulseAudio's null sink and records it
back from the remapped monitor; prints what came back as JSON.

Run by test_qt_audio.py in its own process (its own QApplication and the private
PulseAudio's environment). The QTimer stands in for pjmedia's clock thread.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import QApplication

from sip.audio import ToneBackend
from sip.qt_audio import QtAudioBackend
from tests.sip.tones import dominant_frequency, rms, samples_of


def main() -> int:
    sink_id, source_id = sys.argv[1].encode(), sys.argv[2].encode()
    app = QApplication([])
    outputs = {bytes(d.id().data()): d for d in QMediaDevices.audioOutputs()}
    inputs = {bytes(d.id().data()): d for d in QMediaDevices.audioInputs()}
    backend = QtAudioBackend(output=outputs[sink_id], input=inputs[source_id], rest_after_s=0.5)
    backend.open()
    backend.start(16000, 640)
    tone = ToneBackend(440.0)  # a ready-made 440 Hz frame source
    tone.start(16000, 640)
    heard: list[bytes] = []

    def tick() -> None:  # what the media clock does every 20 ms
        backend.playback(tone.capture(640))
        frame = backend.capture(640)
        if frame:
            heard.append(frame)

    def run(seconds: float) -> None:
        QTimer.singleShot(int(seconds * 1000), app.quit)
        app.exec()

    clock = QTimer()
    clock.setTimerType(clock.timerType().PreciseTimer)
    clock.timeout.connect(tick)
    clock.start(20)
    run(3)
    talking = backend.resting
    samples = samples_of(b"".join(heard[-25:]))
    # No call: the engine's clock stops, so no frames come; the streams rest.
    clock.stop()
    run(1.5)
    rested = backend.resting and backend.sink_suspended()
    # A call again: the first frame wakes them and the tone comes through.
    heard.clear()
    clock.start(20)
    run(2)
    woke = not backend.resting and not backend.sink_suspended()
    after_rest = samples_of(b"".join(heard[-25:]))
    clock.stop()
    backend.stop()
    app.processEvents()  # the queued close
    print(
        json.dumps(
            {
                "frames": len(heard),
                "rms": rms(samples),
                "frequency": dominant_frequency(samples, 16000) if samples else 0,
                "resting_while_talking": talking,
                "rested": rested,
                "woke": woke,
                "frequency_after_rest": dominant_frequency(after_rest, 16000) if after_rest else 0,
                "rms_after_rest": rms(after_rest),
                "sink_closed": not backend.sink_running(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
