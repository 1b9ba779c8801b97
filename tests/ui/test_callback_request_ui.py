"""A callback request made by hand: from the customer card (its phones offered)
and from Callbacks > New callback request…; the core's refusals shown in red in
the dialog, a window in the past refused, nothing stored for either."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlmodel import func, select

from app.core import Core
from app.customers import ContactInput
from app.models import CallbackRequest, Channel
from ui.callbacks.callback_request_dialog import CallbackRequestDialog, to_qt


def stored_requests(core: Core) -> int:
    with core.db.session() as s:
        return int(s.exec(select(func.count()).select_from(CallbackRequest)).one())


def open_card(qtbot: Any, shell: Any, core: Core) -> int:
    customer = core.customers.create(
        "Olha Kravets",
        [ContactInput("phone", "+380501112233"), ContactInput("phone", "+380672223344")],
    )
    assert customer.id is not None
    shell.window.open_customer(customer.id)
    qtbot.waitUntil(lambda: shell.window.card.customer is not None)
    return customer.id


def test_request_from_the_card(qtbot: Any, shell: Any, sqlite_core: Core) -> None:
    window = shell.window
    sqlite_core.settings.operator_name = "Iryna"
    customer_id = open_card(qtbot, shell, sqlite_core)
    assert window.card.callback_button.isVisible()
    dialog = window.card.request_callback()
    assert isinstance(dialog, CallbackRequestDialog)
    choice = dialog.number_choice
    assert choice is not None and choice.count() == 2  # both phones offered
    choice.setCurrentIndex(1)
    dialog.priority.setCurrentIndex(dialog.priority.findData(1))
    dialog.comment.setPlainText("About the order")
    dialog.use_window.setChecked(True)
    start = datetime.now(dialog.shop_zone).replace(second=0, microsecond=0) + timedelta(days=1)
    dialog.window_from.setDateTime(to_qt(start))
    dialog.window_to.setDateTime(to_qt(start + timedelta(hours=1)))
    with qtbot.waitSignal(dialog.requested):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    (row,) = sqlite_core.callbacks.queue()
    assert (row.source, row.customer_id, row.phone) == ("manual", customer_id, "+380672223344")
    assert (row.name, row.comment, row.priority) == ("Olha Kravets", "About the order", 1)
    assert row.meta.get("requested_by") == "Iryna"
    assert row.preferred_from == start and row.preferred_to == start + timedelta(hours=1)
    # The core records it on the customer's timeline; the card shows it.
    entries = sqlite_core.timeline.page(customer_id, channels=[Channel.CALLBACK])
    assert [e.subject for e in entries] == ["Callback requested"]
    qtbot.waitUntil(lambda: window.card.timeline.list.count() == 1)
    assert "Callback requested" in window.card.timeline.list.item(0).text()
    # The queue shows it and the status bar says so.
    qtbot.waitUntil(lambda: len(window.callback_panel.model.rows) == 1)
    assert "saved" in window.statusBar().currentMessage()


def test_a_bad_number_is_shown_in_the_dialog(qtbot: Any, shell: Any, sqlite_core: Core) -> None:
    dialog = shell.window.new_callback_request()  # Callbacks > New callback request…
    assert dialog.number_field is not None and dialog.number_field.text() == ""
    dialog.save()
    assert dialog.error.isVisible() and "Type the number" in dialog.error.text()
    dialog.number_field.setText("12ab")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error.isVisible() and "Not saved" in dialog.error.text())
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    assert dialog.error.styleSheet() == "color: #b3261e;"
    assert stored_requests(sqlite_core) == 0


def test_a_window_in_the_past_is_refused(qtbot: Any, shell: Any, sqlite_core: Core) -> None:
    dialog = shell.window.new_callback_request()
    assert dialog.number_field is not None
    dialog.number_field.setText("+380501112233")
    dialog.use_window.setChecked(True)
    yesterday = datetime.now(dialog.shop_zone) - timedelta(days=1)
    dialog.window_from.setDateTime(to_qt(yesterday))
    dialog.window_to.setDateTime(to_qt(yesterday + timedelta(hours=2)))
    dialog.save()
    assert dialog.error.isVisible() and "already over" in dialog.error.text()
    tomorrow = yesterday + timedelta(days=2)
    dialog.window_from.setDateTime(to_qt(tomorrow))
    dialog.window_to.setDateTime(to_qt(tomorrow - timedelta(hours=1)))
    dialog.save()
    assert "ends before it starts" in dialog.error.text()
    assert stored_requests(sqlite_core) == 0

    # Without the window the same number goes in, linked to nobody (no such customer).
    dialog.use_window.setChecked(False)
    with qtbot.waitSignal(dialog.requested):
        dialog.save()
    (row,) = sqlite_core.callbacks.queue()
    assert (row.source, row.customer_id, row.preferred_to) == ("manual", None, None)
