"""A customer's timeline: every call, message, email and note, newest first.

Pages come from core.timeline.page with a keyset cursor; scrolling near the
bottom loads the next page on the task worker. The channel filter starts over
from the newest row. A page that arrives for a customer or filter no longer
shown is dropped.

A call with a recording says so in its row and plays it (the "Play recording"
button, a double-click or the row's context menu). Which attachment belongs to
which row is read with the page, on the task worker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core import Core
from app.enums import Channel
from ui.calls import format_duration
from ui.core_text import error_text
from ui.labels import channel_label, direction_label, local_time, status_label
from ui.plain_text import plain_label, plain_tooltip
from ui.recording_player import RecordingPlayer
from ui.tasks import TaskRunner

# The database side (SQLAlchemy) only where it is used: the window is built
# before the database is open (bench/README.md, "The window").
if TYPE_CHECKING:
    from app.models import Interaction
    from app.timeline import TimelineCursor

PAGE_SIZE = 50
ARROWS = {"in": "←", "out": "→"}


RECORDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's recording file (str), if any


@dataclass(frozen=True)
class TimelinePage:
    rows: list[Interaction]
    recordings: dict[int, Path]  # interaction id -> its recording file


def load_page(
    core: Core,
    customer_id: int,
    limit: int,
    cursor: TimelineCursor | None,
    channels: Iterable[str] | None,
) -> TimelinePage:
    """Runs on the task worker: the rows, then the recordings of their calls."""
    rows = core.timeline.page(customer_id, limit, cursor, channels)
    calls = [r.id for r in rows if r.id is not None and r.channel == Channel.CALL.value]
    store = core.attachments
    found = store.recordings_of(calls)
    return TimelinePage(rows, {i: store.path_for(a.sha256) for i, a in found.items()})


def interaction_text(row: Interaction, recording_note: str = "") -> str:
    """Two lines: what and when; then the subject or the start of the text."""
    parts = [local_time(row.started_at), channel_label(row.channel)]
    parts.append(f"{ARROWS.get(row.direction, '')} {direction_label(row.direction)}".strip())
    parts.append(status_label(row.status))
    if row.channel == Channel.CALL.value and row.duration_s:
        parts.append(format_duration(row.duration_s))
    if recording_note:
        parts.append(recording_note)
    head = " · ".join(parts)
    detail = (row.subject or row.body or "").strip().replace("\n", " ")
    if len(detail) > 160:
        detail = detail[:159] + "…"
    return f"{head}\n{detail}" if detail else head


class TimelineView(QWidget):
    def __init__(self, core: Core, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.tasks = tasks
        self.customer_id: int | None = None
        self._cursor: TimelineCursor | None = None
        self._has_more = False
        self._loading = False
        self._generation = 0
        self._shown: set[int] = set()  # the interactions in the list

        self.filter = QComboBox(self)
        self.filter.setObjectName("timelineFilter")
        self.filter.addItem(self.tr("All channels"), None)
        for channel in Channel:
            self.filter.addItem(channel_label(channel.value), channel.value)
        self.filter.currentIndexChanged.connect(lambda _: self.reload())
        title = plain_label(self, self.tr("Timeline"))
        title.setObjectName("timelineTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)

        self.list = QListWidget(self)
        self.list.setObjectName("timelineList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.status = plain_label(self)
        self.status.setObjectName("timelineStatus")
        self.status.setStyleSheet("color: palette(mid);")
        self.status.hide()

        self.player = RecordingPlayer(self)
        self.player.playingChanged.connect(lambda _: self._update_play_button())
        self.player.message.connect(self._show_player_message)
        self.play_button = QToolButton(self)
        self.play_button.setObjectName("playRecording")
        self.play_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.play_button.clicked.connect(self.toggle_playback)
        self.list.currentItemChanged.connect(lambda *_: self._update_play_button())
        self.list.itemActivated.connect(self._activated)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.player_note = plain_label(self)
        self.player_note.setObjectName("recordingMessage")
        self.player_note.setStyleSheet("color: #b3261e;")
        self.player_note.setWordWrap(True)
        self.player_note.hide()
        self._update_play_button()

        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.play_button)
        head.addWidget(plain_label(self, self.tr("Show:")))
        head.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.player_note)

    @property
    def channels(self) -> list[str] | None:
        value = self.filter.currentData()
        return [value] if value else None

    @property
    def has_more(self) -> bool:
        return self._has_more

    @property
    def loading(self) -> bool:
        return self._loading

    def shows_any(self, interaction_ids: Iterable[int]) -> bool:
        """Whether one of these interactions is in the list (a change to it,
        its recording or its delivery status, concerns this view)."""
        return not self._shown.isdisjoint(interaction_ids)

    def set_customer(self, customer_id: int | None) -> None:
        if customer_id != self.customer_id:
            self.player.stop()  # another customer's recording would keep talking
            self.player_note.hide()
        self.customer_id = customer_id
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self._cursor = None
        self._has_more = False
        self._loading = False
        self._shown.clear()
        self.list.clear()
        self.status.hide()
        if self.customer_id is not None:
            self.load_more()

    def load_more(self) -> None:
        if self.customer_id is None or self._loading:
            return
        if self._cursor is not None and not self._has_more:
            return
        self._loading = True
        generation = self._generation
        customer_id, cursor, channels = self.customer_id, self._cursor, self.channels
        core = self.core
        self.tasks.run(
            lambda: load_page(core, customer_id, PAGE_SIZE + 1, cursor, channels),
            lambda page: self._show(generation, page),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _show(self, generation: int, page: TimelinePage) -> None:
        if generation != self._generation:
            return
        self._loading = False
        rows = page.rows
        self._has_more = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE]
        for row in rows:
            recording = page.recordings.get(row.id) if row.id is not None else None
            item = QListWidgetItem(interaction_text(row, self.tr("recording") if recording else ""))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            if row.id is not None:
                self._shown.add(row.id)
            if recording is not None:
                item.setData(RECORDING_ROLE, str(recording))
                item.setToolTip(self.tr("Double-click to play the recording"))
            if row.status in ("missed", "rejected", "failed", "busy", "no_answer"):
                item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
        if rows:
            from app.timeline import Timeline

            self._cursor = Timeline.cursor_of(rows[-1])
        if self.list.count() == 0:
            self.status.setText(self.tr("Nothing here yet."))
            self.status.show()
        # A short first page leaves no scroll bar to scroll: fill the view.
        bar = self.list.verticalScrollBar()
        if self._has_more and bar.maximum() == 0 and self.isVisible():
            self.load_more()

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.status.setText(
            self.tr("The timeline could not be loaded: %1").replace("%1", error_text(exc))
        )
        self.status.show()

    # --- recordings ------------------------------------------------------------------

    def recording_of(self, item: QListWidgetItem | None) -> Path | None:
        value = item.data(RECORDING_ROLE) if item is not None else None
        return Path(value) if value else None

    def play(self, item: QListWidgetItem) -> bool:
        path = self.recording_of(item)
        if path is None:
            return False
        self.player_note.hide()
        return self.player.play(path)

    def toggle_playback(self) -> None:
        """The head's button: stop what plays, or play the selected row's recording."""
        if self.player.playing:
            self.player.stop()
            return
        item = self.list.currentItem()
        if item is not None:
            self.play(item)

    def _activated(self, item: QListWidgetItem) -> None:
        if self.recording_of(item) is not None:
            self.play(item)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if self.recording_of(item) is None and not self.player.playing:
            return
        menu = QMenu(self)
        if item is not None and self.recording_of(item) is not None:
            menu.addAction(self.tr("Play recording"), lambda: self.play(item))
        if self.player.playing:
            menu.addAction(self.tr("Stop playback"), self.player.stop)
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def _update_play_button(self) -> None:
        if self.player.playing:
            self.play_button.setText(self.tr("■ Stop playback"))
            self.play_button.setEnabled(True)
            self.play_button.setToolTip(plain_tooltip(self.player.path))
            return
        self.play_button.setText(self.tr("▶ Play recording"))
        has_recording = self.recording_of(self.list.currentItem()) is not None
        self.play_button.setEnabled(has_recording)
        self.play_button.setToolTip(
            self.tr("Play the selected call's recording")
            if has_recording
            else self.tr("Select a call with a recording to play it")
        )

    def _show_player_message(self, text: str) -> None:
        self.player_note.setText(text)
        self.player_note.setVisible(bool(text))

    def _scrolled(self, value: int) -> None:
        bar = self.list.verticalScrollBar()
        if self._has_more and value >= bar.maximum() - 40:
            self.load_more()
