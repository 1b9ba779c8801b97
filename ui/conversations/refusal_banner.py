"""Above the composer's input, before the operator types: why this chat can't
be written now (in the operator's language, the platform's own words in the
tooltip) and what can be done instead, as buttons: write in another
conversation of the customer, call one of their numbers, ask for a callback.

Account labels, conversation titles and the platform's words come from
outside: shown as plain text (buttons with their "&" doubled)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from ui.common.core_text import error_text
from ui.common.labels import channel_label
from ui.common.plain_text import literal_ampersands, plain_label, plain_tooltip
from ui.conversations.attachment_chips import FlowLayout

if TYPE_CHECKING:
    from app.reply_options import ReplyOptions

BANNER_COLOR = "#fff4e5"  # a pale amber: a limit to know of, not an error
BANNER_BORDER = "#e0a030"
BANNER_TEXT = "#3b2a00"  # dark on the pale background whatever the desktop's theme


def phone_text(number: str) -> str:
    from app.contacts import format_phone

    try:
        return format_phone(number)
    except Exception:  # a number phonenumbers can't read is shown as stored
        return number


class RefusalBanner(QFrame):
    conversation_requested = Signal(int)
    call_requested = Signal(str)
    callback_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refusalBanner")
        self.setStyleSheet(
            f"QFrame#refusalBanner {{ background: {BANNER_COLOR};"
            f" border: 1px solid {BANNER_BORDER}; border-radius: 4px; }}"
            f" QLabel {{ color: {BANNER_TEXT}; }}"
        )
        self.conversation_id: int | None = None
        self.reason = plain_label(self)
        self.reason.setObjectName("refusalReason")
        self.reason.setWordWrap(True)
        font = self.reason.font()
        font.setBold(True)
        self.reason.setFont(font)
        self.hint = plain_label(self, self.tr("Your draft is kept. You can instead:"))
        self.hint.setObjectName("refusalHint")
        self.hint.setWordWrap(True)
        self.buttons: list[QPushButton] = []
        self._buttons = QWidget(self)
        self._flow = FlowLayout(self._buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.reason)
        layout.addWidget(self.hint)
        layout.addWidget(self._buttons)
        self.hide()

    def show_options(
        self, options: ReplyOptions, customer_id: int | None
    ) -> None:  # customer_id: a callback can be asked for a known customer
        """Shown when the chat can't be written, hidden when it can."""
        self.conversation_id = options.conversation_id
        if options.can_write:
            self.hide()
            return
        notice = options.notice
        self.reason.setText(
            error_text(notice) if notice is not None else self.tr("This chat can't be written to.")
        )
        self.reason.setToolTip(plain_tooltip(options.platform_reason))
        for button in self.buttons:
            self._flow.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for other in options.other_conversations:
            text = (
                self.tr("Write in %1 (%2)")
                .replace("%1", channel_label(other.channel))
                .replace("%2", other.account_label)
            )
            self._add(
                text,
                lambda _=False, c=other.conversation_id: self.conversation_requested.emit(c),
                tip=other.title,
            )
        for phone in options.phones:
            text = self.tr("Call %1").replace("%1", phone_text(phone.number))
            self._add(text, lambda _=False, n=phone.number: self.call_requested.emit(n))
        if customer_id is not None or options.phones:
            self._add(
                self.tr("Request a callback"),
                lambda _=False: self.callback_requested.emit(options.conversation_id),
            )
        self.hint.setVisible(bool(self.buttons))
        self._buttons.setVisible(bool(self.buttons))
        self.show()

    def _add(self, text: str, slot: object, tip: str = "") -> None:
        button = QPushButton(literal_ampersands(text), self._buttons)
        button.setObjectName("refusalAlternative")
        if tip:
            button.setToolTip(plain_tooltip(tip))
        button.clicked.connect(slot)
        self._flow.addWidget(button)
        self.buttons.append(button)
