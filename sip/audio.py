"""The audio bridge: one pjsua2 ``AudioMediaPort`` that stands in for a sound card.

The pjsua2 wheel has no sound devices, so the engine adds this port to the
conference bridge and connects every active call to it, exactly as pjsua would
connect calls to a sound device. What the port sends and what it hears is
handed to a pluggable ``AudioBackend``: silence (tests, headless), a tone, WAV
files, or the OS audio devices (sip/qt_audio.py, imported by ui/ only).

Threads: ``onFrameRequested``/``onFrameReceived`` run on pjmedia's clock thread
every 20 ms. They must never block, so backends only touch ring buffers there
(``FrameRing``: a bounded deque whose append/popleft are atomic in CPython) and
do file or device I/O on their own threads or in ``stop()``.
"""

from __future__ import annotations

import logging
import math
import time
import wave
from collections import deque
from pathlib import Path
from typing import Protocol

import pjsua2 as pj

from sip.frames import FrameWriter, read_bytes
from sip.safety import log_error_text

log = logging.getLogger(__name__)

FRAME_MS = 20


class AudioBackend(Protocol):
    """Where the bridge's audio comes from and goes to.

    ``capture`` and ``playback`` run on the media clock thread: no locks held for
    long, no I/O, no waiting.
    """

    def start(self, clock_rate: int, frame_bytes: int) -> None: ...

    def capture(self, nbytes: int) -> bytes:
        """The next frame to send (16-bit mono PCM); shorter means pad with silence."""
        ...

    def playback(self, pcm: bytes) -> None:
        """A frame received from the calls (16-bit mono PCM, mixed by the bridge)."""
        ...

    def stop(self) -> None: ...


class FrameRing:
    """A bounded FIFO of PCM chunks that never blocks: a full ring drops the oldest."""

    def __init__(self, max_frames: int = 50) -> None:
        self._chunks: deque[bytes] = deque(maxlen=max_frames)
        self.pushed = 0  # written by the one producer thread only
        self.dropped = 0

    def push(self, chunk: bytes) -> None:
        if len(self._chunks) == self._chunks.maxlen:
            self.dropped += 1
        self._chunks.append(chunk)
        self.pushed += 1

    def pop(self) -> bytes | None:
        try:
            return self._chunks.popleft()
        except IndexError:
            return None

    def __len__(self) -> int:
        return len(self._chunks)

    def latest(self, count: int) -> list[bytes]:
        """The newest ``count`` chunks, oldest first, without consuming them."""
        return list(self._chunks)[-count:]

    def clear(self) -> None:
        self._chunks.clear()


class NullBackend:
    """Sends silence and discards what it hears."""

    def start(self, clock_rate: int, frame_bytes: int) -> None:
        pass

    def capture(self, nbytes: int) -> bytes:
        return b""

    def playback(self, pcm: bytes) -> None:
        pass

    def stop(self) -> None:
        pass


def sine_pcm(frequency: float, clock_rate: int, samples: int, amplitude: float = 0.3) -> bytes:
    """``samples`` of a sine wave as 16-bit little-endian mono PCM."""
    peak = int(32767 * amplitude)
    out = bytearray()
    for n in range(samples):
        value = int(peak * math.sin(2 * math.pi * frequency * n / clock_rate))
        out += value.to_bytes(2, "little", signed=True)
    return bytes(out)


class ToneBackend:
    """Sends a steady sine tone; keeps the most recent received frames for inspection."""

    def __init__(self, frequency: float = 440.0, keep_frames: int = 250) -> None:
        self.frequency = frequency
        self.received = FrameRing(keep_frames)
        self._period = b""
        self._offset = 0

    def start(self, clock_rate: int, frame_bytes: int) -> None:
        # One second of tone holds a whole number of periods for integer
        # frequencies, so looping it has no click.
        self._period = sine_pcm(self.frequency, clock_rate, clock_rate)
        self._offset = 0

    def capture(self, nbytes: int) -> bytes:
        period = self._period
        if not period:
            return b""
        end = self._offset + nbytes
        if end <= len(period):
            chunk = period[self._offset : end]
            self._offset = end % len(period)
        else:
            chunk = period[self._offset :] + period[: end - len(period)]
            self._offset = end - len(period)
        return chunk

    def playback(self, pcm: bytes) -> None:
        self.received.push(pcm)

    def stop(self) -> None:
        pass


class WavBackend:
    """Plays a WAV file in a loop and records what it hears into another WAV file.

    The file is read whole in ``start`` and the recording written in ``stop``:
    no file I/O on the media thread. Both files are 16-bit mono at the bridge's
    clock rate.
    """

    def __init__(self, play: Path | None = None, record: Path | None = None) -> None:
        self.play_path = play
        self.record_path = record
        self._pcm = b""
        self._offset = 0
        self._clock_rate = 16000
        self._recorded: deque[bytes] = deque()

    def start(self, clock_rate: int, frame_bytes: int) -> None:
        self._clock_rate = clock_rate
        if self.play_path is not None:
            with wave.open(str(self.play_path), "rb") as wav:
                if wav.getframerate() != clock_rate or wav.getnchannels() != 1:
                    raise ValueError(f"{self.play_path} must be mono at {clock_rate} Hz")
                self._pcm = wav.readframes(wav.getnframes())

    def capture(self, nbytes: int) -> bytes:
        if not self._pcm:
            return b""
        chunk = self._pcm[self._offset : self._offset + nbytes]
        self._offset = (self._offset + nbytes) % len(self._pcm)
        return chunk

    def playback(self, pcm: bytes) -> None:
        if self.record_path is not None:
            self._recorded.append(pcm)

    def stop(self) -> None:
        if self.record_path is None:
            return
        with wave.open(str(self.record_path), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(self._clock_rate)
            wav.writeframes(b"".join(self._recorded))


class CallbackTimer:
    """What the media callbacks cost in Python, for bench/ and the docs."""

    def __init__(self, keep: int = 3000) -> None:
        self.samples_ns: deque[int] = deque(maxlen=keep)
        self.errors = 0

    def median_us(self) -> float:
        ordered = sorted(self.samples_ns)
        return ordered[len(ordered) // 2] / 1000 if ordered else 0.0


class BridgePort(pj.AudioMediaPort):
    """The engine's "sound card": a conference bridge port fed by an AudioBackend.

    Owned by the engine and created/destroyed on the SIP thread; only the two
    frame callbacks run elsewhere (the media clock thread).
    """

    def __init__(self, backend: AudioBackend, clock_rate: int) -> None:
        super().__init__()
        self.backend = backend
        self.clock_rate = clock_rate
        self.frame_bytes = clock_rate * FRAME_MS // 1000 * 2
        self._writer = FrameWriter(self.frame_bytes)
        self.requested = CallbackTimer()
        self.received = CallbackTimer()
        # Set before the port is dropped: the media clock may still call in for a
        # tick or two while pjmedia (2.14+) removes the port asynchronously.
        self.closed = False

    def open(self) -> None:
        fmt = pj.MediaFormatAudio()
        fmt.init(pj.PJMEDIA_FORMAT_PCM, self.clock_rate, 1, FRAME_MS * 1000, 16)
        self.backend.start(self.clock_rate, self.frame_bytes)
        self.createPort("switchboard-bridge", fmt)

    def close(self) -> None:
        """Stop using the backend; the callbacks do nothing from now on."""
        self.closed = True
        self.backend.stop()

    # Both callbacks must survive a half-destroyed self: if a reference cycle
    # keeps this port alive, the garbage collector clears its __dict__ before the
    # C++ side is gone, and the clock thread may still call in once. Hence the
    # getattr default of "closed", and no attribute access in the except path:
    # an exception escaping a SWIG director takes the whole process down.
    def onFrameRequested(self, frame: pj.MediaFrame) -> None:
        try:
            if getattr(self, "closed", True):
                return
            started = time.perf_counter_ns()
            self._writer.fill(frame, self.backend.capture(self.frame_bytes))
            self.requested.samples_ns.append(time.perf_counter_ns() - started)
        except Exception:
            _callback_failed(self, "requested", "audio capture failed")

    def onFrameReceived(self, frame: pj.MediaFrame) -> None:
        try:
            if getattr(self, "closed", True):
                return
            started = time.perf_counter_ns()
            # An empty buffer is a non-audio frame: no need to ask its type (each
            # SWIG call costs a GIL hand-off here).
            pcm = read_bytes(frame.buf)
            if pcm:
                self.backend.playback(pcm)
            self.received.samples_ns.append(time.perf_counter_ns() - started)
        except Exception:
            _callback_failed(self, "received", "audio playback failed")


def _callback_failed(port: BridgePort, timer_name: str, what: str) -> None:
    """Count a failed frame callback and log the first one; never raises."""
    try:
        timer = getattr(port, timer_name, None)
        if timer is None:
            return
        timer.errors += 1
        if timer.errors == 1:
            log_error_text(log, what)
    except Exception:
        pass
