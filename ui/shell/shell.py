"""Everything the running app is made of, wired once: core, task runner,
bridge, calls, window, tray and (when it starts) the SIP engine.

Kept apart from main() so tests and the screenshot script build the same
window without a command line, a single-instance server or a real engine.

The shell may be built with a core whose database is not open yet
(``Core.prepare``): main() shows the window first and opens the database on
the task worker after the first paint (``open_core``), because importing
SQLAlchemy and SQLModel alone takes longer than the whole bare window
(bench/README.md, "The window"). Hence nothing imported here at module level
may bring SQLAlchemy: the database side (app.accounts, sip.adapters.call_log,
sip.adapters.account_rows) is imported where it is used, once the database is open.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.contacts import number_for_dialing
from app.secrets import SecretsUnavailable
from app.settings import Settings
from ui.calls.call_control import CallControl
from ui.calls.call_log_status import CallLogStatus
from ui.calls.calls import CallBook
from ui.calls.phone import PhoneCommands
from ui.common.bridge import EngineBridge
from ui.common.core_text import error_text
from ui.common.plain_text import plain_label, plain_tooltip
from ui.common.tasks import TaskRunner
from ui.shell.channel_service import ChannelService
from ui.shell.main_window import MainWindow
from ui.shell.webform_service import WebFormService

if TYPE_CHECKING:
    from app.core import Core
    from sip.adapters.account_rows import EngineAccount
    from sip.adapters.call_log import CallLog

log = logging.getLogger(__name__)
DEMO_ACCOUNT = "demo"
# After the engine is up, the start is given this long to settle (the first
# pages of customers and callbacks load meanwhile) before the heap is trimmed.
START_SETTLE_MS = 1500


class Shell(QObject):
    engineReady = Signal()
    # The core's database is open and the window has what it needs from it
    # (at once for a core opened before the shell; after open_core otherwise).
    coreReady = Signal()
    # open_core failed: the exception (a DatabaseError says why, for the operator).
    coreFailed = Signal(object)

    def __init__(
        self, core: Core, phone: PhoneCommands | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.core = core
        self.tasks = TaskRunner(self)
        self.bridge = EngineBridge(self)
        self.book = CallBook(self.bridge, self)
        self.engine: Any = None
        self.demo_line: Any = None
        self.audio: Any = None  # ui.calls.call_audio.CallAudio, once the engine starts
        self._account_ids: list[str] = []  # the accounts handed to the engine
        # Recordings by hand (CallControl) and by an account's auto-recording (the engine).
        self.recordings_dir = core.paths.data_dir / "recordings"
        self.control = CallControl(
            self.book,
            self.tasks,
            phone=phone,
            recordings_dir=self.recordings_dir,
            parent=self,
        )
        # Read at each dial, so a changed region or format applies at once.
        self.control.dial_style = lambda number: number_for_dialing(
            number, core.settings.default_region, core.settings.dial_format
        )
        self.window = MainWindow(core, self.tasks, self.bridge, self.book, self.control)
        self.window.settingsRequested.connect(self.open_settings)
        self.window.demoLineRequested.connect(self.call_demo_line)
        self.call_log: CallLog | None = None  # once the database is open
        # Why the calls may have no sound (no devices, a chosen one unplugged):
        # permanent, unlike a status message, because it stays true until fixed.
        # Device names come from outside (a Bluetooth headset names itself): plain text.
        self.audio_status = plain_label(self.window)
        self.audio_status.setObjectName("audioStatus")
        self.audio_status.setStyleSheet("color: #b3261e;")
        self.audio_status.hide()
        self.window.statusBar().addPermanentWidget(self.audio_status)
        # What the database refuses of the call log, for as long as it does.
        self.call_log_status = CallLogStatus(self.window)
        self.window.statusBar().addPermanentWidget(self.call_log_status)
        # The website's callback form: nothing happens unless enabled in the settings.
        # The Telegram bots: read from the moment the database is open.
        self.channels = ChannelService(core, self.window, self)
        self.webform = WebFormService(core, self.channels, self.window, self)
        if core.is_open:
            self._core_opened()

    # --- the database ------------------------------------------------------------

    def open_core(self) -> None:
        """Opens the core's database on the task worker, then does what a shell
        built with an open core did at construction, and starts the engine.
        Every database call goes through the same worker in order, so whatever
        is queued meanwhile runs on the open database. A failure is coreFailed
        (bounded in time: a database server that never answers fails at the
        connect timeout, app/db.py); the core stays unopened and this may run
        again (the start's database dialog does, to try again or another URL)."""
        self.tasks.run(
            self.core.connect,
            lambda _: self._opened_later(),
            self.coreFailed.emit,
            owner=self,
        )

    def _opened_later(self) -> None:
        self._core_opened()
        self.start_engine()

    def _core_opened(self) -> None:
        from app.spool import in_profile
        from sip.adapters.call_log import CallLog

        core = self.core
        # The call log exists before the engine does: the callback desk records
        # and dials through it (with whatever phone the control has). What the
        # database refused before the last close is written first, from the spool.
        self.call_log = CallLog(
            core.timeline,
            core.callbacks,
            attach_recording=core.attachments.add,
            operator=self.window.operator,
            spool=in_profile(core.paths, core.db.url, "call-log"),
            on_status=self.call_log_status.post,
        )
        self.call_log.on_refusal = self.bridge.call_log_refused
        self.window.callbacks.call_log = self.call_log
        self.window.core_opened()
        self.channels.start()  # the bots and the web form
        self.coreReady.emit()

    # --- the engine ----------------------------------------------------------------

    def start_engine(self) -> None:
        """Starts pjsua2 on the task worker and registers the configured accounts.

        A machine where the engine can't start keeps a working window (customers,
        timeline) with the reason in the status bar. Needs the open database
        (the accounts, the call log)."""
        call_log = self.call_log
        assert call_log is not None, "start_engine before the database is open"
        try:
            from sip.config import EngineConfig
            from sip.engine import Engine
        except Exception as exc:  # pjsua2 missing or broken
            self.window.registration.set_engine_problem(
                self.tr("Phone engine unavailable: %1").replace("%1", error_text(exc))
            )
            return
        settings = self.core.settings
        engine = Engine(
            EngineConfig(
                ring_tone=settings.ring_tone != "off",
                codecs=tuple(settings.codecs),
                recordings_dir=str(self.recordings_dir),
            ),
            audio=self._audio_backend(),
        )
        engine.add_listener(self.bridge)
        core = self.core
        engine.add_listener(call_log)
        self.engine = engine

        def boot() -> tuple[list[EngineAccount], str]:
            from app.accounts import list_sip_accounts
            from sip.adapters.account_rows import engine_accounts, engine_config

            # TLS and STUN are endpoint-wide: set from the stored accounts before
            # the endpoint exists (read here, off the GUI thread).
            rows = list_sip_accounts(core)
            engine.config = engine_config(engine.config, rows)
            engine.start()
            try:
                accounts = engine_accounts(core, rows)
            except SecretsUnavailable as exc:
                # The engine runs (the demo line works); the accounts can't log in.
                return [], error_text(exc)
            for account in accounts:
                engine.add_account(account.config, account.password)
            return accounts, ""

        self.tasks.run(boot, self._engine_started, self._engine_failed, owner=self)

    def _audio_backend(self) -> Any:
        """The engine's audio backend: the operator's devices through
        QtMultimedia, loaded on the GUI thread (which owns the streams) when a
        call first needs them, not now (ui/calls/call_audio.py). Without QtMultimedia
        the calls still work, silently, and the status bar says why."""
        from ui.calls.call_audio import CallAudio

        self.audio = CallAudio(self.core.settings, self.bridge, self)
        self.audio.statusChanged.connect(self._show_audio_status)
        return self.audio.backend

    def _show_audio_status(self, text: str) -> None:
        self.audio_status.setText(text)
        self.audio_status.setToolTip(plain_tooltip(text))
        self.audio_status.setVisible(bool(text))
        if text:
            self.window.show_message(text)

    def apply_settings(self, settings: Settings) -> None:
        """Saved settings that apply without a restart: devices (to a call in
        progress too), the ring tone (to a call ringing now too) and the codecs
        (from the next call on)."""
        if self.audio is not None:
            self.audio.apply(settings)
        if self.engine is not None and self.control.phone is not None:
            self.engine.set_ring_tone(settings.ring_tone != "off")
            self.engine.set_codecs(tuple(settings.codecs))
            self.apply_forwarding(settings)

    def apply_forwarding(self, settings: Settings) -> None:
        """Call forwarding as saved (Settings > General), the number in the
        PBX's dial format; off when the saved number can't be dialled."""
        from sip.events import ForwardMode
        from ui.settings.call_forwarding import forward_target

        target = forward_target(settings, self.control.dial_style)
        mode = ForwardMode(settings.forward_mode) if target else ForwardMode.OFF
        self.engine.set_forwarding(mode, target, float(settings.forward_after_s))

    def _engine_started(self, result: tuple[list[EngineAccount], str]) -> None:
        accounts, problem = result
        self.control.phone = self.engine
        self.control.set_do_not_disturb(self.control.do_not_disturb)  # as saved
        self.apply_forwarding(self.core.settings)
        self.control.call_log = self.call_log
        self.apply_accounts(accounts)
        if problem:
            self.window.registration.set_engine_problem(
                self.tr("SIP accounts can't log in: %1").replace("%1", problem)
            )
        self.engineReady.emit()
        from ui.shell.heap import trim_heap

        # The start is over (window, database, engine); its garbage can go.
        QTimer.singleShot(START_SETTLE_MS, trim_heap)

    def apply_accounts(self, accounts: list[EngineAccount]) -> None:
        names = {a.config.account_id: a.label for a in accounts}
        self._account_ids = list(names)
        self.window.registration.set_accounts(names)
        self.window.line_picker.set_accounts(names)  # sets control.account_id

    def _engine_failed(self, exc: Exception) -> None:
        log.error("SIP engine did not start: %s", exc)
        self.window.registration.set_engine_problem(
            self.tr("Phone engine did not start: %1").replace("%1", error_text(exc))
        )

    def reload_accounts(self) -> None:
        """After the settings changed: hand the engine the accounts afresh."""
        engine, core = self.engine, self.core
        if engine is None or self.control.phone is None:
            return

        old_ids = list(self._account_ids)

        def reload() -> list[EngineAccount]:
            from sip.adapters.account_rows import engine_accounts

            for account_id in old_ids:
                engine.remove_account(account_id)
            accounts = engine_accounts(core)
            for account in accounts:
                engine.add_account(account.config, account.password)
            return accounts

        self.tasks.run(reload, self.apply_accounts, owner=self)

    # --- the demo line ----------------------------------------------------------------

    def call_demo_line(self) -> None:
        """Starts the built-in demo line (a child-process phone on 127.0.0.1 that
        answers, beeps and echoes) once, and calls it through a local account."""
        engine = self.engine
        if engine is None or self.control.phone is None:
            self.window.show_message(
                self.tr("The phone engine is not running, so the demo line can't be called.")
            )
            return
        if self.demo_line is not None:
            self._dial_demo(self.demo_line.uri)
            return

        def start() -> str:
            from sip.config import AccountConfig
            from sip.demo_line import DemoLine

            line = DemoLine.start()
            self.demo_line = line
            engine.add_account(
                AccountConfig(DEMO_ACCOUNT, "operator", "127.0.0.1", register=False)
            ).result(10)
            return line.uri

        self.tasks.run(start, self._dial_demo, owner=self)

    def _dial_demo(self, uri: str) -> None:
        """Finds (or makes) the demo line's customer on the worker, then dials, so
        the call is linked to a card the newcomer can see."""
        core, name = self.core, self.tr("Switchboard demo line")
        self.tasks.run(
            lambda: self.demo_customer(core, name),
            lambda found: self._dial_demo_as(uri, found),
            lambda exc: self.window.show_message(
                self.tr("The demo line's customer could not be made: %1").replace(
                    "%1", error_text(exc)
                )
            ),
            owner=self,
        )

    def _dial_demo_as(self, uri: str, customer: tuple[int, str]) -> None:
        customer_id, name = customer
        self.window.open_customer(customer_id)
        previous = self.control.account_id
        self.control.account_id = DEMO_ACCOUNT
        try:
            self.control.dial(uri, customer_id=customer_id, customer_name=name)
        finally:
            self.control.account_id = previous

    @staticmethod
    def demo_customer(core: Core, name: str) -> tuple[int, str]:
        """The demo line's customer (id, name as stored), made on the first demo
        call; runs on the task worker. Its contact point is the line's address
        without the port (picked afresh at each start), so every demo call finds
        the same customer, also after the operator renamed it."""
        from app.customers import ContactInput, CustomerError
        from app.enums import ContactKind
        from sip.demo_line import DEMO_USER

        address = f"sip:{DEMO_USER}@127.0.0.1"
        found = core.customers.find(ContactKind.SIP, address)
        if found is None:
            try:
                found = core.customers.create(name, [ContactInput(ContactKind.SIP, address)])
            except CustomerError:
                found = core.customers.find(ContactKind.SIP, address)  # made meanwhile
                if found is None:
                    raise
        assert found.id is not None
        return found.id, found.name

    # --- settings ------------------------------------------------------------------

    def open_settings(self) -> None:
        from sip.config import Transport  # with the engine, after the first paint
        from ui.settings.settings_dialog import SettingsDialog

        problems = getattr(self.engine, "transport_problems", {})
        dialog = SettingsDialog(
            self.core, self.tasks, self.window, tls_problem=problems.get(Transport.TLS, "")
        )
        dialog.accountsChanged.connect(self.reload_accounts)
        dialog.settingsSaved.connect(lambda: self.apply_settings(self.core.settings))
        dialog.settingsSaved.connect(self.webform.restart)
        self.channels.attach_page(dialog.telegram)
        self.channels.attach_page(dialog.email)
        dialog.exec()

    # --- the end -------------------------------------------------------------------

    def shutdown(self) -> None:
        """Hangs up, stops the engine, flushes the call log, stops the worker."""
        self.webform.stop()  # no more requests written while the rest closes
        self.channels.stop()  # nor messages; before the core closes
        self.window.stop_refreshing()  # no more reads: the worker goes at the end
        if self.engine is not None:
            try:
                self.engine.stop()
            except Exception:
                log.exception("engine stop failed")
        if self.audio is not None:
            # The engine asked for this through a queued signal that may never be
            # delivered now: the event loop is ending.
            self.audio.close()
        self.window.call_panel.notes.flush()  # the last words typed, into the call log
        if self.call_log is not None:
            self.call_log.close()
        if self.demo_line is not None:
            self.demo_line.stop()
        self.tasks.shutdown()
