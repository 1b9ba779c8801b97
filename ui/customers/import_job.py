"""A customer import running on its own thread, reporting to the GUI by signals.

A 50,000-row file takes seconds to check and write; on the task worker it would
hold up every other database job of the window (a screen-pop's lookup among
them), so the import gets a thread of its own. The database takes the
interleaving: the check only reads, and the write is short batches.

Signals are emitted from the import thread; the job lives in the GUI thread, so
Qt queues them and the slots run on the GUI thread. The job stops counting as
running just before it announces the outcome, not when its thread has ended: a
slot may start the next step at once (the operator's Import click right after the
check), while the thread is still on its way out.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.importers import CustomerImporter, ImportFileError, ImportPlan, read_file
from ui.common.core_text import error_text

log = logging.getLogger(__name__)

CHECK = "check"
WRITE = "write"


class ImportJob(QObject):
    progressed = Signal(str, int, int)  # phase (CHECK or WRITE), done, total
    checked = Signal(object)  # ImportPlan (its report says if it was cancelled)
    written = Signal(object)  # ImportReport
    failed = Signal(str)  # why the file or the database let us down

    def __init__(self, importer: CustomerImporter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.importer = importer
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._busy = False  # from _start until the outcome is announced

    @property
    def running(self) -> bool:
        return self._busy

    def check(self, path: Path, encoding: str | None = None) -> None:
        """Reads and checks the file; ``checked`` with the plan. Writes nothing."""

        def work() -> tuple[Any, object]:
            source = read_file(path, encoding)
            plan = self.importer.check(source, progress=self._progress(CHECK), cancel=self._cancel)
            return self.checked, plan

        self._start(work)

    def write(self, plan: ImportPlan, skip_invalid: bool) -> None:
        """Writes the checked records in batches; ``written`` with the report,
        also after a cancel (the batches committed before it are counted)."""

        def work() -> tuple[Any, object]:
            report = self.importer.write(
                plan,
                skip_invalid=skip_invalid,
                progress=self._progress(WRITE),
                cancel=self._cancel,
            )
            return self.written, report

        self._start(work)

    def cancel(self) -> None:
        """Stops at the next row (checking) or batch (writing)."""
        self._cancel.set()

    def wait(self, timeout: float) -> bool:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return thread is None or not thread.is_alive()

    def _progress(self, phase: str) -> Callable[[int, int], None]:
        return lambda done, total: self.progressed.emit(phase, done, total)

    def _start(self, work: Callable[[], tuple[Any, object]]) -> None:
        if self._busy:
            raise RuntimeError("an import is already running")
        self._busy = True
        self._cancel.clear()

        def run() -> None:
            try:
                signal, outcome = work()
            except ImportFileError as exc:
                signal, outcome = self.failed, error_text(exc)
            except Exception as exc:  # the database locked or gone, a disk error
                log.exception("customer import failed")
                signal, outcome = self.failed, error_text(exc)
            self._busy = False
            signal.emit(outcome)

        self._thread = threading.Thread(target=run, name="customer-import", daemon=True)
        self._thread.start()
