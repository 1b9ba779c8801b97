"""Run something once the window is on screen: after its first paint pass.

Work that the first picture does not need (starting the phone engine: importing
pjsua2 and its endpoint on the GUI thread) would
otherwise run between ``window.show()`` and the first paint, and the operator
would look at nothing meanwhile. bench/README.md, "The window".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], object], latest_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        self._done = False
        widget.installEventFilter(self)
        # A window that is never painted (not exposed, minimised by the window
        # manager) must not keep the callback waiting for ever.
        QTimer.singleShot(latest_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            # Queued: runs after the whole paint pass and the flush to the screen.
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self._done:
            return
        self._done = True
        self._widget.removeEventFilter(self)
        self._callback()
        self.deleteLater()


def after_first_paint(
    widget: QWidget, callback: Callable[[], object], latest_ms: int = 1000
) -> None:
    """Calls ``callback`` once, on the GUI thread, right after ``widget``'s first
    paint pass (or after ``latest_ms`` if it has not been painted by then). Call
    it before ``widget.show()`` or right after: nothing is painted until the event
    loop runs."""
    _AfterFirstPaint(widget, callback, latest_ms)
