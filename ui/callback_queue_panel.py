"""The callback queue panel: what to call back, most urgent first.

A pure view: the window hands it snapshots of the queue (``set_requests``), read
off the GUI thread, and acts on its signals. A one-second timer only repaints the
SLA countdowns; it never touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.contacts import format_phone
from ui.plain_text import plain_label

OVERDUE_COLOR = QColor("#c62828")  # red: the SLA is blown
SOON_COLOR = QColor("#ef6c00")  # orange: under five minutes left
SOON = timedelta(minutes=5)


@dataclass(frozen=True)
class QueueRow:
    """What the panel shows of one request; built from a CallbackRequest."""

    request_id: int
    phone: str
    name: str
    source: str
    due_at: datetime | None
    sla_deadline: datetime | None
    attempts: int
    missed_count: int
    claimed_by: str | None
    priority: int

    @classmethod
    def of(cls, request: Any) -> QueueRow:
        return cls(
            request.id,
            request.phone,
            request.name,
            request.source,
            request.due_at,
            request.sla_deadline,
            request.attempts,
            request.missed_count,
            request.claimed_by,
            request.priority,
        )


def countdown_text(deadline: datetime | None, now: datetime) -> str:
    """ "12:04" left, or "-3:10" overdue; hours shown past one hour."""
    if deadline is None:
        return ""
    seconds = int((deadline - now).total_seconds())
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


class CallbackQueueModel(QAbstractTableModel):
    COLUMNS = ("sla", "customer", "phone", "source", "attempts", "handler")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[QueueRow] = []
        self.now = datetime.now(UTC)

    def headers(self) -> list[str]:
        return [
            self.tr("SLA"),
            self.tr("Customer"),
            self.tr("Phone"),
            self.tr("Source"),
            self.tr("Attempts"),
            self.tr("Taken by"),
        ]

    def source_text(self, source: str) -> str:
        return {
            "missed_call": self.tr("Missed call"),
            "web_form": self.tr("Web form"),
            "messenger": self.tr("Messenger"),
            "email": self.tr("Email"),
            "manual": self.tr("Manual"),
        }.get(source, source)

    def set_rows(self, rows: list[QueueRow], now: datetime) -> None:
        self.beginResetModel()
        self.rows, self.now = rows, now
        self.endResetModel()

    def tick(self, now: datetime) -> None:
        self.now = now
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "sla":
                return countdown_text(row.sla_deadline, self.now)
            if column == "customer":
                return row.name or self.tr("Unknown")
            if column == "phone":
                return format_phone(row.phone)
            if column == "source":
                text = self.source_text(row.source)
                return f"{text} ×{row.missed_count}" if row.missed_count > 1 else text
            if column == "attempts":
                return str(row.attempts)
            return row.claimed_by or ""
        if role == Qt.ItemDataRole.ForegroundRole and column == "sla" and row.sla_deadline:
            left = row.sla_deadline - self.now
            if left < timedelta(0):
                return QBrush(OVERDUE_COLOR)
            if left < SOON:
                return QBrush(SOON_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and row.due_at:
            return self.tr("Due {0}").format(row.due_at.astimezone().strftime("%d.%m %H:%M"))
        if role == Qt.ItemDataRole.UserRole:
            return row.request_id
        return None


class CallbackQueuePanel(QWidget):
    """Signals carry request ids; the window does the work off the GUI thread."""

    callNextRequested = Signal()
    callRequested = Signal(int)  # Enter or double-click on a row
    viewChanged = Signal(str)  # "all", "mine", "overdue"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CallbackQueueModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._call_row)
        self.view = QComboBox(self)
        for key, label in (
            ("all", self.tr("All")),
            ("mine", self.tr("Mine")),
            ("overdue", self.tr("Overdue")),
        ):
            self.view.addItem(label, key)
        self.view.currentIndexChanged.connect(
            lambda _i: self.viewChanged.emit(self.view.currentData())
        )
        self.call_next = QPushButton(self.tr("Call next"), self)
        self.call_next.setToolTip(self.tr("Take the most urgent request and dial (F9)"))
        self.call_next.clicked.connect(self.callNextRequested)
        self.summary = plain_label(self)
        top = QHBoxLayout()
        top.addWidget(plain_label(self, self.tr("Show:")))
        top.addWidget(self.view)
        top.addStretch(1)
        top.addWidget(self.summary)
        top.addWidget(self.call_next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        # Standalone, F9 is the panel's own; the window disables this one, as its
        # "next callback" action owns F9 there (two owners would block both).
        self.call_next_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F9), self)
        self.call_next_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.call_next_shortcut.activated.connect(self.callNextRequested.emit)
        self.table.installEventFilter(self)  # Enter on a row dials it
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(lambda: self.refresh_clock(datetime.now(UTC)))
        self.timer.start()
        self.set_requests([], datetime.now(UTC))

    def set_requests(self, requests: list[Any], now: datetime) -> None:
        rows = [r if isinstance(r, QueueRow) else QueueRow.of(r) for r in requests]
        self.model.set_rows(rows, now)
        self._update_summary()

    def refresh_clock(self, now: datetime) -> None:
        self.model.tick(now)
        self._update_summary()

    def selected_request(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()].request_id if index.isValid() else None

    def _update_summary(self) -> None:
        now = self.model.now
        overdue = sum(1 for r in self.model.rows if r.sla_deadline and r.sla_deadline < now)
        text = self.tr("%n waiting", "", len(self.model.rows))
        if overdue:
            text += " · " + self.tr("%n overdue", "", overdue)
        self.summary.setText(text)
        self.call_next.setEnabled(bool(self.model.rows))

    def _call_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.callRequested.emit(self.model.rows[index.row()].request_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._call_row(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)
