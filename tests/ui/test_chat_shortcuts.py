"""The chats' keyboard shortcuts (issue 19, item 6): declared once in
ui/shell/shortcuts.py, each an action of the window that does what it says, listed
in Help > Shortcuts, and none clashing with another key of the window or with
the keys the text fields keep for themselves."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QFileDialog

from app.core import Core
from app.models import Channel
from tests.ui.chats import T0, channel_account, deliver, message, write
from ui.shell.shortcuts import SHORTCUTS, by_name, describe
from ui.shell.shortcuts_dialog import ShortcutsDialog

CHAT_SHORTCUTS = (
    "next_waiting",
    "previous_conversation",
    "next_conversation",
    "focus_composer",
    "quick_replies",
    "attach_file",
    "focus_chats",
)

# What a line edit or a text field takes for itself before any shortcut sees it
# (QInputControl::isCommonTextEditShortcut): a window key bound to one of these
# would never fire while the operator types.
TEXT_FIELD_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.MoveToNextWord,
    QKeySequence.StandardKey.MoveToPreviousWord,
    QKeySequence.StandardKey.MoveToStartOfDocument,
    QKeySequence.StandardKey.MoveToEndOfDocument,
    QKeySequence.StandardKey.SelectNextWord,
    QKeySequence.StandardKey.SelectPreviousWord,
    QKeySequence.StandardKey.SelectStartOfLine,
    QKeySequence.StandardKey.SelectEndOfLine,
    QKeySequence.StandardKey.SelectStartOfBlock,
    QKeySequence.StandardKey.SelectEndOfBlock,
    QKeySequence.StandardKey.SelectStartOfDocument,
    QKeySequence.StandardKey.SelectEndOfDocument,
    QKeySequence.StandardKey.DeleteStartOfWord,
    QKeySequence.StandardKey.DeleteEndOfWord,
)


def portable(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def window_keys(window: Any) -> dict[str, list[str]]:
    """Every enabled key of the window's actions and shortcuts -> their owners."""
    owners: dict[str, list[str]] = defaultdict(list)
    actions = {id(a): a for a in window.findChildren(QAction)}
    for action in actions.values():
        if action.isEnabled():
            for sequence in action.shortcuts():
                owners[portable(sequence)].append(action.objectName() or action.text())
    for shortcut in window.findChildren(QShortcut):
        if shortcut.isEnabled():
            for sequence in shortcut.keys():  # noqa: SIM118 (a QShortcut, not a dict)
                owners[portable(sequence)].append(shortcut.objectName() or "QShortcut")
    return owners


def test_no_key_is_declared_twice_or_taken_from_the_text_fields(qapp: Any) -> None:
    declared = [portable(QKeySequence(keys)) for s in SHORTCUTS for keys in s.keys]
    assert len(declared) == len(set(declared)), declared
    assert all(declared)  # each one parses
    kept = {portable(k) for key in TEXT_FIELD_KEYS for k in QKeySequence.keyBindings(key)}
    assert kept.isdisjoint(declared), sorted(kept & set(declared))
    for name in CHAT_SHORTCUTS:
        assert by_name(name).keys


def test_no_two_things_in_the_window_answer_one_key(qtbot: Any, shell: Any) -> None:
    window = shell.window
    clashes = {keys: who for keys, who in window_keys(window).items() if len(who) > 1}
    assert clashes == {}
    for name in CHAT_SHORTCUTS:
        action = window.actions_by_name[name]
        assert [portable(k) for k in action.shortcuts()] == list(by_name(name).keys)
        assert action.isEnabled()


def test_help_lists_the_chat_shortcuts(qtbot: Any, shell: Any) -> None:
    dialog = ShortcutsDialog(shell.window)
    qtbot.addWidget(dialog)
    texts = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    for name in CHAT_SHORTCUTS:
        assert describe(by_name(name)) in texts
    keys = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert "F8, Ctrl+Shift+W" in keys


def test_f8_opens_the_longest_waiting_chat_then_the_next(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    shop = channel_account(sqlite_core)
    olena = sqlite_core.customers.create("Олена Петренко")
    petro = sqlite_core.customers.create("Петро Мороз")
    first = write(sqlite_core, shop, "1", 0)
    second = write(sqlite_core, shop, "2", 5)
    sqlite_core.conversations.link(first, olena.id)
    sqlite_core.conversations.link(second, petro.id)
    window = shell.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: len(window.waiting.model.rows) == 2, timeout=5000)

    qtbot.keyClick(window.dialpad.field, Qt.Key.Key_F8)  # from wherever the focus is
    qtbot.waitUntil(lambda: window.side.conversation_id == first, timeout=5000)
    assert window.card.customer_id == olena.id
    window.actions_by_name["next_waiting"].trigger()  # not answered: the next one
    qtbot.waitUntil(lambda: window.side.conversation_id == second, timeout=5000)
    assert window.card.customer_id == petro.id

    sqlite_core.outbox.queue(first, "Вітаю!", operator="Ірина", idempotency_key="a")
    qtbot.waitUntil(lambda: len(window.waiting.model.rows) == 1, timeout=5000)
    window.actions_by_name["next_waiting"].trigger()  # only the open one waits
    assert window.side.conversation_id == second
    assert window.statusBar().currentMessage() == "Nobody else is waiting for a reply."


def test_the_conversation_keys_switch_chats_and_reach_the_composer(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    telegram = channel_account(sqlite_core, "Магазин")
    viber = channel_account(sqlite_core, "Viber", kind="viber")
    olena = sqlite_core.customers.create("Олена Петренко")
    assert olena.id is not None
    older = write(sqlite_core, telegram, "1", 0)
    (newer,) = deliver(
        sqlite_core, message(viber, "v1", T0 + timedelta(minutes=5), channel=Channel.VIBER)
    )
    for conversation in (older, newer):
        sqlite_core.conversations.link(conversation, olena.id)
    window = shell.window
    window.open_customer(olena.id)
    side = window.side
    qtbot.waitUntil(lambda: side.conversation_id == newer, timeout=5000)  # the latest first
    actions = window.actions_by_name

    actions["next_conversation"].trigger()
    qtbot.waitUntil(lambda: side.conversation_id == older, timeout=5000)
    actions["previous_conversation"].trigger()
    qtbot.waitUntil(lambda: side.conversation_id == newer, timeout=5000)

    composer = side.view.composer
    qtbot.waitUntil(lambda: composer is not None and composer.input.isEnabled(), timeout=5000)
    window.dialpad.field.setFocus()
    actions["focus_composer"].trigger()
    qtbot.waitUntil(composer.input.hasFocus)

    actions["quick_replies"].trigger()
    picker = composer._picker
    qtbot.waitUntil(lambda: picker is not None and picker.isVisible(), timeout=5000)
    picker.close()

    actions["attach_file"].trigger()
    dialog = composer.file_dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    dialog.reject()

    actions["focus_dial"].trigger()  # and back to the dial field
    assert window.dialpad.field.hasFocus()
