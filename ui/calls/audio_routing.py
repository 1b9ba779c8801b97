"""Which OS audio devices the calls use: the operator's choice, or the default.

The settings keep a device by its OS id (``device_key``). A device that is not
there (unplugged headset, another machine's config) is never an error: the
system default is used and ``AudioRouting.status`` says so for the status bar.
When devices come and go while the app runs (QMediaDevices' signals), the
choice is resolved again, so plugging the headset back in returns to it, and
unplugging it mid-call moves the call to the default device.

GUI thread only: QMediaDevices and the QtAudioBackend's streams live here.
Importing this module loads QtMultimedia (~6 MB) and creating ``AudioRouting``
its FFmpeg backend (~23 MB, it links Qt Quick): ui/calls/call_audio.py does both at
the first call, not at start.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

from app.settings import Settings
from sip.qt_audio import QtAudioBackend

log = logging.getLogger(__name__)


def device_key(device: QAudioDevice) -> str:
    """The text a device is stored under: its OS id (a PulseAudio sink name, a
    WASAPI endpoint id...), which stays the same across restarts, unlike its
    position in the list or, with two identical headsets, its description."""
    return bytes(device.id().data()).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class Resolved:
    device: QAudioDevice  # a null QAudioDevice when the system has none at all
    missing: bool  # the stored device is not present; device is the default instead


def resolve(key: str, devices: list[QAudioDevice], default: QAudioDevice) -> Resolved:
    """The device stored as ``key`` ("" = the system default) among ``devices``."""
    if not key:
        return Resolved(default, False)
    for device in devices:
        if device_key(device) == key:
            return Resolved(device, False)
    return Resolved(default, True)


class AudioRouting(QObject):
    """Owns the call audio backend and keeps it on the right devices."""

    statusChanged = Signal(str)  # "" when all is well

    def __init__(
        self, settings: Settings, parent: QObject | None = None, streams: bool = True
    ) -> None:
        """``streams=False``: resolve the devices (and say what is wrong) without
        opening them yet; ``open()`` does that."""
        super().__init__(parent)
        self.settings = settings
        self._media = QMediaDevices(self)
        self._media.audioInputsChanged.connect(self.reroute)
        self._media.audioOutputsChanged.connect(self.reroute)
        self.backend = QtAudioBackend()
        self.status = ""
        self.opened = False
        self.reroute()
        if streams:
            self.open()

    def open(self) -> None:
        """Open the speaker and microphone streams (once; they stay open)."""
        if not self.opened:
            self.opened = True
            self.backend.open()

    def apply(self, settings: Settings) -> None:
        """New settings (devices chosen in the dialog): switch now, mid-call too."""
        self.settings = settings
        self.reroute()

    def reroute(self) -> None:
        settings = self.settings
        output = resolve(
            settings.audio_output,
            list(QMediaDevices.audioOutputs()),
            QMediaDevices.defaultAudioOutput(),
        )
        input = resolve(
            settings.audio_input,
            list(QMediaDevices.audioInputs()),
            QMediaDevices.defaultAudioInput(),
        )
        self.backend.set_devices(output.device, input.device)
        self._set_status(self._describe(output, input))

    def close(self) -> None:
        self.opened = False
        self.backend.close()

    def _describe(self, output: Resolved, input: Resolved) -> str:
        settings = self.settings
        if output.device.isNull() and input.device.isNull():
            return self.tr("No audio devices found: calls have no sound.")
        problems: list[str] = []
        if output.device.isNull():
            problems.append(self.tr("No audio output: the caller can't be heard."))
        elif output.missing:
            problems.append(
                self.tr("Audio output “%1” is not connected; using %2.")
                .replace("%1", settings.audio_output_name or settings.audio_output)
                .replace("%2", output.device.description())
            )
        if input.device.isNull():
            problems.append(self.tr("No microphone: the caller hears silence."))
        elif input.missing:
            problems.append(
                self.tr("Microphone “%1” is not connected; using %2.")
                .replace("%1", settings.audio_input_name or settings.audio_input)
                .replace("%2", input.device.description())
            )
        return " ".join(problems)

    def _set_status(self, text: str) -> None:
        if text != self.status:
            if text:
                log.warning("audio: %s", text)
            self.status = text
            self.statusChanged.emit(text)
