"""The dial field and the dial pad.

Keyboard first: the field takes typed or pasted numbers in any common form,
Enter calls, Escape clears. The pad's buttons append to the field (during a
talking call they send DTMF through ``digitPressed`` instead and leave the
field alone) and never take the focus away from the field. A bad entry is
explained right under the field, not in a popup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.common.plain_text import plain_label

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")


class DialField(QLineEdit):
    cleared = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.cleared.emit()
            return
        super().keyPressEvent(event)


class KeyPad(QWidget):
    """Twelve keys; ``pressed(key)`` for each click."""

    pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for index, key in enumerate(KEYS):
            button = QPushButton(key, self)
            button.setObjectName(f"key_{key}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(30)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, k=key: self.pressed.emit(k))
            grid.addWidget(button, index // 3, index % 3)


class DialPad(QWidget):
    dialRequested = Signal(str)  # the field's text, when Enter or Call was pressed
    digitPressed = Signal(str)  # a pad key (the window sends it as DTMF during a call)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # During a talking call the pad's keys are tones, not digits of the field
        # (ui/calls/dtmf_keys.py sets it).
        self.sends_dtmf = False
        self.field = DialField(self)
        self.field.setObjectName("dialField")
        self.field.setPlaceholderText(self.tr("Number or SIP address"))
        # The clear button (shown only over text) comes after the first paint:
        # MainWindow.finish_after_paint; its icon-theme lookup is ~5 ms.
        self.field.returnPressed.connect(self._request)
        self.field.textEdited.connect(lambda _: self.show_problem(""))
        self.field.cleared.connect(lambda: self.show_problem(""))

        self.call_button = QPushButton(self.tr("Call"), self)
        self.call_button.setObjectName("callButton")
        self.call_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.call_button.clicked.connect(self._request)

        self.problem = plain_label(self)
        self.problem.setObjectName("dialProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()

        self.keys = KeyPad(self)
        self.keys.pressed.connect(self._key)

        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.field, 1)
        row.addWidget(self.call_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.keys)

    def _key(self, key: str) -> None:
        if not self.sends_dtmf:
            self.field.insert(key)
        self.field.setFocus()
        self.digitPressed.emit(key)

    def _request(self) -> None:
        self.dialRequested.emit(self.field.text())

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def set_number(self, text: str) -> None:
        self.field.setText(text)
        self.show_problem("")

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
