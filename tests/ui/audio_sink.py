"""What the PulseAudio null sink plays, recorded in the test process.

``sb_mic`` (tests/servers/pulseaudio.py) is the null sink's monitor as an input:
a QAudioSource on it hears whatever the app sends to the "speaker". Checks ask
about the most recent stretch of sound, so a test waits for a condition instead
of sleeping (PulseAudio in a container is not real time).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtMultimedia import QAudioFormat, QAudioSource, QMediaDevices

from tests.servers.pulseaudio import SOURCE
from tests.sip.tones import goertzel_power, rms, samples_of

RATE = 16000


def power_share(samples: list[int], frequencies: tuple[float, ...]) -> float:
    """How much of the energy sits at ``frequencies`` (0..1, roughly)."""
    energy = sum(x * x for x in samples) * len(samples) / 2
    if energy == 0:
        return 0.0
    return sum(goertzel_power(samples, RATE, f) for f in frequencies) / energy


class SinkListener(QObject):
    def __init__(self) -> None:
        super().__init__()
        (device,) = [
            d for d in QMediaDevices.audioInputs() if bytes(d.id().data()).decode() == SOURCE
        ]
        fmt = QAudioFormat()
        fmt.setSampleRate(RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self.pcm = bytearray()
        self._source = QAudioSource(device, fmt, self)
        self._io = self._source.start()
        self._io.readyRead.connect(self._read)

    def _read(self) -> None:
        self.pcm += bytes(self._io.readAll().data())

    def mark(self) -> int:
        return len(self.pcm)

    def last(self, seconds: float, since: int = 0) -> list[int]:
        """The newest ``seconds`` of sound heard after position ``since`` (may be shorter)."""
        size = int(RATE * seconds) * 2
        start = max(since, len(self.pcm) - size)
        start -= start % 2
        return samples_of(bytes(self.pcm[start:]))

    def hears(
        self,
        frequencies: tuple[float, ...],
        seconds: float = 0.4,
        share: float = 0.5,
        since: int = 0,
    ) -> bool:
        """The last ``seconds`` after ``since`` are loud and mostly ``frequencies``."""
        samples = self.last(seconds, since)
        return (
            len(samples) >= RATE * seconds * 0.9
            and rms(samples) > 300
            and power_share(samples, frequencies) > share
        )

    def heard(self, frequencies: tuple[float, ...], since: int = 0) -> bool:
        """Some 0.1 s within the last second after ``since`` was loud and mostly
        ``frequencies`` (for short sounds, which may be over by the time a test
        looks; a polling test sees each second of sound several times)."""
        samples = self.last(1.0, since)
        size, step = RATE // 10, RATE // 40
        for start in range(0, len(samples) - size + 1, step):
            window = samples[start : start + size]
            if rms(window) > 300 and power_share(window, frequencies) > 0.5:
                return True
        return False

    def stop(self) -> None:
        self._source.stop()
