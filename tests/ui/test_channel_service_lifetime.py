"""Channels report from their own threads: a report that races the service's
deletion (a window closed while a bot's status changes) must be dropped, never
emitted on a half-deleted object (seen once as a crash of a whole test run)."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent

from app.core import Core
from ui.shell.channel_service import ChannelService
from ui.shell.main_window import MainWindow


def test_reports_from_threads_during_the_services_deletion_are_dropped(
    qtbot: Any, shell: Any, sqlite_core: Core
) -> None:
    window: MainWindow = shell.window
    for _ in range(30):
        service = ChannelService(sqlite_core, window)
        stop = threading.Event()

        def report(service: ChannelService = service, stop: threading.Event = stop) -> None:
            while not stop.is_set():
                service._emit(service._snapshot, [])

        threads = [threading.Thread(target=report) for _ in range(3)]
        for thread in threads:
            thread.start()
        service.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        stop.set()
        for thread in threads:
            thread.join(5)
        assert not any(thread.is_alive() for thread in threads)
    QCoreApplication.processEvents()  # the queued emits from before the deletion
