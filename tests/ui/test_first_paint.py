"""The engine starts after the window's first paint (ui/shell/main.py): the callback
runs once, after a paint, and also for a window that is never painted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel

from ui.shell.first_paint import after_first_paint


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_runs_once_after_the_first_paint(qtbot: Any) -> None:
    label = QLabel("hello")
    qtbot.addWidget(label)
    counter = PaintCounter()
    label.installEventFilter(counter)
    paints_seen: list[int] = []
    after_first_paint(label, lambda: paints_seen.append(counter.paints), latest_ms=60_000)
    qtbot.wait(50)
    assert paints_seen == []  # not shown, not painted: not yet
    label.show()
    qtbot.waitUntil(lambda: paints_seen != [], timeout=5000)
    assert paints_seen[0] >= 1  # it came after a paint
    label.update()
    label.repaint()
    qtbot.wait(50)
    assert len(paints_seen) == 1


def test_a_window_never_painted_still_gets_it(qtbot: Any) -> None:
    label = QLabel("hidden")
    qtbot.addWidget(label)
    calls: list[bool] = []
    after_first_paint(label, lambda: calls.append(True), latest_ms=100)
    qtbot.waitUntil(lambda: calls == [True], timeout=5000)
    qtbot.wait(150)
    assert calls == [True]
