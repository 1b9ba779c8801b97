"""Link an unknown sender's conversation to a customer: search, pick, link.

The search is the customer list's (``Customers.browse``: names, companies,
notes, phones, emails), debounced, on the task worker; the link is
``Conversations.link`` there too, which moves the chat's messages to the
customer's timeline and keeps the identity as their contact. The core's
refusal (the chat belongs to another customer already: merge them instead)
is shown in the dialog, which stays open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common.core_text import error_text
from ui.common.dialog_parts import error_label
from ui.common.plain_text import plain_label
from ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from app.core import Core
    from app.models import Customer

DEBOUNCE_MS = 200
LIMIT = 50


class LinkCustomerDialog(QDialog):
    linked = Signal(int)  # the customer's id, once the link is committed

    def __init__(
        self,
        core: Core,
        tasks: TaskRunner,
        conversation_id: int,
        sender: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("linkCustomerDialog")
        self.setWindowTitle(self.tr("Link to a customer"))
        self.core = core
        self.tasks = tasks
        self.conversation_id = conversation_id
        self._generation = 0
        intro = plain_label(
            self,
            self.tr("Whose chat is this? %1's messages move to the customer you pick.").replace(
                "%1", sender
            ),
        )
        intro.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setObjectName("linkSearch")
        self.search.setPlaceholderText(self.tr("Name, company, phone or email"))
        self.results = QListWidget(self)
        self.results.setObjectName("linkResults")
        self.results.itemActivated.connect(lambda _: self.link())
        self.results.currentItemChanged.connect(lambda *_: self._sync())
        self.status = plain_label(self)
        self.status.setObjectName("linkStatus")
        self.status.setStyleSheet("color: palette(mid);")
        self.error = error_label(self, "linkError")
        self.buttons = QDialogButtonBox(self)
        self.link_button = self.buttons.addButton(
            self.tr("Link"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.link_button.setObjectName("linkButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.link)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.search.returnPressed.connect(self._first)
        self.resize(420, 420)
        self._sync()

    def refresh(self) -> None:
        self._timer.stop()
        query = self.search.text().strip()
        self._generation += 1
        generation = self._generation
        if not query:
            self.results.clear()
            self.status.setText(self.tr("Type to search."))
            self._sync()
            return
        customers = self.core.customers
        self.tasks.run(
            lambda: customers.browse(query, limit=LIMIT),
            lambda rows: self._show(generation, rows),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _show(self, generation: int, rows: list[Customer]) -> None:
        if generation != self._generation:
            return
        self.results.clear()
        for row in rows:
            shown = f"{row.name} · {row.company}" if row.company else row.name
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)
        self.status.setText("" if rows else self.tr("No customer matches."))
        self._sync()

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.status.setText(self.tr("The search failed: %1").replace("%1", error_text(exc)))

    def _first(self) -> None:
        self.refresh() if self._timer.isActive() else self.results.setFocus()

    def _sync(self) -> None:
        self.link_button.setEnabled(self.results.currentItem() is not None)

    def link(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        customer_id = int(item.data(Qt.ItemDataRole.UserRole))
        conversations, conversation_id = self.core.conversations, self.conversation_id
        self.buttons.setEnabled(False)
        self.error.hide()
        self.tasks.run(
            lambda: conversations.link(conversation_id, customer_id),
            lambda _: self._linked(customer_id),
            self._refused,
            owner=self,
        )

    def _linked(self, customer_id: int) -> None:
        self.linked.emit(customer_id)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(self.tr("Not linked: %1").replace("%1", error_text(exc)))
        self.error.show()
