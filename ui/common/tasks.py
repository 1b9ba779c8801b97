"""Background work for the window: database work on one worker, results back
on the GUI thread.

Anki's TaskManager in miniature. The database is touched by one worker thread
at a time (SQLite likes one writer, and the order of the operator's actions is
kept); the result or the error comes back through a queued signal, so callbacks
run on the GUI thread and may touch widgets. A callback whose owner widget was
closed meanwhile is dropped instead of crashing on a deleted C++ object.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from ui.common.core_text import error_text
from ui.common.threads import assert_gui_thread

log = logging.getLogger(__name__)
T = TypeVar("T")


class TaskRunner(QObject):
    # A zero-argument callable to run on the GUI thread (queued from the worker).
    _deliver = Signal(object)
    # An error nobody handled: the window shows it as a message.
    failed = Signal(str)
    # The number of tasks not yet delivered changed (0: idle).
    busyChanged = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ui-db")
        self._pending = 0
        self._deliver.connect(self._run_delivery, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        return self._pending

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], Any] | None = None,
        on_error: Callable[[Exception], Any] | None = None,
        owner: QObject | None = None,
    ) -> Future[None]:
        """Runs ``work`` on the database worker; ``on_done(result)`` or
        ``on_error(exc)`` later on the GUI thread, unless ``owner`` is gone."""
        assert_gui_thread()
        self._pending += 1
        self.busyChanged.emit(self._pending)

        def job() -> None:
            try:
                result = work()
            except Exception as exc:
                log.warning("background task failed: %s", exc, exc_info=True)
                error = exc
                self._deliver.emit(lambda: self._finish(on_error, error, owner, error=True))
                return
            self._deliver.emit(lambda: self._finish(on_done, result, owner, error=False))

        return self._db.submit(job)

    def _run_delivery(self, callback: Callable[[], None]) -> None:
        callback()

    def _finish(
        self, callback: Callable[[Any], Any] | None, value: Any, owner: QObject | None, error: bool
    ) -> None:
        self._pending -= 1
        self.busyChanged.emit(self._pending)
        if owner is not None and not shiboken6.isValid(owner):
            return
        if callback is None:
            if error:
                self.failed.emit(error_text(value))
            return
        try:
            callback(value)
        except Exception as exc:  # a broken callback must not take the window down
            log.exception("task callback failed")
            self.failed.emit(error_text(exc))

    def shutdown(self, wait: bool = True) -> None:
        self._db.shutdown(wait=wait, cancel_futures=True)
