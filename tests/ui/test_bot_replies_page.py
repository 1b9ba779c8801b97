"""Settings > Telegram: a bot's automatic replies (the greeting with its "Call
me back" button, the confirmation) are shown, edited per language, switched
off and saved with the bot; a text that can't go out is refused in the
operator's words and nothing of the bot is saved."""

from __future__ import annotations

from typing import Any

from app.bot_replies import bot_replies_for
from app.channel_accounts import TelegramBot, list_telegram_bots, save_telegram_bot
from app.channel_settings import DEFAULT_REPLY_TEXTS, BotReplyTexts
from app.core import Core
from tests.ui.test_telegram_ui import WAIT_MS, open_page
from ui.settings.telegram_page import TelegramPage

TOKEN = "123456789:AAE" + "x" * 32


def _save(qtbot: Any, page: TelegramPage) -> None:
    with qtbot.waitSignal(page.botsChanged, timeout=WAIT_MS):
        page.save_button.click()


def test_a_new_bot_shows_the_default_replies_and_saves_what_was_edited(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    _, page = open_page(qtbot, shell, sqlite_core)
    page.new_bot()
    assert page.replies_enabled.isChecked()
    assert page.replies_language.currentData() == "en"
    assert [page.reply_tabs.tabText(i) for i in range(3)] == ["English", "Русский", "Українська"]
    uk = page.reply_forms["uk"]
    assert uk.greeting.toPlainText() == DEFAULT_REPLY_TEXTS["uk"].greeting
    assert uk.button.text() == "Передзвоніть мені"

    page.label.setText("Квіти")
    page.token.setText(TOKEN)
    uk.greeting.setPlainText("Вітаємо у «Квітах Олі»!")
    uk.confirmation.setText("Передзвонимо на {phone} за годину.")
    page.replies_language.setCurrentIndex(page.replies_language.findData("uk"))
    _save(qtbot, page)
    (bot,) = list_telegram_bots(sqlite_core)
    assert bot.id is not None
    stored = bot_replies_for(sqlite_core.db, bot.id)
    assert stored.enabled and stored.language == "uk"
    assert stored.texts["uk"] == BotReplyTexts(
        "Вітаємо у «Квітах Олі»!", "Передзвоніть мені", "Передзвонимо на {phone} за годину."
    )
    assert stored.texts["en"] == DEFAULT_REPLY_TEXTS["en"]

    # Switched off and saved again: shown as stored after the list is read again.
    page.replies_enabled.setChecked(False)
    _save(qtbot, page)
    assert not bot_replies_for(sqlite_core.db, bot.id).enabled
    page.load_bots(select=bot.id)
    qtbot.waitUntil(lambda: page.current is not None and page.current.id == bot.id)
    assert not page.replies_enabled.isChecked()
    assert page.reply_forms["uk"].greeting.toPlainText() == "Вітаємо у «Квітах Олі»!"
    assert page.replies_language.currentData() == "uk"


def test_a_text_that_cant_go_out_is_refused_and_nothing_is_saved(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    _, page = open_page(qtbot, shell, sqlite_core)
    page.new_bot()
    page.label.setText("Квіти")
    page.token.setText(TOKEN)
    page.reply_forms["ru"].button.setText("")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.result.text().startswith("Not saved"), timeout=WAIT_MS)
    assert "Русский" in page.result.text() and "button" in page.result.text()
    assert list_telegram_bots(sqlite_core) == []  # not even the bot


def test_default_texts_puts_the_shown_languages_texts_back(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    saved = save_telegram_bot(sqlite_core, TelegramBot("Квіти"), TOKEN)
    _, page = open_page(qtbot, shell, sqlite_core)
    qtbot.waitUntil(lambda: page.current is not None and page.current.id == saved.id)
    en, uk = page.reply_forms["en"], page.reply_forms["uk"]
    en.greeting.setPlainText("mine")
    uk.greeting.setPlainText("моє")
    page.reply_tabs.setCurrentWidget(uk)
    page.findChild(type(page.save_button), "resetReplyTexts").click()
    assert uk.greeting.toPlainText() == DEFAULT_REPLY_TEXTS["uk"].greeting
    assert en.greeting.toPlainText() == "mine"  # only the language shown
