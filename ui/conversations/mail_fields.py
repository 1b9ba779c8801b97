"""An email reply's Subject and Cc above the composer's text.

Filled in from the thread ("Re: " and its subject, the Cc of the customer's
latest message) until the operator edits one; an edited field is the
operator's and goes with the draft (``values`` gives None for a field not
edited, so a draft keeps following the thread for it). The core checks the
addresses when the reply is queued (app/mail_view.reply_fields) and the
composer shows its refusal, naming the wrong entry.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget


class MailFields(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailFields")
        self.subject = QLineEdit(self)
        self.subject.setObjectName("mailSubject")
        self.subject.setAccessibleName(self.tr("Subject"))
        self.subject.setMaxLength(900)
        self.cc = QLineEdit(self)
        self.cc.setObjectName("mailCc")
        self.cc.setAccessibleName(self.tr("Cc"))
        self.cc.setPlaceholderText(self.tr("Addresses, separated by commas"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(2)
        form.addRow(self.tr("Subject:"), self.subject)
        form.addRow(self.tr("Cc:"), self.cc)
        # textEdited: the operator's typing only (setText doesn't emit it).
        self._edited = {"subject": False, "cc": False}
        self.subject.textEdited.connect(lambda _: self._edit("subject"))
        self.cc.textEdited.connect(lambda _: self._edit("cc"))
        self.hide()

    def _edit(self, which: str) -> None:
        self._edited[which] = True
        self.edited.emit()

    def clear(self) -> None:
        """Another conversation: nothing edited, nothing filled in."""
        self.subject.setText("")
        self.cc.setText("")
        self._edited = {"subject": False, "cc": False}

    def restore(self, subject: str | None, cc: str | None) -> None:
        """A draft's edited fields."""
        if subject is not None:
            self.subject.setText(subject)
            self._edited["subject"] = True
        if cc is not None:
            self.cc.setText(cc)
            self._edited["cc"] = True

    def set_thread(self, subject: str, cc: str) -> None:
        """The thread's subject and Cc, into the fields the operator hasn't edited."""
        if not self._edited["subject"]:
            self.subject.setText(subject)
            self.subject.setCursorPosition(0)
        if not self._edited["cc"]:
            self.cc.setText(cc)

    def values(self) -> tuple[str | None, str | None]:
        """(subject, cc) as edited; None for a field that follows the thread."""
        return (
            self.subject.text() if self._edited["subject"] else None,
            self.cc.text() if self._edited["cc"] else None,
        )

    def sent(self) -> tuple[str, str]:
        """What the reply goes with: the fields as shown."""
        return self.subject.text(), self.cc.text()
