"""Issue 19's "done when", as a newcomer does it, through the real window,
the real core and the real Telegram channel against the local Bot API server
(tests/servers/bot_api, written from the documentation): a bot token added in
Settings; a customer writes to the bot while the window is closed to the tray;
the chat is in the waiting inbox and announced; the operator opens it from the
inbox with the keyboard, answers with a quick reply whose free field is asked,
and sees the answer sent — queued once in the outbox, received once by the
server. Telegram tells a bot nothing after it accepted a message (no delivery
or read receipt in the Bot API), so "✓ sent" is the last state it can show."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from sqlmodel import select

from app.core import Core
from app.customers import ContactInput
from app.models import OutboxMessage
from tests.servers.bot_api import BotApiServer
from tests.ui.test_composer import type_text
from tests.ui.test_telegram_ui import WAIT_MS, add_bot
from ui.settings.settings_dialog import SettingsDialog
from ui.shell.tray import Tray


@pytest.fixture
def tray(shell: Any, monkeypatch: Any) -> Iterator[Tray]:
    """The app's tray as main() attaches it. The offscreen platform has no
    tray: the icon stands in for a desktop that shows messages."""
    icon = Tray(shell.bridge, window=shell.window, tasks=shell.tasks)
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    icon.icon.isVisible = lambda: True  # type: ignore[method-assign]
    icon.showRequested.connect(shell.window.bring_to_front)
    shell.window.notifier.attach_tray(icon)
    icon.set_channels(shell.channels.summary())
    shell.channels.summaryChanged.connect(icon.set_channels)
    yield icon
    icon.icon.hide()


def test_a_newcomer_adds_a_bot_and_answers_a_customer_with_a_quick_reply(
    qtbot: Any, shell: Any, sqlite_core: Core, bot_api: BotApiServer, tray: Tray
) -> None:
    core, window = sqlite_core, shell.window
    bot = bot_api.add_bot("flowers_bot", first_name="Квіти Оле")
    olena_user = bot.user("Олена", last_name="Коваль")
    olena = core.customers.create(
        "Олена Коваль",
        [ContactInput("phone", "+380501234567"), ContactInput("telegram", str(olena_user["id"]))],
    )
    assert olena.id is not None
    core.templates.create(
        "Доставка", "{name}, букет привеземо {дата доставки}. {operator}", channels=["telegram"]
    )
    notes: list[tuple[str, str]] = []
    tray.notified.connect(lambda title, text: notes.append((title, text)))
    qtbot.waitUntil(lambda: shell.channels.running, timeout=WAIT_MS)

    # 1. Settings > Telegram, as the menu opens it (modal): the token saved.
    def in_settings() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        try:  # closed whatever happens: a failure must not leave exec() waiting
            page = dialog.telegram
            dialog.tabs.setCurrentWidget(page)
            qtbot.waitUntil(lambda: page.current is not None)
            add_bot(qtbot, page, "Квіти Оле", bot_api.base_url, bot.token)
            qtbot.waitUntil(lambda: "connected" in page.state.text(), timeout=WAIT_MS)
        finally:
            dialog.accept()

    QTimer.singleShot(0, in_settings)
    shell.open_settings()
    qtbot.waitUntil(lambda: bot.is_polling, timeout=WAIT_MS)

    # 2. The window closed to the tray; the customer writes to the bot.
    window.hide()
    bot.push_text(olena_user, "Добрий день! Коли привезете букет?")
    waiting = window.waiting
    qtbot.waitUntil(lambda: len(waiting.entries) == 1, timeout=WAIT_MS)
    (entry,) = waiting.entries
    qtbot.waitUntil(lambda: len(notes) == 1, timeout=WAIT_MS)
    assert notes == [("New message", "Олена Коваль: Добрий день! Коли привезете букет?")]
    qtbot.waitUntil(lambda: not bot.pending(), timeout=WAIT_MS)  # told "received" after commit

    # 3. Back at the desk: the inbox by its key, the chat opened with Enter.
    window.bring_to_front()
    qtbot.waitExposed(window)
    window.actions_by_name["focus_chats"].trigger()
    assert waiting.current_conversation() == entry.conversation_id
    qtbot.keyClick(waiting.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.card.customer is not None, timeout=WAIT_MS)
    assert window.card.customer.id == olena.id
    side = window.side
    qtbot.waitUntil(lambda: side.conversation_id == entry.conversation_id, timeout=WAIT_MS)
    composer = side.view.composer
    qtbot.waitUntil(lambda: composer.context is not None and composer._loaded, timeout=WAIT_MS)

    # 4. A quick reply by "/", its free field asked, the text edited, Ctrl+Enter.
    window.actions_by_name["focus_composer"].trigger()
    qtbot.waitUntil(lambda: composer.input.hasFocus())
    qtbot.keyClick(composer.input, Qt.Key.Key_Slash)
    picker = composer._picker
    assert picker is not None
    qtbot.waitUntil(lambda: picker.isVisible() and picker.list.count() == 1)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    dialog = composer.fields_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert [f.label for f in dialog.asked] == ["дата доставки"]
    type_text(dialog.edits["дата доставки"], "завтра до 12:00")
    qtbot.keyClick(dialog.edits["дата доставки"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: composer.fields_dialog is None)
    answer = f"Олена Коваль, букет привеземо завтра до 12:00. {composer.operator}"
    assert composer.input.toPlainText() == answer
    type_text(composer.input, " Гарного дня!")  # the result is the operator's to edit
    qtbot.keyClick(composer.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    # 5. One outbox row, one message at Telegram, "✓ sent" under the bubble.
    qtbot.waitUntil(lambda: composer.input.toPlainText() == "", timeout=WAIT_MS)
    with core.db.session() as s:
        (row,) = s.exec(select(OutboxMessage))
    assert row.text == f"{answer} Гарного дня!"
    qtbot.waitUntil(lambda: core.outbox.get(row.id or 0).status == "sent", timeout=WAIT_MS)
    to_olena = [m for m in bot_api.sent if m.chat_id == olena_user["id"]]
    assert [m.text for m in to_olena] == [row.text]
    view = side.view.messages

    def last_bubble() -> list[str]:
        return list(view.bubbles.painted_texts(view.messages.index(view.messages.rowCount() - 1)))

    qtbot.waitUntil(lambda: "✓ sent" in last_bubble(), timeout=WAIT_MS)
    assert f"{answer} Гарного дня!" in last_bubble()
    qtbot.waitUntil(lambda: waiting.entries == [], timeout=WAIT_MS)  # answered: not waiting
