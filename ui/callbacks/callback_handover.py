"""Handing a callback request on from the queue: to an operator ("Assign to…"),
back to everyone ("Release"), or out of the queue ("Cancel…", saying why).

The panel says which request (its row's actions and keys); this asks who or why
in a small window-modal dialog that never blocks the calls, runs the queue's
write on the task worker and says what happened in the status bar. The queue
itself is read again by the desk when the write's change arrives, like after
every write.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from ui.callbacks.callback_queue_panel import CallbackQueuePanel
from ui.common.core_text import error_text
from ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from app.core import Core
    from app.models import CallbackRequest

MAX_REASON = 2000  # app.callbacks.MAX_REASON, not imported: the window starts without SQLAlchemy


class CallbackHandover(QObject):
    message = Signal(str)  # status-bar text (translated)

    def __init__(
        self,
        core: Core,
        tasks: TaskRunner,
        panel: CallbackQueuePanel,
        window: QWidget,
        show_problem: Callable[..., object],
        operator: Callable[[], str],
        refresh: Callable[[], None],
    ) -> None:
        """``show_problem``: the desk's box for a refusal the operator must read;
        ``operator``: who is doing it (the settings' name, read at each action);
        ``refresh``: the desk's read of the queue."""
        super().__init__(window)
        self.core = core
        self.tasks = tasks
        self.panel = panel
        self.window = window
        self.show_problem = show_problem
        self.operator = operator
        self.refresh = refresh
        self.dialog: QInputDialog | None = None  # the one open (tests read it)
        panel.assignRequested.connect(self.ask_assignee)
        panel.releaseRequested.connect(self.release)
        panel.cancelRequested.connect(self.ask_reason)

    # --- assign --------------------------------------------------------------------------

    def ask_assignee(self, request_id: int) -> None:
        me = self._me()
        if not me:
            return
        queue = self.core.callbacks
        self.tasks.run(
            queue.operators,
            lambda names: self._assignee_dialog(request_id, me, names),
            self._refused,
            owner=self.panel,
        )

    def _assignee_dialog(self, request_id: int, me: str, known: list[str]) -> None:
        names = [me, *(name for name in known if name != me)]
        dialog = self._dialog(self.tr("Assign callback #%1").replace("%1", str(request_id)))
        dialog.setObjectName("assignCallbackDialog")
        dialog.setLabelText(self.tr("Give it to the operator (only they get it with “Call next”):"))
        dialog.setComboBoxItems(names)
        dialog.setComboBoxEditable(True)  # a colleague who has not taken a callback yet
        dialog.setTextValue(names[1] if len(names) > 1 else me)
        dialog.setOkButtonText(self.tr("Assign"))
        dialog.textValueSelected.connect(lambda to: self.assign(request_id, to))
        dialog.open()

    def assign(self, request_id: int, to: str) -> None:
        me = self._me()
        if not me:
            return
        queue = self.core.callbacks

        def done(row: CallbackRequest) -> None:
            self.message.emit(
                self.tr("Callback #%1 is assigned to %2.")
                .replace("%1", str(request_id))
                .replace("%2", row.assigned_to or to)
            )

        self.tasks.run(
            lambda: queue.reassign(request_id, me, to), done, self._refused, owner=self.panel
        )

    # --- release -------------------------------------------------------------------------

    def release(self, request_id: int) -> None:
        me = self._me()
        if not me:
            return
        queue = self.core.callbacks
        before = next((r for r in self.panel.model.rows if r.request_id == request_id), None)

        def done(row: CallbackRequest) -> None:
            held = before is not None and me in (before.claimed_by, before.assigned_to)
            if held:
                text = self.tr("Callback #%1 is back in the queue for everyone.")
            else:
                text = self.tr("Callback #%1 was not held by you: nothing changed.")
            self.message.emit(text.replace("%1", str(request_id)))

        self.tasks.run(lambda: queue.release(request_id, me), done, self._refused, owner=self.panel)

    # --- cancel --------------------------------------------------------------------------

    def ask_reason(self, request_id: int) -> None:
        if not self._me():
            return
        row = next((r for r in self.panel.model.rows if r.request_id == request_id), None)
        who = (row.name or row.phone) if row is not None else f"#{request_id}"
        dialog = self._dialog(self.tr("Cancel callback #%1").replace("%1", str(request_id)))
        dialog.setObjectName("cancelCallbackDialog")
        dialog.setLabelText(
            self.tr("Nobody will call %1 back for this request. Why? (kept on the timeline)")
            .replace("%1", who)
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(self.tr("Cancel the callback"))
        dialog.setCancelButtonText(self.tr("Keep it"))
        field = dialog.findChild(QLineEdit)
        if field is not None:
            field.setMaxLength(MAX_REASON)
        dialog.textValueSelected.connect(lambda reason: self.cancel(request_id, reason))
        dialog.open()

    def cancel(self, request_id: int, reason: str) -> None:
        me = self._me()
        if not me:
            return
        queue = self.core.callbacks

        def done(_: CallbackRequest) -> None:
            self.message.emit(self.tr("Callback #%1 is cancelled.").replace("%1", str(request_id)))

        self.tasks.run(
            lambda: queue.cancel(request_id, me, reason), done, self._refused, owner=self.panel
        )

    # --- helpers -------------------------------------------------------------------------

    def _me(self) -> str:
        """The operator's name; without one, the desk's problem box says where to set it."""
        me = self.operator().strip()
        if not me:
            self.show_problem(
                self.tr("Set the operator's name in the settings before taking callbacks."),
                offer_settings=True,
            )
        return me

    def _dialog(self, title: str) -> QInputDialog:
        if self.dialog is not None:
            self.dialog.close()
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        return dialog

    def _closed(self, dialog: QInputDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _refused(self, exc: Exception) -> None:
        # Another operator's write may be why (they took or closed it): read again.
        self.refresh()
        self.show_problem(error_text(exc))
