"""Text from outside is shown as text, never read as markup.

Names and notes of customers, a caller's display name, messages, import files,
a SIP server's reason: any of it may look like HTML, and Qt renders what looks
like HTML in a QLabel (its default AutoText), a tooltip and a QMessageBox,
loading the images it names (``<img src="/etc/...">``). So in ui/ a label is
made with ``plain_label``, a tooltip that carries outside text goes through
``plain_tooltip`` and a message box's text is PlainText. Item views with Qt's
own delegates, line edits, the status bar and window titles draw their text as
it is already; buttons and menu entries too, but for "&", which marks a
shortcut key there (``literal_ampersands``). Qt Charts reads its labels as
HTML: escape them. tests/ui/test_plain_text.py walks every open view for this.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(parent: QWidget | None = None, text: str = "") -> QLabel:
    """A QLabel that shows its text as it is, whatever the text looks like."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if text:
        label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as it is. Qt has no plain-text tooltip (it
    guesses from the text), so the text is escaped inside a paragraph that is
    always taken for rich text, its lines kept and not wrapped, as a plain
    tooltip's are. "" stays "" (no tooltip)."""
    if not text:
        return ""
    return f"<p style='white-space:pre'>{html.escape(text, quote=False)}</p>"


def literal_ampersands(text: str) -> str:
    """Outside text in a menu entry or on a button: there "&" marks the shortcut
    key (and disappears); doubled, it is shown as itself."""
    return text.replace("&", "&&")
