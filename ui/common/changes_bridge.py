"""The crossing from the database's change feed to the GUI: one signal.

Every committed unit of work, on any thread (the call log, the web form, a
channel, a dialog's task), publishes what it touched on the core's
``ChangeFeed`` (app/changes.py). ``ChangesBridge`` listens there and re-emits
the value as ``changed``, on the GUI thread; each view decides what of it
concerns it. A new source of writes therefore needs no wiring in the window.

Coalesced: the first value after a delivery posts one queued event, later ones
are merged into it (``|``) until the GUI thread takes it, so a burst of commits
becomes one value per turn of the event loop, not one refresh per commit. The
listener only merges under a lock and posts: it never blocks the writer.

This module imports nothing of SQLAlchemy (app.changes does): the window is
built before the database is open (bench/README.md, "The window").
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from app.changes import ChangeFeed, Changes


class ChangesBridge(QObject):
    # What changed since the last emission (app.changes.Changes, never empty).
    changed = Signal(object)
    # Posted from the committing thread when a value starts waiting.
    _arrived = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._pending: Changes | None = None
        self._unsubscribe: Callable[[], None] | None = None
        # Queued even when the commit ran on the GUI thread: a view never
        # refreshes in the middle of the code that wrote.
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def attached(self) -> bool:
        return self._unsubscribe is not None

    def attach(self, feed: ChangeFeed) -> None:
        """Listens to ``feed`` (once the core's database is open)."""
        self.detach()
        with self._lock:
            unsubscribe = self._unsubscribe = feed.subscribe(self._on_change)
        # Also when the window goes without a shutdown (tests, a failed start):
        # the feed must not call into a deleted object.
        self.destroyed.connect(lambda *_: unsubscribe())

    def detach(self) -> None:
        """No more values (the app is closing); what waits is dropped."""
        with self._lock:
            unsubscribe, self._unsubscribe = self._unsubscribe, None
            self._pending = None
        if unsubscribe is not None:
            unsubscribe()

    def _on_change(self, changes: Changes) -> None:
        """The feed's listener: any thread, returns at once."""
        with self._lock:
            if self._unsubscribe is None:
                return  # detached while this commit was being published
            first = self._pending is None
            self._pending = changes if self._pending is None else self._pending | changes
        if first and shiboken6.isValid(self):
            self._arrived.emit()

    def _deliver(self) -> None:
        with self._lock:
            changes, self._pending = self._pending, None
        if changes:
            self.changed.emit(changes)
