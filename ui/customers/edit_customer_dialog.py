"""Edit a customer from the card: name, company, owner, tags, notes and contacts.

Save sends everything to the core in one call (Customers.edit), run on the task
worker: a number that already belongs to someone else leaves the customer as it
was, and the dialog stays open with the reason, so nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import Core
from app.customers import ContactInput, DuplicateContact
from app.enums import ContactKind
from app.models import ContactPoint, Customer
from ui.common.core_text import error_text
from ui.common.dialog_parts import error_label, save_cancel_buttons
from ui.common.labels import contact_kind_label
from ui.common.plain_text import plain_label
from ui.common.tasks import TaskRunner

KIND_COLUMN, VALUE_COLUMN, LABEL_COLUMN = 0, 1, 2
_CONTACT_ID = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class CustomerEdit:
    changes: dict[str, object]
    add: list[ContactInput]
    remove: list[int]


def split_tags(text: str) -> list[str]:
    return [t.strip() for t in text.replace(";", ",").split(",") if t.strip()]


class EditCustomerDialog(QDialog):
    saved = Signal(int)

    def __init__(
        self,
        core: Core,
        tasks: TaskRunner,
        customer: Customer,
        contacts: list[ContactPoint],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert customer.id is not None
        self.setObjectName("editCustomerDialog")
        self.setWindowTitle(self.tr("Edit customer"))
        self.core = core
        self.tasks = tasks
        self.customer_id = customer.id
        self._original = {p.id: p for p in contacts if p.id is not None}

        self.name = QLineEdit(customer.name, self)
        self.name.setObjectName("editName")
        self.company = QLineEdit(customer.company, self)
        self.company.setObjectName("editCompany")
        self.owner = QLineEdit(customer.owner, self)
        self.owner.setObjectName("editOwner")
        self.tags = QLineEdit(", ".join(customer.tags), self)
        self.tags.setObjectName("editTags")
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. wholesale, vip"))
        self.notes = QPlainTextEdit(customer.notes, self)
        self.notes.setObjectName("editNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("editContacts")
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Value"), self.tr("Label")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(KIND_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VALUE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LABEL_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(LABEL_COLUMN, 110)  # room for "mobile", "office", "home"
        for point in contacts:
            self._add_row(point.kind, point.raw, point.label, point.id)
        self.add_button = QPushButton(self.tr("Add contact"), self)
        self.add_button.setObjectName("addContact")
        self.add_button.clicked.connect(lambda: self.add_contact_row())
        self.remove_button = QPushButton(self.tr("Remove contact"), self)
        self.remove_button.setObjectName("removeContact")
        self.remove_button.clicked.connect(self.remove_selected_contact)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table).activated.connect(
            self.remove_selected_contact
        )
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_button)
        row_buttons.addWidget(self.remove_button)
        row_buttons.addStretch(1)

        self.error = error_label(self, "editError")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Company:"), self.company)
        form.addRow(self.tr("Owner:"), self.owner)
        form.addRow(self.tr("Tags:"), self.tags)
        form.addRow(self.tr("Notes:"), self.notes)
        self.buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(plain_label(self, self.tr("Contacts:")))
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 520)

    # --- contacts table ------------------------------------------------------

    def add_contact_row(self, kind: str = ContactKind.PHONE.value, value: str = "") -> int:
        row = self._add_row(kind, value, "", None)
        self.table.setCurrentCell(row, VALUE_COLUMN)
        item = self.table.item(row, VALUE_COLUMN)
        if item is not None:
            self.table.setFocus()
            self.table.editItem(item)
        return row

    def _add_row(self, kind: str, value: str, label: str, contact_id: int | None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        kinds = QComboBox(self.table)
        for item in ContactKind:
            kinds.addItem(contact_kind_label(item.value), item.value)
        kinds.setCurrentIndex(max(0, kinds.findData(kind)))
        self.table.setCellWidget(row, KIND_COLUMN, kinds)
        value_item = QTableWidgetItem(value)
        value_item.setData(_CONTACT_ID, contact_id)
        self.table.setItem(row, VALUE_COLUMN, value_item)
        self.table.setItem(row, LABEL_COLUMN, QTableWidgetItem(label))
        return row

    def remove_selected_contact(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _row(self, row: int) -> tuple[str, str, str, int | None]:
        kinds = self.table.cellWidget(row, KIND_COLUMN)
        assert isinstance(kinds, QComboBox)
        value_item = self.table.item(row, VALUE_COLUMN)
        label_item = self.table.item(row, LABEL_COLUMN)
        contact_id = value_item.data(_CONTACT_ID) if value_item is not None else None
        return (
            str(kinds.currentData()),
            value_item.text().strip() if value_item is not None else "",
            label_item.text().strip() if label_item is not None else "",
            int(contact_id) if contact_id is not None else None,
        )

    # --- save ----------------------------------------------------------------

    def collect(self) -> CustomerEdit:
        """What changed: untouched contacts stay; an edited one is removed and
        added again (both in the core's one transaction)."""
        kept: set[int] = set()
        add: list[ContactInput] = []
        for row in range(self.table.rowCount()):
            kind, value, label, contact_id = self._row(row)
            if not value:
                continue  # an empty row is a row the operator did not fill in
            original = self._original.get(contact_id) if contact_id is not None else None
            if original is not None and (original.kind, original.raw, original.label) == (
                kind,
                value,
                label,
            ):
                kept.add(contact_id)  # type: ignore[arg-type]
                continue
            add.append(ContactInput(kind, value, label))
        remove = [cid for cid in self._original if cid not in kept]
        changes: dict[str, object] = {
            "name": self.name.text(),
            "company": self.company.text(),
            "owner": self.owner.text(),
            "tags": split_tags(self.tags.text()),
            "notes": self.notes.toPlainText(),
        }
        return CustomerEdit(changes, add, remove)

    def save(self) -> None:
        if not self.name.text().strip():
            self._show_error(self.tr("Type the customer's name."))
            self.name.setFocus()
            return
        edit = self.collect()
        core, customer_id = self.core, self.customer_id
        self.buttons.setEnabled(False)
        self.tasks.run(
            lambda: core.customers.edit(customer_id, edit.changes, edit.add, edit.remove),
            self._saved,
            self._failed,
            owner=self,
        )

    def _saved(self, _customer: Customer) -> None:
        self.saved.emit(self.customer_id)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, DuplicateContact):
            text = (
                self.tr("%1 already belongs to %2 (#%3). Remove it there first, or merge them.")
                .replace("%1", exc.normalized)
                .replace("%2", exc.owner_name)
                .replace("%3", str(exc.owner_id))
            )
        else:
            text = self.tr("Not saved: %1").replace("%1", error_text(exc))
        self._show_error(text)

    def _show_error(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(text)
        self.error.show()
