"""Telegram bots in the window, against the local Bot API server
(tests/servers/bot_api, written from the documentation).

Settings > Telegram stores a bot with its token in the keyring only; "Test"
asks the server (off the GUI thread and off the task worker) and names the bot
or the trouble; a webhook set on the server is offered for removal, and
removing it works. In the window: a bot configured in Settings is read at
once, a customer's message lands in the database and on the open card's
timeline, and a bot that can't be read is said in the status bar and the tray.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text
from sqlmodel import select

from app.channel_accounts import TelegramBot, list_telegram_bots, save_telegram_bot
from app.core import Core
from app.customers import ContactInput
from app.models import Conversation, Interaction
from app.secrets import SecretKind
from tests.servers.bot_api import Bot, BotApiServer, Fault
from ui.settings.settings_dialog import SettingsDialog
from ui.settings.telegram_page import TelegramPage
from ui.shell.tray import Tray

WAIT_MS = 20_000  # bounds for the waits; a conflict is retried every ~30 s, not awaited


def database_text(core: Core) -> str:
    """Every value of every table, as text."""
    with core.db.session() as s:
        tables = [
            row[0] for row in s.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
        ]
        return "\n".join(
            str(value)
            for table in tables
            for row in s.execute(text(f'SELECT * FROM "{table}"'))
            for value in row
        )


def database_bytes(core: Core) -> bytes:
    path = core.paths.data_dir / "unused"
    url = str(core.db.engine.url)
    path = type(path)(url.removeprefix("sqlite:///"))
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def open_page(qtbot: Any, shell: Any, core: Core) -> tuple[SettingsDialog, TelegramPage]:
    """Settings as Shell.open_settings opens it (its page wired to the window's
    channels), shown on the Telegram tab."""
    dialog = SettingsDialog(core, shell.tasks, shell.window)
    qtbot.addWidget(dialog)
    shell.channels.attach_page(dialog.telegram)
    dialog.tabs.setCurrentWidget(dialog.telegram)
    dialog.show()
    page = dialog.telegram
    qtbot.waitUntil(lambda: page.current is not None)
    return dialog, page


def add_bot(qtbot: Any, page: TelegramPage, label: str, server: str, token: str) -> None:
    page.new_bot()
    page.label.setText(label)
    page.server.setText(server)
    page.token.setText(token)
    with qtbot.waitSignal(page.botsChanged, timeout=WAIT_MS):
        page.save_button.click()


def answer(qtbot: Any, page: TelegramPage, button: QMessageBox.StandardButton) -> None:
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible())
    box = page.question
    assert box is not None
    box.button(button).click()


@pytest.fixture
def bot(bot_api: BotApiServer) -> Bot:
    return bot_api.add_bot("shop_bot", first_name="Квіти Оле")


# --- the settings page ------------------------------------------------------------------


def test_a_bot_is_stored_with_its_token_in_the_keyring_only(
    qtbot: Any, shell: Any, sqlite_core: Core, bot_api: BotApiServer, bot: Bot
) -> None:
    dialog, page = open_page(qtbot, shell, sqlite_core)
    assert page.token.echoMode() == page.token.EchoMode.Password
    assert page.server.placeholderText() == "https://api.telegram.org"
    add_bot(qtbot, page, "Shop bot", bot_api.base_url, bot.token)
    assert page.token.text() == ""  # not kept in the widget
    assert page.result.text() == "Bot “Shop bot” saved."
    (saved,) = list_telegram_bots(sqlite_core)
    assert (saved.label, saved.server, saved.enabled) == ("Shop bot", bot_api.base_url, True)
    assert saved.id is not None
    assert sqlite_core.secrets.get(SecretKind.CHANNEL, saved.id) == bot.token
    with qtbot.waitSignal(dialog.settingsSaved, timeout=WAIT_MS):
        dialog.save()  # the dialog's own Save writes config.json

    secret = bot.token.split(":", 1)[1]
    assert "Shop bot" in database_text(sqlite_core)
    assert secret not in database_text(sqlite_core)
    assert secret.encode() not in database_bytes(sqlite_core)
    config = sqlite_core.paths.config_file.read_text(encoding="utf-8")
    json.loads(config)
    assert secret not in config

    # Saved again with the token field empty: the stored token stays.
    page.label.setText("Shop")
    page.enabled.setChecked(False)
    with qtbot.waitSignal(page.botsChanged, timeout=WAIT_MS):
        page.save_button.click()
    assert sqlite_core.secrets.get(SecretKind.CHANNEL, saved.id) == bot.token
    assert [(b.label, b.enabled) for b in list_telegram_bots(sqlite_core)] == [("Shop", False)]
    assert page.bot_list.item(0).text().startswith("Shop")


def test_test_names_the_bot_without_holding_up_the_window(
    qtbot: Any, shell: Any, sqlite_core: Core, bot_api: BotApiServer, bot: Bot
) -> None:
    _, page = open_page(qtbot, shell, sqlite_core)
    page.server.setText(bot_api.base_url)
    page.token.setText(bot.token)
    # getMe answers late: meanwhile the window and its database worker go on.
    bot_api.inject(Fault.delay(3), method="getMe")
    page.test_button.click()
    assert page.result.text() == "Asking the server…"
    assert not page.test_button.isEnabled()
    read: list[str] = []
    shell.tasks.run(lambda: threading.current_thread().name, read.append)
    qtbot.waitUntil(lambda: read != [], timeout=WAIT_MS)
    assert page.result.text() == "Asking the server…"  # getMe still waiting
    qtbot.waitUntil(lambda: "Connected as" in page.result.text(), timeout=WAIT_MS)
    assert page.result.text() == "Connected as @shop_bot."
    assert page.test_button.isEnabled() and page.webhook_button.isHidden()
    assert page.label.text() == "Квіти Оле"  # an empty name starts from the bot's
    assert list_telegram_bots(sqlite_core) == []  # Test saves nothing

    # A saved bot with the field left empty is tested with the stored token.
    saved = save_telegram_bot(sqlite_core, TelegramBot("Shop", server=bot_api.base_url), bot.token)
    page.load_bots(select=saved.id)
    qtbot.waitUntil(lambda: page.current is not None and page.current.id == saved.id)
    assert page.token.text() == "" and "keyring" in page.token.placeholderText()
    page.test_button.click()
    qtbot.waitUntil(lambda: page.result.text() == "Connected as @shop_bot.", timeout=WAIT_MS)
    assert bot_api.request_count("getMe", token=bot.token) == 2


def test_a_revoked_token_an_unreachable_server_and_a_bad_address_are_said(
    qtbot: Any, shell: Any, sqlite_core: Core, bot_api: BotApiServer, bot: Bot
) -> None:
    _, page = open_page(qtbot, shell, sqlite_core)
    page.server.setText(bot_api.base_url)
    page.token.setText(bot.token)
    bot.revoke()
    page.test_button.click()
    qtbot.waitUntil(lambda: "refused the token" in page.result.text(), timeout=WAIT_MS)
    assert page.result.text().startswith("The server refused the token (401 Unauthorized)")
    assert "@BotFather" in page.result.text()

    host, port = bot_api.address
    bot_api.stop()
    page.test_button.click()
    qtbot.waitUntil(lambda: "can't be reached" in page.result.text(), timeout=WAIT_MS)
    assert bot.token not in page.result.text()  # the URL in requests' words, token cut out

    page.server.setText("api.telegram.org")
    page.test_button.click()
    qtbot.waitUntil(lambda: "must start with https://" in page.result.text(), timeout=WAIT_MS)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.result.text().startswith("Not saved:"), timeout=WAIT_MS)
    assert "must start with https://" in page.result.text()

    page.server.setText(f"http://{host}:{port}")
    page.token.setText(bot.token[:10] + "\n" + bot.token[10:])
    page.test_button.click()
    qtbot.waitUntil(lambda: "line breaks" in page.result.text(), timeout=WAIT_MS)
    assert list_telegram_bots(sqlite_core) == []


def test_a_webhook_is_offered_for_removal_and_removed(
    qtbot: Any, shell: Any, sqlite_core: Core, bot_api: BotApiServer, bot: Bot
) -> None:
    _, page = open_page(qtbot, shell, sqlite_core)
    add_bot(qtbot, page, "Shop bot", bot_api.base_url, bot.token)
    bot.set_webhook("https://shop.example/telegram/hook")
    waiting = bot.push_text(bot.user("Олена"), "Чи є троянди?")
    page.test_button.click()
    qtbot.waitUntil(lambda: page.webhook_button.isVisible(), timeout=WAIT_MS)
    assert "Connected as @shop_bot." in page.result.text()
    assert "https://shop.example/telegram/hook" in page.result.text()

    # Cancel changes nothing.
    page.webhook_button.click()
    answer(qtbot, page, QMessageBox.StandardButton.Cancel)
    assert bot.webhook_url == "https://shop.example/telegram/hook"

    page.webhook_button.click()
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible())
    question = page.question
    assert question is not None
    assert question.textFormat() == Qt.TextFormat.PlainText
    assert "https://shop.example/telegram/hook" in question.text()
    assert "reads them here" in question.text()
    answer(qtbot, page, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: page.result.text().startswith("Webhook removed"), timeout=WAIT_MS)
    assert bot.webhook_url == ""
    assert page.webhook_button.isHidden()
    # What waited for the webhook is kept for us to read.
    assert [u["update_id"] for u in bot.pending()] == [waiting["update_id"]]


def test_removing_a_bot_forgets_its_token(
    qtbot: Any, shell: Any, sqlite_core: Core, bot_api: BotApiServer, bot: Bot
) -> None:
    _, page = open_page(qtbot, shell, sqlite_core)
    add_bot(qtbot, page, "Shop bot", bot_api.base_url, bot.token)
    (saved,) = list_telegram_bots(sqlite_core)
    page.remove_button.click()
    answer(qtbot, page, QMessageBox.StandardButton.Cancel)
    assert list_telegram_bots(sqlite_core) == [saved]
    page.remove_button.click()
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible())
    assert "“Shop bot”" in page.question.text()  # type: ignore[union-attr]
    with qtbot.waitSignal(page.botsChanged, timeout=WAIT_MS):
        answer(qtbot, page, QMessageBox.StandardButton.Yes)
    assert list_telegram_bots(sqlite_core) == []
    assert saved.id is not None
    assert sqlite_core.secrets.get(SecretKind.CHANNEL, saved.id) is None
    assert page.bot_list.count() == 0 and page.current is not None and page.current.id is None


# --- in the window ----------------------------------------------------------------------


@pytest.fixture
def tray(shell: Any) -> Iterator[Tray]:
    """The tray, wired to the channels as main() wires it."""
    icon = Tray(shell.bridge, window=shell.window, tasks=shell.tasks)
    icon.set_channels(shell.channels.summary())
    shell.channels.summaryChanged.connect(icon.set_channels)
    yield icon
    icon.icon.hide()


def test_a_bot_configured_in_settings_brings_a_message_to_the_open_card(
    qtbot: Any, shell: Any, sqlite_core: Core, bot_api: BotApiServer, bot: Bot, tray: Tray
) -> None:
    window = shell.window
    olena_user = bot.user("Олена", last_name="Коваль", username="olena_k")
    olena = sqlite_core.customers.create(
        "Олена Коваль", [ContactInput("telegram", str(olena_user["id"]))]
    )
    assert olena.id is not None
    window.open_customer(olena.id)
    timeline = window.card.timeline
    qtbot.waitUntil(lambda: window.card.customer is not None)
    assert timeline.list.count() == 0
    qtbot.waitUntil(lambda: shell.channels.running, timeout=WAIT_MS)
    assert not shell.channels.bar.isVisible()  # no bot: nothing to say
    assert "Messengers" not in tray.tooltip()

    # Settings as the menu opens it (modal): the bot added, then the dialog closed.
    seen: dict[str, str] = {}

    def in_settings() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        try:  # closed whatever happens: a failure here must not leave exec() waiting
            page = dialog.telegram
            qtbot.waitUntil(lambda: page.current is not None)
            add_bot(qtbot, page, "Shop bot", bot_api.base_url, bot.token)
            qtbot.waitUntil(lambda: "connected" in page.state.text(), timeout=WAIT_MS)
            item = page.bot_list.item(0)
            seen["item"] = f"{item.text()}: {item.data(Qt.ItemDataRole.UserRole)}"
        finally:
            dialog.accept()

    QTimer.singleShot(0, in_settings)
    shell.open_settings()
    assert seen.get("item") == "Shop bot: connected"  # the page shows the host's statuses

    # Read at once: connected, a quiet dot in the status bar, the state in the tray.
    qtbot.waitUntil(lambda: bot.is_polling, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: shell.channels.quiet.isVisible(), timeout=WAIT_MS)
    assert shell.channels.text() == "●"
    assert "Shop bot: connected" in shell.channels.quiet.toolTip()
    assert "Messengers: 1 bot(s) connected" in tray.tooltip()

    bot.push_text(olena_user, "Добрий день! Чи є розмір M?")
    qtbot.waitUntil(lambda: timeline.list.count() == 1, timeout=WAIT_MS)
    assert "Добрий день! Чи є розмір M?" in timeline.list.item(0).text()
    with sqlite_core.db.session() as s:
        (message,) = s.exec(select(Interaction).where(Interaction.channel == "telegram"))
        (conversation,) = s.exec(select(Conversation))
    assert message.customer_id == olena.id and message.conversation_id == conversation.id
    assert (conversation.identity, conversation.customer_id) == (str(olena_user["id"]), olena.id)
    assert message.account == "Shop bot"
    qtbot.waitUntil(lambda: not bot.pending(), timeout=WAIT_MS)  # confirmed to Telegram


def test_the_status_bar_and_the_tray_say_what_stops_a_bot(
    qtbot: Any, shell: Any, sqlite_core: Core, bot_api: BotApiServer, bot: Bot, tray: Tray
) -> None:
    other = bot_api.add_bot("delivery_bot")
    qtbot.waitUntil(lambda: shell.channels.running, timeout=WAIT_MS)
    _, page = open_page(qtbot, shell, sqlite_core)
    add_bot(qtbot, page, "Shop bot", bot_api.base_url, bot.token)
    add_bot(qtbot, page, "Delivery <b>bot</b>", bot_api.base_url, other.token)
    qtbot.waitUntil(lambda: bot.is_polling and other.is_polling, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: shell.channels.text() == "●", timeout=WAIT_MS)

    # A webhook set on the server: a conflict, and which one.
    bot.set_webhook("https://shop.example/telegram/hook")
    webhook = "Telegram “Shop bot”: a webhook is set"
    qtbot.waitUntil(lambda: webhook in shell.channels.text(), timeout=WAIT_MS)
    (label,) = shell.channels._labels.values()
    assert label.isVisible() and label.textFormat() == Qt.TextFormat.PlainText
    assert "shop.example" in label.toolTip()  # the channel's words, with the address
    assert "Remove webhook" in label.toolTip()  # and what to do
    assert webhook in tray.tooltip()
    qtbot.waitUntil(lambda: page.bot_list.item(0).data(Qt.ItemDataRole.UserRole) == "conflict")
    assert "a webhook is set" in page.bot_list.item(0).toolTip()

    # The other's token revoked: its own label, next to the first.
    other.revoke()
    refused = "Telegram “Delivery <b>bot</b>”: token refused"
    qtbot.waitUntil(lambda: refused in shell.channels.text(), timeout=WAIT_MS)
    assert webhook in shell.channels.text()
    assert not shell.channels.quiet.isVisible()
    assert refused in tray.tooltip() and webhook in tray.tooltip()

    # The revoked bot removed: its label goes with it.
    page.bot_list.setCurrentRow(1)
    page.remove_button.click()
    with qtbot.waitSignal(page.botsChanged, timeout=WAIT_MS):
        answer(qtbot, page, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: refused not in shell.channels.text(), timeout=WAIT_MS)
    assert webhook in shell.channels.text() and refused not in tray.tooltip()
