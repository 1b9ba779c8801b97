"""Assign, release and cancel from the callback queue in the window (issue 21,
item 5): the row's keys and buttons, the dialogs asking who and why, the write
on the task worker, the queue and the status bar after it. The engine is
RecordingEngine; the database the real core's."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from tests.ui.test_callbacks_window import due_request


def shown(qtbot: Any, shell: Any, count: int) -> Any:
    window = shell.window
    window.show_callbacks()
    window.callbacks.refresh()
    qtbot.waitUntil(lambda: len(window.callback_panel.model.rows) == count)
    return window.callback_panel


def dialog(qtbot: Any, shell: Any, name: str) -> QInputDialog:
    qtbot.waitUntil(lambda: shell.window.callbacks.handover.dialog is not None)
    found = shell.window.callbacks.handover.dialog
    assert found is not None and found.objectName() == name
    qtbot.waitUntil(found.isVisible)
    return found


def status(shell: Any) -> str:
    return str(shell.window.statusBar().currentMessage())


def test_delete_on_a_row_asks_why_and_cancels_it(qtbot: Any, shell: Any) -> None:
    core = shell.core
    core.settings.operator_name = "Iryna"
    olha = due_request(core, "+380501112233", "Olha")
    due_request(core, "+380502223344", "Petro")
    panel = shown(qtbot, shell, 2)
    assert not panel.row_actions["cancelCallback"].isEnabled()  # nothing selected yet
    panel.table.setFocus()
    panel.select_request(olha.id)
    assert panel.row_actions["cancelCallback"].isEnabled()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    asked = dialog(qtbot, shell, "cancelCallbackDialog")
    assert "Nobody will call Olha back" in asked.labelText()
    asked.setTextValue("Ordered in the Telegram chat")
    asked.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: [r.name for r in panel.model.rows] == ["Petro"])
    assert status(shell) == f"Callback #{olha.id} is cancelled."
    row = core.callbacks.get(olha.id)
    assert (row.status, row.meta["cancelled_by"], row.meta["cancel_reason"]) == (
        "cancelled",
        "Iryna",
        "Ordered in the Telegram chat",
    )


def test_keep_it_cancels_nothing(qtbot: Any, shell: Any) -> None:
    core = shell.core
    core.settings.operator_name = "Iryna"
    olha = due_request(core, "+380501112233", "Olha")
    panel = shown(qtbot, shell, 1)
    panel.select_request(olha.id)
    panel.row_actions["cancelCallback"].trigger()
    asked = dialog(qtbot, shell, "cancelCallbackDialog")
    asked.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: shell.window.callbacks.handover.dialog is None)
    qtbot.wait(200)
    assert core.callbacks.get(olha.id).status == "open"
    assert len(panel.model.rows) == 1


def test_assign_to_a_colleague_then_release_it_back(qtbot: Any, shell: Any) -> None:
    core = shell.core
    core.settings.operator_name = "Iryna"
    olha = due_request(core, "+380501112233", "Olha")
    panel = shown(qtbot, shell, 1)
    panel.table.setFocus()
    panel.select_request(olha.id)
    assert not panel.row_actions["releaseCallback"].isEnabled()  # nobody holds it
    qtbot.keyClick(panel.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    asked = dialog(qtbot, shell, "assignCallbackDialog")
    assert asked.comboBoxItems() == ["Iryna"]  # nobody else has worked a callback here yet
    asked.setTextValue("Olena")  # typed: a colleague new to the queue
    asked.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: status(shell) == f"Callback #{olha.id} is assigned to Olena.")
    qtbot.waitUntil(lambda: panel.model.rows[0].assigned_to == "Olena")
    assert panel.model.data(panel.model.index(0, 5)) == "Olena (assigned)"

    # Iryna may not call it now, nor release it: it is Olena's.
    panel.select_request(olha.id)
    assert panel.row_actions["releaseCallback"].isEnabled()
    panel.row_actions["releaseCallback"].trigger()
    qtbot.waitUntil(lambda: isinstance(shell.window.callbacks.problem, QMessageBox))
    assert "only they can release it" in shell.window.callbacks.problem.text()
    shell.window.callbacks.problem.close()

    core.settings.operator_name = "Olena"  # at Olena's desk
    panel.select_request(olha.id)
    panel.row_actions["releaseCallback"].trigger()
    qtbot.waitUntil(
        lambda: status(shell) == f"Callback #{olha.id} is back in the queue for everyone."
    )
    qtbot.waitUntil(lambda: panel.model.rows[0].assigned_to is None)
    assert core.callbacks.get(olha.id).assigned_to is None


def test_without_an_operator_name_nothing_is_asked(qtbot: Any, shell: Any) -> None:
    core = shell.core
    core.settings.operator_name = ""
    olha = due_request(core, "+380501112233", "Olha")
    panel = shown(qtbot, shell, 1)
    panel.select_request(olha.id)
    panel.row_actions["assignCallback"].trigger()
    qtbot.waitUntil(lambda: isinstance(shell.window.callbacks.problem, QMessageBox))
    assert "operator's name" in shell.window.callbacks.problem.text()
    assert shell.window.callbacks.handover.dialog is None


def test_the_selected_row_stays_selected_when_the_queue_is_read_again(
    qtbot: Any, shell: Any
) -> None:
    """Another operator's write reads the queue again at any moment: the row
    the operator is on keeps its selection and its keys."""
    core = shell.core
    core.settings.operator_name = "Iryna"
    due_request(core, "+380501112233", "Olha")
    petro = due_request(core, "+380502223344", "Petro")
    panel = shown(qtbot, shell, 2)
    panel.select_request(petro.id)
    due_request(core, "+380503334455", "Mariia")  # a colleague's form request arrives
    with qtbot.waitSignal(panel.model.modelReset, timeout=10_000):
        shell.window.callbacks.refresh()
    assert len(panel.model.rows) == 3
    assert panel.selected_request() == petro.id
    assert panel.row_actions["cancelCallback"].isEnabled()
