"""The operator's notes on a call, under the call's buttons.

Saved as they are typed (a pause of NOTES_PAUSE_MS, or at once when the call
ends, another call is shown, or the app closes) through the call log
(``CallLog.note``: in order with the call's own records, kept in its spool
while the database refuses), so they become the call's interaction body and
show on the customer's timeline. Each call has its own notes; after the
hang-up the last call's notes stay open for the wrap-up until the next call.
A digit typed here is text, never a DTMF tone (ui/calls/dtmf_keys.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from ui.common.plain_text import plain_label

if TYPE_CHECKING:
    from sip.adapters.call_log import CallLog

NOTES_PAUSE_MS = 800


class CallNotes(QWidget):
    def __init__(
        self, call_log: Callable[[], CallLog | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callNotes")
        self.call_log = call_log
        self.title = plain_label(self)
        self.title.setObjectName("callNotesTitle")
        self.title.setStyleSheet("color: palette(mid);")
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("callNotesEdit")
        self.edit.setPlaceholderText(self.tr("Notes on this call: saved as you type"))
        self.edit.setAccessibleName(self.tr("Call notes"))
        self.edit.setTabChangesFocus(True)
        self.edit.setMaximumHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
        self.edit.textChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.edit)
        self.call_id = ""
        self.texts: dict[str, str] = {}  # by engine call id, while the app runs
        self._unsaved: set[str] = set()
        self._showing = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(NOTES_PAUSE_MS)
        self._pause.timeout.connect(self.flush)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        self.hide()

    def show_call(self, call_id: str, who: str, ended: bool = False) -> None:
        """The notes of ``call_id`` ("" hides them)."""
        if call_id != self.call_id:
            self.flush()
            self.call_id = call_id
            self._showing = True
            self.edit.setPlainText(self.texts.get(call_id, ""))
            self._showing = False
        if not call_id:
            self.hide()
            return
        self.title.setText(
            self.tr("Notes on the call with %1 (ended)").replace("%1", who)
            if ended
            else self.tr("Notes")
        )
        self.show()

    def _typed(self) -> None:
        if self._showing or not self.call_id:
            return
        self.texts[self.call_id] = self.edit.toPlainText()
        self._unsaved.add(self.call_id)
        self._pause.start()

    def flush(self) -> None:
        """Every call's unsaved notes to the call log, now."""
        self._pause.stop()
        log = self.call_log()
        if log is None:
            return  # no database yet: kept here, and sent with the next flush
        for call_id in sorted(self._unsaved):
            log.note(call_id, self.texts.get(call_id, ""))
        self._unsaved.clear()
