"""The calls' OS audio, loaded when a call first needs it, not at start.

QtMultimedia costs ~29 MB of the idle app (~6 MB the module, ~23 MB its FFmpeg
backend, which links Qt Quick and Qml, loaded by the first device query; the
open streams ~12 MB more with a sound server), so at start the engine gets a
``LazyAudioBackend``: silence until ``CallAudio`` plugs the Qt backend in. That
happens on the GUI thread at the first sign of a call (an incoming call, any
call state, a tone: the first ring or dial) or when saved settings name devices,
and costs ~50 ms there once (measured in the app: 47-55 ms with PulseAudio,
47 ms with no sound server). From then on everything stays loaded and the
streams stay open, as they were from start before: closing them between calls
would save no memory (the libraries stay mapped), and a new PulseAudio stream
here takes ~1-2 s to move audio (docs/SIP-ENGINE.md, traps), which would cut
the start of what the operator says on a call answered at once. Between calls
the open streams rest instead (sip/qt_audio.py: suspended after 2 s without
frames, woken by the next): the app idles at ~1 % of a core, not ~4.5 %.

Threads: ``CallAudio`` lives on the GUI thread and is driven by the bridge's
queued signals; ``LazyAudioBackend``'s engine-facing methods run on the SIP and
media threads and only read one attribute (``inner``) and push to a ring.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.settings import Settings
from sip.audio import FrameRing
from sip.events import ToneChanged
from ui.common.bridge import EngineBridge
from ui.common.core_text import error_text

if TYPE_CHECKING:
    from ui.calls.audio_routing import AudioRouting

log = logging.getLogger(__name__)

EARLY_FRAMES = 8  # 160 ms: what played before the Qt backend was there, kept for it


class LazyAudioBackend:
    """The engine's AudioBackend until (and after) the Qt one exists: forwards to
    ``inner`` once attached; before that it sends silence and keeps the last few
    frames heard (the start of the first ring), handed to the Qt backend when it
    is attached."""

    def __init__(self) -> None:
        self.inner: Any = None  # sip.qt_audio.QtAudioBackend, set on the GUI thread
        self.early = FrameRing(EARLY_FRAMES)
        self._format: tuple[int, int] | None = None
        # attach (GUI thread) and start (SIP thread) each read what the other
        # writes: under one lock, whichever comes second starts the Qt backend.
        self._attach_lock = threading.Lock()

    def attach(self, inner: Any) -> None:
        """GUI thread: from now on the calls use ``inner`` (a QtAudioBackend)."""
        with self._attach_lock:
            if self._format is not None:
                inner.start(*self._format)  # raises if the rates do not match
            while (chunk := self.early.pop()) is not None:
                inner.played.push(chunk)
            self.inner = inner
        self.early.clear()  # a frame pushed while switching: dropped, not played late

    # ----- SIP thread ----------------------------------------------------------

    def start(self, clock_rate: int, frame_bytes: int) -> None:
        with self._attach_lock:
            self._format = (clock_rate, frame_bytes)
            inner = self.inner
        if inner is not None:
            inner.start(clock_rate, frame_bytes)

    def stop(self) -> None:
        inner = self.inner
        if inner is not None:
            inner.stop()

    # ----- media clock thread ---------------------------------------------------

    def capture(self, nbytes: int) -> bytes:
        inner = self.inner
        return inner.capture(nbytes) if inner is not None else b""

    def playback(self, pcm: bytes) -> None:
        inner = self.inner
        if inner is not None:
            inner.playback(pcm)
        else:
            self.early.push(pcm)


class CallAudio(QObject):
    """Owns the engine's audio backend and loads the OS side on first need.

    ``status`` and ``statusChanged`` say why calls may have no sound (no device,
    a chosen one unplugged, QtMultimedia missing); "" when all is well or when
    nothing is loaded yet (devices are looked at first when a call needs them).
    """

    statusChanged = Signal(str)

    def __init__(
        self, settings: Settings, bridge: EngineBridge, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.backend = LazyAudioBackend()
        self.routing: AudioRouting | None = None
        self.status = ""
        self._failed = False
        self._closed = False
        bridge.incomingCall.connect(self.need)
        bridge.callStateChanged.connect(self.need)
        bridge.toneChanged.connect(self._on_tone)

    @property
    def loaded(self) -> bool:
        return self.routing is not None

    def need(self, *_: object) -> None:
        """A call or a tone is starting: devices on, streams open (GUI thread)."""
        if self._closed:
            return  # events still queued while the app shuts down
        routing = self.load()
        if routing is not None:
            routing.open()

    def load(self) -> AudioRouting | None:
        """QtMultimedia and the operator's devices, without opening the streams;
        None when QtMultimedia can't be used (then calls stay silent, and the
        status says why)."""
        if self.routing is not None or self._failed or self._closed:
            return self.routing
        try:
            from ui.calls.audio_routing import AudioRouting

            routing = AudioRouting(self.settings, self, streams=False)
            self.backend.attach(routing.backend)
        except Exception as exc:  # PySide6-Addons missing, a broken multimedia plugin
            self._failed = True
            log.error("no audio through QtMultimedia: %s", exc)
            self._set_status(
                QCoreApplication.translate("Shell", "Audio unavailable: %1").replace(
                    "%1", error_text(exc)
                )
            )
            return None
        self.routing = routing
        routing.statusChanged.connect(self._set_status)
        self._set_status(routing.status)
        return routing

    def apply(self, settings: Settings) -> None:
        """Saved settings: devices switch now, mid-call too. Also loads the
        devices when nothing has yet (the settings dialog has loaded QtMultimedia
        anyway), so the status bar tells at once what is wrong with the choice."""
        self.settings = settings
        if self.routing is not None:
            self.routing.apply(settings)
        else:
            self.load()

    def close(self) -> None:
        self._closed = True
        if self.routing is not None:
            self.routing.close()

    def _on_tone(self, event: ToneChanged) -> None:
        if event.tone:
            self.need()

    def _set_status(self, text: str) -> None:
        if text != self.status:
            self.status = text
            self.statusChanged.emit(text)
