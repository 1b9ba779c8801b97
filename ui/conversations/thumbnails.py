"""Thumbnails of a conversation's pictures, decoded off the GUI thread.

A photo from a phone is megabytes of JPEG; decoding it where the list paints
would stall scrolling. ``Thumbnails.get`` answers what is ready (a pixmap) or
None, and asks its own thread (not the database worker: a page read must not
wait behind pictures) to decode a scaled copy; ``ready`` says when one came,
and the list repaints. A file that is not a picture (whatever its name says)
or is gone gets no thumbnail: the bubble shows a file's icon for it.

``image_size`` reads only a file's header: the page loader calls it on the
database worker so each bubble has its final height at once.
"""

from __future__ import annotations

from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

MAX_FILE = 50 * 1024 * 1024  # larger files get an icon: decoding them costs too much
MAX_PIXELS = 80_000_000  # the header's claim, before any decoding
KEEP = 300  # thumbnails kept in memory


def image_size(path: Path, mime: str) -> QSize | None:
    """The picture's size from its header; None for anything not a readable image."""
    if not mime.startswith("image/"):
        return None
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE:
            return None
    except OSError:
        return None
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_PIXELS:
        return None
    return size


def _decode(path: Path, box: QSize) -> QImage | None:
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)
    reader.setAutoTransform(True)  # a phone's portrait photo stands upright
    size = reader.size()
    if not size.isValid():
        return None
    reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


class Thumbnails(QObject):
    ready = Signal(int)  # attachment id
    _decoded = Signal(int, object)  # attachment id, QImage or None (to the GUI thread)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ui-thumbnails")
        self._ready: OrderedDict[int, QPixmap] = OrderedDict()
        self._asked: set[int] = set()
        self._failed: set[int] = set()
        self._decoded.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(lambda *_: self._pool.shutdown(wait=False, cancel_futures=True))

    def get(self, attachment_id: int, path: Path, box: QSize) -> QPixmap | None:
        pixmap = self._ready.get(attachment_id)
        if pixmap is not None:
            self._ready.move_to_end(attachment_id)
            return pixmap
        if attachment_id not in self._asked and attachment_id not in self._failed:
            self._asked.add(attachment_id)
            self._pool.submit(self._work, attachment_id, path, QSize(box))
        return None

    def failed(self, attachment_id: int) -> bool:
        return attachment_id in self._failed

    def _work(self, attachment_id: int, path: Path, box: QSize) -> None:
        try:
            image = _decode(path, box)
        except Exception:  # a broken file must not end the thread's work
            image = None
        if shiboken6.isValid(self):
            self._decoded.emit(attachment_id, image)

    def _arrived(self, attachment_id: int, image: QImage | None) -> None:
        self._asked.discard(attachment_id)
        if image is None:
            self._failed.add(attachment_id)
        else:
            self._ready[attachment_id] = QPixmap.fromImage(image)
            while len(self._ready) > KEEP:
                self._ready.popitem(last=False)
        self.ready.emit(attachment_id)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
