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
from PySide6.QtGui import QAction, QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.contacts import format_phone
from ui.common.plain_text import plain_label

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
    assigned_to: str | None = None

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
            request.assigned_to,
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
            if row.claimed_by or not row.assigned_to:
                return row.claimed_by or ""
            return self.tr("%1 (assigned)").replace("%1", row.assigned_to)
        if role == Qt.ItemDataRole.ForegroundRole and column == "sla" and row.sla_deadline:
            left = row.sla_deadline - self.now
            if left < timedelta(0):
                return QBrush(OVERDUE_COLOR)
            if left < SOON:
                return QBrush(SOON_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and column == "handler" and row.assigned_to:
            return self.tr("Assigned to %1: only they get it with “Call next”").replace(
                "%1", row.assigned_to
            )
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
    # The selected row's request id: give it to an operator, back to everyone,
    # or cancel it (the desk asks who, or why).
    assignRequested = Signal(int)
    releaseRequested = Signal(int)
    cancelRequested = Signal(int)

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
        self.row_actions = self._row_actions()
        top = QHBoxLayout()
        top.addWidget(plain_label(self, self.tr("Show:")))
        top.addWidget(self.view)
        top.addStretch(1)
        top.addWidget(self.summary)
        for action in self.row_actions.values():
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setObjectName(f"{action.objectName()}Button")
            top.addWidget(button)
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
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(lambda: self.refresh_clock(datetime.now(UTC)))
        self.timer.start()
        self.set_requests([], datetime.now(UTC))

    def set_requests(self, requests: list[Any], now: datetime) -> None:
        rows = [r if isinstance(r, QueueRow) else QueueRow.of(r) for r in requests]
        # Another operator's write reads the queue again at any moment: the row
        # the operator is on stays selected (and its keys working) if it is still there.
        selected = self.selected_request()
        self.model.set_rows(rows, now)
        if selected is not None:
            self.select_request(selected)
        self._update_summary()

    def refresh_clock(self, now: datetime) -> None:
        self.model.tick(now)
        self._update_summary()

    def selected_request(self) -> int | None:
        row = self.selected_row()
        return row.request_id if row is not None else None

    def selected_row(self) -> QueueRow | None:
        index = self.table.currentIndex()
        selected = self.table.selectionModel().isSelected(index) if index.isValid() else False
        return self.model.rows[index.row()] if selected else None

    def select_request(self, request_id: int) -> bool:
        """Makes the row of ``request_id`` current; False when it is not shown."""
        for number, row in enumerate(self.model.rows):
            if row.request_id == request_id:
                self.table.selectRow(number)
                return True
        return False

    def _row_actions(self) -> dict[str, QAction]:
        """The selected row's actions, on the buttons, the row's menu and their
        keys (while the table has the focus, so Delete in a text field elsewhere
        never cancels a callback)."""
        made: dict[str, QAction] = {}
        for name, text, tip, keys, signal in (
            (
                "assignCallback",
                self.tr("Assign to…"),
                self.tr("Give this request to an operator: only they get it with “Call next”"),
                "Ctrl+G",
                self.assignRequested,
            ),
            (
                "releaseCallback",
                self.tr("Release"),
                self.tr("Give this request back to everyone"),
                "Ctrl+Shift+G",
                self.releaseRequested,
            ),
            (
                "cancelCallback",
                self.tr("Cancel request…"),
                self.tr("Nobody is to call this customer back: close the request, saying why"),
                "Delete",
                self.cancelRequested,
            ),
        ):
            action = QAction(text, self)
            action.setIconText(text)  # a button would drop the "…" that says it asks first
            action.setObjectName(name)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(
                f"{tip} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            action.triggered.connect(lambda _=False, emit=signal.emit: self._for_selected(emit))
            self.table.addAction(action)
            made[name] = action
        return made

    def _for_selected(self, emit: Any) -> None:
        row = self.selected_row()
        if row is not None:
            emit(row.request_id)

    def _update_actions(self) -> None:
        row = self.selected_row()
        self.row_actions["assignCallback"].setEnabled(row is not None)
        self.row_actions["cancelCallback"].setEnabled(row is not None)
        held = row is not None and bool(row.claimed_by or row.assigned_to)
        self.row_actions["releaseCallback"].setEnabled(held)

    def _row_menu(self, at: Any) -> None:
        index = self.table.indexAt(at)
        if not index.isValid():
            return
        self.table.selectRow(index.row())  # the row's actions act on the row clicked
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        request_id = self.model.rows[index.row()].request_id
        call = menu.addAction(self.tr("Call back"))
        # The request under the pointer, by id: a refresh while the menu is open
        # resets the rows.
        call.triggered.connect(lambda: self.callRequested.emit(request_id))
        menu.addSeparator()
        for action in self.row_actions.values():
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(at))

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
