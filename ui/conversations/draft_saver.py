"""The composer's disk work on a thread of its own: drafts (``Drafts.put``
waits for fsync) and pasted images, never on the GUI thread.

One thread, so a conversation's draft operations happen in the order the
composer asked for them (a clear after the send is never overtaken by an
older save). Not the window's task worker: an fsync does not hold up the
database reads, and ``shutdown`` waits for what was asked, where the task
worker drops what has not started yet. Results come back on the GUI thread,
dropped when their owner was deleted meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)
T = TypeVar("T")


class DiskWorker(QObject):
    _deliver = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ui-drafts")
        self._closed = False
        self._deliver.connect(lambda call: call(), Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], Any] | None = None,
        on_error: Callable[[Exception], Any] | None = None,
        owner: QObject | None = None,
    ) -> Future[None] | None:
        """``work`` on the disk thread; ``on_done(result)`` or ``on_error(exc)``
        later on the GUI thread unless ``owner`` is gone. None once shut down."""
        if self._closed:
            log.warning("drafts: work asked for after the shutdown was dropped")
            return None

        def finish(callback: Callable[[Any], Any] | None, value: Any) -> None:
            if callback is None or (owner is not None and not shiboken6.isValid(owner)):
                return
            try:
                callback(value)
            except Exception:
                log.exception("drafts: a callback failed")

        def job() -> None:
            try:
                result = work()
            except Exception as exc:
                log.warning("drafts: %s", exc)
                if on_error is None:
                    return
                error = exc
                self._emit(lambda: finish(on_error, error))
                return
            self._emit(lambda: finish(on_done, result))

        return self._pool.submit(job)

    def _emit(self, call: Callable[[], None]) -> None:
        if shiboken6.isValid(self):
            self._deliver.emit(call)

    def shutdown(self) -> None:
        """Waits for everything asked so far (the last draft is on the disk
        when this returns), then takes no more."""
        self._closed = True
        self._pool.shutdown(wait=True)
