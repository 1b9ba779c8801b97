"""OS audio for the engine through QtMultimedia: an AudioBackend for BridgePort.

Imported by ui/ only (the engine itself never imports Qt). Three threads meet here:

- the GUI thread owns the QAudioSink/QAudioSource (created in ``open()``, closed
  in ``close()``) and moves bytes between them and two ring buffers;
- pjmedia's clock thread calls ``capture()``/``playback()`` every 20 ms and only
  pops/pushes those rings: never blocks, never touches a Qt object;
- the SIP thread calls ``start()``/``stop()``; ``stop()`` asks the GUI thread
  to close the devices through a queued signal.

The rings are short (``MAX_QUEUED_FRAMES`` x 20 ms): when one side runs ahead,
the oldest audio is dropped, which keeps the delay bounded instead of growing.

Resting: open streams cost ~3.7 % of a core even when only silence moves (the
GUI thread feeding PulseAudio every period, PulseAudio's thread). When no call
frame has come for ``REST_AFTER_S`` (the engine's media clock stops when it has
nothing to do), both streams are suspended (PulseAudio corks them: nothing is
torn down, so resuming is immediate, unlike a new stream); the first frame the
clock thread hands over asks the GUI thread to resume them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QIODevice, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtMultimedia import (
    QAudioDevice,
    QAudioFormat,
    QAudioSink,
    QAudioSource,
    QMediaDevices,
    QtAudio,
)

from sip.audio import FRAME_MS, FrameRing

log = logging.getLogger(__name__)

MAX_QUEUED_FRAMES = 8  # 160 ms either way
REST_AFTER_S = 2.0


def audio_devices() -> tuple[list[QAudioDevice], list[QAudioDevice]]:
    """(inputs, outputs) the OS offers now; for the settings page."""
    return list(QMediaDevices.audioInputs()), list(QMediaDevices.audioOutputs())


class _PlaybackDevice(QIODevice):
    """What the QAudioSink pulls from: the playback ring, or silence when it is empty
    (an empty read would make the sink stop as if the stream ended)."""

    def __init__(self, ring: FrameRing, frame_bytes: int) -> None:
        super().__init__()
        self._ring = ring
        self._frame_bytes = frame_bytes

    def isSequential(self) -> bool:
        return True

    def bytesAvailable(self) -> int:
        return max(1, len(self._ring)) * self._frame_bytes + super().bytesAvailable()

    def readData(self, maxlen: int) -> bytes:
        out = bytearray()
        while len(out) + self._frame_bytes <= maxlen:
            chunk = self._ring.pop()
            if chunk is None:
                break
            out += chunk
        if not out:
            out = bytearray(min(maxlen, self._frame_bytes))
        return bytes(out)

    def writeData(self, data: bytes | bytearray | memoryview, length: int, /) -> int:
        return -1


class QtAudioBackend(QObject):
    """The operator's headset: what the far end says plays on ``output``, what the
    operator says comes from ``input``. Create and ``open()`` on the GUI thread."""

    _stop_requested = Signal()
    _wake_requested = Signal()

    def __init__(
        self,
        output: QAudioDevice | None = None,
        input: QAudioDevice | None = None,
        clock_rate: int = 16000,
        rest_after_s: float = REST_AFTER_S,
    ) -> None:
        super().__init__()
        self.output_device = output or QMediaDevices.defaultAudioOutput()
        self.input_device = input or QMediaDevices.defaultAudioInput()
        self.clock_rate = clock_rate
        self.frame_bytes = clock_rate * FRAME_MS // 1000 * 2
        self.played = FrameRing(MAX_QUEUED_FRAMES)  # calls -> speaker
        self.captured = FrameRing(MAX_QUEUED_FRAMES)  # microphone -> calls
        self._pending = bytearray()
        self._sink: QAudioSink | None = None
        self._source: QAudioSource | None = None
        self._source_io: QIODevice | None = None
        self._pull: _PlaybackDevice | None = None
        self._active = False  # open() called and not closed since
        self._stop_requested.connect(self.close, Qt.ConnectionType.QueuedConnection)
        # Resting (see the module's docstring). ``resting`` is read on the clock
        # thread; a stale read costs one extra wake request, never a lost frame.
        self.resting = False
        self._wake_asked = False
        self._pushed_at_last_look = -1
        self._rest_watch = QTimer(self)
        self._rest_watch.setInterval(int(rest_after_s * 1000))
        self._rest_watch.timeout.connect(self._rest_if_quiet)
        self._wake_requested.connect(self.wake, Qt.ConnectionType.QueuedConnection)

    # ----- GUI thread ---------------------------------------------------------

    def audio_format(self) -> QAudioFormat:
        fmt = QAudioFormat()
        fmt.setSampleRate(self.clock_rate)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        return fmt

    def open(self) -> None:
        """Start the streams on the current devices (a null device is skipped)."""
        self._open_streams()
        self._active = True

    @Slot()
    def close(self) -> None:
        self._active = False
        self._close_streams()
        self.resting = False  # closed streams are not woken by frames

    @Slot()
    def _rest_if_quiet(self) -> None:
        """Every REST_AFTER_S while the streams run: suspend them if no frame came
        from the calls since the last look."""
        pushed = self.played.pushed
        if pushed != self._pushed_at_last_look:
            self._pushed_at_last_look = pushed
            return
        self._rest_watch.stop()
        # In this order: the clock thread never sees ``resting`` with a stale
        # ``_wake_asked`` from the last rest, so its first frame always asks.
        self._wake_asked = False
        self.resting = True
        if self._sink is not None:
            self._sink.suspend()
        if self._source is not None:
            self._source.suspend()
        log.debug("audio streams resting")

    @Slot()
    def wake(self) -> None:
        """Resume resting streams (GUI thread); the clock thread asks for it."""
        if not self.resting:
            return
        self.resting = False
        if self._sink is not None:
            self._sink.resume()
        if self._source is not None:
            self._source.resume()
        self._pushed_at_last_look = -1
        self._rest_watch.start()
        log.debug("audio streams awake")

    def set_devices(self, output: QAudioDevice, input: QAudioDevice) -> None:
        """Switch devices now, also in the middle of a call.

        Only the Qt side is reopened: the rings and the media thread carry on, so
        the call loses at most the few frames queued for the old device. Before
        ``open()`` (or after ``close()``) this only records the choice.
        """
        if output == self.output_device and input == self.input_device:
            return
        self._close_streams()
        self.output_device, self.input_device = output, input
        self._pending.clear()
        if self._active:
            self._open_streams()

    def _open_streams(self) -> None:
        self._close_streams()  # never two streams on one ring
        self.resting = False
        self._pushed_at_last_look = -1
        self._rest_watch.start()
        fmt = self.audio_format()
        if not self.output_device.isNull():
            self._pull = _PlaybackDevice(self.played, self.frame_bytes)
            self._pull.open(QIODevice.OpenModeFlag.ReadOnly)
            self._sink = QAudioSink(self.output_device, fmt, self)
            self._sink.setBufferSize(self.frame_bytes * 4)
            self._sink.start(self._pull)
        else:
            log.warning("no audio output device: the far end will not be heard")
        if not self.input_device.isNull():
            self._source = QAudioSource(self.input_device, fmt, self)
            self._source.setBufferSize(self.frame_bytes * 4)
            self._source_io = self._source.start()
            self._source_io.readyRead.connect(self._on_captured)
        else:
            log.warning("no audio input device: the far end will hear silence")

    def _close_streams(self) -> None:
        self._rest_watch.stop()
        if self._source is not None:
            self._source.stop()
            self._source.deleteLater()
            self._source = None
            self._source_io = None
        if self._sink is not None:
            self._sink.stop()
            self._sink.deleteLater()
            self._sink = None
        if self._pull is not None:
            self._pull.close()
            self._pull = None

    def sink_running(self) -> bool:
        """The output stream is open: playing, waiting for data or resting."""
        return self._sink is not None and self._sink.state() in (
            QtAudio.State.ActiveState,
            QtAudio.State.IdleState,
            QtAudio.State.SuspendedState,
        )

    def sink_suspended(self) -> bool:
        return self._sink is not None and self._sink.state() is QtAudio.State.SuspendedState

    @Slot()
    def _on_captured(self) -> None:
        if self._source_io is None:
            return
        self._pending += bytes(self._source_io.readAll().data())
        size = self.frame_bytes
        while len(self._pending) >= size:
            self.captured.push(bytes(self._pending[:size]))
            del self._pending[:size]

    # ----- SIP thread (AudioBackend) -------------------------------------------

    def start(self, clock_rate: int, frame_bytes: int) -> None:
        if clock_rate != self.clock_rate or frame_bytes != self.frame_bytes:
            raise ValueError(
                f"the bridge runs at {clock_rate} Hz / {frame_bytes} B frames, "
                f"the Qt backend was opened for {self.clock_rate} Hz / {self.frame_bytes} B"
            )

    def stop(self) -> None:
        self._stop_requested.emit()

    # ----- media clock thread (AudioBackend) -----------------------------------

    def capture(self, nbytes: int) -> bytes:
        if self.resting:
            self._ask_to_wake()
        return self.captured.pop() or b""

    def playback(self, pcm: bytes) -> None:
        if self.resting:
            self._ask_to_wake()
        self.played.push(pcm)

    def _ask_to_wake(self) -> None:
        if not self._wake_asked:
            self._wake_asked = True
            self._wake_requested.emit()
