"""Transfer, record and conference on keys (issue 21, item 3): declared in
ui/shell/shortcuts.py, actions of the Call menu beside hold and mute, working while
the screen-pop has the focus, each pressed as a real key on the window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget

from sip.events import CallPhase, RecordingStarted
from tests.ui.conftest import RecordingEngine, feed, incoming, state
from tests.ui.test_conference_ui import two_calls
from ui.shell.shortcuts import by_name, describe
from ui.shell.shortcuts_dialog import ShortcutsDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TRANSFER, RECORD, CONFERENCE = Qt.Key.Key_T, Qt.Key.Key_P, Qt.Key.Key_K
NO_CONFERENCE = "A conference needs exactly two answered calls."


def press(qtbot: Any, widget: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key, CTRL_SHIFT)


def active_window(qtbot: Any, shell: Any) -> Any:
    window = shell.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def one_call(qtbot: Any, shell: Any) -> None:
    """An answered call "c1"; its screen-pop closed, the window active again."""
    feed(shell.bridge, incoming("c1", "+380501234567"), state("c1", CallPhase.CONFIRMED))
    qtbot.waitUntil(lambda: shell.book.active is not None and shell.book.active.talking)
    qtbot.waitUntil(lambda: shell.window.call_panel.transfer_button.isEnabled())
    active_window(qtbot, shell)


def status(shell: Any) -> str:
    return str(shell.window.statusBar().currentMessage())


def test_the_keys_are_call_actions_beside_hold_and_mute(qtbot: Any, shell: Any) -> None:
    window = shell.window
    for name, keys in (
        ("transfer", "Ctrl+Shift+T"),
        ("record", "Ctrl+Shift+P"),
        ("conference", "Ctrl+Shift+K"),
    ):
        action = window.actions_by_name[name]
        assert [k.toString() for k in action.shortcuts()] == [keys]
        assert action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut
        assert action.isEnabled()  # as hold and mute: the command says why it can't
    call_menu = next(m for m in window.menuBar().actions() if m.text() == "&Call").menu()
    names = [a.objectName() for a in call_menu.actions()]
    hold = names.index("action_hold")
    assert names[hold : hold + 6] == [
        "action_hold",
        "action_mute",
        "action_transfer",
        "action_record",
        "action_conference",
        "action_switch_call",
    ]


def test_help_lists_the_new_keys(qtbot: Any, shell: Any) -> None:
    dialog = ShortcutsDialog(shell.window)
    qtbot.addWidget(dialog)
    rows = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    for name in ("transfer", "record", "conference"):
        shortcut = by_name(name)
        native = QKeySequence(shortcut.keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
        assert rows[describe(shortcut)] == native
    assert rows["Transfer the call (to a number or to the other call)"] == "Ctrl+Shift+T"


def test_without_a_call_each_key_says_so(qtbot: Any, shell: Any, engine: RecordingEngine) -> None:
    window = active_window(qtbot, shell)
    field = window.dialpad.field
    press(qtbot, field, TRANSFER)
    assert status(shell) == "There is no answered call to transfer."
    assert not window.call_panel.transfer_menu.isVisible()
    press(qtbot, field, RECORD)
    assert status(shell) == "There is no answered call to record."
    press(qtbot, field, CONFERENCE)
    assert status(shell) == NO_CONFERENCE
    assert engine.commands == []


def test_a_ringing_call_is_not_answered_yet(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    feed(shell.bridge, incoming("r", "+380503333333"))
    qtbot.waitUntil(lambda: shell.book.active_id == "r")
    window = active_window(qtbot, shell)
    press(qtbot, window.dialpad.field, TRANSFER)
    assert status(shell) == "There is no answered call to transfer."
    press(qtbot, window.dialpad.field, RECORD)
    assert status(shell) == "There is no answered call to record."
    assert engine.commands == []


def test_record_key_starts_then_pauses_and_resumes(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    one_call(qtbot, shell)
    window = shell.window
    button = window.call_panel.record_button
    press(qtbot, window.customers.search, RECORD)  # a text field keeps no Ctrl+Shift key
    qtbot.waitUntil(lambda: "start_recording" in engine.names())
    assert engine.commands[-1][:2] == ("start_recording", "c1")
    qtbot.waitUntil(lambda: button.text() == "Pause rec.")
    press(qtbot, window.dialpad.field, RECORD)
    assert engine.commands[-1] == ("pause_recording", "c1", True)
    qtbot.waitUntil(lambda: button.text() == "Resume rec.")
    press(qtbot, window.dialpad.field, RECORD)
    assert engine.commands[-1] == ("pause_recording", "c1", False)
    assert engine.names().count("start_recording") == 1


def test_the_keys_work_while_the_screen_pop_has_the_focus(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    """Talking with "c1" when "r" rings: its popup is in front, and the keys
    still act on the call being talked on."""
    one_call(qtbot, shell)
    feed(shell.bridge, incoming("r", "+380503333333"))
    qtbot.waitUntil(lambda: "r" in shell.window.pops and shell.window.pops["r"].isVisible())
    pop = shell.window.pops["r"]
    pop.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pop)
    assert shell.book.active_id == "c1"
    press(qtbot, pop, RECORD)
    qtbot.waitUntil(lambda: "start_recording" in engine.names())
    assert engine.commands[-1][:2] == ("start_recording", "c1")
    press(qtbot, pop, CONFERENCE)  # the second call still rings: no conference
    assert status(shell) == NO_CONFERENCE
    assert "join_calls" not in engine.names()
    menu = shell.window.call_panel.transfer_menu
    press(qtbot, pop, TRANSFER)
    qtbot.waitUntil(menu.isVisible)
    menu.close()


def answer_input_dialog(qtbot: Any, text: str, seen: list[str]) -> None:
    """Types into the blind transfer's question once it is up, then Enter."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QInputDialog):
        QTimer.singleShot(10, lambda: answer_input_dialog(qtbot, text, seen))
        return
    seen.append(dialog.windowTitle())
    field = dialog.findChild(QLineEdit)
    assert field is not None
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_transfer_key_opens_the_menu_and_a_blind_transfer_is_done_on_keys(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    one_call(qtbot, shell)
    window = shell.window
    panel = window.call_panel
    menu = panel.transfer_menu
    press(qtbot, window.customers.results, TRANSFER)
    qtbot.waitUntil(menu.isVisible)
    entries = menu.actions()
    assert [a.text() for a in entries] == [
        "Blind transfer to a number…",
        "Attended transfer: call the colleague first",
    ]
    assert menu.activeAction() is entries[0]  # Enter picks it, no mouse needed
    button = panel.transfer_button
    under = button.mapToGlobal(button.rect().bottomLeft())
    assert abs(menu.pos().x() - under.x()) <= 1 and abs(menu.pos().y() - under.y()) <= 2

    seen: list[str] = []
    QTimer.singleShot(0, lambda: answer_input_dialog(qtbot, "+380 44 000 00 00", seen))
    qtbot.keyClick(menu, Qt.Key.Key_Return)  # the dialog runs and is answered in here
    assert seen == ["Blind transfer"]
    assert ("blind_transfer", "c1", "+380440000000") in engine.commands
    assert not menu.isVisible()


def test_transfer_key_then_down_and_enter_is_an_attended_transfer(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    two_calls(qtbot, shell, engine)  # talking with "b", "a" on hold
    window = active_window(qtbot, shell)
    menu = window.call_panel.transfer_menu
    press(qtbot, window.dialpad.field, TRANSFER)
    qtbot.waitUntil(menu.isVisible)
    assert [a.text() for a in menu.actions()][1].startswith("Attended transfer to ")
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction() is menu.actions()[1]
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert ("attended_transfer", "b", "a") in engine.commands


def test_escape_closes_the_transfer_menu_without_a_transfer(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    one_call(qtbot, shell)
    menu = shell.window.call_panel.transfer_menu
    press(qtbot, shell.window.dialpad.field, TRANSFER)
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert "blind_transfer" not in engine.names()
    assert "attended_transfer" not in engine.names()


def test_conference_key_joins_then_splits(qtbot: Any, shell: Any, engine: RecordingEngine) -> None:
    panel = shell.window.call_panel
    two_calls(qtbot, shell, engine)
    window = active_window(qtbot, shell)
    engine.commands.clear()
    press(qtbot, window.dialpad.field, CONFERENCE)
    assert engine.commands == [("unhold", "a"), ("join_calls", "b", "a")]
    qtbot.waitUntil(panel.split_button.isEnabled)
    press(qtbot, window.dialpad.field, CONFERENCE)
    assert engine.commands[2:] == [("split_calls", "b", "a"), ("hold", "a")]
    qtbot.waitUntil(panel.conference_button.isEnabled)


def test_conference_key_with_one_call_says_what_it_needs(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    one_call(qtbot, shell)
    press(qtbot, shell.window.dialpad.field, CONFERENCE)
    assert status(shell) == NO_CONFERENCE
    assert "join_calls" not in engine.names()


def test_a_recording_the_engine_started_by_itself_shows_on_the_button(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    """An account that records its calls: the engine says so (RecordingStarted,
    automatic), and the Record button reads "Pause rec." without a press; the
    record key then pauses it rather than starting a second recording."""
    one_call(qtbot, shell)
    button = shell.window.call_panel.record_button
    assert button.text() == "Record"
    feed(shell.bridge, RecordingStarted("c1", "/tmp/rec/c1.wav", automatic=True))
    qtbot.waitUntil(lambda: button.text() == "Pause rec.")
    assert button.isChecked()
    press(qtbot, shell.window.dialpad.field, RECORD)
    assert engine.commands[-1] == ("pause_recording", "c1", True)
    assert "start_recording" not in engine.names()
