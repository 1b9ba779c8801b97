"""The main window: dialling from the field, call buttons, shortcuts, status bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.settings import Settings
from sip.events import (
    CallDirection,
    CallMediaChanged,
    CallOutcome,
    CallPhase,
    IncomingCall,
    MediaStatus,
    RegistrationChanged,
    RegistrationStatus,
)
from tests.ui.conftest import RecordingEngine, ended, feed, incoming, state
from ui.shell.shortcuts import SHORTCUTS
from ui.shell.shortcuts_dialog import ShortcutsDialog


def test_the_fields_get_their_clear_buttons_after_the_first_paint(qtbot: Any, shell: Any) -> None:
    """Held back from the first picture (an icon-theme lookup each), and never lost."""
    window = shell.window
    fields = (window.dialpad.field, window.customers.search)
    qtbot.waitUntil(lambda: all(field.isClearButtonEnabled() for field in fields), timeout=5000)


def test_enter_in_dial_field_dials_the_cleaned_number(qtbot: Any, shell: Any, engine: Any) -> None:
    field = shell.window.dialpad.field
    qtbot.keyClicks(field, "+380 (50) 123-45-67")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "dial" in engine.names())
    assert engine.commands[0][:3] == ("dial", "office", "+380501234567")
    qtbot.waitUntil(lambda: shell.book.active is not None)
    assert shell.book.active.number == "+380501234567"
    assert field.text() == ""


def test_numbers_are_dialled_in_the_pbx_format_from_the_settings(
    qtbot: Any, shell: Any, engine: Any
) -> None:
    """A PBX that routes national numbers gets 050..., however the number was
    typed; an extension is dialled as typed; a changed setting applies at once."""
    settings = shell.core.settings
    settings.default_region, settings.dial_format = "UA", "national"
    field = shell.window.dialpad.field
    for typed in ("+380 (50) 123-45-67", "2001"):
        field.setText(typed)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: field.text() == "")
    settings.dial_format = "e164"
    field.setText("050 123 45 67")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(engine.names()) == 3)
    assert [c[2] for c in engine.commands] == ["0501234567", "2001", "+380501234567"]


def test_letters_are_explained_inline_and_not_dialled(qtbot: Any, shell: Any, engine: Any) -> None:
    pad = shell.window.dialpad
    qtbot.keyClicks(pad.field, "+7 916 CALL ME")
    qtbot.keyClick(pad.field, Qt.Key.Key_Return)
    assert pad.problem.isVisible()
    assert "Letters" in pad.problem.text()
    assert engine.commands == []
    qtbot.keyClicks(pad.field, "1")  # typing again clears the message
    assert not pad.problem.isVisible()


def test_dial_pad_buttons_type_into_the_field(qtbot: Any, shell: Any, engine: Any) -> None:
    pad = shell.window.dialpad
    for key in "050":
        qtbot.mouseClick(pad.keys.findChild(type(pad.call_button), f"key_{key}"), Qt.LeftButton)
    assert pad.field.text() == "050"
    qtbot.mouseClick(pad.call_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "dial" in engine.names())


def test_no_account_says_so(qtbot: Any, shell: Any, engine: Any) -> None:
    shell.control.account_id = ""
    pad = shell.window.dialpad
    qtbot.keyClicks(pad.field, "0501234567")
    qtbot.keyClick(pad.field, Qt.Key.Key_Return)
    assert "No SIP account configured" in pad.problem.text()
    assert engine.commands == []
    assert "No SIP account configured" in shell.window.registration.text()


def test_registration_status_per_account(qtbot: Any, shell: Any) -> None:
    bar = shell.window.registration
    bar.set_accounts({"1": "Office", "2": "Mobile"})
    feed(
        shell.bridge,
        RegistrationChanged("1", RegistrationStatus.REGISTERED, 200, "OK", 300),
        RegistrationChanged("2", RegistrationStatus.FAILED, 403, "Forbidden"),
    )
    qtbot.waitUntil(lambda: "Office: registered" in bar.text())
    assert "Mobile: registration failed" in bar.text()
    assert "No SIP account" not in bar.text()


def test_call_buttons_send_engine_commands(qtbot: Any, shell: Any, engine: Any) -> None:
    panel = shell.window.call_panel
    feed(shell.bridge, incoming("c1", "+380501234567"))
    qtbot.waitUntil(lambda: shell.book.active_id == "c1")
    qtbot.waitUntil(panel.answer_button.isVisible)  # the panel follows the popup
    qtbot.mouseClick(panel.answer_button, Qt.MouseButton.LeftButton)
    assert ("answer", "c1") in engine.commands
    feed(shell.bridge, state("c1", CallPhase.CONFIRMED))
    qtbot.waitUntil(lambda: shell.book.active.talking)
    qtbot.waitUntil(lambda: not panel.answer_button.isVisible())
    assert panel.timer_label.text() == "0:00"

    qtbot.mouseClick(panel.hold_button, Qt.MouseButton.LeftButton)
    assert ("hold", "c1") in engine.commands
    feed(shell.bridge, CallMediaChanged("c1", MediaStatus.LOCAL_HOLD, False))
    qtbot.waitUntil(lambda: panel.hold_button.text() == "Resume")
    qtbot.mouseClick(panel.hold_button, Qt.MouseButton.LeftButton)
    assert ("unhold", "c1") in engine.commands

    qtbot.mouseClick(panel.mute_button, Qt.MouseButton.LeftButton)
    assert ("set_mute", "c1", True) in engine.commands

    panel.keypad_button.click()
    qtbot.mouseClick(panel.keypad.findChild(type(panel.hangup_button), "key_5"), Qt.LeftButton)
    assert ("send_dtmf", "c1", "5") in engine.commands

    assert shell.control.blind_transfer("+380 44 000 00 00")
    assert ("blind_transfer", "c1", "+380440000000") in engine.commands

    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "start_recording" in engine.names())
    qtbot.waitUntil(lambda: panel.record_button.text() == "Pause rec.")
    assert panel.record_button.isChecked() and panel.record_button.isEnabled()
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    assert engine.commands[-1] == ("pause_recording", "c1", True)
    qtbot.waitUntil(lambda: panel.record_button.text() == "Resume rec.")
    assert not panel.record_button.isChecked()
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    assert engine.commands[-1] == ("pause_recording", "c1", False)
    qtbot.waitUntil(lambda: panel.record_button.text() == "Pause rec.")

    qtbot.mouseClick(panel.hangup_button, Qt.MouseButton.LeftButton)
    assert ("hangup", "c1") in engine.commands
    feed(shell.bridge, ended("c1", "+380501234567"))
    qtbot.waitUntil(lambda: shell.book.active is None)
    qtbot.waitUntil(panel.empty.isVisible)


def test_during_a_call_digits_from_the_keyboard_and_the_dial_pad_are_dtmf(
    qtbot: Any, shell: Any, engine: Any
) -> None:
    window = shell.window
    pad = window.dialpad
    feed(shell.bridge, incoming("c1", "+380501234567"))
    qtbot.waitUntil(lambda: shell.book.active_id == "c1")
    window.activateWindow()
    # Ringing, not talking: the pad types into the field and no tone goes.
    qtbot.mouseClick(pad.keys.findChild(QPushButton, "key_7"), Qt.MouseButton.LeftButton)
    assert pad.field.text() == "7"
    pad.field.clear()
    shell.control.answer()
    feed(shell.bridge, state("c1", CallPhase.CONFIRMED))
    qtbot.waitUntil(lambda: shell.book.active.talking)

    # The pad's keys are tones now, and the field is left alone.
    qtbot.mouseClick(pad.keys.findChild(QPushButton, "key_5"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.keys.findChild(QPushButton, "key_#"), Qt.MouseButton.LeftButton)
    assert dtmf(engine) == ["5", "#"]
    assert pad.field.text() == ""

    # Keys typed outside a text field go to the far end, the numeric keypad's too.
    for pop in list(window.pops.values()):
        pop.close()  # the screen-pop took the focus when the call rang
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.customers.results.setFocus()
    qtbot.waitUntil(window.customers.results.hasFocus)
    qtbot.keyClick(window.customers.results, Qt.Key.Key_1)
    qtbot.keyClick(window.customers.results, Qt.Key.Key_9, Qt.KeyboardModifier.KeypadModifier)
    qtbot.keyClick(window.customers.results, Qt.Key.Key_Asterisk)
    assert dtmf(engine) == ["5", "#", "1", "9", "*"]

    # Typed in the dial field (a transfer number), they are text, not tones.
    pad.field.setFocus()
    qtbot.waitUntil(pad.field.hasFocus)
    qtbot.keyClicks(pad.field, "204")
    assert pad.field.text() == "204"
    assert dtmf(engine) == ["5", "#", "1", "9", "*"]

    # The call ends: digits are digits again.
    feed(shell.bridge, ended("c1", "+380501234567"))
    qtbot.waitUntil(lambda: shell.book.active is None)
    window.customers.results.setFocus()
    qtbot.keyClick(window.customers.results, Qt.Key.Key_3)
    qtbot.mouseClick(pad.keys.findChild(QPushButton, "key_8"), Qt.MouseButton.LeftButton)
    assert dtmf(engine) == ["5", "#", "1", "9", "*"]
    assert pad.field.text() == "2048"


def test_redial_calls_the_last_number_again(qtbot: Any, shell: Any, engine: Any) -> None:
    window = shell.window
    window.actions_by_name["redial"].trigger()
    assert "dial" not in engine.names()  # nothing dialled yet: said, not dialled
    field = window.dialpad.field
    qtbot.keyClicks(field, "+380 44 000 00 00")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: engine.names().count("dial") == 1)
    assert field.text() == ""
    window.actions_by_name["redial"].trigger()
    qtbot.waitUntil(lambda: engine.names().count("dial") == 2)
    dials = [c[1:3] for c in engine.commands if c[0] == "dial"]
    assert dials == [("office", "+380440000000"), ("office", "+380440000000")]


def test_do_not_disturb_is_told_to_the_engine_said_and_kept(
    qtbot: Any, shell: Any, engine: Any, sqlite_core: Any
) -> None:
    window = shell.window
    action = window.actions_by_name["do_not_disturb"]
    assert not action.isChecked() and not window.dnd_label.isVisible()
    action.trigger()
    assert ("set_do_not_disturb", True) in engine.commands
    assert action.isChecked() and window.dnd_label.isVisible()
    config = sqlite_core.paths.config_file
    qtbot.waitUntil(lambda: config.exists() and Settings.read(config).settings.do_not_disturb)
    # A call the engine answered busy pops nothing up.
    feed(
        shell.bridge,
        IncomingCall("d1", "office", "sip:2001@pbx", "2001", "", "x", "do_not_disturb"),
    )
    qtbot.wait(50)
    assert "d1" not in window.pops
    action.trigger()
    assert ("set_do_not_disturb", False) in engine.commands
    assert not window.dnd_label.isVisible()
    qtbot.waitUntil(lambda: not Settings.read(config).settings.do_not_disturb)


def dtmf(engine: RecordingEngine) -> list[str]:
    return [c[2] for c in engine.commands if c[0] == "send_dtmf"]


def test_two_calls_one_active_switching_holds_the_other(
    qtbot: Any, shell: Any, engine: RecordingEngine
) -> None:
    feed(
        shell.bridge,
        incoming("a", "+380501111111"),
        state("a", CallPhase.CONFIRMED),
        incoming("b", "+380502222222"),
    )
    qtbot.waitUntil(lambda: len(shell.book.calls()) == 2)
    assert shell.book.active_id == "a"
    shell.control.answer("b")  # answering the second call holds the first
    assert engine.commands[:2] == [("hold", "a"), ("answer", "b")]
    feed(shell.bridge, state("b", CallPhase.CONFIRMED))
    qtbot.waitUntil(lambda: shell.book.get("b").talking)
    qtbot.waitUntil(shell.window.call_panel.calls.isVisible)
    shell.window.actions_by_name["switch_call"].trigger()
    assert ("hold", "b") in engine.commands
    assert ("unhold", "a") in engine.commands
    assert shell.book.active_id == "a"
    shell.control.attended_transfer("b")
    assert ("attended_transfer", "a", "b") in engine.commands


def test_shortcut_actions_and_help_dialog(qtbot: Any, shell: Any, engine: Any) -> None:
    window = shell.window
    for shortcut in SHORTCUTS:
        action = window.actions_by_name[shortcut.name]
        assert [k.toString() for k in action.shortcuts()] == list(shortcut.keys)
    assert window.actions_by_name["focus_dial"].shortcuts()[1].toString() == "F6"
    window.actions_by_name["focus_search"].trigger()
    assert window.customers.search.hasFocus()
    window.actions_by_name["focus_dial"].trigger()
    assert window.dialpad.field.hasFocus()
    feed(shell.bridge, incoming("r", "+380503333333"))
    qtbot.waitUntil(lambda: shell.book.ringing() is not None)
    window.actions_by_name["answer"].trigger()
    assert ("answer", "r") in engine.commands
    window.actions_by_name["hangup"].trigger()
    assert ("reject", "r") in engine.commands

    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    texts = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "Answer the ringing call" in texts
    keys = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert "Ctrl+L, F6" in keys


def test_missed_call_from_engine_reaches_the_tray(qtbot: Any, shell: Any) -> None:
    from ui.shell.tray import Tray

    tray = Tray(shell.bridge)
    feed(
        shell.bridge,
        incoming("m", "+380504444444"),
        ended("m", "+380504444444", CallOutcome.MISSED, CallDirection.INBOUND),
    )
    qtbot.waitUntil(lambda: tray.missed == 1)
    assert "1 missed call" in tray.tooltip()
    tray.reset_missed()
    assert tray.missed == 0


def test_call_notes_are_kept_per_call_and_saved_at_the_hang_up(
    qtbot: Any, shell: Any, engine: Any, sqlite_core: Any
) -> None:
    from tests.ui.test_composer import type_text

    notes = shell.window.call_panel.notes
    call_log = shell.call_log
    shell.control.call_log = call_log  # as once the engine runs

    def both(*events: Any) -> None:  # the engine tells the window and the call log
        feed(shell.bridge, *events)
        for event in events:
            call_log(event)

    def body() -> str:
        call_log.flush()
        rows = sqlite_core.timeline.unlinked()
        return rows[0].body if rows else ""

    assert not notes.isVisible()
    both(incoming("n1", "+380501234567"))
    qtbot.waitUntil(notes.isVisible)
    type_text(notes.edit, "Розмір M, 1042")
    # Digits in the notes are text, not tones.
    assert not [c for c in engine.commands if c[0] == "send_dtmf"]
    both(ended("n1", "+380501234567"))
    qtbot.waitUntil(lambda: body() == "Розмір M, 1042")  # at once, no pause waited for
    # The wrap-up after the hang-up: the same call's notes stay open.
    qtbot.waitUntil(lambda: "ended" in notes.title.text())
    assert notes.isVisible() and notes.edit.toPlainText() == "Розмір M, 1042"
    type_text(notes.edit, "; доставка в п'ятницю")
    qtbot.waitUntil(lambda: body() == "Розмір M, 1042; доставка в п'ятницю")
    # The next call has notes of its own.
    both(incoming("n2", "+380671112233"))
    qtbot.waitUntil(lambda: notes.call_id == "n2")
    assert notes.edit.toPlainText() == "" and notes.title.text() == "Notes"
