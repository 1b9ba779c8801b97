"""The settings dialog's Audio page: microphone and speaker choice, a live level
meter for the microphone, a test sound for the speaker, the ring tone and the
codecs calls may use.

Everything here runs on the GUI thread and is cheap: the meter reads the
microphone in Qt's push mode (a readyRead every few tens of ms) and keeps only
the peak of each chunk; it runs only while the page is on screen. The test
sound is 0.6 s of PCM generated once and played from memory.
"""

from __future__ import annotations

import dataclasses
import math
from array import array

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtMultimedia import (
    QAudioDevice,
    QAudioFormat,
    QAudioSink,
    QAudioSource,
    QMediaDevices,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QWidget,
)

from app.settings import Settings
from ui.calls.audio_routing import device_key
from ui.common.plain_text import plain_label
from ui.settings.codec_list import CodecList

RATE = 16000
# The Settings fields this page edits.
FIELDS = (
    "audio_input",
    "audio_input_name",
    "audio_output",
    "audio_output_name",
    "ring_tone",
    "codecs",
)
# Two short notes, the first of the ring tone's pair and a higher one: easy to
# recognise, nothing like a network tone.
TEST_NOTES = ((660.0, 0.25), (990.0, 0.35))
TEST_SOUND_MS = int(sum(seconds for _, seconds in TEST_NOTES) * 1000)


def test_sound_pcm(rate: int = RATE) -> bytes:
    """16-bit mono PCM of the test sound, with short fades so it does not click."""
    samples = array("h")
    fade = int(rate * 0.01)
    for frequency, seconds in TEST_NOTES:
        count = int(rate * seconds)
        for n in range(count):
            envelope = min(1.0, n / fade, (count - n) / fade)
            samples.append(int(12000 * envelope * math.sin(2 * math.pi * frequency * n / rate)))
    return samples.tobytes()


def peak_level(pcm: bytes) -> int:
    """0..100: the loudest sample of a chunk of 16-bit PCM."""
    samples = array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % 2])
    if not samples:
        return 0
    return min(100, max(max(samples), -min(samples)) * 100 // 32767)


class AudioPage(QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audioPage")
        self.input = QComboBox(self)
        self.input.setObjectName("audioInput")
        self.output = QComboBox(self)
        self.output.setObjectName("audioOutput")
        self._fill(
            self.input, QMediaDevices.audioInputs(), settings.audio_input, settings.audio_input_name
        )
        self._fill(
            self.output,
            QMediaDevices.audioOutputs(),
            settings.audio_output,
            settings.audio_output_name,
        )

        self.level = QProgressBar(self)
        self.level.setObjectName("micLevel")
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.level.setMaximumHeight(14)
        self.level.setToolTip(self.tr("Speak: the bar moves with your voice."))
        self.test_button = QPushButton(self.tr("Play test sound"), self)
        self.test_button.setObjectName("playTestSound")
        self.test_button.clicked.connect(self.play_test_sound)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(self.test_button)

        self.ring_tone = QComboBox(self)
        self.ring_tone.setObjectName("ringTone")
        self.ring_tone.addItem(self.tr("Built-in tone"), "builtin")
        self.ring_tone.addItem(self.tr("Off (window and tray only)"), "off")
        self.ring_tone.setCurrentIndex(max(0, self.ring_tone.findData(settings.ring_tone)))

        form = QFormLayout(self)
        form.addRow(self.tr("Microphone:"), self.input)
        form.addRow(self.tr("Input level:"), self.level)
        form.addRow(self.tr("Speaker or headset:"), output_row)
        form.addRow(self.tr("Ring tone:"), self.ring_tone)
        self.codecs = CodecList(list(settings.codecs), self)
        form.addRow(self.tr("Codecs:"), self.codecs)
        hint = plain_label(
            self,
            self.tr(
                "Changes apply when you save, to a call in progress too. An unplugged "
                "device is replaced by the system default until it is back."
            ),
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        form.addRow(hint)
        if not self.input.count() - 1 and not self.output.count() - 1:
            hint.setText(self.tr("No audio devices found: calls have no sound."))

        self._meter: QAudioSource | None = None
        self._meter_io: QIODevice | None = None
        self.meter_reads = 0  # chunks the meter has seen (tests wait for the first)
        self._player: QAudioSink | None = None
        self._sound: QBuffer | None = None
        self._player_done = QTimer(self)
        self._player_done.setSingleShot(True)
        self._player_done.timeout.connect(self._stop_player)
        self.input.currentIndexChanged.connect(self._restart_meter)

    def _fill(self, combo: QComboBox, devices: list[QAudioDevice], key: str, name: str) -> None:
        combo.addItem(self.tr("System default"), "")
        for device in devices:
            combo.addItem(device.description(), device_key(device))
        index = combo.findData(key)
        if index < 0:
            # Keep an absent device selectable, so opening and saving the dialog
            # does not silently forget the headset that is unplugged right now.
            combo.addItem(self.tr("%1 (not connected)").replace("%1", name or key), key)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    # --- what the dialog saves ---------------------------------------------------------

    def edited(self, settings: Settings) -> Settings:
        """``settings`` with this page's choices (the dialog saves the result)."""
        input_key, output_key = self.input.currentData(), self.output.currentData()
        return dataclasses.replace(
            settings,
            audio_input=input_key,
            audio_input_name=self._device_name(self.input) if input_key else "",
            audio_output=output_key,
            audio_output_name=self._device_name(self.output) if output_key else "",
            ring_tone=self.ring_tone.currentData(),
            codecs=self.codecs.chosen(),
        )

    def _device_name(self, combo: QComboBox) -> str:
        for device in self._devices(combo):
            if device_key(device) == combo.currentData():
                return device.description()
        return combo.currentText()

    def _devices(self, combo: QComboBox) -> list[QAudioDevice]:
        if combo is self.input:
            return list(QMediaDevices.audioInputs())
        return list(QMediaDevices.audioOutputs())

    def chosen(self, combo: QComboBox) -> QAudioDevice:
        """The device the combo names now, or the default when absent."""
        key = combo.currentData()
        for device in self._devices(combo):
            if key and device_key(device) == key:
                return device
        if combo is self.input:
            return QMediaDevices.defaultAudioInput()
        return QMediaDevices.defaultAudioOutput()

    # --- the level meter -------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._restart_meter()

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop()
        super().hideEvent(event)

    def _format(self) -> QAudioFormat:
        fmt = QAudioFormat()
        fmt.setSampleRate(RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        return fmt

    def _restart_meter(self) -> None:
        self._stop_meter()
        if not self.isVisible():
            return
        device = self.chosen(self.input)
        if device.isNull():
            self.level.setValue(0)
            self.level.setEnabled(False)
            return
        self.level.setEnabled(True)
        self._meter = QAudioSource(device, self._format(), self)
        self._meter.setBufferSize(RATE // 10 * 2)  # 100 ms: smooth enough, few wake-ups
        self._meter_io = self._meter.start()
        self._meter_io.readyRead.connect(self._on_level)

    def _on_level(self) -> None:
        if self._meter_io is not None:
            self.meter_reads += 1
            self.level.setValue(peak_level(bytes(self._meter_io.readAll().data())))

    def _stop_meter(self) -> None:
        if self._meter is not None:
            self._meter.stop()
            self._meter.deleteLater()
            self._meter = None
            self._meter_io = None
        self.level.setValue(0)

    # --- the test sound ---------------------------------------------------------------

    def play_test_sound(self) -> None:
        self._stop_player()
        device = self.chosen(self.output)
        if device.isNull():
            return
        self._sound = QBuffer(self)
        self._sound.setData(QByteArray(test_sound_pcm()))
        self._sound.open(QIODevice.OpenModeFlag.ReadOnly)
        self._player = QAudioSink(device, self._format(), self)
        self._player.start(self._sound)
        # Released by a timer, not on QAudioSink.stateChanged: PySide 6.12 cannot
        # deliver that signal to Python at all ("Cannot call meta function ...
        # QAudio::State cannot be converted"), whatever the slot looks like.
        self._player_done.start(TEST_SOUND_MS + 500)

    def _stop_player(self) -> None:
        self._player_done.stop()
        if self._player is not None:
            self._player.stop()
            self._player.deleteLater()
            self._player = None
        if self._sound is not None:
            self._sound.close()
            self._sound.deleteLater()
            self._sound = None

    def stop(self) -> None:
        """Release the microphone and the speaker (page hidden, dialog closed)."""
        self._stop_meter()
        self._stop_player()
