"""A customer's timeline: every call, message, email and note, newest first.

Pages come from core.timeline.page with a keyset cursor; scrolling near the
bottom loads the next page on the task worker. The channel filter starts over
from the newest row. A page that arrives for a customer or filter no longer
shown is dropped.

A call with a recording says so in its row and plays it (the "Play recording"
button, a double-click or the row's context menu). Which attachment belongs to
which row is read with the page, on the task worker. A chat row (Telegram,
WhatsApp, Viber, email) opens its conversation at that message (double-click
or Enter: ``conversationRequested``).

What changes while the timeline is shown is merged into what is loaded
(``refresh`` with the changed interactions' ids): a shown row is rewritten in
place, a new one goes in at its place, one that left the customer goes; the
operator's scroll position is kept, so a stream of changes never drags them
back to the first page.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
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
from ui.calls.calls import format_duration
from ui.calls.recording_player import RecordingPlayer
from ui.common.core_text import error_text
from ui.common.labels import channel_label, direction_label, local_time, status_label
from ui.common.plain_text import plain_label, plain_tooltip
from ui.common.tasks import TaskRunner

# The database side (SQLAlchemy) only where it is used: the window is built
# before the database is open (bench/README.md, "The window").
if TYPE_CHECKING:
    from app.models import Interaction
    from app.timeline import TimelineCursor

PAGE_SIZE = 50
ARROWS = {"in": "←", "out": "→"}


RECORDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's recording file (str), if any
CONVERSATION_ROLE = Qt.ItemDataRole.UserRole + 2  # a chat row's conversation id, if any
CHAT_CHANNELS = frozenset(
    {Channel.TELEGRAM.value, Channel.WHATSAPP.value, Channel.VIBER.value, Channel.EMAIL.value}
)
MAX_IDS = 500  # ids per IN (...) when rows are read again


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


@dataclass(frozen=True)
class ChangedRows:
    rows: list[Interaction]  # of the customer and the filter, as they are now
    gone: set[int]  # asked for, and no longer the customer's (deleted, moved)
    recordings: dict[int, Path]


def load_rows(
    core: Core, customer_id: int, interaction_ids: set[int], channels: Iterable[str] | None
) -> ChangedRows:
    """Runs on the task worker: these rows again, those of the customer (and
    the channel filter) kept."""
    from sqlmodel import col, select

    from app.models import Interaction

    ids = sorted(interaction_ids)
    found: list[Interaction] = []
    with core.db.session() as s:
        for start in range(0, len(ids), MAX_IDS):
            chunk = ids[start : start + MAX_IDS]
            found.extend(s.exec(select(Interaction).where(col(Interaction.id).in_(chunk))))
    wanted = set(channels) if channels is not None else None
    rows = [
        r for r in found if r.customer_id == customer_id and (wanted is None or r.channel in wanted)
    ]
    kept = {r.id for r in rows}
    calls = [r.id for r in rows if r.id is not None and r.channel == Channel.CALL.value]
    store = core.attachments
    recordings = {i: store.path_for(a.sha256) for i, a in store.recordings_of(calls).items()}
    return ChangedRows(rows, {i for i in ids if i not in kept}, recordings)


def _order(key: tuple[datetime, int]) -> tuple[float, int]:
    """Rows go newest first: this sorts their (time, id) keys ascending for bisect."""
    return (-key[0].timestamp(), -key[1])


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
    conversationRequested = Signal(int, int)  # conversation id, interaction id

    def __init__(self, core: Core, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.tasks = tasks
        self.customer_id: int | None = None
        self._cursor: TimelineCursor | None = None
        self._has_more = False
        self._loading = False
        self._generation = 0
        self.reads = 0  # the database reads this view asked for (a page, a change's rows)
        self._shown: set[int] = set()  # the interactions in the list
        self._keys: list[tuple[datetime, int]] = []  # (started_at, id) per row, newest first
        self._wanted: set[int] = set()  # changed rows to read once the read in flight is in
        self._refreshing = False

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
        self._keys.clear()
        self._wanted.clear()
        self._refreshing = False
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
        self.reads += 1
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
            if row.id is None or row.id in self._shown:
                continue  # (a change put it in already)
            if self._keys and _order((row.started_at, row.id)) < _order(self._keys[-1]):
                self._insert(row, page.recordings.get(row.id))
            else:
                self._keys.append((row.started_at, row.id))
                self.list.addItem(self._item(row, page.recordings.get(row.id)))
                self._shown.add(row.id)
        if rows:
            from app.timeline import Timeline

            self._cursor = Timeline.cursor_of(rows[-1])
        self._say_if_empty()
        # A short first page leaves no scroll bar to scroll: fill the view (laid
        # out first: Qt postpones that, and the bar has no range before it).
        self.list.doItemsLayout()
        bar = self.list.verticalScrollBar()
        if self._has_more and bar.maximum() == 0 and self.isVisible():
            self.load_more()

    def _item(self, row: Interaction, recording: Path | None) -> QListWidgetItem:
        item = QListWidgetItem(interaction_text(row, self.tr("recording") if recording else ""))
        self._dress(item, row, recording)
        return item

    def _dress(self, item: QListWidgetItem, row: Interaction, recording: Path | None) -> None:
        item.setText(interaction_text(row, self.tr("recording") if recording else ""))
        item.setData(Qt.ItemDataRole.UserRole, row.id)
        item.setData(RECORDING_ROLE, str(recording) if recording is not None else None)
        chat = row.channel in CHAT_CHANNELS and row.conversation_id is not None
        item.setData(CONVERSATION_ROLE, row.conversation_id if chat else None)
        if recording is not None:
            item.setToolTip(self.tr("Double-click to play the recording"))
        elif chat:
            item.setToolTip(self.tr("Double-click or press Enter to open the conversation here"))
        else:
            item.setToolTip("")
        failed = row.status in ("missed", "rejected", "failed", "busy", "no_answer")
        item.setForeground(Qt.GlobalColor.darkRed if failed else self.palette().text())

    def _say_if_empty(self) -> None:
        if self.list.count() == 0 and not self._loading:
            self.status.setText(self.tr("Nothing here yet."))
            self.status.show()
        elif self.list.count():
            self.status.hide()

    # --- changes ------------------------------------------------------------------

    def refresh(self, interaction_ids: Iterable[int]) -> None:
        """Changed interactions (a changes value's): the shown ones rewritten,
        new ones of the customer put in at their place, the view kept where the
        operator scrolled it. Rows older than what is loaded come with their page."""
        if self.customer_id is None:
            return
        self._wanted |= set(interaction_ids)
        if self._refreshing or not self._wanted:
            return
        ids, self._wanted = self._wanted, set()
        self._refreshing = True
        self.reads += 1
        generation, customer_id, channels = self._generation, self.customer_id, self.channels
        core = self.core
        self.tasks.run(
            lambda: load_rows(core, customer_id, ids, channels),
            lambda changed: self._merge(generation, changed),
            lambda exc: self._refresh_failed(generation, exc),
            owner=self,
        )

    def _refresh_failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self._refreshing = False
            self._failed(generation, exc)

    def _merge(self, generation: int, changed: ChangedRows) -> None:
        if generation != self._generation:
            return
        self._refreshing = False
        anchor = self._anchor()
        for interaction_id in changed.gone & self._shown:
            self._remove(interaction_id)
        for row in changed.rows:
            assert row.id is not None
            recording = changed.recordings.get(row.id)
            row_at = self._row_of(row.id)
            if row_at is not None:
                item = self.list.item(row_at)
                if (row.started_at, row.id) == self._keys[row_at]:
                    self._dress(item, row, recording)
                    continue
                self._remove(row.id)  # its time changed: it moves
            self._insert(row, recording)
        self._restore(anchor)
        self._say_if_empty()
        self._update_play_button()
        if self._wanted:
            self.refresh(())

    def _row_of(self, interaction_id: int) -> int | None:
        if interaction_id not in self._shown:
            return None
        for index in range(self.list.count()):
            if self.list.item(index).data(Qt.ItemDataRole.UserRole) == interaction_id:
                return index
        return None

    def _remove(self, interaction_id: int) -> None:
        index = self._row_of(interaction_id)
        if index is None:
            return
        self.list.takeItem(index)
        del self._keys[index]
        self._shown.discard(interaction_id)

    def _insert(self, row: Interaction, recording: Path | None) -> None:
        assert row.id is not None
        key = (row.started_at, row.id)
        at = bisect.bisect_left(self._keys, _order(key), key=_order)
        if at == len(self._keys) and self._has_more:
            return  # older than what is loaded: its page brings it
        self._keys.insert(at, key)
        self.list.insertItem(at, self._item(row, recording))
        self._shown.add(row.id)

    def _anchor(self) -> tuple[int, int] | None:
        """The row at the top of the view and where its top is; None at the very
        top (new rows there are shown, not scrolled past)."""
        if self.list.verticalScrollBar().value() == 0:
            return None
        item = self.list.itemAt(QPoint(4, 1))
        if item is None:
            return None
        return int(item.data(Qt.ItemDataRole.UserRole)), self.list.visualItemRect(item).top()

    def _restore(self, anchor: tuple[int, int] | None) -> None:
        if anchor is None:
            return
        index = self._row_of(anchor[0])
        if index is None:
            return
        item = self.list.item(index)
        self.list.doItemsLayout()
        bar = self.list.verticalScrollBar()
        top = self.list.visualItemRect(item).top() + bar.value()
        bar.setValue(top - anchor[1])

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
            return
        conversation = item.data(CONVERSATION_ROLE)
        if conversation is not None:
            self.conversationRequested.emit(
                int(conversation), int(item.data(Qt.ItemDataRole.UserRole))
            )

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
