"""The screen-pop: who is calling, before the operator answers.

On IncomingCall the window hands one of these to each ringing call. It asks
the task worker for the customer's name and company and their last few
interactions, and shows itself as soon as the answer is filled in (or after a
short deadline, with the number alone, when the lookup is slow): painted once,
with the name, rather than first empty and then again. Answer and Reject act on
this call; an unknown number offers "Create customer" with the number filled in.

A popup is reused for later calls (``ring`` fills it again, closing hides it):
building a new widget tree per call cost more than the lookup itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import Core
from app.enums import ContactKind
from sip.events import IncomingCall
from ui.calls.calls import shown_number
from ui.common.core_text import error_text
from ui.common.plain_text import plain_label
from ui.common.tasks import TaskRunner
from ui.customers.timeline_view import interaction_text

if TYPE_CHECKING:
    from app.models import Customer, Interaction

RECENT = 4
# How long a popup waits for the lookup before it shows the number alone. The
# lookup (an indexed find and a 4-row page) answers in a few ms, known caller or
# not, so the popup is painted once, complete; when the worker is busy or slow it
# still pops within this, too soon for the eye to tell, and fills in later.
SHOW_DEADLINE_MS = 40
SIZE = (420, 360)


@dataclass(frozen=True)
class CallerInfo:
    customer: Customer | None
    recent: list[Interaction]


def look_up_caller(core: Core, number: str) -> CallerInfo:
    """Runs on the task worker: one indexed lookup, one short timeline page."""
    customer = core.customers.find(ContactKind.PHONE, number) if number else None
    if customer is None or customer.id is None:
        return CallerInfo(None, [])
    return CallerInfo(customer, core.timeline.page(customer.id, RECENT))


class ScreenPop(QWidget):
    answerRequested = Signal(str)  # call id
    rejectRequested = Signal(str)  # call id
    createCustomerRequested = Signal(str)  # the caller's number
    openCustomerRequested = Signal(int)  # customer id
    customerFound = Signal(str, str)  # call id, customer name
    # The lookup's answer for a call: its customer's name, "" when unknown or
    # when the lookup failed (the tray's notification waits for it).
    callerLookedUp = Signal(str, str)
    dismissed = Signal(str)  # call id: the popup was closed (by the window or the operator)
    show_deadline_ms = SHOW_DEADLINE_MS

    def __init__(self, core: Core, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("screenPop")
        self.setWindowTitle(self.tr("Incoming call"))
        self.core = core
        self.tasks = tasks
        self.call: IncomingCall | None = None  # None: idle, waiting for the next call
        self.info: CallerInfo | None = None
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._show_now)

        self.heading = plain_label(self, self.tr("Incoming call"))
        self.number = plain_label(self)
        self.number.setObjectName("popNumber")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.number.setFont(font)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name = plain_label(self)
        self.name.setObjectName("popName")
        nfont = self.name.font()
        nfont.setPointSizeF(nfont.pointSizeF() * 1.5)
        nfont.setBold(True)
        self.name.setFont(nfont)
        self.name.setWordWrap(True)
        self.company = plain_label(self)
        self.company.setObjectName("popCompany")
        self.recent_title = plain_label(self, self.tr("Last contacts:"))
        self.recent = QListWidget(self)
        self.recent.setObjectName("popRecent")
        self.recent.setWordWrap(True)
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent.setMinimumHeight(120)

        self.answer_button = QPushButton(self.tr("&Answer"), self)
        self.answer_button.setObjectName("popAnswer")
        self.answer_button.setStyleSheet("background: #1e7d32; color: white; padding: 6px;")
        self.answer_button.clicked.connect(self._answer)
        self.reject_button = QPushButton(self.tr("&Reject"), self)
        self.reject_button.setObjectName("popReject")
        self.reject_button.setStyleSheet("background: #b3261e; color: white; padding: 6px;")
        self.reject_button.clicked.connect(self._reject)
        self.create_button = QPushButton(self.tr("&Create customer"), self)
        self.create_button.setObjectName("popCreate")
        self.create_button.clicked.connect(self._create)
        self.open_button = QPushButton(self.tr("&Open card"), self)
        self.open_button.setObjectName("popOpen")
        self.open_button.clicked.connect(self._open)

        buttons = QHBoxLayout()
        buttons.addWidget(self.answer_button)
        buttons.addWidget(self.reject_button)
        extra = QHBoxLayout()
        extra.addWidget(self.create_button)
        extra.addWidget(self.open_button)
        extra.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.name)
        layout.addWidget(self.company)
        layout.addWidget(self.number)
        layout.addWidget(self.recent_title)
        layout.addWidget(self.recent, 1)
        layout.addLayout(extra)
        layout.addLayout(buttons)
        self.setMinimumWidth(340)
        self.answer_button.setDefault(True)
        self._reset()

    def warm_up(self) -> None:
        """Style, layout and native window made now, while idle, so that the
        first call's popup shows as fast as a reused one."""
        self.ensurePolished()
        for child in self.findChildren(QWidget):
            child.ensurePolished()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.winId()

    # --- one call --------------------------------------------------------------------

    def ring(self, event: IncomingCall) -> None:
        """Takes on a ringing call: the lookup starts at once; the popup shows
        when it has answered, or at the deadline, whichever comes first. The
        popup was reset when it was closed, so nothing of an earlier caller shows."""
        self.call = event
        number, core = event.number, self.core
        self.tasks.run(
            lambda: look_up_caller(core, number),
            lambda info: self._answered(event, info),
            lambda exc: self._failed(event, exc),
            owner=self,
        )
        self._deadline.start(self.show_deadline_ms)
        self.number.setText(self._shown_number())
        self.place()

    def _reset(self) -> None:
        """Back to "nothing known yet": no name, company or contacts of the
        previous caller may show on the next one's popup."""
        self._deadline.stop()
        self.call = None
        self.info = None
        self.number.clear()
        self.name.setText(self.tr("Looking up the caller…"))
        self.company.clear()
        self.company.show()
        self.recent.clear()
        self.recent_title.show()
        self.recent.show()
        self.create_button.hide()
        self.open_button.hide()
        self.resize(*SIZE)  # an unknown caller's popup was shrunk to fit

    def _show_now(self) -> None:
        self._deadline.stop()
        if self.call is None or self.isVisible():
            return
        self.show()
        self.raise_()

    def _shown_number(self) -> str:
        number = self.call.number if self.call else ""
        return shown_number(number) if number else self.tr("Unknown number")

    def _answered(self, event: IncomingCall, info: CallerInfo) -> None:
        if event is not self.call:
            return  # an earlier call's answer, come back after this popup moved on
        self._fill(info)
        self._show_now()
        # After the popup is up: the call panel's update must not hold back its paint.
        if info.customer is not None:
            self.customerFound.emit(event.call_id, info.customer.name)
        self.callerLookedUp.emit(event.call_id, info.customer.name if info.customer else "")

    def _fill(self, info: CallerInfo) -> None:
        assert self.call is not None
        self.info = info
        if info.customer is None:
            self.name.setText(self.call.display_name or self.tr("Unknown caller"))
            self.company.setText(self.tr("Not in your customers yet."))
            self.recent_title.hide()
            self.recent.hide()
            self.create_button.setVisible(bool(self.call.number))
            self.adjustSize()
            return
        customer = info.customer
        self.name.setText(customer.name)
        self.company.setText(customer.company)
        self.company.setVisible(bool(customer.company))
        self.open_button.show()
        if info.recent:
            for row in info.recent:
                self.recent.addItem(interaction_text(row))
        else:
            self.recent.addItem(self.tr("No earlier contacts."))

    def _failed(self, event: IncomingCall, exc: Exception) -> None:
        if event is not self.call:
            return
        self.name.setText(event.display_name or self.tr("Unknown caller"))
        self.company.setText(
            self.tr("The customer lookup failed: %1").replace("%1", error_text(exc))
        )
        self._show_now()
        self.callerLookedUp.emit(event.call_id, "")

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        call = self.call
        # Reset now rather than at the next ring, where it would delay the lookup.
        # A late lookup answer for this call is dropped (self.call is no longer it).
        self._reset()
        if call is not None:
            self.dismissed.emit(call.call_id)

    # --- buttons -----------------------------------------------------------------------

    def _answer(self) -> None:
        if self.call is not None:
            self.answerRequested.emit(self.call.call_id)

    def _reject(self) -> None:
        if self.call is not None:
            self.rejectRequested.emit(self.call.call_id)

    def _create(self) -> None:
        if self.call is not None:
            self.createCustomerRequested.emit(self.call.number)

    def _open(self) -> None:
        if self.info is not None and self.info.customer is not None:
            assert self.info.customer.id is not None
            self.openCustomerRequested.emit(self.info.customer.id)

    def place(self) -> None:
        """Top-right corner of the screen, where notifications usually are."""
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        self.move(area.right() - self.width() - 16, area.top() + 16)
