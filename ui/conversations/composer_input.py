"""The composer's text field: multi-line, growing with its text up to a few
lines; it says what the keys mean and leaves the doing to the composer.

- Ctrl+Enter sends; with the ``enter_sends`` setting, Enter sends and
  Shift+Enter starts a new line (otherwise Enter is a new line).
- ``/`` typed into an empty field, or Ctrl+/ anywhere in it, asks for the
  quick replies (the slash is not typed).
- A file dropped or pasted (a file manager's copy), or an image pasted from
  the clipboard, becomes an attachment, never its path or bytes as text;
  pasted text is plain text.

Ctrl+Enter and Ctrl+/ are taken here before any window shortcut (the
ShortcutOverride event), so the field works the same whatever the window's
shortcuts are.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

MIN_LINES = 2
MAX_LINES = 8

_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def local_files(source: QMimeData) -> list[str]:
    """The local files a drop or a paste carries (URLs of other kinds are not files)."""
    if not source.hasUrls():
        return []
    return [url.toLocalFile() for url in source.urls() if url.isLocalFile() and url.toLocalFile()]


class ComposerInput(QPlainTextEdit):
    send_requested = Signal()
    quick_replies_requested = Signal()  # Ctrl+/
    slash_typed = Signal()  # "/" into the empty field: the quick replies, or a "/" after all
    files_dropped = Signal(list)  # local paths
    image_pasted = Signal(QImage)

    def __init__(self, enter_sends: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composerInput")
        self._enter_sends = enter_sends
        self.setTabChangesFocus(True)  # Tab moves on to the buttons, as in a form
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = self.document().documentLayout()
        layout.documentSizeChanged.connect(self._fit_height)
        self._fit_height(QSizeF(0, 1))

    # --- keys ------------------------------------------------------------------------

    def _is_send(self, event: QKeyEvent) -> bool:
        if event.key() not in _RETURN_KEYS:
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.ControlModifier:
            return True
        return modifiers == Qt.KeyboardModifier.NoModifier and self._enter_sends()

    @staticmethod
    def _is_quick_replies(event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return event.key() == Qt.Key.Key_Slash and modifiers == Qt.KeyboardModifier.ControlModifier

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (self._is_send(event) or self._is_quick_replies(event))
        ):
            event.accept()  # delivered as a key press here, not as a window shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_send(event):
            event.accept()
            self.send_requested.emit()
            return
        if self._is_quick_replies(event):
            event.accept()
            self.quick_replies_requested.emit()
            return
        if event.key() in _RETURN_KEYS and not self.isReadOnly():
            # A paragraph break, also for Shift+Enter (Qt would insert a line
            # separator, which is not a line break on every platform).
            self.textCursor().insertText("\n")
            self.ensureCursorVisible()
            event.accept()
            return
        if event.text() == "/" and not self.isReadOnly() and not self.document().toPlainText():
            event.accept()
            self.slash_typed.emit()
            return
        super().keyPressEvent(event)

    # --- drops and pastes --------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return (
            bool(local_files(source)) or source.hasImage() or super().canInsertFromMimeData(source)
        )

    def insertFromMimeData(self, source: QMimeData) -> None:
        files = local_files(source)
        if files:
            self.files_dropped.emit(files)
            return
        if source.hasImage():
            image = source.imageData()
            self.image_pasted.emit(image if isinstance(image, QImage) else QImage())
            return
        if source.hasText():
            self.insertPlainText(source.text())

    # --- height ------------------------------------------------------------------------

    def _fit_height(self, size: QSizeF) -> None:
        lines = max(MIN_LINES, min(MAX_LINES, int(size.height()) or 1))
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + frame + 2)
