"""A customer's timeline: every call, message, email and note, newest first.

Pages come from core.timeline.page with a keyset cursor; scrolling near the
bottom loads the next page on the task worker. The channel filter starts over
from the newest row. A page that arrives for a customer or filter no longer
shown is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import Core
from app.models import Channel, Interaction
from app.timeline import Timeline, TimelineCursor
from ui.calls import format_duration
from ui.labels import channel_label, direction_label, local_time, status_label
from ui.tasks import TaskRunner

PAGE_SIZE = 50
ARROWS = {"in": "←", "out": "→"}


def interaction_text(row: Interaction) -> str:
    """Two lines: what and when; then the subject or the start of the text."""
    parts = [local_time(row.started_at), channel_label(row.channel)]
    parts.append(f"{ARROWS.get(row.direction, '')} {direction_label(row.direction)}".strip())
    parts.append(status_label(row.status))
    if row.channel == Channel.CALL.value and row.duration_s:
        parts.append(format_duration(row.duration_s))
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

        self.filter = QComboBox(self)
        self.filter.setObjectName("timelineFilter")
        self.filter.addItem(self.tr("All channels"), None)
        for channel in Channel:
            self.filter.addItem(channel_label(channel.value), channel.value)
        self.filter.currentIndexChanged.connect(lambda _: self.reload())
        title = QLabel(self.tr("Timeline"), self)
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
        self.status = QLabel(self)
        self.status.setObjectName("timelineStatus")
        self.status.setStyleSheet("color: palette(mid);")
        self.status.hide()

        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Show:"), self))
        head.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)

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

    def set_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self._cursor = None
        self._has_more = False
        self._loading = False
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
        timeline: Timeline = self.core.timeline
        self.tasks.run(
            lambda: timeline.page(customer_id, PAGE_SIZE + 1, cursor, channels),
            lambda rows: self._show(generation, rows),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _show(self, generation: int, rows: list[Interaction]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._has_more = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE]
        for row in rows:
            item = QListWidgetItem(interaction_text(row))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            if row.status in ("missed", "rejected", "failed", "busy", "no_answer"):
                item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
        if rows:
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
        self.status.setText(self.tr("The timeline could not be loaded: %1").replace("%1", str(exc)))
        self.status.show()

    def _scrolled(self, value: int) -> None:
        bar = self.list.verticalScrollBar()
        if self._has_more and value >= bar.maximum() - 40:
            self.load_more()
