"""Digits sent as DTMF while a call is talking: from the keyboard and from the
dial pad (as MicroSIP and Linphone do), not only from the in-call keypad.

- The keyboard: 0-9, * and # (the main keys and the numeric keypad's) are
  window shortcuts, enabled only while the active call is talking. A text
  field takes printable keys before any shortcut (Qt's ShortcutOverride), so
  typing a transfer number in the dial field, a note or a chat reply is never
  sent as tones; anywhere else in the window a digit goes to the far end.
- The dial pad: during a talking call its buttons send the digit and leave
  the dial field alone (a number being typed for a transfer stays as it is).

The method (RFC 2833 or SIP INFO) is the call's account's: the engine picks it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from ui.calls.call_control import CallControl
from ui.calls.calls import CallBook
from ui.calls.dialpad import DialPad

DIGITS = "0123456789*#"


class DtmfKeys(QObject):
    def __init__(
        self, window: QWidget, book: CallBook, control: CallControl, dialpad: DialPad
    ) -> None:
        super().__init__(window)
        self.book = book
        self.control = control
        self.dialpad = dialpad
        self.shortcuts: list[QShortcut] = []
        for digit in DIGITS:
            keys = [QKeySequence(digit)]
            if digit.isdigit():
                keypad = QKeySequence(Qt.KeyboardModifier.KeypadModifier | Qt.Key(ord(digit)))
                keys.append(keypad)
            for key in keys:
                shortcut = QShortcut(key, window)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.setAutoRepeat(False)  # a held key is one tone, not a burst
                shortcut.activated.connect(lambda d=digit: self.send(d))
                shortcut.setEnabled(False)
                self.shortcuts.append(shortcut)
        dialpad.digitPressed.connect(self.send)
        book.changed.connect(self._follow_calls)
        book.activeChanged.connect(lambda _: self._follow_calls())
        self._follow_calls()

    @property
    def talking(self) -> bool:
        active = self.book.active
        return active is not None and active.talking

    def send(self, digit: str) -> None:
        if self.talking:
            self.control.send_dtmf(digit)

    def _follow_calls(self) -> None:
        talking = self.talking
        for shortcut in self.shortcuts:
            shortcut.setEnabled(talking)
        self.dialpad.sends_dtmf = talking
