"""Start-up probe for bench/ui_bench.py: imported ahead of the program under test,

    python -c "import bench.paint_probe; import sys; from ui.shell.main import main; ..."

it prints ``UI-BENCH probe <t>`` at once (interpreter and QtWidgets loaded),
``UI-BENCH show <t>`` when the first QMainWindow's show() is called and
``UI-BENCH painted <t>`` once that window's first paint has been flushed (t is
time.monotonic(), one clock for every process on the machine, so the parent
subtracts its own launch time).

It wraps QWidget.show for the first main window only and then puts it back, and
watches that one window: an application-wide event filter would tax every event
the app handles during start-up, the very thing being timed. Nothing in ui/ changes.
Standard library and QtWidgets only, so the app and the bare window pay the same.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QWidget

MARK = "UI-BENCH"
_original_show = QWidget.show


def mark(what: str) -> None:
    """One line on stdout: the bench reads the phases of the start from these."""
    print(f"{MARK} {what} {time.monotonic():.6f}", flush=True)


mark("probe")  # the interpreter is up and QtWidgets is loaded


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued: runs after this paint pass (the window and all its children,
            # painted top-down in one go) and the backing store's flush to the screen.
            QTimer.singleShot(0, lambda: mark("painted"))
        return False


_watcher = _FirstPaint()


def _probed_show(self: QWidget) -> None:
    if isinstance(self, QMainWindow):
        QWidget.show = _original_show  # type: ignore[method-assign]
        mark("show")
        self.installEventFilter(_watcher)
    _original_show(self)


QWidget.show = _probed_show  # type: ignore[method-assign]
