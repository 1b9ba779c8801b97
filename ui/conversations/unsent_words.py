"""What the operator had written in a conversation that was deleted under
them (its customer erased in another window, or by a colleague on the team
database): the words stay in sight, with their files' names, until the
operator copies or dismisses them. The draft file stays on the disk until
then too, so a crash meanwhile loses nothing; Dismiss removes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.dialog_parts import ERROR_COLOR
from ui.common.plain_text import plain_label

if TYPE_CHECKING:
    from app.drafts import Draft


class UnsentWords(QFrame):
    dismissed = Signal(object)  # the Draft whose words were let go (its file may go now)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unsentWords")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#unsentWords {{ border: 1px solid {ERROR_COLOR}; border-radius: 4px; }}"
        )
        self.draft: Draft | None = None
        self.reason = plain_label(self)
        self.reason.setObjectName("unsentReason")
        self.reason.setWordWrap(True)
        self.words = QPlainTextEdit(self)
        self.words.setObjectName("unsentText")
        self.words.setReadOnly(True)
        self.words.setTabChangesFocus(True)
        self.words.setMaximumHeight(120)
        self.words.setAccessibleName(self.tr("Your unsent message"))
        self.files = plain_label(self)
        self.files.setObjectName("unsentFiles")
        self.files.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy text"), self)
        self.copy_button.setObjectName("copyUnsent")
        self.copy_button.clicked.connect(self.copy)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.setObjectName("dismissUnsent")
        self.dismiss_button.setToolTip(self.tr("Forget these words: they can't be sent any more"))
        self.dismiss_button.clicked.connect(self.dismiss)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.reason)
        layout.addWidget(self.words)
        layout.addWidget(self.files)
        layout.addLayout(buttons)
        self.hide()

    def keep(self, draft: Draft, title: str) -> None:
        """Shows the words of ``draft``, whose conversation (``title``: the
        channel and who it was with) was deleted."""
        self.draft = draft
        self.reason.setText(
            self.tr(
                "The chat “%1” was deleted in another window, with its customer, while you"
                " were writing: your message was not sent. Your words are kept here; copy"
                " them before you dismiss them."
            ).replace("%1", title)
        )
        self.words.setPlainText(draft.text)
        self.words.setVisible(bool(draft.text))
        names = ", ".join(path.replace("\\", "/").rsplit("/", 1)[-1] for path in draft.files)
        self.files.setText(self.tr("Files that were attached: %1").replace("%1", names))
        self.files.setVisible(bool(draft.files))
        self.copy_button.setEnabled(bool(draft.text))
        self.show()
        (self.copy_button if draft.text else self.dismiss_button).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.words.toPlainText())
        self.copy_button.setText(self.tr("Copied"))

    def dismiss(self) -> None:
        gone, self.draft = self.draft, None
        self.hide()
        self.words.clear()
        self.copy_button.setText(self.tr("Copy text"))
        if gone is not None:
            self.dismissed.emit(gone)
