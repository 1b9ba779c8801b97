"""The status bar's word on the call log's writes, for as long as it is true.

The call log keeps in its spool (app/spool.py) what the database refused; this
label is shown while there is something to say: the database refuses for now
(it stays until the database takes the writes again, not a message that fades),
refused some calls for good (the driver's words, at once), the spool found
records cut short by a crash, or the spool itself can't be written. The
driver's words go to the tooltip as plain text: a server's message is outside
text.

The status comes from the log's writer thread; ``post`` crosses to the GUI
thread through a queued signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ui.common.plain_text import plain_tooltip

if TYPE_CHECKING:  # app.spool brings SQLAlchemy, which the window loads later
    from app.spool import WriterStatus

PROBLEM_COLOUR = "#b3261e"


class CallLogStatus(QLabel):
    posted = Signal(object)  # WriterStatus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callLogStatus")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.hide()
        self.posted.connect(self.show_status)

    def post(self, status: WriterStatus) -> None:
        """The call log's ``on_status`` hook: any thread."""
        self.posted.emit(status)

    def show_status(self, status: WriterStatus) -> None:
        text, details = self.words(status)
        self.setText(text)
        self.setToolTip(plain_tooltip("\n".join(details)))
        self.setVisible(bool(text))

    def words(self, status: WriterStatus) -> tuple[str, list[str]]:
        """The label's text ("" when all is well) and the tooltip's lines."""
        text = ""
        details: list[str] = []
        if status.refusing is not None:
            text = self.tr(
                "The database refuses writes: %n call event(s) kept on this computer",
                "",
                status.waiting,
            )
            details += [
                self.tr("The database says: %1").replace("%1", status.refusing.words),
                self.tr("They are written as soon as it takes them, also after a restart."),
            ]
        if status.parked:
            if not text:
                text = self.tr(
                    "The database refused %n call event(s) for good: kept on this computer",
                    "",
                    status.parked,
                )
            if status.permanent is not None:
                details.append(
                    self.tr("It refused them with: %1").replace("%1", status.permanent.words)
                )
            details.append(
                self.tr("They are tried again at the next start; the other calls go on.")
            )
        if status.damaged:
            if not text:
                text = self.tr(
                    "%n call event(s) cut short by a crash were skipped", "", status.damaged
                )
            details.append(
                self.tr("They were set aside next to the spool file; the log says where.")
            )
        if status.spool_problem and (status.waiting or status.parked):
            details.append(
                self.tr("They can't be kept on the disk (%1): a crash would lose them.").replace(
                    "%1", status.spool_problem
                )
            )
        return text, details
