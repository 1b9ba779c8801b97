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
    backend = QtAudioBackend(output=outputs[sink_id], input=inputs[source_id])
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

    clock = QTimer()
    clock.setTimerType(clock.timerType().PreciseTimer)
    clock.timeout.connect(tick)
    clock.start(20)
    QTimer.singleShot(3000, app.quit)
    app.exec()
    clock.stop()
    backend.stop()
    app.processEvents()  # the queued close
    samples = samples_of(b"".join(heard[-25:]))
    print(
        json.dumps(
            {
                "frames": len(heard),
                "rms": rms(samples),
                "frequency": dominant_frequency(samples, 16000) if samples else 0,
                "sink_closed": not backend.sink_running(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
