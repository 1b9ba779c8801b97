"""The customer card: who they are (contacts, company, owner, tags, notes) and
their timeline. A phone contact has a Call button (click-to-call)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from app.contacts import format_phone
from app.core import Core
from app.models import ContactKind, ContactPoint, Customer
from ui.labels import contact_kind_label
from ui.tasks import TaskRunner
from ui.timeline_view import TimelineView


@dataclass(frozen=True)
class CardData:
    customer: Customer
    contacts: list[ContactPoint]


def load_card(core: Core, customer_id: int) -> CardData:
    """Runs on the task worker."""
    return CardData(core.customers.get(customer_id), core.customers.contacts(customer_id))


class CustomerCard(QWidget):
    callRequested = Signal(str, int, str)  # number, customer id, customer name

    def __init__(self, core: Core, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.tasks = tasks
        self.customer: Customer | None = None
        self._generation = 0

        self.placeholder = QLabel(
            self.tr("Pick a customer on the left, or search with Ctrl+F."), self
        )
        self.placeholder.setObjectName("cardPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: palette(mid);")

        self.name = QLabel(self)
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
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)

        self.details = QWidget(self)
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.name)
        details.addLayout(form)
        details.addWidget(line)
        details.addWidget(self.timeline, 1)

        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.details)

    def _value(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_customer(self, customer_id: int) -> None:
        self._generation += 1
        generation = self._generation
        core = self.core
        self.tasks.run(
            lambda: load_card(core, customer_id),
            lambda data: self._fill(generation, data),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.customer = None
            self.placeholder.setText(
                self.tr("The customer could not be shown: %1").replace("%1", str(exc))
            )
            self.stack.setCurrentWidget(self.placeholder)

    def _fill(self, generation: int, data: CardData) -> None:
        if generation != self._generation:
            return
        customer = data.customer
        self.customer = customer
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
            self.contacts_layout.addWidget(QLabel(none, self.contacts_box))
        self.stack.setCurrentWidget(self.details)
        assert customer.id is not None
        self.timeline.set_customer(customer.id)

    def _contact_row(self, point: ContactPoint, customer: Customer) -> QWidget:
        row = QWidget(self.contacts_box)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        is_phone = point.kind == ContactKind.PHONE.value
        shown = format_phone(point.normalized) if is_phone else point.raw
        kind = point.label or contact_kind_label(point.kind)
        text = QLabel(f"{shown}  ({kind})", row)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        if is_phone:
            button = QPushButton(self.tr("Call"), row)
            button.setObjectName("callContact")
            button.setToolTip(self.tr("Call %1").replace("%1", shown))
            assert customer.id is not None
            button.clicked.connect(
                lambda _=False, n=point.normalized, cid=customer.id, nm=customer.name: (
                    self.callRequested.emit(n, cid, nm)
                )
            )
            layout.addWidget(button)
        layout.addStretch(1)
        return row
