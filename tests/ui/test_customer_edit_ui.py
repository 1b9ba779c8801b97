"""Editing a customer from the card, and the personal-data requests (export, delete)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app.core import Core
from app.customers import ContactInput
from app.models import ContactKind
from tests.ui.test_customers_ui import make_customer
from ui.customers.edit_customer_dialog import VALUE_COLUMN, EditCustomerDialog


def open_card(qtbot: Any, shell: Any, customer_id: int) -> Any:
    card = shell.window.card
    shell.window.open_customer(customer_id)
    qtbot.waitUntil(lambda: card.customer is not None and card.customer.id == customer_id)
    return card


def set_cell(dialog: EditCustomerDialog, row: int, kind: str, value: str) -> None:
    kinds = dialog.table.cellWidget(row, 0)
    assert isinstance(kinds, QComboBox)
    kinds.setCurrentIndex(kinds.findData(kind))
    dialog.table.item(row, VALUE_COLUMN).setText(value)


def test_f2_edits_fields_and_contacts_and_the_list_follows(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    customer_id = make_customer(sqlite_core, interactions=2)
    card = open_card(qtbot, shell, customer_id)
    shell.window.actions_by_name["edit_customer"].trigger()
    dialog = card.findChild(EditCustomerDialog, "editCustomerDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.name.text() == "Olena Kovalenko"
    assert dialog.table.rowCount() == 2
    dialog.name.setText("Olena Kovalenko-Shevchuk")
    dialog.tags.setText("wholesale;  vip, , retail")
    dialog.table.setCurrentCell(1, VALUE_COLUMN)  # the email
    dialog.remove_selected_contact()
    row = dialog.add_contact_row()
    set_cell(dialog, row, ContactKind.TELEGRAM.value, "olena_k")
    dialog.add_contact_row()  # left empty: ignored, not an error
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: card.name.text() == "Olena Kovalenko-Shevchuk")
    assert card.tags.text() == "wholesale, vip, retail"
    stored = sqlite_core.customers.contacts(customer_id)
    assert sorted((p.kind, p.normalized) for p in stored) == [
        ("phone", "+380501234567"),
        ("telegram", "olena_k"),
    ]
    qtbot.waitUntil(
        lambda: any(
            "Kovalenko-Shevchuk" in shell.window.customers.results.item(i).text()
            for i in range(shell.window.customers.results.count())
        )
    )


def test_a_number_of_another_customer_keeps_the_dialog_open_with_the_reason(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    other = sqlite_core.customers.create("Ivan Petrenko", [ContactInput("phone", "0671112233")])
    customer_id = make_customer(sqlite_core, interactions=0)
    card = open_card(qtbot, shell, customer_id)
    dialog = card.edit_customer()
    assert dialog is not None
    dialog.company.setText("Renamed Ltd")
    set_cell(dialog, dialog.add_contact_row(), ContactKind.PHONE.value, "067 111 22 33")
    dialog.save()
    qtbot.waitUntil(dialog.error.isVisible)
    assert "+380671112233" in dialog.error.text() and "Ivan Petrenko" in dialog.error.text()
    assert f"#{other.id}" in dialog.error.text()
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    assert dialog.company.text() == "Renamed Ltd"  # what was typed is still there
    assert sqlite_core.customers.get(customer_id).company == "Kvitka Flowers"

    dialog.name.setText("   ")
    dialog.save()
    assert dialog.error.text() == "Type the customer's name."


def test_export_then_delete_removes_everything_and_clears_the_card(
    qtbot: Any, shell: Any, sqlite_core: Core, tmp_path: Path
) -> None:
    customer_id = make_customer(sqlite_core, interactions=3)
    card = open_card(qtbot, shell, customer_id)
    messages: list[str] = []
    card.message.connect(messages.append)
    target = tmp_path / "olena.json"
    card.export_to(target)
    qtbot.waitUntil(lambda: bool(messages))
    assert str(target) in messages[-1]
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["customer"]["name"] == "Olena Kovalenko"
    assert len(exported["interactions"]) == 3

    card.delete_now()
    qtbot.waitUntil(lambda: card.customer is None)
    assert card.placeholder.text() == "Olena Kovalenko was deleted with 3 interaction(s)."
    assert sqlite_core.customers.find("phone", "+380501234567") is None
    assert sqlite_core.timeline.page(customer_id, limit=10) == []
    qtbot.waitUntil(
        lambda: all(
            "Olena" not in shell.window.customers.results.item(i).text()
            for i in range(shell.window.customers.results.count())
        )
    )
    assert card.edit_customer() is None  # nothing open: F2 does nothing
