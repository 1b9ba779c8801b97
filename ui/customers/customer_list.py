"""The customer list with instant search.

Each keystroke restarts a short timer; when typing pauses, the search runs on
the task worker (core.customers.browse) and only the newest answer is shown,
so a slow query never overwrites a newer one. Before the core's database is
open the list says it is loading; a search typed meanwhile runs when the
window calls ``refresh`` on the open core.

What others write arrives as the window's one changes value (``apply_changes``):
the list reads again, on the same short timer, when a customer changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.common.core_text import error_text
from ui.common.plain_text import plain_label
from ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from app.changes import Changes
    from app.core import Core
    from app.models import Customer

DEBOUNCE_MS = 200
LIMIT = 200


class CustomerList(QWidget):
    customerActivated = Signal(int)

    def __init__(self, core: Core, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.tasks = tasks
        self._generation = 0
        self._shown_query: str | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("customerSearch")
        self.search.setPlaceholderText(self.tr("Search customers"))
        # Its clear button: MainWindow.finish_after_paint.
        self.search.setToolTip(self.tr("Name, company, notes, phone or email (Ctrl+F)"))
        self.results = QListWidget(self)
        self.results.setObjectName("customerResults")
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        # The list takes what room is left, and asks for none: the wrapping
        # status label below makes this widget height-for-width, and the left
        # column then holds it at its asked height and squeezes the call panel
        # above it until the panel's labels overlap.
        self.results.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.status = plain_label(self)
        self.status.setObjectName("customerSearchStatus")
        self.status.setStyleSheet("color: palette(mid);")
        self.status.setWordWrap(True)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.search.returnPressed.connect(self._open_first)

    def show_loading(self) -> None:
        self.status.setText(self.tr("Loading customers…"))
        self.status.show()

    def apply_changes(self, changes: Changes) -> None:
        """The window's changes value. Any changed customer concerns the list:
        a listed one may show another name or company now, and one not listed
        may be new or match the search now, which only the search can tell."""
        if changes.customers:
            self.refresh_soon()

    @property
    def refresh_pending(self) -> bool:
        """A search or a change waits for the timer."""
        return self._debounce.isActive()

    def stop_refreshing(self) -> None:
        """The app is closing: a read waiting for the timer is dropped."""
        self._debounce.stop()

    def refresh_soon(self) -> None:
        """Reads again when the timer ends; a change never restarts a running
        timer (typing does), so a steady stream of writes can't hold the list
        back for ever."""
        if not self._debounce.isActive():
            self._debounce.start()

    def refresh(self) -> None:
        """Runs the search for the current text now."""
        self._debounce.stop()
        if not self.core.is_open:
            return  # the window refreshes once it is
        self._generation += 1
        generation = self._generation
        query = self.search.text()
        customers = self.core.customers
        self.tasks.run(
            lambda: customers.browse(query, limit=LIMIT),
            lambda rows: self._show(generation, rows, query),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _show(self, generation: int, rows: list[Customer], query: str) -> None:
        if generation != self._generation:
            return  # an older search finished after a newer one started
        # The same search read again (someone else wrote): the operator keeps
        # their row and their place in the list.
        again = query == self._shown_query
        self._shown_query = query
        current = self.results.currentItem() if again else None
        selected = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        scrolled = self.results.verticalScrollBar().value() if again else 0
        self.results.clear()
        for customer in rows:
            text = customer.name + (f" — {customer.company}" if customer.company else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, customer.id)
            self.results.addItem(item)
            if selected is not None and customer.id == selected:
                self.results.setCurrentItem(item)
        self.results.verticalScrollBar().setValue(scrolled)
        if rows:
            self.status.hide()
        else:
            self.status.setText(
                self.tr("No customers match “%1”.").replace("%1", self.search.text().strip())
                if self.search.text().strip()
                else self.tr("No customers yet.")
            )
            self.status.show()

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.status.setText(self.tr("Search failed: %1").replace("%1", error_text(exc)))
        self.status.show()

    def _activated(self, item: QListWidgetItem) -> None:
        customer_id = item.data(Qt.ItemDataRole.UserRole)
        if customer_id is not None:
            self.customerActivated.emit(int(customer_id))

    def _open_first(self) -> None:
        if self._debounce.isActive():
            self.refresh()
            return
        if self.results.count():
            self.results.setCurrentRow(0)
            self._activated(self.results.item(0))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
