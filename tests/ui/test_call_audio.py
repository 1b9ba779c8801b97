"""The calls' audio loaded on first need (ui/calls/call_audio.py), without a sound
server: which engine events load it, what the engine gets before and after, and
what the operator is told when QtMultimedia can't be used. Real devices and
sound: tests/ui/test_audio.py."""

from __future__ import annotations

import sys
import threading
from typing import Any, ClassVar

import pytest

from app.settings import Settings
from sip.audio import FrameRing
from sip.events import CallPhase, ToneChanged
from tests.ui.conftest import feed, incoming, state
from ui.calls.call_audio import EARLY_FRAMES, CallAudio, LazyAudioBackend
from ui.common.bridge import EngineBridge


class FakeQtBackend:
    """What LazyAudioBackend needs of sip.qt_audio.QtAudioBackend."""

    def __init__(self) -> None:
        self.played = FrameRing(8)
        self.captured = FrameRing(8)
        self.started: tuple[int, int] | None = None
        self.start_count = 0
        self.stopped = False
        self.opened = 0

    def start(self, clock_rate: int, frame_bytes: int) -> None:
        if (clock_rate, frame_bytes) != (16000, 640):
            raise ValueError("wrong rate")
        self.started = (clock_rate, frame_bytes)
        self.start_count += 1

    def stop(self) -> None:
        self.stopped = True

    def capture(self, nbytes: int) -> bytes:
        return self.captured.pop() or b""

    def playback(self, pcm: bytes) -> None:
        self.played.push(pcm)


class FakeRouting:
    """Stands in for ui.calls.audio_routing.AudioRouting (QtMultimedia and devices)."""

    made: ClassVar[list[FakeRouting]] = []

    def __init__(self, settings: Settings, parent: Any = None, streams: bool = True) -> None:
        from PySide6.QtCore import QObject, Signal

        class Signals(QObject):
            statusChanged = Signal(str)

        self._signals = Signals()
        self.statusChanged = self._signals.statusChanged
        self.settings = settings
        self.backend = FakeQtBackend()
        self.status = "Audio output “USB Headset” is not connected; using Null Output."
        self.opened = streams
        self.closed = False
        FakeRouting.made.append(self)

    def open(self) -> None:
        self.opened = True

    def apply(self, settings: Settings) -> None:
        self.settings = settings

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def fake_routing(monkeypatch: pytest.MonkeyPatch) -> type[FakeRouting]:
    import ui.calls.audio_routing

    FakeRouting.made = []
    monkeypatch.setattr(ui.calls.audio_routing, "AudioRouting", FakeRouting)
    return FakeRouting


def test_the_lazy_backend_is_silent_until_attached_then_forwards() -> None:
    lazy = LazyAudioBackend()
    lazy.start(16000, 640)  # the engine's boot, long before any call
    assert lazy.capture(640) == b""  # the far end hears silence
    for n in range(EARLY_FRAMES + 3):  # the first ring, before the Qt side exists
        lazy.playback(bytes([n]) * 640)

    inner = FakeQtBackend()
    lazy.attach(inner)
    assert inner.started == (16000, 640)
    # The newest 160 ms of the ring are played, not lost...
    assert [inner.played.pop() for _ in range(EARLY_FRAMES)] == [
        bytes([n]) * 640 for n in range(3, EARLY_FRAMES + 3)
    ]
    assert len(lazy.early) == 0
    # ...and from now on everything goes both ways through the Qt backend.
    lazy.playback(b"\x01" * 640)
    assert inner.played.pop() == b"\x01" * 640
    inner.captured.push(b"\x02" * 640)
    assert lazy.capture(640) == b"\x02" * 640
    lazy.stop()
    assert inner.stopped


def test_attach_and_engine_start_racing_start_the_qt_backend_exactly_once() -> None:
    # The engine starts the backend on the SIP thread while the GUI thread may be
    # attaching the Qt side: whichever comes second must start it, never neither.
    for _ in range(200):
        lazy = LazyAudioBackend()
        inner = FakeQtBackend()
        engine = threading.Thread(target=lazy.start, args=(16000, 640))
        engine.start()
        lazy.attach(inner)
        engine.join()
        assert (inner.started, inner.start_count) == ((16000, 640), 1)


def test_a_backend_for_another_rate_is_refused_when_attached() -> None:
    lazy = LazyAudioBackend()
    lazy.start(8000, 320)
    with pytest.raises(ValueError):
        lazy.attach(FakeQtBackend())
    assert lazy.inner is None


def test_only_a_call_or_a_tone_loads_the_audio(qtbot: Any, fake_routing: type) -> None:
    bridge = EngineBridge()
    audio = CallAudio(Settings(), bridge)
    feed(bridge, ToneChanged(""))  # a tone stopping is no reason
    qtbot.wait(50)
    assert not audio.loaded and audio.status == ""
    assert fake_routing.made == []

    with qtbot.waitSignal(audio.statusChanged) as shown:
        feed(bridge, incoming("c1", "+380441234567"))  # the first ring
    assert audio.loaded and audio.backend.inner is fake_routing.made[0].backend
    assert fake_routing.made[0].opened  # the streams are open for the call
    assert shown.args[0] == audio.status and "USB Headset" in audio.status
    feed(bridge, state("c1", CallPhase.CONFIRMED), ToneChanged("ring"))
    qtbot.wait(50)
    assert len(fake_routing.made) == 1  # loaded once, kept
    audio.close()
    assert fake_routing.made[0].closed
    fake_routing.made[0].opened = False
    feed(bridge, state("c1", CallPhase.DISCONNECTED))  # queued while shutting down
    qtbot.wait(50)
    assert not fake_routing.made[0].opened  # not reopened after close


@pytest.mark.parametrize(
    "event", [state("out-1", CallPhase.CALLING, 0), ToneChanged("ringback")], ids=str
)
def test_a_dial_loads_the_audio(qtbot: Any, fake_routing: type, event: Any) -> None:
    bridge = EngineBridge()
    audio = CallAudio(Settings(), bridge)
    feed(bridge, event)
    qtbot.waitUntil(lambda: audio.loaded)
    assert fake_routing.made[0].opened


def test_saved_settings_load_the_devices_but_open_no_stream(qtbot: Any, fake_routing: type) -> None:
    audio = CallAudio(Settings(), EngineBridge())
    chosen = Settings(audio_output="usb-headset-7", audio_output_name="USB Headset")
    audio.apply(chosen)
    (routing,) = fake_routing.made
    assert routing.settings is chosen and not routing.opened
    assert "USB Headset" in audio.status  # the status bar tells at once
    audio.need()
    assert routing.opened
    audio.apply(Settings())
    assert routing.settings == Settings() and len(fake_routing.made) == 1


def test_without_qtmultimedia_the_calls_are_silent_and_the_status_says_why(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ui.calls.audio_routing", None)  # import fails
    bridge = EngineBridge()
    audio = CallAudio(Settings(), bridge)
    with qtbot.waitSignal(audio.statusChanged):
        feed(bridge, incoming("c1", "1001"))
    assert audio.status.startswith("Audio unavailable: ")
    assert not audio.loaded and audio.backend.inner is None
    assert audio.backend.capture(640) == b""
    feed(bridge, incoming("c2", "1002"))  # tried once, not at every event
    qtbot.wait(50)
    assert audio.status.startswith("Audio unavailable: ")
