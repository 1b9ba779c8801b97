"""The window's messengers: one ChannelHost (integrations/host.py) reading
every enabled bot while the app runs, its state in the status bar and the tray.

Started once the core's database is open, never before (the host reads the
account rows and recovers the outbox); reloaded after Settings saved or
removed a bot; stopped at the end. Those can block (the keyring, a channel's
worker ending its request, a sender finishing its send), so they run in order
on this service's own thread: not on the GUI thread, and not on the task
runner's worker either, which every read of the window waits on.

The host reports a status on whichever thread it changed; a queued signal
brings it here. The status bar shows one label per bot that has a problem
("Telegram “Shop bot”: another program reads this bot", the platform's words
in its tooltip) and, while every bot works, only a small dot.

Nothing here imports the host or the database side at module level: the shell
imports this before the window's first paint.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.common.plain_text import plain_label, plain_tooltip

if TYPE_CHECKING:
    from app.core import Core
    from integrations.base import ChannelStatus
    from integrations.host import ChannelFactory, ChannelHost
    from ui.settings.email_page import EmailPage
    from ui.settings.telegram_page import TelegramPage
    from ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)
STOP_WAIT_S = 20.0  # at the end: how long the app waits for the channels to stop


class ChannelService(QObject):
    # GUI thread: statuses() changed (the list of ChannelStatus).
    statusesChanged = Signal(list)
    # GUI thread: the tray's line ("" when there is no bot).
    summaryChanged = Signal(str)
    _status = Signal(object)  # a ChannelStatus, from any thread
    _snapshot = Signal(object)  # every status after a start or reload, from the control thread
    _failed = Signal(object)  # the host could not start (the exception)
    # GUI thread: the web form endpoint's WebFormStatus after a start, reload or stop.
    webformChanged = Signal(object)
    _webform = Signal(object)  # the same, from the control thread

    def __init__(
        self,
        core: Core,
        window: MainWindow,
        parent: QObject | None = None,
        *,
        factories: Mapping[str, ChannelFactory] | None = None,
    ) -> None:
        super().__init__(parent)
        self.core = core
        self.window = window
        self.factories = factories
        self._control = ThreadPoolExecutor(max_workers=1, thread_name_prefix="channels")
        self._host: ChannelHost | None = None
        self._host_lock = threading.Lock()
        self._statuses: dict[int, ChannelStatus] = {}
        self._ended = False  # stop() ran: nothing starts again
        # Channels report from their own threads: an emit must never run into
        # the object's deletion (a check of isValid and then an emit can be
        # split by it: a crash). ``destroyed`` takes the lock before the rest of
        # the deletion goes on; the handler holds no reference to self.
        self._emit_lock = threading.Lock()
        self._alive = [True]
        alive, lock = self._alive, self._emit_lock

        def dead(*_args: object) -> None:
            with lock:
                alive[0] = False

        self.destroyed.connect(dead)
        self.problem = ""  # why the host did not start ("" when it did)
        self.bar = QWidget(window)
        self.bar.setObjectName("channelStatus")
        self._layout = QHBoxLayout(self.bar)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.failure = plain_label(self.bar)  # the host itself did not start
        self.failure.setObjectName("channelsFailure")
        self.failure.setStyleSheet("color: #b3261e;")
        self._layout.addWidget(self.failure)
        self.quiet = plain_label(self.bar, "●")  # every bot works: a dot, names in its tooltip
        self.quiet.setObjectName("channelsQuiet")
        self._layout.addWidget(self.quiet)
        self._labels: dict[int, QLabel] = {}
        self.bar.hide()
        window.statusBar().addPermanentWidget(self.bar)
        self._status.connect(self._on_status, Qt.ConnectionType.QueuedConnection)
        self._snapshot.connect(self._on_snapshot, Qt.ConnectionType.QueuedConnection)
        self._failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._webform.connect(self.webformChanged, Qt.ConnectionType.QueuedConnection)

    # --- the host's life -------------------------------------------------------------

    @property
    def running(self) -> bool:
        with self._host_lock:
            return self._host is not None

    def start(self) -> Future[None]:
        """Starts the host on the control thread; the core's database must be open."""
        assert self.core.is_open, "the channels start after the core's database is open"
        return self._submit(self._start_host)

    def reload(self) -> Future[None]:
        """After Settings saved or removed a bot: the host restarts what changed
        (or starts, if it could not before)."""
        return self._submit(self._reload_host)

    def reload_now(self) -> None:
        """``reload`` as a slot (Qt has no use for its Future)."""
        self.reload()

    def stop(self, wait: float = STOP_WAIT_S) -> None:
        """At the end, before the core closes: stops every channel (on the
        control thread) and waits for it, at most ``wait`` seconds. Once."""
        if self._ended:
            return
        done = self._control.submit(self._stop_host)
        self._ended = True
        try:
            done.result(timeout=wait)
        except FutureTimeout:
            log.warning("the channels did not stop within %s s", wait)
        except Exception:
            log.exception("the channels did not stop cleanly")
        self._control.shutdown(wait=False, cancel_futures=True)

    def stop_webform(self, wait: float = 10.0) -> None:
        """Stops the web form endpoint (first thing at the end: no request is
        taken while the rest closes) and waits for it, at most ``wait`` s."""
        if self._ended:
            return

        def stop() -> None:
            with self._host_lock:
                host = self._host
            if host is not None and host.webform is not None:
                host.webform.stop()
                self._emit(self._webform, host.webform.status)

        try:
            self._control.submit(stop).result(timeout=wait)
        except FutureTimeout:
            log.warning("the web form did not stop within %s s", wait)

    def webform_server(self) -> Any:
        with self._host_lock:
            host = self._host
        if host is None or host.webform is None:
            return None
        return host.webform._server

    def settle(self, timeout: float = 30.0) -> None:
        """Waits until the control thread has done what was asked of it (tests)."""
        if not self._ended:
            self._control.submit(lambda: None).result(timeout=timeout)

    def attach_page(self, page: TelegramPage | EmailPage) -> None:
        """A settings page of channel accounts (Settings > Telegram, Settings >
        Email): it shows each bot's or mailbox's state, and what it saved or
        removed is read (the host reloads)."""
        from ui.settings.email_page import EmailPage  # imported by the settings dialog already

        page.show_statuses(self.statuses())
        # Bound methods: Qt disconnects them when the page goes.
        self.statusesChanged.connect(page.show_statuses)
        saved = page.mailboxesChanged if isinstance(page, EmailPage) else page.botsChanged
        saved.connect(self.reload_now)

    def _submit(self, work: Callable[[], None]) -> Future[None]:
        if self._ended:  # the app is closing: a late reload starts nothing
            done: Future[None] = Future()
            done.set_result(None)
            return done
        return self._control.submit(work)

    def _start_host(self) -> None:
        from integrations.host import ChannelHost

        with self._host_lock:
            if self._host is not None:
                return
        host = ChannelHost(
            self.core,
            factories=self.factories,
            on_status=self._report,
            webform=True,  # the website's form runs under the host, as in the relay
            on_webform=lambda status: self._emit(self._webform, status),
        )
        try:
            host.start()
        except Exception as exc:
            log.error("the channels did not start: %s", exc)
            try:
                host.stop()
            except Exception:
                log.exception("stopping the channels that did not start failed")
            self._emit(self._failed, exc)
            return
        with self._host_lock:
            self._host = host
        self._emit(self._snapshot, host.statuses())

    def _reload_host(self) -> None:
        with self._host_lock:
            host = self._host
        if host is None:
            self._start_host()
            return
        try:
            host.reload()
        except Exception as exc:  # the database refused the read: the running ones go on
            log.warning("the channels were not reloaded: %s", exc)
            self._emit(self._failed, exc)
            return
        self._emit(self._snapshot, host.statuses())

    def _stop_host(self) -> None:
        with self._host_lock:
            host, self._host = self._host, None
        if host is not None:
            host.stop()

    def _report(self, status: ChannelStatus) -> None:
        # Any thread (a channel's worker, the control thread): only a signal.
        self._emit(self._status, status)

    def _emit(self, signal: Any, value: object) -> None:
        with self._emit_lock:
            if self._alive[0] and shiboken6.isValid(self):
                signal.emit(value)

    # --- what it says (GUI thread) ------------------------------------------------------

    def statuses(self) -> list[ChannelStatus]:
        return [self._statuses[k] for k in sorted(self._statuses)]

    def _on_status(self, status: ChannelStatus) -> None:
        self._statuses[status.account_id] = status
        self._changed()

    def _on_snapshot(self, statuses: list[ChannelStatus]) -> None:
        # Only who is there: a status queued before this one is newer than
        # the snapshot's copy of it, so it is kept.
        wanted = {s.account_id: s for s in statuses}
        self._statuses = {k: v for k, v in self._statuses.items() if k in wanted}
        for account_id, status in wanted.items():
            self._statuses.setdefault(account_id, status)
        self.problem = ""
        self._changed()

    def _on_failed(self, exc: Exception) -> None:
        from ui.common.core_text import error_text

        self.problem = self.tr("Messengers not started: %1").replace("%1", error_text(exc))
        self._changed()

    def _changed(self) -> None:
        from ui.common.channel_status import (
            colour,
            explanation,
            is_problem,
            state_text,
            status_line,
        )

        shown = [s for s in self.statuses() if is_problem(s)]
        for account_id in list(self._labels):
            if account_id not in {s.account_id for s in shown}:
                gone = self._labels.pop(account_id)
                self._layout.removeWidget(gone)
                gone.deleteLater()
        for status in shown:
            label = self._labels.get(status.account_id)
            if label is None:
                label = plain_label(self.bar)
                label.setObjectName(f"channel_{status.account_id}")
                self._labels[status.account_id] = label
                # In the accounts' order, after the host's own problem and the dot.
                before = sum(1 for k in self._labels if k < status.account_id)
                self._layout.insertWidget(2 + before, label)
                label.show()  # a child made after its parent was shown stays hidden
            label.setText(status_line(status))
            label.setStyleSheet(f"color: {colour(status)};")
            label.setToolTip(plain_tooltip(explanation(status)))  # with the platform's words
        working = [s for s in self.statuses() if s.working]
        self.failure.setText(self.problem)
        self.failure.setVisible(bool(self.problem))
        self.quiet.setVisible(bool(working) and not shown and not self.problem)
        if working:
            self.quiet.setStyleSheet(f"color: {colour(working[0])};")
            self.quiet.setToolTip(
                plain_tooltip("\n".join(f"{s.label}: {state_text(s)}" for s in working))
            )
        self.bar.setVisible(bool(shown or self.problem or working))
        self.statusesChanged.emit(self.statuses())
        self.summaryChanged.emit(self.summary())

    def summary(self) -> str:
        """The tray's words: the problems, or that the bots are connected."""
        from ui.common.channel_status import is_problem, status_line

        if self.problem:
            return self.problem
        lines = [status_line(s) for s in self.statuses() if is_problem(s)]
        if lines:
            return "\n".join(lines)
        working = sum(1 for s in self.statuses() if s.working)
        if not working:
            return ""
        return self.tr("Messengers: %n bot(s) connected", "", working)

    def text(self) -> str:
        """Everything the status bar's part says (tests read this)."""
        parts = [w.text() for w in (self.failure, self.quiet) if w.isVisibleTo(self.bar)]
        labels = [self._labels[k].text() for k in sorted(self._labels)]
        return " | ".join(parts + labels)
