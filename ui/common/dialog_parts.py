"""Pieces every editing dialog of the window shares, so they look and behave alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from ui.common.plain_text import plain_label

ERROR_COLOR = "#b3261e"  # the window's one colour for "this went wrong"


def error_label(parent: QWidget, object_name: str) -> QLabel:
    """A hidden, wrapping, red line for the reason a save did not happen (the
    reason may quote what was typed or stored: shown as plain text)."""
    label = plain_label(parent)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.hide()
    return label


def save_cancel_buttons(dialog: QDialog, save: Callable[[], None]) -> QDialogButtonBox:
    """Save runs ``save`` (which closes the dialog when it worked); Cancel rejects."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons
