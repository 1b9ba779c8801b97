"""The settings dialog's Telegram page: the shop's bots, each with its name,
on or off, its Bot API server (the public one, or a self-hosted
telegram-bot-api server) and its token.

The token goes to the keyring only (``channel:<row id>``), like a SIP password:
it is never read back into the field, and leaving the field empty keeps the
stored one. Saving and removing run on the task worker (app/channel_accounts.py);
each saved change is announced (``botsChanged``) so the window's channel host
reads it at once.

Under them, the bot's automatic replies (app/bot_replies.py): on or off, the
greeting and its "Call me back" button for a customer who writes /start, and
the confirmation once their number became a callback request, each in English,
Russian and Ukrainian (chosen by the customer's Telegram language), and which
of them a customer in another language gets. They are saved with the bot.

"Test" asks the server who the bot is (getMe) and whether a webhook is set
(getWebhookInfo): while one is set, Telegram hands the bot's messages to that
address and refuses to give them to us (409 Conflict), so the page offers to
remove it (deleteWebhook, keeping the messages waiting). Those requests run
on the page's own thread, never the GUI thread, and not on the task worker
either: a server that does not answer would hold up every read of the window
for as long as the request's timeouts.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.bot_replies import bot_replies_for, save_bot_replies
from app.channel_accounts import (
    TelegramBot,
    delete_channel_account,
    list_telegram_bots,
    save_telegram_bot,
)
from app.channel_settings import (
    DEFAULT_BOT_API_SERVER,
    DEFAULT_REPLY_TEXTS,
    LANGUAGE_NAMES,
    REPLY_LANGUAGES,
    BotReplySettings,
    BotReplyTexts,
    check_bot_replies,
)
from app.core import Core
from app.secrets import SecretKind
from ui.common.core_text import error_text
from ui.common.dialog_parts import ERROR_COLOR
from ui.common.plain_text import plain_label, plain_tooltip
from ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from integrations.base import ChannelStatus

TEST_READ_TIMEOUT_S = 10.0  # getMe answers at once; a server that hangs is said so


class NoToken(RuntimeError):
    """Test pressed for a bot with no token typed and none stored."""


@dataclass(frozen=True)
class Probe:
    """What the server said about the bot."""

    username: str
    first_name: str
    webhook_url: str
    pending: int  # updates waiting (for the webhook, or for us once it is gone)


def probe_bot(server: str, token: str) -> Probe:
    """getMe and getWebhookInfo (blocking: the page's network thread)."""
    from integrations.telegram.api import BotApi

    api = BotApi(server, token)
    try:
        me = api.call("getMe", read_timeout=TEST_READ_TIMEOUT_S)
        info = api.call("getWebhookInfo", read_timeout=TEST_READ_TIMEOUT_S)
    finally:
        api.close()
    me = me if isinstance(me, dict) else {}
    info = info if isinstance(info, dict) else {}
    pending = info.get("pending_update_count")
    return Probe(
        username=str(me.get("username") or ""),
        first_name=str(me.get("first_name") or ""),
        webhook_url=str(info.get("url") or ""),
        pending=pending if isinstance(pending, int) and not isinstance(pending, bool) else 0,
    )


def remove_webhook(server: str, token: str) -> None:
    """deleteWebhook, keeping the updates that wait: they are read here next."""
    from integrations.telegram.api import BotApi

    api = BotApi(server, token)
    try:
        api.call("deleteWebhook", {"drop_pending_updates": False}, read_timeout=TEST_READ_TIMEOUT_S)
    finally:
        api.close()


Loaded = tuple[list[TelegramBot], dict[int, BotReplySettings]]


def load_bots_and_replies(core: Core) -> Loaded:
    """Every bot, with its automatic replies (the task worker)."""
    bots = list_telegram_bots(core)
    return bots, {bot.id: bot_replies_for(core.db, bot.id) for bot in bots if bot.id is not None}


class ReplyTextsForm(QWidget):
    """One language's texts of the bot's automatic replies."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.greeting = QPlainTextEdit(self)
        self.greeting.setObjectName(f"replyGreeting_{language}")
        self.greeting.setTabChangesFocus(True)
        self.greeting.setFixedHeight(self.greeting.fontMetrics().lineSpacing() * 4 + 12)
        self.button = QLineEdit(self)
        self.button.setObjectName(f"replyButton_{language}")
        self.confirmation = QLineEdit(self)
        self.confirmation.setObjectName(f"replyConfirmation_{language}")
        self.confirmation.setToolTip(
            self.tr("{phone} is replaced by the number Switchboard will call back.")
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Greeting:"), self.greeting)
        form.addRow(self.tr("Button:"), self.button)
        form.addRow(self.tr("Confirmation:"), self.confirmation)

    def show_texts(self, texts: BotReplyTexts) -> None:
        self.greeting.setPlainText(texts.greeting)
        self.button.setText(texts.button)
        self.confirmation.setText(texts.confirmation)

    def texts(self) -> BotReplyTexts:
        return BotReplyTexts(
            self.greeting.toPlainText(), self.button.text(), self.confirmation.text()
        )


def dot_icon(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class TelegramPage(QWidget):
    # A bot was saved or removed: the channel host reads the rows again.
    botsChanged = Signal()
    # A network request's end, from the page's thread: (generation, callback, value).
    _answered = Signal(object)

    def __init__(self, core: Core, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("telegramPage")
        self.core = core
        self.tasks = tasks
        self.bots: list[TelegramBot] = []
        self.replies: dict[int, BotReplySettings] = {}  # by bot, as stored
        self.current: TelegramBot | None = None
        self.question: QMessageBox | None = None  # the open confirmation (tests answer it)
        self._statuses: dict[int, ChannelStatus] = {}
        self._network = ThreadPoolExecutor(max_workers=1, thread_name_prefix="telegram-test")
        self._generation = 0  # bumped when another bot is shown: older answers are dropped
        self._webhook_url = ""
        self._answered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(lambda: self._network.shutdown(wait=False, cancel_futures=True))

        self.bot_list = QListWidget(self)
        self.bot_list.setObjectName("telegramBots")
        self.bot_list.currentRowChanged.connect(self._pick)
        add = QPushButton(self.tr("Add bot"), self)
        add.setObjectName("addTelegramBot")
        add.clicked.connect(self.new_bot)
        self.remove_button = QPushButton(self.tr("Remove bot…"), self)
        self.remove_button.setObjectName("removeTelegramBot")
        self.remove_button.clicked.connect(self.remove_bot)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(add)
        list_buttons.addWidget(self.remove_button)
        left = QVBoxLayout()
        left.addWidget(self.bot_list, 1)
        left.addLayout(list_buttons)

        self.label = QLineEdit(self)
        self.label.setObjectName("telegramLabel")
        self.label.setPlaceholderText(self.tr("e.g. Shop bot"))
        self.token = QLineEdit(self)
        self.token.setObjectName("telegramToken")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setToolTip(
            self.tr(
                "The token @BotFather gave for the bot. It is kept in the system keyring, "
                "never in the database. Leave it empty to keep the saved one."
            )
        )
        self.server = QLineEdit(self)
        self.server.setObjectName("telegramServer")
        self.server.setPlaceholderText(DEFAULT_BOT_API_SERVER)
        self.server.setToolTip(
            self.tr(
                "Leave it empty for Telegram's own server. A self-hosted telegram-bot-api "
                "server: its address, e.g. http://127.0.0.1:8081."
            )
        )
        self.enabled = QCheckBox(self.tr("Read this bot's messages"), self)
        self.enabled.setObjectName("telegramEnabled")
        self.enabled.setChecked(True)
        self.state = plain_label(self)
        self.state.setObjectName("telegramState")
        self.state.setWordWrap(True)

        self.test_button = QPushButton(self.tr("Test"), self)
        self.test_button.setObjectName("testTelegramBot")
        self.test_button.setToolTip(self.tr("Asks the server who the bot is (nothing is saved)."))
        self.test_button.clicked.connect(self.test_bot)
        self.save_button = QPushButton(self.tr("Save bot"), self)
        self.save_button.setObjectName("saveTelegramBot")
        self.save_button.clicked.connect(self.save_bot)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        self.result = plain_label(self)
        self.result.setObjectName("telegramResult")
        self.result.setWordWrap(True)
        self.webhook_button = QPushButton(self.tr("Remove webhook…"), self)
        self.webhook_button.setObjectName("removeWebhook")
        self.webhook_button.clicked.connect(self.ask_remove_webhook)
        self.webhook_button.hide()
        result_row = QHBoxLayout()
        result_row.addWidget(self.result, 1)
        result_row.addWidget(self.webhook_button, 0, Qt.AlignmentFlag.AlignTop)

        hint = plain_label(
            self,
            self.tr(
                "Make a bot with @BotFather in Telegram and paste the token it gives. "
                "Customers find the bot by its @name; what they write to it appears "
                "here. A bot is read by one program at a time."
            ),
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")

        replies = self._replies_box()

        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.label)
        form.addRow(self.tr("Token:"), self.token)
        form.addRow(self.tr("Bot API server:"), self.server)
        form.addRow("", self.enabled)
        form.addRow(self.tr("Status:"), self.state)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(replies)  # saved with the bot: above its Save button
        right.addLayout(buttons)
        right.addLayout(result_row)
        right.addStretch(1)
        right.addWidget(hint)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        self.load_bots()

    def _replies_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Automatic replies"), self)
        box.setObjectName("botReplies")
        self.replies_enabled = QCheckBox(
            self.tr("Offer “Call me back” on /start and confirm the number"), box
        )
        self.replies_enabled.setObjectName("repliesEnabled")
        self.replies_enabled.setToolTip(
            self.tr(
                "A customer who starts the chat gets the greeting with a button that shares "
                "their phone number; the number becomes a callback request, and the bot "
                "confirms it. Off: the bot answers nothing by itself (a number a customer "
                "shares still becomes a callback request)."
            )
        )
        self.replies_language = QComboBox(box)
        self.replies_language.setObjectName("repliesLanguage")
        for code in REPLY_LANGUAGES:
            self.replies_language.addItem(LANGUAGE_NAMES[code], code)
        self.reply_tabs = QTabWidget(box)
        self.reply_tabs.setObjectName("replyTabs")
        self.reply_forms: dict[str, ReplyTextsForm] = {}
        for code in REPLY_LANGUAGES:
            form = ReplyTextsForm(code, self.reply_tabs)
            self.reply_forms[code] = form
            self.reply_tabs.addTab(form, LANGUAGE_NAMES[code])
        reset = QPushButton(self.tr("Default texts"), box)
        reset.setObjectName("resetReplyTexts")
        reset.setToolTip(self.tr("Puts Switchboard's texts of the language shown back."))
        reset.clicked.connect(self.reset_reply_texts)
        language_row = QFormLayout()
        language_row.addRow(self.tr("Customers in other languages get:"), self.replies_language)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(reset)
        layout = QVBoxLayout(box)
        layout.addWidget(self.replies_enabled)
        layout.addLayout(language_row)
        layout.addWidget(self.reply_tabs)
        layout.addLayout(buttons)
        return box

    def reset_reply_texts(self) -> None:
        form = self.reply_tabs.currentWidget()
        if isinstance(form, ReplyTextsForm):
            form.show_texts(DEFAULT_REPLY_TEXTS[form.language])

    def _show_replies(self, replies: BotReplySettings) -> None:
        self.replies_enabled.setChecked(replies.enabled)
        self.replies_language.setCurrentIndex(
            max(0, self.replies_language.findData(replies.language))
        )
        for code, form in self.reply_forms.items():
            form.show_texts(replies.texts.get(code) or DEFAULT_REPLY_TEXTS[code])

    def edited_replies(self) -> BotReplySettings:
        return BotReplySettings(
            enabled=self.replies_enabled.isChecked(),
            language=str(self.replies_language.currentData()),
            texts={code: form.texts() for code, form in self.reply_forms.items()},
        )

    # --- the list -----------------------------------------------------------------------

    def load_bots(self, select: int | None = None) -> None:
        core = self.core
        self.tasks.run(
            lambda: load_bots_and_replies(core),
            lambda loaded: self._show_bots(loaded, select),
            self._not_saved,
            self,
        )

    def _show_bots(self, loaded: Loaded, select: int | None = None) -> None:
        bots, self.replies = loaded
        self.bots = bots
        self.bot_list.blockSignals(True)
        self.bot_list.clear()
        for bot in bots:
            item = QListWidgetItem()
            self._show_item(item, bot)
            self.bot_list.addItem(item)
        self.bot_list.blockSignals(False)
        if bots:
            index = next((i for i, b in enumerate(bots) if b.id == select), 0)
            self.bot_list.setCurrentRow(index)
            self._pick(index)
        else:
            self.new_bot()

    def show_statuses(self, statuses: list[ChannelStatus]) -> None:
        """The channel host's statuses: each bot's state, live."""
        self._statuses = {s.account_id: s for s in statuses}
        for row, bot in enumerate(self.bots):
            item = self.bot_list.item(row)
            if item is not None:
                self._show_item(item, bot)
        self._show_state()

    def _show_item(self, item: QListWidgetItem, bot: TelegramBot) -> None:
        """The bot's name, and its state as a coloured dot (in words: the tooltip)."""
        from ui.common.channel_status import colour, explanation, state_text

        status = self._statuses.get(bot.id) if bot.id is not None else None
        off = not bot.enabled and (status is None or not status.working)
        item.setText(self.tr("%1 (off)").replace("%1", bot.label) if off else bot.label)
        item.setIcon(dot_icon(colour(status)) if status is not None else QIcon())
        words = (
            "\n".join(p for p in (state_text(status), explanation(status)) if p) if status else ""
        )
        item.setToolTip(plain_tooltip(words))
        item.setData(Qt.ItemDataRole.UserRole, status.state.value if status else "")

    def _show_state(self) -> None:
        from ui.common.channel_status import colour, explanation, state_text

        bot = self.current
        status = self._statuses.get(bot.id) if bot is not None and bot.id is not None else None
        if status is None:
            self.state.setText(self.tr("not saved yet") if bot is None or bot.id is None else "")
            self.state.setStyleSheet("")
            self.state.setToolTip("")
            return
        self.state.setText(state_text(status))
        self.state.setStyleSheet(f"color: {colour(status)};")
        self.state.setToolTip(plain_tooltip(explanation(status)))

    def new_bot(self) -> None:
        self.bot_list.clearSelection()
        self._fill(TelegramBot(label=""))

    def _pick(self, row: int) -> None:
        if 0 <= row < len(self.bots):
            self._fill(self.bots[row])

    def _fill(self, bot: TelegramBot) -> None:
        self._generation += 1
        self.current = bot
        self.label.setText(bot.label)
        self.server.setText(bot.server)
        self.enabled.setChecked(bot.enabled)
        self.token.clear()
        self.token.setPlaceholderText(
            self.tr("in the keyring; leave empty to keep it")
            if bot.id is not None
            else self.tr("123456789:AAE… from @BotFather")
        )
        self.remove_button.setEnabled(bot.id is not None)
        stored = self.replies.get(bot.id) if bot.id is not None else None
        self._show_replies(stored or BotReplySettings())
        self._show_result("", problem=False)
        self._show_state()

    # --- saving and removing ------------------------------------------------------------

    def edited(self) -> TelegramBot:
        base = self.current or TelegramBot(label="")
        return TelegramBot(
            label=self.label.text().strip(),
            enabled=self.enabled.isChecked(),
            server=self.server.text().strip(),
            id=base.id,
        )

    def save_bot(self) -> None:
        bot = self.edited()
        replies = self.edited_replies()
        token = self.token.text().strip()
        core = self.core

        def save() -> tuple[TelegramBot, Loaded]:
            check_bot_replies(replies)  # before the bot: a bad text saves nothing
            saved = save_telegram_bot(core, bot, token or None)
            assert saved.id is not None
            save_bot_replies(core.db, saved.id, replies)
            return saved, load_bots_and_replies(core)

        self.tasks.run(save, self._saved, self._not_saved, self)

    def _saved(self, result: tuple[TelegramBot, Loaded]) -> None:
        saved, loaded = result
        self.token.clear()  # never kept in the widget longer than needed
        self._show_bots(loaded, select=saved.id)
        self._show_result(self.tr("Bot “%1” saved.").replace("%1", saved.label), problem=False)
        self.botsChanged.emit()

    def _not_saved(self, exc: Exception) -> None:
        self._show_result(self.tr("Not saved: %1").replace("%1", error_text(exc)), problem=True)

    def remove_question(self) -> QMessageBox | None:
        bot = self.current
        if bot is None or bot.id is None:
            return None
        return self._question(
            self.tr("Remove bot"),
            self.tr(
                "Remove the bot “%1”? Switchboard stops reading it and forgets its token; "
                "its conversations are removed, and the messages stay on the customers' "
                "timelines. To pause it instead, turn off “Read this bot's messages”."
            ).replace("%1", bot.label),
        )

    def remove_bot(self) -> None:
        question = self.remove_question()
        bot = self.current
        if question is None or bot is None or bot.id is None:
            return
        account_id, label, core = bot.id, bot.label, self.core

        def removed(loaded: Loaded) -> None:
            self._show_bots(loaded)
            self._show_result(self.tr("Bot “%1” removed.").replace("%1", label), problem=False)
            self.botsChanged.emit()

        def delete() -> Loaded:
            delete_channel_account(core, account_id)
            return load_bots_and_replies(core)

        def confirmed() -> None:
            self.tasks.run(delete, removed, self._not_saved, self)

        self._on_yes(question, confirmed)

    # --- Test and the webhook ---------------------------------------------------------

    def test_bot(self) -> None:
        bot = self.edited()
        typed = self.token.text().strip()
        self._show_result(self.tr("Asking the server…"), problem=False)
        self.webhook_button.hide()
        self._in_background(
            lambda: probe_bot(bot.server, self._token_for(bot, typed)),
            self._tested,
        )

    def _token_for(self, bot: TelegramBot, typed: str) -> str:
        """The token typed, or the stored one (the keyring: not on the GUI thread)."""
        if typed:
            return typed
        stored = self.core.secrets.get(SecretKind.CHANNEL, bot.id) if bot.id is not None else None
        if not stored:
            raise NoToken
        return stored

    def _tested(self, probe: Probe) -> None:
        if not self.label.text().strip() and probe.first_name:
            self.label.setText(probe.first_name)  # a name to start from
        text = self.tr("Connected as @%1.").replace("%1", probe.username)
        self._webhook_url = probe.webhook_url
        if probe.webhook_url:
            text += " " + self.tr(
                "A webhook is set (%1): Telegram sends this bot's messages there, so "
                "Switchboard can't read them until it is removed."
            ).replace("%1", probe.webhook_url)
        self._show_result(text, problem=bool(probe.webhook_url))
        self.webhook_button.setVisible(bool(probe.webhook_url))

    def webhook_question(self) -> QMessageBox:
        return self._question(
            self.tr("Remove webhook"),
            self.tr(
                "Remove the webhook %1? Telegram then stops sending this bot's messages "
                "there, and Switchboard reads them here, those waiting included. Whatever "
                "set the webhook (another program, a website) stops getting them."
            ).replace("%1", self._webhook_url),
        )

    def ask_remove_webhook(self) -> None:
        bot = self.edited()
        typed = self.token.text().strip()
        question = self.webhook_question()

        def remove() -> None:
            self._show_result(self.tr("Removing the webhook…"), problem=False)
            self._in_background(
                lambda: remove_webhook(bot.server, self._token_for(bot, typed)),
                self._webhook_removed,
            )

        self._on_yes(question, remove)

    def _webhook_removed(self, _: object) -> None:
        self._webhook_url = ""
        self.webhook_button.hide()
        self._show_result(
            self.tr(
                "Webhook removed: Switchboard reads this bot's messages here, within a minute."
            ),
            problem=False,
        )

    # --- helpers ------------------------------------------------------------------------------

    def _question(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # a bot's name, a webhook's address
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return box

    def _on_yes(self, box: QMessageBox, then: Callable[[], None]) -> None:
        """Opens the question (window-modal, without a nested event loop) and
        runs ``then`` once the operator says Yes."""
        self.question = box

        def clicked(button: Any) -> None:
            self.question = None
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                then()

        box.buttonClicked.connect(clicked)
        box.open()

    def _in_background(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        generation = self._generation

        def job() -> None:
            try:
                value: object = work()
                callback: Callable[[Any], None] = done
            except Exception as exc:
                value, callback = exc, self._network_failed
            if shiboken6.isValid(self):
                self._answered.emit((generation, callback, value))

        self.test_button.setEnabled(False)
        self.webhook_button.setEnabled(False)
        self._network.submit(job)

    def _deliver(self, answer: tuple[int, Callable[[Any], None], object]) -> None:
        generation, callback, value = answer
        self.test_button.setEnabled(True)
        self.webhook_button.setEnabled(True)
        if generation == self._generation:  # not for a bot shown before
            callback(value)

    def _network_failed(self, exc: Exception) -> None:
        self._show_result(self.problem_text(exc), problem=True)

    def problem_text(self, exc: Exception) -> str:
        from integrations.telegram.api import BotApiError, BotApiUnreachable

        if isinstance(exc, NoToken):
            return self.tr("Enter the bot's token first.")
        if isinstance(exc, BotApiError):
            reason = f"{exc.code} {exc.description}"
            if exc.code == 401:
                return self.tr(
                    "The server refused the token (%1): it was revoked or mistyped. Get "
                    "the current one from @BotFather."
                ).replace("%1", reason)
            if exc.code == 404:
                return self.tr(
                    "The server answered, but not as a Bot API server would (%1): check "
                    "its address, or the token."
                ).replace("%1", reason)
            return self.tr("The server refused: %1").replace("%1", reason)
        if isinstance(exc, BotApiUnreachable):
            return self.tr("The server can't be reached: %1").replace("%1", str(exc))
        return error_text(exc)  # a bad setting, no keyring: the core's words

    def _show_result(self, text: str, problem: bool) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {ERROR_COLOR};" if problem else "")
