"""Settings > General's call forwarding: when this phone sends incoming calls on
to another number (never, always, instead of busy under Do not disturb, after
ringing unanswered) and to which number, for a desk whose PBX does not forward.

The number is checked as the dial field checks what is dialled
(``ui.calls.dial_input.parse_dial``); the engine is told by the shell, with the
number in the PBX's dial format (``forward_target``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from app.settings import FORWARD_AFTER_S, Settings
from ui.calls.dial_input import DialProblem, DialTarget, parse_dial

FIELDS = ("forward_mode", "forward_to", "forward_after_s")


class ForwardingFields(QWidget):
    """One row: the mode, the seconds (for "not answered"), the number."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox(self)
        self.mode.setObjectName("forwardMode")
        for mode, text in (
            ("off", self.tr("Never")),
            ("always", self.tr("Always")),
            ("do_not_disturb", self.tr("When Do not disturb is on")),
            ("no_answer", self.tr("When not answered in")),
        ):
            self.mode.addItem(text, mode)
        self.mode.setToolTip(
            self.tr(
                "This phone sends the caller on to the number (the PBX or the caller's "
                "phone calls it). Leave it at Never when your PBX forwards calls."
            )
        )
        self.after = QSpinBox(self)
        self.after.setObjectName("forwardAfter")
        self.after.setRange(*FORWARD_AFTER_S)
        self.after.setSuffix(self.tr(" s"))
        self.target = QLineEdit(self)
        self.target.setObjectName("forwardTo")
        self.target.setPlaceholderText(self.tr("to a number, e.g. 2002 or +380441234567"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mode)
        layout.addWidget(self.after)
        layout.addWidget(self.target, 1)
        self.mode.setCurrentIndex(max(0, self.mode.findData(settings.forward_mode)))
        self.after.setValue(settings.forward_after_s)
        self.target.setText(settings.forward_to)
        self.mode.currentIndexChanged.connect(lambda _i: self._show_fields())
        self._show_fields()

    def _show_fields(self) -> None:
        mode = self.mode.currentData()
        self.after.setVisible(mode == "no_answer")
        self.target.setEnabled(mode != "off")

    def problem(self) -> str:
        """Why what is typed can't be saved ("" when it can), in the operator's words."""
        if self.mode.currentData() == "off":
            return ""
        parsed = parse_dial(self.target.text())
        if parsed is DialProblem.EMPTY:
            return self.tr("Forwarding: say the number to forward calls to.")
        if isinstance(parsed, DialProblem):
            return self.tr("Forwarding: %1 is not a number or a SIP address.").replace(
                "%1", self.target.text().strip()
            )
        return ""

    def edited(self, settings: Settings) -> Settings:
        return dataclasses.replace(
            settings,
            forward_mode=self.mode.currentData(),
            forward_to=self.target.text().strip(),
            forward_after_s=self.after.value(),
        )


def forward_target(settings: Settings, dial_style: Callable[[str], str] | None) -> str:
    """What the engine sends callers on to: a URI or user name as typed, a
    number as the PBX wants it dialled; "" when forwarding is off or the saved
    number can't be dialled (a hand-edited file)."""
    if settings.forward_mode == "off":
        return ""
    parsed = parse_dial(settings.forward_to)
    if not isinstance(parsed, DialTarget):
        return ""
    if parsed.is_uri or dial_style is None:
        return parsed.target
    return dial_style(parsed.target)
