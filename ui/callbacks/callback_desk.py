"""The callback work of the window: the queue panel kept fresh, "call next" and
"call this one", the outcome asked when the call ends, the outcome saved.

One path for every way to take a callback (the menu, Ctrl+Shift+N, F9, the
panel's button, Enter on a row): the work runs through ``CallbackDialer`` on
the task worker (it claims, counts the attempt, records and dials), the answer
comes back on the GUI thread. The desk only holds what the window needs to ask
the operator later: which of the calls in progress are callbacks.

The queue is read again when the window's one changes value names a callback
request (whoever wrote it: the call log's missed call, the web form, a channel,
this desk's own claim or outcome), on a short timer so a burst is one read,
and every 15 s besides (the SLA countdowns, other operators' databases).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QDateTime, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.contacts import format_phone
from sip.events import CallEnded
from ui.callbacks.callback_handover import CallbackHandover
from ui.callbacks.callback_queue_panel import CallbackQueuePanel
from ui.calls.call_control import CallControl
from ui.common.bridge import EngineBridge
from ui.common.core_text import error_text
from ui.common.tasks import TaskRunner

# The database side only where it is used: the window is built before the
# database is open and must not import SQLAlchemy (bench/README.md, "The window").
if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from app.changes import Changes
    from app.core import Core
    from app.enums import CallbackOutcome
    from app.models import CallbackRequest
    from sip.adapters.call_log import CallLog
    from sip.adapters.callback_dialer import CallbackCall, CallbackDialer
    from ui.callbacks.callback_outcome_dialog import CallbackOutcomeDialog

log = logging.getLogger(__name__)


@dataclass
class CallbackInProgress:
    """A callback being called: claimed, then dialled (``call`` once the dial
    reported), and how it ended if that came first."""

    dialer: CallbackDialer
    request: CallbackRequest
    call: CallbackCall | None = None
    ended: CallEnded | None = None

REFRESH_MS = 15_000  # the queue is read again this often, besides after each change
SOON_MS = 300  # a burst of writes becomes one read


class CallbackDesk(QObject):
    message = Signal(str)  # status-bar text (translated)
    settingsRequested = Signal()  # the operator wants to fix the settings (their name)
    customerOpened = Signal(int)  # a callback with a known customer was dialled
    # One asked for from a chat was dialled: customer id (-1: none), conversation
    # id, the message that asked (-1: none), for the panel to show that chat.
    conversationOpened = Signal(int, int, int)
    queueChanged = Signal(int, int)  # waiting, overdue: for the tab title

    def __init__(
        self,
        core: Core,
        tasks: TaskRunner,
        bridge: EngineBridge,
        control: CallControl,
        panel: CallbackQueuePanel,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.core = core
        self.tasks = tasks
        self.control = control
        self.panel = panel
        self.window = parent
        self.call_log: CallLog | None = None  # the shell hands it over
        self.view = "all"
        self.calls: dict[str, CallbackInProgress] = {}
        self.outcome_dialogs: dict[str, CallbackOutcomeDialog] = {}
        self.problem: QMessageBox | None = None  # the last error box shown (tests read it)
        self._stopped = False
        self._busy = False  # a claim or dial is on its way: one at a time
        self._loading = False
        self._reload_again = False

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SOON_MS)
        self._soon.timeout.connect(self.refresh)
        panel.viewChanged.connect(self.set_view)
        panel.callRequested.connect(self.call_request)
        self.handover = CallbackHandover(
            core,
            tasks,
            panel,
            parent,
            self.show_problem,
            lambda: self.core.settings.operator_name,
            self.refresh,
        )
        self.handover.message.connect(self.message)
        bridge.callEnded.connect(self._on_call_ended)

    def start(self) -> None:
        self.refresh()
        self.timer.start()

    def stop(self) -> None:
        """No more reads (the app is closing; the task runner is going away)."""
        self.timer.stop()
        self._soon.stop()
        self._stopped = True

    # --- the queue -------------------------------------------------------------------

    def set_view(self, view: str) -> None:
        self.view = view
        self.refresh()

    def apply_changes(self, changes: Changes) -> None:
        """The window's changes value: any changed request may move in the queue."""
        if changes.callbacks:
            self.refresh_soon()

    @property
    def refresh_pending(self) -> bool:
        """A change waits for the short timer."""
        return self._soon.isActive()

    def refresh_soon(self) -> None:
        # Not restarted by later changes: a steady stream can't hold it back.
        if not self._soon.isActive():
            self._soon.start()

    def refresh(self) -> None:
        if self._stopped or not self.core.is_open or not shiboken6.isValid(self.tasks):
            return  # (the window starts the desk once the database is open)
        self._soon.stop()  # this read covers every change received so far
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        queue, view = self.core.callbacks, self.view
        operator = self.core.settings.operator_name.strip()
        self.tasks.run(
            lambda: queue.queue(view, operator), self._show, self._refresh_failed, owner=self.panel
        )

    def _show(self, requests: list[CallbackRequest]) -> None:
        self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.refresh()
        now = datetime.now(UTC)
        self.panel.set_requests(requests, now)
        overdue = sum(1 for r in requests if r.sla_deadline and r.sla_deadline < now)
        self.queueChanged.emit(len(requests), overdue)

    def _refresh_failed(self, exc: Exception) -> None:
        self._loading = False
        self.message.emit(
            self.tr("The callback queue could not be read: %1").replace("%1", error_text(exc))
        )

    # --- taking a callback -------------------------------------------------------------

    def call_next(self) -> None:
        """The most urgent due request: claimed, counted, dialled."""
        self._take(lambda dialer: dialer.claim_next())

    def call_request(self, request_id: int) -> None:
        """The request the operator picked in the list."""
        self._take(lambda dialer: dialer.claim(request_id))

    def _take(self, claim: Callable[[CallbackDialer], CallbackRequest | None]) -> None:
        operator = self.core.settings.operator_name.strip()
        if not operator:
            # The same words CallbackQueue uses, translated, with the way to fix it.
            self.show_problem(
                self.tr("Set the operator's name in the settings before taking callbacks."),
                offer_settings=True,
            )
            return
        reason = self.control.not_ready_reason()
        if reason:
            self.message.emit(reason)
            return
        if self.outcome_dialogs:
            self.message.emit(self.tr("Save how the last callback went first."))
            return
        if self._busy:
            return
        if self.control.book.active is not None:
            self.message.emit(self.tr("Finish the current call before taking a callback."))
            return
        call_log, phone = self.call_log, self.control.phone
        if call_log is None or phone is None:
            self.message.emit(self.tr("The phone engine is not running, so calls can't be placed."))
            return
        core, account = self.core, self.control.account_id
        dial_format = core.settings.dial_format

        def run() -> tuple[CallbackDialer, CallbackRequest | None]:
            from sip.adapters.callback_dialer import CallbackDialer

            dialer = CallbackDialer(core.callbacks, call_log, phone, account, operator, dial_format)
            return dialer, claim(dialer)

        self._busy = True
        self.tasks.run(run, self._claimed, self._take_failed, owner=self.panel)

    def _claimed(self, result: tuple[CallbackDialer, CallbackRequest | None]) -> None:
        """Claimed: the call gets its id here and is in the call book and in
        ``calls`` before it is dialled, so its end can't come before them."""
        dialer, request = result
        if request is None:
            self._busy = False
            self.message.emit(self.tr("No callback is due right now."))
            self.refresh()
            return
        phone = self.control.phone
        if phone is None:  # the engine stopped meanwhile
            self._take_failed(RuntimeError("the phone engine is not running"))
            return
        call_id = phone.new_call_id()
        self.calls[call_id] = CallbackInProgress(dialer, request)
        self.control.book.add_outgoing(call_id, format_phone(request.phone), request.name)
        self.tasks.run(
            lambda: dialer.call(request, call_id),
            self._dialled,
            lambda exc: self._not_dialled(call_id, exc),
            owner=self.panel,
        )

    def _not_dialled(self, call_id: str, exc: Exception) -> None:
        self.calls.pop(call_id, None)
        self.control.book.drop(call_id)
        self._take_failed(exc)

    def _dialled(self, call: CallbackCall) -> None:
        self._busy = False
        request = call.request
        who = request.name or format_phone(request.phone)
        taken = self.calls.get(call.call_id)
        if taken is None:
            return  # the desk stopped meanwhile
        taken.call = call
        if request.customer_id is not None:
            self.customerOpened.emit(request.customer_id)
        conversation = request.meta.get("conversation_id") if request.meta else None
        if isinstance(conversation, int):
            message = request.meta.get("interaction_id")
            self.conversationOpened.emit(
                request.customer_id if request.customer_id is not None else -1,
                conversation,
                message if isinstance(message, int) else -1,
            )
        self.message.emit(self.tr("Calling back %1…").replace("%1", who))
        if taken.ended is not None:  # it ended (failed at once) before the dial reported
            self._on_call_ended(taken.ended)

    def _take_failed(self, exc: Exception) -> None:
        self._busy = False
        # Read now: the refusal may come from another operator's write (they
        # took the request), which no change in this process announces.
        self.refresh()
        from app.callbacks import CallbackError

        if isinstance(exc, CallbackError):
            self.show_problem(
                self.tr("This callback can't be taken: %1").replace("%1", error_text(exc))
            )
        else:
            self.show_problem(
                self.tr("The callback call could not be placed: %1").replace("%1", error_text(exc))
            )

    # --- after the call ----------------------------------------------------------------

    def _on_call_ended(self, event: CallEnded) -> None:
        taken = self.calls.get(event.call_id)
        if taken is None:
            return
        if taken.call is None:  # dialled, not yet reported: _dialled asks
            taken.ended = event
            return
        del self.calls[event.call_id]
        dialer, call = taken.dialer, taken.call
        # CallbackCall.request is the request as claimed; start_attempt counted one more.
        attempts = call.request.attempts + 1
        attempts_left = max(0, self.core.callbacks.policy.max_attempts - attempts)
        self.ask_outcome(event.call_id, dialer, call, dialer.suggestion(event), attempts_left)

    def ask_outcome(
        self,
        call_id: str,
        dialer: CallbackDialer,
        call: CallbackCall,
        suggested: CallbackOutcome | None,
        attempts_left: int,
        later: datetime | None = None,
    ) -> CallbackOutcomeDialog:
        from ui.callbacks.callback_outcome_dialog import (
            CallbackOutcomeDialog,  # when a callback ends
        )

        request = call.request
        who = request.name or format_phone(request.phone)
        dialog = CallbackOutcomeDialog(who, suggested, attempts_left, self.window)
        dialog.setObjectName("callbackOutcomeDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if later is not None:
            dialog.later.setDateTime(QDateTime.fromSecsSinceEpoch(int(later.timestamp())))
        self.outcome_dialogs[call_id] = dialog

        def chosen() -> None:
            outcome = dialog.outcome()
            assert outcome is not None  # OK is enabled only with a choice
            self.outcome_dialogs.pop(call_id, None)
            self._finish(call_id, dialer, call, outcome, dialog.call_later_at(), attempts_left)

        def dropped() -> None:
            self.outcome_dialogs.pop(call_id, None)
            self.message.emit(
                self.tr(
                    "The outcome of the callback to %1 was not saved: it returns to the queue "
                    "when your claim expires."
                ).replace("%1", who)
            )
            self.refresh()

        dialog.accepted.connect(chosen)
        dialog.rejected.connect(dropped)
        dialog.open()
        dialog.raise_()
        return dialog

    def _finish(
        self,
        call_id: str,
        dialer: CallbackDialer,
        call: CallbackCall,
        outcome: CallbackOutcome,
        later: datetime | None,
        attempts_left: int,
    ) -> None:
        who = call.request.name or format_phone(call.request.phone)

        def saved(_: CallbackRequest) -> None:
            self.message.emit(self.tr("Callback outcome saved: %1.").replace("%1", who))

        def failed(exc: Exception) -> None:
            from app.callbacks import ClaimLost

            self.refresh()  # as in _take_failed: another operator's write, not ours
            if isinstance(exc, ClaimLost):
                # Nothing to retry: the request is another operator's now. The call
                # itself is on the customer's timeline.
                self.show_problem(
                    self.tr(
                        "Another operator took the callback to %1 after your claim expired, "
                        "so this outcome was not saved. The call is on the customer's timeline."
                    ).replace("%1", who)
                )
                return
            # Anything else: ask again with the operator's choice kept, so nothing is lost.
            self.show_problem(
                self.tr("The callback outcome could not be saved: %1").replace(
                    "%1", error_text(exc)
                )
            )
            self.ask_outcome(call_id, dialer, call, outcome, attempts_left, later)

        self.tasks.run(lambda: dialer.finish(call, outcome, later), saved, failed, owner=self.panel)

    # --- messages ------------------------------------------------------------------------

    def show_problem(self, text: str, offer_settings: bool = False) -> QMessageBox:
        """A message the operator must read; with a button to the settings when
        the fix is there. Not modal-blocking: calls keep ringing."""
        from PySide6.QtWidgets import QMessageBox  # on demand: its Qt type is made when first read

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Callbacks"), text, parent=self.window)
        box.setObjectName("callbackProblem")
        box.setTextFormat(Qt.TextFormat.PlainText)  # names and reasons from outside
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if offer_settings:
            settings = box.addButton(self.tr("Open settings…"), QMessageBox.ButtonRole.ActionRole)
            settings.clicked.connect(self.settingsRequested.emit)
        box.addButton(QMessageBox.StandardButton.Close)
        self.problem = box
        box.open()
        return box
