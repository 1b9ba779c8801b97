"""After a callback call: how did it go? One key per outcome, the engine's guess
pre-selected, Enter confirms."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.enums import CallbackOutcome
from ui.common.plain_text import plain_label

ORDER = (
    CallbackOutcome.REACHED,
    CallbackOutcome.NO_ANSWER,
    CallbackOutcome.BUSY,
    CallbackOutcome.VOICEMAIL,
    CallbackOutcome.WRONG_NUMBER,
    CallbackOutcome.CALL_LATER,
)


class CallbackOutcomeDialog(QDialog):
    def __init__(
        self,
        customer: str,
        suggested: CallbackOutcome | None,
        attempts_left: int,
        parent: QWidget | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Callback outcome"))
        self._now = now or datetime.now(UTC)
        labels = {
            CallbackOutcome.REACHED: self.tr("&1 Reached"),
            CallbackOutcome.NO_ANSWER: self.tr("&2 No answer"),
            CallbackOutcome.BUSY: self.tr("&3 Busy"),
            CallbackOutcome.VOICEMAIL: self.tr("&4 Voicemail"),
            CallbackOutcome.WRONG_NUMBER: self.tr("&5 Wrong number"),
            CallbackOutcome.CALL_LATER: self.tr("&6 Asked to call later at:"),
        }
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self, self.tr("How did the call to {0} go?").format(customer)))
        self.group = QButtonGroup(self)
        self.buttons: dict[CallbackOutcome, QRadioButton] = {}
        for position, outcome in enumerate(ORDER):
            button = QRadioButton(labels[outcome], self)
            self.group.addButton(button, position)
            self.buttons[outcome] = button
            layout.addWidget(button)
        self.later = QDateTimeEdit(self)
        self.later.setCalendarPopup(True)
        self.later.setDisplayFormat("dd.MM.yyyy HH:mm")
        in_an_hour = self._now + timedelta(hours=1)
        self.later.setDateTime(QDateTime.fromSecsSinceEpoch(int(in_an_hour.timestamp())))
        layout.addWidget(self.later)
        retry_note = (
            self.tr("%n more attempt(s) will be scheduled if not reached.", "", attempts_left)
            if attempts_left > 0
            else self.tr("This was the last attempt: a message will be proposed instead.")
        )
        self.note = plain_label(self, retry_note)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.error = plain_label(self)
        self.error.setStyleSheet("color: #c62828")
        layout.addWidget(self.error)
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.box.accepted.connect(self._accept)
        self.box.rejected.connect(self.reject)
        layout.addWidget(self.box)
        self.group.idToggled.connect(lambda *_: self._sync())
        self.later.dateTimeChanged.connect(lambda *_: self._sync())
        (self.buttons[suggested] if suggested else self.buttons[ORDER[0]]).setChecked(True)
        if suggested is None:
            # No guess: make the operator choose rather than confirm a default.
            self.group.setExclusive(False)
            self.buttons[ORDER[0]].setChecked(False)
            self.group.setExclusive(True)
        self._sync()

    def outcome(self) -> CallbackOutcome | None:
        checked = self.group.checkedId()
        return ORDER[checked] if checked >= 0 else None

    def call_later_at(self) -> datetime | None:
        if self.outcome() is not CallbackOutcome.CALL_LATER:
            return None
        chosen = self.later.dateTime().toPython()
        assert isinstance(chosen, datetime)
        return chosen.astimezone(UTC)

    def _problem(self) -> str:
        if self.outcome() is None:
            return self.tr("Choose how the call went.")
        later = self.call_later_at()
        if later is not None and later <= self._now:
            return self.tr("The time to call back is in the past.")
        return ""

    def _sync(self) -> None:
        self.later.setEnabled(self.outcome() is CallbackOutcome.CALL_LATER)
        problem = self._problem()
        self.error.setText(problem)
        self.box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def _accept(self) -> None:
        if not self._problem():
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """1-6 pick an outcome from anywhere but the time field (which takes digits)."""
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_6:
            self.buttons[ORDER[key - Qt.Key.Key_1]].setChecked(True)
            return
        super().keyPressEvent(event)
