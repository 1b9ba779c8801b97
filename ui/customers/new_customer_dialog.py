"""Create a customer from a phone number (the screen-pop's "Create customer").

The save runs on the task worker; after it, earlier unlinked calls from the
number are attached to the new customer so their history is complete.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core import Core
from app.customers import ContactInput
from app.enums import ContactKind
from app.models import Customer
from ui.common.core_text import error_text
from ui.common.dialog_parts import error_label, save_cancel_buttons
from ui.common.tasks import TaskRunner


def create_customer(core: Core, name: str, company: str, phone: str) -> Customer:
    """Runs on the task worker."""
    customer = core.customers.create(
        name, [ContactInput(ContactKind.PHONE, phone)] if phone.strip() else [], company=company
    )
    assert customer.id is not None
    core.timeline.link_unlinked(customer.id)
    return customer


class NewCustomerDialog(QDialog):
    created = Signal(int)

    def __init__(
        self, core: Core, tasks: TaskRunner, phone: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newCustomerDialog")
        self.setWindowTitle(self.tr("New customer"))
        self.core = core
        self.tasks = tasks
        self.name = QLineEdit(self)
        self.name.setObjectName("newName")
        self.company = QLineEdit(self)
        self.company.setObjectName("newCompany")
        self.phone = QLineEdit(phone, self)
        self.phone.setObjectName("newPhone")
        self.error = error_label(self, "newError")
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Company:"), self.company)
        form.addRow(self.tr("Phone:"), self.phone)
        self.buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(380, self.sizeHint().height())

    def save(self) -> None:
        if not self.name.text().strip():
            self._show_error(self.tr("Type the customer's name."))
            return
        core, name, company, phone = (
            self.core,
            self.name.text(),
            self.company.text(),
            self.phone.text(),
        )
        self.buttons.setEnabled(False)
        self.tasks.run(
            lambda: create_customer(core, name, company, phone),
            self._saved,
            lambda exc: self._show_error(error_text(exc)),
            owner=self,
        )

    def _saved(self, customer: Customer) -> None:
        assert customer.id is not None
        self.created.emit(customer.id)
        self.accept()

    def _show_error(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(text)
        self.error.show()
