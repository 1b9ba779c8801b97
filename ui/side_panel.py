"""The right-hand side panel, reserved for messenger and email conversations.

Its content arrives with the channels (integrations/); until then it shows what
will be here. The interface the window uses is fixed now, so wiring it later
changes only this module: ``show_customer`` when a card opens,
``show_conversation`` when a message row or a channel is picked, ``clear``,
and ``apply_changes`` with the window's one changes value, like every view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.plain_text import plain_label

if TYPE_CHECKING:
    from app.changes import Changes


class SidePanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.customer_id: int | None = None
        self.channel: str | None = None
        self.conversation_ids: set[int] = set()  # the conversations shown (none yet)
        self.title = plain_label(self, self.tr("Conversations"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.placeholder = plain_label(
            self,
            self.tr(
                "Telegram, WhatsApp, Viber and email conversations with the customer "
                "will appear here, so you can answer in the channel they chose."
            ),
        )
        self.placeholder.setObjectName("sidePlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.placeholder.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.placeholder, 1)

    def show_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self.channel = None

    def show_conversation(self, customer_id: int, channel: str) -> None:
        self.customer_id = customer_id
        self.channel = channel

    def concerns(self, changes: Changes) -> bool:
        """Whether what is shown here may have changed: a conversation shown,
        or a conversation of the customer shown (a new one, or one linked to
        them; a message names its customer and its conversation)."""
        if not self.conversation_ids.isdisjoint(changes.conversations):
            return True
        return self.customer_id in changes.customers and bool(changes.conversations)

    def apply_changes(self, changes: Changes) -> None:
        """The window's changes value. Nothing to read yet: the conversation
        panel (the next issue) reloads here, on a short timer, when
        ``concerns`` says so."""

    def clear(self) -> None:
        self.customer_id = None
        self.channel = None
