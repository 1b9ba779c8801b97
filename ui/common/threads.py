"""Thread ownership checks at the GUI boundary (Linphone asserts the same way).

A widget touched from the SIP thread or a task worker corrupts Qt silently and
crashes later somewhere else; failing loudly at the boundary is cheaper.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QThread


def in_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def assert_gui_thread() -> None:
    assert in_gui_thread(), "this must run on the GUI thread"
