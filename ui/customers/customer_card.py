"""The customer card: who they are (contacts, company, owner, tags, notes) and
their timeline. A phone contact has a Call button (click-to-call).

Edit (F2) opens EditCustomerDialog; More holds the personal-data requests:
export everything stored about the customer as JSON, or delete it all. Every
database call runs on the task worker.

Whoever writes (the call log, the web form, a channel, a dialog), the card
learns it from the window's one changes value (``apply_changes``): the card's
details when something of its customer changed, and the timeline's rows the
change names, merged into what is loaded (the timeline keeps its place); a
short timer makes a burst one read. A chat row of the timeline asks for its
conversation (``conversationRequested``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.contacts import format_phone
from app.core import Core
from app.enums import ContactKind
from ui.common.core_text import error_text
from ui.common.labels import contact_kind_label
from ui.common.plain_text import plain_label, plain_tooltip
from ui.common.tasks import TaskRunner
from ui.customers.timeline_view import TimelineView

# The dialogs are imported when opened, not with the window; the database side
# (SQLAlchemy) where it is used, on the worker: the window is built before the
# database is open (bench/README.md, "The window").
if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from app.changes import Changes
    from app.models import ContactPoint, Customer
    from ui.callbacks.callback_request_dialog import CallbackRequestDialog
    from ui.customers.edit_customer_dialog import EditCustomerDialog

# A burst of writes (a call's rows, a channel's batch) becomes one read.
REFRESH_MS = 300


@dataclass(frozen=True)
class CardData:
    customer: Customer
    contacts: list[ContactPoint]


def load_card(core: Core, customer_id: int) -> CardData:
    """Runs on the task worker."""
    return CardData(core.customers.get(customer_id), core.customers.contacts(customer_id))


def export_customer(core: Core, customer_id: int, path: Path) -> Path:
    """Runs on the task worker."""
    from app.customers import write_export

    write_export(core.customers.export(customer_id), path)
    return path


class CustomerCard(QWidget):
    callRequested = Signal(str, int, str)  # number, customer id, customer name
    customerDeleted = Signal(int)
    customerShown = Signal(int)  # show_customer: the card is this customer's now
    callbackRequested = Signal(int)  # a request was made from the card: its id
    # A chat row on the timeline: customer id, conversation id, interaction id.
    conversationRequested = Signal(int, int, int)
    message = Signal(str)  # for the status bar

    def __init__(self, core: Core, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.tasks = tasks
        self.customer: Customer | None = None
        self.contacts: list[ContactPoint] = []
        self._generation = 0
        self._shown_id: int | None = None  # shown, or being loaded
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._refresh_now)
        self._details_stale = False  # the timer reloads the card's details too
        self._changed_rows: set[int] = set()  # interactions the timer reads again

        self.placeholder = plain_label(
            self, self.tr("Pick a customer on the left, or search with Ctrl+F.")
        )
        self.placeholder.setObjectName("cardPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: palette(mid);")

        self.name = plain_label(self)
        self.name.setObjectName("cardName")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.company = self._value("cardCompany")
        self.owner = self._value("cardOwner")
        self.tags = self._value("cardTags")
        self.notes = self._value("cardNotes")
        self.notes.setWordWrap(True)
        self.contacts_box = QWidget(self)
        self.contacts_box.setObjectName("cardContacts")
        self.contacts_layout = QVBoxLayout(self.contacts_box)
        self.contacts_layout.setContentsMargins(0, 0, 0, 0)
        self.contacts_layout.setSpacing(2)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Company:"), self.company)
        form.addRow(self.tr("Contacts:"), self.contacts_box)
        form.addRow(self.tr("Owner:"), self.owner)
        form.addRow(self.tr("Tags:"), self.tags)
        form.addRow(self.tr("Notes:"), self.notes)

        self.timeline = TimelineView(core, tasks, self)
        self.timeline.conversationRequested.connect(self._open_conversation)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)

        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("editCustomer")
        self.edit_button.setToolTip(self.tr("Edit name, company, tags, notes and contacts (F2)"))
        self.edit_button.clicked.connect(self.edit_customer)
        self.callback_button = QPushButton(self.tr("Request callback…"), self)
        self.callback_button.setObjectName("requestCallback")
        self.callback_button.setToolTip(self.tr("Put this customer in the callback queue"))
        self.callback_button.clicked.connect(self.request_callback)
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("customerMore")
        self.more_button.setText(self.tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        export_action = more.addAction(self.tr("Export all data (JSON)…"))
        export_action.triggered.connect(self.export_customer)
        delete_action = more.addAction(self.tr("Delete customer and all data…"))
        delete_action.triggered.connect(self.delete_customer)
        self.more_button.setMenu(more)
        header = QHBoxLayout()
        header.addWidget(self.name, 1)
        header.addWidget(self.callback_button)
        header.addWidget(self.edit_button)
        header.addWidget(self.more_button)

        self.details = QWidget(self)
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addLayout(header)
        details.addLayout(form)
        details.addWidget(line)
        details.addWidget(self.timeline, 1)

        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.details)

    def _value(self, name: str) -> QLabel:
        label = plain_label(self)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @property
    def customer_id(self) -> int | None:
        """The customer shown (or being loaded)."""
        return self._shown_id

    @property
    def refresh_pending(self) -> bool:
        """A change concerning the card waits for its timer."""
        return self._refresh.isActive()

    def apply_changes(self, changes: Changes) -> None:
        """The window's changes value: reads again what of it concerns the card."""
        customer_id = self._shown_id
        if customer_id is None:
            return
        if customer_id in changes.customers:
            # A new interaction of theirs names them too: its row is read with the rest.
            self._details_stale = True
            self._changed_rows |= changes.interactions
        elif self.timeline.shows_any(changes.interactions):
            self._changed_rows |= changes.interactions
        else:
            return
        # Not restarted by later changes: a steady stream can't hold it back.
        if not self._refresh.isActive():
            self._refresh.start()

    def stop_refreshing(self) -> None:
        """The app is closing: a read waiting for the timer is dropped."""
        self._refresh.stop()
        self._details_stale = False
        self._changed_rows.clear()

    def _refresh_now(self) -> None:
        stale, self._details_stale = self._details_stale, False
        rows, self._changed_rows = self._changed_rows, set()
        if self._shown_id is None:
            return  # deleted meanwhile
        if stale:
            self._read_details(self._shown_id)
        self.timeline.refresh(rows)

    def show_customer(self, customer_id: int) -> None:
        # This read comes after every change received so far (each is
        # published after its commit): it covers what the timer waited for.
        self._refresh.stop()
        self._details_stale = False
        self._changed_rows.clear()
        if customer_id != self._shown_id:
            self.timeline.set_customer(None)  # another customer's rows must not stay
        self._shown_id = customer_id
        self._read_details(customer_id, timeline=True)
        self.customerShown.emit(customer_id)

    def _read_details(self, customer_id: int, timeline: bool = False) -> None:
        """The customer's details (and the timeline from its first page when
        ``timeline``; a change's rows merge into it instead)."""
        self._generation += 1
        generation = self._generation
        core = self.core
        self.tasks.run(
            lambda: load_card(core, customer_id),
            lambda data: self._fill(generation, data, timeline),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.customer = None
            self.placeholder.setText(
                self.tr("The customer could not be shown: %1").replace("%1", error_text(exc))
            )
            self.stack.setCurrentWidget(self.placeholder)

    def _fill(self, generation: int, data: CardData, timeline: bool = True) -> None:
        if generation != self._generation:
            return
        customer = data.customer
        self.customer = customer
        self.contacts = data.contacts
        none = self.tr("—")
        self.name.setText(customer.name)
        self.company.setText(customer.company or none)
        self.owner.setText(customer.owner or none)
        self.tags.setText(", ".join(customer.tags) if customer.tags else none)
        self.notes.setText(customer.notes.strip() or none)
        while self.contacts_layout.count():
            child = self.contacts_layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        for point in data.contacts:
            self.contacts_layout.addWidget(self._contact_row(point, customer))
        if not data.contacts:
            self.contacts_layout.addWidget(plain_label(self.contacts_box, none))
        self.stack.setCurrentWidget(self.details)
        assert customer.id is not None
        if timeline or self.timeline.customer_id != customer.id:
            self.timeline.set_customer(customer.id)

    def _open_conversation(self, conversation_id: int, interaction_id: int) -> None:
        if self._shown_id is not None:
            self.conversationRequested.emit(self._shown_id, conversation_id, interaction_id)

    def _contact_row(self, point: ContactPoint, customer: Customer) -> QWidget:
        row = QWidget(self.contacts_box)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        is_phone = point.kind == ContactKind.PHONE.value
        shown = format_phone(point.normalized) if is_phone else point.raw
        kind = point.label or contact_kind_label(point.kind)
        text = plain_label(row, f"{shown}  ({kind})")
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        if is_phone:
            button = QPushButton(self.tr("Call"), row)
            button.setObjectName("callContact")
            button.setToolTip(plain_tooltip(self.tr("Call %1").replace("%1", shown)))
            assert customer.id is not None
            button.clicked.connect(
                lambda _=False, n=point.normalized, cid=customer.id, nm=customer.name: (
                    self.callRequested.emit(n, cid, nm)
                )
            )
            layout.addWidget(button)
        layout.addStretch(1)
        return row

    # --- editing and personal-data requests ---------------------------------------

    def edit_customer(self) -> EditCustomerDialog | None:
        if self.customer is None:
            return None
        from ui.customers.edit_customer_dialog import EditCustomerDialog

        dialog = EditCustomerDialog(self.core, self.tasks, self.customer, self.contacts, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._edited)
        dialog.show()
        return dialog

    def request_callback(self) -> CallbackRequestDialog | None:
        if self.customer is None:
            return None
        phones = [p.normalized for p in self.contacts if p.kind == ContactKind.PHONE.value]
        from ui.callbacks.callback_request_dialog import CallbackRequestDialog

        dialog = CallbackRequestDialog(
            self.core, self.tasks, phones, self.customer.id, self.customer.name, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.requested.connect(self._callback_requested)
        dialog.show()
        return dialog

    def _callback_requested(self, request_id: int) -> None:
        # Its timeline entry arrives as a change, like anyone's write.
        self.callbackRequested.emit(request_id)

    def _edited(self, customer_id: int) -> None:
        # Read at once, not when the change's timer ends: the operator has just
        # pressed Save and is looking at this card. (The list and the rest
        # learn it from the change.)
        if self.customer is not None and self.customer.id == customer_id:
            self._read_details(customer_id)

    def export_customer(self) -> None:
        if self.customer is None:
            return
        from PySide6.QtWidgets import QFileDialog  # on demand: its Qt type is made when first read

        suggested = str(Path.home() / f"customer-{self.customer.id}.json")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export customer data"), suggested, self.tr("JSON (*.json)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """The export after the file was chosen."""
        if self.customer is None or self.customer.id is None:
            return
        core, customer_id = self.core, self.customer.id
        self.tasks.run(
            lambda: export_customer(core, customer_id, path),
            lambda done: self.message.emit(
                self.tr("Customer data exported to %1").replace("%1", str(done))
            ),
            lambda exc: self.message.emit(
                self.tr("Export failed: %1").replace("%1", error_text(exc))
            ),
            owner=self,
        )

    def delete_customer(self) -> None:
        question = self.delete_question()
        if question is not None and question.exec() == question.StandardButton.Yes:
            self.delete_now()

    def delete_question(self) -> QMessageBox | None:
        """The confirmation before deleting, naming the customer."""
        if self.customer is None:
            return None
        from PySide6.QtWidgets import QMessageBox  # on demand: its Qt type is made when first read

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete customer"),
            self.tr(
                "Delete %1 with all contacts, calls, messages, recordings and callbacks? "
                "This cannot be undone. Export the data first if the customer asked for it."
            ).replace("%1", self.customer.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the name is the customer's
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return box

    def delete_now(self) -> None:
        """The deletion after the operator confirmed it."""
        if self.customer is None or self.customer.id is None:
            return
        core, customer_id, name = self.core, self.customer.id, self.customer.name
        self.tasks.run(
            lambda: core.customers.delete(customer_id),
            lambda count: self._deleted(customer_id, name, count),
            lambda exc: self.message.emit(
                self.tr("Not deleted: %1").replace("%1", error_text(exc))
            ),
            owner=self,
        )

    def _deleted(self, customer_id: int, name: str, interactions: int) -> None:
        if self.customer is not None and self.customer.id == customer_id:
            self._generation += 1  # a load still in flight must not bring it back
            self._shown_id = None
            self._refresh.stop()
            self.customer = None
            self.contacts = []
            self.timeline.set_customer(None)
            self.placeholder.setText(
                self.tr("%1 was deleted with %n interaction(s).", "", interactions).replace(
                    "%1", name
                )
            )
            self.stack.setCurrentWidget(self.placeholder)
        self.customerDeleted.emit(customer_id)
