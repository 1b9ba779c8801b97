"""The right-hand side panel: the open customer's messenger and email
conversations (ui/conversations/panel.py).

The window's interface to it: ``show_customer`` when a card opens,
``show_conversation`` when a timeline row, an inbox entry, a notification or a
callback request names a conversation, ``clear``, ``apply_changes`` with the
window's one changes value (``concerns`` says whether a value touches what is
shown), and for the shortcuts ``focus_composer``, ``next_conversation`` /
``previous_conversation``, ``attach_file`` and ``open_quick_replies``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.common.tasks import TaskRunner
from ui.conversations.panel import ConversationsPanel

if TYPE_CHECKING:
    from app.core import Core


class SidePanel(ConversationsPanel):
    def __init__(
        self, core: Core, tasks: TaskRunner, operator: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(core, tasks, operator, parent)
        self.setObjectName("sidePanel")
