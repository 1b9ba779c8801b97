"""A message's files: open with the desktop's program, or save a copy.

The stored bytes are content-addressed (no name, no extension), so "Open"
copies them to a folder of their own under the profile's data directory with
the name the sender gave (the core sanitised it), and hands that copy to the
desktop. A file that could run a program when opened (an .exe, a script, a
shortcut) is not opened from here: it can be saved and checked first. The
copies are made on a thread of their own, never the GUI thread nor the
database worker (a large video would hold up a page read). Copies older than
two days are removed when the panel starts.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.conversation_feed import FeedAttachment

log = logging.getLogger(__name__)

KEEP_OPENED_S = 2 * 24 * 3600  # an opened copy is removed at a start this much later

# Opening these runs something (Windows, macOS, a Linux desktop's launchers).
RUNNABLE = frozenset(
    {
        ".exe", ".com", ".bat", ".cmd", ".msi", ".msp", ".scr", ".pif", ".cpl", ".msc",
        ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh", ".ps1", ".psm1", ".hta", ".lnk",
        ".url", ".reg", ".inf", ".jar", ".dll", ".sys", ".app", ".command", ".pkg", ".dmg",
        ".desktop", ".sh", ".bash", ".run", ".bin", ".appimage", ".apk", ".py", ".pyw",
        ".pl", ".rb", ".iso", ".img", ".vhd", ".xll", ".docm", ".xlsm", ".pptm",
    }
)  # fmt: skip


def can_open(filename: str) -> bool:
    """Whether "Open" is offered: not for a file that could run a program."""
    suffixes = [s.lower() for s in PurePath(filename.strip().rstrip(".")).suffixes]
    return not any(s in RUNNABLE for s in suffixes[-1:]) and bool(filename.strip())


class FileActions(QObject):
    message = Signal(str)  # for the operator: what went wrong (translated)
    _done = Signal(object)  # a callable to run on the GUI thread

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ui-files")
        self._done.connect(lambda call: call(), Qt.ConnectionType.QueuedConnection)
        self.opened: list[Path] = []  # the copies handed to the desktop (tests read it)
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self._pool.submit(self._forget_old)

    def open(self, attachment: FeedAttachment) -> None:
        if not can_open(attachment.filename):
            self.message.emit(
                self.tr(
                    "%1 could run a program when opened: save it and check it before opening."
                ).replace("%1", attachment.filename)
            )
            return
        target = self.folder / str(attachment.id) / _safe_name(attachment.filename)
        self._copy(attachment.path, target, lambda: self._hand_over(target))

    def save(self, attachment: FeedAttachment, parent: QWidget) -> None:
        from PySide6.QtWidgets import QFileDialog

        suggested = str(Path.home() / _safe_name(attachment.filename))
        chosen, _ = QFileDialog.getSaveFileName(parent, self.tr("Save file"), suggested)
        if chosen:
            self.save_to(attachment, Path(chosen))

    def save_to(self, attachment: FeedAttachment, target: Path) -> None:
        self._copy(
            attachment.path,
            target,
            lambda: self.message.emit(self.tr("Saved to %1").replace("%1", str(target))),
        )

    def _hand_over(self, path: Path) -> None:
        self.opened.append(path)
        if not self.open_url(QUrl.fromLocalFile(str(path))):
            self.message.emit(
                self.tr("No program on this computer opens %1.").replace("%1", path.name)
            )

    def _copy(self, source: Path, target: Path, then: Callable[[], None]) -> None:
        def work() -> None:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                if not (target.exists() and target.stat().st_size == source.stat().st_size):
                    shutil.copyfile(source, target)
                result: Callable[[], None] = then
            except FileNotFoundError:
                result = self._say(self.tr("The file is no longer stored on this computer."))
            except OSError as exc:
                log.warning("copying an attachment failed: %s", exc)
                reason = exc.strerror or str(exc)
                result = self._say(
                    self.tr("The file could not be copied: %1").replace("%1", reason)
                )
            if shiboken6.isValid(self):
                self._done.emit(result)

        self._pool.submit(work)

    def _forget_old(self) -> None:
        """Copies opened days ago are removed: they are the customers' files,
        kept only as long as a program may still be showing them."""
        cutoff = time.time() - KEEP_OPENED_S
        try:
            folders = list(self.folder.iterdir()) if self.folder.is_dir() else []
            for folder in folders:
                if folder.is_dir() and folder.stat().st_mtime < cutoff:
                    shutil.rmtree(folder, ignore_errors=True)
        except OSError as exc:
            log.info("old opened copies not removed: %s", exc)

    def _say(self, text: str) -> Callable[[], None]:
        return lambda: self.message.emit(text)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _safe_name(filename: str) -> str:
    """The sender's name for the file as one path component (the core cleaned
    it already; this only guards the join)."""
    name = PurePath(filename.replace("\\", "/")).name.strip() or "file"
    return name if name not in (".", "..") else "file"
