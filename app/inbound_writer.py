"""One ordered, retrying writer for what enters the database from outside the
window: call events, channel deliveries.

Whoever hands an item in (the SIP thread, a channel's worker) must not block on
the database, and the database may refuse writes for a while (another program
holding the SQLite lock past the busy timeout, a PostgreSQL server restarting, a
network share gone). So items are queued to the writer's own thread, written
in the order they came, and a refused write is done again with back-off while
the items after it wait: a refusal costs no item. Each job must therefore be
safe to run again after a refusal (idempotent: unique keys, "close once").

``put`` returns a Future that is resolved once the job's transaction has
committed: a channel acknowledges its platform (the Telegram offset, an IMAP
watermark) only then, so a crash before the commit makes the platform deliver
again, and the unique keys store it once.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from app.errors import DatabaseError

log = logging.getLogger(__name__)

T = TypeVar("T")

RETRY_FIRST_S = 0.5  # a refused write is tried again after this, doubling each time
RETRY_MAX_S = 30.0


class WriterClosed(RuntimeError):
    """The writer was closed before the job could be written."""


class InboundWriter:
    def __init__(
        self,
        name: str,
        on_refusal: Callable[[DatabaseError | None], None] | None = None,
        retry_first_s: float | None = None,
        retry_max_s: float | None = None,
    ) -> None:
        """``on_refusal(error)`` runs on the writer's thread when the database
        starts refusing (the error) and when it takes writes again (None)."""
        self.name = name
        self.on_refusal = on_refusal
        self.retry_first_s = RETRY_FIRST_S if retry_first_s is None else retry_first_s
        self.retry_max_s = RETRY_MAX_S if retry_max_s is None else retry_max_s
        self.unwritten = 0  # jobs given up on (a bug, or closed while refused)
        self._queue: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]] | None] = (
            queue.SimpleQueue()
        )
        self._closing = threading.Event()  # cuts a back-off wait short
        self._worker = threading.Thread(target=self._work, name=name, daemon=True)
        self._worker.start()

    def put(self, job: Callable[[], T]) -> Future[T]:
        """Queues ``job``; any thread, never blocks. The Future holds the job's
        result once written, or its exception (a bug, or ``WriterClosed``)."""
        done: Future[T] = Future()
        if self._closing.is_set():
            done.set_exception(WriterClosed(f"{self.name} is closed"))
            return done
        self._queue.put((job, done))
        return done

    def flush(self, timeout: float = 10.0) -> bool:
        """Waits until every job queued before it is written (tests, shutdown)."""
        marker = self.put(lambda: None)
        try:
            marker.result(timeout)
        except Exception:
            return marker.done()
        return True

    def close(self, timeout: float = 10.0) -> None:
        """Writes what is queued (up to ``timeout`` while the database refuses),
        then stops; what could not be written is logged and its Future fails."""
        if not self.flush(timeout):
            log.error("%s: the database still refuses; closing with items unwritten", self.name)
        self._closing.set()
        self._queue.put(None)
        self._worker.join(5)
        while True:  # anything put after the closing marker
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                item[1].set_exception(WriterClosed(f"{self.name} is closed"))

    # --- the worker -------------------------------------------------------------

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            job, done = item
            if done.set_running_or_notify_cancel():
                self._write(job, done)

    def _write(self, job: Callable[[], Any], done: Future[Any]) -> None:
        """Does one job; a refusing database means: the same again, later."""
        delay = self.retry_first_s
        while True:
            try:
                result = job()
            except DatabaseError as exc:
                if self._closing.is_set():
                    self.unwritten += 1
                    log.error("%s: an item was not written (closing): %s", self.name, exc)
                    done.set_exception(exc)
                    return
                if delay == self.retry_first_s:
                    log.warning("%s: %s; trying again, nothing is dropped", self.name, exc)
                    self._tell_refusal(exc)
                self._closing.wait(delay)
                delay = min(delay * 2, self.retry_max_s)
                continue
            except Exception as exc:
                # A bug, not the database: say so, keep going with the next item.
                self.unwritten += 1
                log.exception("%s: an item could not be written", self.name)
                done.set_exception(exc)
                return
            if delay > self.retry_first_s:
                log.info("%s: the database takes writes again", self.name)
                self._tell_refusal(None)
            done.set_result(result)
            return

    def _tell_refusal(self, error: DatabaseError | None) -> None:
        if self.on_refusal is None:
            return
        try:
            self.on_refusal(error)
        except Exception:
            # The window's hook (a bridge gone at shutdown): never the writer's end.
            log.exception("%s: on_refusal failed", self.name)
