"""Plays call recordings for the timeline: one player, so starting a recording
stops the one playing.

QtMultimedia is created at the first play, not at start: loading its backend
(FFmpeg, the sound server) costs time and a window that never plays a
recording should not pay it. A machine without QtMultimedia or without the
file gets a sentence saying so, never an exception.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal

from ui.common.core_text import error_text

log = logging.getLogger(__name__)


class RecordingPlayer(QObject):
    message = Signal(str)  # why a recording did not play (translated)
    playingChanged = Signal(str)  # the file playing now, "" when nothing plays

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.player: Any = None  # QMediaPlayer, once the first recording plays
        self._output: Any = None  # its QAudioOutput (kept: the player does not own it)
        self.path = ""

    @property
    def playing(self) -> bool:
        return bool(self.path)

    def play(self, path: Path) -> bool:
        if not path.is_file():
            self.message.emit(self.tr("The recording file is missing: %1").replace("%1", str(path)))
            return False
        player = self._ensure_player()
        if player is None:
            return False
        player.stop()  # the one playing, if any
        self._set_path(str(path))
        player.setSource(QUrl.fromLocalFile(str(path)))
        player.play()
        return True

    def stop(self) -> None:
        if self.player is not None:
            self.player.stop()
        self._set_path("")

    def _ensure_player(self) -> Any:
        if self.player is not None:
            return self.player
        try:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
        except ImportError as exc:  # PySide6-Addons missing
            self.message.emit(
                self.tr("Recordings can't be played here: %1").replace("%1", error_text(exc))
            )
            return None
        self._output = QAudioOutput(self)
        self.player = QMediaPlayer(self)
        self.player.setAudioOutput(self._output)
        self.player.errorOccurred.connect(self._failed)
        self.player.playbackStateChanged.connect(self._state_changed)
        return self.player

    def _state_changed(self, state: Any) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        # Stopped also when a new source is set: only the end of *this* file counts.
        if state == QMediaPlayer.PlaybackState.StoppedState and self.path:
            source = self.player.source().toLocalFile()
            if source == self.path:
                self._set_path("")

    def _failed(self, _error: Any, text: str) -> None:
        log.warning("recording did not play: %s", text)
        self.message.emit(self.tr("The recording can't be played: %1").replace("%1", text))
        self._set_path("")

    def _set_path(self, path: str) -> None:
        if path != self.path:
            self.path = path
            self.playingChanged.emit(path)
