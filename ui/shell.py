"""Everything the running app is made of, wired once: core, task runner,
bridge, calls, window, tray and (when it starts) the SIP engine.

Kept apart from main() so tests and the screenshot script build the same
window without a command line, a single-instance server or a real engine.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.core import Core
from sip.call_log import CallLog
from ui.accounts import EngineAccount, engine_accounts
from ui.bridge import EngineBridge
from ui.call_control import CallControl
from ui.calls import CallBook
from ui.main_window import MainWindow
from ui.phone import PhoneCommands
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class Shell(QObject):
    engineReady = Signal()

    def __init__(
        self, core: Core, phone: PhoneCommands | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.core = core
        self.tasks = TaskRunner(self)
        self.bridge = EngineBridge(self)
        self.book = CallBook(self.bridge, self)
        self.call_log: CallLog | None = None
        self.engine: Any = None
        self.control = CallControl(
            self.book,
            self.tasks,
            phone=phone,
            recordings_dir=core.paths.data_dir / "recordings",
            parent=self,
        )
        self.window = MainWindow(core, self.tasks, self.bridge, self.book, self.control)
        self.window.settingsRequested.connect(self.open_settings)

    # --- the engine ----------------------------------------------------------------

    def start_engine(self) -> None:
        """Starts pjsua2 on the task worker and registers the configured accounts.

        A machine where the engine can't start keeps a working window (customers,
        timeline) with the reason in the status bar."""
        try:
            from sip.engine import Engine
        except Exception as exc:  # pjsua2 missing or broken
            self.window.registration.set_engine_problem(
                self.tr("Phone engine unavailable: %1").replace("%1", str(exc))
            )
            return
        engine = Engine()
        engine.add_listener(self.bridge)
        core = self.core
        call_log = CallLog(
            core.timeline,
            core.callbacks,
            attach_recording=core.attachments.add,
            operator=self.window.operator,
        )
        call_log.on_change = self.bridge.interaction_changed
        engine.add_listener(call_log)
        self.engine, self.call_log = engine, call_log

        def boot() -> list[EngineAccount]:
            engine.start()
            accounts = engine_accounts(core)
            for account in accounts:
                engine.add_account(account.config, account.password)
            return accounts

        self.tasks.run(boot, self._engine_started, self._engine_failed, owner=self)

    def _engine_started(self, accounts: list[EngineAccount]) -> None:
        self.control.phone = self.engine
        self.control.call_log = self.call_log
        self.apply_accounts(accounts)
        self.engineReady.emit()

    def apply_accounts(self, accounts: list[EngineAccount]) -> None:
        names = {a.config.account_id: a.label for a in accounts}
        self.window.registration.set_accounts(names)
        self.control.account_id = next(iter(names), "")

    def _engine_failed(self, exc: Exception) -> None:
        log.error("SIP engine did not start: %s", exc)
        self.window.registration.set_engine_problem(
            self.tr("Phone engine did not start: %1").replace("%1", str(exc))
        )

    def reload_accounts(self) -> None:
        """After the settings changed: hand the engine the accounts afresh."""
        engine, core = self.engine, self.core
        if engine is None or self.control.phone is None:
            return

        def reload() -> list[EngineAccount]:
            for account_id in list(self.window.registration._names):
                engine.remove_account(account_id)
            accounts = engine_accounts(core)
            for account in accounts:
                engine.add_account(account.config, account.password)
            return accounts

        self.tasks.run(reload, self.apply_accounts, owner=self)

    # --- settings ------------------------------------------------------------------

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.core, self.tasks, self.window)
        dialog.accountsChanged.connect(self.reload_accounts)
        dialog.exec()

    # --- the end -------------------------------------------------------------------

    def shutdown(self) -> None:
        """Hangs up, stops the engine, flushes the call log, stops the worker."""
        if self.engine is not None:
            try:
                self.engine.stop()
            except Exception:
                log.exception("engine stop failed")
        if self.call_log is not None:
            self.call_log.close()
        self.tasks.shutdown()
