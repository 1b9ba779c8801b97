"""The "waiting for reply" inbox: every conversation whose customer waits for
an answer, across every channel and account, the one who has waited longest
first (app/waiting_inbox.py decides the order; this view never re-sorts).

Each row: the wait clock ("4 min", "1 h 12 min"), amber and red past the
thresholds of the settings; the customer, or how the platform names an
unknown sender (and their @username); the channel and the account; the last
message in one line (its kind when it has no words); unread; the assignee.
Filters: all, mine, unassigned (asked of the core), and per channel (among
what was read: switching is instant and the channel list shows what waits).

Reading: on the task worker, 300 ms after a changes value that names a
conversation (or a customer shown: a rename), a burst being one read, and
every minute besides (another window on a shared database writes what no
change of this process names). One timer repaints the clocks, when a minute
may have passed or the next row changes colour, whichever is first: it
never queries. Enter (or a double click) on a row is ``conversation_chosen``;
an unknown sender's row offers "Link to a customer…" and "Create customer…".

Nothing imported here brings SQLAlchemy: the window is built before the
database is open (bench/README.md, "The window").
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common.core_text import error_text
from ui.common.labels import channel_label, local_time
from ui.common.plain_text import plain_label, plain_tooltip
from ui.common.tasks import TaskRunner
from ui.conversations.kind_text import kind_text

if TYPE_CHECKING:
    from app.changes import Changes
    from app.core import Core
    from app.waiting_inbox import WaitingEntry, WaitingPage, WaitThresholds

log = logging.getLogger(__name__)

REFRESH_MS = 60_000  # read again this often besides after changes (other windows' writes)
SOON_MS = 300  # a burst of changes becomes one read (at most one per this)
TICK = timedelta(seconds=15)  # the clocks show minutes: repainted at least this often
MIN_TICK = timedelta(milliseconds=500)
LIMIT = 1000  # entries read at once (the core's largest page)
RESIZE_ROWS = 50  # rows the fitted columns are measured on, besides those in sight

AMBER_TEXT = QColor("#8a5300")
AMBER_BACK = QColor("#ffe7b3")
RED_TEXT = QColor("#b71c1c")
RED_BACK = QColor("#ffd6d6")

SHOW_CHOICES = ("all", "mine", "unassigned")  # app.waiting_inbox.Show values


def wait_text(waited: timedelta) -> str:
    """How long a customer has waited, as the clock shows it."""
    minutes = max(0, int(waited.total_seconds() // 60))
    if minutes < 1:
        return QCoreApplication.translate("WaitingList", "< 1 min")
    if minutes < 60:
        return QCoreApplication.translate("WaitingList", "%1 min").replace("%1", str(minutes))
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        if not minutes:
            return QCoreApplication.translate("WaitingList", "%1 h").replace("%1", str(hours))
        return (
            QCoreApplication.translate("WaitingList", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", str(minutes))
        )
    days, hours = divmod(hours, 24)
    if not hours:
        return QCoreApplication.translate("WaitingList", "%1 d").replace("%1", str(days))
    return (
        QCoreApplication.translate("WaitingList", "%1 d %2 h")
        .replace("%1", str(days))
        .replace("%2", str(hours))
    )


def sender_text(entry: WaitingEntry) -> str:
    """The customer's name; for an unknown sender the platform's name and
    @username (the username alone tells two "Олена"s apart)."""
    if entry.customer_name:
        return entry.customer_name
    name = entry.display_name
    if entry.username and name != f"@{entry.username}":
        return f"{name} (@{entry.username})"
    return name


def preview_text(entry: WaitingEntry) -> str:
    preview = entry.preview
    if preview is None:
        return ""
    return preview.text or kind_text(preview.kind.value)


class WaitingModel(QAbstractTableModel):
    COLUMNS = ("wait", "customer", "channel", "message", "unread", "assignee")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[WaitingEntry] = []
        self.now = datetime.now(UTC)
        self.thresholds: WaitThresholds | None = None

    def headers(self) -> list[str]:
        return [
            self.tr("Waits"),
            self.tr("Customer"),
            self.tr("Channel"),
            self.tr("Last message"),
            self.tr("Unread"),
            self.tr("Assigned to"),
        ]

    def set_rows(self, rows: list[WaitingEntry], now: datetime, thresholds: WaitThresholds) -> None:
        self.beginResetModel()
        self.rows, self.now, self.thresholds = rows, now, thresholds
        self.endResetModel()

    def tick(self, now: datetime, thresholds: WaitThresholds) -> None:
        """Only the clocks change: one signal for their column."""
        self.now, self.thresholds = now, thresholds
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))

    def level(self, row: int) -> str:
        """ "normal", "amber" or "red" (app.waiting_inbox.WaitLevel values)."""
        if self.thresholds is None:
            return "normal"
        return self.thresholds.level(self.now - self.rows[row].waiting_since).value

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
        entry = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.UserRole:
            return entry.conversation_id
        if column == "wait":
            level = self.level(index.row())
            if role == Qt.ItemDataRole.ForegroundRole and level != "normal":
                return QBrush(RED_TEXT if level == "red" else AMBER_TEXT)
            if role == Qt.ItemDataRole.BackgroundRole and level != "normal":
                return QBrush(RED_BACK if level == "red" else AMBER_BACK)
            if role == Qt.ItemDataRole.FontRole and level == "red":
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Waiting since %1").replace("%1", local_time(entry.waiting_since))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == "customer" and entry.customer_id is None:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Not linked to a customer yet (right-click to link)")
        if column == "message" and role == Qt.ItemDataRole.ToolTipRole:
            # The cell shows one elided line; the tooltip the whole preview.
            return plain_tooltip(entry.preview.text) if entry.preview is not None else None
        if column == "unread":
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.FontRole and entry.unread:
                font = QFont()
                font.setBold(True)
                return font
        return None

    def _display(self, entry: WaitingEntry, column: str) -> str:
        if column == "wait":
            return wait_text(self.now - entry.waiting_since)
        if column == "customer":
            return sender_text(entry)
        if column == "channel":
            name = channel_label(entry.channel)
            return f"{name} · {entry.account_label}" if entry.account_label else name
        if column == "message":
            return preview_text(entry)
        if column == "unread":
            return str(entry.unread) if entry.unread else ""
        return entry.assignee


class WaitingList(QWidget):
    # (customer id, or -1 for an unknown sender; conversation id)
    conversation_chosen = Signal(int, int)
    # The rows shown and whether more wait than were read: the dock's title.
    count_changed = Signal(int, bool)
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        core: Core,
        tasks: TaskRunner,
        operator: str,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("waitingList")
        self.core = core
        self.tasks = tasks
        self.operator = operator
        self.clock = clock or (lambda: datetime.now(UTC))
        self.entries: list[WaitingEntry] = []  # as read (the show filter applied)
        self.more = False  # more are waiting than were read
        self.channel: str | None = None  # the channel filter; None: all
        self.loaded = False
        self._dialogs: list[QWidget] = []  # link / create dialogs opened here
        self._stopped = False
        self._loading = False
        self._reload_again = False
        self._last_read = float("-inf")  # time.monotonic() of the last read asked
        self._ignore_channel_box = False

        self.model = WaitingModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("waitingTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        # One line a row: the style's default row is taller than its text needs.
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, arrows move in it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            self.model.COLUMNS.index("message"), QHeaderView.ResizeMode.Stretch
        )
        header.setHighlightSections(False)
        # Fitted to the first rows and those in sight, not to the 1,000 Qt measures
        # by default: that is ~40,000 data() calls at every read of a full list,
        # 150-200 ms of the GUI thread (bench/README.md, "The conversations panel").
        header.setResizeContentsPrecision(RESIZE_ROWS)
        self.table.doubleClicked.connect(self._choose_index)
        self.table.installEventFilter(self)  # Enter on a row chooses it
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.show_box = QComboBox(self)
        self.show_box.setObjectName("waitingShow")
        for key, label in (
            ("all", self.tr("All")),
            ("mine", self.tr("Mine")),
            ("unassigned", self.tr("Unassigned")),
        ):
            self.show_box.addItem(label, key)
        self.show_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.channel_box = QComboBox(self)
        self.channel_box.setObjectName("waitingChannel")
        self.channel_box.addItem(self.tr("All channels"), None)
        self.channel_box.currentIndexChanged.connect(self._channel_picked)
        self.summary = plain_label(self)
        self.summary.setObjectName("waitingSummary")
        show_label = plain_label(self, self.tr("&Show:"))
        show_label.setBuddy(self.show_box)
        top = QHBoxLayout()
        top.addWidget(show_label)
        top.addWidget(self.show_box)
        top.addWidget(self.channel_box)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.setTabOrder(self.show_box, self.channel_box)
        self.setTabOrder(self.channel_box, self.table)

        self.clock_timer = QTimer(self)
        self.clock_timer.setSingleShot(True)
        self.clock_timer.timeout.connect(self.tick)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SOON_MS)
        self._soon.timeout.connect(self.refresh)
        self._update_summary()

    # --- reading -----------------------------------------------------------------------

    @property
    def show_filter(self) -> str:
        return str(self.show_box.currentData())

    def set_show(self, show: str) -> None:
        """ "all", "mine" or "unassigned"; read again."""
        self.show_box.setCurrentIndex(max(0, self.show_box.findData(show)))

    def set_channel(self, channel: str | None) -> None:
        """One channel ("telegram"), or None for all; no read needed."""
        self.channel = channel
        self._fill_channel_box()
        self._show_rows()

    def start(self) -> None:
        """The database is open: the first read, and the safety read's timer."""
        self._stopped = False
        self.refresh()
        self.refresh_timer.start()

    def stop(self) -> None:
        """No more reads (the app is closing; the task runner is going away)."""
        self._stopped = True
        self.refresh_timer.stop()
        self._soon.stop()
        self.clock_timer.stop()

    def concerns(self, changes: Changes) -> bool:
        """A conversation changed (a message, an answer queued, an assignment, a
        link), or a customer shown here (renamed, deleted)."""
        if changes.conversations or changes.new_messages:
            return True
        shown = {e.customer_id for e in self.entries if e.customer_id is not None}
        return not shown.isdisjoint(changes.customers)

    def apply_changes(self, changes: Changes) -> None:
        """The window's changes value: read again soon when it concerns the list."""
        if not self._stopped and self.concerns(changes):
            self.refresh_soon()

    @property
    def refresh_pending(self) -> bool:
        return self._soon.isActive() or self._loading

    def refresh_soon(self) -> None:
        """The first change after a quiet spell is read at once; the ones that
        follow it within SOON_MS wait for one read together. The timer is not
        restarted by later changes: a steady stream can't hold it back."""
        if self._soon.isActive():
            return
        if not self._loading and time.monotonic() - self._last_read >= SOON_MS / 1000:
            self.refresh()
        else:
            self._soon.start()

    def refresh(self) -> None:
        if self._stopped or not self.core.is_open or not shiboken6.isValid(self.tasks):
            return  # (the window starts the list once the database is open)
        self._soon.stop()  # this read covers every change received so far
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self._last_read = time.monotonic()
        waiting, show, operator = self.core.waiting, self.show_filter, self.operator

        def read() -> WaitingPage:
            from app.waiting_inbox import Show

            return waiting.entries(show=Show(show), operator=operator, limit=LIMIT)

        self.tasks.run(read, self._read, self._read_failed, owner=self)

    def _read(self, page: WaitingPage) -> None:
        self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.refresh()
        self.entries, self.more = list(page.entries), page.after is not None
        self.loaded = True
        self._fill_channel_box()
        self._show_rows()

    def _read_failed(self, exc: Exception) -> None:
        self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.refresh()
        self.message.emit(
            self.tr("The waiting chats could not be read: %1").replace("%1", error_text(exc))
        )

    # --- showing -----------------------------------------------------------------------

    def _thresholds(self) -> WaitThresholds:
        from app.waiting_inbox import WaitThresholds

        return WaitThresholds.from_settings(self.core.settings)  # Settings may change them

    def _show_rows(self) -> None:
        rows = [e for e in self.entries if self.channel is None or e.channel == self.channel]
        current = self.current_conversation()
        scrolled = self.table.verticalScrollBar().value()
        self.model.set_rows(rows, self.clock(), self._thresholds())
        if current is not None:
            row = next((i for i, e in enumerate(rows) if e.conversation_id == current), None)
            if row is not None:
                self.table.setCurrentIndex(self.model.index(row, 1))
        self.table.verticalScrollBar().setValue(scrolled)
        self._update_summary()
        self._schedule_tick()
        self.count_changed.emit(len(rows), self.more)

    def _fill_channel_box(self) -> None:
        """The channels that have someone waiting, with how many, and the chosen
        one even when nobody waits there now."""
        counts: dict[str, int] = {}
        for entry in self.entries:
            counts[entry.channel] = counts.get(entry.channel, 0) + 1
        channels = sorted(set(counts) | ({self.channel} if self.channel else set()))
        self._ignore_channel_box = True
        try:
            self.channel_box.clear()
            self.channel_box.addItem(self.tr("All channels"), None)
            for channel in channels:
                text = f"{channel_label(channel)} ({counts.get(channel, 0)})"
                self.channel_box.addItem(text, channel)
            self.channel_box.setCurrentIndex(max(0, self.channel_box.findData(self.channel)))
        finally:
            self._ignore_channel_box = False

    def _channel_picked(self, _index: int) -> None:
        if self._ignore_channel_box:
            return
        data = self.channel_box.currentData()
        self.channel = str(data) if data else None
        self._show_rows()

    def tick(self) -> None:
        """Repaints the clocks (the time from ``clock``); no query."""
        self.model.tick(self.clock(), self._thresholds())
        self._update_summary()
        self._schedule_tick()

    def _schedule_tick(self) -> None:
        self.clock_timer.stop()
        thresholds = self.model.thresholds
        if not self.model.rows or thresholds is None:
            return
        wait = TICK
        now = self.model.now
        for entry in self.model.rows:
            change = thresholds.until_next_level(now - entry.waiting_since)
            if change is not None and change < wait:
                wait = change
        self.clock_timer.start(int(max(wait, MIN_TICK).total_seconds() * 1000) + 1)

    def levels(self) -> list[str]:
        """Each row's clock colour ("normal", "amber", "red"), top to bottom."""
        return [self.model.level(row) for row in range(self.model.rowCount())]

    def _update_summary(self) -> None:
        shown = len(self.model.rows)
        if not self.loaded:
            self.summary.setText(self.tr("Loading…"))
            return
        if not shown:
            self.summary.setText(self.tr("Nobody is waiting for a reply."))
            return
        text = self.tr("%n waiting", "", shown) + ("+" if self.more else "")
        red = self.levels().count("red")
        if red:
            thresholds = self.model.thresholds
            minutes = int(thresholds.red.total_seconds() // 60) if thresholds else 0
            text += " · " + self.tr("%n over %1 min", "", red).replace("%1", str(minutes))
        self.summary.setText(text)

    # --- choosing ----------------------------------------------------------------------

    def current_conversation(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()].conversation_id

    def entry(self, conversation_id: int) -> WaitingEntry | None:
        return next((e for e in self.model.rows if e.conversation_id == conversation_id), None)

    def choose(self, conversation_id: int) -> None:
        entry = self.entry(conversation_id)
        if entry is None:
            return
        customer = entry.customer_id if entry.customer_id is not None else -1
        self.conversation_chosen.emit(customer, conversation_id)

    def choose_next(self, open_conversation: int | None = None) -> bool:
        """The customer who has waited longest (in the filters shown), other
        than the conversation open now; False when nobody else waits."""
        for row, entry in enumerate(self.model.rows):
            if entry.conversation_id != open_conversation:
                self.table.setCurrentIndex(self.model.index(row, 1))
                self.choose(entry.conversation_id)
                return True
        return False

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rows:
            self.table.setCurrentIndex(self.model.index(0, 1))

    def _choose_index(self, index: QModelIndex) -> None:
        if index.isValid() and index.row() < len(self.model.rows):
            self.choose(self.model.rows[index.row()].conversation_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._choose_index(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    # --- the row's menu ----------------------------------------------------------------

    def menu_for(self, conversation_id: int) -> QMenu:
        """Open; assign to me / unassign; for an unknown sender, link to a
        customer or create one. The Menu key opens it at the current row."""
        entry = self.entry(conversation_id)
        menu = QMenu(self)
        menu.setObjectName("waitingMenu")
        open_action = QAction(self.tr("&Open"), menu)
        open_action.triggered.connect(lambda: self.choose(conversation_id))
        menu.addAction(open_action)
        if entry is None:
            return menu
        if entry.assignee != self.operator:
            assign = QAction(self.tr("&Assign to me"), menu)
            assign.triggered.connect(lambda: self.assign(conversation_id, self.operator))
            menu.addAction(assign)
        if entry.assignee:
            release = QAction(self.tr("&Unassign"), menu)
            release.triggered.connect(lambda: self.assign(conversation_id, ""))
            menu.addAction(release)
        if entry.customer_id is None:
            menu.addSeparator()
            link = QAction(self.tr("&Link to a customer…"), menu)
            link.setObjectName("linkCustomer")
            link.triggered.connect(lambda: self.link_customer(conversation_id))
            menu.addAction(link)
            create = QAction(self.tr("&Create customer…"), menu)
            create.setObjectName("createCustomer")
            create.triggered.connect(lambda: self.create_customer(conversation_id))
            menu.addAction(create)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            index = self.table.currentIndex()
            pos = self.table.visualRect(index).center()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return
        self.table.setCurrentIndex(index)
        menu = self.menu_for(self.model.rows[index.row()].conversation_id)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def assign(self, conversation_id: int, operator: str) -> None:
        conversations = self.core.conversations
        self.tasks.run(
            lambda: conversations.assign(conversation_id, operator),
            None,  # the list reads again on the change
            lambda exc: self.message.emit(error_text(exc)),
            owner=self,
        )

    def link_customer(self, conversation_id: int) -> QWidget | None:
        """ "Link to a customer…": the conversation header's dialog (search,
        pick); once linked, the card opens with the chat."""
        from ui.conversations.link_dialog import LinkCustomerDialog

        entry = self.entry(conversation_id)
        if entry is None:
            return None
        dialog = LinkCustomerDialog(
            self.core, self.tasks, conversation_id, entry.display_name, self
        )
        self._keep(dialog)
        dialog.linked.connect(
            lambda customer_id: self.conversation_chosen.emit(customer_id, conversation_id)
        )
        dialog.search.setText(entry.title or entry.username)
        dialog.show()
        return dialog

    def create_customer(self, conversation_id: int) -> QWidget | None:
        """ "Create customer…" with the sender's name typed in; once saved, the
        chat is linked to them and the card opens with it."""
        from ui.customers.new_customer_dialog import NewCustomerDialog

        entry = self.entry(conversation_id)
        if entry is None:
            return None
        dialog = NewCustomerDialog(self.core, self.tasks, "", self)
        dialog.name.setText(entry.title or entry.display_name)
        self._keep(dialog)
        dialog.created.connect(lambda customer_id: self._link_new(conversation_id, customer_id))
        dialog.show()
        return dialog

    def _link_new(self, conversation_id: int, customer_id: int) -> None:
        conversations = self.core.conversations
        self.tasks.run(
            lambda: conversations.link(conversation_id, customer_id),
            lambda _row: self.conversation_chosen.emit(customer_id, conversation_id),
            lambda exc: self.message.emit(
                self.tr("The customer was made, but the chat is not linked: %1").replace(
                    "%1", error_text(exc)
                )
            ),
            owner=self,
        )

    @property
    def dialogs(self) -> list[QWidget]:
        """The link and create dialogs opened here that are still open."""
        self._dialogs = [d for d in self._dialogs if shiboken6.isValid(d)]
        return list(self._dialogs)

    def _keep(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs = [*self.dialogs, dialog]
